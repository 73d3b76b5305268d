"""Date evidence: how much what two articles say about their day agrees with their being one event.

Text similarity cannot tell a verdict from the sentencing nine weeks later, or one year's election
from the next: they share their people, places and words. What tells them apart is the day each
article reports on, and an undated article still gives clues to it: the weekday words of its lede
("... on Friday"), a day and month written without a year ("June 25"), the years it writes (an
article cannot write a year after its own, give or take the next one). Grouping adds the score of
these rules to the text similarity, so date proximity is evidence, not a gate, and undated coverage
can join. Pure rules over the tables below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from news_archive.parse import vocab
from news_archive.parse.model import Dump, pickled_by_fields
from news_archive.parse.rules import STOPWORDS

#: Days between two dated articles -> what it adds to their similarity (beyond: they are apart).
DAY_GAP = {0: 0.05, 1: 0.03, 2: 0.0, 3: -0.05}
APART = -0.1
#: Kept lines under the headline that make the lede (page chrome removed between them does not count):
#: its weekday words and days name the article's own day.
LEDE_LINES = 5
#: Weekday words of the lede that fall in (or miss) an event's days, one day either side.
WEEKDAY_AGREES, WEEKDAY_DISAGREES = 0.05, -0.05
#: A day and month without a year that falls in an event's days (one either side); or only far ones.
DAY_AGREES, DAY_DISAGREES = 0.08, -0.03
#: Two undated ledes that name the same or next weekday (or day), or different ones.
LEDES_AGREE, LEDES_DISAGREE = 0.12, -0.12
#: An article that writes a year after its event's next one is not about it.
LATER_YEAR = -1.0
#: The stage of a story its headline names: a verdict, the sentencing weeks later and an appeal are
#: three events of one case, however alike their text; an anniversary is not the event itself. Two
#: headlines that name different stages count against each other.
STAGES = [
    ("verdict", re.compile(r"\b(?:verdict|guilty|convicted|acquitted|conviction)\b", re.IGNORECASE)),
    ("sentence", re.compile(r"\bsentenc(?:ed|ing|e)\b", re.IGNORECASE)),
    ("appeal", re.compile(r"\bappeals? (?:court|ruling|hearing)\b|\b(?:loses|wins|files|lodges) (?:an |his |her |their )?appeal\b", re.IGNORECASE)),
    ("anniversary", re.compile(r"\banniversary\b|\b(?:one|two|three|five|ten|\d+) years? (?:on|after|since|later)\b", re.IGNORECASE)),
]
STAGES_DIFFER = -1.0
#: Kinds of event a headline names, each word with its family: headlines that name kinds of two
#: different families ("earthquake" and "strike") report two events.
EVENT_KINDS = {
    **dict.fromkeys("earthquake earthquakes quake quakes aftershock tsunami".split(), "earthquake"),
    **dict.fromkeys("storm storms hurricane typhoon cyclone flood floods flooding".split(), "storm"),
    **dict.fromkeys("wildfire wildfires bushfire bushfires".split(), "wildfire"),
    **dict.fromkeys("eruption volcano".split(), "eruption"),
    **dict.fromkeys("election elections referendum".split(), "election"),
    **dict.fromkeys("summit".split(), "summit"),
    **dict.fromkeys("trial verdict sentenced sentencing".split(), "trial"),
    **dict.fromkeys("protest protests protesters march rally".split(), "protest"),
    **dict.fromkeys("strike strikes walkout".split(), "strike"),
    **dict.fromkeys("marathon tournament final olympics match".split(), "sport"),
    **dict.fromkeys("coronation funeral inauguration ceremony".split(), "ceremony"),
}
KINDS_DIFFER = -0.3
#: A name and the number (one or two digits) that tells its generations or instances apart ("Series 4",
#: "iPhone 8", "Apollo 11"). A later or undated article that numbers a name above every number an
#: earlier article (or an event's coverage) gives it ("Series 4" against "Series 3") reports a later
#: one; one that numbers it only below counts a little against (coverage names the generation before,
#: but seldom only that).
_NUMBERED_NAME = re.compile(r"\b([A-Za-z]*[A-Z][a-z]+) (\d{1,2})\b(?![,.:\-\u2013]?\d)")
NUMBERS_LATER = -0.3
NUMBERS_BELOW = -0.05
_HEADLINE_WORD = re.compile(r"[a-z]+")

_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


#: The one empty set every article's clues share: most articles name no weekday, day, kind or number,
#: and an empty frozenset is 216 bytes of its own (Python keeps no single empty one).
NONE: frozenset = frozenset()


@pickled_by_fields  # through __init__: clues read back from the memo share the empty set too
@dataclass(slots=True, unsafe_hash=True)
class Clues:
    """What one article (or a group of undated ones, pooled) says about its day."""

    date: date | None = None
    weekdays: frozenset[str] = frozenset()  # in the lede
    days: frozenset[tuple[int, int]] = frozenset()  # (month, day) written without a year, anywhere
    lede_days: frozenset[tuple[int, int]] = frozenset()
    latest_year: int | None = None  # the latest year the text writes
    stage: str | None = None  # the latest stage of the story its headline names (``STAGES``)
    kinds: frozenset[str] = frozenset()  # the families of the kinds of event its headline names
    numbered: frozenset[tuple[str, str]] = frozenset()  # numbered names it writes: ("series", "4")

    def __post_init__(self):
        for name in _SETS:  # the set fields, below the class
            if not getattr(self, name):
                object.__setattr__(self, name, NONE)


_SETS = tuple(name for name, f in Clues.__dataclass_fields__.items() if isinstance(f.default, frozenset))


def clues_of(dump: Dump, text: str = "") -> Clues:
    """The clues of one article; ``text`` is its news text (for the years it writes)."""
    lede = lede_end(dump)
    years = [int(y) for y in _YEAR.findall(text)]
    headline = " ".join(filter(None, (dump.display_title, dump.display_dek)))
    stages = [name for name, pattern in STAGES if pattern.search(headline)]
    return Clues(
        stage=stages[-1] if stages else None,
        kinds=frozenset(EVENT_KINDS[w] for w in _HEADLINE_WORD.findall(headline.lower()) if w in EVENT_KINDS),
        date=dump.date,
        weekdays=frozenset(word for line, word in dump.weekdays if line <= lede),
        days=frozenset((month, day) for _, month, day in dump.partial_dates),
        lede_days=frozenset((month, day) for line, month, day in dump.partial_dates if line <= lede),
        latest_year=max(years) if years else None,
        numbered=frozenset(numbered_names(text)),
    )


def numbered_names(text: str) -> list[tuple[str, str]]:
    """The numbered names a text writes, lower-cased ("Series 4" -> ("series", "4")), leaving out days
    of months ("May 22"), weekdays, common words ("About 50") and countries (scores: "France 4-2")."""
    return [(name.lower(), number) for name, number in _NUMBERED_NAME.findall(text)
            if name.lower() not in vocab.MONTHS and name.lower() not in vocab.WEEKDAYS
            and name.lower() not in STOPWORDS and name not in vocab.COUNTRIES]


def lede_end(dump: Dump) -> int:
    """The last input line of the lede: the headline and the ``LEDE_LINES`` kept lines after it."""
    after = [p.line for p in dump.kept_paras if p.line > dump.title.line][:LEDE_LINES]
    return after[-1] if len(after) == LEDE_LINES else dump.line_count


def pooled(clues: list[Clues]) -> Clues:
    """The clues of a group of undated articles, together (the stage most of them name)."""
    years = [c.latest_year for c in clues if c.latest_year]
    return Clues(
        stage=common_stage(clues),
        kinds=frozenset().union(*(c.kinds for c in clues)),
        weekdays=frozenset().union(*(c.weekdays for c in clues)),
        days=frozenset().union(*(c.days for c in clues)),
        lede_days=frozenset().union(*(c.lede_days for c in clues)),
        latest_year=max(years) if years else None,
        numbered=frozenset().union(*(c.numbered for c in clues)),
    )


def common_stage(clues: list[Clues]) -> str | None:
    named = sorted(c.stage for c in clues if c.stage)
    return max(set(named), key=lambda s: (named.count(s), s)) if named else None


def between(a: Clues, b: Clues) -> float:
    """What two articles' clues add to their similarity (``reasons`` says it in words, rule by rule)."""
    score = stages_agree(a.stage, b.stage) + kinds_agree(a.kinds, b.kinds) + numbers_between(a, b)[0]
    if a.date and b.date:
        return score + DAY_GAP.get(abs((a.date - b.date).days), APART)
    if a.date or b.date:
        known, other = (a, b) if a.date else (b, a)
        return score + against_days(other, known.date, known.date)
    return score + ledes_agree(a, b)


