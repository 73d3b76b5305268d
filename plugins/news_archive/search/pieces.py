"""The index in pieces, so a query downloads only what its own terms need. Pure.

Each piece is a small script, ``newsArchiveSearch.piece("<name>", <data>);``, so the
browser loads it with a ``<script>`` element: that works from a static host and from a
page opened straight from disk, where ``fetch()`` is refused. ``<data>`` is the piece's JSON,
or (``compress``, a site's default) that JSON gzipped and written in base64, which the
browser inflates with its own ``DecompressionStream``: about a third of the bytes on disk.

``meta.js``
    lunr.js version, fields and their boosts, BM25's ``k1`` and ``b``, each field's average
    length, the pipeline, the document count, the record bucket size, and ``chunks``: the
    first term of each term chunk, in JavaScript's sort order, so the browser finds the
    one chunk that can hold a term by binary search.
``t/<n>.js``
    a run of consecutive terms, each ``[term, termIndex, idf, head]`` with ``head`` per field
    ``[fieldIndex, [doc gap, tf, length, ...]]``: a term carries its postings and, with them,
    what the document's field-vector entry for that term is computed from (its frequency in the
    field and the field's length). A term in more than ``TIER_ENDS[0]`` documents adds its
    document count and its tails, ``[[name, bound], ...]``, and gives each field as
    ``[fieldIndex, [tf, length, ...], [doc gap, pair, ...]]`` (:func:`paired`). Its list is here
    whole (no tails) when that text is at most ``WHOLE_BYTES`` long; a longer list keeps only its
    head here, the documents where it weighs most.
``p/<hash>-<n>.js``
    a tail of a long posting list (same shape as a head). Its bound in the chunk says, per set
    of fields its documents hold the term in, the best (tf, length) pairs of each field: what
    any of them can score, whatever the average lengths. With it the browser knows a query's
    first results exactly before it has whole lists (``searchTop``): the MaxScore idea, on tiers.
``r/<n>.js``
    the records (what a result shows) of documents ``n * bucket`` to ``(n + 1) * bucket - 1``.

Documents are numbered in ref order. The browser (``theme/static/js/search-index.js``)
turns what a query loaded back into a lunr.js index whose term indices are the
monolithic index's own, and computes each vector value with lunr.py's arithmetic
(:func:`.builder.bm25`, rounding included), so scores are identical. The pieces hold no
score, and a term's tiers and bounds depend on its own postings alone, so an edited document
changes only the entries of its own terms: a rebuild rewrites those chunks and tails, its
records' bucket and ``meta.js`` (the averages), nothing else.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from collections.abc import Container, Mapping, MutableMapping

from lunr import __TARGET_JS_VERSION__

from news_archive.search.builder import B, K1, CompactIndex

DEFAULT_CHUNK_BYTES = 24_000
DEFAULT_RECORD_BUCKET = 32


def js_order(term: str) -> bytes:
    """Sort key matching JavaScript's string comparison (UTF-16 code units)."""
    return term.encode("utf-16-be", "surrogatepass")


def dumps_compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def packed(json_text: str) -> str:
    """JSON gzipped (no time stamp, so the same text gives the same bytes) and written in base64."""
    return base64.b64encode(gzip.compress(json_text.encode("utf-8"), compresslevel=5, mtime=0)).decode("ascii")


def piece(name: str, json_text: str, compress: bool = False) -> str:
    """A piece as a script calling the loader: the JSON itself, or compressed (:func:`packed`) as a
    string the loader inflates (``unpack`` in theme/static/js/search-index.js)."""
    data = json.dumps(packed(json_text)) if compress else json_text
    return f"newsArchiveSearch.piece({json.dumps(name)},{data});\n"


def piece_json(script: str) -> str:
    """The JSON text of a piece's script, whether or not it was compressed (:func:`piece` undone)."""
    data = script[script.index(",") + 1 : script.rindex(");")]
    if data.startswith('"'):
        return gzip.decompress(base64.b64decode(json.loads(data))).decode("utf-8")
    return data


def record_bucket(number: int) -> str:
    """The name of the ``number``-th record bucket: ``r/3.json``."""
    return f"r/{number}.json"


def script_name(name: str) -> str:
    """``t/3.json`` -> ``t/3.js``."""
    return name[: -len(".json")] + ".js"


def as_scripts(files: dict[str, str], compress: bool = False) -> dict[str, str]:
    """{name.json: JSON} -> {name.js: script}."""
    return {script_name(name): piece(name[: -len(".json")], text, compress) for name, text in files.items()}


