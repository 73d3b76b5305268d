"""Incremental rebuilds: what the last build computed and wrote, kept beside Pelican's content cache.

With Pelican's ``LOAD_CONTENT_CACHE`` / ``CACHE_CONTENT`` on, a build loads the memos of the last
one from ``CACHE_PATH`` and saves its own: ``news_archive.pickle`` (the events stage: per-dump
features and vectors, the idf table, per-event results, undated placements),
``news_archive-pages.pickle`` (a fingerprint of every page written, each event's timeline rows)
and ``news_archive-search.marshal`` (see ``generators.write_search``). A page whose fingerprint is
unchanged (and whose file is still there) is not rendered again. Any change
to the plugin's code, the theme or the settings changes every fingerprint, so the output of an
incremental build is the output of a full one (a test proves it byte for byte).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from pathlib import Path

logger = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parent.parent  # the news_archive package: its code keys every cache


def fingerprint(*parts) -> str:
    """A hash of values by their repr: canonical for the dataclasses, tuples and plain data used here
    (pickle is not: it encodes which objects are shared, which differs between a fresh parse and the cache)."""
    return hashlib.sha1(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def tree_fingerprint(folder: str | Path) -> str:
    """Every file's path and bytes under a folder (sorted), as one hash."""
    digest = hashlib.sha1()
    folder = Path(folder)
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def code_fingerprint() -> str:
    return tree_fingerprint(PACKAGE)


def plain(value):
    """The settings a page can depend on, reduced to plain data (functions and objects left out)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    return None


def site_fingerprint(settings: dict) -> str:
    """Code, theme and settings: what every page depends on."""
    return fingerprint(tree_fingerprint(PACKAGE), tree_fingerprint(settings["THEME"]), plain(dict(settings)))


class Memo:
    """A pickled dict in Pelican's cache folder, read and written under Pelican's own cache settings."""

    def __init__(self, settings: dict, name: str):
        self.path = os.path.join(settings["CACHE_PATH"], name) if settings.get("CACHE_PATH") else None
        self.load = bool(settings.get("LOAD_CONTENT_CACHE")) and self.path is not None
        self.store = bool(settings.get("CACHE_CONTENT")) and self.path is not None
        self.code = code_fingerprint()
        self.data: dict = {}
        if self.load and os.path.exists(self.path):
            try:
                with open(self.path, "rb") as handle:
                    saved = pickle.load(handle)
                if saved.get("code") == self.code:
                    self.data = saved["data"]
            except Exception as error:  # noqa: BLE001 - a broken cache is rebuilt, never fatal
                logger.warning("news_archive: ignoring the unreadable cache %s (%s)", self.path, error)

    @property
    def enabled(self) -> bool:
        return self.load or self.store

    def section(self, key: str) -> dict:
        return self.data.setdefault(key, {})

    def save(self) -> None:
        if not self.store:
            return
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        partial = self.path + ".partial"
        with open(partial, "wb") as handle:
            pickle.dump({"code": self.code, "data": self.data}, handle, protocol=4)
        os.replace(partial, self.path)


def unchanged(outputs: dict, new_outputs: dict, output_path: str, name: str, print_: str) -> bool:
    """Record a page's fingerprint; True when the last build wrote the same page and it is still there."""
    new_outputs[name] = print_
    return outputs.get(name) == print_ and os.path.exists(os.path.join(output_path, name))
