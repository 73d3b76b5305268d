"""Grouping: which articles cover one event. Pure: articles with their vectors in, clusters of keys out.

1. Articles with the same ``Event:`` header are one event.
2. Dated articles are compared only with articles dated within the window that share one of
   their top terms (a sliding window over the date-sorted list, so grouping never compares every
   article with every other); pairs whose TF-IDF cosine reaches the threshold join strongest
   first, as long as the joined coverage spans no more than the window.
3. An undated article joins the dated event whose centroid it is most similar to, found through
   an inverted index of the centroids' terms (one lookup per event).
4. Undated articles that joined nothing group among themselves, as in step 2.

The result is deterministic and independent of input order. Each step is a method of
:class:`Grouping`, so the rebuild layer (``rebuild/events.py``) can reuse a step's last result
where its inputs are unchanged; the steps themselves keep no state between runs.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from news_archive.events.model import EventOptions
from news_archive.events.sets import DisjointSets
from news_archive.events.similarity import cosine
from news_archive.parse.model import Dump
from news_archive.workers import serial_map

#: An undated article's candidate events: the best by shared top terms, compared exactly after.
CANDIDATES = 50

Pair = tuple[str, str]
Centroid = tuple[dict[str, float], set[str]]  # (unit vector of its strongest terms, the names its members use)
Placement = tuple[str | None, tuple]  # (the event's root, or None; the candidates it was chosen from)


@dataclass
class Doc:
    """An article as grouping sees it."""

    key: str
    dump: Dump
    vector: dict[str, float] = field(default_factory=dict)
    names: Counter = field(default_factory=Counter)


def explicit_name(dump: Dump) -> str | None:
    return " ".join(dump.event.split()).casefold() if dump.event else None


class Clusters(DisjointSets):
    """Article keys in clusters, each with its date span and explicit name: a join that would
    span more than the window, or join two differently named events, is refused."""

    def __init__(self, docs: dict[str, Doc], window: int):
        super().__init__(docs)
        self.first = {k: d.dump.date for k, d in docs.items()}
        self.last = dict(self.first)
        self.name = {k: explicit_name(d.dump) for k, d in docs.items()}
        self.window = window

    def union(self, a: str, b: str, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra != rb and not force:
            if self.name[ra] and self.name[rb] and self.name[ra] != self.name[rb]:
                return False
            firsts = [d for d in (self.first[ra], self.first[rb]) if d]
            lasts = [d for d in (self.last[ra], self.last[rb]) if d]
            if firsts and (max(lasts) - min(firsts)).days > max(self.window, self._span(ra), self._span(rb)):
                return False
        return self.link(ra, rb)

    def joined(self, keep: str, gone: str) -> None:
        firsts = [d for d in (self.first[keep], self.first[gone]) if d]
        lasts = [d for d in (self.last[keep], self.last[gone]) if d]
        self.first[keep] = min(firsts) if firsts else None
        self.last[keep] = max(lasts) if lasts else None
        self.name[keep] = self.name[keep] or self.name[gone]

    def _span(self, root: str) -> int:
        return (self.last[root] - self.first[root]).days if self.first[root] else 0


def top_terms(vector: dict[str, float], count: int) -> frozenset[str]:
    """An article's strongest terms: it is compared only with articles sharing one."""
    return frozenset(t for t, _ in sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:count])


def strongest(weights: dict[str, float], count: int) -> dict[str, float]:
    """The ``count`` heaviest terms of a unit vector, renormalised: what an article is most about."""
    if len(weights) <= count:
        return weights
    kept = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:count])
    norm = math.sqrt(sum(w * w for w in kept.values())) or 1.0
    return {t: w / norm for t, w in kept.items()}


def dated_pairs(dated: list[tuple], window: int) -> Iterator[Pair]:
    """Every pair of dated articles (``(date, key)``, date-sorted) within the window, each in date order."""
    for i, (day, a) in enumerate(dated):
        for other_day, b in dated[i + 1 :]:
            if (other_day - day).days > window:
                break
            yield a, b


def dated_pairs_of(dated: list[tuple], keys: set[str], window: int) -> Iterator[Pair]:
    """The pairs :func:`dated_pairs` yields that hold one of ``keys``, found from those keys alone."""
    for i, (day, key) in enumerate(dated):
        if key not in keys:
            continue
        for j in range(i - 1, -1, -1):
            if (day - dated[j][0]).days > window:
                break
            if dated[j][1] not in keys:  # a pair of two such keys is yielded once, from its later key
                yield dated[j][1], key
        for j in range(i + 1, len(dated)):
            if (dated[j][0] - day).days > window:
                break
            yield key, dated[j][1]


def sharing_pairs(keys: Iterable[str], top: dict[str, frozenset]) -> list[Pair]:
    """Pairs of the keys that share a top term, sorted."""
    holders: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        for term in sorted(top[key]):
            holders[term].append(key)
    return sorted({(a, b) for members in holders.values() for n, a in enumerate(members) for b in members[n + 1 :]})


def centroid(docs: list[Doc], names: list[set[str]], vector_terms: int) -> Centroid:
    """What an event is about: its members' summed vectors, unit length, strongest terms; and their names."""
    total: Counter = Counter()
    for doc in docs:
        total.update(doc.vector)
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    return strongest({t: w / norm for t, w in total.items()}, vector_terms), set().union(*names)


