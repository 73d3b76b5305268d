"""The page around the article: where the article's own text begins and ends, and the chrome outside it.

A rule of the parser's cascade (``cascade.py``), over the tokens it classified; ``drop`` reports a line
removed, with its rule and why.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable

from news_archive.parse import rules, vocab
from news_archive.parse.text import line_above, line_below


def opening(tokens: list) -> list:
    """The text lines a dateline may open: up to the second paragraph (a caption or a byline may come first)."""
    found, paragraphs = [], 0
    for token in tokens:
        if token.kind != "text":
            continue
        found.append(token)
        paragraphs += rules.paragraph_like(token.text) and not rules.caption(token.text)
        if paragraphs == 2 or len(found) == 12:
            break
    return found


def drop_page_edges(tokens: list, mode: str, drop: Callable[[int, str, str, str], None], start: int | None = None) -> list:
    """Short lines before the article's first paragraph (and, in a story, after its last one) are
    page chrome: navigation, section labels, share bars, other stories' headlines; and above a
    story's first paragraph, a line shown again word for word is a gallery caption repeated.
    Captions, datelines, stamps and a list the article announces ("... state by state:") stay;
    so does everything between. ``start``: the line of the standfirst, when the page has one (the
    article begins there)."""
    texts = Counter(t.text for t in tokens if t.kind == "text" and len(t.text.split()) >= 3)
    repeated = {text for text, n in texts.items() if n > 1} if mode == "story" else set()
    running = [
        t for t in tokens
        if (t.kind == "time" and mode != "story") or (t.kind == "text" and ((t.stamp and mode != "story") or (
            rules.paragraph_like(t.text) and not rules.caption(t.text) and t.text not in repeated)))
    ]
    if not running:
        return tokens
    first, last = running[0].line, running[-1].line
    if start is not None:  # the page's standfirst, taken out of the tokens: the article begins there
        first = min(first, start)
    if mode == "headline":  # a numbered post's headline ("1. Goodnight") opens the posts
        numbered = [t for t in tokens if t.line < first and t.kind == "text" and vocab.NUMBERED_POST.match(t.text)]
        first = numbered[0].line if numbered else first
    kept, seen, announced = [], set(), running[-1].text.rstrip().endswith(":")
    figures = figure_runs(tokens)
    # the article's numbered items ("7. TRAGEDY IN NYPD ROBBERY RESPONSE"): the next one after its last
    # paragraph is its own (a dump cut short), not another story's headline
    numbered = [_item_number(t.text) for t in tokens if mode == "story" and t.kind == "text" and first <= t.line <= last]
    following = max(n for n in numbered if n) + 1 if any(numbered) else None
    # a digest of headlines, each over its paragraph, whose dump ends with one more headline: its next item
    tail = [t for t in tokens if t.line > last]
    next_item = mode == "story" and len(tail) == 1 and tail[0].kind == "text" and len(tail[0].text.split()) >= 5 \
        and rules.looks_like_headline(tail[0].text) and _digest(tokens, first, last)
    for token in tokens:
        if following and token.line > last and token.kind == "text" and _item_number(token.text) == following:
            kept.append(token)
            following += 1
            continue
        if next_item and token is tail[0]:
            kept.append(token)
            continue
        edge = "page_head" if token.line < first else "page_tail" if token.line > last and mode == "story" else None
        if edge == "page_head" and token.text in repeated and token.text in seen:
            drop(token.line, token.text, "repeated_line", "the same line again above the story (a gallery caption shown twice)")
            continue
        seen.add(token.text)
        if edge == "page_tail" and announced and vocab.LIST_ITEM.search(token.text):
            kept.append(token)
            continue
        announced = False if token.line > last else announced
        if edge and token.kind == "text" and not token.stamp and not rules.caption(token.text) and not rules.dateline(token.text) \
                and token.text not in repeated and token.line not in figures:
            where = "before the article's first paragraph" if edge == "page_head" else "after the article's last paragraph"
            drop(token.line, token.text, edge, f"a short line of page chrome {where}")
            continue
        kept.append(token)
    return kept


#: Headlines each over its own paragraph that make a story a digest ("Morning Digest").
DIGEST_PAIRS = 3


def _digest(tokens: list, first: int, last: int) -> bool:
    """The story between lines ``first`` and ``last`` is a digest: ``DIGEST_PAIRS`` headlines or more
    stand directly over a paragraph, and every other paragraph or more has one (an article with a few
    subheads is not one)."""
    body = [t for t in tokens if t.kind == "text" and first <= t.line <= last]
    pairs = sum(1 for above, below in zip(body, body[1:])
                if rules.looks_like_headline(above.text) and rules.paragraph_like(below.text))
    paragraphs = sum(1 for t in body if rules.paragraph_like(t.text))
    return pairs >= DIGEST_PAIRS and pairs * 2 >= paragraphs


def _item_number(text: str) -> int | None:
    """The number of a numbered item ("8. US, CHINA ENVOYS MEET"), or None."""
    return int(text.split(".", 1)[0]) if vocab.NUMBERED_POST.match(text) else None


def figure_runs(tokens: list, least: int = 3) -> set[int]:
    """Lines of a table or a list of dates in the article (tour dates, scores): runs of three or more
    lines in a row, each with a figure, and all but one sharing a separator ("–", "@", ":", "|"); with
    the heading over the list ("Tour dates")."""
    found: set[int] = set()
    run: list = []
    for at, token in enumerate(tokens + [None]):
        if token is not None and token.kind == "text" and vocab.DIGIT.search(token.text) and not rules.paragraph_like(token.text):
            run.append(token)
            continue
        if len(run) >= least:
            shared = max(sum(1 for t in run if mark in t.text) for mark in _LIST_MARKS)
            if shared >= len(run) - 1:
                found.update(t.line for t in run)
                heading = at - len(run) - 1
                if heading >= 0 and tokens[heading].kind == "text" and rules.looks_like_headline(tokens[heading].text):
                    found.add(tokens[heading].line)
        run = []
    return found


_LIST_MARKS = ("\u2013", " - ", "@", ":", "|", "\u2014")


def drop_page_stamp(tokens: list, drop: Callable[[int, str, str, str], None]) -> list:
    """The page's own published stamp above a blog's updates: the first stamp carries a date with its
    year ("Oct 8, 2016 10:05 am CDT") where none of the updates' stamps below it carries a date."""
    stamps = [t for t in tokens if t.stamp is not None]
    if len(stamps) < 3 or stamps[0].kind != "time" or not vocab.YEAR.search(stamps[0].stamp.date_text or ""):
        return tokens
    if any(t.stamp.date_text for t in stamps[1:]):
        return tokens
    first = stamps[0]
    drop(first.line, first.text, "dated_line", "the page's published stamp above its updates (its date is kept as the page's own)")
    return [t for t in tokens if t is not first]


