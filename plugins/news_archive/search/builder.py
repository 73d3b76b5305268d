"""A fast lunr index builder whose serialised output is byte-identical to lunr.py's Builder.

lunr.py spends most of its time on per-token objects (Token, deep-copied metadata,
Vector.insert); the index itself is simple arithmetic: term frequencies per field, a term
number per term in order of first occurrence, an idf per term, and BM25 scores rounded to
three places. This builder keeps what the scores are made of (term frequencies, field
lengths, idf) on plain lists, and scores only when asked: ``serialize()`` for the monolithic
index, the browser for the pieces (``theme/static/js/search-index.js``, same arithmetic).
``tests/test_search_builder.py`` proves ``serialize()`` equal, byte for byte, to what
``lunr.builder.Builder`` writes for the same documents.

Because the pieces carry no score, one edited document changes only the postings of its own
terms: :func:`update` rebuilds just those from the last build's index, and a test proves it
equal to :func:`build`. (A score depends on the average field length, so with scores in the
pieces one edit would change nearly all of them.)
"""

from __future__ import annotations

import marshal
import math
import sys
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from lunr import __TARGET_JS_VERSION__

K1 = 1.2
B = 0.75


def bm25(idf: float, tf: int, length: int, average: float, boost: float) -> float:
    """lunr.py's score of a term in a field, operation for operation (so every float is the same)."""
    norm = K1 * (1 - B + B * (length / average))
    return round(idf * ((K1 + 1) * tf) / (norm + tf) * boost, 3)


def idf_of(held: int, doc_count: int) -> float:
    """lunr's idf; ``held`` counts a document once per field the term is in."""
    return math.log(1 + abs((doc_count - held + 0.5) / (held + 0.5)))


Counted = tuple  # (terms in order of first occurrence, their counts, the field's length in terms)
#: A document's counted fields, ``{field: Counted}``, or the same packed with ``marshal`` (as the
#: cache keeps them: one bytes object loads far faster than its tuples, and is unpacked only if read).
Row = dict | bytes


def fields_of(row: Row) -> dict[str, Counted]:
    return marshal.loads(row) if isinstance(row, bytes) else row


def packed(row: Row) -> bytes:
    return row if isinstance(row, bytes) else marshal.dumps(row)


#: A field's postings where the term is not: one shared empty value, not an array per term and field.
NO_POSTINGS = ()


def _packed_flat(flat) -> bytes:
    return flat.tobytes() if isinstance(flat, array) else array("i", flat).tobytes()


def as_arrays(lists) -> list:
    """A term's per-field postings as arrays of 32-bit integers (``NO_POSTINGS`` where a field has none);
    an array already is kept, not copied."""
    return [(flat if isinstance(flat, array) else array("i", flat)) if flat else NO_POSTINGS for flat in lists]


def packed_posting(entry: tuple) -> tuple:
    """A term's ``(number, idf, per-field postings)`` with each field's postings as bytes (``marshal`` keeps bytes)."""
    number, idf, lists = entry
    return number, idf, [_packed_flat(flat) for flat in lists]


