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
from collections import Counter
from dataclasses import dataclass, field

from lunr import __TARGET_JS_VERSION__

K1 = 1.2
B = 0.75


@dataclass
class CompactIndex:
    fields: list[str]
    refs: list[str]  # document number -> ref, in the order documents were added
    # term -> [term index, [doc numbers holding it, per field]]
    postings: dict[str, tuple[int, list[list[int]]]] = field(default_factory=dict)
    # (field number, doc number) -> {term index: score}, in the order lunr.py creates them
    vectors: dict[tuple[int, int], dict[int, float]] = field(default_factory=dict)
    pipeline: tuple[str, ...] = ("stemmer",)

    def serialize(self) -> dict:
        """The lunr-schema dict ``lunr.Index.serialize()`` returns for the same documents."""
        inverted = []
        for term in sorted(self.postings):
            index, per_field = self.postings[term]
            posting = {name: {self.refs[d]: {} for d in per_field[f]} for f, name in enumerate(self.fields)}
            posting["_index"] = index
            inverted.append([term, posting])
        field_vectors = []
        for (f, d), scores in self.vectors.items():
            flat = []
            for index in sorted(scores):
                flat += [index, round(scores[index], 3)]
            field_vectors.append([f"{self.fields[f]}/{self.refs[d]}", flat])
        return {
            "version": __TARGET_JS_VERSION__,
            "fields": list(self.fields),
            "fieldVectors": field_vectors,
            "invertedIndex": inverted,
            "pipeline": list(self.pipeline),
        }


def build(documents: list[tuple[str, dict[str, list[str]]]], fields: list[tuple[str, float]]) -> CompactIndex:
    """Index ``(ref, {field: terms})`` documents as lunr.py's Builder would, in the order given."""
    names = [name for name, _ in fields]
    boosts = [boost for _, boost in fields]
    index = CompactIndex(fields=names, refs=[ref for ref, _ in documents])
    postings = index.postings
    frequencies: list[tuple[int, int, Counter]] = []
    lengths = [0.0] * len(names)
    next_term = 0
    for d, (_, field_terms) in enumerate(documents):
        for f, name in enumerate(names):
            terms = [t.lower() for t in field_terms.get(name) or ()]
            counts = Counter(terms)
            frequencies.append((f, d, counts))
            lengths[f] += len(terms)
            for term in counts:  # Counter keeps first-occurrence order, as lunr.py numbers terms
                entry = postings.get(term)
                if entry is None:
                    entry = postings[term] = (next_term, [[] for _ in names])
                    next_term += 1
                entry[1][f].append(d)
    count = len(documents)
    average = [total / count if count else 0.0 for total in lengths]
    idf = {}
    for term, (_, per_field) in postings.items():
        with_term = sum(len(docs) for docs in per_field)  # lunr counts a document once per field
        idf[term] = math.log(1 + abs((count - with_term + 0.5) / (with_term + 0.5)))
    vectors = index.vectors
    for f, d, counts in frequencies:
        length = sum(counts.values())
        norm = K1 * (1 - B + B * (length / average[f])) if average[f] else K1 * (1 - B)
        scores = {}
        for term, tf in counts.items():
            score = idf[term] * ((K1 + 1) * tf) / (norm + tf)
            score *= boosts[f]
            scores[postings[term][0]] = round(score, 3)
        vectors[(f, d)] = scores
    return index
