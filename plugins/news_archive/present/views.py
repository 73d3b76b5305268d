"""What templates show, computed from events and dumps. Pure: URLs come in as a mapping.

Templates stay simple: each row of a timeline arrives with its article, update,
local time label and the other reports of the same fact, ready to print.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from news_archive.parse.anchors import slugify
from news_archive.parse.dates import as_utc, long_date, zone_info
from news_archive.events import Entry, Event
from news_archive.events.similarity import shingles
from news_archive.parse.model import Dump, Update
from news_archive.present.render import clock


def source_label(dump: Dump) -> str:
    """'The Western Journal (AP)', 'Reuters', or 'Unnamed source' when the dump does not say."""
    if dump.source and dump.agency and dump.agency.lower() not in dump.source.lower():
        return f"{dump.source} ({dump.agency})"
    return dump.source or dump.agency or "Unnamed source"


def outlet(dump: Dump) -> str | None:
    """Whose report an article is: the agency of a wire story (its syndicator only published it), else
    the outlet, else None (not named: counted as unknown, never as an outlet of its own)."""
    return dump.agency or dump.source


def coverage(event: Event, dumps: dict[str, Dump]) -> tuple[list[str], int]:
    """The outlets an event's coverage names, most articles first, and how many articles name none."""
    counts: dict[str, int] = {}
    unknown = 0
    for key in event.articles:
        name = outlet(dumps[key])
        if name:
            counts[name] = counts.get(name, 0) + 1
        else:
            unknown += 1
    return sorted(counts, key=lambda n: (-counts[n], n)), unknown


def coverage_line(event: Event, dumps: dict[str, Dump], shown: int = 3) -> str:
    """"4 articles from AP, Reuters and 1 more outlet" / "3 articles, outlets not named"."""
    outlets, unknown = coverage(event, dumps)
    count = len(event.articles)
    line = f"{count} article{'s' if count != 1 else ''}"
    if not outlets:
        return line + (", outlet not named" if count == 1 else ", outlets not named")
    names = outlets[:shown]
    more = len(outlets) - len(names)
    listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 and not more else ", ".join(names)
    if more:
        listed += f" and {more} more outlet{'s' if more != 1 else ''}"
    line += f" from {listed}"
    return line + (f" ({unknown} not named)" if unknown else "")


#: Two articles whose opening paragraphs share this share of their word 3-grams are copies of one
#: (wire) story: the event lists the first as the report and the others as "also published by".
SAME_STORY = 0.6


def copies(event: Event, dumps: dict[str, Dump]) -> dict[str, list[str]]:
    """For each article of the event that others copied: the keys of those copies, in the event's order;
    a copy itself is not a key."""
    def opening(dump: Dump) -> set:
        paras = list(dump.intro + dump.body) or [p for u in dump.updates[:3] for p in u.paragraphs[:1]]
        return shingles(" ".join(p.text for p in paras[:4]))

    grams = {key: opening(dumps[key]) for key in event.articles}
    found: dict[str, list[str]] = {}
    taken: set[str] = set()
    for i, key in enumerate(event.articles):
        if key in taken or len(grams[key]) < 10:
            continue
        for other in event.articles[i + 1:]:
            if other in taken or len(grams[other]) < 10:
                continue
            a, b = grams[key], grams[other]
            if len(a & b) / min(len(a), len(b)) >= SAME_STORY:
                found.setdefault(key, []).append(other)
                taken.add(other)
    return found


def source_slug(dump: Dump) -> str:
    return slugify(source_label(dump), max_words=10) or "unnamed"


@dataclass(frozen=True)
class Report:
    """One update (or a whole story) of one article, ready to link to."""

    key: str
    dump: Dump
    update: Update | None
    url: str  # the article's URL plus the update's anchor

    @property
    def source(self) -> str:
        return source_label(self.dump)

    @property
    def headline(self) -> str:
        if self.update is None:
            return self.dump.display_title
        return self.update.lede


