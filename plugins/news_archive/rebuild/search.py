"""The search output with memory: ``news_archive-search.marshal`` keeps what the last build indexed.

It holds each article's documents (counted terms, record, facet) under a print of everything they
depend on, the last index, each term's text in the pieces, and a hash of every file written. An
unchanged article's documents are not made or counted again; the index is updated from the last one
where documents changed (``search.builder.update``, tested equal to a fresh build); a file whose
text is unchanged is not written again.

Written with ``marshal`` (plain data only: it loads faster than a pickle) in frames, each document's
counted fields packed as one ``bytes`` object and each posting list as 32-bit integers, so loading
makes a few objects per document. The saved copy is withdrawn before the first search file is
written, and saved again after the last.

While a build runs, each document's counted fields and record wait in a :class:`~news_archive.spill.Spill`,
the search process holding only their places, and so does each term's text as it is made. When the
cache is saved, that spill is its store (``news_archive-search-store-N.bin``, :func:`open_spill`): a
file values are only ever added to, which the cache names and holds places in. A rebuild adds the
changed articles' rows and records and the changed terms' texts to the last build's store; what it
keeps is neither copied into a spill when the cache is read nor written out again when it is saved
(at 100,000 dumps that was about 1.2 GB each way). When less than half the store is still used, the
save copies what is into a new one. Without a saved cache the spill is an unnamed file. Once the
index is built, each term's postings wait in the spill too (:class:`StoredPostings`: the process holds
the term's number, idf and place), so a rebuild reads only the lists of the terms its changed documents
hold (at 100,000 dumps the postings were about 300 MB of a rebuild's search process, read from the
cache and written to it again every time).
"""

from __future__ import annotations

import marshal
import os
import sys
import threading
from collections.abc import Container, Iterable, Iterator, Mapping, MutableMapping

from news_archive.events import Event
from news_archive.parse.model import Dump
from news_archive.rebuild.store import atomic_write, code_fingerprint
from news_archive.spill import Spill, SpilledMap
from news_archive.search.builder import as_arrays, packed_posting
from news_archive.search.index import article_entries, index_entries, kept_index
from news_archive.search.pieces import record_bucket, script_name, term_texts

NAME = "news_archive-search.marshal"


def _key() -> list:
    return [code_fingerprint(), sys.version]  # marshal's format is the interpreter's own


#: Items per marshal frame (articles, terms) at most: the cache is written, and read, a frame at a time.
ITEMS_PER_FRAME = 4096
#: A frame ends once its items' bytes (as ``size`` counts them) reach this: a few thousand common
#: terms' postings or texts would otherwise make one frame of most of the index, held twice (the
#: values packed, then their marshal) while it is written.
BYTES_PER_FRAME = 4 << 20
_LENGTH = 8  # bytes of each frame's length, little-endian


def _frames(parts):
    for part in parts:
        blob = marshal.dumps(part)
        yield len(blob).to_bytes(_LENGTH, "little")
        yield blob


def _read_frame(handle):
    size = int.from_bytes(handle.read(_LENGTH), "little")
    blob = handle.read(size)
    if len(blob) != size:
        raise EOFError("the search cache ends early")
    return marshal.loads(blob)


def _in_frames(mapping: dict, pack=None, size=None):
    """A dictionary as frames (each value packed by ``pack`` first), then ``None``: a frame ends at
    ``ITEMS_PER_FRAME`` items, or once ``size`` of its packed values adds up to ``BYTES_PER_FRAME``."""
    frame: dict = {}
    held = 0
    for key, value in mapping.items():
        frame[key] = value = pack(value) if pack else value
        held += size(value) if size else 0
        if len(frame) >= ITEMS_PER_FRAME or held >= BYTES_PER_FRAME:
            yield frame
            frame, held = {}, 0
    if frame:
        yield frame
    yield None


def _article_bytes(entry: tuple) -> int:
    return sum(len(row) + len(record) for _, row, record, _ in entry[1])


def _posting_bytes(entry: tuple) -> int:
    return sum(len(flat) for flat in entry[2])


def _text_bytes(text: tuple) -> int:
    return len(text[0]) + sum(len(tail) for tail in text[1].values())


