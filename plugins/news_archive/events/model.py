"""What the events stage produces and reads: its options, events, timeline entries, and per-article features.

Values like the dump model's (``parse/model.py``): never changed once made, hashed by their fields, and
not ``frozen`` for the same reason, as every rebuild reads them back from its memos (the 8,217 events of
100,000 dumps: 1.3-1.4 s frozen, 0.6 s not)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from news_archive.events.evidence import Clues
from news_archive.parse.model import pickled_by_fields


@dataclass(frozen=True)
class EventOptions:
    window_days: int = 3  # coverage further apart than this is not one event
    group_threshold: float = 0.27  # TF-IDF cosine of two articles' news text plus their date evidence (README: measurements)
    link_threshold: float = 0.18  # two clusters join only while their articles' average cosine reaches this
    undated_threshold: float = 0.3  # two undated articles join from this (no date keeps them apart)
    merge_threshold: float = 0.3  # two dated events a day apart whose centroids are this alike are one
    clear_margin: float = 0.05  # an undated article joins a dated event alone when it is this much more like it than any other
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


@pickled_by_fields
@dataclass(slots=True, unsafe_hash=True)
class Ref:
    article: str
    update: str | None  # None: the article as a whole (a story)


@pickled_by_fields
@dataclass(slots=True, unsafe_hash=True)
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


@pickled_by_fields
@dataclass(slots=True, unsafe_hash=True)
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


def events_by_article(events) -> dict[str, Event]:
    """Each article's key -> the event it is in."""
    return {key: event for event in events for key in event.articles}


@pickled_by_fields
@dataclass(slots=True, unsafe_hash=True)
class Features:
    """What grouping and naming need of one article, computed once per dump text (and cached)."""

    counts: dict[str, int]  # content-word counts of its news text
    names: dict[str, int]  # capitalised names: people, places
    nouns: dict[str, int]  # event nouns ("summit", "talks")
    clues: Clues = Clues()  # what it says about its day (``evidence.py``)


