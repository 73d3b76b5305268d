"""A fast lunr index builder whose serialised output is byte-identical to lunr.py's Builder.

lunr.py spends most of its time on per-token objects (Token, deep-copied metadata,
Vector.insert); the index itself is simple arithmetic: term frequencies per field, a term
number per term in order of first occurrence, and BM25 scores rounded to three places.
This builder does the same arithmetic on plain dicts and lists. ``tests/test_search_builder.py``
proves ``serialize()`` equal, byte for byte, to what ``lunr.builder.Builder`` writes for
the same documents; the pieces (:mod:`.pieces`) are cut from the compact form directly.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from dataclasses import dataclass, field

from lunr import __TARGET_JS_VERSION__

K1 = 1.2
B = 0.75


@dataclass
class CompactIndex:
    fields: list[str]
    refs: list[str]  # document number -> ref, in the order documents were added
    # term -> (term index, per field a flat list [doc, score, doc, score, ...] in document order)
    postings: dict[str, tuple[int, list[list]]] = field(default_factory=dict)
    pipeline: tuple[str, ...] = ("stemmer",)
    terms_by_text: dict = field(default_factory=dict)  # text hash -> field terms, for the next build

    def serialize(self) -> dict:
        """The lunr-schema dict ``lunr.Index.serialize()`` returns for the same documents."""
        inverted = []
        vectors: dict[tuple[int, int], list[tuple[int, float]]] = {
            (d, f): [] for d in range(len(self.refs)) for f in range(len(self.fields))
        }
        for term in sorted(self.postings):
            index, per_field = self.postings[term]
            posting = {name: {self.refs[d]: {} for d in per_field[f][0::2]} for f, name in enumerate(self.fields)}
            posting["_index"] = index
            inverted.append([term, posting])
            for f, flat in enumerate(per_field):
                for d, score in zip(flat[0::2], flat[1::2]):
                    vectors[(d, f)].append((index, score))
        field_vectors = []
        for (d, f), pairs in vectors.items():  # document by document, fields in order: lunr.py's order
            flat = []
            for index, score in sorted(pairs):
                flat += [index, round(score, 3)]
            field_vectors.append([f"{self.fields[f]}/{self.refs[d]}", flat])
        return {
            "version": __TARGET_JS_VERSION__,
            "fields": list(self.fields),
            "fieldVectors": field_vectors,
            "invertedIndex": inverted,
            "pipeline": list(self.pipeline),
        }


Counted = tuple  # (terms in order of first occurrence, their counts, the field's length in terms)


def count(terms: list[str]) -> Counted:
    """A field's terms as the builder needs them; computed once per text and cached between builds."""
    counts = Counter(terms)  # keeps first-occurrence order, as lunr.py numbers terms
    # interned: the cache then pickles each distinct term once and loads them shared
    return tuple(sys.intern(t) for t in counts), tuple(counts.values()), len(terms)


def build(
    documents: list[tuple[str, dict[str, Counted]]], fields: list[tuple[str, float]], repeated: tuple[str, ...] = ()
) -> CompactIndex:
    """Index ``(ref, {field: count(terms)})`` documents as lunr.py's Builder would, in the order given.

    Terms arrive lower-cased (lunr.js's tokenizer lower-cases before the pipeline). The
    arithmetic is lunr.py's, operation for operation, so every float is the same. ``repeated``
    names fields whose text many documents share; their scores are computed once per text.
    """
    names = [name for name, _ in fields]
    repeating = {names.index(name) for name in repeated}
    boosts = [boost for _, boost in fields]
    width = len(names)
    index = CompactIndex(fields=names, refs=[ref for ref, _ in documents])
    numbers: dict[str, int] = {}
    held: dict[str, int] = {}  # term -> documents holding it, counted once per field (lunr's idf)
    rows: list = []  # per document and field: its Counted, or None
    lengths = [0] * width
    for _, counted_fields in documents:
        for f, name in enumerate(names):
            counted = counted_fields.get(name)
            rows.append(counted)
            if not counted:
                continue
            lengths[f] += counted[2]
            for term in counted[0]:
                seen = held.get(term)
                if seen is None:
                    numbers[term] = len(numbers)
                    held[term] = 1
                else:
                    held[term] = seen + 1
    doc_count = len(documents)
    average = [total / doc_count if doc_count else 0.0 for total in lengths]
    idf = {term: math.log(1 + abs((doc_count - n + 0.5) / (n + 0.5))) for term, n in held.items()}
    # per term: its idf and one posting list per field (a single lookup in the loop below)
    slots = {term: (idf[term], [[] for _ in names]) for term in numbers}
    k1_plus_1 = K1 + 1
    # A field with the same terms scores the same in every document: an article's title,
    # source, event and place repeat in each of its updates, so their scores are kept.
    scored: dict[tuple, list] = {}
    position = 0
    for d in range(doc_count):
        for f in range(width):
            counted = rows[position]
            position += 1
            if not counted or not counted[2]:
                continue
            known = None
            if f in repeating:
                known = scored.get((f, counted))
                if known is not None:
                    for lists, score in known:
                        lists[f] += (d, score)
                    continue
                known = scored[(f, counted)] = []
            terms, tfs, length = counted
            norm = K1 * (1 - B + B * (length / average[f]))
            boost = boosts[f]
            for term, tf in zip(terms, tfs):
                term_idf, lists = slots[term]
                # lunr.py's operations in lunr.py's order: idf * ((k1 + 1) * tf) / (norm + tf), then * boost
                score = round(term_idf * (k1_plus_1 * tf) / (norm + tf) * boost, 3)
                lists[f] += (d, score)
                if known is not None:
                    known.append((lists, score))
    index.postings = {term: (number, slots[term][1]) for term, number in numbers.items()}
    return index