def drop_teaser_runs(tokens: list, mode: str, drop: Callable[[int, str, str, str], None]) -> list:
    """Inside a story, a run of two or more lines between its paragraphs that are mostly other stories'
    headlines (six words and more, no closing punctuation) is a teaser list ("Related", "Most read"). A
    run that is mostly figures (a table, tour dates), a numbered list or a list of names stays."""
    if mode != "story":
        return tokens
    runs: list[list] = []
    current: list = []
    for token in tokens:
        if token.kind == "text" and not rules.paragraph_like(token.text) and not rules.caption(token.text):
            current.append(token)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    gone = set()
    for run in runs:
        teasers = [t for t in run if rules.looks_like_headline(t.text) and len(t.text.split()) >= 6 and t.text.count(",") <= 1]
        figures = sum(1 for t in run if vocab.DIGIT.search(t.text))
        if len(teasers) >= 2 and len(teasers) * 2 >= len(run) and figures * 2 < len(run) \
                and not any(vocab.NUMBERED_POST.match(t.text) for t in run):
            for token in run:
                drop(token.line, token.text, "teaser_list", "other stories' headlines listed between the story's paragraphs")
                gone.add(token.line)
    return [t for t in tokens if t.line not in gone]


#: The fewest short labels in a row that make a list of the page's topics or sections.
LABEL_RUN = 4
#: The most words of a label in such a list ("Utility-scale PV", "Modules & Upstream Manufacturing").
LABEL_WORDS = 4
_LABEL_END = re.compile(r"[.!?:;,\u2026\"\u201d]$")


