"""The dump model as the JSON that ``news-archive inspect`` prints (documented in the README)."""

from __future__ import annotations

from .model import Dump, Para, Update


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
        "dek": dict(dump.header).get("dek") or _text(dump.dek),
        "kind": dump.kind,
        "dateline": dump.dateline,
        "place": dump.place,
        "agency": dump.agency,
        "source": dump.source,
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
