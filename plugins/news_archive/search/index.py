"""The lunr index of the search documents, as lunr.py serialises it, with lunr.js's own terms.

lunr.py's Builder does the scoring (BM25, field boosts) and the serialisation;
the terms it indexes come from :mod:`.jsport`, so they are exactly what lunr.js
would make of the same text. Fields are handed over already tokenised: lunr.py's
tokenizer would otherwise split on fewer characters than lunr.js's.
"""

from __future__ import annotations

import re

from lunr.builder import Builder
from lunr.stemmer import stemmer as lunr_py_stemmer

from .documents import FIELDS, SearchDoc
from .jsport import index_terms


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


def lunr_builder() -> Builder:
    builder = Builder()
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    # The fields arrive as term lists; the search pipeline lunr.js loads is its own stemmer.
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.search_pipeline.add(lunr_py_stemmer)
    return builder


def build_index(docs: list[SearchDoc]) -> dict:
    """The serialised lunr index (lunr-schema 2.3.9) of documents, in ref order."""
    builder = lunr_builder()
    for doc in sorted(docs, key=lambda d: d.ref):
        builder.add({"ref": doc.ref, **field_terms(doc)})
    return builder.build().serialize()
