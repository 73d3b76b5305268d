"""Build a site with the project's own settings into a folder of the test's choosing."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent


def build_site(output: Path, content: Path | None = None, conf: str = "pelicanconf.py", **overrides) -> Path:
    settings = read_settings(
        str(ROOT / conf),
        override={"OUTPUT_PATH": str(output), "PATH": str(content or ROOT / "content"), **overrides},
    )
    Pelican(settings).run()
    return output


def quiet_pelican():
    logging.getLogger("pelican").setLevel(logging.WARNING)
