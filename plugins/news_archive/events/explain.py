"""Why two articles were, or were not, grouped: ``news-archive events --explain A B``.

The same steps as the build (features, the archive's idf, vectors, date evidence), for one pair,
beside the events the build made. Pure.
"""

from __future__ import annotations

from news_archive.events import evidence
from news_archive.events.build import EventsBuild
from news_archive.events.grouping import Doc, Grouping, top_terms
from news_archive.events.model import Event, EventOptions, events_by_article
from news_archive.events.similarity import LEAST_ARTICLES, cosine, idf_table
from news_archive.parse.model import Dump


def explain(items: list[tuple[str, Dump]], a: str, b: str, options: EventOptions | None = None,
            events: list[Event] | None = None) -> dict:
    """What grouping sees of articles ``a`` and ``b`` (keys of ``items``) and where the build put them."""
    options = options or EventOptions()
    build = EventsBuild(options)
    docs = {key: Doc(key, dump) for key, dump in items}
    found = {key: build.features_of(doc.dump) for key, doc in docs.items()}
    idf = idf_table((f.counts for f in found.values()), least=LEAST_ARTICLES)
    vectors = build.vectors(docs, found, idf)
    for key in (a, b):
        docs[key].vector, docs[key].names, docs[key].clues = vectors[key], found[key].names, found[key].clues
    grouping = Grouping({a: docs[a], b: docs[b]}, options)
    names_a, names_b = set(docs[a].names), set(docs[b].names)
    shared_names = sorted(names_a & names_b)
    shared_terms = sorted(set(top_terms(docs[a].vector, options.top_terms)).intersection(top_terms(docs[b].vector, options.top_terms)))
    text = cosine(docs[a].vector, docs[b].vector)
    reasons = evidence.reasons(docs[a].clues, docs[b].clues)
    score = text + sum(s for _, s in reasons)
    both_undated = not docs[a].dump.date and not docs[b].dump.date
    bar = max(options.group_threshold, options.undated_threshold) if both_undated else options.group_threshold
    if events is None:
        events, _ = build.run(items)
    event_of = events_by_article(events)
    return {
        "articles": [_article(key, docs[key].dump, event_of.get(key)) for key in (a, b)],
        "same_event": event_of.get(a) is not None and event_of.get(a) is event_of.get(b),
        "text_cosine": round(text, 3),
        "date_evidence": [{"why": why, "adds": round(s, 3)} for why, s in reasons],
        "score": round(score, 3),
        "threshold": bar,
        "shared_top_terms": shared_terms,
        "shared_names": shared_names,
        "shared_places_only": bool(shared_names) and all(grouping.place_name(n) for n in shared_names),
        "names_agree": grouping.same_names(names_a, names_b),
    }


def _article(key: str, dump: Dump, event: Event | None) -> dict:
    return {
        "key": key, "file": dump.name, "title": dump.display_title,
        "date": dump.date.isoformat() if dump.date else None, "date_source": dump.date_source,
        "event": event.slug if event else None,
    }


def lines(report: dict) -> list[str]:
    """The report as a reader reads it."""
    a, b = report["articles"]
    out = [f"A: {a['file']} ({a['date'] or 'undated'}): {a['title']}", f"   event: {a['event']}",
           f"B: {b['file']} ({b['date'] or 'undated'}): {b['title']}", f"   event: {b['event']}"]
    out.append("grouped together" if report["same_event"] else "not grouped together")
    out.append(f"text similarity (TF-IDF cosine): {report['text_cosine']}")
    for item in report["date_evidence"]:
        out.append(f"  {item['adds']:+.3f}  {item['why']}")
    out.append(f"pair score {report['score']} against the threshold {report['threshold']}")
    out.append(f"shared top terms: {', '.join(report['shared_top_terms']) or 'none (never compared)'}")
    names = ", ".join(report["shared_names"]) or "none"
    note = " (places only: other events share them too)" if report["shared_places_only"] else ""
    out.append(f"shared names: {names}{note}; {'enough' if report['names_agree'] else 'not enough'} to be one event")
    return out
