"""Events: group articles across sources, fill dates from each other, merge their timelines. Pure.

``build_events`` takes ``(key, Dump)`` pairs (the key is the article's slug) and
returns the events and the dumps with dates filled. The Pelican glue and
``news-archive events`` both call it, so what the CLI prints is what the site shows.
"""

from __future__ import annotations

import heapq
import logging
import math
import multiprocessing
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone

from news_archive.parse import dates
from news_archive.parse import places
from news_archive.parse import vocab
from news_archive.parse.anchors import slugify
from news_archive.parse.model import Dump, Update
from news_archive.events.similarity import cosine, idf_table, shingles, terms, vector

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class EventOptions:
    window_days: int = 3  # coverage further apart than this is not one event
    group_threshold: float = 0.3  # TF-IDF cosine of two articles' news text (see the README for the measurements)
    top_terms: int = 20  # an article is compared only with articles sharing one of its top terms
    shared_names: int = 2  # ... and naming at least this many of the same people and places
    vector_terms: int = 60  # an article's grouping vector keeps its strongest terms
    place_threshold: float = 0.4  # an untimed update's lead against a timed update's lead ...
    place_margin: float = 0.15  # ... and by this much more than the next best: "clearly"
    same_fact_threshold: float = 0.4  # two timed updates of two sources reporting one thing
    same_fact_hours: float = 3.0
    key_moments: int = 5

    @classmethod
    def from_settings(cls, values: dict) -> EventOptions:
        known = {f for f in cls.__dataclass_fields__}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"unknown event options {unknown}; known: {sorted(known)}")
        return cls(**values)


@dataclass(frozen=True)
class Ref:
    article: str
    update: str | None  # None: the article as a whole (a story)


@dataclass(frozen=True)
class Entry:
    """One line of a merged timeline."""

    article: str
    update: str | None
    datetime: datetime | None  # aware; approximate entries carry the time they were placed at
    approximate: bool = False
    also_reported_by: tuple[Ref, ...] = ()
    first_report: bool = True  # False when an earlier entry of another source reported the same thing

    @property
    def ref(self) -> Ref:
        return Ref(self.article, self.update)


@dataclass(frozen=True)
class Event:
    slug: str
    name: str
    name_source: str  # "header" or "derived"
    place: str | None
    timezone: str | None
    date_start: date | None
    date_end: date | None
    articles: tuple[str, ...]  # keys, oldest first
    timeline: tuple[Entry, ...] = ()  # in true time order
    untimed: tuple[Entry, ...] = ()  # "time not given", in each source's order
    key_moments: tuple[Entry, ...] = ()

    @property
    def update_count(self) -> int:
        return sum(1 for e in self.timeline + self.untimed if e.update)


@dataclass(frozen=True)
class Features:
    """What grouping and naming need of one article, computed once per dump text (and cached)."""

    counts: Counter  # content-word counts of its news text
    names: Counter  # capitalised names: people, places
    nouns: Counter  # event nouns ("summit", "talks")


@dataclass
class _Doc:
    key: str
    dump: Dump
    vector: dict[str, float] = field(default_factory=dict)
    names: Counter = field(default_factory=Counter)


def features(dump: Dump) -> Features:
    text = news_text(dump)
    words = Counter(w for w in re.findall(r"[a-z]+", text.lower()) if w in vocab.EVENT_NOUNS or w in vocab.GENERIC_EVENT_NOUNS)
    return Features(counts=terms(text), names=entity_counts(text), nouns=words)


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


# --- grouping ----------------------------------------------------------------------------------


