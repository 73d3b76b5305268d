"""The events stage with memory: what the last build computed stands while its inputs are the same.

:class:`RememberedEventsBuild` and :class:`RememberedGrouping` answer the steps of the pure stage
(``events/build.py``, ``events/grouping.py``) from a memo, a plain dict the caller keeps between
builds (``rebuild.store.Memo``), and fall back to the pure step for everything else:

- each dump's features by its digest;
- each dump's vector while none of its words changed weight (idf keeps two decimals, so an edit
  rarely reweighs a word);
- each event by its members' digests (pickled: see ``RememberedEventsBuild.event``), and how its
  members' dates and zones are filled;
- for grouping, each article whose date, vector and names are unchanged keeps its top terms and
  the scores of its pairs (only pairs with a changed article are compared); each event keeps its
  centroid while its members are unchanged; an undated article keeps its placement while no
  event among its candidates changed and no changed event could now be one; each component of a
  join (clusters its edges link) keeps its result while its clusters, members and edges are the same.

``tests/rebuild`` proves every reuse equal to recomputing.
"""

from __future__ import annotations

import dataclasses
import pickle
from collections import Counter, defaultdict
from collections.abc import Callable

from news_archive.events.build import EventsBuild
from news_archive.events.dating import Fill
from news_archive.events.evidence import Clues
from news_archive.events.grouping import (
    CANDIDATES, Centroid, Doc, Group, Grouping, Linkage, Pair, Placement, background_terms, dated_pairs_of, explicit_name,
    sharing_pairs_of, top_terms,
)
from news_archive.events.model import Event, EventOptions, Features
from news_archive.events.sets import DisjointSets
from news_archive.parse.model import Dump
from news_archive.workers import serial_map


#: A component of one join as the memo keeps it: its keys (sorted), each key's cluster root before the
#: join and after it, and how many edges it held.
Joined = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], int]


