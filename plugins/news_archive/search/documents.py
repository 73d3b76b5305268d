"""Search documents: one per update (a story, or a live blog's intro, is one document). Pure.

Each document's ref is the article's URL plus the update's anchor, so a result
links straight to the update. Documents are sorted by ref so the index is the
same from run to run whatever order the dumps were read in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from news_archive.events import Event, events_by_article
from news_archive.parse.model import Dump, Update
from news_archive.present.render import clock
from news_archive.present.views import source_label

#: (field, boost). Headlines and titles weigh more than body text.
FIELDS = (("title", 2), ("headline", 3), ("body", 1), ("source", 1), ("event", 1), ("place", 1))
SNIPPET_CHARS = 480


@dataclass(frozen=True)
class SearchDoc:
    ref: str
    title: str
    headline: str
    body: str
    source: str
    event: str
    place: str
    record: dict  # what a result shows: see news_archive.search.pieces


def _when(update: Update | None, dump: Dump) -> tuple[str, str]:
    """(ISO datetime or date, local label like 'Apr 25, 2019, 8:40 p.m.')."""
    if update is not None and update.datetime is not None:
        stamp = update.datetime
        label = f"{stamp.strftime('%b')} {stamp.day}, {stamp.year}, {clock(update.time)}"
        return stamp.isoformat(), label
    day = update.date if update is not None and update.date else dump.date
    label = f"{day.strftime('%b')} {day.day}, {day.year}" if day else ""
    if update is not None and update.time:
        label = f"{label}, {clock(update.time)}" if label else clock(update.time)
    return (day.isoformat() if day else ""), label


def _doc(ref: str, dump: Dump, event: Event | None, headline: str, shown: str, texts: list[str], update: Update | None) -> SearchDoc:
    body = "\n".join(texts)
    iso, label = _when(update, dump)
    source = source_label(dump)
    event_name = event.name if event else ""
    return SearchDoc(
        ref=ref,
        title=dump.display_title,
        headline=headline,
        body=body,
        source=source,
        event=event_name,
        place=(event.place if event and event.place else dump.place) or "",
        record={
            "u": ref,
            "h": shown,
            "a": dump.display_title,
            "s": source,
            "e": event_name,
            "d": iso,
            "t": label,
            "x": body[:SNIPPET_CHARS],
        },
    )


def article_documents(url: str, dump: Dump, event: Event | None) -> list[SearchDoc]:
    """One article's documents: its front matter (a story, a live blog's intro), then each update."""
    docs = []
    front = [dump.dek.text] if dump.dek else []
    front += [p.text for p in dump.intro + dump.body + dump.captions]
    if front or not dump.updates:
        docs.append(_doc(url, dump, event, "", dump.display_title, front, None))
    for update in dump.updates:
        texts = [p.text for p in update.paragraphs + update.captions]
        headline = update.headline.text if update.headline else ""
        docs.append(_doc(f"{url}#{update.id}", dump, event, headline, update.lede, texts, update))
    return docs


def article_print(url: str, dump: Dump, event: Event | None) -> str | None:
    """What an article's documents depend on, as text: its parsed text (digest), as the event filled
    it in (date, zone), its URL, and its event's name and place. None when the dump has no digest."""
    if not dump.digest:
        return None
    return repr((dump.digest, dump.date, dump.date_source, dump.timezone, dump.timezone_source, url,
                 event.name if event else None, event.place if event else None))


def as_searched(event: Event) -> Event:
    """The event as its documents read it (:func:`article_documents`, :func:`article_print`): its name,
    place and articles, its timelines left out. Handed to the search process, whole events were most
    of what it held before its first document (about 560 MB of 630 at 100,000 dumps)."""
    return replace(event, timeline=(), untimed=(), key_moments=())


def documents(events: list[Event], dumps: dict[str, Dump], urls: dict[str, str]) -> list[SearchDoc]:
    """Every update of every article as a search document, sorted by ref."""
    event_of = events_by_article(events)
    docs = [doc for key, dump in dumps.items() for doc in article_documents(urls[key], dump, event_of.get(key))]
    docs.sort(key=lambda d: d.ref)
    return docs