#: Where a long posting list is cut into tiers, counted in documents: its head (the documents where
#: the term weighs most) goes in the term's chunk, the rest in tail pieces loaded only when a query
#: needs them to be sure of its first results (``searchTop`` in theme/static/js/search-index.js). A list
#: of at most the last end's documents is cut after its head alone (:func:`tail_ends`).
TIER_ENDS = (128, 1024, 8192, 65536)

#: The longest posting list, as the text of one tier (:func:`paired`), written whole into its chunk
#: rather than cut into a head and tails: up to about 45 KB as a compressed piece. A query that needs more of a
#: list than its head (two words or more, nearly always) waits a round of requests for the tails; on the
#: search page at 10,000 dumps a round cost 15-20 ms, more than the extra bytes took, and the words of
#: typical two-word queries there (1,000-6,000 updates each) are now answered in two rounds, chunks then
#: records, instead of three. A longer list (at 100,000 dumps, those same words) still has tails, and a
#: word alone is still answered from one chunk.
WHOLE_BYTES = 96_000


def tail_ends(tiers: tuple[int, ...], count: int) -> list[int]:
    """Where a list of ``count`` documents is cut: after its head alone when it holds at most
    ``tiers[-1]`` documents, for the browser loads such a list whole once its head has not settled a
    query's first results (``WHOLE_LIST`` in search-index.js), and each tail is a request; at every
    end below ``count`` when it is longer, as the browser loads those a tier at a time."""
    if count <= tiers[-1]:
        return list(tiers[:1])
    return [end for end in tiers if end < count]


def tier_name(term: str, tier: int) -> str:
    """A tail piece's name: stable across builds, so a rebuild rewrites only its changed terms' tails."""
    return f"p/{hashlib.sha1(term.encode('utf-8')).hexdigest()[:12]}-{tier}"


def impact_order(per_field: list, boosts: list[float]) -> list[int]:
    """The term's documents, where it weighs most first: BM25 with each field's average length taken
    among this term's own documents (so the order depends on the term's postings alone, and a
    rebuild gives a full build's order), boosts applied, idf left out (the same for every document)."""
    weight: dict[int, float] = {}
    for f, flat in enumerate(per_field):
        if not flat:
            continue
        lengths = flat[2::3]
        average = sum(lengths) / len(lengths) or 1.0
        a, c, boost = K1 * (1 - B), K1 * B / average, boosts[f]
        get = weight.get
        for d, tf, length in zip(flat[0::3], flat[1::3], lengths):
            weight[d] = get(d, 0.0) + boost * tf / (a + c * length + tf)
    order = sorted(weight)
    order.sort(key=weight.__getitem__, reverse=True)  # stable: equal weights stay in document order
    return order


def frontier(pairs) -> list[int]:
    """The (tf, length) pairs no other pair beats on both (higher tf, shorter field), flat: a tier's
    score bound for any average length, since BM25 rises with tf and falls with length."""
    best: list[int] = []
    top = 0
    for tf, length in sorted(set(pairs), key=lambda p: (p[1], -p[0])):
        if tf > top:
            best += [tf, length]
            top = tf
    return best


def delta_fields(per_field: list) -> list:
    """``[[field, [gap, tf, length, ...]], ...]`` of every document: in document order, each document
    number written as its distance from the one before (the first from 0)."""
    out = []
    for f, flat in enumerate(per_field):
        if flat:
            encoded = list(flat)
            encoded[3::3] = [b - a for a, b in zip(flat[0::3], flat[3::3])]
            out.append([f, encoded])
    return out


def paired(docs: list[int], pairs: list[int]) -> list:
    """A tier's documents of one field (ascending) and their (tf, length) pairs (``tf << 32 | length``)
    as ``[[tf, length, ...], [doc gap, pair, ...]]``: the field's pairs once each, in ascending order,
    then each document as its distance from the one before (the first from 0) and the place of its
    pair in that table. A long list's documents share a few hundred pairs: the browser scores each pair
    once, and the JSON is about 30% shorter than (gap, tf, length) triples."""
    table = sorted(set(pairs))
    place = {pair: n for n, pair in enumerate(table)}
    flat: list[int] = []
    last = 0
    for d, pair in zip(docs, pairs):
        flat += (d - last, place[pair])
        last = d
    return [[x for pair in table for x in (pair >> 32, pair & 0xFFFFFFFF)], flat]