@dataclass(frozen=True)
class Also:
    """Another source's report of the same fact, with its own time label."""

    report: Report
    time_label: str


@dataclass(frozen=True)
class Row:
    report: Report
    entry: Entry
    moment: datetime | None  # in the event's zone
    time_label: str  # "12:30 p.m.", "about 12:30 p.m." or ""
    also: tuple[Also, ...]


def _report(key: str, update_id: str | None, dumps: dict[str, Dump], urls: dict[str, str], by_id: dict) -> Report:
    """``by_id`` keeps each dump's updates by id, so a live blog of thousands of updates is indexed once."""
    dump = dumps[key]
    update = None
    if update_id:
        if key not in by_id:
            by_id[key] = {u.id: u for u in dump.updates}
        update = by_id[key].get(update_id)
    url = urls[key] + (f"#{update_id}" if update_id else "")
    return Report(key, dump, update, url)


def _moment_and_label(entry: Entry, zone, source: Dump | None = None) -> tuple[datetime | None, str]:
    """The entry's moment in the event's zone, and its label: in the event's zone, or in its source's own
    zone when the source gives its times in another one ("all times local" to its dateline, or its
    header's), named ("9:20 a.m. Moscow time"), so the event page shows the time the article shows."""
    moment = entry.datetime.astimezone(zone) if (entry.datetime and zone) else entry.datetime
    shown, where = moment, ""
    own = source_zone(source) if source is not None else None
    own_key = getattr(own, "key", None)
    if moment is not None and own_key and zone is not None and own_key != getattr(zone, "key", None) and not entry.approximate:
        shown = entry.datetime.astimezone(own)
        where = f" {own_key.rpartition('/')[2].replace('_', ' ')} time"
    label = clock(f"{shown.hour:02d}:{shown.minute:02d}") + where if shown else ""
    return moment, (f"about {label}" if label and entry.approximate else label)


def source_zone(dump: Dump):
    """The zone a source gives its own times in, when it says so (a header, "all times local", or its stamps' zone)."""
    return zone_info(dump.timezone) if dump.timezone and dump.timezone_source in ("header", "text", "stamp") else None


def rows(entries, event: Event, dumps: dict[str, Dump], urls: dict[str, str]) -> list[Row]:
    zone = zone_info(event.timezone)
    by_ref = {e.ref: e for e in event.timeline + event.untimed}
    by_id: dict = {}
    result = []
    for entry in entries:
        moment, label = _moment_and_label(entry, zone, dumps[entry.article])
        also = tuple(
            Also(_report(r.article, r.update, dumps, urls, by_id),
                 _moment_and_label(by_ref[r], zone, dumps[r.article])[1] if r in by_ref else "")
            for r in entry.also_reported_by
        )
        result.append(Row(_report(entry.article, entry.update, dumps, urls, by_id), entry, moment, label, also))
    return result


@dataclass(frozen=True)
class Day:
    date: date | None  # None: the date is not known
    rows: tuple[tuple[Event, Row], ...]
    continued: bool = False  # the day began on the previous page


def _event_rows(event: Event, dumps: dict[str, Dump], urls: dict[str, str]) -> list[tuple]:
    """An event's rows of the site timeline: ``(local day, sort key, Row)``; first reports only.

    Untimed reports of a dated article go on their article's day, after the timed ones.
    """
    found = []
    for row in rows([entry for entry in event.timeline if entry.first_report], event, dumps, urls):
        key = (1, as_utc(row.entry.datetime).isoformat(), event.slug, row.report.url)
        found.append((row.moment.date(), key, row))
    for row in rows(event.untimed, event, dumps, urls):
        day = row.report.update.date if row.report.update else row.report.dump.date
        found.append((day, (0, "", event.slug, row.report.url), row))
    return found