def drop_label_runs(tokens: list, lines: list[str], dropped: list, mode: str, drop: Callable[[int, str, str, str], None]) -> list:
    """In a story, ``LABEL_RUN`` or more short labels in a row, each of ``LABEL_WORDS`` words at most with no
    closing punctuation ("Markets", "Policy", "South Korea", "White House"), next to the page's chrome (the
    line just above or below the run was dropped: a byline, a widget), are the page's topics, tags or
    sections, not the article. An article's list is announced by a line ending with a colon ("The four
    towns:"), holds figures (a table, tour dates) or stands between its paragraphs (a fact-check's "Rating",
    its verdict); names one to a line are left to the author box."""
    if mode != "story":
        return tokens
    gone: set[int] = set()
    run: list = []
    chrome = {d.line for d in dropped}

    def beside_chrome() -> bool:
        return line_above(lines, run[0].line) in chrome or line_below(lines, run[-1].line) in chrome

    def close(before):
        if len(run) >= LABEL_RUN and beside_chrome() and not (before is not None and before.text.rstrip().endswith(":")) \
                and sum(1 for t in run if vocab.DIGIT.search(t.text)) * 2 < len(run) \
                and not all(rules.names_only(t.text) for t in run):
            for token in run:
                drop(token.line, token.text, "label_list", "a run of short labels: the page's topics, tags or sections")
                gone.add(token.line)

    before = None
    for token in tokens:
        short = token.kind == "text" and not token.stamp and len(token.text.split()) <= LABEL_WORDS \
            and not _LABEL_END.search(token.text) and not rules.caption(token.text)
        if short:
            run.append(token)
            continue
        close(before)
        run, before = [], token if token.kind == "text" else None
    close(before)
    return [t for t in tokens if t.line not in gone] if gone else tokens


#: A fact-check's or a report's list of its sources, under its label.
SOURCES_LABEL = re.compile(r"^(?:Sources|Our sources|References|Citations|Sources and further reading)$", re.IGNORECASE)
#: One source as such lists cite it: "Bell, Ann. \u201cFerry Fares Rise.\u201d", "Bell, Ann; Park, Joe. \"...\"", "The
#: Harbour Times. 15 November 2019.", "Harbour Authority, March 3, 2024.", or a link.
CITATION = re.compile(
    r"^[A-Z][\w'\u2019-]+, [A-Z][\w'\u2019. -]{0,40}(?:; [A-Z][\w'\u2019-]+, [A-Z][\w'\u2019. -]{0,40})*\.\s*[\u201c\"].{3,200}[\u201d\"]\.?$"
    r"|^[A-Z][\w .&'\u2019-]{1,60}[.,] (?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+\.? \d{1,2},) \d{4}\.?$"
    r"|^\S*https?://\S+$")


def drop_source_list(tokens: list, mode: str, drop: Callable[[int, str, str, str], None]) -> list:
    """In a story, a label such as "Sources" and the citations under it (an author and a quoted title, an
    outlet and a date, a link) are the article's list of sources, reported as such, not its text. A label
    with no citation under it stays."""
    if mode != "story":
        return tokens
    gone: set[int] = set()
    texts = [t for t in tokens if t.kind == "text"]
    for i, token in enumerate(texts):
        if not SOURCES_LABEL.match(token.text.strip()):
            continue
        cited = list(itertools.takewhile(lambda t: bool(CITATION.match(t.text.strip())), texts[i + 1:]))
        if cited:
            for listed in [token] + cited:
                drop(listed.line, listed.text, "source_list", "the article's list of its sources, under its label")
                gone.add(listed.line)
    return [t for t in tokens if t.line not in gone] if gone else tokens


def teaser_label(line: str) -> bool:
    """A short label over a list of other stories: "More from Sportsnet", "Most read in world news"."""
    text = line.strip()
    return len(text.split()) <= vocab.TEASER_LABEL_WORDS and bool(vocab.TEASER_LABEL.match(text))


