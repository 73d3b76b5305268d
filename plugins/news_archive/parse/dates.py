"""Dates, honestly inferred: from a header, from the text, or (later) from the event.

Never the file's mtime, never the build date. Each function is pure.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo as tzinfo_type
from zoneinfo import ZoneInfo

from news_archive.parse import vocab
from news_archive.parse.model import Dump, Para, Update, copy_with

logger = logging.getLogger(__name__)

#: Dates outside these years are refused as implausible for a news dump.
EARLIEST_YEAR, LATEST_YEAR = 1800, 2199


def plausible(day: date) -> bool:
    return EARLIEST_YEAR <= day.year <= LATEST_YEAR


def _month(parts: dict) -> int | None:
    if parts.get("monthnum"):
        return int(parts["monthnum"])
    return vocab.MONTHS.get(parts["month"].lower().rstrip("."))


def dates_in(text: str) -> list[tuple[int, date, str]]:
    """Every absolute date written in a text: (position, date, rule)."""
    found = []
    for rule, pattern in vocab.DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            try:
                found.append((match.start(), date(int(parts["year"]), _month(parts), int(parts["day"])), rule))
            except (TypeError, ValueError):
                continue  # "February 30, 2019" is not a date
    return sorted(found)


_DAY_MONTH_YEAR_DOTS = re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>\d{4})\b")  # a stamp's "4.5.2015"
#: A stamp's "9/28/2022": month first, as US pages write it, unless its first number cannot be a month
#: ("28/9/2022"); :func:`slashed_order` reads one order for a whole page.
_SLASHED = re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>\d{4})\b")


def slashed_order(texts: list[str]) -> str:
    """"dm" when any of a page's slashed stamp dates puts the day first (a first number over 12), else "md"."""
    return "dm" if any(int(m["a"]) > 12 for t in texts if (m := _SLASHED.search(t or ""))) else "md"


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


def long_date(day: date | None) -> str:
    """'April 25, 2019', the same on every build machine (no locale)."""
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}" if day else ""


def stamp_date(text: str, year: int | None, order: str = "md") -> date | None:
    """The date a stamp carries ("Fri., Oct. 12", "13 December 2019", "4.5.2015", "9/28/2022" in the page's
    ``order``), its year from ``year`` when it does not say; None when there is no date, or no year to read it in."""
    found = dates_in(text)
    if found:
        return found[0][1]
    dotted = _DAY_MONTH_YEAR_DOTS.search(text)
    slashed = _SLASHED.search(text)
    try:
        if slashed:
            first, second = int(slashed["a"]), int(slashed["b"])
            month, day = (second, first) if order == "dm" else (first, second)
            return date(int(slashed["year"]), month, day)
        if dotted:
            return date(int(dotted["year"]), int(dotted["month"]), int(dotted["day"]))
        match = vocab.PARTIAL_DATE.search(text)
        if match and year:
            return date(year, vocab.MONTHS[(match["month"] or match["month2"]).lower()], int(match["day"] or match["day2"]))
    except ValueError:
        return None
    return None


def text_date(paras: list[Para], captions: list[Para], page: list[Para] = ()) -> tuple[date, int, str] | None:
    """The dump's date from its text: captions and the opening paragraphs first, then the page's own
    lines above the article (a dropped "Published ..." or byline line), then the posts it embeds,
    then anywhere.

    Captions are written on the day the photo was taken; an article that embeds posts ("... — Ana
    Ruiz (@anaruiz) May 23, 2017") was written on or after the day of the latest; background dates
    ("the June 12, 2018 summit") usually come later in a story, so after those the first date in
    reading order wins.
    """
    for rule, candidates in (("date_in_caption", captions), ("date_in_opening", paras[:2]), ("date_on_page", page)):
        found = _first_day(rule, candidates)
        if found:
            return found
    posts = [(day, -para.line) for para in paras if (signed := vocab.EMBEDDED_POST_DATE.search(para.text))
             for _, day, _ in dates_in(signed["date"])]
    if posts:
        day, line = max(posts)  # the latest day, on its first line
        logger.debug("text_date: %s on line %d by date_of_posts", day, -line)
        return day, -line, "date_of_posts"
    return _first_day("date_in_text", paras)