def tiers_of(per_field: list, order: list[int], cuts: list[int]) -> tuple[list, list]:
    """Each tier's postings, ``[[field, *paired], ...]`` (:func:`paired`), and bound: ``[[[field, frontier], ...], ...]``,
    one list per set of fields its documents hold the term in (a document in the body alone is
    bounded by the body's best pairs, not the title's too), each field with its :func:`frontier`."""
    tier_of = {}
    for n, (a, b) in enumerate(zip(cuts, cuts[1:])):
        for d in order[a:b]:
            tier_of[d] = n
    count = len(cuts) - 1
    mask: dict[int, int] = {}
    for f, flat in enumerate(per_field):
        bit = 1 << f
        for d in flat[0::3]:
            mask[d] = mask.get(d, 0) | bit
    postings = [[] for _ in range(count)]
    pairs: dict[tuple[int, int, int], set] = {}  # (tier, fields held, field) -> {tf << 32 | length}
    for f, flat in enumerate(per_field):
        if not flat:
            continue
        docs: list[list[int]] = [[] for _ in range(count)]
        kinds: list[list[int]] = [[] for _ in range(count)]
        for d, tf, length in zip(flat[0::3], flat[1::3], flat[2::3]):
            n = tier_of[d]
            pair = tf << 32 | length
            docs[n].append(d)
            kinds[n].append(pair)
            key = (n, mask[d], f)
            found = pairs.get(key)
            if found is None:
                found = pairs[key] = set()
            found.add(pair)
        for n in range(count):
            if docs[n]:
                postings[n].append([f, *paired(docs[n], kinds[n])])
    bounds: list[dict[int, list]] = [{} for _ in range(count)]
    for (n, key, f), found in sorted(pairs.items()):
        bounds[n].setdefault(key, []).append([f, frontier((pair >> 32, pair & 0xFFFFFFFF) for pair in found)])
    return postings, [[bound[key] for key in sorted(bound)] for bound in bounds]


def term_text(term: str, entry: tuple, boosts: list[float], tiers: tuple[int, ...] = TIER_ENDS,
              whole_bytes: int = WHOLE_BYTES) -> tuple[str, dict[str, str]]:
    """A term's entry in its chunk as JSON, and its tail pieces ``{name: JSON}``.

    The entry is ``[term, termIndex, idf, head]``, ``head`` as :func:`delta_fields`; a term in more
    than ``tiers[0]`` documents (:data:`TIER_ENDS`) adds ``count, [[tail name, bound], ...]``
    (:func:`tiers_of`), written with a table of pairs (:func:`paired`): with no tails when its whole
    list so written is at most ``whole_bytes`` long (:data:`WHOLE_BYTES`), else its head holding the
    documents where it weighs most.
    """
    number, idf, per_field = entry
    start = f"[{json.dumps(term, ensure_ascii=False)},{number},{json.dumps(idf)},"
    # fewer postings than a head holds means fewer documents too: no need to count them
    if sum(len(flat) for flat in per_field) // 3 > tiers[0]:
        whole = whole_list(per_field, tiers[0], whole_bytes)
        if whole is not None:
            return start + whole, {}
        order = impact_order(per_field, boosts)
        if len(order) > tiers[0]:
            cuts = [0, *tail_ends(tiers, len(order)), len(order)]
            postings, bounds = tiers_of(per_field, order, cuts)
            names = [tier_name(term, n) for n in range(1, len(postings))]
            tails = {name + ".json": dumps_compact(fields) for name, fields in zip(names, postings[1:])}
            rest = dumps_compact([[name, bound] for name, bound in zip(names, bounds[1:])])
            return start + dumps_compact(postings[0]) + f",{len(order)},{rest}]", tails
    return start + dumps_compact(delta_fields(per_field)) + "]", {}


