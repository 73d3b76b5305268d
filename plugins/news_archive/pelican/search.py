"""The search output of a build: index pieces, facets and lunr.js, written on the other core while
Pelican writes pages, or here when ``parallel`` is off.

On the other core it is made by a :class:`~news_archive.workers.Standby` process, forked when the
build began, reading a spool file of its input one dump at a time: a child forked when the search
starts would share the build's heap and, as either process touched it, end up with a copy of every
parsed dump (about 220 MB of its 680 MB at 10,000 dumps)."""

from __future__ import annotations

import hashlib
import itertools
import os
import pickle
import shutil
import tempfile
import time

from news_archive import heap
from news_archive.rebuild.search import NAME as CACHE_NAME
from news_archive.rebuild.search import SearchCache, kept_record_buckets, open_spill, read_prints, search_index
from news_archive.rebuild.store import Listing
from news_archive.events import events_by_article
from news_archive.search.documents import article_print, as_searched
from news_archive.search.pieces import dumps_compact, piece, script_name, search_pieces
from news_archive.workers import Job, Standby


def lunr_js_path(options: dict, settings: dict) -> str | None:
    """lunr.js from node_modules (npm, pinned in package-lock.json), looked for beside the project."""
    wanted = options["search"]["lunr_js"]
    for base in (os.getcwd(), os.path.dirname(settings["PATH"])):
        candidate = os.path.join(base, wanted)
        if os.path.isfile(candidate):
            return candidate
    return None


def start_search(archive, settings: dict, output_path: str, load: bool, store: bool, standby: Standby | None = None) -> Job:
    """The search output, made on the other core: by ``standby`` (a process forked when the build
    began) from a spool file of what it needs, else in a child forked now, or here."""
    options = archive.settings["search"]
    cache = os.path.join(settings["CACHE_PATH"], CACHE_NAME) if (load or store) and settings.get("CACHE_PATH") else None
    rest = (options, lunr_js_path(archive.settings, settings), cache, load, store)
    folder = os.path.join(output_path, options["path"])
    if standby is not None:
        # beside the cache when there is one: a temporary folder may be memory (tmpfs)
        spool_folder = os.path.dirname(cache) if cache else None
        if spool_folder:
            os.makedirs(spool_folder, exist_ok=True)
        spool = write_spool(archive.events, archive.dumps, archive.urls, read_prints(cache) if load else None, spool_folder)
        return standby.hand(search_from_spool, (spool, folder, *rest), search_here, (spool, folder, archive.events, archive.dumps, archive.urls, *rest))
    return Job(write_search, folder, archive.events, archive.dumps, archive.urls, *rest, parallel=archive.settings["parallel"])


#: A spool's name: this prefix, the building process's id, a dash (:func:`sweep_spools`).
SPOOL_PREFIX = "news_archive-search-"


