"""Grouping: which articles cover one event. Pure: articles with their vectors in, clusters of keys out.

The similarity of two articles is the TF-IDF cosine of their news text plus what their dates and
date clues add (``evidence.py``): a day apart or a weekday that matches counts for them, a lede that
names another weekday or a year after the event counts against. Two clusters join only while their
average similarity stays above ``link_threshold`` (average linkage: one strong pair cannot chain two
events together).

1. Articles with the same ``Event:`` header are one event.
2. Dated articles are compared only with articles dated within the window that share one of
   their top terms (a sliding window over the date-sorted list, so grouping never compares every
   article with every other); pairs whose similarity reaches the threshold join strongest first,
   as long as the joined coverage spans no more than the window.
3. An undated article clearly more like one dated event than any other (by ``clear_margin``)
   joins it alone, found through an inverted index of the events' centroids' terms.
4. The other undated articles are compared with each other when they share two top terms that are
   not the archive's background, and join among themselves the same way (from
   ``undated_threshold``): coverage of an event nobody dated stays together.
5. Each group of them joins the dated event its centroid is most like (the group's date clues
   pooled against the event's days), when that reaches the threshold; candidate events are found
   through the group's top terms that are not the events' background.
6. Dated events a day apart about the same thing merge (``merge_threshold``).

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

from news_archive.events import evidence
from news_archive.events.evidence import Clues
from news_archive.events.model import EventOptions
from news_archive.events.sets import DisjointSets
from news_archive.events.similarity import cosine
from news_archive.parse import vocab
from news_archive.parse.model import Dump
from news_archive.parse.places import zone_for_city
from news_archive.workers import serial_map

#: An undated article's candidate events: the best by shared top terms, compared exactly after.
CANDIDATES = 50

Pair = tuple[str, str]
Centroid = tuple[dict[str, float], set[str]]  # (unit vector of its strongest terms, the names its members use)
#: (the event's root, or None; the candidates it was chosen from, best first; the last of them as
#: (-partial score, root), or None when there were none): what the rebuild layer needs to tell
#: whether a changed event could now be a candidate.
Placement = tuple[str | None, tuple[str, ...], tuple[float, str] | None]
Group = tuple[str, ...]  # the keys of undated articles grouped together, sorted


@dataclass(slots=True)
class Doc:
    """An article as grouping sees it."""

    key: str
    dump: Dump
    vector: dict[str, float] = field(default_factory=dict)
    names: Counter = field(default_factory=Counter)
    clues: Clues | None = None  # what it says about its day; read from the dump by grouping when not given


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


def top_terms(vector: dict[str, float], count: int) -> tuple[str, ...]:
    """An article's strongest terms, sorted: it is compared only with articles sharing one. A tuple,
    not a set: every article's are held at once, and 20 terms take 200 bytes as a tuple, 2.2 KB as a
    frozenset."""
    return tuple(sorted(t for t, _ in sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:count]))


def share_any(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two articles' top terms (sorted tuples) have a term in common."""
    return not frozenset(a).isdisjoint(b)


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


#: A term more than this many articles hold among their top terms is the archive's background for
#: pairing (*officials*, *said*): articles are paired through the rarer terms they share, so pairing
#: stays near linear however large the archive (a pair that shares only background terms would not
#: reach the threshold anyway).
COMMON_HOLDERS = 100


def background_terms(keys: Iterable[str], top: dict[str, tuple]) -> frozenset:
    """The terms more than ``COMMON_HOLDERS`` of the keys hold among their top terms."""
    held = Counter(term for key in keys for term in top[key])
    return frozenset(term for term, count in held.items() if count > COMMON_HOLDERS)


def _holders(keys: list[str], top: dict[str, tuple]) -> dict[str, list[str]]:
    holders: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        for term in top[key]:  # sorted
            holders[term].append(key)
    return {term: members for term, members in holders.items() if len(members) <= COMMON_HOLDERS}


#: Undated articles are paired when they share this many top terms that are not background.
SHARED_TERMS = 2


def sharing_pairs(keys: Iterable[str], top: dict[str, tuple]) -> list[Pair]:
    """Pairs of the keys that share ``SHARED_TERMS`` top terms that are not background, sorted."""
    holders = _holders(sorted(keys), top)
    shared: Counter = Counter((a, b) for members in holders.values() for n, a in enumerate(members) for b in members[n + 1 :])
    return sorted(pair for pair, count in shared.items() if count >= SHARED_TERMS)


