"""The index in pieces, so a query downloads only what its own terms need. Pure.

The serialised lunr index is cut into:

Each piece is a small script, ``newsArchiveSearch.piece("<name>", <JSON>);``, so the
browser loads it with a ``<script>`` element: that works from a static host and from a
page opened straight from disk, where ``fetch()`` is refused.

``meta.js``
    lunr.js version, fields, the pipeline, the document count, the record bucket
    size, and ``chunks``: the first term of each term chunk, in JavaScript's sort
    order, so the browser finds the one chunk that can hold a term by binary search.
``t/<n>.js``
    a run of consecutive terms: ``[term, termIndex, [[fieldIndex, [doc, score, doc, score, ...]], ...]]``.
    A term carries its postings and, with them, the document's field-vector entry
    for that term: all a lunr.js query needs to score the documents it matches.
``r/<n>.js``
    the records (what a result shows) of documents ``n * bucket`` to ``(n + 1) * bucket - 1``.

Documents are numbered in ref order. The browser (``theme/static/js/search-index.js``)
turns the chunks a query needs back into a lunr.js index whose term indices and
vector values are the monolithic index's own, so scores are identical.
"""

from __future__ import annotations

import json

from lunr import __TARGET_JS_VERSION__

from .builder import CompactIndex

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


def split_index(index: CompactIndex, records: list[dict], chunk_bytes: int = DEFAULT_CHUNK_BYTES, bucket: int = DEFAULT_RECORD_BUCKET) -> dict[str, str]:
    """{relative file name: JSON text} of the pieces of an index; ``records`` in the index's document order."""
    if [r["u"] for r in records] != index.refs:
        raise ValueError("records must be in the index's document order")
    if len(set(index.refs)) != len(index.refs):
        raise ValueError("search document refs must be unique")
    fields = index.fields

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
        term_index, by_field = index.postings[term]
        per_field = [[f, flat] for f, flat in enumerate(by_field) if flat]
        text = dumps_compact([term, term_index, per_field])
        if chunk and size + len(text) > chunk_bytes:
            flush()
        if not chunk:
            firsts.append(term)
        chunk.append(text)
        size += len(text) + 1
    flush()

    for start in range(0, len(records), bucket):
        files[f"r/{start // bucket}.json"] = dumps_compact(records[start : start + bucket])
    files["meta.json"] = dumps_compact(
        {
            "format": 1,
            "version": __TARGET_JS_VERSION__,
            "fields": fields,
            "pipeline": list(index.pipeline),
            "docs": len(records),
            "bucket": bucket,
            "chunks": firsts,
        }
    )
    return files


def facets(records: list[dict]) -> str:
    """The filter choices (sources, events, first and last date), a piece loaded only when filtering."""
    days = sorted(r["d"][:10] for r in records if r["d"])
    return dumps_compact(
        {
            "sources": sorted({r["s"] for r in records}),
            "events": sorted({r["e"] for r in records if r["e"]}),
            "first": days[0] if days else None,
            "last": days[-1] if days else None,
        }
    )


def search_files(index: CompactIndex, records: list[dict], chunk_bytes: int = DEFAULT_CHUNK_BYTES, bucket: int = DEFAULT_RECORD_BUCKET) -> dict[str, str]:
    """Every file of the search output but lunr.js: pieces as scripts, and the facets."""
    files = as_scripts(split_index(index, records, chunk_bytes, bucket))
    files["facets.js"] = piece("facets", facets(records))
    return files
