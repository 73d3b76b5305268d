"""What grouping and naming read of one article: its news text, its words, names and event nouns."""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict

from news_archive.events.evidence import clues_of
from news_archive.events.model import Features
from news_archive.events.similarity import normalise_word, shingles, terms
from news_archive.parse import vocab
from news_archive.parse.rules import STOPWORDS
from news_archive.parse.model import Dump, Update

_CAPITALISED = re.compile(r"(?<![\w.'\u2019-])((?:[a-z]|Mc)?[A-Z][a-z]+(?:[A-Z][a-z]+)?)(?=[\s,;:.!?'\u2019)\-\u2013]|$)")


#: Each mention of a name (a capitalised word inside a sentence) counts this many times more: the
#: people, places and organisations an event is about weigh above the words all news shares.
NAME_WEIGHT = 1
#: Two-character names the word counts leave out: acronyms and models ("XS", "XR", "G7", "S4").
_SHORT_NAME = re.compile(r"\b(?:[A-Z][A-Z0-9]|[A-Z]\d|\d[A-Z])\b")


def features(dump: Dump) -> Features:
    text = news_text(dump)
    words = Counter(w for w in re.findall(r"[a-z]+", text.lower()) if w in vocab.EVENT_NOUNS or w in vocab.GENERIC_EVENT_NOUNS)
    names = entity_counts(text)
    counts = terms(text)
    for name, count in names.items():
        term = normalise_word(name.lower())
        if len(term) >= 3 and term not in STOPWORDS:
            counts[term] += NAME_WEIGHT * count
    counts.update(short.lower() for short in _SHORT_NAME.findall(text))
    return Features(counts=interned(counts), names=interned(names), nouns=interned(words), clues=clues_of(dump, text))


def interned(counts: Counter) -> dict[str, int]:
    """The counts with each word one shared string: every article's features are held at once (and
    remembered between builds), and most words recur across articles. A plain dict: a ``Counter``
    pickles through a copy of itself as a dict, and a pickler keeps every such copy to its end (three
    per article when the events memo is saved)."""
    return {sys.intern(word): count for word, count in counts.items()}


def interned_features(found: Features) -> Features:
    """Features made in another process (a parse worker's), with each word this process's shared
    string: unpickled, every article's words are strings of their own."""
    return Features(counts=interned(found.counts), names=interned(found.names), nouns=interned(found.nouns), clues=found.clues)


# --- background paragraphs ---------------------------------------------------------------------


BACKGROUND_WINDOW = 12  # a background paragraph is repeated within this many updates
NEAR_DUPLICATE = 0.6  # Jaccard similarity of word 3-grams
SKETCH = 4  # smallest 3-grams a paragraph is indexed by


def background_lines(dump: Dump) -> frozenset[int]:
    """Paragraphs a live blog carries from update to update ("Thursday's summit reflects ...").

    A paragraph after an update's first one that nearly repeats a paragraph of
    another update nearby (within ``BACKGROUND_WINDOW`` updates) is background, not
    news: it takes no part in similarity. Candidates are found through an index of
    word 3-grams, so a blog of thousands of updates stays fast.
    """
    paras = [(u_index, p) for u_index, u in enumerate(dump.updates) for p in u.paragraphs[1:]]
    if len(paras) < 2:
        return frozenset()
    grams = [shingles(p.text) for _, p in paras]
    # Candidates share one of each other's few smallest 3-grams (a bottom-k sketch: two paragraphs
    # with Jaccard similarity >= 0.6 almost always do); only they are compared exactly.
    holders: dict[tuple, list[int]] = defaultdict(list)
    for i, gram_set in enumerate(grams):
        for gram in sorted(gram_set)[:SKETCH]:
            holders[gram].append(i)
    pairs = set()
    for members in holders.values():
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                if paras[i][0] != paras[j][0] and abs(paras[j][0] - paras[i][0]) <= BACKGROUND_WINDOW:
                    pairs.add((i, j))
    found = set()
    for i, j in pairs:
        a, b = grams[i], grams[j]
        shared = len(a & b)
        if shared / (len(a) + len(b) - shared) >= NEAR_DUPLICATE:
            found.update((paras[i][1].line, paras[j][1].line))
    return frozenset(found)


def news_text(dump: Dump) -> str:
    background = background_lines(dump)
    parts = [dump.display_title, dump.dek.text if dump.dek else ""]
    parts += [p.text for p in dump.intro + dump.body]
    for update in dump.updates:
        if update.headline:
            parts.append(update.headline.text)
        parts += [p.text for p in update.paragraphs if p.line not in background]
    return "\n".join(parts)


def update_lead(update: Update) -> str:
    """What an update reports: its headline and its first paragraph."""
    return " ".join(([update.headline.text] if update.headline else []) + [p.text for p in update.paragraphs[:1]])


def entity_counts(text: str) -> Counter:
    """Capitalised words that are not a sentence's first word and not in the noise table."""
    counts: Counter = Counter()
    for match in _CAPITALISED.finditer(text):
        word = match.group(1)
        if word in vocab.NAME_NOISE or word in vocab.COUNTRIES or word.lower() in vocab.WEEKDAYS or word.lower() in vocab.MONTHS:
            continue
        before = text[max(0, match.start() - 4) : match.start()].rstrip(" ")
        if not before or before[-1] in ".!?:\n\"\u201c":
            continue  # a sentence's first word is capitalised anyway
        counts[word] += 1
    return counts