def article_sentence(line: str) -> bool:
    """A line that reads as the article's own prose again: a sentence of eight words or more, or a line
    of four or more that announces what follows ("Here are some of the highlights:")."""
    words = len(line.split())
    return (words >= 8 and bool(vocab.SENTENCE_END.search(line))) or (words >= 4 and line.rstrip().endswith(":"))


#: How far below a teaser's dated age ("Apr 29, 2019") the next teaser's age may be, in lines: a list's
#: entry is a kicker, a headline, a summary, an author and an age.
AGE_SPAN = 6


def drop_teaser_ages(tokens: list, lines: list[str], dropped: list, drop: Callable[[int, str, str, str], None]) -> list:
    """Under a label such as "Most Popular", other stories carry their ages: a date ("Apr 29, 2019"), or,
    for today's, a time ("1:57 PM ET"). A time alone on its line at most ``AGE_SPAN`` lines below such a
    dated age (or below a time taken as one), both below the label, is another story's age, not an
    update's stamp: dropped before the page's kind is read, so a story's "Most Popular" list does not
    make it a live blog."""
    ages = sorted(d.line for d in dropped if d.reason.startswith("date_only_line"))
    if not ages or not any(t.kind == "time" and t.line > ages[0] for t in tokens):
        return tokens
    labels = [n for n, line in enumerate(lines, 1) if teaser_label(line)]
    gone: set[int] = set()
    for token in tokens:
        if token.kind != "time":
            continue
        at = bisect.bisect_left(labels, token.line)
        label = labels[at - 1] if at else None
        # the nearest age above the stamp (ages kept in line order)
        above = ages[bisect.bisect_left(ages, token.line) - 1] if ages and ages[0] < token.line else None
        if label is not None and above is not None and label < above and token.line <= above + AGE_SPAN:
            drop(token.line, token.text, "teaser_list",
                 "under a label such as 'Most read': another story's age, below a dated one")
            gone.add(token.line)
            bisect.insort(ages, token.line)  # the next entry's age may be a time too
    return [t for t in tokens if t.line not in gone] if gone else tokens


def drop_teaser_blocks(tokens: list, lines: list[str], dropped: list, drop: Callable[[int, str, str, str], None], mode: str) -> list:
    """Under a label such as "Most read" or "More from Sportsnet" (the label itself may already be
    dropped as a widget), the lines up to the article's next prose (a sentence, or a line longer than
    any headline), stamp (in a story, a time is a teaser's age), numbered post or separator are other
    stories' headlines, their summaries, authors and ages. Teasers rarely end in a full stop and the
    article's paragraphs do: a sentence ends the list, unless it is the summary under a teaser's
    headline (see _teaser_summary) or a headline that asks (see _question_headline)."""
    # a label passed (perhaps dropped already) opens a list; above the article's first sentence, a
    # byline passed (taken as the article's authors when the lines were read) ends it: the header's
    # lines are not teasers
    marks = [(n, True) for n, line in enumerate(lines, 1) if teaser_label(line)]
    marks = sorted(marks + [(d.line, False) for d in dropped if d.reason.startswith("byline")])
    gone, at, listing, prose = set(), 0, False, False
    label = None  # a label line not dropped yet: it goes with the first teaser under it (or the page's end)

    def take(token):
        drop(token.line, token.text, "teaser_list", "under a label such as 'Most read': other stories' headlines")
        gone.add(token.line)

    for index, token in enumerate(tokens):
        while at < len(marks) and marks[at][0] < token.line:
            if marks[at][1] and label and marks[at][0] != label.line:
                take(label)  # labels in a row (the other dropped already): chrome
                label = None
            listing, at = marks[at][1] or (listing and prose), at + 1
        prose = prose or (token.kind == "text" and article_sentence(token.text))
        if token.kind == "text" and teaser_label(token.text):
            if label:
                take(label)
            label, listing = token, True
            continue
        if listing and mode == "story" and token.kind == "time":
            take(token)  # in a story a time is no update's: under a label it is a teaser's age ("13 hours ago")
            continue
        if token.kind != "text" or token.stamp or vocab.NUMBERED_POST.match(token.text) \
                or ((len(token.text.split()) > 25 or article_sentence(token.text))
                    and not (listing and (_question_headline(token.text) or _question_in_list(tokens, index)
                                          or _teaser_summary(tokens, index, gone)))):
            # the article goes on: a label with no teaser under it is the article's own subhead ("More Rain")
            listing, label = False, None
            continue
        if listing:
            if label:
                take(label)
                label = None
            take(token)
    if label:
        take(label)
    return [t for t in tokens if t.line not in gone] if gone else tokens