def _first_day(rule: str, candidates: list[Para]) -> tuple[date, int, str] | None:
    for para in candidates:
        found = the_days(para.text)
        if found:
            logger.debug("text_date: %s on line %d by %s", found[0][1], para.line, rule)
            return found[0][1], para.line, rule
    return None


def the_days(text: str) -> list[tuple[int, date, str]]:
    """The dates a text gives as a day something happened on: a range ("between Nov. 28, 2005, and
    Oct. 12, 2006") or a vague phrase ("since May 25, 2020", "sometime after ...") is never one."""
    found = dates_in(text)
    return [
        item for n, item in enumerate(found)
        if not vocab.NOT_THE_DAY.search(text[max(0, item[0] - 30) : item[0]])
        and not (n and item[0] - found[n - 1][0] < 60 and vocab.RANGE_END.search(text[max(0, item[0] - 8) : item[0]]))
    ]


_HEADER_DATE_FORMATS = ["%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y/%m/%d", "%d.%m.%Y"]


def header_date(value: str) -> tuple[date, datetime | None]:
    """Parse a ``Date:`` header value; raises ValueError with a message a user can act on."""
    value = value.strip()
    stamp = None
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        for fmt in _HEADER_DATE_FORMATS:
            try:
                stamp = datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
    if stamp is None:
        found = [m for _, pattern in vocab.DATE_PATTERNS if (m := pattern.fullmatch(value))]
        try:
            parts = found[0].groupdict()
            stamp = datetime(int(parts["year"]), _month(parts), int(parts["day"]))
        except (IndexError, TypeError, ValueError):
            raise ValueError(f"cannot read the date {value!r}; write it as YYYY-MM-DD (e.g. 2019-04-25)") from None
    if not plausible(stamp.date()):
        raise ValueError(f"the date {value!r} is implausible for news (outside {EARLIEST_YEAR}-{LATEST_YEAR})")
    return stamp.date(), stamp if re.search(r"\d[T ]\d{1,2}:\d\d", value) else None


def partial_dates(paras: list[Para]) -> list[tuple[int, int, int]]:
    """Days and months written without a year: (line, month, day)."""
    found = []
    for p in paras:
        for m in vocab.PARTIAL_DATE.finditer(p.text):
            month = vocab.MONTHS[(m["month"] or m["month2"]).lower()]
            day = int(m["day"] or m["day2"])
            if 1 <= day <= 31:
                found.append((p.line, month, day))
    return found


def weekday_mentions(paras: list[Para]) -> list[tuple[int, str]]:
    """Weekday words in the text: (line, 'thursday')."""
    return [(p.line, m.group(1).lower()) for p in paras for m in vocab.WEEKDAY_WORD.finditer(p.text)]


def detect_order(minutes: list[int]) -> str:
    """'newest-first' (live blogs' convention) unless the time stamps clearly rise down the page.

    Two stamps are not evidence: ``1:15 a.m.`` above ``4:25 p.m.`` is a newest-first
    blog past midnight. It takes at least two rises, and more rises than falls.
    """
    rises = sum(1 for a, b in zip(minutes, minutes[1:]) if b > a)
    falls = sum(1 for a, b in zip(minutes, minutes[1:]) if b < a)
    return "oldest-first" if rises >= 2 and rises > falls else "newest-first"


#: A diary inside an update ("10am: The minister speaks ...", "3.30pm: MPs debate ...") lists what is
#: due later that day: its times run at least this many minutes past the update it is written in.
DIARY_AHEAD = 60
#: ... and it is a short list: a longer run of later times is the blog's own updates.
DIARY_LONGEST = 8


