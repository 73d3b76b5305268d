"""The writers: bylines laid out as pages lay them out, and the author's own box, which is not the article.

A rule of the parser's cascade (``cascade.py``), run once the line rules have read the plain bylines
("By Jane Doe"). Pages also set the byline in two parts ("By" over the name), or beside the page's
date above the text ("Jane Doe - Apr 16, 2015", "November 20, 2019 Jane Doe", the name alone over or
under the date); those give the authors too. And pages show the writer again, apart from the byline: a
role under it ("Opinion Columnist"), an author box after the text with the name alone on its line
("About Jane Doe", "Jane Doe"), its heading, handle and address, and a note on the writer ("Jane Doe is
a reporter based in ...", "Prize-winning journalist Jane Doe writes ...", "Jane Doe's book ... is out
now"). A note names the writer: one of the authors, or the name the line above holds alone. A line
about anyone else, however it is shaped, stays news.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from news_archive.parse import dates, rules, vocab
from news_archive.parse.text import line_above

#: A person's name: two to four capitalised words, with the particles names carry between them
#: ("Mark di Stefano", "Ursula von der Leyen").
NAME = vocab.person_name(4)
_ROLES = "(?:" + "|".join(vocab.ROLE_WORDS) + ")s?"
#: A writer's role alone on its line: "Opinion Columnist", "Staff Writer", "Seattle Times business reporter".
ROLE_LINE = re.compile(r"^(?:[A-Z][\w&'\u2019.-]*\s+(?:[\w&'\u2019.-]+\s+){0,3})?(?i:" + _ROLES + r")$")
#: What else an author box holds under the name: its heading, the writer's handle or address.
BOX_LINE = re.compile(r"^(?:Biography|Bio|Full bio|About the author|@\w{2,30}|[\w.+-]+@[\w-]+\.[\w.]+)$", re.IGNORECASE)
#: "By" set on its own line, over the names (a byline laid out in two parts).
BY_ALONE = re.compile(r"^(?:By|BY|by):?$")
#: The name alone, or under "About" (an author box's heading).
NAME_LINE = re.compile(r"^(?:About\s+)?(?P<name>" + NAME + r")$")
#: A note on a writer: an optional role before the name ("Pulitzer Prize-winning journalist"), the
#: name, an optional handle in brackets, then what notes on writers say next.
NOTE = re.compile(
    r"^(?:(?:[\w-]+\s+){0,3}" + _ROLES + r"\s+)?(?P<name>" + NAME + r")(?:\s*\([^)]{1,60}\))?"
    r"(?:['\u2019]s\s+(?:(?:latest|new|first|most recent)\s+)?(?:book|novel|podcast|newsletter)\b"
    r"|,?\s+(?:is|was|has been|joined|covers|writes|arrives at|reports on|lives in)\b)"
)
#: The longest note taken: an author box's paragraph, not a page of text.
NOTE_WORDS = 150


def drop_author_box(tokens: list, lines: list[str], dropped: list, authors: list[str],
                    drop: Callable[[int, str, str, str], None]) -> list:
    """Reads the bylines the line rules cannot (adding to ``authors``) and drops the author's box and role
    lines (see the module's text). ``dropped`` holds the lines the cascade has dropped so far, the bylines
    and the notes its line rules know among them."""
    texts = [t for t in tokens if t.kind == "text"]
    gone = split_bylines(texts, lines, authors, drop) | dated_bylines(texts, lines, tokens, dropped, authors, drop)
    gone |= drop_box(texts, lines, tokens, dropped, authors, gone, drop)
    gone |= drop_staff_list(texts, gone, drop)
    return [t for t in tokens if t.line not in gone] if gone else tokens


def split_bylines(texts: list, lines: list[str], authors: list[str], drop: Callable[[int, str, str, str], None]) -> set[int]:
    """"By" on its own line over the names: the lines it drops."""
    gone: set[int] = set()
    for by, names in zip(texts, texts[1:]):
        found = rules.names_only(names.text) if len(by.text) <= 3 and BY_ALONE.match(by.text) \
            and line_above(lines, names.line) == by.line else None
        if found:
            drop(by.line, by.text, "byline", "the word 'By' of a byline set on its own line")
            authors[:0] = [n for n in found if n not in authors]  # the page's byline, before a closing credit's names
            drop(names.line, names.text, "byline", f"became the article's authors: {', '.join(found)}")
            gone.update((by.line, names.line))
    return gone


def dated_bylines(texts: list, lines: list[str], tokens: list, dropped: list, authors: list[str],
                  drop: Callable[[int, str, str, str], None]) -> set[int]:
    """A name beside the page's date above the article's text: the lines it drops."""
    gone: set[int] = set()
    for token in _opening(texts):
        if token.line in gone:
            continue
        found = _dated_name(token.text)
        if found is None and not authors:  # a page has one byline: a name alone is the writer's only where none is known
            found = _name_over_date(token, lines, tokens, dropped)
        if found is not None:
            authors += [n for n in found if n not in authors]
            drop(token.line, token.text, "byline", f"became the article's authors: {', '.join(found)} (a name beside the page's date)"
                 if found else "names an agency, no writer")
            gone.add(token.line)
    return gone


def drop_box(texts: list, lines: list[str], tokens: list, dropped: list, authors: list[str], taken: set[int],
             drop: Callable[[int, str, str, str], None]) -> set[int]:
    """The author's box, notes and role lines (lines already ``taken`` as bylines skipped): the lines it drops."""
    gone: set[int] = set()
    known = {a.casefold() for a in authors}
    writer = {d.line for d in dropped if d.reason.startswith(("byline", "author_bio"))}
    other = {d.line for d in dropped} - writer  # chrome the line rules dropped: the box goes on past it
    other |= {t.line for t in tokens if t.kind == "time" and vocab.YEAR.search(t.stamp.date_text or "")}  # and the page's stamp
    for i, token in enumerate(texts):
        if token.line in taken:
            continue
        short = len(token.text) < 60
        alone = NAME_LINE.match(token.text) if short else None
        after = texts[i + 1] if i + 1 < len(texts) else None
        if alone and (alone["name"].casefold() in known or (after and _note_on(after.text, {alone["name"].casefold()}))):
            drop(token.line, token.text, "author_box", "the writer's name again, apart from the byline (a box about them, a post's signature)")
            writer.add(token.line)
            gone.add(token.line)
            continue
        before = texts[i - 1] if i else None
        boxed = NAME_LINE.match(before.text) if before and before.line in writer else None
        if _note_on(token.text, known | {boxed["name"].casefold()} if boxed else known):
            drop(token.line, token.text, "author_bio", "a note about the article's writer")
            writer.add(token.line)
            gone.add(token.line)
        elif short and writer and line_above(lines, token.line, other) in writer \
                and (ROLE_LINE.match(token.text) or BOX_LINE.match(token.text)):
            drop(token.line, token.text, "author_role", "the writer's role, handle or box heading, under the byline or the note about them")
            writer.add(token.line)
            gone.add(token.line)
    return gone


#: The fewest names, the writer's among them, one to a line, that make a list of the outlet's staff.
STAFF_LEAST = 4
#: A heading inside a staff list ("Editorial", "Operations", "Social Media"): one or two capitalised words.
STAFF_HEADING = re.compile(r"^[A-Z][a-z]+(?: [A-Z&][a-z]*)?$")


def drop_staff_list(texts: list, gone: set[int], drop: Callable[[int, str, str, str], None]) -> set[int]:
    """A masthead: the writer's name (dropped as the author's box) among ``STAFF_LEAST`` or more names,
    one to a line, with headings between them ("Editorial", "Operations"). The other names and headings
    go too: the outlet's staff, not the article. A list of names the writer is not among stays news."""
    found: set[int] = set()
    for i, token in enumerate(texts):
        if token.line not in gone or token.line in found or not _staff_name(token.text):
            continue
        first = last = i
        while first > 0 and (_staff_name(texts[first - 1].text) or STAFF_HEADING.match(texts[first - 1].text)):
            first -= 1
        while last + 1 < len(texts) and (_staff_name(texts[last + 1].text) or STAFF_HEADING.match(texts[last + 1].text)):
            last += 1
        while last > i and not _staff_name(texts[last].text):  # headings with no name under them
            last -= 1
        while first < i and not _staff_name(texts[first].text) and not _staff_name(texts[first + 1].text):
            first += 1  # one heading over the first name at most
        run = texts[first:last + 1]
        if sum(1 for t in run if _staff_name(t.text)) < STAFF_LEAST:
            continue
        for member in run:
            found.add(member.line)
            if member.line not in gone:
                drop(member.line, member.text, "staff_list", "the outlet's staff listed by name, the writer among them")
    return found


def _staff_name(text: str) -> bool:
    return len(text) < 60 and not text.startswith("About ") and bool(NAME_LINE.match(text))


#: A writer's name beside the page's date, as some pages set the byline: "Sam Lee - Apr 16, 2015 8:02 pm UTC",
#: "November 20, 2019 Sam Lee".
NAME_THEN_DATE = re.compile(r"^(?P<name>" + NAME + r")\s+[-\u2013\u2014|]\s+(?P<date>\S.{4,60})$")
NAME_BEFORE_DATE = re.compile(r"^(?P<name>" + NAME + r")\s+(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d.{4,40})$")
DATE_THEN_NAME = re.compile(r"^(?P<date>.{6,40}?\d{4})\s+(?:(?i:by)\s+)?(?P<name>" + NAME + r")$")  # "... 11/19/2019 by Sam Lee" too


#: Words of the page's buttons and labels, never a writer's name ("Order Reprints", "Listen Live").
PAGE_WORDS = frozenset("order reprints reprint listen live share print subscribe comments comment follow watch read more news video "
                       "photos photo sign log menu home search latest top stories updated published email save copy link".split())


def _opening(texts: list) -> list:
    """The lines above the article's second paragraph (the first may be a standfirst): where a page sets its byline."""
    seen = 0
    for i, token in enumerate(texts):
        seen += rules.paragraph_like(token.text)
        if seen == 2:
            return texts[:i]
    return texts


def _dated_name(text: str) -> tuple[str, ...] | None:
    """The writer a name-and-date line names ("Sam Lee - Apr 16, 2015 8:02 pm UTC", "November 20, 2019 Sam Lee",
    "5:45 AM PST 11/19/2019 by Sam Lee")."""
    if len(text) > 100:
        return None
    found = NAME_THEN_DATE.match(text)
    if found and (rules.time_stamp(found["date"]) or dates.dates_in(found["date"])):
        return rules.byline("By " + found["name"])
    found = DATE_THEN_NAME.match(text)
    if found and dates.dates_in(found["date"]):
        return rules.byline("By " + found["name"])
    found = NAME_BEFORE_DATE.match(text)
    if found and dates.dates_in(found["date"]) and rules.byline("By " + found["name"]) == ():
        return ()  # "Associated Press November 19, 2019, 9:02 AM": the agency's byline
    return None


def _name_over_date(token, lines: list[str], tokens: list, dropped: list) -> tuple[str, ...] | None:
    """A name alone on the line over or under the page's date ("Sam Lee", then "Nov 13, 2019 4:26 pm"): the byline."""
    alone = NAME_LINE.match(token.text) if len(token.text) < 60 and not token.text.startswith(("About ", "By ")) else None
    if not alone or len(alone["name"].split()) > 3 or any(w.lower() in PAGE_WORDS for w in alone["name"].split()):
        return None  # four words: a name and an outlet ("Sam Lee Harbour Times"), not to be told apart; a button
    dated = {d.line for d in dropped if d.reason.startswith(("dated_line", "date_only_line"))}
    dated |= {t.line for t in tokens if t.kind == "time" and vocab.YEAR.search(t.stamp.date_text or "")}
    below = next((n for n in range(token.line + 1, len(lines) + 1) if lines[n - 1].strip()), None)
    above = next((n for n in range(token.line - 1, 0, -1) if lines[n - 1].strip()), None)
    if below in dated or above in dated:
        return rules.byline("By " + alone["name"])
    return None


def _note_on(text: str, names: set[str]) -> bool:
    """Whether a line is a note on one of these writers (casefolded names)."""
    if not names:
        return False
    lead = text[:120].casefold()  # a note names its writer in its first words: most lines name none
    if not any(name in lead for name in names):
        return False
    found = NOTE.match(text)
    return bool(found and found["name"].casefold() in names and len(text.split()) <= NOTE_WORDS)