class RememberedGrouping(Grouping):
    def __init__(self, docs: dict[str, Doc], options: EventOptions, memo: dict, map: Callable = serial_map):
        super().__init__(docs, options, map)
        self.memo = memo
        # the explicit name too: it joins clusters before any pair does, and keeps differently named ones apart;
        # equal days as one object, which the memo pickles once (3,600 days among 100,000 generated dumps)
        days: dict = {}
        last_inputs = memo.get("inputs", {}) if memo.get("options") == options else {}
        self.remembered = bool(last_inputs)
        self.inputs, self.fresh = {}, set()
        for key, doc in docs.items():
            value = (days.setdefault(doc.dump.date, doc.dump.date), doc.vector, doc.names, doc.clues, explicit_name(doc.dump))
            last = last_inputs.get(key)
            if last != value:
                self.fresh.add(key)
            # an unchanged article's inputs are the last build's object: the memo then saves only what changed
            self.inputs[key] = value if last != value else last
        self.joins: dict[int, list[Joined]] = {}

    def last(self, name: str) -> dict:
        return self.memo.get(name, {}) if self.remembered else {}

    def run(self) -> list[list[str]]:
        result = super().run()
        last_staged = self.last("staged")
        staged = {}
        for stage, (members, centroids, background) in self.staged.items():
            last_members = last_staged.get(stage, {}).get("members", {})
            staged[stage] = {
                "members": {root: keys if last_members.get(root) != keys else last_members[root] for root, keys in members.items()},
                "centroids": centroids, "background": background,
            }
        self.memo.clear()
        # what this run kept from the last one is the same object in the memo, which then saves only the
        # rest (``rebuild.store.changes``): stages and joins as dicts, an equal event's members as they were
        self.memo.update(
            options=self.options, inputs=self.inputs, top=self.top, edges=self.edges, undated_edges=self.undated_edges,
            undated_background=self.same_as_last("undated_background", self.undated_background), staged=staged, placed=self.placed,
            joins={stage: {joined[0]: joined for joined in joins} for stage, joins in self.joins.items()},
            alone=self.same_as_last("alone", self.alone),
        )
        return result

    def same_as_last(self, name: str, value):
        """``value``, or the last run's equal one (sets, read only for membership)."""
        last = self.last(name)
        return last if last == value else value

    def top_terms(self) -> dict[str, tuple]:
        last = self.last("top")
        return {
            key: last[key] if key not in self.fresh and key in last else top_terms(doc.vector, self.options.top_terms)
            for key, doc in self.docs.items()
        }

    def dated_edges(self) -> dict[Pair, float]:
        if not self.remembered:
            return super().dated_edges()
        edges = {
            (a, b): score for (a, b), score in self.last("edges").items()
            if a not in self.fresh and b not in self.fresh and a in self.docs and b in self.docs
        }
        edges.update(self.scored(dated_pairs_of(self.dated, self.fresh, self.options.window_days)))
        return edges

    def undated_pairs(self) -> dict[Pair, float]:
        """Pairs of unchanged articles keep their scores; an article whose pairs may differ is paired
        again: a changed one, or one holding a term that became background or stopped being it (the
        pairs through that term appear or go)."""
        self.undated_background = background_terms(self.undated, self.top)  # for the next build's memo
        if not self.remembered:
            return super().undated_pairs()
        flipped = self.undated_background ^ frozenset(self.last("undated_background"))
        undated = set(self.undated)
        again = self.fresh | {key for key in undated if not flipped.isdisjoint(self.top[key])}
        edges = {
            (a, b): score for (a, b), score in self.last("undated_edges").items()
            if a not in again and b not in again and a in undated and b in undated
        }
        edges.update(
            (pair, score) for pair, score in self.scored(sharing_pairs_of(self.undated, self.top, again)).items()
            if score >= self.options.undated_threshold
        )
        return edges

    def join(self, linked: Linkage, edges: dict[Pair, float], stage: int) -> None:
        """Clusters joined through edges fall into components: sets of clusters each edge stays within.
        Joining is strongest pair first, but each join reads only its two clusters, so a component's
        result depends on nothing outside it: a component whose clusters, members and edges are the
        last build's own (none of its articles changed, none came or went, every edge the same with the
        same score) joins as it did, and only the rest is joined again."""
        clusters = linked.clusters
        roots = {key: clusters.find(key) for key in self.keys}
        held: dict[str, list[str]] = defaultdict(list)  # a cluster's members, by root
        for key, root in roots.items():
            held[root].append(key)
        last_edges = self.last("edges" if stage == 0 else "undated_edges")
        last_alone = self.last("alone") or frozenset()  # stage 1 joined the undated edges between these alone
        last = list(self.last("joins").get(stage, {}).values())
        where: dict[str, int] = {}  # key -> its last component
        for number, (keys, _, _, _) in enumerate(last):
            for key in keys:
                where[key] = number
        broken: set[int] = set()
        for number, (keys, initial, _, _) in enumerate(last):
            if any(key not in roots or key in self.fresh or roots[key] != root for key, root in zip(keys, initial)):
                broken.add(number)
            elif sum(len(held[root]) for root in set(initial)) != len(keys):
                broken.add(number)  # an article came into one of its clusters
        counts: Counter = Counter()
        for pair, score in edges.items():
            a, b = pair
            number = where.get(a)
            if (number is None or number != where.get(b) or last_edges.get(pair) != score
                    or (stage == 1 and (a not in last_alone or b not in last_alone))):
                broken.update(n for n in (number, where.get(b)) if n is not None)
            else:
                counts[number] += 1
        broken.update(n for n, (_, _, _, count) in enumerate(last) if counts[n] != count)
        rest = {pair: score for pair, score in edges.items() if where.get(pair[0]) is None or where[pair[0]] in broken}
        linked.join_strongest_first(rest)
        kept = [joined for n, joined in enumerate(last) if n not in broken]
        for keys, _, finals, _ in kept:
            for key, final in zip(keys, finals):
                if key != final:
                    clusters.union(key, final, force=True)  # the same sets, the same roots (the smallest key)
        self.joins[stage] = kept + self.components(rest, roots, held, clusters)

    @staticmethod
    def components(edges: dict[Pair, float], roots: dict[str, str], held: dict[str, list[str]], clusters) -> list[Joined]:
        """The components ``edges`` make of the clusters (``roots``: each key's before the join), each as
        :data:`Joined`."""
        parts = DisjointSets(sorted({roots[key] for pair in edges for key in pair}))
        for a, b in edges:
            parts.link(roots[a], roots[b])
        counts = Counter(parts.find(roots[a]) for a, _ in edges)
        found = []
        for nodes in parts.sets():
            keys = tuple(sorted(key for node in nodes for key in held[node]))
            found.append((keys, tuple(roots[k] for k in keys), tuple(clusters.find(k) for k in keys), counts[parts.find(nodes[0])]))
        return found

    def last_stage(self) -> tuple[dict, dict, frozenset]:
        """The last build's events (members, centroids, background terms) after the stage this run is at."""
        last = self.last("staged").get(self.stage)
        return (last["members"], last["centroids"], last["background"]) if last else ({}, {}, frozenset())

    def event_centroids(self) -> dict[str, Centroid]:
        last_members, last_centroids, _ = self.last_stage()
        centroids = {}
        for root in sorted(self.members):
            keys = self.members[root]
            if root in last_centroids and last_members.get(root) == keys and self.fresh.isdisjoint(keys):
                centroids[root] = last_centroids[root]
            else:
                centroids[root] = self.centroid_of(keys)
        return centroids

    def placements(self, groups: list[Group], clear: bool = False) -> dict[Group, Placement]:
        """A group of undated articles keeps its last placement while it is the same group of the same
        articles, no event among its candidates changed (members or centroid), none of its terms became
        background or stopped being it, and no changed event could now be one."""
        last = self.last("placed")
        last_members, last_centroids, last_background = self.last_stage()
        flipped = self.background ^ last_background
        changed = {
            r for r, c in self.centroids.items()
            if last_members.get(r) != self.members[r] or (last_centroids.get(r) is not c and last_centroids.get(r) != c)
        }
        changed |= last_centroids.keys() - self.centroids.keys()

        def still_placed(group: Group) -> Placement | None:
            entry = last.get((group, clear))
            if entry is None or not self.fresh.isdisjoint(group):
                return None
            _, candidates, last_candidate = entry
            if any(root in changed for root in candidates):
                return None
            terms = self.group_terms(group)
            if not terms.isdisjoint(flipped):
                return None  # every event's score through that term changed
            for root in changed:
                vector = self.centroids.get(root, ({}, None))[0]
                if terms.isdisjoint(vector):
                    continue  # shares no top term with the group: never a candidate
                if len(candidates) < CANDIDATES or (-self.partial_score(group, vector), root) <= last_candidate:
                    return None  # it would be a candidate now
            return entry

        placed = {group: still_placed(group) for group in groups}
        todo = [group for group in groups if placed[group] is None]
        for group, placement in super().placements(todo, clear).items():
            was = last.get((group, clear))
            placed[group] = was if was == placement else placement  # placed again, as it was: the same object
        return placed


