"""An event's merged timeline: every source's updates in true time order, the same fact grouped across sources."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from news_archive.events.features import update_lead
from news_archive.events.model import Entry, EventOptions, Ref
from news_archive.events.sets import DisjointSets
from news_archive.events.similarity import cosine, idf_table, terms, vector
from news_archive.parse.dates import as_utc
from news_archive.parse.model import Dump, Update


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
    same_fact = DisjointSets((k, i) for k, i, _ in timed + untimed)

    # Sliding window over time: only updates within the limit of each other are compared. Each
    # moment is put in UTC once (a live blog's event has thousands of updates to walk), beside the
    # moment as written (the timeline's rows, below).
    limit, threshold = timedelta(hours=options.same_fact_hours), options.same_fact_threshold
    by_time = sorted((as_utc(u.datetime), k, i, u.datetime) for k, i, u in timed)
    for n, (moment, ka, ia, _) in enumerate(by_time):
        near = vectors[(ka, ia)]
        for m in range(n + 1, len(by_time)):
            later, kb, ib, _ = by_time[m]
            if later - moment > limit:
                break
            if ka != kb and cosine(near, vectors[(kb, ib)]) >= threshold:
                same_fact.link((ka, ia), (kb, ib))

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
            same_fact.link((k, i), best[1])

    members: dict[tuple, list[tuple[str, int]]] = defaultdict(list)
    for ref in same_fact.parent:
        members[same_fact.find(ref)].append(ref)

    rows = [(moment, 0, k, i, written) for moment, k, i, written in by_time]
    rows += [(as_utc(placed[(k, i)]), 1, k, i, placed[(k, i)]) for k, i, _ in untimed if (k, i) in placed]
    rows.sort(key=lambda r: r[:4])
    order = {(k, i): n for n, (_, _, k, i, _) in enumerate(rows)}
    ids = {(k, i): u.id for k, i, u in timed + untimed}

    def entry(k, i, moment, approximate):
        group = sorted((r for r in members[same_fact.find((k, i))] if r != (k, i)), key=lambda r: order.get(r, len(order)))
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