def _read_frames(handle, each=None, into: MutableMapping | None = None) -> MutableMapping:
    """The frames of a dictionary, as one (each value passed through ``each`` first, a frame at a time),
    gathered in ``into`` (a new dict by default; a mapping kept in a spill holds none of them)."""
    whole = {} if into is None else into
    while (frame := _read_frame(handle)) is not None:
        whole.update({key: each(value) for key, value in frame.items()} if each else frame)
    return whole


#: How each term's text waits in the spill: the last build's, loaded from this cache, and this build's
#: (a kept text shares its place, :meth:`.SpilledMap.share`). At 100,000 dumps they are about 170 MB.
TEXTS_PACKING = (marshal.dumps, marshal.loads)


#: The cache's store: each article's rows and records and each term's text, in a file beside the cache
#: that values are only ever added to (:class:`~news_archive.spill.Spill` with a path). The cache holds
#: their places there, so a rebuild neither copies what it keeps into a spill nor writes it out again.
STORE_PREFIX, STORE_SUFFIX = "news_archive-search-store-", ".bin"
#: When less than this share of the store is still used, the save copies what is into a new store.
STORE_LIVE_SHARE = 0.5


def _head(handle) -> tuple | None:
    """The store a cache names (``(name, bytes)``, or ``None`` when it keeps its values itself), after
    checking its key; raises ``ValueError`` for a cache of other code."""
    if list(_read_frame(handle)) != _key():
        raise ValueError("a cache of other code")
    return _read_frame(handle)


def read_prints(path: str | None) -> dict[str, str]:
    """Each article's print as the cache at ``path`` keeps it (``{}`` without one): what the build
    compares to leave unchanged articles out of the search's spool. Reads only the file's first frames."""
    if not path or not os.path.exists(path):
        return {}
    try:
        with open(path, "rb") as handle:
            _head(handle)
            return _read_frames(handle)
    except Exception:  # noqa: BLE001 - a broken cache is rebuilt
        return {}


def _stores(folder: str) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.startswith(STORE_PREFIX) and n.endswith(STORE_SUFFIX))


def _new_store(folder: str) -> str:
    numbers = [int(n[len(STORE_PREFIX) : -len(STORE_SUFFIX)]) for n in _stores(folder) if n[len(STORE_PREFIX) : -len(STORE_SUFFIX)].isdigit()]
    return os.path.join(folder, f"{STORE_PREFIX}{max(numbers, default=0) + 1}{STORE_SUFFIX}")


def open_spill(path: str | None, load: bool, store: bool) -> Spill:
    """Where a build's search keeps its documents' rows and records and its term texts: when it saves
    a cache at ``path``, the store that cache names (the last build's, added to) or a new one; else an
    unnamed file beside the cache (a temporary folder may be memory, tmpfs)."""
    folder = os.path.dirname(path) if path else None
    if folder:
        os.makedirs(folder, exist_ok=True)
    if not (path and store):
        return Spill(folder)
    named = None
    if load and os.path.exists(path):
        try:
            with open(path, "rb") as handle:
                named = _head(handle)
        except Exception:  # noqa: BLE001 - a broken cache is rebuilt
            named = None
    kept = os.path.join(folder, named[0]) if named else None
    if kept and os.path.exists(kept) and os.path.getsize(kept) >= named[1]:
        read_ahead(kept)
        return Spill(path=kept)
    return Spill(path=_new_store(folder))


#: Bytes per read of :func:`read_ahead`.
READ_AHEAD_BYTES = 1 << 20


def read_ahead(path: str) -> threading.Thread:
    """Read the last build's store through once, in the background, so that it is in memory when the
    build reads its values: a rebuild reads them a few hundred bytes at a time from all over the file
    (about half of it at 100,000 dumps, in 550,000 reads). From a disk (the page cache dropped) that took
    the search process 13.5-14.7 s, against 7.1-7.6 s with the file read beforehand; read ahead, the
    whole file is one sequential read. The thread gives nothing back and changes nothing: the build
    reads its values as it would without it."""

    def read() -> None:
        buffer = bytearray(READ_AHEAD_BYTES)
        try:
            with open(path, "rb", buffering=0) as handle:
                while handle.readinto(buffer):
                    pass
        except OSError:  # the store gone (a build that failed): nobody reads it
            pass

    thread = threading.Thread(target=read, name="news_archive store read-ahead", daemon=True)
    thread.start()
    return thread