def write_spool(events, dumps: dict, urls: dict, prints: dict[str, str] | None = None, folder: str | None = None) -> str:
    """A temporary file of the search's input, pickled: the events (as the search reads them:
    :func:`~news_archive.search.documents.as_searched`), the URLs, the number of dumps,
    then each ``(key, dump)`` on its own (read back one at a time: :func:`search_from_spool`). With
    ``prints`` (the last build's, :func:`~news_archive.rebuild.search.read_prints`), a dump whose print
    is unchanged is written as ``(key, None)``: its documents are the cache's."""
    event_of = events_by_article(events) if prints else {}
    handle, path = tempfile.mkstemp(prefix=f"{SPOOL_PREFIX}{os.getpid()}-", suffix=".spool", dir=folder)
    with os.fdopen(handle, "wb") as spool:
        for part in ([as_searched(event) for event in events], urls, len(dumps)):
            pickle.dump(part, spool, protocol=pickle.HIGHEST_PROTOCOL)
        for key, dump in dumps.items():
            was = prints.get(key) if prints else None
            same = was is not None and was == article_print(urls[key], dump, event_of.get(key))
            pickle.dump((key, None if same else dump), spool, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def sweep_spools(folder: str | None = None) -> list[str]:
    """Remove the spools of builds killed before their search process opened them (their process is
    gone) from ``folder`` (the temporary folder by default); returns their names."""
    folder = folder or tempfile.gettempdir()
    if not os.path.isdir(folder):
        return []
    swept = []
    for name in sorted(os.listdir(folder)):
        if not (name.startswith(SPOOL_PREFIX) and name.endswith(".spool")):
            continue
        pid = name[len(SPOOL_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            os.remove(os.path.join(folder, name))
            swept.append(name)
    return swept


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def search_from_spool(spool: str, folder: str, *rest) -> float:
    """:func:`write_search` of what :func:`write_spool` wrote; the spool is removed once opened."""
    with open(spool, "rb") as handle:
        os.remove(spool)
        events, urls, count = (pickle.load(handle) for _ in range(3))
        dumps = (pickle.load(handle) for _ in range(count))
        return write_search(folder, events, dumps, urls, *rest)


def search_here(spool: str, *args) -> float:
    """:func:`write_search` here, when the standby process failed (its spool removed if it was left)."""
    if os.path.exists(spool):
        os.remove(spool)
    return write_search(*args)


def _monolithic(index):
    yield "index.json", None, dumps_compact(index.serialize())


def write_search(folder: str, events, dumps, urls, options: dict, lunr_js: str | None,
                 cache_path: str | None = None, load: bool = False, store: bool = False) -> float:
    """The search index in pieces, the filter facets, and lunr.js itself; returns the seconds it took.

    A file whose text the last build wrote (its hash in the cache) is not written again; files no
    longer made are removed. Each document's counted fields and record wait in a spill
    (:func:`~news_archive.rebuild.search.open_spill`: the cache's store when it is saved, else an
    unnamed file beside the cache) until the index and the pieces read them.
    """
    started = time.perf_counter()
    with open_spill(cache_path, load, store) as spill:
        cache = SearchCache(cache_path, load, store, spill)
        entries, index, records, facets, texts = search_index(events, dumps, urls, cache.data, spill)
        heap.release()  # each document's fields and terms, counted and let go
        there = Listing(folder)  # what the last build left, listed before this one writes there
        layout = (options["bucket"], bool(options["compress"]))
        kept = kept_record_buckets(index, len(records), options["bucket"], layout, cache.data, there)
        pieces = ((script_name(name), name[: -len(".json")], text)
                  for name, text in search_pieces(index, records, facets, options["chunk_bytes"], options["bucket"], texts, kept))
        if options["monolithic"]:
            pieces = itertools.chain(pieces, _monolithic(index))
        written = cache.data.get("files", {})
        cache.withdraw()
        # a kept bucket (text None) is the last build's file: its hash stands
        hashes = {name: written[name] if text is None else _write_piece(folder, name, key, text, options["compress"], written, there)
                  for name, key, text in pieces}
        for name in sorted(set(written) - set(hashes)):
            stale = os.path.join(folder, name)
            if os.path.isfile(stale):
                os.remove(stale)
        if lunr_js is not None:
            shutil.copyfile(lunr_js, os.path.join(folder, "lunr.min.js"))
        cache.save(entries, index, texts, hashes, layout)
    return time.perf_counter() - started


def _write_piece(folder: str, name: str, key: str | None, text: str, compress: bool, written: dict[str, str], there: Listing) -> str:
    """One piece written as it is made (the build never holds them all), unless the last build wrote
    the same text (``written``: name -> hash) and it is still ``there``; returns its hash."""
    packed = compress and key != "meta"  # the manifest as plain JSON: read at once by the page, before any piece
    # hashed before it is compressed: an unchanged piece is neither compressed nor written again
    digest = hashlib.sha1(b"True:" if packed else b"False:")
    digest.update(text.encode("utf-8"))
    hashed = digest.hexdigest()
    target = os.path.join(folder, name)
    if written.get(name) == hashed and name in there:
        return hashed
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text if key is None else piece(key, text, packed))
    return hashed