class RememberedEventsBuild(EventsBuild):
    def __init__(self, options: EventOptions, memo: dict, map: Callable = serial_map, ready: dict | None = None):
        super().__init__(options, map, ready)
        self.memo = memo
        self.known_features: dict = memo.get("features", {})
        self.shared_clues: dict[Clues, Clues] = {}  # this build's clues, each value once (see features_of)
        self.known_events: dict = memo.get("events", {})
        self.used_events: dict = {}
        self.known_fills: dict = memo.get("fills", {})
        self.used_fills: dict = {}
        self.last_members: tuple = (None, ())

    def run(self, items: list[tuple[str, Dump]]) -> tuple[list[Event], dict[str, Dump]]:
        events, filled = super().run(items)
        self.memo["events"] = self.used_events  # only this build's events: the memo does not grow without bound
        self.memo["fills"] = self.used_fills
        self.memo["features"] = {dump.digest: self.known_features[dump.digest] for _, dump in items if dump.digest}
        return events, filled

    def features_of(self, dump: Dump, ready: Features | None = None) -> Features:
        """Features remembered by digest. Equal clues made in this build are one object: the memo
        pickles each once and reads it back once (at 100,000 generated dumps, 37,000 values among
        100,000 clues; reading them back took 1.1 s, now 0.4 s)."""
        found = self.known_features.get(dump.digest)
        if found is None:
            found = super().features_of(dump, ready)
            clues = self.shared_clues.setdefault(found.clues, found.clues)
            if clues is not found.clues:
                found = dataclasses.replace(found, clues=clues)
        if dump.digest:
            self.known_features[dump.digest] = found
        return found

    def vectors(self, docs: dict[str, Doc], found: dict[str, Features], idf: dict[str, float]) -> dict[str, dict[str, float]]:
        """A vector depends only on its dump's counts and the idf of its own terms: the last build's is kept
        when none of those weights changed."""
        memo = self.memo
        known = memo.get("vectors", {}) if memo.get("vector_terms") == self.options.vector_terms else {}
        old_idf = memo.get("idf", {})
        reweighed = {term for term, weight in idf.items() if old_idf.get(term) != weight} if known else set()
        result, by_digest = {}, {}
        for key, doc in docs.items():
            digest = doc.dump.digest
            kept = known.get(digest) if digest else None
            if kept is not None and reweighed.isdisjoint(found[key].counts):
                result[key] = kept
            else:
                result[key] = self.vector_of(found[key].counts, idf)
            if digest:
                by_digest[digest] = result[key]
        memo.update(vectors=by_digest, idf=idf, vector_terms=self.options.vector_terms)
        return result

    def group(self, docs: dict[str, Doc]) -> list[list[str]]:
        return RememberedGrouping(docs, self.options, self.memo.setdefault("grouping", {}), self.map).run()

    def members(self, keys: list[str], docs: dict[str, Doc]) -> tuple:
        """An event's members and their digests: what its memo entries are kept under (one tuple for
        both of an event's entries, which the memo's pickle then holds once)."""
        if self.last_members[0] != keys:
            self.last_members = (list(keys), tuple((k, docs[k].dump.digest) for k in keys))
        return self.last_members[1]

    def fills(self, keys: list[str], docs: dict[str, Doc], found: dict[str, Features]) -> dict[str, Fill]:
        """How an event's members are filled depends on their dumps alone (their features are the dumps'):
        kept while the members are the same dumps."""
        signature = self.members(keys, docs)
        if not all(digest for _, digest in signature):
            return super().fills(keys, docs, found)
        known = self.known_fills.get(signature)
        self.used_fills[signature] = known if known is not None else super().fills(keys, docs, found)
        return self.used_fills[signature]

    def event(self, keys: list[str], filled: dict[str, Dump], found: dict[str, Features], docs: dict[str, Doc]) -> Event:
        signature = (self.members(keys, docs), self.options)
        packed = self.known_events.get(signature) if all(docs[k].dump.digest for k in keys) else None
        if packed is None:
            event = super().event(keys, filled, found, docs)
            packed = pickle.dumps(event, protocol=4)
        else:
            event = pickle.loads(packed)
        # kept packed: one object to the memo's pickler, not the event's every timeline entry (at
        # 100,000 dumps the pickler's table of the objects it wrote was the peak of the build)
        self.used_events[signature] = packed
        return event


def build_events(
    items: list[tuple[str, Dump]], options: EventOptions | None, memo: dict, map: Callable = serial_map,
    ready: dict | None = None,
) -> tuple[list[Event], dict[str, Dump]]:
    """``events.build_events``, answering from ``memo`` (kept by the caller between builds) what it can."""
    return RememberedEventsBuild(options or EventOptions(), memo, map, ready).run(items)