class _Clusters:
    """Union-find over article keys that keeps each cluster's date span and explicit name."""

    def __init__(self, docs: dict[str, _Doc], window: int):
        self.parent = {k: k for k in docs}
        self.first = {k: d.dump.date for k, d in docs.items()}
        self.last = dict(self.first)
        self.name = {k: _explicit_name(d.dump) for k, d in docs.items()}
        self.window = window

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if not force:
            if self.name[ra] and self.name[rb] and self.name[ra] != self.name[rb]:
                return False
            firsts = [d for d in (self.first[ra], self.first[rb]) if d]
            lasts = [d for d in (self.last[ra], self.last[rb]) if d]
            if firsts and (max(lasts) - min(firsts)).days > max(self.window, self._span(ra), self._span(rb)):
                return False
        keep, gone = sorted((ra, rb))
        self.parent[gone] = keep
        firsts = [d for d in (self.first[keep], self.first[gone]) if d]
        lasts = [d for d in (self.last[keep], self.last[gone]) if d]
        self.first[keep] = min(firsts) if firsts else None
        self.last[keep] = max(lasts) if lasts else None
        self.name[keep] = self.name[keep] or self.name[gone]
        return True

    def _span(self, root: str) -> int:
        return (self.last[root] - self.first[root]).days if self.first[root] else 0


def _explicit_name(dump: Dump) -> str | None:
    return " ".join(dump.event.split()).casefold() if dump.event else None


