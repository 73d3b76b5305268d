"""The stored expected output of the sample archive, and the one command that regenerates it.

    make expected        (or: .venv/bin/python -m tests.site.expected)

Run it when a change to the output is intended, and read the diff before committing.
The site is built with publishconf.py and a fixed SITEURL, so feeds and structured data
are covered. Copies of files the repository already holds are left out: lunr.js (from
npm), the theme's static files and the raw dumps; the test checks those separately. So are
the texts a page carries of such files (the search page's scripts): kept as their element,
emptied (:func:`comparable`).
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = ROOT / "tests" / "site" / "expected"
SITEURL = "https://example.org/news-archive"
COPIES = ("search/lunr.min.js", "theme/", "dumps/")
#: A page's element carrying the text of a file (``data-from`` names it): lunr.js or a theme script.
CARRIED = re.compile(rb'(<script data-from="([^"]+)"[^>]*>)(.*?)(</script>)', re.S)


def comparable(data: bytes) -> bytes:
    """A built file as the expected tree holds it: each carried file's text left out of its element."""
    return CARRIED.sub(rb"\1\4", data)


def carried(data: bytes) -> dict[str, bytes]:
    """The texts a page carries, by the file each is from."""
    return {m.group(2).decode(): m.group(3) for m in CARRIED.finditer(data)}


def build(output: Path) -> Path:
    from ..builds import build_site

    return build_site(output, conf="publishconf.py", SITEURL=SITEURL)


def compared_files(site: Path) -> list[str]:
    """Relative paths of the output files the expected tree holds."""
    names = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    return sorted(n for n in names if not n.startswith(COPIES))


def regenerate() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        site = build(Path(tmp) / "site")
        if EXPECTED.exists():
            shutil.rmtree(EXPECTED)
        for name in compared_files(site):
            target = EXPECTED / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(comparable((site / name).read_bytes()))
    print(f"wrote {len(compared_files(EXPECTED))} files to {EXPECTED.relative_to(ROOT)}; review `git diff tests/site/expected`")


if __name__ == "__main__":
    sys.exit(regenerate())
