"""Dates across sources: an undated member takes the event's date, a zoneless untimed one its zone.

An event none of whose coverage is dated still has a day when its coverage writes a day and month
without a year ("on June 25") and names a weekday ("Friday"): of the latest year the coverage writes
and the next, the one year that puts that day on that weekday (``calendar_day``)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from news_archive.events.evidence import lede_end
from news_archive.parse import dates, vocab
from news_archive.parse.model import Dump


#: A day and month without a year is read in the event's year when it falls this close to the event's days.
PARTIAL_DATE_DAYS = 7


def event_day_for(dump: Dump, first: date, last: date, main: date | None = None) -> date:
    """The day an undated member covers, from its own words read against the event's days, strongest
    first: a day and month its text writes inside the event's span; a weekday its lede names, on a day
    of the span or the day after ("on Thursday", the second day of a summit its dated coverage gives
    the first; not the day before, which is the night an attack began, reported the next morning: a
    weekday's night in the lede names the day after it);
    a day and month written near the event's days (read in the event's year, within
    ``PARTIAL_DATE_DAYS``); a weekday its text names inside the span; else the event's main day (the one
    most of its dated coverage reports on), else the first."""
    near = Counter()
    for _, month, day in dump.partial_dates:
        for year in sorted({first.year, last.year}):
            try:
                near[date(year, month, day)] += 1
            except ValueError:
                continue
    inside = Counter({d: n for d, n in near.items() if first <= d <= last})
    close = Counter({d: n for d, n in near.items() if abs(_days_outside(d, first, last)) <= PARTIAL_DATE_DAYS})
    everywhere = _weekday_days(dump, first, last + timedelta(days=1))
    for counts in (inside, _lede_days(dump, first, last + timedelta(days=1)), close,
                   _weekday_days(dump, first, last)):
        if counts:  # ties: the weekday the whole text names more, then the day nearer the span, then the earlier
            return min(counts, key=lambda d: (-counts[d], -everywhere[d], abs(_days_outside(d, first, last)), d))
    return main or first


def _days_outside(day: date, first: date, last: date) -> int:
    return (day - first).days if day < first else (day - last).days if day > last else 0


def _weekday_days(dump: Dump, first: date, last: date, until_line: int | None = None) -> Counter:
    """The days from ``first`` to ``last`` that the dump's weekday words name (up to a line), by mentions."""
    mentioned = Counter(word for line, word in dump.weekdays if until_line is None or line <= until_line)
    span = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return Counter({day: mentioned[vocab.WEEKDAYS[day.weekday()]] for day in span if mentioned[vocab.WEEKDAYS[day.weekday()]]})


#: Days either side of a day the calendar fitted that a lede's weekday may name.
LEDE_WEEKDAY_DAYS = 3


def lede_day_near(dump: Dump, day: date) -> date | None:
    """The day nearest ``day`` (within ``LEDE_WEEKDAY_DAYS``, the earlier of a tie) that the dump's lede
    names (:func:`_lede_days`): a report "on Saturday" of a match the day before the final its text dates."""
    reach = timedelta(days=LEDE_WEEKDAY_DAYS)
    named = _lede_days(dump, day - reach, day + reach)
    return min(named, key=lambda d: (abs((d - day).days), d)) if named else None


#: "Monday night" in a lede: the night an attack or a count began, reported the next day.
_WEEKDAY_NIGHT = re.compile(r"\b(" + "|".join(vocab.WEEKDAYS) + r")(?:['\u2019]s)? night\b", re.IGNORECASE)


def _lede_days(dump: Dump, first: date, last: date) -> Counter:
    """The days from ``first`` to ``last`` the lede's weekday words name, a weekday's night naming the
    day after it (the day its report covers)."""
    end = lede_end(dump)
    nights = Counter(word.lower() for p in dump.kept_paras if p.line <= end for word in _WEEKDAY_NIGHT.findall(p.text))
    days = _weekday_days(dump, first, last, end)
    for day in list(days):
        days[day] -= nights[vocab.WEEKDAYS[day.weekday()]]
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        days[day] += nights[vocab.WEEKDAYS[(day - timedelta(days=1)).weekday()]]
    return +days


def main_day(dated: list[date]) -> date:
    """The day most of an event's dated coverage reports on (the earliest of a tie)."""
    counts = Counter(dated)
    return min(counts, key=lambda d: (-counts[d], d))


def calendar_day(dumps: list[Dump], latest_year: int | None) -> date | None:
    """The day of coverage none of which is dated: a day and month it writes without a year, in the
    latest year it writes or the next, when that puts the day on a weekday it names. The best-attested
    such day (its day-and-month mentions plus its weekday's), or None when none fits or two tie."""
    if latest_year is None:
        return None
    days = Counter((month, day) for d in dumps for _, month, day in d.partial_dates)
    weekdays = Counter(word for d in dumps for _, word in d.weekdays)
    fits = Counter()
    for (month, day), count in days.items():
        for year in (latest_year, latest_year + 1):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            word = vocab.WEEKDAYS[candidate.weekday()]
            if weekdays[word] and dates.plausible(candidate):
                fits[candidate] = count + weekdays[word]
    ranked = fits.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


#: What filling gives one member: the zone it takes (or None), and the day and its source (or None).
Fill = tuple[str | None, date | None, str | None]
NO_FILL: Fill = (None, None, None)  # one object for most members: the events memo pickles it once


def fills(dumps: dict[str, Dump], latest_years: dict[str, int | None] | None = None) -> dict[str, Fill]:
    """What :func:`fill_dates` gives each member, as :data:`Fill`: undated members take the event's
    date (``date_source: event``); zoneless untimed ones its zone. Coverage none of which is dated
    takes its ``calendar_day`` (``date_source: weekday``), given the latest year each member writes."""
    dated = [d.date for d in dumps.values() if d.date]
    source = "event"
    if not dated:
        years = [y for y in (latest_years or {}).values() if y]
        day = calendar_day([dumps[k] for k in sorted(dumps)], max(years) if years else None)
        if day:
            dated, source = [day], "weekday"
    zones = Counter(d.timezone for d in dumps.values() if d.timezone)
    zone = min(zones, key=lambda z: (-zones[z], z)) if zones else None
    found = {}
    for key, dump in dumps.items():
        takes_zone = zone if not dump.timezone and zone and not any(u.time for u in dump.updates) else None
        day = None
        if dump.date is None and dated:
            if takes_zone:
                dump = dump.with_(timezone=takes_zone, timezone_source="event")  # the day is read in it
            if source == "weekday":  # a day the calendar fitted: the article's own lede weekday is read beside it
                day = lede_day_near(dump, dated[0]) or event_day_for(dump, dated[0], dated[0], dated[0])
            else:
                day = event_day_for(dump, min(dated), max(dated), main_day(dated))
        found[key] = (takes_zone, day, source if day is not None else None) if takes_zone or day is not None else NO_FILL
    return found


def filled(dump: Dump, fill: Fill) -> Dump:
    """The dump as :func:`fills` says it is filled."""
    zone, day, source = fill
    return dates.with_date(dump, day, source, **({"timezone": zone, "timezone_source": "event"} if zone else {}))


def fill_dates(dumps: dict[str, Dump], latest_years: dict[str, int | None] | None = None) -> dict[str, Dump]:
    """Undated members take the event's date (``date_source: event``); zoneless untimed ones its zone.
    Coverage none of which is dated takes its ``calendar_day`` (``date_source: weekday``), given the
    latest year each member writes."""
    return {key: filled(dumps[key], fill) for key, fill in fills(dumps, latest_years).items()}