def group(docs: dict[str, _Doc], options: EventOptions, parallel: bool = False, memo: dict | None = None) -> list[list[str]]:
    """Clusters of article keys; deterministic and independent of input order.

    1. Articles with the same ``Event:`` header are one event.
    2. Dated articles are compared only with articles dated within the window that share
       one of their top terms (a sliding window over the date-sorted list, so grouping
       never compares every article with every other); pairs whose TF-IDF cosine reaches
       the threshold join strongest first, as long as the joined coverage spans no more
       than the window.
    3. An undated article joins the dated event whose centroid it is most similar to,
       found through an inverted index of the centroids' terms (one lookup per event).
    4. Undated articles that joined nothing group among themselves, as in step 2.

    ``parallel``: compare pairs and place undated articles on two cores (the result is the same).
    ``memo`` (a dict kept between builds): where step 3 placed each undated article, and against
    which candidates; a placement that no changed event centroid can affect is kept (the result
    is the same).
    """
    memo = memo if memo is not None else {}
    clusters = _Clusters(docs, options.window_days)
    by_name: dict[str, list[str]] = defaultdict(list)
    for key in sorted(docs):
        name = _explicit_name(docs[key].dump)
        if name:
            by_name[name].append(key)
    for keys in by_name.values():
        for other in keys[1:]:
            clusters.union(keys[0], other, force=True)

    # What the last build computed from an article stands while its inputs are the same: its date,
    # vector and names (its top terms; the scores of its pairs; the centroid of an event of such articles).
    inputs = {key: (doc.dump.date, doc.vector, doc.names) for key, doc in docs.items()}
    last_inputs = memo.get("inputs", {}) if memo.get("options") == options else {}
    fresh = {key for key, value in inputs.items() if last_inputs.get(key) != value}
    last_top = memo.get("top", {}) if last_inputs else {}
    top = {
        key: last_top[key] if key not in fresh and key in last_top
        else frozenset(t for t, _ in sorted(doc.vector.items(), key=lambda kv: (-kv[1], kv[0]))[: options.top_terms])
        for key, doc in docs.items()
    }

    names = {key: set(doc.names) for key, doc in docs.items()}

    def same_names(a: set, b: set) -> bool:
        """Coverage of one event names the same people and places: at least ``shared_names`` of them."""
        return len(a & b) >= min(options.shared_names, len(a), len(b))

    def edge(pair: tuple[str, str]) -> float | None:
        a, b = pair
        if top[a] & top[b] and same_names(names[a], names[b]):
            score = cosine(docs[a].vector, docs[b].vector)
            if score >= options.group_threshold:
                return score
        return None

    def scored(pairs) -> dict[tuple[str, str], float]:
        pairs = list(pairs)
        return {pair: score for pair, score in zip(pairs, _map_in_halves(edge, pairs, parallel)) if score is not None}

    def join_strongest_first(edges: dict[tuple[str, str], float]):
        for _, a, b in sorted((-round(score, 9), a, b) for (a, b), score in edges.items()):
            clusters.union(a, b)

    dated = sorted((doc.dump.date, key) for key, doc in docs.items() if doc.dump.date)

    def dated_pairs():
        """Every pair of dated articles within the window, each in date order."""
        for i, (day, a) in enumerate(dated):
            for other_day, b in dated[i + 1 :]:
                if (other_day - day).days > options.window_days:
                    break
                yield a, b

    def dated_pairs_of(keys: set[str]):
        """The pairs ``dated_pairs`` yields that hold one of ``keys``, found from those keys alone."""
        for i, (day, key) in enumerate(dated):
            if key not in keys:
                continue
            for j in range(i - 1, -1, -1):
                if (day - dated[j][0]).days > options.window_days:
                    break
                if dated[j][1] not in keys:  # a pair of two such keys is yielded once, from its later key
                    yield dated[j][1], key
            for j in range(i + 1, len(dated)):
                if (dated[j][0] - day).days > options.window_days:
                    break
                yield key, dated[j][1]

    # the last build's scores of pairs of unchanged articles stand; only pairs with a changed one are compared
    if last_inputs:
        edges = {(a, b): score for (a, b), score in memo.get("edges", {}).items() if a not in fresh and b not in fresh and a in docs and b in docs}
        edges.update(scored(dated_pairs_of(fresh)))
    else:
        edges = scored(dated_pairs())
    join_strongest_first(edges)

    # undated articles and the centroids of the dated events
    members: dict[str, list[str]] = defaultdict(list)
    for _, key in dated:
        members[clusters.find(key)].append(key)
    members_of = {root: tuple(keys) for root, keys in members.items()}
    last_members = memo.get("members", {}) if last_inputs else {}
    old_centroids = memo.get("centroids", {}) if last_inputs else {}
    centroids: dict[str, tuple[dict[str, float], set[str]]] = {}  # root -> (vector, names)
    for root in sorted(members_of):
        keys = members_of[root]
        if root in old_centroids and last_members.get(root) == keys and fresh.isdisjoint(keys):
            centroids[root] = old_centroids[root]
            continue
        total: Counter = Counter()
        for key in keys:
            total.update(docs[key].vector)
        norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
        centroids[root] = (strongest({t: w / norm for t, w in total.items()}, options.vector_terms), set().union(*(names[k] for k in keys)))
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for root, (centroid, _) in centroids.items():
        for term, weight in centroid.items():
            postings[term].append((root, weight))
    undated = sorted(key for key, doc in docs.items() if not doc.dump.date)

    def partial_score(key: str, centroid: dict[str, float]) -> float:
        """An article's top terms against one centroid: the sum ``best_event`` accumulates, in its order."""
        score = 0.0
        for term in sorted(top[key]):
            if term in centroid:
                score += docs[key].vector[term] * centroid[term]
        return score

    def best_event(key: str) -> tuple[str | None, tuple]:
        """The dated event an undated article belongs to, if any (reads only what is fixed by now),
        and the candidates it was chosen from."""
        # candidates through the article's most distinctive terms, then exact cosine for the best ten
        partial: dict[str, float] = defaultdict(float)
        for term in sorted(top[key]):
            weight = docs[key].vector[term]
            for root, other in postings.get(term, ()):
                partial[root] += weight * other
        best = heapq.nsmallest(CANDIDATES, [(-score, r) for r, score in partial.items()])
        shortlist = [r for _, r in best if same_names(names[key], centroids[r][1])][:10]
        ranked = sorted(((cosine(docs[key].vector, centroids[r][0]), r) for r in shortlist), key=lambda s: (-s[0], s[1]))
        choice = ranked[0][1] if ranked and ranked[0][0] >= options.group_threshold else None
        return choice, tuple(best)

    # The last build's placement of an undated article stands when its inputs are the same: the
    # article (date, vector, names), no changed centroid among its candidates, none that would now be one.
    last = memo.get("placed", {}) if last_inputs else {}
    changed = {r for r, c in centroids.items() if old_centroids.get(r) is not c and old_centroids.get(r) != c}
    changed |= old_centroids.keys() - centroids.keys()

    def still_placed(key: str) -> tuple | None:
        entry = last.get(key)
        if entry is None or key in fresh:
            return None
        best = entry[1]
        if any(root in changed for _, root in best):
            return None
        for root in changed:
            centroid = centroids.get(root, ({}, None))[0]
            if top[key].isdisjoint(centroid):
                continue  # shares no top term with the article: never a candidate
            if len(best) < CANDIDATES or (-partial_score(key, centroid), root) <= best[-1]:
                return None  # it would be a candidate now
        return entry

    placed = {key: still_placed(key) for key in undated}
    todo = [key for key in undated if placed[key] is None]
    placed.update(zip(todo, _map_in_halves(best_event, todo, parallel)))
    memo.update(
        options=options, inputs=inputs, top=top, edges=edges, members=members_of, centroids=centroids,
        placed=placed,  # every undated article, and only those
    )

    alone = []
    for key in undated:
        choice = placed[key][0]
        if not (choice and clusters.union(key, choice)):
            alone.append(key)

    def sharing_pairs(keys):
        holders: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            for term in sorted(top[key]):
                holders[term].append(key)
        return sorted({(a, b) for members in holders.values() for n, a in enumerate(members) for b in members[n + 1 :]})

    join_strongest_first(scored(sharing_pairs(alone)))

    result: dict[str, list[str]] = defaultdict(list)
    for key in sorted(docs):
        result[clusters.find(key)].append(key)
    return sorted(result.values())


