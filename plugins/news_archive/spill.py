"""Values a process makes, keeps a long while and reads rarely, held in an unnamed file instead of memory.

The search process keeps each document's counted fields and record from the moment its article is
counted (or loaded from the cache) until the index, the record buckets and the cache have read them:
about three quarters of what it held per document. :class:`Spill` writes them to a file and hands back
each one's place. Once the index is built, its postings (``rebuild.search.StoredPostings``) and each
term's text in the pieces wait there too (:class:`SpilledMap`). Used with or without caching: it is how
the search process holds its documents, not a cache.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, MutableMapping, Sequence


class Spill:
    """Each document's counted fields (its row) and record (the JSON a result shows), kept in an unnamed
    file, the process holding only their places there: the two were about three quarters of what the
    search process held per document.

    They go in as each article's entry is made or loaded from the cache (:meth:`entry`) and are read
    back when asked for: rows by the index as it is built or updated, records a bucket at a time for
    the pieces (:meth:`values` gives both as sequences), and an article at a time for the cache
    (:meth:`resolved`). The file is in ``folder`` (the cache's, when there is one: a temporary folder
    may be memory, tmpfs) and is gone when it is closed or the process ends.
    """

    def __init__(self, folder: str | None = None, path: str | None = None):
        """An unnamed file in ``folder``; or, with ``path``, that named file, kept when the spill is
        closed (the search cache's store, ``rebuild/search.py``): values are only ever added at its end,
        so a place handed out stays valid for as long as the file is kept."""
        self.path = path
        if path is None:
            self.file = tempfile.TemporaryFile(dir=folder)
        else:
            self.file = open(path, "r+b" if os.path.exists(path) else "w+b")
            self.file.seek(0, os.SEEK_END)
        self.end, self.unflushed = self.file.tell(), False

    def put(self, value: str | bytes) -> int:
        """The value's place: its offset, its length in bytes, and whether it is text."""
        text = isinstance(value, str)
        data = value.encode("utf-8") if text else value
        self.file.write(data)
        place = (self.end << 33) | (len(data) << 1) | text
        self.end += len(data)
        self.unflushed = True
        return place

    def value(self, place: int | str | bytes) -> str | bytes:
        if not isinstance(place, int):
            return place
        if self.unflushed:
            self.flush()
        data = os.pread(self.file.fileno(), (place >> 1) & 0xFFFFFFFF, place >> 33)
        return data.decode("utf-8") if place & 1 else data

    def entry(self, entry: tuple) -> tuple:
        """An article's entry with its rows and records in the file (the entry itself when they are)."""
        print_, docs = entry
        if all(isinstance(row, int) and isinstance(record, int) for _, row, record, _ in docs):
            return entry  # loaded from this file: a copy of every kept entry was 78 MB at 100,000 dumps
        return print_, [(ref, self._put(row), self._put(record), facet) for ref, row, record, facet in docs]

    def _put(self, value):
        return value if isinstance(value, int) else self.put(value)

    def resolved(self, entry: tuple) -> tuple:
        """An article's entry with its rows and records themselves (as the cache keeps it)."""
        print_, docs = entry
        return print_, [(ref, self.value(row), self.value(record), facet) for ref, row, record, facet in docs]

    def copy(self, place: int | str | bytes, to: Spill) -> int | str | bytes:
        """The value at ``place`` put in ``to``: its place there."""
        return to.put(self.value(place)) if isinstance(place, int) else place

    def flush(self) -> None:
        self.file.flush()
        self.unflushed = False

    def values(self, places: list) -> Sequence:
        return _Values(places, self)

    def mapping(self, pack: Callable[[object], str | bytes], unpack: Callable[[str | bytes], object]) -> SpilledMap:
        """An empty mapping whose values are kept here: each packed when set, unpacked when read."""
        return SpilledMap(self, pack, unpack)

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.file.close()


class _Values(Sequence):
    """Values by place, read when asked for (a record bucket is a slice)."""

    def __init__(self, places: list, spill: Spill):
        self.places, self.spill = places, spill

    def __len__(self) -> int:
        return len(self.places)

    def __getitem__(self, at):
        if isinstance(at, slice):
            return [self.spill.value(place) for place in self.places[at]]
        return self.spill.value(self.places[at])

    def differing(self, old: Sequence) -> list[int]:
        """Where the value may differ from ``old``'s (``search.builder.differing``): a place kept from the
        earlier build is the same object in both, and is not read."""
        places = old.places if isinstance(old, _Values) else old
        return [d for d, (new, was) in enumerate(zip(self.places, places)) if new is not was]


class SpilledMap(MutableMapping):
    """A mapping whose values wait in a :class:`Spill`, the process holding their places only: the
    search process's term texts in the pieces as each is made. Items keep the order they were set in; a value set again takes a new place."""

    def __init__(self, spill: Spill, pack: Callable[[object], str | bytes], unpack: Callable[[str | bytes], object]):
        self.spill, self.pack, self.unpack = spill, pack, unpack
        self.places: dict = {}

    def __setitem__(self, key, value) -> None:
        self.places[key] = self.spill.put(self.pack(value))

    def __getitem__(self, key):
        return self.unpack(self.spill.value(self.places[key]))

    def __delitem__(self, key) -> None:
        del self.places[key]  # its bytes stay in the file until it is closed

    def __iter__(self) -> Iterator:
        return iter(self.places)

    def __len__(self) -> int:
        return len(self.places)

    def __contains__(self, key) -> bool:
        return key in self.places

    def share(self, key, other: SpilledMap) -> bool:
        """``self[key] = other[key]`` without reading or writing the value, when both keep their values
        the same way in the same spill; False (nothing done) otherwise."""
        if other.spill is not self.spill or other.pack is not self.pack or other.unpack is not self.unpack or key not in other.places:
            return False
        self.places[key] = other.places[key]
        return True
