"""Text similarity for grouping coverage: TF-IDF cosine over content words.

Why TF-IDF cosine: it is the measure topic-detection-and-tracking work settled on
for clustering news into events; it weighs the rare words two stories share (names,
places: "Vladivostok", "Patrushev") over the words all news shares ("said",
"officials"), needs no model download, and is cheap on sparse vectors. Sublinear
term frequency keeps a long live blog from drowning a short story.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from news_archive.parse.rules import STOPWORDS

_WORD = re.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=1 << 18)
def normalise_word(word: str) -> str:
    """A light, dependency-free stemmer: plurals and possessives only ('talks' -> 'talk')."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> Counter:
    """Content-word counts of a text, lower-cased and lightly stemmed."""
    return Counter(
        normalise_word(w) for w in _WORD.findall(text.lower().replace("\u2019s", "").replace("'s", ""))
        if len(w) >= 3 and w not in STOPWORDS and not w.isdigit()
    )


#: Decimals an idf weight keeps. Weights run from 1 to about 10; what the third decimal adds is noise
#: of the sample, and dropping it keeps an edit to one dump from reweighing every article that shares
#: a common word with it (and so from regrouping unrelated coverage, and from a slow rebuild).
IDF_DECIMALS = 2


#: The fewest articles grouping's idf is read over. A small archive cannot tell the words all news
#: shares from the words of the one event it covers: in a folder of seven reports of one fire,
#: "cathedral", "spire" and "fire" are in every report, and weighed as background they left the reports'
#: own wording to decide, and the seven were split into as many events. Below this many articles the
#: idf is read as if the rest were articles holding none of the archive's words (measured on the real
#: events corpus: each of its 18 events alone was split into 2 to 7 events, and is now one; the 142
#: dumps together, more than this many, group as before).
LEAST_ARTICLES = 150


def idf_table(documents: Iterable[Mapping[str, int]], least: int = 0) -> dict[str, float]:
    """Smoothed inverse document frequency, to ``IDF_DECIMALS``: terms in every document still weigh 1.
    Over ``least`` documents at least: fewer count as that many, the others holding none of the terms."""
    df: Counter = Counter()
    n = 0
    for doc in documents:
        df.update(doc.keys())  # each term once per document, counted in C, not through a generator
        n += 1
    n = max(n, least)
    return {term: round(math.log((1 + n) / (1 + count)) + 1.0, IDF_DECIMALS) for term, count in df.items()}


def vector(counts: Counter, idf: Mapping[str, float]) -> dict[str, float]:
    """A unit-length TF-IDF vector with sublinear term frequency."""
    weights = {t: (1.0 + math.log(c)) * idf.get(t, 1.0) for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The dot product of two unit vectors: the shared terms' products, added in the shorter's order
    (the same sum, to the last bit, as adding a 0.0 for each term the other lacks, and quicker: most
    pairs share a few of their terms)."""
    if len(a) > len(b):
        a, b = b, a
    return sum([w * b[t] for t, w in a.items() if t in b], 0.0)


def shingles(text: str, size: int = 3) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}