def diary_runs(minutes: list[int | None], starts: list[bool], order: str) -> list[tuple[int, int]]:
    """Runs of updates (first and last index) that are a diary inside the update before them, not updates.

    Each one opens with its time (``starts``: "10am: ..."), all are at least :data:`DIARY_AHEAD` minutes
    after the update before the run, they are in time order, at most :data:`DIARY_LONGEST` of them, and
    the next update carries on the blog's own order from the one before the run: in an oldest-first
    blog it is no earlier than that update and earlier than the whole run (8.40am, [10am, 10am, 3.30pm],
    8.50am); in a newest-first blog it is no later than that update (8.40am, [10am, 3.30pm], 8.20am).
    A day that rolls over breaks that: 11.30pm, 12.10am is the blog going on, not a diary."""
    runs: list[tuple[int, int]] = []
    i = 1
    while i < len(minutes):
        before = minutes[i - 1]
        if before is None or not _ahead(minutes[i], starts[i], before):
            i += 1
            continue
        j = i
        while j + 1 < len(minutes) and _ahead(minutes[j + 1], starts[j + 1], before) and minutes[j + 1] >= minutes[j]:
            j += 1
        after = minutes[j + 1] if j + 1 < len(minutes) else None
        if after is not None and j - i < DIARY_LONGEST:
            if (before <= after < min(minutes[i : j + 1])) if order == "oldest-first" else after <= before:
                runs.append((i, j))
        i = j + 1
    return runs


def _ahead(minute: int | None, starts: bool, before: int) -> bool:
    return starts and minute is not None and minute >= before + DIARY_AHEAD


def day_offsets(minutes: list[int | None], order: str) -> list[int]:
    """Days after the first day for each update: a time that goes back in time order starts a new day.

    In a newest-first blog, ``1:15 a.m.`` above ``4:25 p.m.`` belongs to the next day.
    Updates without a time keep the day of the update before them in time order.
    """
    indices = list(range(len(minutes)))
    if order == "newest-first":
        indices.reverse()
    days = [0] * len(minutes)
    day, previous = 0, None
    for i in indices:
        if minutes[i] is not None:
            if previous is not None and minutes[i] < previous:
                day += 1
            previous = minutes[i]
        days[i] = day
    return days


def as_utc(moment: datetime) -> datetime:
    """An aware moment in UTC: moments in many zones sort by their instant, and fast (aware datetimes
    of different zones compare through each one's offset, every comparison)."""
    return moment.astimezone(timezone.utc)


def zone_info(name: str | None) -> timezone | ZoneInfo | None:
    if not name:
        return None
    if name in ("UTC", "Etc/GMT"):
        return timezone.utc
    return ZoneInfo(name)


def update_datetime(update: Update, day: date, tzinfo: tzinfo_type | None) -> datetime | None:
    """An update's moment on ``day``: in its own offset when its stamp names one, else in ``tzinfo``
    (the dump's zone, :func:`zone_info`)."""
    if update.time is None:
        return None
    hour, minute = map(int, update.time.split(":"))
    local = datetime.combine(day, time(hour, minute))
    if update.utc_offset is not None:
        return local.replace(tzinfo=timezone(timedelta(minutes=update.utc_offset)))
    return local.replace(tzinfo=tzinfo) if tzinfo else local


def with_date(dump: Dump, day: date | None, source: str | None, own: dict[int, date] | None = None, **changes) -> Dump:
    """The dump with its date set and every update dated in the dump's zone.

    The first day of the coverage is ``day``; updates after a midnight roll over. An update whose
    stamp carries its own date (``own``, by update line) takes that date. ``changes``: other fields
    set in the same copy (a zone given with the date: the updates are dated in it). Every build dates
    an archive's undated coverage again, so the dump is copied once, and each update once.
    """
    if day is None:
        return copy_with(dump, **changes) if changes else dump
    own = own or {}
    tzinfo = zone_info(changes["timezone"] if "timezone" in changes else dump.timezone)
    updates = []
    for u in dump.updates:
        on = own.get(u.line) or (day + timedelta(days=u.day) if u.day else day)
        updates.append(copy_with(u, date=on, datetime=update_datetime(u, on, tzinfo)))
    return copy_with(dump, date=day, date_source=source, updates=tuple(updates), **changes)
