"""The lunr index of the search documents, as lunr.py serialises it, with lunr.js's own terms.

lunr.py's Builder does the scoring (BM25, field boosts) and the serialisation;
the terms it indexes come from :mod:`.jsport`, so they are exactly what lunr.js
would make of the same text. Fields are handed over already tokenised: lunr.py's
tokenizer would otherwise split on fewer characters than lunr.js's.
"""

from __future__ import annotations

from lunr.builder import Builder
from lunr.stemmer import stemmer as lunr_py_stemmer

from .documents import FIELDS, SearchDoc
from .jsport import index_terms


def field_terms(doc: SearchDoc) -> dict[str, list[str]]:
    return {name: index_terms(getattr(doc, name)) for name, _ in FIELDS}


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
