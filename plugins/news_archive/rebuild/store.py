"""The rebuild layer's store: caches kept beside Pelican's content cache, keyed by the plugin's code.

With Pelican's ``LOAD_CONTENT_CACHE`` / ``CACHE_CONTENT`` on, a build loads what the last one kept in
``CACHE_PATH`` and saves its own (``rebuild/events.py``, ``rebuild/search.py``, ``rebuild/pages.py``
say what each holds). Any change to the plugin's code changes every key, so the output of a rebuild
is the output of a full build.

A cache survives a crash: a file is written whole to a temporary name and renamed
(:func:`atomic_write`), or appended to in frames (:func:`frame`), where a frame cut short ends what is
read; a cache that describes files of the output is withdrawn before those files are touched
(:meth:`Memo.withdraw`), so a build killed at any moment leaves either the last complete cache or none.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
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


#: Bytes of each frame's length, little-endian, before its pickle (:func:`frame`).
LENGTH = 8


def frame(value) -> bytes:
    """``value`` pickled, after its length: one frame of a stream file."""
    return framed(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def framed(blob: bytes) -> bytes:
    """A pickle's bytes after their length: one frame of a stream file (:func:`frames` reads them)."""
    return len(blob).to_bytes(LENGTH, "little") + blob


def frames(handle, loads: Callable[[bytes], object] = pickle.loads) -> Iterator[tuple[object, int]]:
    """Each whole frame's value (``loads`` of its bytes), with the offset where it ends; stops at the end,
    at a cut frame, or at a length longer than the file (not a stream: a cache of an older version, say)."""
    total = os.fstat(handle.fileno()).st_size
    while True:
        head = handle.read(LENGTH)
        if len(head) < LENGTH:
            return
        size = int.from_bytes(head, "little")
        if size > total - handle.tell():
            return
        blob = handle.read(size)
        if len(blob) < size:
            return
        yield loads(blob), handle.tell()


#: A dict of at most this many entries is a section of a memo: its values are compared one by one
#: (:func:`changes`), dicts among them key by key. A larger one is compared key by key, its values whole.
SECTION = 64


_ABSENT = object()  # no value of a memo


class Copied(dict):
    """A dict of a memo as it was loaded (:func:`copied`)."""


def copied(value):
    """What :func:`changes` compares a memo with: each dict copied (the memo's stages change them in
    place), a section's dict values too; every other value is the same object."""
    if type(value) is dict:
        if len(value) <= SECTION:
            return Copied({key: copied(item) for key, item in value.items()})
        return Copied(value)
    return value


def changes(old, new, path: tuple = ()) -> list[tuple]:
    """What turns ``old`` (made by :func:`copied`) into ``new``: ``(path, value)`` to set, ``(path,)`` to
    remove, in dicts reached by the keys of ``path``. A value is unchanged only while it is the same
    object: a stage keeps what it did not change as it was (equal is not enough: two equal dicts may
    differ in their order)."""
    if type(old) is not Copied or type(new) is not dict:
        return [] if old is new else [(path, new)]
    found = [(path + (key,),) for key in old if key not in new]
    for key, value in new.items():
        was = old.get(key, _ABSENT)
        if was is value:
            continue
        if type(was) is Copied:
            found += changes(was, value, path + (key,))
        else:
            found.append((path + (key,), value))
    return found


def patched(data: dict, found: list[tuple]) -> dict:
    """``data`` with :func:`changes` applied, in place."""
    for change in found:
        path = change[0]
        into = data
        for key in path[:-1]:
            into = into[key]
        if len(change) == 1:
            del into[path[-1]]
        else:
            into[path[-1]] = change[1]
    return data