#: An undated article's candidate events: the best by shared top terms, compared exactly after.
CANDIDATES = 50

#: Below this many items, a second process costs more than it saves.
PARALLEL_MIN_ITEMS = 256


def _map_in_halves(function, items: list, parallel: bool) -> list:
    """``[function(x) for x in items]``, the second half in a forked process when ``parallel``.

    The fork sees everything ``function`` reads as it is now; results come back in order.
    Without fork (or if the child fails), everything is computed here.
    """
    if not parallel or len(items) < PARALLEL_MIN_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
        return [function(x) for x in items]
    half = len(items) // 2
    receive, send = multiprocessing.Pipe(duplex=False)

    def child():
        try:
            send.send([function(x) for x in items[half:]])
        finally:
            send.close()

    process = multiprocessing.get_context("fork").Process(target=child, daemon=True)
    process.start()
    send.close()
    first = [function(x) for x in items[:half]]
    try:
        second = receive.recv()
    except (EOFError, OSError):
        second = [function(x) for x in items[half:]]
    process.join()
    receive.close()
    return first + second


# --- naming ------------------------------------------------------------------------------------

_CAPITALISED = re.compile(r"(?<![\w.'\u2019-])([A-Z][a-z]+)(?=[\s,;:.!?'\u2019)\-\u2013]|$)")


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


def derive_name(dumps: list[Dump], found: list[Features] | None = None) -> str:
    """'Kim–Putin summit': the names the coverage shares most, and its most common event noun."""
    found = found if found is not None else [features(d) for d in dumps]
    per_article = [f.names for f in found]
    spread = Counter(w for counts in per_article for w in counts)
    total = sum(per_article, Counter())
    headlines = " ".join(d.display_title + " " + (d.dek.text if d.dek else "") for d in dumps)
    in_headlines = [w for w in total if re.search(rf"\b{w}\b", headlines)]
    ranked = sorted(in_headlines or total, key=lambda w: (-spread[w], -total[w], w))
    names = ranked[:1]
    if len(ranked) > 1 and total[ranked[1]] * 2 >= total[ranked[0]] and spread[ranked[1]] == spread[ranked[0]]:
        names = ranked[:2]
    titles = " ".join(d.display_title for d in dumps)
    names.sort(key=lambda w: (titles.find(w) if w in titles else len(titles), w))
    words = sum((f.nouns for f in found), Counter())
    noun = None
    for table in (vocab.EVENT_NOUNS, vocab.GENERIC_EVENT_NOUNS):
        found = {w: n for w, n in words.items() if w in table}
        if found:
            noun = min(found, key=lambda w: (-found[w], w))
            break
    if not names:
        return dumps[0].display_title
    return "\u2013".join(names) + (f" {noun}" if noun else "")