def _teaser_summary(tokens: list, index: int, gone: set[int]) -> bool:
    """The sentence at ``index`` sums up the teaser just above it: a short summary (see
    _short_summary), that headline was dropped as one, and below it (captions aside) the page ends, or
    another label or teaser follows with its own summary: the shape repeats."""
    if not _short_summary(tokens[index].text):
        return False
    above = tokens[index - 1] if index else None
    if above is None or above.line not in gone or not rules.looks_like_headline(above.text):
        return False
    texts = (t for t in tokens[index + 1:] if t.kind == "text" and not rules.caption(t.text))
    below = list(itertools.islice(texts, 2 + ENTRY_LINES))
    if below and teaser_label(below[0].text):
        return True
    # the teaser's author and the next one's section ("Laura Bliss", "Environment") come first
    for _ in range(ENTRY_LINES):
        first = below[0].text if below else ""
        if first and len(first.split()) <= 3 and not vocab.SENTENCE_END.search(first) and not teaser_label(first):
            below = below[1:]
    below = below[:2]
    if not below or teaser_label(below[0].text):
        return True
    teaser = below[0].text.strip()
    if vocab.NUMBERED_POST.match(teaser):  # the article's own next item ("8. US, CHINA ENVOYS MEET")
        return False
    if not (rules.looks_like_headline(teaser) or (teaser.endswith("?") and len(teaser.split()) <= 20)):
        return False
    return len(below) == 1 or _short_summary(below[1].text)


def _question_headline(line: str) -> bool:
    """A teaser's headline that asks ("What If Air Conditioning Could Help Stop Climate Change?"): a
    question of 20 words at most, in title case (two thirds of its words of four letters or more
    capitalised), which an article's own question rarely is."""
    text = line.strip()
    long_words = [w for w in re.findall(r"[A-Za-z][\w'\u2019-]*", text) if len(w) >= 4]
    return (text.endswith("?") and len(text.split()) <= 20 and len(long_words) >= 3
            and sum(w[0].isupper() for w in long_words) * 3 >= len(long_words) * 2)


def _question_in_list(tokens: list, index: int) -> bool:
    """A teaser's headline that asks in sentence case ("Could a ferry cross the strait on sails alone?"),
    inside a list that goes on under it: one question of 20 words at most, and the next line another
    headline (no closing punctuation), not the article's prose."""
    text = tokens[index].text.strip()
    if not text.endswith("?") or len(text.split()) > 20 or _INNER_SENTENCE.search(text):
        return False
    below = next((t for t in tokens[index + 1:] if t.kind == "text" and not rules.caption(t.text)), None)
    return below is not None and rules.looks_like_headline(below.text) and not article_sentence(below.text) \
        and not vocab.SENTENCE_END.search(below.text)


def _short_summary(line: str) -> bool:
    """A teaser's summary: one or two sentences (a dek: "HOW is it that ...? It seems ..."), 40 words
    at most, not a line announcing what follows."""
    text = line.strip()
    return (len(text.split()) <= SUMMARY_WORDS and not text.endswith(":") and len(_INNER_SENTENCE.findall(text)) <= 1
            and bool(vocab.SENTENCE_END.search(text)))


#: Short lines of a list's entry (an author, a section) between a teaser's summary and the next headline.
ENTRY_LINES = 3
#: The longest teaser summary, in words: a dek of a sentence or two.
SUMMARY_WORDS = 40
_INNER_SENTENCE = re.compile(r"[.!?][\"\u201d\u2019']?\s+[A-Z\u201c\"]")


