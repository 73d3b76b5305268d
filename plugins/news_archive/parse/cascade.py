"""The dump parser: raw text in, a :class:`~news_archive.parse.model.Dump` out. Pure; no Pelican.

The cascade, in order:

1. decode bytes and split lines (:mod:`.text`), read the optional header (:mod:`.header`);
2. classify each line: blank or separator (layout), boilerplate (dropped), time stamp, or text;
3. the first text line is the title; the next may be a dek (named rules);
4. decide the kind (:mod:`.kind`): a time-stamped live blog, a headline-led live blog, or a story; and
   drop the page around the article (:mod:`.page`);
5. find the dateline in the opening paragraphs;
6. segment the text into intro, updates (or a story's body) and captions, dropping promos;
7. number the days of a blog that runs past midnight, give each update its anchor;
8. date and zone: header, then text; the events stage may fill them later.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from news_archive.parse import anchors, authors, dates, page, places, rules, vocab
from news_archive.parse.kind import find_kind
from news_archive.parse.header import read_header
from news_archive.parse.model import Dropped, Dump, Para, Problem, Update
from news_archive.parse.text import NotText, decode, split_lines

logger = logging.getLogger(__name__)


class DumpError(ValueError):
    """A dump that cannot be read at all. Carries the line, where there is one."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


# --- entry points ------------------------------------------------------------------------------


#: Larger files are refused: a news dump is one article; 10 MB of text is already a book.
MAX_DUMP_BYTES = 10_000_000
#: The rule of a related-stories label ("Also Watch", "Trending:"): the dates under it are its teasers'.
TEASER_LABEL = "trending_widget"
#: Paragraphs that make the opening: a day it writes without a year is the article's own (``unless_background``).
OPENING_PARAS = 5


def parse_file(path: str | Path, max_bytes: int | None = MAX_DUMP_BYTES) -> Dump:
    path = Path(path)
    size = path.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise DumpError(
            f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit for one dump: split it into one dump per "
            "article, or raise NEWS_ARCHIVE['max_dump_bytes']"
        )
    return parse_bytes(path.read_bytes(), name=path.name)


def parse_bytes(data: bytes, name: str = "<bytes>") -> Dump:
    try:
        source = decode(data)
    except NotText as error:
        raise DumpError(f"{error}: remove it from the dumps folder, or convert it to plain text") from None
    return parse_text(source.text, name=name, encoding=source.encoding, problems=source.problems)


def parse_text(text: str, name: str = "<text>", encoding: str = "utf-8", problems: tuple[Problem, ...] = ()) -> Dump:
    dump = _Parser(split_lines(text), name, encoding, list(problems)).parse()
    return dump.with_(digest=hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest())


# --- the cascade -------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_SYNDICATOR = re.compile(r"^(?P<site>[A-Z][\w .&'\u2019-]{1,60}?) has not reviewed this (?P<agency>[\w .]{2,40}?) (?:story|article)")


@dataclass
class _Token:
    kind: str  # "text", "time" (a line that is only a stamp) or "sep"
    line: int
    text: str
    stamp: rules.TimeStamp | None = None  # a "text" token may open (or close) with its update's stamp ...
    rest: str | None = None  # ... and this is its text without the stamp;
    stamp_at: str | None = None  # "start" (set off: "9:20 p.m.: ..."), "run-in" ("17.00 We ...") or "end" ("...published at")


@dataclass
class _Draft:
    """An update while it is being collected."""

    line: int
    stamp: rules.TimeStamp | None = None
    inline: bool = False  # the stamp is written on the update's first line, which is kept as text
    opens: str | None = None  # that first line whole, when the stamp opens it ("10am: ..."): a diary line, if it is one
    headline: Para | None = None
    paragraphs: list[Para] = field(default_factory=list)
    captions: list[Para] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.headline or self.paragraphs or self.captions)


#: How near the top a summary's label ("Highlights") stands: within this many lines of the dump, and of its
#: kept lines.
SUMMARY_LINES = 10
SUMMARY_TOKENS = 8


