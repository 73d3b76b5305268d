"""Pelican's generator cache (``CONTENT_CACHING_LAYER = "generator"``: each file's Article or Page
under its stamp), kept as a stream of entries, each pickled as it is read.

With the reader layer Pelican caches each file's parse, and makes every article object again on every
build: at 100,000 dumps that was 13 s of a 77 s one-dump rebuild (its metadata, its slug, its relative
path, its signals), more than unpickling the parses took. With the generator layer it hands back the
objects it cached and reads only what changed; but it pickles its cache whole, and each object holds
the settings and the build's context (every article, once the articles are read), so the pickle of
one generator held the whole site.

Here each entry is pickled on its own, as soon as the generator caches it: before anything of the
build changes it (the events stage fills dates and swaps in filled dumps, pages mark what they skip),
so what the next build gets back is the object as read. The settings and the context are pickled as
names (:meth:`pickle.Pickler.persistent_id`) and are the loading build's own. The key holds the
plugin's code, Pelican's version and the settings (an article's URL, date format and zone are made
from them): any change, and every file is read again.

The file is framed as the reader cache's stream is (``rebuild/readers.py``): the key, then one frame
per entry, ``(path, (stamp, content))``; a rebuild appends the entries read again, and the file is
written whole again (the last frame of each path, copied as bytes) when more than half of what it holds
has been superseded. Until the build saves, the fresh frames wait in a spool file beside it.
"""

from __future__ import annotations

import io
import logging
import os
import pickle
import shutil
from typing import BinaryIO

from news_archive.rebuild.store import atomic_write, frame, framed, frames

logger = logging.getLogger(__name__)

#: The stream's name after Pelican's own name for the cache (``ArticlesGenerator``).
SUFFIX = ".stream"


class _Pickler(pickle.Pickler):
    def __init__(self, handle: BinaryIO, shared: dict[str, object]):
        super().__init__(handle, protocol=pickle.HIGHEST_PROTOCOL)
        self.names = {id(value): name for name, value in shared.items()}

    def persistent_id(self, obj):
        return self.names.get(id(obj))


class ContentStream:
    """The stream of one generator's cache: :meth:`load` it, hand it each entry the generator caches
    (:meth:`cached`, which pickles it at once), :meth:`save` it.

    ``shared``: the objects every entry refers to and that are the build's own (``settings``,
    ``context``), by name; ``key``: what the stream is valid for."""

    def __init__(self, path: str, key: list, shared: dict[str, object]):
        self.path = path
        self.key = key
        self.shared = shared
        self.end = 0  # where the last whole entry of the file ends (0: no usable file)
        self.records = 0  # entries in the file, superseded ones included
        self.spans: dict[str, tuple[int, int]] = {}  # path -> where its last frame is in the file
        self.spool: BinaryIO | None = None  # this build's frames, until saved
        self.fresh: set[str] = set()  # paths cached during this build

    def load(self) -> dict:
        """The entries (the last one of each path), ``{}`` without a usable file."""
        entries: dict = {}
        try:
            with open(self.path, "rb") as handle:
                stream = frames(handle, self._loads)
                key, start = next(stream, (None, 0))
                if key != self.key:
                    return {}
                for (path, entry), end in stream:
                    entries[path] = entry
                    self.spans[path] = (start, end)
                    self.records += 1
                    start = end
                self.end = start
        except FileNotFoundError:
            return {}
        except Exception as error:  # noqa: BLE001 - a broken cache is rebuilt, never fatal
            logger.warning("news_archive: ignoring the unreadable cache %s (%s)", self.path, error)
            self.end = self.records = 0
            self.spans = {}
            return {}
        return entries

    def _loads(self, blob: bytes):
        # the C unpickler with the shared objects' lookup set on it: a subclass in Python, made per entry,
        # took a fifth longer
        unpickler = pickle.Unpickler(io.BytesIO(blob))
        unpickler.persistent_load = self.shared.__getitem__
        return unpickler.load()

    def cached(self, path: str, entry) -> None:
        """Pickle ``(path, entry)`` now, into the spool: an entry that cannot be pickled is not kept
        (the file is read again next build), as Pelican's own save would have failed on it."""
        buffer = io.BytesIO()
        try:
            _Pickler(buffer, self.shared).dump((path, entry))
        except Exception as error:  # noqa: BLE001 - another plugin's attribute, say
            logger.warning("news_archive: not caching %s (%s)", path, error)
            return
        if self.spool is None:
            os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
            self.spool = open(f"{self.path}.partial-{os.getpid()}-spool", "w+b")  # noqa: SIM115 - closed in save
        self.spool.write(framed(buffer.getvalue()))
        self.fresh.add(path)

    def save(self, cache: dict) -> None:
        """Append this build's entries, or write the file whole again (no usable file, or more than
        half of it superseded): its last frame of each path not read again, then this build's."""
        try:
            appendable = self.end and os.path.exists(self.path) and os.path.getsize(self.path) >= self.end
            if appendable and 2 * len(cache) >= self.records + len(self.fresh):
                if self.spool is not None:
                    os.truncate(self.path, self.end)  # the cut frame a killed build may have left
                    with open(self.path, "ab") as handle:
                        self._copy_spool(handle)
                self.records += len(self.fresh)
            else:
                kept = [path for path in cache if path in self.spans and path not in self.fresh] if appendable else []
                atomic_write(self.path, lambda handle: self._write_whole(handle, kept))
                self.records = len(kept) + len(self.fresh)
                self.spans = {}  # the file's frames moved: a later save in this process writes it whole
            self.end = os.path.getsize(self.path)
        finally:
            self._drop_spool()

    def _write_whole(self, handle: BinaryIO, kept: list[str]) -> None:
        handle.write(frame(self.key))
        if kept:
            with open(self.path, "rb") as old:
                for path in kept:
                    start, end = self.spans[path]
                    old.seek(start)
                    handle.write(old.read(end - start))
        self._copy_spool(handle)

    def _copy_spool(self, handle: BinaryIO) -> None:
        if self.spool is not None:
            self.spool.seek(0)
            shutil.copyfileobj(self.spool, handle)

    def _drop_spool(self) -> None:
        if self.spool is not None:
            name = self.spool.name
            self.spool.close()
            os.remove(name)
            self.spool = None
        self.fresh.clear()
