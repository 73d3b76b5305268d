"""The search output of a build: index pieces, facets and lunr.js, written on the other core while
Pelican writes pages (a :class:`~news_archive.workers.Job`), or here when ``parallel`` is off."""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import time

from news_archive.rebuild.search import NAME as CACHE_NAME
from news_archive.rebuild.search import SearchCache, search_index
from news_archive.search.pieces import dumps_compact, piece, script_name, search_pieces
from news_archive.workers import Job


def lunr_js_path(options: dict, settings: dict) -> str | None:
    """lunr.js from node_modules (npm, pinned in package-lock.json), looked for beside the project."""
    wanted = options["search"]["lunr_js"]
    for base in (os.getcwd(), os.path.dirname(settings["PATH"])):
        candidate = os.path.join(base, wanted)
        if os.path.isfile(candidate):
            return candidate
    return None


def start_search(archive, settings: dict, output_path: str, load: bool, store: bool) -> Job:
    options = archive.settings["search"]
    cache = os.path.join(settings["CACHE_PATH"], CACHE_NAME) if (load or store) and settings.get("CACHE_PATH") else None
    return Job(
        write_search, os.path.join(output_path, options["path"]), archive.events, archive.dumps, archive.urls,
        options, lunr_js_path(archive.settings, settings), cache, load, store, parallel=archive.settings["parallel"],
    )


def _monolithic(index):
    yield "index.json", None, dumps_compact(index.serialize())


def write_search(folder: str, events, dumps, urls, options: dict, lunr_js: str | None,
                 cache_path: str | None = None, load: bool = False, store: bool = False) -> float:
    """The search index in pieces, the filter facets, and lunr.js itself; returns the seconds it took.

    A file whose text the last build wrote (its hash in the cache) is not written again; files no
    longer made are removed.
    """
    started = time.perf_counter()
    cache = SearchCache(cache_path, load, store)
    entries, index, records, facets, texts = search_index(events, dumps, urls, cache.data)
    pieces = ((script_name(name), name[: -len(".json")], text)
              for name, text in search_pieces(index, records, facets, options["chunk_bytes"], options["bucket"], texts))
    if options["monolithic"]:
        pieces = itertools.chain(pieces, _monolithic(index))
    written = cache.data.get("files", {})
    cache.withdraw()
    hashes = {}
    compress = options["compress"]
    for name, key, text in pieces:  # each written as it is made: the build never holds them all
        # hashed before it is compressed: an unchanged piece is neither compressed nor written again
        hashes[name] = hashlib.sha1(f"{compress}:{text}".encode("utf-8")).hexdigest()
        target = os.path.join(folder, name)
        if written.get(name) == hashes[name] and os.path.exists(target):
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text if key is None else piece(key, text, compress))
    for name in sorted(set(written) - set(hashes)):
        stale = os.path.join(folder, name)
        if os.path.isfile(stale):
            os.remove(stale)
    if lunr_js is not None:
        shutil.copyfile(lunr_js, os.path.join(folder, "lunr.min.js"))
    cache.save(entries, index, texts, hashes)
    return time.perf_counter() - started
