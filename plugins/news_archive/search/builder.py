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


def build(documents: list[tuple[str, dict[str, list[str]]]], fields: list[tuple[str, float]]) -> CompactIndex:
    """Index ``(ref, {field: terms})`` documents as lunr.py's Builder would, in the order given.

    Terms arrive lower-cased (lunr.js's tokenizer lower-cases before the pipeline).
    """
    names = [name for name, _ in fields]
    boosts = [boost for _, boost in fields]
    width = len(names)
    index = CompactIndex(fields=names, refs=[ref for ref, _ in documents])
    numbers: dict[str, int] = {}
    per_field_docs: dict[str, list[int]] = {}  # term -> documents holding it, counted once per field (lunr's idf)
    frequencies: list[Counter] = []
    lengths = [0] * width
    for _, field_terms in documents:
        for f, name in enumerate(names):
            terms = field_terms.get(name) or ()
            counts = Counter(terms)
            frequencies.append(counts)
            lengths[f] += len(terms)
            for term in counts:  # Counter keeps first-occurrence order, as lunr.py numbers terms
                if term not in numbers:
                    numbers[term] = len(numbers)
                    per_field_docs[term] = [0]
                per_field_docs[term][0] += 1
    count = len(documents)
    average = [total / count if count else 0.0 for total in lengths]
    idf = {term: math.log(1 + abs((count - held[0] + 0.5) / (held[0] + 0.5))) for term, held in per_field_docs.items()}
    postings = {term: (number, [[] for _ in names]) for term, number in numbers.items()}
    position = 0
    for d in range(count):
        for f in range(width):
            counts = frequencies[position]
            position += 1
            if not counts:
                continue
            length = sum(counts.values())
            norm = K1 * (1 - B + B * (length / average[f]))
            boost = boosts[f]
            for term, tf in counts.items():
                score = idf[term] * ((K1 + 1) * tf) / (norm + tf)
                score *= boost
                flat = postings[term][1][f]
                flat.append(d)
                flat.append(round(score, 3))
    index.postings = {term: postings[term] for term in numbers}
    return index