def _length(place: int | str | bytes) -> int:
    return (place >> 1) & 0xFFFFFFFF if isinstance(place, int) else 0


class SearchCache:
    """The file is a run of marshal frames, each its length then its value: the key, the store it
    names (``None`` when it keeps the values), each article's print (:func:`read_prints`), the
    articles, the index (its plain parts, then its postings and each term's first occurrence), the
    term texts, the files (each piece's hash), the layout the pieces were made with; each dictionary
    in frames of at most ``ITEMS_PER_FRAME`` items or about ``BYTES_PER_FRAME`` bytes, then ``None``.
    So neither saving nor loading holds the whole file's bytes at once, nor a packed copy of the whole
    index.

    With a ``spill`` that is a store (:func:`open_spill`), the articles' rows and records and the term
    texts are saved as their places in it, and loaded as places when it is the store the cache names;
    otherwise as the values (read from the named store, or put in ``spill``)."""

    def __init__(self, path: str | None, load: bool, store: bool, spill: Spill | None = None):
        self.path, self.store, self.spill = path, bool(path and store), spill
        self.data: dict = self._load() if path and load else {}

    def _load(self) -> dict:
        if not os.path.exists(self.path):
            return {}
        try:
            with open(self.path, "rb") as handle:
                named = _head(handle)
                source = self._source(named)
                try:
                    return self._read(handle, source)
                finally:
                    if source is not None and source is not self.spill:
                        source.close()
        except Exception:  # noqa: BLE001 - a broken cache is rebuilt
            return {}

    def _source(self, named: tuple | None) -> Spill | None:
        """The spill the cache's places are in: ours when it is the store named, else that store opened."""
        if named is None:
            return None
        name, size = named
        if self.spill is not None and self.spill.path and os.path.basename(self.spill.path) == name and self.spill.end >= size:
            return self.spill
        where = os.path.join(os.path.dirname(self.path), name)
        if os.path.getsize(where) < size:
            raise EOFError("the search cache's store ends early")
        return Spill(path=where)

    def _read(self, handle, source: Spill | None) -> dict:
        spill = self.spill
        _read_frames(handle)  # the prints: the articles hold them too
        if source is not None and source is spill:
            articles = _read_frames(handle)  # places in our own spill: nothing to copy
        elif source is not None:
            articles = _read_frames(handle, (lambda e: spill.entry(source.resolved(e))) if spill else source.resolved)
        else:
            articles = _read_frames(handle, spill.entry if spill else None)
        fields, boosts, count, lengths, pipeline = _read_frame(handle)
        if source is not None and source is spill:
            postings = StoredPostings(spill, _read_frames(handle))  # places in our own store: read when asked
        elif source is not None:
            postings = _read_frames(handle, lambda head: (head[0], head[1], _unpacked_lists(source.value(head[2]))))
        else:
            # each frame's packed postings made arrays as it is read: all of them packed, then all as
            # arrays, was twice the postings at once
            postings = _read_frames(handle, _unpacked_posting)
        firsts = _read_frames(handle)
        index = (fields, boosts, count, postings, firsts, lengths, pipeline)  # CompactIndex.state()'s shape, the refs counted
        texts = spill.mapping(*TEXTS_PACKING) if spill else {}
        if source is not None and source is spill:
            _read_frames(handle, into=texts.places)
        elif source is not None:
            _read_frames(handle, lambda place: TEXTS_PACKING[1](source.value(place)), into=texts)
        else:
            _read_frames(handle, into=texts)
        files = _read_frame(handle)
        return {"articles": articles, "index": index, "texts": texts, "files": files, "layout": _read_frame(handle)}

    def withdraw(self) -> None:
        if self.store and os.path.exists(self.path):
            os.remove(self.path)

    def save(self, entries: dict, index, texts: dict, files: dict[str, str], layout=None) -> None:
        """``files``: each piece's name and hash; ``layout``: what else the pieces were made with (the
        record buckets' size, compression: :func:`kept_record_buckets`)."""
        if not self.store:
            return
        spill = self.spill if self.spill is not None and self.spill.path else None
        if spill is None:
            atomic_write(self.path, _frames(self._parts(entries, index, texts, files, layout=layout)))
            return
        # the entries and texts as the build holds them: places in this store (no copy of either is
        # made here, at the end of the search process, when a rebuild's tree peaks)
        if isinstance(texts, SpilledMap) and texts.spill is spill and texts.pack is TEXTS_PACKING[0]:
            places = texts.places
        else:
            places = {term: spill.put(TEXTS_PACKING[0](texts[term])) for term in texts}
        postings = index.postings
        if not (isinstance(postings, StoredPostings) and postings.spill is spill):
            postings = StoredPostings(spill)
            postings.update(index.postings)  # postings held in memory (an index built without this store)
        heads = postings.heads
        used = sum(_length(row) + _length(record) for _, docs in entries.values() for _, row, record, _ in docs)
        used += sum(_length(p) for p in places.values()) + sum(_length(place) for _, _, place in heads.values())
        moved = None
        if used < STORE_LIVE_SHARE * spill.end:  # mostly what earlier builds no longer use: copied anew
            moved = Spill(path=_new_store(os.path.dirname(spill.path)))
            entries = {key: (print_, [(ref, spill.copy(row, moved), spill.copy(record, moved), facet) for ref, row, record, facet in docs])
                       for key, (print_, docs) in entries.items()}
            places = {term: spill.copy(place, moved) for term, place in places.items()}
            heads = {term: (number, idf, spill.copy(place, moved)) for term, (number, idf, place) in heads.items()}
        target = moved or spill
        target.flush()
        try:
            named = (os.path.basename(target.path), target.end)
            atomic_write(self.path, _frames(self._parts(entries, index, places, files, named, target, heads, layout)))
        finally:
            if moved is not None:
                moved.close()
        folder = os.path.dirname(target.path)
        for name in _stores(folder):  # every other store: no cache names it now
            if name != named[0]:
                os.remove(os.path.join(folder, name))

    def _parts(self, entries: dict, index, texts: dict, files: dict[str, str], named: tuple | None = None, store: Spill | None = None,
               heads: dict | None = None, layout=None):
        yield _key()
        yield named
        yield from _in_frames({key: entry[0] for key, entry in entries.items()})
        if named is None:
            yield from _in_frames(entries, self.spill.resolved if self.spill else None, _article_bytes)
        else:
            yield from _in_frames(entries, store.entry)  # a value not in the store yet goes there
        # the refs' number only: the articles hold the refs (read back in ref order, search.index.kept_index)
        yield index.fields, index.boosts, len(index.refs), index.lengths, tuple(index.pipeline)
        if named is None:
            yield from _in_frames(index.postings, packed_posting, _posting_bytes)
        else:
            yield from _in_frames(heads)  # each term's number, idf and the place of its lists in the store
        yield from _in_frames(index.firsts)
        yield from _in_frames(texts, size=None if named else _text_bytes)
        yield files
        yield layout