# --- dates across sources ----------------------------------------------------------------------


def event_day_for(dump: Dump, first: date, last: date) -> date:
    """The day an undated member covers: the day in the event's span its weekday words name most."""
    mentioned = Counter(word for _, word in dump.weekdays)
    span = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    for word, _ in sorted(mentioned.items(), key=lambda kv: (-kv[1], kv[0])):
        for day in span:
            if vocab.WEEKDAYS[day.weekday()] == word:
                return day
    return first


def fill_dates(dumps: dict[str, Dump]) -> dict[str, Dump]:
    """Undated members take the event's date (``date_source: event``); zoneless untimed ones its zone."""
    dated = [d.date for d in dumps.values() if d.date]
    zones = Counter(d.timezone for d in dumps.values() if d.timezone)
    zone = min(zones, key=lambda z: (-zones[z], z)) if zones else None
    filled = {}
    for key, dump in dumps.items():
        if not dump.timezone and zone and not any(u.time for u in dump.updates):
            dump = dump.with_(timezone=zone, timezone_source="event")
        if dump.date is None and dated:
            dump = dates.with_date(dump, event_day_for(dump, min(dated), max(dated)), "event")
        filled[key] = dump
    return filled


# --- merged timeline ---------------------------------------------------------------------------


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc)


def merged_timeline(dumps: dict[str, Dump], options: EventOptions) -> tuple[list[Entry], list[Entry]]:
    """(timeline in true time order, updates whose time is not given in each source's order)."""
    timed: list[tuple[str, int, Update]] = []
    untimed: list[tuple[str, int, Update]] = []
    for key in sorted(dumps):
        for index, update in enumerate(dumps[key].updates):
            aware = update.datetime is not None and update.datetime.tzinfo is not None
            (timed if aware else untimed).append((key, index, update))

    leads = {(k, i): terms(update_lead(u)) for k, i, u in timed + untimed}
    idf = idf_table(leads.values())
    vectors = {ref: vector(counts, idf) for ref, counts in leads.items()}

    # Same fact, several sources: timed updates of different articles close in time and in words.
    group_of = {(k, i): (k, i) for k, i, _ in timed + untimed}

    def root(ref):
        while group_of[ref] != ref:
            ref = group_of[ref]
        return ref

    def join(a, b):
        ra, rb = root(a), root(b)
        if ra != rb:
            group_of[max(ra, rb)] = min(ra, rb)

    # Sliding window over time: only updates within the limit of each other are compared.
    limit = timedelta(hours=options.same_fact_hours)
    by_time = sorted(timed, key=lambda t: (_utc(t[2].datetime), t[0], t[1]))
    for n, (ka, ia, ua) in enumerate(by_time):
        for kb, ib, ub in by_time[n + 1 :]:
            if _utc(ub.datetime) - _utc(ua.datetime) > limit:
                break
            if ka != kb and cosine(vectors[(ka, ia)], vectors[(kb, ib)]) >= options.same_fact_threshold:
                join((ka, ia), (kb, ib))

    # An untimed update is placed only when it clearly reports what a timed update of another source did.
    # Candidates come from an inverted index of the timed leads' terms, so only updates sharing a word are scored.
    postings: dict[str, list[tuple[tuple[str, int], float]]] = defaultdict(list)
    for kt, it, _ in timed:
        for term, weight in vectors[(kt, it)].items():
            postings[term].append(((kt, it), weight))
    moments = {(kt, it): ut.datetime for kt, it, ut in timed}
    placed: dict[tuple[str, int], datetime] = {}
    for k, i, _ in untimed:
        totals: dict[tuple[str, int], float] = defaultdict(float)
        for term, weight in vectors[(k, i)].items():
            for ref, other in postings.get(term, ()):
                if ref[0] != k:
                    totals[ref] += weight * other
        scores = sorted(((score, ref) for ref, score in totals.items()), key=lambda s: (-s[0], s[1]))
        if not scores:
            continue
        best, runner_up = scores[0], (scores[1][0] if len(scores) > 1 else 0.0)
        if best[0] >= options.place_threshold and best[0] - runner_up >= options.place_margin:
            placed[(k, i)] = moments[best[1]]
            join((k, i), best[1])

    members: dict[tuple, list[tuple[str, int]]] = defaultdict(list)
    for ref in group_of:
        members[root(ref)].append(ref)

    rows = [(_utc(u.datetime), 0, k, i, u.datetime) for k, i, u in timed]
    rows += [(_utc(placed[(k, i)]), 1, k, i, placed[(k, i)]) for k, i, _ in untimed if (k, i) in placed]
    rows.sort(key=lambda r: r[:4])
    order = {(k, i): n for n, (_, _, k, i, _) in enumerate(rows)}
    ids = {(k, i): u.id for k, i, u in timed + untimed}

    def entry(k, i, moment, approximate):
        group = sorted((r for r in members[root((k, i))] if r != (k, i)), key=lambda r: order.get(r, len(order)))
        earlier = [r for r in group if order.get(r, len(order)) < order.get((k, i), len(order)) and r[0] != k]
        return Entry(
            article=k,
            update=ids[(k, i)],
            datetime=moment,
            approximate=approximate,
            also_reported_by=tuple(Ref(r[0], ids[r]) for r in group if r[0] != k),
            first_report=not earlier,
        )

    timeline = [entry(k, i, moment, bool(flag)) for _, flag, k, i, moment in rows]
    rest = [entry(k, i, None, False) for k, i, _ in untimed if (k, i) not in placed]
    # Articles without updates (stories) are listed at their date, under "time not given".
    rest += [Entry(article=key, update=None, datetime=None) for key in sorted(dumps) if not dumps[key].updates]
    return timeline, rest