#: A credit set above its photo (the BBC's "Image copyright ...") or at the page's end ("Main image credit: ..."):
#: the line above it is not its caption.
_CREDIT_FIRST = re.compile(r"^(?:Image copyright|(?:Main|Top|Lead|Header|Featured|Hero) (?:image|photo) credit)\b", re.IGNORECASE)
#: What the article's own paragraphs open with and a caption does not: a word going on from the line
#: above ("But ...", "He ..."), or a quotation.
_GOES_ON = re.compile(r"^(?:(?:But|And|So|Yet|However|Still|Also|Meanwhile|Then|He|She|They|We|I)\b|[\"\u201c'\u2018])")
#: What the article's text says and a caption, which shows a moment, does not: who said what, and what had
#: happened before ("officials had said", "offered his sympathies", "maintained that").
_REPORTS = re.compile(r"\b(?:said|says|say|told|tells|according to|added|asked|noted|explained|claimed|argued|stated|insisted"
                      r"|maintained|warned|offered|had)\b")
#: A quotation of three words or more.
_QUOTES = re.compile(r"[\"\u201c][^\"\u201d]*\s[^\"\u201d]*\s[^\"\u201d]*[\"\u201d]")
#: The longest caption taken by its credit, in words.
CREDITED_ABOVE_WORDS = 60
#: Lines that may stand between a caption and its credit: another credit, a gallery's counter.
_BETWEEN_CAPTION_AND_CREDIT = ("photo_credit", "gallery_control")


def captions_by_place(tokens: list, lines: list[str], dropped: list, mode: str) -> set[int]:
    """The lines of a story that are captions by their place, not their words:

    - over a photo's credit alone on its line ("Photo: Ann Bell, AP", "(Image credit: Harbour Authority)"),
      the line just above it (other credits, a gallery's counter or blank lines between), and a copy of it
      just above that (a gallery's caption and its photo's). Not over a credit that comes before its photo,
      and not a line that reads as the article's own paragraph (a photo without a caption has its credit
      under the text): one that goes on from the line above, reports what was said or had happened,
      quotes, or is longer than ``CREDITED_ABOVE_WORDS``;
    - above the byline, a line that says what a photo shows ("pictured at", "reacts as", "this image"):
      the lead photo's caption;
    - on any page, after the article's first paragraph, a caption without its credit by its shape
      (``captions_by_shape``): a sentence that shows a moment with where and on which day ("A tram burns
      near the bridge in Port Ellis on Saturday, May 30."), or where the people named in it stand. Not the
      first paragraph, which may be written so."""
    found = captions_by_shape(tokens)
    if mode != "story":
        return found  # a live page's post headline may stand over its photo's credit
    reasons = {d.line: d.reason.split(":", 1)[0] for d in dropped}
    texts = {t.line: t for t in tokens if t.kind == "text" and not t.stamp}
    # the lead photo's caption, above the byline: a line that says what the photo shows ("pictured", "reacts")
    byline = min((line for line, reason in reasons.items() if reason in ("byline", "author_box")), default=None)
    found |= {line for line, token in texts.items() if byline is not None and line < byline
              and len(token.text.split()) <= CREDITED_ABOVE_WORDS and rules.describes_a_photo(token.text)}
    credits = [d.line for d in dropped if reasons[d.line] == "photo_credit" and not _CREDIT_FIRST.match(d.text)]
    between = {line for line, reason in reasons.items() if reason in _BETWEEN_CAPTION_AND_CREDIT}
    for line in credits:
        above = line_above(lines, line, between)
        token = texts.get(above)
        if token is not None and _reads_as_a_caption(token.text):
            found.add(above)
            twice = line_above(lines, above)  # the same caption shown twice, one copy over the other: both
            if twice in texts and texts[twice].text == token.text:
                found.add(twice)
    return found


def _reads_as_a_caption(text: str) -> bool:
    """Not the article's own paragraph: short enough, not going on from the line above, not announcing
    a list, not reporting what was said or had happened, not quoting."""
    return len(text.split()) <= CREDITED_ABOVE_WORDS and not _GOES_ON.match(text) and not text.rstrip().endswith(":") \
        and not _REPORTS.search(text) and not _QUOTES.search(text)


