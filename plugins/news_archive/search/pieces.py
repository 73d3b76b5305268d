"""The index in pieces, so a query downloads only what its own terms need. Pure.

The serialised lunr index is cut into:

Each piece is a small script, ``newsArchiveSearch.piece("<name>", <JSON>);``, so the
browser loads it with a ``<script>`` element: that works from a static host and from a
page opened straight from disk, where ``fetch()`` is refused.

``meta.js``
    lunr.js version, fields and their boosts, BM25's ``k1`` and ``b``, each field's average
    length, the pipeline, the document count, the record bucket size, and ``chunks``: the
    first term of each term chunk, in JavaScript's sort order, so the browser finds the
    one chunk that can hold a term by binary search.
``t/<n>.js``
    a run of consecutive terms: ``[term, termIndex, idf, [[fieldIndex, [doc, tf, length, ...]], ...]]``.
    A term carries its postings and, with them, what the document's field-vector entry
    for that term is computed from: its frequency in the field and the field's length.
``r/<n>.js``
    the records (what a result shows) of documents ``n * bucket`` to ``(n + 1) * bucket - 1``.

Documents are numbered in ref order. The browser (``theme/static/js/search-index.js``)
turns the chunks a query needs back into a lunr.js index whose term indices are the
monolithic index's own, and computes each vector value with lunr.py's arithmetic
(:func:`.builder.bm25`, rounding included), so scores are identical. The pieces hold no
score, so an edited document changes only the entries of its own terms: a rebuild
rewrites those chunks, its records' bucket and ``meta.js`` (the averages), nothing else.
"""

from __future__ import annotations

import json

from lunr import __TARGET_JS_VERSION__

from news_archive.search.builder import B, K1, CompactIndex

DEFAULT_CHUNK_BYTES = 24_000
DEFAULT_RECORD_BUCKET = 8


def js_order(term: str) -> bytes:
    """Sort key matching JavaScript's string comparison (UTF-16 code units)."""
    return term.encode("utf-16-be", "surrogatepass")


def dumps_compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def piece(name: str, json_text: str) -> str:
    """A piece as a script calling the loader; the JSON stays JSON (``JSON.parse`` reads it back)."""
    return f"newsArchiveSearch.piece({json.dumps(name)},{json_text});\n"


def as_scripts(files: dict[str, str]) -> dict[str, str]:
    """{name.json: JSON} -> {name.js: script}."""
    return {name[: -len(".json")] + ".js": piece(name[: -len(".json")], text) for name, text in files.items()}


def term_text(term: str, entry: tuple) -> str:
    """A term's entry in its chunk, as JSON (integers joined directly: the bulk of the index)."""
    number, idf, per_field = entry
    fields = ",".join(f"[{f},[{','.join(map(str, flat))}]]" for f, flat in enumerate(per_field) if flat)
    return f"[{json.dumps(term, ensure_ascii=False)},{number},{json.dumps(idf)},[{fields}]]"


def term_texts(index: CompactIndex, known: dict[str, str] | None = None) -> dict[str, str]:
    """Every term's entry; ``known`` (an earlier build's) is reused for the terms ``index.changed`` does not name."""
    if index.changed is None or not known:
        return {term: term_text(term, entry) for term, entry in index.postings.items()}
    changed = index.changed
    return {
        term: known[term] if term not in changed and term in known else term_text(term, entry)
        for term, entry in index.postings.items()
    }


def split_index(
    index: CompactIndex, records: list[dict], chunk_bytes: int = DEFAULT_CHUNK_BYTES, bucket: int = DEFAULT_RECORD_BUCKET,
    texts: dict[str, str] | None = None,
) -> dict[str, str]:
    """{relative file name: JSON text} of the pieces of an index.

    ``records``: each document's record as JSON (:func:`record_text`), in the index's document order.
    ``texts``: every term's entry (:func:`term_texts`), when the caller keeps them for the next build.
    """
    if len(records) != len(index.refs):
        raise ValueError("one record per document, in the index's document order")
    if len(set(index.refs)) != len(index.refs):
        raise ValueError("search document refs must be unique")
    texts = texts if texts is not None else term_texts(index)

    files: dict[str, str] = {}
    chunk: list[str] = []
    size = 0
    firsts: list[str] = []

    def flush():
        nonlocal chunk, size
        if chunk:
            files[f"t/{len(firsts) - 1}.json"] = "[" + ",".join(chunk) + "]"
        chunk, size = [], 0

    for term in sorted(index.postings, key=js_order):
        text = texts[term]
        if chunk and size + len(text) > chunk_bytes:
            flush()
        if not chunk:
            firsts.append(term)
        chunk.append(text)
        size += len(text) + 1
    flush()

    for start in range(0, len(records), bucket):
        files[f"r/{start // bucket}.json"] = "[" + ",".join(records[start : start + bucket]) + "]"
    files["meta.json"] = dumps_compact(
        {
            "format": 2,
            "version": __TARGET_JS_VERSION__,
            "fields": index.fields,
            "boosts": index.boosts,
            "k1": K1,
            "b": B,
            "averages": index.averages,
            "pipeline": list(index.pipeline),
            "docs": len(records),
            "bucket": bucket,
            "chunks": firsts,
        }
    )
    return files


def record_text(record: dict) -> str:
    """A document's record as it appears in its record piece (kept between builds as text)."""
    return dumps_compact(record)


def facet_of(record: dict) -> tuple[str, str, str]:
    """What the filter choices need of a record: (source, event, ISO date or "")."""
    return record["s"], record["e"], record["d"]


def facets(found: list[tuple[str, str, str]]) -> str:
    """The filter choices (sources, events, first and last date), a piece loaded only when filtering."""
    days = sorted(day[:10] for _, _, day in found if day)
    return dumps_compact(
        {
            "sources": sorted({source for source, _, _ in found}),
            "events": sorted({event for _, event, _ in found if event}),
            "first": days[0] if days else None,
            "last": days[-1] if days else None,
        }
    )


def search_files(
    index: CompactIndex, records: list[str], found: list[tuple[str, str, str]], chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    bucket: int = DEFAULT_RECORD_BUCKET, texts: dict[str, str] | None = None,
) -> dict[str, str]:
    """Every file of the search output but lunr.js: pieces as scripts, and the facets (``found``: :func:`facet_of` each record)."""
    files = as_scripts(split_index(index, records, chunk_bytes, bucket, texts))
    files["facets.js"] = piece("facets", facets(found))
    return files