def key_moments(timeline: list[Entry], count: int) -> list[Entry]:
    """The first and the latest report, and in between those most sources reported, in time order."""
    firsts = [e for e in timeline if e.first_report]
    if len(firsts) <= count:
        return firsts
    chosen = {0, len(firsts) - 1}
    by_reach = sorted(range(1, len(firsts) - 1), key=lambda n: (-len(firsts[n].also_reported_by), n))
    for n in by_reach:
        if len(chosen) >= count:
            break
        chosen.add(n)
    return [firsts[n] for n in sorted(chosen)]


# --- the whole stage ---------------------------------------------------------------------------


def build_events(
    items: list[tuple[str, Dump]], options: EventOptions | None = None, memo: dict | None = None, parallel: bool = False
) -> tuple[list[Event], dict[str, Dump]]:
    """Events of a set of articles, newest first, and every article's dump with dates filled.

    ``memo`` (optional, a dict the caller keeps between builds) holds each dump's features and
    TF-IDF vector by its digest, the idf table, and each event by its members, so a rebuild after
    one dump changed recomputes little.
    ``parallel`` lets grouping use a second core; the events are the same either way.
    """
    options = options or EventOptions()
    memo = memo if memo is not None else {}
    known_features = memo.setdefault("features", {})
    known_events = memo.setdefault("events", {})
    docs = {key: _Doc(key, dump) for key, dump in items}
    if len(docs) != len(items):
        raise ValueError("article keys must be unique")
    found: dict[str, Features] = {}
    for key, doc in docs.items():
        digest = doc.dump.digest
        found[key] = known_features.get(digest) or features(doc.dump)
        if digest:
            known_features[digest] = found[key]
    idf = idf_table(f.counts for f in found.values())
    # A vector depends only on its dump's counts and the idf of its own terms: the last build's
    # is kept when none of those weights changed (an edit changes the idf of few words, if any).
    known_vectors = memo.get("vectors", {}) if memo.get("vector_terms") == options.vector_terms else {}
    old_idf = memo.get("idf", {})
    reweighed = {term for term, weight in idf.items() if old_idf.get(term) != weight} if known_vectors else set()
    vectors = {}
    for key, doc in docs.items():
        digest = doc.dump.digest
        kept = known_vectors.get(digest) if digest else None
        doc.vector = kept if kept is not None and reweighed.isdisjoint(found[key].counts) else strongest(
            vector(found[key].counts, idf), options.vector_terms
        )
        doc.names = found[key].names
        if digest:
            vectors[digest] = doc.vector

    events: list[Event] = []
    filled_all: dict[str, Dump] = {}
    used = {}
    for keys in group(docs, options, parallel, memo.setdefault("grouping", {})):
        filled = fill_dates({k: docs[k].dump for k in keys})
        filled_all.update(filled)
        signature = (tuple((k, docs[k].dump.digest) for k in keys), options)
        event = known_events.get(signature) if all(docs[k].dump.digest for k in keys) else None
        if event is None:
            event = _event(filled, options, {k: found[k] for k in keys})
        used[signature] = event
        events.append(event)
    memo["events"] = used  # only events of this build: the memo does not grow without bound
    memo["features"] = {docs[k].dump.digest: found[k] for k in docs if docs[k].dump.digest}
    memo.update(vectors=vectors, idf=idf, vector_terms=options.vector_terms)
    events = _unique_slugs(events)
    events.sort(key=lambda e: (e.date_start or date.min, e.slug), reverse=True)
    return events, filled_all