class Memo:
    """A pickled dict in Pelican's cache folder, read and written under Pelican's own cache settings.

    Kept as a stream of frames (:func:`frame`): the key (the plugin's code), the whole dict as the last
    whole save wrote it, then each later save's :func:`changes`. A rebuild that changed little of a
    large memo appends that little: at 100,000 dumps the events memo pickled whole took 2-4 s of each
    rebuild. It is written whole again when its changes would outgrow half of it, by a build that loaded
    nothing, or when the file is gone (:meth:`withdraw`). A frame cut short (a build killed while
    appending) ends the stream: the memo is the last whole save's, which the next build reads.
    """

    def __init__(self, settings: dict, name: str):
        self.path = os.path.join(settings["CACHE_PATH"], name) if settings.get("CACHE_PATH") else None
        self.load, self.store = cache_policy(settings)
        self.code = code_fingerprint()
        self.data: dict = {}
        self.end = 0  # where the last whole frame of the file ends (0: nothing loaded to append to)
        self.whole = self.appended = 0  # bytes of the whole dict's frame, and of the changes after it
        if self.load and os.path.exists(self.path):
            try:
                self.data = self._read()
            except Exception as error:  # noqa: BLE001 - a broken cache is rebuilt, never fatal
                logger.warning("news_archive: ignoring the unreadable cache %s (%s)", self.path, error)
                self.data, self.end = {}, 0
        self.loaded = copied(self.data) if self.end and self.store else None

    def _read(self) -> dict:
        with open(self.path, "rb") as handle:
            stream = frames(handle)
            key, _ = next(stream, (None, 0))
            if key != {"code": self.code}:
                return {}
            data, end = next(stream, ({}, 0))
            self.whole = end
            for found, end in stream:
                patched(data, found)
            self.appended = end - self.whole if end else 0
            self.end = end
            return data

    @property
    def enabled(self) -> bool:
        return self.load or self.store

    def section(self, key: str) -> dict:
        return self.data.setdefault(key, {})

    def save(self) -> None:
        if not self.store:
            return
        if self.loaded is not None and self.end and os.path.exists(self.path) and os.path.getsize(self.path) >= self.end:
            blob = frame(changes(self.loaded, self.data))
            if 2 * (self.appended + len(blob)) <= self.whole:
                os.truncate(self.path, self.end)  # the cut frame a killed build may have left
                with open(self.path, "ab") as handle:
                    handle.write(blob)
                self.loaded = None  # its copies let go: a second save writes the memo whole
                return
        atomic_write(self.path, self._write_whole)
        self.loaded = None

    def _write_whole(self, handle: BinaryIO) -> None:
        """The key's frame, then the data's, pickled straight into the file (never the whole pickle in
        memory beside the data) and its length written before it once known."""
        handle.write(frame({"code": self.code}))
        start = handle.tell()
        handle.write(bytes(LENGTH))
        pickle.dump(self.data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        end = handle.tell()
        handle.seek(start)
        handle.write((end - start - LENGTH).to_bytes(LENGTH, "little"))
        handle.seek(end)

    def withdraw(self) -> None:
        """Remove the saved copy (it stays loaded): done before changing what it describes. The next
        save writes it whole."""
        self.loaded, self.end = None, 0
        if self.store and os.path.exists(self.path):
            os.remove(self.path)


class Listing:
    """Which files are in a folder's subfolders, from one listing of each, taken when first asked
    about (``name in listing``, ``name`` relative to the folder). Asked before a build writes there,
    it says what the last build left: looking up each of 212,000 pages took 0.75 s of a one-dump
    rebuild at 100,000 dumps, each of its 71,000 search pieces 0.4 s (both under the profiler)."""

    def __init__(self, folder: str):
        self.folder = folder
        self.listed: dict[str, frozenset[str]] = {}

    def __contains__(self, name: str) -> bool:
        folder, _, file = name.rpartition("/")
        listed = self.listed.get(folder)
        if listed is None:
            try:
                listed = frozenset(os.listdir(os.path.join(self.folder, folder)))
            except OSError:
                listed = frozenset()
            self.listed[folder] = listed
        return file in listed


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