@dataclass
class CompactIndex:
    fields: list[str]
    boosts: list[float]
    refs: list[str]  # document number -> ref, in the order documents were added
    rows: Sequence[Row] = field(default_factory=list)  # per document: its counted fields
    # term -> (term index, idf, per field a flat array [doc, tf, length, doc, tf, length, ...] in document
    # order, 32-bit integers: a quarter of a list's memory or less; NO_POSTINGS for a field without the term)
    postings: dict[str, tuple[int, float, list]] = field(default_factory=dict)
    # term -> where it first occurs (document, field, place among the field's terms): its term index is its rank
    firsts: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    lengths: list[int] = field(default_factory=list)  # per field: its length in terms, summed over documents
    pipeline: tuple[str, ...] = ("stemmer",)
    # terms whose postings or number differ from the index this one was updated from (None: all)
    changed: set | None = None
    # documents whose row (and so record: both are an article's entry) may differ from the index this
    # one was updated from, by number (None: all, as when it was built anew or its refs changed)
    changed_docs: set | None = None

    def state(self) -> tuple:
        """The index but its rows as plain values (what ``marshal`` can keep between builds); each
        posting list packed as 32-bit integers, which load as one block instead of an object each."""
        postings = {term: packed_posting(entry) for term, entry in self.postings.items()}
        return self.fields, self.boosts, self.refs, postings, self.firsts, self.lengths, tuple(self.pipeline)

    @classmethod
    def from_state(cls, state: tuple, rows: list[Row], refs: list[str] | None = None) -> CompactIndex:
        """The index ``state()`` kept, with its documents' rows (kept by the caller, in document order).
        ``refs``, if given, are its documents' refs as the caller holds them (the state may keep only
        their number: the cache, whose articles hold the same strings)."""
        fields, boosts, kept_refs, postings, firsts, lengths, pipeline = state
        count = kept_refs if isinstance(kept_refs, int) else len(kept_refs)
        refs = kept_refs if refs is None else refs
        if isinstance(refs, int) or len(refs) != count or len(rows) != count:
            raise ValueError("one ref and one row per document")
        if isinstance(postings, dict):  # else a mapping that reads each term's lists when asked (rebuild/search.py)
            postings = {term: (number, idf, as_arrays(lists)) for term, (number, idf, lists) in postings.items()}
        return cls(fields=list(fields), boosts=list(boosts), refs=refs, rows=rows, postings=postings, firsts=firsts,
                   lengths=list(lengths), pipeline=pipeline)

    @property
    def averages(self) -> list[float]:
        count = len(self.refs)
        return [total / count if count else 0.0 for total in self.lengths]

    def serialize(self) -> dict:
        """The lunr-schema dict ``lunr.Index.serialize()`` returns for the same documents."""
        inverted = []
        width = len(self.fields)
        averages = self.averages
        vectors: list[list[tuple[int, float]]] = [[] for _ in range(len(self.refs) * width)]
        for term in sorted(self.postings):
            index, idf, per_field = self.postings[term]
            posting = {name: {self.refs[d]: {} for d in per_field[f][0::3]} for f, name in enumerate(self.fields)}
            posting["_index"] = index
            inverted.append([term, posting])
            for f, flat in enumerate(per_field):
                for k in range(0, len(flat), 3):
                    d, tf, length = flat[k : k + 3]
                    vectors[d * width + f].append((index, bm25(idf, tf, length, averages[f], self.boosts[f])))
        field_vectors = []
        for position, pairs in enumerate(vectors):  # document by document, fields in order: lunr.py's order
            d, f = divmod(position, width)
            flat = []
            for index, score in sorted(pairs):
                flat += [index, score]
            field_vectors.append([f"{self.fields[f]}/{self.refs[d]}", flat])
        return {
            "version": __TARGET_JS_VERSION__,
            "fields": list(self.fields),
            "fieldVectors": field_vectors,
            "invertedIndex": inverted,
            "pipeline": list(self.pipeline),
        }


def count(terms: list[str]) -> Counted:
    """A field's terms as the builder needs them; computed once per text and cached between builds."""
    counts = Counter(terms)  # keeps first-occurrence order, as lunr.py numbers terms
    # interned: one string per distinct term in memory (marshal keeps them interned through the cache)
    return tuple(sys.intern(t) for t in counts), tuple(counts.values()), len(terms)