def sharing_pairs_of(keys: Iterable[str], top: dict[str, tuple], fresh: set[str]) -> list[Pair]:
    """The pairs :func:`sharing_pairs` gives that hold one of ``fresh``, found from those keys' terms alone."""
    keys = sorted(keys)
    holders = _holders(keys, top)
    shared: Counter = Counter()
    for key in sorted(fresh.intersection(keys)):
        for term in top.get(key, ()):
            for other in holders.get(term, ()):
                if other != key:
                    shared[(min(key, other), max(key, other))] += 1
    # a pair of two fresh keys was counted from both: once per shared term from each
    return sorted(pair for pair, count in shared.items()
                  if count // (2 if pair[0] in fresh and pair[1] in fresh else 1) >= SHARED_TERMS)


def centroid(docs: list[Doc], names: list[set[str]], vector_terms: int) -> Centroid:
    """What an event is about: its members' summed vectors, unit length, strongest terms; and their names."""
    total: Counter = Counter()
    for doc in docs:
        total.update(doc.vector)
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    return strongest({t: w / norm for t, w in total.items()}, vector_terms), set().union(*names)


class Grouping:
    """One grouping of a set of articles (see the module's docstring for the steps).

    ``map`` runs a function over a list (``workers.serial_map`` by default); the result is the
    same with any map that returns the results in order.
    """

    def __init__(self, docs: dict[str, Doc], options: EventOptions, map: Callable = serial_map):
        self.docs = docs
        self.options = options
        self.map = map
        self.names = {key: doc.names.keys() for key, doc in docs.items()}  # a view: no copy of every article's names
        for doc in docs.values():
            if doc.clues is None:
                doc.clues = evidence.clues_of(doc.dump)
        self.places_seen: dict[str, bool] = {}
        self.centroids_made: dict[tuple[str, ...], Centroid] = {}
        self.descriptions: dict[tuple[str, ...], tuple] = {}
        self.keys = sorted(docs)  # every step walks them in this order
        self.dated = sorted((doc.dump.date, key) for key, doc in docs.items() if doc.dump.date)
        self.undated = sorted(key for key, doc in docs.items() if not doc.dump.date)

    def run(self) -> list[list[str]]:
        clusters = Clusters(self.docs, self.options.window_days)
        by_name: dict[str, list[str]] = defaultdict(list)
        for key in self.keys:
            name = explicit_name(self.docs[key].dump)
            if name:
                by_name[name].append(key)
        for keys in by_name.values():
            for other in keys[1:]:
                clusters.union(keys[0], other, force=True)
        linked = Linkage(self.docs, clusters, self.options.link_threshold)

        self.top = self.top_terms()
        self.edges = self.dated_edges()
        self.join(linked, self.edges, 0)
        # an undated article clearly closer to one dated event than to any other joins it alone
        self.staged: dict[int, tuple[dict, dict, frozenset]] = {}
        self.events_of(clusters, 0)
        singles = [(key,) for key in self.undated if clusters.find(key) not in self.members]
        placed = self.placements(singles, clear=True)
        for single in singles:
            if placed[single][0]:
                clusters.union(single[0], placed[single][0], force=True)
        # the rest group among themselves, and each group joins the event it is most like
        self.undated_edges = self.undated_pairs()
        self.alone = alone = frozenset(key for single in singles if not placed[single][0] for key in single)
        self.join(linked, {(a, b): score for (a, b), score in self.undated_edges.items() if a in alone and b in alone}, 1)
        self.placed = {(group, True): placement for group, placement in placed.items()}
        self.events_of(clusters, 1)
        placed = self.placements(self.groups)
        for group in self.groups:
            if placed[group][0]:
                clusters.union(group[0], placed[group][0], force=True)
        self.placed.update(((group, False), placement) for group, placement in placed.items())
        self.merge_neighbours(clusters)
        return clusters.sets()

    def merge_neighbours(self, clusters: Clusters) -> None:
        """Two dated events a day apart at most, about the same thing (their centroids' cosine reaches
        ``merge_threshold``, their headlines name no different stage or kind), are one: coverage of a
        late-night attack is dated on both days."""
        self.events_of(clusters, 2)
        roots = sorted(self.members, key=lambda r: (self.spans[r][0], r))
        for i, a in enumerate(roots):
            for b in roots[i + 1:]:
                if (self.spans[b][0] - self.spans[a][1]).days > 1:
                    break
                if (evidence.stages_agree(self.stages[a], self.stages[b]) or evidence.kinds_agree(self.kinds[a], self.kinds[b])
                        or evidence.numbers_agree(self.numbered[b], self.numbered[a])):  # a begins first
                    continue
                if not self.same_names(self.centroids[a][1], self.centroids[b][1]):
                    continue
                if cosine(self.centroids[a][0], self.centroids[b][0]) >= self.options.merge_threshold:
                    clusters.union(a, b)

    def events_of(self, clusters: Clusters, stage: int) -> None:
        """The dated events after ``stage`` (0: dated coverage joined; 1: undated coverage placed; 2:
        neighbours to merge): their members, centroids, days, stage, kinds and term index, and the
        groups of undated articles beside them."""
        self.stage = stage
        members: dict[str, list[str]] = defaultdict(list)
        for key in self.keys:
            members[clusters.find(key)].append(key)
        self.members = {root: tuple(keys) for root, keys in members.items() if any(self.docs[k].dump.date for k in keys)}
        self.groups = sorted(tuple(keys) for root, keys in members.items() if root not in self.members)
        self.centroids = self.event_centroids()
        described = {root: self.described_as(keys) for root, keys in self.members.items()}
        self.spans = {root: found[0] for root, found in described.items()}
        self.stages = {root: found[1] for root, found in described.items()}
        self.kinds = {root: found[2] for root, found in described.items()}
        self.numbered = {root: found[3] for root, found in described.items()}
        postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for root, (vector, _) in self.centroids.items():
            for term, weight in vector.items():
                postings[term].append((root, weight))
        limit = max(COMMON_HOLDERS, len(self.centroids) // 20)
        self.background = frozenset(term for term, held in postings.items() if len(held) > limit)
        self.postings = {term: held for term, held in postings.items() if term not in self.background}
        self.staged[stage] = (self.members, self.centroids, self.background)

    # --- the steps the rebuild layer may answer from the last run ---------------------------------

    def top_terms(self) -> dict[str, tuple]:
        return {key: top_terms(doc.vector, self.options.top_terms) for key, doc in self.docs.items()}

    def dated_edges(self) -> dict[Pair, float]:
        """The score of every pair of dated articles that may join."""
        return self.scored(dated_pairs(self.dated, self.options.window_days))

    def undated_pairs(self) -> dict[Pair, float]:
        """The score of every pair of undated articles that may join (a higher bar: no date keeps them apart)."""
        return {pair: score for pair, score in self.scored(sharing_pairs(self.undated, self.top)).items()
                if score >= self.options.undated_threshold}

    def join(self, linked: Linkage, edges: dict[Pair, float], stage: int) -> None:
        """Join clusters along ``edges`` strongest first (``stage`` 0: dated articles; 1: undated ones)."""
        linked.join_strongest_first(edges)

    def event_centroids(self) -> dict[str, Centroid]:
        return {root: self.centroid_of(self.members[root]) for root in sorted(self.members)}

    def placements(self, groups: list[Group], clear: bool = False) -> dict[Group, Placement]:
        """Where each group of undated articles goes (when ``clear``: only by ``clear_margin`` more than
        to any other event)."""
        return dict(zip(groups, self.map(self.best_clear_event if clear else self.best_event, groups)))

    def best_clear_event(self, group: Group) -> Placement:
        return self.best_event(group, self.options.clear_margin)

    # --- scoring -------------------------------------------------------------------------------

    def centroid_of(self, keys: tuple[str, ...]) -> Centroid:
        """An event's centroid; computed once per set of members in a run (most events keep theirs from
        one step to the next)."""
        found = self.centroids_made.get(keys)
        if found is None:
            found = self.centroids_made[keys] = centroid([self.docs[k] for k in keys], [self.names[k] for k in keys], self.options.vector_terms)
        return found

    def described_as(self, keys: tuple[str, ...]) -> tuple:
        """An event's span of days, common stage, kinds and numbers, from its members' dates and clues;
        once per set of members in a run (most events keep theirs from one step to the next)."""
        found = self.descriptions.get(keys)
        if found is None:
            clues = [self.docs[k].clues for k in keys]
            found = self.descriptions[keys] = (
                self.span_of(keys), evidence.common_stage(clues),
                frozenset().union(*(c.kinds for c in clues)) or evidence.NONE,
                frozenset().union(*(c.numbered for c in clues)) or evidence.NONE,
            )
        return found

    def span_of(self, keys: tuple[str, ...]) -> tuple:
        days = [self.docs[k].dump.date for k in keys if self.docs[k].dump.date]
        return min(days), max(days)

    def same_names(self, a: set, b: set) -> bool:
        """Coverage of one event names the same people and places: at least ``shared_names`` of them, and
        a person or organisation among them when both name any (a place alone is shared by other events)."""
        shared = a & b
        if len(shared) < min(self.options.shared_names, len(a), len(b)):
            return False
        if any(not self.place_name(n) for n in shared):
            return True
        return all(self.place_name(n) for n in a) or all(self.place_name(n) for n in b)

    def place_name(self, name: str) -> bool:
        """A word of a place: of a country, or a city the zone tables know."""
        found = self.places_seen.get(name)
        if found is None:
            found = self.places_seen[name] = name in vocab.COUNTRIES or name in vocab.PLACE_PARTS or zone_for_city(name) is not None
        return found

    def edge(self, pair: Pair) -> float | None:
        a, b = pair
        if share_any(self.top[a], self.top[b]) and self.same_names(self.names[a], self.names[b]):
            score = cosine(self.docs[a].vector, self.docs[b].vector) + evidence.between(self.docs[a].clues, self.docs[b].clues)
            if score >= self.options.group_threshold:
                return score
        return None

    def scored(self, pairs: Iterable[Pair]) -> dict[Pair, float]:
        pairs = list(pairs)
        return {pair: score for pair, score in zip(pairs, self.map(self.edge, pairs)) if score is not None}

    def group_terms(self, group: Group) -> frozenset:
        return frozenset().union(*(self.top[k] for k in group))

    def partial_score(self, group: Group, vector: dict[str, float]) -> float:
        """A group's top terms against one centroid: the sum ``best_event`` accumulates, in its order."""
        own = self.group_vector(group)
        score = 0.0
        for term in sorted(self.group_terms(group)):
            if term in vector and term in own and term not in self.background:
                score += own[term] * vector[term]
        return score

    def group_vector(self, group: Group) -> dict[str, float]:
        return self.docs[group[0]].vector if len(group) == 1 else self.centroid_of(group)[0]

    def best_event(self, group: Group, margin: float = 0.0) -> Placement:
        """The dated event a group of undated articles belongs to, if any, and the candidates it was chosen
        from: candidates through the group's top terms that are not background (held by more than
        ``COMMON_HOLDERS`` events, or a twentieth of them in a large archive: a term every other event
        holds picks no event out, and reading its list for every group cost as much as all the rest of
        grouping), then exact cosine with date clues for the best ten."""
        own = self.group_vector(group)
        names = set().union(*(self.names[k] for k in group))
        partial: dict[str, float] = defaultdict(float)
        for term in sorted(self.group_terms(group)):
            weight = own.get(term, 0.0)
            for root, other in self.postings.get(term, ()):
                partial[root] += weight * other
        best = heapq.nsmallest(CANDIDATES, [(-score, r) for r, score in partial.items()])
        shortlist = [r for _, r in best if self.same_names(names, self.centroids[r][1])][:10]
        clues = evidence.pooled([self.docs[k].clues for k in group])
        ranked = sorted(
            (
                (cosine(own, self.centroids[r][0]) + evidence.against_days(clues, *self.spans[r])
                 + evidence.stages_agree(clues.stage, self.stages[r]) + evidence.kinds_agree(clues.kinds, self.kinds[r])
                 + evidence.numbers_agree(clues.numbered, self.numbered[r]), r)
                for r in shortlist
            ),
            key=lambda s: (-s[0], s[1]),
        )
        clear = len(ranked) < 2 or ranked[0][0] - ranked[1][0] >= margin
        choice = ranked[0][1] if ranked and ranked[0][0] >= self.options.group_threshold and clear else None
        return choice, tuple(r for _, r in best), best[-1] if best else None


class Linkage:
    """Joins clusters strongest pair first, each join kept only while the two clusters' average cosine
    (the dot product of their summed vectors over the product of their sizes) reaches the threshold."""

    def __init__(self, docs: dict[str, Doc], clusters: Clusters, threshold: float):
        self.clusters = clusters
        self.threshold = threshold
        # a cluster of one article sums to its own vector, read, not copied: most articles join no
        # other, and a copy of each is a dict of every article's terms held at once
        self.sums: dict[str, Counter | dict[str, float]] = {}
        self.sizes: dict[str, int] = {}
        for key in sorted(docs):
            root = clusters.find(key)
            if root in self.sums:
                self._own(root).update(docs[key].vector)
            else:
                self.sums[root] = docs[key].vector
            self.sizes[root] = self.sizes.get(root, 0) + 1

    def _own(self, root: str) -> Counter:
        """The cluster's sum, as its own Counter to add to."""
        found = self.sums[root]
        if not isinstance(found, Counter):
            found = self.sums[root] = Counter(found)
        return found

    def join_strongest_first(self, edges: dict[Pair, float]) -> None:
        for _, a, b in sorted((-round(score, 9), a, b) for (a, b), score in edges.items()):
            ra, rb = self.clusters.find(a), self.clusters.find(b)
            if ra == rb or self.average(ra, rb) < self.threshold or not self.clusters.union(a, b):
                continue
            root = self.clusters.find(a)
            gone = rb if root == ra else ra
            self._own(root).update(self.sums.pop(gone))
            self.sizes[root] += self.sizes.pop(gone)

    def average(self, ra: str, rb: str) -> float:
        return cosine(self.sums[ra], self.sums[rb]) / (self.sizes[ra] * self.sizes[rb])


def group(docs: dict[str, Doc], options: EventOptions, map: Callable = serial_map) -> list[list[str]]:
    """Clusters of article keys (see the module's docstring)."""
    return Grouping(docs, options, map).run()