def numbers_between(a: Clues, b: Clues) -> tuple[float, str]:
    """What two articles' numbered names add, and why: the later one (or the undated one, against a
    dated one; either, on the same day) read against the other. Nothing when both are undated."""
    if a.date and b.date and a.date == b.date:
        return min(numbers_between(replace(a, date=None), b), numbers_between(a, replace(b, date=None)))
    if not (a.date or b.date):
        return 0.0, ""
    older, newer = (a, b) if b.date is None or (a.date is not None and a.date < b.date) else (b, a)
    score = numbers_agree(newer.numbered, older.numbered)
    if score == NUMBERS_LATER:
        return score, f"the later or undated one numbers a name above the other ({', '.join(numbers_above(newer.numbered, older.numbered))})"
    if score:
        return score, f"the later or undated one numbers a name only below the other ({', '.join(numbers_above(older.numbered, newer.numbered))})"
    return 0.0, ""


def reasons(a: Clues, b: Clues) -> list[tuple[str, float]]:
    """Each rule that counts for or against two articles being one event, and what it adds."""
    found = [
        (f"their headlines name different stages ({a.stage}, {b.stage})", stages_agree(a.stage, b.stage)),
        (f"their headlines name different kinds of event ({', '.join(sorted(a.kinds))}; {', '.join(sorted(b.kinds))})",
         kinds_agree(a.kinds, b.kinds)),
    ]
    numbers, why = numbers_between(a, b)
    found.append((why, numbers))
    if a.date and b.date:
        gap = abs((a.date - b.date).days)
        found.append((f"dated {gap} day(s) apart", DAY_GAP.get(gap, APART)))
    elif a.date or b.date:
        known, other = (a, b) if a.date else (b, a)
        if later_year(other, known.date):
            found.append((f"the undated one writes {other.latest_year}, after the other's {known.date.year}", LATER_YEAR))
        else:
            found.append((f"the undated one's days without a year against {known.date}", days_agree(other, known.date, known.date)))
            found.append((f"the undated one's lede weekdays ({', '.join(sorted(other.weekdays))}) against {known.date:%A}",
                          weekdays_agree(other, known.date, known.date)))
    else:
        found.append(("their ledes' weekdays and days (both undated)", ledes_agree(a, b)))
    return [(why, score) for why, score in found if score]