class Grouping:
    """One grouping of a set of articles (see the module's docstring for the steps).

    ``map`` runs a function over a list (``workers.split_map`` puts half on another core);
    the result is the same with any map.
    """

    def __init__(self, docs: dict[str, Doc], options: EventOptions, map: Callable = serial_map):
        self.docs = docs
        self.options = options
        self.map = map
        self.names = {key: set(doc.names) for key, doc in docs.items()}
        self.dated = sorted((doc.dump.date, key) for key, doc in docs.items() if doc.dump.date)
        self.undated = sorted(key for key, doc in docs.items() if not doc.dump.date)

    def run(self) -> list[list[str]]:
        clusters = Clusters(self.docs, self.options.window_days)
        by_name: dict[str, list[str]] = defaultdict(list)
        for key in sorted(self.docs):
            name = explicit_name(self.docs[key].dump)
            if name:
                by_name[name].append(key)
        for keys in by_name.values():
            for other in keys[1:]:
                clusters.union(keys[0], other, force=True)

        self.top = self.top_terms()
        self.edges = self.dated_edges()
        self.join_strongest_first(clusters, self.edges)

        members: dict[str, list[str]] = defaultdict(list)
        for _, key in self.dated:
            members[clusters.find(key)].append(key)
        self.members = {root: tuple(keys) for root, keys in members.items()}
        self.centroids = self.event_centroids()
        self.postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for root, (vector, _) in self.centroids.items():
            for term, weight in vector.items():
                self.postings[term].append((root, weight))
        self.placed = self.placements()

        alone = [key for key in self.undated if not (self.placed[key][0] and clusters.union(key, self.placed[key][0]))]
        self.join_strongest_first(clusters, self.scored(sharing_pairs(alone, self.top)))
        return clusters.sets()

    # --- the steps the rebuild layer may answer from the last run ---------------------------------

    def top_terms(self) -> dict[str, frozenset]:
        return {key: top_terms(doc.vector, self.options.top_terms) for key, doc in self.docs.items()}

    def dated_edges(self) -> dict[Pair, float]:
        """The score of every pair of dated articles that may join."""
        return self.scored(dated_pairs(self.dated, self.options.window_days))

    def event_centroids(self) -> dict[str, Centroid]:
        return {root: self.centroid_of(self.members[root]) for root in sorted(self.members)}

    def placements(self) -> dict[str, Placement]:
        """Where each undated article goes."""
        return dict(zip(self.undated, self.map(self.best_event, self.undated)))

    # --- scoring -------------------------------------------------------------------------------

    def centroid_of(self, keys: tuple[str, ...]) -> Centroid:
        return centroid([self.docs[k] for k in keys], [self.names[k] for k in keys], self.options.vector_terms)

    def same_names(self, a: set, b: set) -> bool:
        """Coverage of one event names the same people and places: at least ``shared_names`` of them."""
        return len(a & b) >= min(self.options.shared_names, len(a), len(b))

    def edge(self, pair: Pair) -> float | None:
        a, b = pair
        if self.top[a] & self.top[b] and self.same_names(self.names[a], self.names[b]):
            score = cosine(self.docs[a].vector, self.docs[b].vector)
            if score >= self.options.group_threshold:
                return score
        return None

    def scored(self, pairs: Iterable[Pair]) -> dict[Pair, float]:
        pairs = list(pairs)
        return {pair: score for pair, score in zip(pairs, self.map(self.edge, pairs)) if score is not None}

    @staticmethod
    def join_strongest_first(clusters: Clusters, edges: dict[Pair, float]) -> None:
        for _, a, b in sorted((-round(score, 9), a, b) for (a, b), score in edges.items()):
            clusters.union(a, b)

    def partial_score(self, key: str, vector: dict[str, float]) -> float:
        """An article's top terms against one centroid: the sum ``best_event`` accumulates, in its order."""
        score = 0.0
        for term in sorted(self.top[key]):
            if term in vector:
                score += self.docs[key].vector[term] * vector[term]
        return score

    def best_event(self, key: str) -> Placement:
        """The dated event an undated article belongs to, if any, and the candidates it was chosen from:
        candidates through the article's top terms, then exact cosine for the best ten."""
        partial: dict[str, float] = defaultdict(float)
        for term in sorted(self.top[key]):
            weight = self.docs[key].vector[term]
            for root, other in self.postings.get(term, ()):
                partial[root] += weight * other
        best = heapq.nsmallest(CANDIDATES, [(-score, r) for r, score in partial.items()])
        shortlist = [r for _, r in best if self.same_names(self.names[key], self.centroids[r][1])][:10]
        ranked = sorted(((cosine(self.docs[key].vector, self.centroids[r][0]), r) for r in shortlist), key=lambda s: (-s[0], s[1]))
        choice = ranked[0][1] if ranked and ranked[0][0] >= self.options.group_threshold else None
        return choice, tuple(best)


def group(docs: dict[str, Doc], options: EventOptions, map: Callable = serial_map) -> list[list[str]]:
    """Clusters of article keys (see the module's docstring)."""
    return Grouping(docs, options, map).run()
