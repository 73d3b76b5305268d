"""lunr.py's own Builder over the same documents: the reference the fast builder is compared with, byte for byte."""

from __future__ import annotations

from lunr.builder import Builder
from lunr.stemmer import stemmer as lunr_py_stemmer

from news_archive.search.documents import FIELDS, SearchDoc
from news_archive.search.index import field_terms


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


def lunr_py_index(docs: list[SearchDoc]) -> dict:
    """The same index built by lunr.py's own Builder, serialised: the reference for the fast builder."""
    lunr = lunr_builder()
    for doc in sorted(docs, key=lambda d: d.ref):
        lunr.add({"ref": doc.ref, **field_terms(doc)})
    return lunr.build().serialize()
