"""The rebuild layer's store: caches kept beside Pelican's content cache, keyed by the plugin's code.

With Pelican's ``LOAD_CONTENT_CACHE`` / ``CACHE_CONTENT`` on, a build loads what the last one kept in
``CACHE_PATH`` and saves its own (``rebuild/events.py``, ``rebuild/search.py``, ``rebuild/pages.py``
say what each holds). Any change to the plugin's code changes every key, so the output of a rebuild
is the output of a full build.

A cache survives a crash: every file is written whole to a temporary name and renamed
(:func:`atomic_write`), and a cache that describes files of the output is withdrawn before those
files are touched (:meth:`Memo.withdraw`), so a build killed at any moment leaves either the last
complete cache or none.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

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


def cache_policy(settings: dict) -> tuple[bool, bool]:
    """(load, store): Pelican's own content-cache settings, which turn the plugin's caches on too."""
    has_path = bool(settings.get("CACHE_PATH"))
    return bool(settings.get("LOAD_CONTENT_CACHE")) and has_path, bool(settings.get("CACHE_CONTENT")) and has_path


class Memo:
    """A pickled dict in Pelican's cache folder, read and written under Pelican's own cache settings."""

    def __init__(self, settings: dict, name: str):
        self.path = os.path.join(settings["CACHE_PATH"], name) if settings.get("CACHE_PATH") else None
        self.load, self.store = cache_policy(settings)
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
        if self.store:
            # pickled straight into the file: never the whole pickle in memory beside the data
            atomic_write(self.path, functools.partial(pickle.dump, {"code": self.code, "data": self.data}, protocol=4))

    def withdraw(self) -> None:
        """Remove the saved copy (it stays loaded): done before changing what it describes."""
        if self.store and os.path.exists(self.path):
            os.remove(self.path)


def atomic_write(path: str, data: bytes | Iterable[bytes] | Callable[[BinaryIO], None]) -> None:
    """``data`` (or its parts, made one at a time, or what ``data(handle)`` writes) in ``path`` whole,
    or the file as it was: written to a temporary name, then renamed."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    partial = f"{path}.partial-{os.getpid()}"
    try:
        with open(partial, "wb") as handle:
            if callable(data):
                data(handle)
            else:
                for part in [data] if isinstance(data, bytes) else data:
                    handle.write(part)
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)


def sweep_partials(settings: dict) -> None:
    """Remove what a killed build left half written in the cache folder (never read: each is renamed when whole)."""
    folder = settings.get("CACHE_PATH")
    if folder and os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            if ".partial-" in name:
                os.remove(os.path.join(folder, name))


def atomic_pelican_save(cacher, save) -> None:
    """Pelican's ``FileDataCacher.save_cache`` (``save``), written to a temporary name and renamed."""
    path = getattr(cacher, "_cache_path", None)
    if path is None or not getattr(cacher, "_cache_data_policy", False):
        return save(cacher)
    partial = f"{path}.partial-{os.getpid()}"
    cacher._cache_path = partial
    try:
        save(cacher)
        if os.path.exists(partial):
            os.replace(partial, path)
    finally:
        cacher._cache_path = path
        if os.path.exists(partial):
            os.remove(partial)
