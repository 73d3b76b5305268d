"""The lunr index of the search documents, with lunr.js's own terms.

The terms come from :mod:`.jsport`, so they are exactly what lunr.js would make of
the same text. :func:`build_index` indexes them with :mod:`.builder`, whose serialised
output is byte-identical to lunr.py's Builder (``tests/search`` builds the same index with
lunr.py itself and compares). Fields are handed over already
tokenised: lunr.py's tokenizer would otherwise split on fewer characters than lunr.js's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from news_archive.search import builder
from news_archive.events import Event, events_by_article
from news_archive.parse.model import Dump
from news_archive.search.documents import FIELDS, SearchDoc, article_documents, article_print
from news_archive.search.pieces import facet_of, record_text
from news_archive.search.jsport import index_terms


_APOSTROPHES = re.compile("[\u2018\u2019\u02bc]")
_POSSESSIVE = re.compile(r"'s(?![A-Za-z0-9_])")


def search_text(text: str) -> str:
    """Text as both sides search it: curly apostrophes straight, possessive 's dropped.

    lunr.js alone indexes "Thursday’s" as "thursday’", which a search for "Thursday"
    never finds. The browser applies the same two rules to queries and highlights
    (``searchText`` in theme/static/js/search-index.js); the node tests prove the two
    copies equal. The lunr pipeline after it is lunr.js's own, unchanged.
    """
    return _POSSESSIVE.sub("", _APOSTROPHES.sub("'", text))


def field_terms(doc: SearchDoc) -> dict[str, list[str]]:
    return {name: index_terms(search_text(getattr(doc, name))) for name, _ in FIELDS}


def field_counts(doc: SearchDoc) -> dict[str, builder.Counted]:
    return {name: builder.count(terms) for name, terms in field_terms(doc).items()}


def build_index(docs: list[SearchDoc], previous: builder.CompactIndex | None = None) -> builder.CompactIndex:
    """The lunr index of documents, in ref order (``.serialize()`` gives lunr-schema 2.3.9).

    ``previous``, the index of an earlier build, is updated where the documents changed
    (:func:`.builder.update`) instead of built again. The build itself keeps counted terms per
    article (:func:`article_entries`); this is the same index from plain documents.
    """
    docs = sorted(docs, key=lambda d: d.ref)
    return builder.update(previous, [doc.ref for doc in docs], [field_counts(doc) for doc in docs], list(FIELDS))


def article_entry(url: str, dump: Dump, event: Event | None) -> tuple:
    """``(print, [(ref, counted field terms, record JSON, facet), ...])``: an article's documents, counted,
    each document's counted fields packed (:func:`.builder.packed`: a few objects per document, not
    one per term, as long as the build holds them; the index unpacks one at a time).

    The print (:func:`.documents.article_print`) names everything the documents depend on, so an
    entry can be kept between builds while its print is the same (``rebuild/search.py``).
    """
    docs = article_documents(url, dump, event)
    return article_print(url, dump, event), [(d.ref, builder.packed(field_counts(d)), record_text(d.record), facet_of(d.record)) for d in docs]


def article_entries(dumps: Mapping[str, Dump | None] | Iterable[tuple[str, Dump | None]], urls: dict[str, str], events: list[Event],
                    kept=None, unchanged=None, keep=None) -> dict:
    """key -> :func:`article_entry` for every article (``dumps``: by key, or ``(key, dump)`` pairs read
    once, as they come); ``kept(key, print)``, if given, may return an earlier build's entry of the
    same print instead (``rebuild/search.py``). A dump of ``None`` is one whose print the caller found
    unchanged: ``unchanged(key)`` gives its earlier entry (and fails if there is none). ``keep(entry)``,
    if given, is what is kept of each entry (its rows and records moved to a file: ``news_archive.spill``)."""
    event_of = events_by_article(events)
    entries = {}
    facets: dict[tuple, tuple] = {}  # one tuple per distinct facet: most documents share theirs
    for key, dump in dumps.items() if isinstance(dumps, Mapping) else dumps:
        if dump is None:
            entry = unchanged(key)
        else:
            url, event = urls[key], event_of.get(key)
            old = kept(key, article_print(url, dump, event)) if kept else None
            entry = old if old is not None else _sharing(article_entry(url, dump, event), facets)
        entries[key] = keep(entry) if keep else entry
    return entries


def _sharing(entry: tuple, facets: dict[tuple, tuple]) -> tuple:
    print_, docs = entry
    return print_, [(ref, row, record, facets.setdefault(facet, facet)) for ref, row, record, facet in docs]


def _in_ref_order(entries: dict) -> list[tuple]:
    return sorted((doc for _, docs in entries.values() for doc in docs), key=lambda doc: doc[0])


def index_entries(entries: dict, previous: builder.CompactIndex | None = None, read: Callable[[list], Sequence] | None = None) -> tuple:
    """``(index, records, facets)``: the index of the articles' documents in ref order (updated from
    ``previous`` where it can be), with their records and facets in the same order. ``read`` makes
    the sequence of rows, and of records, from what the entries hold (their places in a file,
    ``news_archive.spill``)."""
    docs = _in_ref_order(entries)
    read = read or list
    index = builder.update(previous, [doc[0] for doc in docs], read([doc[1] for doc in docs]), list(FIELDS))
    return index, read([doc[2] for doc in docs]), [doc[3] for doc in docs]


def kept_index(state: tuple, entries: dict, read: Callable[[list], Sequence] | None = None) -> builder.CompactIndex:
    """The index an earlier build kept (``CompactIndex.state()``), with the rows of the entries it was made of,
    and their refs (the entries' own strings: the index's refs are its documents', in ref order)."""
    docs = _in_ref_order(entries)
    return builder.CompactIndex.from_state(state, (read or list)([doc[1] for doc in docs]), [doc[0] for doc in docs])
