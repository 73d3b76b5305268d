"""The events stage: articles -> events, dates filled, merged timelines. Pure.

``build_events`` takes ``(key, Dump)`` pairs (the key is the article's slug) and returns the events
and the dumps with dates filled. The Pelican glue and ``news-archive events`` both call it, so what
the CLI prints is what the site shows. Each step is a method of :class:`EventsBuild`, so the
rebuild layer (``rebuild/events.py``) can reuse the last build's result of a step whose inputs are
unchanged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date

from news_archive.events import dating
from news_archive.events.features import features
from news_archive.events.grouping import Doc, Grouping, strongest
from news_archive.events.model import Event, EventOptions, Features
from news_archive.events.naming import derive_name, event_place, event_zone, unique_names, unique_slugs
from news_archive.events.similarity import LEAST_ARTICLES, idf_table, vector
from news_archive.events.template import drop_site_template
from news_archive.events.timeline import key_moments, merged_timeline
from news_archive.parse.anchors import slugify
from news_archive.parse.model import Dump
from news_archive.workers import serial_map


class EventsBuild:
    """One run of the events stage. ``map`` runs a function over a list (``workers.serial_map``
    by default); the events are the same with any map that returns the results in order. ``ready``
    holds, by article key, features already made of the very dumps the run is given (the parse
    workers make them: see ``pelican/reader.py``); the others are made here."""

    def __init__(self, options: EventOptions, map: Callable = serial_map, ready: dict[str, Features] | None = None):
        self.options = options
        self.map = map
        self.ready = ready or {}

    def run(self, items: list[tuple[str, Dump]]) -> tuple[list[Event], dict[str, Dump]]:
        docs = {key: Doc(key, dump) for key, dump in items}
        if len(docs) != len(items):
            raise ValueError("article keys must be unique")
        found = {key: self.features_of(doc.dump, self.ready.pop(key, None)) for key, doc in docs.items()}
        idf = idf_table((f.counts for f in found.values()), least=LEAST_ARTICLES)
        for key, vector_ in self.vectors(docs, found, idf).items():
            docs[key].vector = vector_
            docs[key].names = found[key].names
            docs[key].clues = found[key].clues
        events: list[Event] = []
        filled_all: dict[str, Dump] = {}
        for keys in self.group(docs):
            filled = {k: dating.filled(docs[k].dump, fill) for k, fill in self.fills(keys, docs, found).items()}
            filled_all.update(filled)
            events.append(self.event(keys, filled, found, docs))
        events = unique_names(unique_slugs(events))
        events.sort(key=lambda e: (e.date_start or date.min, e.slug), reverse=True)
        return events, drop_site_template(events, filled_all)

    # --- the steps the rebuild layer may answer from the last build -------------------------------

    def features_of(self, dump: Dump, ready: Features | None = None) -> Features:
        """``features(dump)``, or ``ready``: the same, made elsewhere."""
        return ready if ready is not None else features(dump)

    def vectors(self, docs: dict[str, Doc], found: dict[str, Features], idf: dict[str, float]) -> dict[str, dict[str, float]]:
        return {key: self.vector_of(found[key].counts, idf) for key in docs}

    def vector_of(self, counts: Counter, idf: dict[str, float]) -> dict[str, float]:
        """An article's TF-IDF vector, cut to its strongest terms."""
        return strongest(vector(counts, idf), self.options.vector_terms)

    def group(self, docs: dict[str, Doc]) -> list[list[str]]:
        return Grouping(docs, self.options, self.map).run()

    def fills(self, keys: list[str], docs: dict[str, Doc], found: dict[str, Features]) -> dict[str, dating.Fill]:
        """How each member's date and zone are filled from its event's (``dating.fills``)."""
        return dating.fills({k: docs[k].dump for k in keys}, {k: found[k].clues.latest_year for k in keys})

    def event(self, keys: list[str], filled: dict[str, Dump], found: dict[str, Features], docs: dict[str, Doc]) -> Event:
        return make_event(filled, self.options, {k: found[k] for k in keys})


def build_events(
    items: list[tuple[str, Dump]], options: EventOptions | None = None, map: Callable = serial_map,
    ready: dict[str, Features] | None = None,
) -> tuple[list[Event], dict[str, Dump]]:
    """Events of a set of articles, newest first, and every article's dump with dates filled."""
    return EventsBuild(options or EventOptions(), map, ready).run(items)


def make_event(filled: dict[str, Dump], options: EventOptions, found: dict[str, Features]) -> Event:
    keys = sorted(filled)
    dumps = [filled[k] for k in keys]
    header_names = Counter(d.event.strip() for d in dumps if d.event)
    if header_names:
        name, name_source = min(header_names, key=lambda n: (-header_names[n], n)), "header"
    else:
        name, name_source = derive_name(dumps, [found[k] for k in keys]), "derived"
    days = sorted(d.date for d in dumps if d.date)
    place = event_place(dumps)
    timeline, untimed = merged_timeline(filled, options)
    articles = sorted(filled, key=lambda k: (filled[k].date or date.max, k))
    return Event(
        slug=slugify(name) + (f"-{days[0].isoformat()}" if days else ""),
        name=name,
        name_source=name_source,
        place=place,
        timezone=event_zone(dumps, place),
        date_start=days[0] if days else None,
        date_end=days[-1] if days else None,
        articles=tuple(articles),
        timeline=tuple(timeline),
        untimed=tuple(untimed),
        key_moments=tuple(key_moments(timeline, options.key_moments)),
    )