class _Parser:
    def __init__(self, lines: list[str], name: str, encoding: str, problems: list[Problem]):
        self.lines = lines
        self.name = name
        self.encoding = encoding
        self.problems = problems
        self.layout: list[int] = []
        self.dropped: list[Dropped] = []
        self.authors: list[str] = []
        self.dek_above_byline: int | None = None  # the line of a standfirst shown over the byline (dek_over_byline)
        self.summary_label: int | None = None  # the line of a label over the page's summary ("Highlights"), dropped
        self.credited: set[int] = set()  # captions by their place, over their photo's credit (page.captions_by_place)

    def drop(self, line: int, text: str, rule: str, why: str) -> None:
        self.dropped.append(Dropped(line, text, f"{rule}: {why}"))

    # 1-2: header and line classes
    def parse(self) -> Dump:
        if not any(line.strip() for line in self.lines):
            raise DumpError("empty dump: there is no text to read (add the headline on the first line)")
        fields, header_lines, header_problems = read_header(self.lines)
        self.problems += header_problems
        title, tokens = self.classify(len(header_lines))
        if title is None:
            raise DumpError("no headline: every line of the dump is header, boilerplate or layout", len(self.lines))
        tokens = authors.drop_author_box(tokens, self.lines, self.dropped, self.authors, self.drop)
        header = {key: value for key, (_, value) in fields.items()}
        # word -> how many distinct lines hold it: a promo repeated word for word cannot vouch for itself
        distinct = dict.fromkeys([title.text] + [t.text for t in tokens if t.kind == "text"])
        counts = Counter(w for t in distinct for w in rules.content_words(t))

        # 3: dek
        dek = self.dek_under_label(tokens) or self.find_dek(title, tokens)
        if dek is not None:
            tokens = [t for t in tokens if t.line not in (dek.line, self.summary_label)]

        # 4: kind, and the page around the article
        tokens = page.drop_page_stamp(tokens, self.drop)
        tokens = page.drop_teaser_ages(tokens, self.lines, self.dropped, self.drop)
        kind, mode = find_kind(header, title, tokens, self.dropped, self.problems)
        tokens = page.drop_teaser_blocks(tokens, self.lines, self.dropped, self.drop, mode)
        tokens = page.drop_page_edges(tokens, mode, self.drop, self.dek_above_byline)
        tokens = page.drop_lead_captions(tokens, mode, self.drop)
        tokens = page.drop_teaser_runs(tokens, mode, self.drop)
        tokens = page.drop_label_runs(tokens, self.lines, self.dropped, mode, self.drop)
        tokens = page.drop_source_list(tokens, mode, self.drop)
        tokens = page.drop_repeats_and_shouts(tokens, mode, self.drop)
        tokens = page.drop_glued_teasers(tokens, self.lines, title.text, mode, self.drop)

        # 5: dateline
        found = None
        for token in page.opening(tokens):
            found = rules.dateline(token.text)
            if found:
                dateline_para = token
                break

        # 6: segments
        self.credited = page.captions_by_place(tokens, self.lines, self.dropped, mode)
        intro, body, captions, drafts = self.segment(tokens, mode, counts)
        time_lines = [d.line for d in drafts if d.stamp and not d.inline]
        if mode == "timed" and not drafts:
            kind = "liveblog"

        # 7: days and anchors
        given = header.get("order") if header.get("order") in ("newest-first", "oldest-first") else None
        minutes = [d.stamp.minutes if d.stamp else None for d in drafts]
        order = given or dates.detect_order([m for m in minutes if m is not None])
        kept = self.fold_diaries(drafts, minutes, order)  # each folded one is inline: time_lines stand
        if kept is not drafts:  # the blog's order, read again without the diaries' times
            drafts = kept
            minutes = [d.stamp.minutes if d.stamp else None for d in drafts]
            order = given or dates.detect_order([m for m in minutes if m is not None])
        days = dates.day_offsets(minutes, order)
        updates = self.updates(drafts, days, order)

        source, agency = self.source_and_agency(header, found)
        suffix = rules.site_suffix(title.text, header.get("url"))
        source = source or (re.sub(r"^\W+", "", suffix).strip() if suffix else None)

        dump = Dump(
            name=self.name,
            line_count=len(self.lines),
            kind=kind,
            title=title,
            title_suffix=suffix,
            dek=dek,
            dateline=found.text if found else None,
            place=header.get("place") or (found.place if found else None),
            city=found.city if found else None,
            agency=agency,
            source=source,
            url=header.get("url"),
            event=header.get("event") or None,
            slug=anchors.slugify(header["slug"], max_words=20) if header.get("slug") else None,
            tags=tuple(t.strip() for t in header.get("tags", "").split(",") if t.strip()),
            authors=tuple(self.authors),
            order=order,
            intro=tuple(intro),
            body=tuple(body),
            captions=tuple(captions),
            updates=updates,
            header=tuple(sorted(header.items())),
            header_lines=tuple(header_lines),
            layout_lines=tuple(sorted(self.layout)),
            time_lines=tuple(time_lines),
            dropped=tuple(sorted(self.dropped, key=lambda d: d.line)),
            encoding=self.encoding,
        )
        all_paras = dump.kept_paras
        # the days the updates' stamps write ("Update 11:00 p.m. EDT July 16:") count with the text's
        stamped = [Para(d.line, d.stamp.date_text) for d in drafts if d.stamp and d.stamp.date_text]
        dump = dump.with_(weekdays=tuple(dates.weekday_mentions(all_paras)),
                          partial_dates=tuple(sorted(dates.partial_dates(all_paras + stamped))))

        # 8: zone and date
        zone, zone_source = self.find_zone(fields, found, dateline_para if found else None, intro, drafts)
        day, day_source, date_line = self.find_date(fields, all_paras)
        own = self.stamp_dates(drafts, day)
        if own and day_source != "header":  # the updates' own dates are stronger evidence than the page's
            day, day_source, date_line = min(own.values()), "text", min(own, key=lambda line: (own[line], line))
        if date_line is not None:
            dump = dump.with_(date_line=date_line)
        dump = dates.with_date(dump, day, day_source, own, timezone=zone, timezone_source=zone_source)
        if mode == "timed" and not zone:
            self.problems.append(Problem(None, "the update times have no time zone: add `Timezone: Area/City` to the header, or '(all times local)' and a dateline"))
        return dump.with_(problems=tuple(self.problems))

    @staticmethod
    def fold_diaries(drafts: list[_Draft], minutes: list[int | None], order: str) -> list[_Draft]:
        """A diary inside an update ("10am: The minister speaks ...", ``dates.diary_runs``) stays in it, as
        its paragraphs, stamps and all: not updates of their own."""
        runs = dates.diary_runs(minutes, [d.opens is not None for d in drafts], order)
        if not runs:
            return drafts
        for first, last in runs:
            host = drafts[first - 1]
            for d in drafts[first : last + 1]:
                host.paragraphs.append(Para(d.line, d.opens))  # the whole line, in place of its text after the stamp
                host.paragraphs.extend(p for p in d.paragraphs if p.line != d.line)
                host.captions.extend(d.captions)
        folded = {n for first, last in runs for n in range(first, last + 1)}
        return [d for n, d in enumerate(drafts) if n not in folded]

    def updates(self, drafts: list[_Draft], days: list[int], order: str) -> tuple[Update, ...]:
        """The updates, each with its anchor (unique across the blog, numbered from the oldest up)."""
        ids = anchors.unique_anchors(
            [
                anchors.base_anchor(
                    d.stamp.hhmm if d.stamp else None,
                    d.headline.text if d.headline else None,
                    (d.paragraphs or d.captions or [Para(d.line, str(d.line))])[0].text,
                )
                for d in drafts
            ],
            order,
        )
        return tuple(
            Update(
                id=ids[i],
                line=d.line,
                time_text=d.stamp.text if d.stamp else None,
                time=d.stamp.hhmm if d.stamp else None,
                utc_offset=d.stamp.utc_offset if d.stamp else None,
                day=days[i],
                headline=d.headline,
                paragraphs=tuple(d.paragraphs),
                captions=tuple(d.captions),
            )
            for i, d in enumerate(drafts)
        )

    @staticmethod
    def stamp_dates(drafts: list[_Draft], day) -> dict[int, object]:
        """update line -> the date its stamp carries ("Nov 10, 9:46 AM EST"), years read from the other stamps
        or the dump's date."""
        texts = [(d.line, d.stamp.date_text) for d in drafts if d.stamp and d.stamp.date_text]
        order = dates.slashed_order([text for _, text in texts])
        years = [found.year for _, text in texts if (found := dates.stamp_date(text, None, order))]
        year = years[0] if years else (day.year if day else None)
        own = {line: dates.stamp_date(text, year, order) for line, text in texts}
        return {line: found for line, found in own.items() if found and dates.plausible(found)}

    def source_and_agency(self, header: dict[str, str], found) -> tuple[str | None, str | None]:
        """The outlet and agency: the header's, the dateline's, else what the page's dropped lines say (a
        syndicator's disclaimer, a copyright line, a sign-off), else the ``URL:`` header's host. A dropped
        line that named them says so in its reason."""
        source, agency = header.get("source"), found.agency if found else None
        for index, item in enumerate(self.dropped):
            match = _SYNDICATOR.match(item.text)
            named = rules.outlet_named(item.text, item.reason.split(":")[0])
            if match:
                source = source or match["site"].strip()
                agency = agency or vocab.AGENCIES.get(match["agency"].strip().removesuffix(" Press").strip()) or vocab.AGENCIES.get(match["agency"].strip())
            elif named and not (source and agency):
                if vocab.AGENCIES.get(named) and not agency:
                    agency = vocab.AGENCIES[named]
                    became = f"the article's agency: {agency}"
                elif not source and not vocab.AGENCIES.get(named):
                    source = named
                    became = f"the article's source: {named}"
                else:
                    continue
                self.dropped[index] = Dropped(item.line, item.text, f"{item.reason} (became {became})")
        if not source and header.get("url"):
            source = rules.url_host(header["url"])
        return source, agency

    def find_date(self, fields: dict, paras: list[Para]):
        """``(day, its source, the line it was found on)``: the ``Date:`` header's, else the text's."""
        day, day_source, date_line = None, None, None
        if "date" in fields:
            line, value = fields["date"]
            try:
                day, _ = dates.header_date(value)
                day_source = "header"
            except ValueError as error:
                self.problems.append(Problem(line, f"{error}; the date is inferred from the text instead"))
        if day is None:
            # the page's own dated lines, in page order, "Updated ..." after "Published ..." (weaker);
            # below the article, a date under a related-stories label ("Also Watch") is a teaser's
            teasers = min((d.line for d in self.dropped if d.reason.startswith(TEASER_LABEL)
                           and paras and d.line > paras[0].line), default=None)
            page_lines = sorted(
                (Para(d.line, d.text) for d in self.dropped
                 if d.reason.startswith(vocab.DATED_CHROME) and (teasers is None or d.line < teasers)),
                key=lambda p: (bool(vocab.UPDATED_LINE.match(p.text)), p.line),
            )
            found_date = dates.text_date(paras, [p for p in paras if rules.caption(p.text)], page_lines)
            if found_date and not dates.plausible(found_date[0]):
                self.problems.append(Problem(found_date[1], f"the date {found_date[0].isoformat()} in the text is implausible for news and is not used; add a `Date:` header"))
                found_date = None
            found_date = self.unless_background(found_date, paras)
            if found_date:
                day, date_line, _ = found_date
                day_source = "text"
                self.report_conflict(day, date_line, page_lines)
        return day, day_source, date_line

    def report_conflict(self, day, line: int, page_lines: list[Para]) -> None:
        """The page's own published or updated line that gives another day (more than a day apart) is
        weaker evidence than the article's text: the text's day stands, and both lines are reported."""
        for para in page_lines:
            if para.line == line:
                continue
            for _, other, _ in dates.the_days(para.text)[:1]:
                if abs((other - day).days) > 1:
                    self.problems.append(Problem(line, (
                        f"dates disagree: line {line} gives {day.isoformat()}, the page's line {para.line} "
                        f"({para.text.strip()[:60]!r}) gives {other.isoformat()}; line {line}'s is used"
                    )))
                    return

    def unless_background(self, found_date, paras: list[Para]):
        """A date with its year in the text is background when the opening writes another day without a
        year (news style writes this year's dates without one: "sentenced on June 25 ... since May 25,
        2020"): the article takes that day in the year the text writes it with ("Friday 13 December ...
        on Friday 13 December 2019"), else is left for its event to date; both lines are reported."""
        if not found_date or found_date[2] in ("date_in_caption", "date_on_page"):
            return found_date
        day, line, _ = found_date
        opening = [(at, month, d) for at, month, d in dates.partial_dates(paras[:OPENING_PARAS])]
        if not opening or any(month == day.month and abs(d - day.day) <= 1 for _, month, d in opening):
            return found_date
        at, month, d = opening[0]
        written = sorted(full for para in paras for _, full, _ in dates.the_days(para.text) if (full.month, full.day) == (month, d))
        why = (f"the date {day.isoformat()} on line {line} looks like background: line {at} writes "
               f"{dates.MONTH_NAMES[month - 1]} {d} without a year, the article's own day")
        if written:
            self.problems.append(Problem(line, f"{why}, and the text writes it in {written[-1].year}"))
            return written[-1], at, "date_in_opening"
        self.problems.append(Problem(line, f"{why}; the article takes its event's date"))
        return None

    def classify(self, start: int) -> tuple[Para | None, list[_Token]]:
        title = None
        tokens: list[_Token] = []
        for number in range(start + 1, len(self.lines) + 1):
            raw = self.lines[number - 1]
            if _CONTROL.search(raw):
                raw = _CONTROL.sub(" ", raw)
                self.problems.append(Problem(number, "control characters replaced by spaces"))
            text = raw.strip()
            if not text:
                self.layout.append(number)
                continue
            if rules.is_separator(text):
                self.layout.append(number)
                tokens.append(_Token("sep", number, text))
                continue
            under_masthead = bool(self.dropped) and self.dropped[-1].line == number - 1 and self.dropped[-1].reason.startswith("live_notice")
            found = rules.boilerplate(text)
            if found and found[0] in vocab.DATED_CHROME and (rules.time_stamp(text) or vocab.DAY_HEADER.match(text)):
                found = None  # "Nov 10, 9:46 AM EST" is an update's stamp, "Tuesday, March 17" a day's header
            if found and title is None and vocab.OWN_LABEL.match(text):
                found = None  # "WATCH: Spire collapses as fire engulfs cathedral": the page's own headline, labelled
            if found and not (title is None and found[0] in vocab.SHORT_CHROME):  # the first line is the headline
                self.drop(number, text, *found)
                if found[0] == "video_label" and tokens and tokens[-1].kind == "text" and rules.looks_like_headline(tokens[-1].text):
                    video = tokens.pop()
                    self.drop(video.line, video.text, "video_label", "the title of a video, above its length and source")
                continue
            if title is None:
                title = Para(number, text)
                continue
            names = rules.byline(text)
            if names is None and under_masthead:
                names = rules.names_only(text)
            if names is None:
                names = rules.credit_line(text)
            if names is not None:  # () when the byline names only an agency
                self.authors += [n for n in names if n not in self.authors]
                self.drop(number, text, "byline", f"became the article's authors: {', '.join(names)}" if names
                          else "names an agency, no writer")
                continue
            helped = rules.contributors(text)
            if helped is not None:  # the people who helped the writers: named in the report, not the article's text
                self.drop(number, text, "contributors", f"a closing note on who contributed to the report: {', '.join(helped)}")
                continue
            stamp = rules.time_stamp(text)
            if stamp:
                tokens.append(_Token("time", number, text, stamp))
                continue
            prefix = rules.stamp_prefix(text)
            if prefix:
                tokens.append(_Token("text", number, text, prefix[0], prefix[1], "start" if prefix[2] else "run-in"))
                continue
            suffix = rules.stamp_suffix(text)
            tokens.append(_Token("text", number, text, *(suffix + ("end",) if suffix else ())))
        return title, tokens

    def dek_under_label(self, tokens: list[_Token]) -> Para | None:
        """The page's summary under its label near the top ("Highlights", "Story highlights", "Key points"): its
        first line is the dek, the label is chrome."""
        for i, token in enumerate(tokens[:SUMMARY_TOKENS]):
            if token.kind != "text" or token.line > SUMMARY_LINES or not vocab.SUMMARY_LABEL.match(token.text.strip()):
                continue
            under = tokens[i + 1] if i + 1 < len(tokens) else None
            if under is None or under.kind != "text" or under.stamp or len(under.text.split()) > 60 \
                    or rules.caption(under.text) or rules.dateline(under.text):
                return None
            self.drop(token.line, token.text, "summary_label", "the label over the page's summary (its first line became the dek)")
            self.summary_label = token.line
            return Para(under.line, under.text)
        return None

    def find_dek(self, title: Para, tokens: list[_Token]) -> Para | None:
        texts = tokens[:2]
        if not texts or texts[0].kind != "text":
            return self.dek_over_byline(tokens) if texts else None  # under the page's stamp
        line = texts[0].text
        after = texts[1].text if len(texts) > 1 and texts[1].kind == "text" else None
        if len(line.split()) > 60 or rules.dateline(line) or rules.caption(line) or rules.describes_a_photo(line):
            return None  # a lead photo's caption is no dek
        if rules.title_again(title.text, line):
            return None  # the headline shown again without the site's name (the site's name alone is dropped as site_name)
        if rules.dek_by_title_prefix(title.text, line) or rules.dek_before_dateline(line, after) or rules.dek_standfirst(line):
            return Para(texts[0].line, line)
        if after and len(line.split()) <= 4 and rules.dek_standfirst(after) and not rules.caption(after) \
                and not rules.describes_a_photo(after):  # under a section label ("Badge politics blog")
            return Para(texts[1].line, after)
        return self.dek_over_byline(tokens)

    #: What the page shows between a standfirst and the article's text: the byline, the writer's box, its date.
    BYLINE_RULES = ("byline", "author_box", "author_role", "dated_line", "date_only_line")

    def dek_over_byline(self, tokens: list[_Token]) -> Para | None:
        """The standfirst the page shows over its byline or date: the first paragraph under the headline (past
        short lines of page chrome and the page's stamp), when the byline or the date comes next, before the
        article's text (a photo's caption or page chrome may come between), and the article's text follows.
        The article's own first paragraph comes after the byline."""
        first = next((i for i, t in enumerate(tokens[:12]) if t.kind == "text" and rules.paragraph_like(t.text)), None)
        if first is None or any(t.kind == "sep" or (t.kind == "text" and len(t.text.split()) > 6)
                                or (t.kind == "time" and not vocab.YEAR.search(t.stamp.date_text or "")) for t in tokens[:first]):
            return None  # past the page's own stamp (with its year), but not past an update's
        dek = tokens[first]
        if not rules.standfirst_shaped(dek.text) or rules.caption(dek.text) or rules.describes_a_photo(dek.text) \
                or rules.dateline(dek.text) or dek.stamp:
            return None
        writer = {d.line for d in self.dropped if d.line <= dek.line + 8 and d.reason.split(":")[0] in self.BYLINE_RULES}
        if any(line < dek.line for line in writer):
            return None  # under the byline, the article's own first paragraph
        after = tokens[first + 1:]
        by_line = {t.line: t for t in itertools.takewhile(lambda t: t.line <= dek.line + 8, after)}
        credits = {d.line for d in self.dropped if dek.line < d.line <= dek.line + 8 and d.reason.startswith("photo_credit")}
        below = None
        for number in range(dek.line + 1, min(len(self.lines), dek.line + 8) + 1):
            if number in credits and below is None and not any(self.lines[n - 1].strip() for n in range(dek.line + 1, number)):
                return None  # a photo's caption, its credit on the next line
            token = by_line.get(number)
            if number in writer or (token is not None and token.kind == "time" and vocab.YEAR.search(token.stamp.date_text or "")):
                below = number  # the byline, or the page's date (a stamp with its year: an update's has none)
                break
            if token is None or token.kind == "sep":
                continue  # a blank line, or chrome a line rule dropped
            if rules.paragraph_like(token.text) and not (rules.caption(token.text) or rules.describes_a_photo(token.text)):
                return None  # the article's text before any byline: no standfirst over it
        if below is None:
            return None
        if not any(t.kind == "text" and t.line > below and rules.paragraph_like(t.text) for t in after):
            return None
        self.dek_above_byline = dek.line  # the article begins there: what lies between it and the text is the page's
        return Para(dek.line, dek.text)

    def segment(self, tokens: list[_Token], mode: str, counts: Counter):
        intro: list[Para] = []
        body: list[Para] = []
        captions: list[Para] = []
        drafts: list[_Draft] = []
        if mode == "story":
            for token in tokens:
                if token.kind == "sep":
                    continue
                if token.kind == "time":  # a time alone on its line in a story: a teaser's, or the page's
                    self.drop(token.line, token.text, "stray_stamp", "a time alone on its line in a story (a teaser's or the page's)")
                    continue
                para = Para(token.line, token.text)
                if rules.promo_prefix(token.text):
                    self.drop(token.line, token.text, "promo_headline", "a promoted headline of another story")
                elif self.is_caption(token):
                    captions.append(para)
                else:
                    body.append(para)
            return intro, body, captions, drafts

        current: _Draft | None = None
        after_separator = False
        # posts numbered as the page shows them ("1. Goodnight", "2. The vote"): each number opens a post, and
        # the lines between a number and its text (the post's writer, "Reporting from ...") are the post's
        numbered = mode == "headline" and sum(1 for t in tokens if t.kind == "text" and vocab.NUMBERED_POST.match(t.text)) >= 2
        for i, token in enumerate(tokens):
            if token.kind == "time":
                current = _Draft(token.line, token.stamp)
                drafts.append(current)
                after_separator = False
                continue
            if token.stamp and mode == "timed":
                current = _Draft(token.line, token.stamp, inline=True, opens=token.text if token.stamp_at == "start" else None)
                drafts.append(current)
                after_separator = False
                text = Para(token.line, token.rest)
                if rules.looks_like_headline(token.rest):
                    current.headline = text
                else:
                    current.paragraphs.append(text)
                continue
            if token.kind == "sep":
                # in a time-stamped blog a separator closes an update, and what follows before the next
                # stamp (an editor's note, a correction) still belongs to it
                current = drafts[-1] if mode == "timed" and drafts else None
                after_separator = bool(drafts) or mode == "headline"
                continue
            para = Para(token.line, token.text)
            is_headline = rules.looks_like_headline(token.text) and not rules.dateline(token.text)
            if numbered:
                is_headline = is_headline and bool(vocab.NUMBERED_POST.match(token.text))
            if current is None and not after_separator and not (mode == "headline" and is_headline):
                (captions if self.is_caption(token) else intro).append(para)
                continue
            if self.is_caption(token):
                if current is None:
                    current = _Draft(token.line)
                    drafts.append(current)
                current.captions.append(para)
                continue
            if is_headline and drafts and self.is_promo(token, tokens[i + 1 :], current, mode, counts):
                self.drop(token.line, token.text, "promo_headline", "a headline of another story injected between updates")
                continue
            starts_update = current is None or (
                mode == "headline" and is_headline and not current.empty and not vocab.LIST_ITEM.search(token.text)
            )
            if starts_update:
                current = _Draft(token.line)
                drafts.append(current)
                if mode == "timed":
                    self.problems.append(Problem(token.line, "an update without a time stamp in a time-stamped live blog"))
            if is_headline and current.empty:
                current.headline = para
            else:
                current.paragraphs.append(para)
        return intro, body, captions, drafts

    def is_caption(self, token: _Token) -> bool:
        """A photo's caption: by its own words (its credit, a caption's label) or by its place, over its credit."""
        return token.line in self.credited or bool(rules.caption(token.text))

    @staticmethod
    def is_promo(token: _Token, rest: list[_Token], current: _Draft | None, mode: str, counts: Counter) -> bool:
        """A headline line, once updates have begun, that is another story's: prefixed, or unrelated where
        no update would start."""
        if rules.promo_prefix(token.text):
            return True
        if vocab.LIST_ITEM.search(token.text) or vocab.NUMBERED_POST.match(token.text) or not rules.unrelated(token.text, counts):
            return False  # a list's line, a numbered post's headline ("4. Post update"), or about what the blog is about
        if rules.reads_as_sentence(token.text):
            return False  # an update's last sentence, its full stop lost
        if current is not None and current.empty:
            return False  # right under a time stamp: the update's own headline
        if mode == "timed":
            return True
        following = next((t for t in rest), None)
        return following is None or following.kind in ("sep", "time") or rules.looks_like_headline(following.text)

    def find_zone(self, fields, found, dateline_para, intro, drafts) -> tuple[str | None, str | None]:
        if "timezone" in fields:
            line, value = fields["timezone"]
            zone = places.known_zone(value)
            if zone:
                return zone, "header"
            self.problems.append(Problem(line, f"unknown time zone {value!r}: use an IANA name such as Asia/Vladivostok"))
        local = any(rules.all_times_local(p.text) for p in ([Para(dateline_para.line, dateline_para.text)] if dateline_para else []) + list(intro))
        if local and found and found.city:
            zone = places.zone_for_place(found.place)
            if zone:
                return zone, "text"
            self.problems.append(Problem(dateline_para.line, f"times are local to {found.city!r}, a place the zone tables do not know: add `Timezone: Area/City` to the header"))
        # "All times listed are local to Singapore" (the place's), "All times stated are UK" (the outlet's habit)
        noted = next((found for text in [p.text for p in intro] + [d.text for d in self.dropped] if (found := rules.times_note(text))), None)
        if noted:
            return noted
        zones = sorted({d.stamp.zone for d in drafts if d.stamp and d.stamp.zone})
        if zones:  # "10:15 a.m. EDT" (a fixed offset) or "2:24 p.m. ET" (the offset the date gives)
            # "stamp": the zone the page writes its times in, the outlet's habit ("ET" on a page about Helsinki)
            return places.zone_of_abbreviation(zones[0]), "stamp"
        return None, None