def captions_by_shape(tokens: list) -> set[int]:
    """The lines after the article's first paragraph that read as a photo's caption by their shape: a moment,
    its place and its day (``vocab.PHOTO_DAY_CAPTION``), or where the people named in it stand ("Ann Bell,
    left, and Joe Park.") in a line that does not read as the article's text (as over a credit)."""
    texts = [t for t in tokens if t.kind == "text" and not t.stamp]
    first = next((t.line for t in texts if rules.paragraph_like(t.text) and not rules.caption(t.text)), None)
    return {t.line for t in texts if first is not None and t.line > first and (
        (_ends_on_a_day(t.text) and vocab.PHOTO_DAY_CAPTION.match(t.text))
        or (rules.places_people_in_a_photo(t.text) and _reads_as_a_caption(t.text) and not _NEXT_SENTENCE.search(t.text)))}


#: Where a second sentence starts: a caption glued to the article's first paragraph ("Ann Bell, centre, on the
#: quay.  Ann Bell, the harbour master, said ...") is the article's text.
_NEXT_SENTENCE = re.compile(vocab.NEXT_SENTENCE)


def _ends_on_a_day(text: str) -> bool:
    """A cheap look at a line's end before ``vocab.PHOTO_DAY_CAPTION`` reads all of it: "on" near its end,
    and a full stop after a figure."""
    return text.endswith(".") and text[-2:-1].isdigit() and " on " in text[-44:]


def drop_lead_captions(tokens: list, mode: str, drop: Callable[[int, str, str, str], None]) -> list:
    """On a live page, captions above its first paragraph are the page's lead photo, not its news: a
    line ending with the photo's full date or its credit (a caption's credit, "(AP Photo/...)", may
    follow a longer caption), or a line shown twice in a row (the gallery's caption and the photo's:
    both copies), unless it reads as a paragraph without a photo's day ("... on July 16 ...")."""
    if mode == "story":
        return tokens
    gone: set[int] = set()
    previous = None

    def take(token):
        drop(token.line, token.text, "lead_caption", "the caption of the page's lead photo, above the updates")
        gone.add(token.line)

    for index, token in enumerate(tokens):
        if token.kind != "text" or token.stamp:
            break
        text = token.text.strip()
        words = len(text.split())
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        twice = any(other is not None and other.kind == "text" and other.text.strip() == text for other in (previous, after))
        # a paragraph the page repeats (a summary shown twice) is news: only one with a photo's day is a caption
        if twice and words <= LEAD_CAPTION_WORDS and (not rules.paragraph_like(text) or vocab.CAPTION_DAY.search(text)):
            take(token)
        elif (words <= LEAD_CAPTION_WORDS and vocab.LEAD_CAPTION.search(text)) \
                or (words <= CREDITED_CAPTION_WORDS and rules.caption(text)):
            take(token)
        elif rules.paragraph_like(text):
            break  # the page's own text has begun
        previous = token
    return [t for t in tokens if t.line not in gone] if gone else tokens


#: The longest lead caption, in words; one with a photo credit ("(AP Photo/...)") may run to a second sentence.
LEAD_CAPTION_WORDS = 50
CREDITED_CAPTION_WORDS = 80


#: The fewest words of a headline a teaser card glues its summary to.
GLUED_HEADLINE_WORDS = 5
#: Where a sentence may be glued on: a space before a capital or an opening quote.
_GLUE = re.compile(r" (?=[A-Z\"\u201c'\u2018])")