def _by_day(items: list[tuple]) -> list[Day]:
    """``(day, sort key, row)`` items as days: newest day first, newest first within a day."""
    by_day: dict[date | None, list[tuple]] = {}
    for day, key, row in items:
        by_day.setdefault(day, []).append((key, row))
    days = []
    for day in sorted(by_day, key=lambda d: (d is not None, d or date.min), reverse=True):
        ordered = sorted(by_day[day], key=lambda item: item[0], reverse=True)
        days.append(Day(day, tuple(row for _, row in ordered)))
    return days


def shown(event: Event, row: Row) -> tuple:
    """What the timeline prints of a row, as plain data: what a page's fingerprint is made of."""
    also = tuple((o.report.url, o.report.source, o.time_label) for o in row.also)
    return (event.slug, event.name, row.report.url, row.report.headline, row.report.source, row.time_label, row.moment, also)


def event_items(event: Event, dumps: dict[str, Dump], urls: dict[str, str]) -> list[tuple]:
    """One event's part of the site timeline, as plain data: ``(day, sort key, shown)`` per row.

    :func:`light_days` orders every event's items into days (newest first, first reports only), with
    ``(event slug, shown)`` for rows; an event's items can be kept from the last build, and
    :func:`real_days` turns the days of one page back into rows for the template.
    """
    return [(day, key, shown(event, row)) for day, key, row in _event_rows(event, dumps, urls)]


def light_days(items: list[tuple]) -> list[Day]:
    """Every event's items by local day, newest day first, newest first within a day; each row is ``(event slug, shown)``."""
    return _by_day([(day, key, (seen[0], seen)) for day, key, seen in items])


def real_days(days: list[Day], events: dict[str, Event], dumps: dict[str, Dump], urls: dict[str, str]) -> list[Day]:
    """Light days (of one page) with their rows made again: ``(event, Row)`` per row."""
    made: dict[tuple[str, str], tuple[Event, Row]] = {}
    for slug in sorted({slug for day in days for slug, _ in day.rows}):
        for _, _, row in _event_rows(events[slug], dumps, urls):
            made[(slug, row.report.url)] = (events[slug], row)
    return [Day(day.date, tuple(made[(slug, seen[2])] for slug, seen in day.rows), day.continued) for day in days]


def paginate(days: list[Day], per_page: int) -> list[list[Day]]:
    """Pages of at most ``per_page`` rows; a day is split only when it alone is longer."""
    pages: list[list[Day]] = [[]]
    count = 0
    for day in days:
        rows_left = list(day.rows)
        continued = False
        while rows_left:
            room = per_page - count
            if room <= 0 or (count and len(rows_left) > room and len(rows_left) <= per_page):
                pages.append([])
                count, room = 0, per_page
            chunk, rows_left = rows_left[:room], rows_left[room:]
            pages[-1].append(Day(day.date, tuple(chunk), continued))
            count += len(chunk)
            continued = True
    return [page for page in pages if page] or [[]]


def date_span(first: date | None, last: date | None) -> str:
    """'April 25, 2019', 'April 24–26, 2019', 'April 30 – May 2, 2019'."""
    if not first:
        return "date unknown"
    if not last or last == first:
        return long_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.strftime('%B')} {first.day}\u2013{last.day}, {last.year}"
    if first.year == last.year:
        return f"{first.strftime('%B')} {first.day} \u2013 {last.strftime('%B')} {last.day}, {last.year}"
    return f"{long_date(first)} \u2013 {long_date(last)}"


def utc_offset_label(moment: datetime) -> str:
    """'UTC+10', 'UTC-4', 'UTC+5:30'."""
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_line(dump: Dump) -> str | None:
    """'Times are local to Vladivostok, UTC+10' for a live blog with times in a known zone."""
    stamps = [u.datetime for u in dump.updates if u.datetime and u.datetime.tzinfo]
    if not stamps or not dump.timezone:
        return None
    offsets = sorted({utc_offset_label(s) for s in stamps})
    place = dump.city or dump.timezone.rpartition("/")[2].replace("_", " ")
    return f"Times are local to {place}, {' / '.join(offsets)}"
