"""Pelican's reader cache (each dump's parse under its file's stamp), kept as a stream of entries.

Pelican pickles its whole reader cache as one object on every build. In a large archive that is a
long pickle, which the plugin wrote on a forked process; the fork copied the build's heap page by page
as the pickler touched each object, and its memo of every object pickled was as large again: 2.9 GB of
the 5.8 GB peak at 100,000 dumps. Kept as a stream, each entry is pickled on its own, here, with no
fork and no memo of the whole cache; a rebuild appends only the entries read again, and the file is
written whole again when more than half of what it holds has been superseded.

The file: frames, each its length (8 bytes, little-endian) then a pickle. The first frame is the
key (the plugin's code: another version's parses are never used); each later one is one entry,
``(path, (stamp, (content, metadata)))``, as Pelican's ``FileStampDataCacher`` keeps it. A frame
cut short (a build killed while appending) ends the stream: the entries before it are used, and the
next build appends after them.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

from news_archive.rebuild.store import atomic_write, code_fingerprint, frame, frames

logger = logging.getLogger(__name__)

#: The stream's name, after Pelican's own name for the cache (``ArticlesGenerator-Readers``).
SUFFIX = ".stream"


class ReaderStream:
    """The stream of one reader cache; :meth:`load` it, note each entry Pelican caches
    (:meth:`cached`), :meth:`save` it."""

    def __init__(self, path: str):
        self.path = path
        self.key = ["news_archive reader cache", code_fingerprint()]
        self.end = 0  # where the last whole entry of the file ends (0: no usable file)
        self.records = 0  # entries in the file, superseded ones included
        self.fresh: set[str] = set()  # paths cached during this build

    def load(self) -> dict:
        """The entries (the last one of each path), ``{}`` without a usable file."""
        entries: dict = {}
        try:
            with open(self.path, "rb") as handle:
                stream = frames(handle)
                key, end = next(stream, (None, 0))
                if key != self.key:
                    return {}
                for (path, entry), end in stream:
                    entries[path] = entry
                    self.records += 1
                self.end = end
        except FileNotFoundError:
            return {}
        except Exception as error:  # noqa: BLE001 - a broken cache is rebuilt, never fatal
            logger.warning("news_archive: ignoring the unreadable cache %s (%s)", self.path, error)
            self.end = self.records = 0
            return {}
        return entries

    def cached(self, path: str) -> None:
        self.fresh.add(path)

    def save(self, cache: dict) -> None:
        """Append the entries cached during this build, or write every entry of ``cache`` again (no
        usable file, or more than half of it superseded)."""
        fresh = [path for path in cache if path in self.fresh]
        appendable = self.end and os.path.exists(self.path) and os.path.getsize(self.path) >= self.end
        if appendable and 2 * len(cache) >= self.records + len(fresh):
            os.truncate(self.path, self.end)  # the cut frame a killed build may have left
            with open(self.path, "ab") as handle:
                for path in fresh:
                    handle.write(frame((path, cache[path])))
            self.records += len(fresh)
        else:
            atomic_write(self.path, self._whole(cache))
            self.records = len(cache)
        self.end = os.path.getsize(self.path)
        self.fresh.clear()

    def _whole(self, cache: dict) -> Iterator[bytes]:
        yield frame(self.key)
        for path, entry in cache.items():
            yield frame((path, entry))