def build(refs: list[str], rows: Sequence[Row], fields: list[tuple[str, float]]) -> CompactIndex:
    """Index documents (``refs[d]``, its fields counted: ``rows[d]``) as lunr.py's Builder would, in the
    order given. ``rows`` may be any sequence (one that reads each row when asked: the index keeps it).

    Terms arrive lower-cased (lunr.js's tokenizer lower-cases before the pipeline).
    """
    names = [name for name, _ in fields]
    width = len(names)
    index = CompactIndex(fields=names, boosts=[boost for _, boost in fields], refs=list(refs))
    index.rows = rows
    index.lengths = lengths = [0] * len(names)
    slots: dict[str, list] = {}  # term -> per field [doc, tf, length, ...]; in first-occurrence order
    firsts = index.firsts
    for d, row in enumerate(index.rows):
        counted_fields = fields_of(row)
        for f, name in enumerate(names):
            counted = counted_fields.get(name)
            if not counted or not counted[2]:
                continue
            terms, tfs, length = counted
            lengths[f] += length
            for place, (term, tf) in enumerate(zip(terms, tfs)):
                lists = slots.get(term)
                if lists is None:
                    lists = slots[term] = [NO_POSTINGS] * width
                    firsts[term] = (d, f, place)
                flat = lists[f]
                if not flat:
                    flat = lists[f] = array("i")
                flat.extend((d, tf, length))
    doc_count = len(refs)
    index.postings = {
        term: (number, idf_of(sum(len(flat) for flat in lists) // 3, doc_count), lists)
        for number, (term, lists) in enumerate(slots.items())
    }
    return index


def differing(rows: Sequence[Row], old: Sequence[Row]) -> list[int]:
    """The documents whose row may differ from the earlier build's: all but those whose row is the
    earlier build's own object (kept, so never looked at). A sequence that reads its rows when asked
    may answer this itself (``differing(old)``) without reading them."""
    own = getattr(rows, "differing", None)
    if own is not None:
        return own(old)
    return [d for d, (new, was) in enumerate(zip(rows, old)) if new is not was]


def update(previous: CompactIndex | None, refs: list[str], rows: Sequence[Row], fields: list[tuple[str, float]]) -> CompactIndex:
    """The index :func:`build` would make of the documents, made from the index of an earlier build.

    When the documents are the same ones in the same order (the refs did not change), only
    the postings of the terms of changed fields are redone, and ``changed`` names the terms
    whose entry differs. A row that is the earlier build's own object is not looked at (nor
    unpacked). Otherwise (or with no earlier index) this is :func:`build`.
    ``previous`` is consumed: its lists are reused.
    """
    names = [name for name, _ in fields]
    boosts = [boost for _, boost in fields]
    if previous is None or previous.fields != names or previous.boosts != boosts or previous.refs != refs:
        return build(refs, rows, fields)
    unpacked: dict[int, dict] = {}

    def counted_at(d: int, f: int) -> Counted | None:
        if d not in unpacked:
            unpacked[d] = fields_of(rows[d])
        return unpacked[d].get(names[f]) or None

    lengths = list(previous.lengths)
    postings = previous.postings
    touched: dict[tuple[str, int], list[int]] = {}  # (term, field) -> documents whose field changed
    redone_docs = differing(rows, previous.rows)
    for d in redone_docs:
        new, old = rows[d], previous.rows[d]
        if new == old:
            continue
        unpacked[d] = fields_of(new)  # read once: a row may be read from a file
        old_fields = fields_of(old)
        for f, name in enumerate(names):
            before, after = old_fields.get(name) or None, counted_at(d, f)
            if before == after:
                continue
            lengths[f] += (after[2] if after else 0) - (before[2] if before else 0)
            for counted in (before, after):
                for term in counted[0] if counted else ():
                    docs = touched.setdefault((term, f), [])
                    if not docs or docs[-1] != d:
                        docs.append(d)
    copied: dict[str, list[list[int]]] = {}
    for (term, f), docs in touched.items():
        lists = copied.get(term)
        if lists is None:
            lists = copied[term] = [list(flat) for flat in postings[term][2]] if term in postings else [[] for _ in names]  # lists while edited
        flat = lists[f]
        for d in docs:
            counted = counted_at(d, f)
            here = None
            if counted is not None and counted[2]:
                try:
                    here = counted[1][counted[0].index(term)]
                except ValueError:
                    here = None
            at = bisect_left(range(len(flat) // 3), d, key=lambda i: flat[3 * i]) * 3
            present = at < len(flat) and flat[at] == d
            if here is None:
                if present:
                    del flat[at : at + 3]
            elif present:
                flat[at + 1 : at + 3] = [here, counted[2]]
            else:
                flat[at:at] = [d, here, counted[2]]
    doc_count = len(refs)
    # a term no changed field holds keeps its postings, and so where it first occurs
    firsts = dict(previous.firsts)
    redone: dict[str, tuple[float, list]] = {}
    for term, lists in copied.items():
        held = sum(len(flat) for flat in lists) // 3
        if held:
            redone[term] = (idf_of(held, doc_count), as_arrays(lists))
            d, f = min((flat[0], f) for f, flat in enumerate(lists) if flat)
            firsts[term] = (d, f, counted_at(d, f)[0].index(term))
        else:
            firsts.pop(term, None)
    # term numbers: the order of first occurrence (document, field, place in the field's terms)
    index = CompactIndex(fields=names, boosts=boosts, refs=refs, rows=rows, firsts=firsts, lengths=lengths)
    # postings kept in a file stay there: a kept term's lists are neither read nor written again
    index.postings = postings.successor() if hasattr(postings, "successor") else {}
    index.changed = set(copied)
    index.changed_docs = set(redone_docs)
    for number, term in enumerate(sorted(firsts, key=firsts.__getitem__)):
        if term in redone:
            index.postings[term] = (number, *redone[term])
            continue
        if _number(postings, term) != number:
            index.changed.add(term)
        _carry(index.postings, postings, term, number)
    return index


def _number(postings, term: str) -> int:
    """A kept term's number in ``postings``, without reading its lists where they are kept in a file."""
    head = getattr(postings, "head", None)
    return head(term)[0] if head is not None else postings[term][0]


def _carry(into, postings, term: str, number: int) -> None:
    """A kept term's postings under its new number."""
    carry = getattr(into, "carry", None)
    if carry is not None:
        carry(term, number, postings)
    else:
        _, idf, lists = postings[term]
        into[term] = (number, idf, lists)