def strongest(weights: dict[str, float], count: int) -> dict[str, float]:
    """The ``count`` heaviest terms of a unit vector, renormalised: what an article is most about."""
    if len(weights) <= count:
        return weights
    kept = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:count])
    norm = math.sqrt(sum(w * w for w in kept.values())) or 1.0
    return {t: w / norm for t, w in kept.items()}


def _event(filled: dict[str, Dump], options: EventOptions, found: dict[str, Features]) -> Event:
    keys = sorted(filled)
    dumps = [filled[k] for k in keys]
    header_names = Counter(d.event.strip() for d in dumps if d.event)
    if header_names:
        name, name_source = min(header_names, key=lambda n: (-header_names[n], n)), "header"
    else:
        name, name_source = derive_name(dumps, [found[k] for k in keys]), "derived"
    days = sorted(d.date for d in dumps if d.date)
    timeline, untimed = merged_timeline(filled, options)
    articles = sorted(filled, key=lambda k: (filled[k].date or date.max, k))
    return Event(
        slug=slugify(name) + (f"-{days[0].isoformat()}" if days else ""),
        name=name,
        name_source=name_source,
        place=_place(dumps),
        timezone=next((d.timezone for d in dumps if d.timezone_source != "event" and d.timezone), None)
        or next((d.timezone for d in dumps if d.timezone), None),
        date_start=days[0] if days else None,
        date_end=days[-1] if days else None,
        articles=tuple(articles),
        timeline=tuple(timeline),
        untimed=tuple(untimed),
        key_moments=tuple(key_moments(timeline, options.key_moments)),
    )


def _place(dumps: list[Dump]) -> str | None:
    """The members' most common dateline place, else the known city their text names most."""
    found = Counter(d.place for d in dumps if d.place)
    if found:
        return min(found, key=lambda p: (-found[p], p))
    cities = Counter(c for d in dumps for c in places.cities_in(news_text(d)))
    return min(cities, key=lambda c: (-cities[c], c)) if cities else None


def _unique_slugs(events: list[Event]) -> list[Event]:
    seen: Counter = Counter()
    result = []
    for event in sorted(events, key=lambda e: (e.slug, e.articles)):
        seen[event.slug] += 1
        result.append(event if seen[event.slug] == 1 else replace(event, slug=f"{event.slug}-{seen[event.slug]}"))
    return result