def whole_list(per_field: list, head: int, whole_bytes: int) -> str | None:
    """A list of more than ``head`` documents as one tier, ``postings,count,[]]`` (the end of its
    entry: no tails), when that text is at most ``whole_bytes`` long; else None. A posting takes
    at least 4 characters (gap, comma, pair, comma), so a longer list is not written out to know
    (nor its documents gathered, when one field alone holds too many)."""
    if 4 * max(len(flat) // 3 for flat in per_field) > whole_bytes:
        return None
    docs = set()
    for flat in per_field:
        docs.update(flat[0::3])
    if len(docs) <= head or 4 * len(docs) > whole_bytes:
        return None
    postings, _ = tiers_of(per_field, sorted(docs), [0, len(docs)])
    text = dumps_compact(postings[0])
    return f"{text},{len(docs)},[]]" if len(text) <= whole_bytes else None


def term_texts(index: CompactIndex, known: Mapping[str, tuple] | None = None, tiers: tuple[int, ...] = TIER_ENDS,
               into: MutableMapping | None = None, whole_bytes: int = WHOLE_BYTES) -> MutableMapping:
    """Every term's :func:`term_text`, made one at a time into ``into`` (a new dict by default; a
    mapping that keeps its values elsewhere keeps the process from holding them all); ``known`` (an
    earlier build's) is reused for the terms ``index.changed`` does not name."""
    texts = {} if into is None else into
    changed = index.changed if known else None
    share = getattr(texts, "share", None)  # a spilled text kept where it is, not read and written again
    for term in index.postings:  # a term's postings are read only if its text is made
        if changed is not None and term not in changed and term in known:
            if share is None or not share(term, known):
                texts[term] = known[term]
        else:
            texts[term] = term_text(term, index.postings[term], index.boosts, tiers, whole_bytes)
    return texts


def split_index(
    index: CompactIndex, records: list[dict], chunk_bytes: int = DEFAULT_CHUNK_BYTES, bucket: int = DEFAULT_RECORD_BUCKET,
    texts: dict[str, tuple] | None = None, tiers: tuple[int, ...] = TIER_ENDS, whole_bytes: int = WHOLE_BYTES,
) -> dict[str, str]:
    """{relative file name: JSON text} of the pieces of an index (:func:`iter_pieces`, gathered)."""
    return dict(iter_pieces(index, records, chunk_bytes, bucket, texts, tiers, whole_bytes=whole_bytes))


def iter_pieces(
    index: CompactIndex, records: list[dict], chunk_bytes: int = DEFAULT_CHUNK_BYTES, bucket: int = DEFAULT_RECORD_BUCKET,
    texts: dict[str, tuple] | None = None, tiers: tuple[int, ...] = TIER_ENDS, kept: Container[str] = frozenset(),
    whole_bytes: int = WHOLE_BYTES,
):
    """``(relative file name, JSON text)`` of each piece of an index, one at a time (the build writes
    each as it comes and keeps none), ``meta.json`` last.

    ``records``: each document's record as JSON (:func:`record_text`), in the index's document order.
    ``texts``: every term's entry (:func:`term_texts`), when the caller keeps them for the next build.
    ``kept``: names of record buckets the caller knows to be as an earlier build wrote them, given as
    ``(name, None)``: their records are not read.
    """
    if len(records) != len(index.refs):
        raise ValueError("one record per document, in the index's document order")
    if len(set(index.refs)) != len(index.refs):
        raise ValueError("search document refs must be unique")
    texts = texts if texts is not None else term_texts(index, tiers=tiers, whole_bytes=whole_bytes)

    chunk: list[str] = []
    size = 0
    firsts: list[str] = []
    for term in sorted(index.postings, key=js_order):
        text, tails = texts[term]
        yield from tails.items()
        if chunk and size + len(text) > chunk_bytes:
            yield f"t/{len(firsts) - 1}.json", "[" + ",".join(chunk) + "]"
            chunk, size = [], 0
        if not chunk:
            firsts.append(term)
        chunk.append(text)
        size += len(text) + 1
    if chunk:
        yield f"t/{len(firsts) - 1}.json", "[" + ",".join(chunk) + "]"

    for start in range(0, len(records), bucket):
        name = record_bucket(start // bucket)
        yield name, None if name in kept else "[" + ",".join(records[start : start + bucket]) + "]"
    yield "meta.json", dumps_compact(
        {
            "format": 4,
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


def record_text(record: dict) -> str:
    """A document's record as it appears in its record piece (kept between builds as text)."""
    return dumps_compact(record)


def facet_of(record: dict) -> tuple[str, str, str]:
    """What the filter choices need of a record: (source, event, ISO day or ""). Kept for every
    document; equal facets are one tuple (``search.index.article_entries``)."""
    return record["s"], record["e"], record["d"][:10]


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


def search_pieces(
    index: CompactIndex, records: list[str], found: list[tuple[str, str, str]], chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    bucket: int = DEFAULT_RECORD_BUCKET, texts: dict[str, tuple] | None = None, kept: Container[str] = frozenset(),
):
    """Every piece of the search output as ``(name.json, JSON)``, one at a time (:func:`piece` makes
    the file), the facets included (``found``: :func:`facet_of` each record); ``kept`` as
    :func:`iter_pieces`'s."""
    yield from iter_pieces(index, records, chunk_bytes, bucket, texts, kept=kept)
    yield "facets.json", facets(found)
