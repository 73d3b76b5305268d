"""The dump model as the JSON that ``news-archive inspect`` prints (documented in the README)."""

from __future__ import annotations

from news_archive.parse.dates import zone_info
from news_archive.events import Entry, Event
from news_archive.parse.model import Dump, Para, Update


def _text(p: Para | None) -> str | None:
    return p.text if p else None


def update_json(update: Update) -> dict:
    return {
        "id": update.id,
        "line": update.line,
        "time_text": update.time_text,
        "time": update.time,
        "datetime": update.datetime.isoformat() if update.datetime else None,
        "headline": _text(update.headline),
        "paragraphs": [p.text for p in update.paragraphs],
        "captions": [c.text for c in update.captions],
    }


def dump_json(dump: Dump) -> dict:
    return {
        "file": dump.name,
        "title": dump.display_title,
        "title_suffix": dump.title_suffix,
        "dek": dump.display_dek,
        "kind": dump.kind,
        "dateline": dump.dateline,
        "place": dump.place,
        "agency": dump.agency,
        "source": dump.source,
        "authors": list(dump.authors),
        "url": dump.url,
        "event": dump.event,
        "date": dump.date.isoformat() if dump.date else None,
        "date_source": dump.date_source,
        "timezone": dump.timezone,
        "timezone_source": dump.timezone_source,
        "order": dump.order,
        "encoding": dump.encoding,
        "intro": [p.text for p in dump.intro],
        "body": [p.text for p in dump.body],
        "captions": [c.text for c in dump.captions],
        "updates": [update_json(u) for u in dump.updates],
        "dropped": [{"line": d.line, "text": d.text, "reason": d.reason} for d in dump.dropped],
        "problems": [{"line": p.line, "message": p.message, "level": p.level} for p in dump.problems],
        "lines": {key: len(value) for key, value in dump.accounting().items()} | {"total": dump.line_count},
    }


def _ref(article: str, update: str | None) -> dict:
    return {"article": article, "update": update}


def entry_json(entry: Entry, zone) -> dict:
    moment = entry.datetime.astimezone(zone) if (entry.datetime and zone) else entry.datetime
    return {
        "article": entry.article,
        "update": entry.update,
        "datetime": moment.isoformat() if moment else None,
        "approximate": entry.approximate,
        "first_report": entry.first_report,
        "also_reported_by": [_ref(r.article, r.update) for r in entry.also_reported_by],
    }


def event_json(event: Event, dumps: dict[str, Dump]) -> dict:
    """An event as ``news-archive events`` prints it; times are shown in the event's zone."""
    zone = zone_info(event.timezone)
    return {
        "slug": event.slug,
        "name": event.name,
        "name_source": event.name_source,
        "date_start": event.date_start.isoformat() if event.date_start else None,
        "date_end": event.date_end.isoformat() if event.date_end else None,
        "place": event.place,
        "timezone": event.timezone,
        "articles": [
            {
                "slug": key,
                "file": dumps[key].name,
                "title": dumps[key].display_title,
                "source": dumps[key].source,
                "date": dumps[key].date.isoformat() if dumps[key].date else None,
                "date_source": dumps[key].date_source,
            }
            for key in event.articles
        ],
        "timeline": [entry_json(e, zone) for e in event.timeline],
        "time_not_given": [entry_json(e, zone) for e in event.untimed],
        "key_moments": [_ref(e.article, e.update) for e in event.key_moments],
    }