def kept_record_buckets(index, count: int, bucket: int, layout, data: dict, there: Container[str]) -> frozenset[str]:
    """The record buckets (``r/<n>.json``) this build would write as the last one did: the index was
    updated from the last build's, documents and numbers the same (``index.changed_docs``, else none
    is kept), the pieces are made as they were (``layout``, the last one's in ``data``), and none of
    the bucket's documents has an entry made anew. The last build wrote each of these (its hash is in
    ``data``), and it is ``there`` still. Their records are then neither read nor hashed again: at
    100,000 dumps a one-dump rebuild read 362,000 records back to hash 45,000 buckets that were the
    same."""
    changed = getattr(index, "changed_docs", None)
    if changed is None or layout is None or layout != data.get("layout"):
        return frozenset()
    written = data.get("files", {})
    stale = {d // bucket for d in changed}
    names = (record_bucket(n) for n in range((count + bucket - 1) // bucket) if n not in stale)
    return frozenset(name for name in names if script_name(name) in written and script_name(name) in there)


def search_index(events: list[Event], dumps: Mapping[str, Dump] | Iterable[tuple[str, Dump]], urls: dict[str, str], data: dict,
                 spill: Spill | None = None) -> tuple:
    """``(entries, index, records, facets, term texts)``: the search index, reusing ``data`` (a
    :class:`SearchCache`'s) where it can; with no data, exactly what a fresh build makes. With a
    ``spill``, each article's rows and records go to it as its entry is made, and the index and
    ``records`` read them back."""
    kept = data.get("articles", {})

    def same_print(key: str, print_: str | None) -> tuple | None:
        old = kept.get(key)
        return old if print_ is not None and old is not None and old[0] == print_ else None

    keep, read = (spill.entry, spill.values) if spill else (None, None)
    entries = article_entries(dumps, urls, events, same_print, unchanged=kept.__getitem__, keep=keep)
    previous = kept_index(data["index"], kept, read) if "index" in data else None
    index, records, facets = index_entries(entries, previous, read)
    if spill is None:
        return entries, index, records, facets, term_texts(index, data.get("texts"))
    index.postings = stored_postings(index.postings, spill)
    return entries, index, records, facets, term_texts(index, data.get("texts"), into=spill.mapping(*TEXTS_PACKING))


def stored_postings(postings: Mapping, spill: Spill) -> StoredPostings:
    """The index's postings with their lists in ``spill``, moved term by term (each freed as it goes):
    once the index is built, they are read only to make a changed term's text, and by the next build
    (the cache's store) where its documents change; those an update kept there already stay."""
    if isinstance(postings, StoredPostings) and postings.spill is spill:
        return postings
    moved = StoredPostings(spill)
    for term in list(postings):
        moved[term] = postings.pop(term)
    return moved


class StoredPostings(MutableMapping):
    """The index's postings, ``term -> (number, idf, per-field lists)``, each term's lists kept in a
    :class:`~news_archive.spill.Spill` (a :class:`~news_archive.spill.SpilledMap`, packed as 32-bit
    integers) and read when the term is asked for; the process holds each term's number and idf.

    An index updated from this one (``search.builder.update``) starts from :meth:`successor` and keeps
    an unchanged term's lists where they are (:meth:`carry`, the number maybe another), reading only
    its changed terms' (:meth:`head` gives a number without reading them). In the cache's store, the
    places are what the cache saves (:attr:`heads`), so a rebuild neither loads nor writes again the
    lists it keeps."""

    def __init__(self, spill: Spill, heads: dict | None = None):
        """``heads``: each term's ``(number, idf, place of its lists in spill)``, as :attr:`heads` gives them."""
        self.lists = spill.mapping(*LISTS_PACKING)
        self.numbers: dict[str, tuple[int, float]] = {}
        for term, (number, idf, place) in (heads or {}).items():
            self.numbers[term] = (number, idf)
            self.lists.places[term] = place

    @property
    def spill(self) -> Spill:
        return self.lists.spill

    @property
    def heads(self) -> dict[str, tuple[int, float, int]]:
        """Each term's number, idf and the place of its lists (what the cache saves)."""
        places = self.lists.places
        return {term: (number, idf, places[term]) for term, (number, idf) in self.numbers.items()}

    def __getitem__(self, term: str) -> tuple:
        number, idf = self.numbers[term]
        return number, idf, self.lists[term]

    def __setitem__(self, term: str, entry: tuple) -> None:
        number, idf, lists = entry
        self.numbers[term] = (number, idf)
        self.lists[term] = lists

    def __delitem__(self, term: str) -> None:
        del self.numbers[term], self.lists[term]

    def __iter__(self) -> Iterator[str]:
        return iter(self.numbers)

    def __len__(self) -> int:
        return len(self.numbers)

    def __contains__(self, term) -> bool:
        return term in self.numbers

    def head(self, term: str) -> tuple[int, float]:
        return self.numbers[term]

    def successor(self) -> StoredPostings:
        return StoredPostings(self.spill)

    def carry(self, term: str, number: int, other: Mapping) -> None:
        """``other``'s postings of ``term`` under ``number``: their place shared when both keep them in one spill."""
        if isinstance(other, StoredPostings) and self.lists.share(term, other.lists):
            self.numbers[term] = (number, other.numbers[term][1])
        else:
            _, idf, lists = other[term]
            self[term] = (number, idf, lists)


def _packed_lists(lists: list) -> bytes:
    return marshal.dumps(packed_posting((None, None, lists))[2])


def _unpacked_lists(blob: bytes) -> list:
    return as_arrays(marshal.loads(blob))


#: How a term's per-field postings wait in a spill (one pair of functions: a place is shared only
#: between mappings that pack the same way, ``SpilledMap.share``).
LISTS_PACKING = (_packed_lists, _unpacked_lists)


def _unpacked_posting(entry: tuple) -> tuple:
    number, idf, lists = entry
    return number, idf, as_arrays(lists)
