"""The dump model: what the parser makes of one raw text dump.

Plain dataclasses with slots, no behaviour beyond small conveniences, no Pelican import. (An archive
holds every parsed dump while it builds: without an instance dictionary per object a parsed dump
takes 19% less memory.) Values, never changed once made (``copy_with`` makes a changed copy), hashed
by their fields; not ``frozen``: a frozen dataclass's ``__init__`` sets each field through
``object.__setattr__``, and every build makes millions of these objects again from the caches
(unpickling the reader cache of 100,000 dumps took 6.6-8.1 s frozen, 4.3-5.7 s not). A test holds
that nothing in the package assigns to a field of one.
Every piece of text keeps the 1-based input line it came from, so the build
can prove that each input line is either shown or reported as dropped.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from datetime import date, datetime


def copy_with(value, **changes):
    """``dataclasses.replace`` for the model's classes, at a fraction of its cost (filling an
    archive's dates copies tens of thousands of updates on every build).

    The model's dataclasses are plain: slots, every field a positional ``__init__`` argument, no
    ``__post_init__``, so calling the class with the instance's fields, some changed, is exactly what
    ``replace`` builds (read at once by an ``attrgetter``: a third of the time of a copy field by field).
    """
    cls = type(value)
    known = _COPIERS.get(cls)
    if known is None:
        names = tuple(cls.__dataclass_fields__)
        getter = operator.attrgetter(*names)
        known = _COPIERS[cls] = ({name: i for i, name in enumerate(names)}, getter if len(names) > 1 else lambda v: (getter(v),))
    index, fields = known
    values = list(fields(value))
    for name, new in changes.items():
        place = index.get(name)
        if place is None:
            raise TypeError(f"{cls.__name__} has no field {sorted(changes.keys() - index.keys())}")
        values[place] = new
    return cls(*values)


_COPIERS: dict[type, tuple] = {}  # class -> (each field's place, a getter of all its fields)


def pickled_by_fields(cls):
    """Pickle instances as a call of their class with their fields, in order.

    For a class with slots, ``dataclasses`` pickles through a ``__setstate__`` written in Python that
    looks the fields up again for every object; a parsed dump is a few hundred such objects, and a build
    unpickles every dump at least once (from the parse workers, from Pelican's reader cache, in the
    search process). Called with its fields, a dump loads about three times faster (0.20 against
    0.065 s per 1,000 generated dumps) and pickles smaller. Applied after ``@dataclass``, to classes
    whose fields are all positional ``__init__`` arguments.
    """
    names = tuple(cls.__dataclass_fields__)
    fields = operator.attrgetter(*names)

    def __reduce__(self):
        values = fields(self)
        return type(self), (values if len(names) > 1 else (values,))

    cls.__reduce__ = __reduce__
    return cls


@pickled_by_fields
@dataclass(slots=True, unsafe_hash=True)
class Para:
    """One input line kept as a paragraph (or caption, headline, ...)."""

    line: int
    text: str


@pickled_by_fields
@dataclass(slots=True, unsafe_hash=True)
class Dropped:
    """One input line removed from the article, and the rule that removed it."""

    line: int
    text: str
    reason: str


@pickled_by_fields
@dataclass(slots=True, unsafe_hash=True)
class Problem:
    """Something the reader of the build log should know about a dump."""

    line: int | None
    message: str
    level: str = "warning"  # "warning" or "error"


@pickled_by_fields
@dataclass(slots=True, unsafe_hash=True)
class Update:
    id: str
    line: int  # first input line of the update
    time_text: str | None = None  # exactly as written, e.g. "8:40 p.m."
    time: str | None = None  # local 24-hour "HH:MM"
    utc_offset: int | None = None  # minutes, when the time line names a zone ("EDT")
    day: int = 0  # days after the blog's first day (newest-first rollover)
    date: date | None = None
    datetime: datetime | None = None
    headline: Para | None = None
    paragraphs: tuple[Para, ...] = ()
    captions: tuple[Para, ...] = ()

    @property
    def lede(self) -> str:
        """The headline, or else the first paragraph: what a listing shows."""
        if self.headline:
            return self.headline.text
        if self.paragraphs:
            return self.paragraphs[0].text
        return self.captions[0].text if self.captions else ""

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@pickled_by_fields
@dataclass(slots=True, unsafe_hash=True)
class Dump:
    """One parsed dump. Produced by :func:`news_archive.parse.parse_text` (and ``parse_file``)."""

    name: str  # file name, or another label for the text
    line_count: int
    kind: str  # "liveblog" or "story"
    title: Para
    title_suffix: str | None = None  # the site's name the title ends with (" | CNN"), left out of the shown title
    dek: Para | None = None
    dateline: str | None = None  # as written: "VLADIVOSTOK, Russia (AP)"
    place: str | None = None  # "Vladivostok, Russia"
    city: str | None = None  # "Vladivostok"
    agency: str | None = None  # "AP"
    source: str | None = None  # the outlet the dump was taken from
    url: str | None = None
    event: str | None = None  # an explicit Event: header
    slug: str | None = None  # an explicit Slug: header
    tags: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()  # from a byline line ("By Ana Swanson and Jim Tankersley")
    date: date | None = None
    date_source: str | None = None  # "header", "text" or "event"
    date_line: int | None = None
    timezone: str | None = None  # IANA name, e.g. "Asia/Vladivostok"
    timezone_source: str | None = None  # "header", "text" or "event"
    order: str = "newest-first"  # order of the updates in the source
    intro: tuple[Para, ...] = ()
    body: tuple[Para, ...] = ()
    captions: tuple[Para, ...] = ()  # captions outside any update
    updates: tuple[Update, ...] = ()
    weekdays: tuple[tuple[int, str], ...] = ()  # (line, weekday word) mentions
    partial_dates: tuple[tuple[int, int, int], ...] = ()  # (line, month, day) written without a year
    header: tuple[tuple[str, str], ...] = ()  # the header block as given, (key, value)
    header_lines: tuple[int, ...] = ()
    layout_lines: tuple[int, ...] = ()  # blank lines and ___ separators
    time_lines: tuple[int, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    problems: tuple[Problem, ...] = ()
    encoding: str = "utf-8"
    digest: str = ""  # sha1 of the decoded text: what incremental rebuilds key their caches on

    def with_(self, **changes) -> Dump:
        return copy_with(self, **changes)

    @property
    def display_title(self) -> str:
        """A ``Title:`` header wins over the dump's first line."""
        title = self.title.text.removesuffix(self.title_suffix) if self.title_suffix else self.title.text
        return dict(self.header).get("title") or title

    @property
    def display_dek(self) -> str | None:
        """A ``Dek:`` header wins over the dek found in the text."""
        return dict(self.header).get("dek") or (self.dek.text if self.dek else None)

    @property
    def kept_paras(self) -> list[Para]:
        """Every kept piece of text, in input order (title, dek, intro, updates...)."""
        paras = [self.title]
        if self.dek:
            paras.append(self.dek)
        paras += self.intro
        paras += self.body
        paras += self.captions
        for update in self.updates:
            if update.headline:
                paras.append(update.headline)
            paras += update.paragraphs
            paras += update.captions
        return sorted(paras, key=lambda p: p.line)

    def accounting(self) -> dict[str, list[int]]:
        """Which input lines went where; each line number appears exactly once."""
        return {
            "kept": [p.line for p in self.kept_paras],
            "time": list(self.time_lines),
            "header": list(self.header_lines),
            "layout": list(self.layout_lines),
            "dropped": [d.line for d in self.dropped],
        }


@pickled_by_fields
@dataclass(slots=True, unsafe_hash=True)
class SourceText:
    """Decoded input: the text, how it was decoded, and what was odd about it."""

    text: str
    encoding: str
    problems: tuple[Problem, ...] = field(default=())