def stages_agree(a: str | None, b: str | None) -> float:
    return STAGES_DIFFER if a and b and a != b else 0.0


def kinds_agree(a: frozenset[str], b: frozenset[str]) -> float:
    return KINDS_DIFFER if a and b and not a & b else 0.0


def numbers_above(newer: frozenset[tuple[str, str]], older: frozenset[tuple[str, str]]) -> list[str]:
    """The names ``newer`` numbers above every number ``older`` gives them ("series 4 against 3"):
    coverage of an event cannot write of a generation that came after it."""
    found = []
    for name in sorted({n for n, _ in newer} & {n for n, _ in older}):
        mine, theirs = [int(x) for n, x in newer if n == name], [int(x) for n, x in older if n == name]
        if max(mine) > max(theirs):
            found.append(f"{name} {max(mine)} against {max(theirs)}")
    return found


def numbers_agree(newer: frozenset[tuple[str, str]], older: frozenset[tuple[str, str]]) -> float:
    if numbers_above(newer, older):
        return NUMBERS_LATER
    return NUMBERS_BELOW if numbers_above(older, newer) else 0.0


def against_days(clues: Clues, first: date, last: date) -> float:
    """What an undated article's clues add to its similarity with an event of these days."""
    if later_year(clues, last):
        return LATER_YEAR
    return days_agree(clues, first, last) + weekdays_agree(clues, first, last)


def later_year(clues: Clues, last: date) -> bool:
    return clues.latest_year is not None and clues.latest_year > last.year + 1


def days_agree(clues: Clues, first: date, last: date) -> float:
    if not clues.days:
        return 0.0
    low, high = first - timedelta(days=1), last + timedelta(days=1)
    for month, day in clues.days:
        for year in {first.year, last.year}:
            try:
                if low <= date(year, month, day) <= high:
                    return DAY_AGREES
            except ValueError:
                continue
    return DAY_DISAGREES


def weekdays_agree(clues: Clues, first: date, last: date) -> float:
    if not clues.weekdays:
        return 0.0
    low = first - timedelta(days=1)
    span = {vocab.WEEKDAYS[(low + timedelta(days=i)).weekday()] for i in range((last - first).days + 3)}
    return WEEKDAY_AGREES if clues.weekdays & span else WEEKDAY_DISAGREES


def ledes_agree(a: Clues, b: Clues) -> float:
    """Two undated articles: the weekdays, and days, their ledes name are the same or next to each other."""
    score = 0.0
    if a.weekdays and b.weekdays:
        near = any(abs(vocab.WEEKDAYS.index(x) - vocab.WEEKDAYS.index(y)) in (0, 1, 6) for x in a.weekdays for y in b.weekdays)
        score += LEDES_AGREE if near else LEDES_DISAGREE
    if a.lede_days and b.lede_days:
        score += LEDES_AGREE if min(_days_apart(x, y) for x in a.lede_days for y in b.lede_days) <= 2 else LEDES_DISAGREE
    return score


def _days_apart(a: tuple[int, int], b: tuple[int, int]) -> int:
    try:
        return abs((date(2000, *a) - date(2000, *b)).days)  # a leap year: every written day exists
    except ValueError:
        return 366