def drop_glued_teasers(tokens: list, lines: list[str], title: str, mode: str, drop: Callable[[int, str, str, str], None]) -> list:
    """In a story, a line that is another line's headline with a sentence glued on ("Browns place Burnett
    on injured reserve First season in Cleveland is done ...") is a teaser card; it and the headline's
    own line (perhaps dropped already, under a label) both go. The headline (never the page's own) has
    ``GLUED_HEADLINE_WORDS`` words or more and no closing punctuation, and what is glued on starts a new
    sentence (a capital), so an article's paragraph that opens with a name the page also shows alone
    ("Star Wars Jedi: Fallen Order is ...") stays. Cards in a row whose headlines the page does not show
    alone go too (``glued_runs``)."""
    if mode != "story":
        return tokens
    texts = [t for t in tokens if t.kind == "text" and not t.stamp]
    headlines = {line.strip() for line in lines
                 if len(line.split()) >= GLUED_HEADLINE_WORDS and rules.looks_like_headline(line)} - {title.strip()}
    gone: set[int] = glued_runs(tokens)
    glued: set[str] = set()
    for token in texts if headlines else ():
        text = token.text.strip()
        # each prefix that ends at a space before a capital: a dictionary lookup, not a scan of the headlines
        for match in _GLUE.finditer(text):
            if text[:match.start()] in headlines:
                gone.add(token.line)
                glued.add(text[:match.start()])
                break
    gone.update(t.line for t in texts if t.text.strip() in glued)
    for token in texts:
        if token.line in gone:
            drop(token.line, token.text, "teaser_list",
                 "a teaser card: another story's headline, alone or glued to its summary")
    return [t for t in tokens if t.line not in gone] if gone else tokens


#: The fewest teaser cards in a row, each a headline run into its summary, that make a list of other stories.
GLUED_RUN = 2
#: The most words of such a card: a headline and a summary of a sentence or two.
GLUED_CARD_WORDS = 70
#: A headline of four words or more without closing punctuation, run into a summary that opens a sentence
#: with a word a sentence opens with ("... for our mental health A systematic review ...", "... of diagnostics
#: New research uses ...").
_RUN_INTO_SUMMARY = re.compile(
    r"[a-z0-9]\s(?:A|An|The|This|These|Those|Even|One|New|In|It|Its|Our|We|Why|How|What"
    r"|When|After|As|Some|Many|Most|More|Researchers|Scientists|Experts|Officials|Police)\s[a-z]")


def _run_into_summary(text: str) -> bool:
    """A headline of four words or more run into a summary that opens a sentence (``_RUN_INTO_SUMMARY``)."""
    found = _RUN_INTO_SUMMARY.search(text)
    return found is not None and text.count(" ", 0, found.start()) >= 3


def glued_runs(tokens: list) -> set[int]:
    """Lines in a run of ``GLUED_RUN`` or more, one after the other, each another story's headline run into its
    summary with nothing between (a teaser list scraped without its breaks); one such line alone stays (a
    sentence may read so)."""
    found: set[int] = set()
    run: list[int] = []
    for token in tokens + [None]:
        if token is not None and token.kind == "text" and not token.stamp and len(token.text.split()) <= GLUED_CARD_WORDS \
                and _run_into_summary(token.text):
            run.append(token.line)
            continue
        if len(run) >= GLUED_RUN:
            found.update(run)
        run = []
    return found


def drop_repeats_and_shouts(tokens: list, mode: str, drop: Callable[[int, str, str, str], None]) -> list:
    """Inside a story: a headline of six words or more shown again within three lines of itself is a
    teaser the page repeats (the later copy goes; prose repeated stays); a headline of six words or
    more in capitals between paragraphs ("TAYLOR SWIFT CLEARED TO PERFORM ...") is another story's. A short capitals subhead
    ("UP NEXT", "AUSTRALIA AHEAD") and a numbered one ("3. PARKLAND ...") stay."""
    if mode != "story":
        return tokens
    kept: list = []
    for token in tokens:
        text = token.text.strip()
        if token.kind == "text" and not token.stamp and len(text.split()) >= 6 and not article_sentence(text) \
                and any(t.text.strip() == text and token.line - t.line <= 3 for t in kept[-3:]):
            drop(token.line, token.text, "repeated_line", "the same line again just above (a teaser or caption shown twice)")
            continue
        letters = [c for c in text if c.isalpha()]
        if token.kind == "text" and not token.stamp and len(text.split()) >= 6 and letters and all(c.isupper() for c in letters) \
                and not vocab.SENTENCE_END.search(text) and not vocab.DIGIT.search(text) and not rules.dateline(text):
            drop(token.line, token.text, "teaser_list", "another story's headline in capitals, injected between the paragraphs")
            continue
        kept.append(token)
    return kept
