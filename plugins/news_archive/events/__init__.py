"""Events: group articles across sources, fill dates from each other, merge their timelines. Pure.

``build`` runs the stage; ``features`` (what an article is about), ``similarity`` (TF-IDF),
``grouping``, ``dating``, ``timeline`` and ``naming`` are its steps; ``model`` holds what it makes.
"""

from news_archive.events.build import build_events
from news_archive.events.model import Entry, Event, EventOptions, Ref, events_by_article

__all__ = ["Entry", "Event", "EventOptions", "Ref", "build_events", "events_by_article"]
