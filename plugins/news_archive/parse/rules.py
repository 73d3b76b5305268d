"""Small named rules the parser's cascade calls, one question each.

Every rule takes plain strings and returns a value or ``None``; the tables they
read live in :mod:`news_archive.parse.vocab`. Each rule has a fixture of its own under
``tests/parse/fixtures/`` named for what it shows.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from dataclasses import dataclass

from news_archive.parse import places, vocab

logger = logging.getLogger(__name__)

# --- time stamps -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeStamp:
    minutes: int | None  # minutes after local midnight; None for a relative stamp ("50 min ago")
    text: str  # as written, without labels around it ("UPDATE", "-", a trailing colon)
    utc_offset: int | None  # minutes, when a zone abbreviation was written
    zone: str | None
    rule: str
    date_text: str | None = None  # a date written with the time: "Oct. 12", "4.5.2015"

    @property
    def hhmm(self) -> str | None:
        return None if self.minutes is None else f"{self.minutes // 60:02d}:{self.minutes % 60:02d}"


def _time_core(text: str) -> tuple[int, str | None, str] | None:
    """(minutes, zone as written, rule) of a bare time: ``8:40 p.m.``, ``noon``, ``14.05 GMT``."""
    for rule, pattern in vocab.TIME_FORMATS:
        match = pattern.match(text)
        if not match:
            continue
        parts = match.groupdict()
        zone = parts.get("zone")
        if zone and zone.upper() not in vocab.ZONE_ABBREVIATIONS and zone.upper() not in vocab.ZONES_BY_DATE \
                and zone.upper() not in vocab.AMBIGUOUS_ZONES:
            logger.debug("time_stamp: %r has unknown zone %r", text, zone)
            return None
        if parts.get("word"):
            minutes = 0 if parts["word"].lower() == "midnight" else 12 * 60
        else:
            hour, minute = int(parts["h"]), int(parts.get("m") or 0)
            if parts.get("ampm"):
                hour = hour % 12 + (12 if parts["ampm"].lower() == "p" else 0)
            minutes = hour * 60 + minute
        return minutes, zone, rule
    return None


@functools.lru_cache(maxsize=1 << 14)
def time_stamp(line: str) -> TimeStamp | None:
    """A line that is only an update's time stamp: ``8:40 p.m.``, ``noon``, ``14.05``, ``10:15 a.m. EDT``,
    with a date around it (``Fri., Oct. 12 -- 12:30 p.m.``, ``11:42 4.5.2015``), labels around it
    (``- 9:46 AM``, ``8 P.M. UPDATE:``), or relative (``1 hr 22 min ago``)."""
    text = line.strip()
    if not text or len(text) > 64:
        return None
    text = vocab.STAMP_LABEL_AFTER.sub("", vocab.STAMP_LABEL_BEFORE.sub("", text, count=1), count=1).strip()
    if not text:
        return None
    if vocab.RELATIVE_STAMP.match(text):
        logger.debug("time_stamp: %r is relative", text)
        return TimeStamp(None, text, None, None, "time_relative")
    core, date_text = text, None
    before = vocab.STAMP_DATE_BEFORE.match(core)
    if before:
        core, date_text = core[before.end():], before["date"]
    after = vocab.STAMP_DATE_AFTER.search(core)
    if after and after.start() > 0:
        core, date_text = core[: after.start()], date_text or after["date"]
    found = _time_core(core.strip().rstrip(","))
    if found is None:
        return None
    minutes, zone, rule = found
    upper = zone.upper() if zone else None
    offset = vocab.ZONE_ABBREVIATIONS[upper][0] if upper in vocab.ZONE_ABBREVIATIONS else None
    logger.debug("time_stamp: %r -> %02d:%02d by %s", text, minutes // 60, minutes % 60, rule)
    # the zone as written when its offset is known, or depends only on the date ("ET"): the dump's zone
    return TimeStamp(minutes, text, offset, upper if offset is not None or upper in vocab.ZONES_BY_DATE else None, rule, date_text)


@functools.lru_cache(maxsize=1 << 14)
def stamp_prefix(line: str) -> tuple[TimeStamp, str, bool] | None:
    """A paragraph that opens with its update's stamp: ``9:20 p.m.: With the U.S. ...``,
    ``22:20 GMT – France sends ...``, ``Fri., Oct. 12 -- 12:30 p.m. | Officials ...``, ``17.00 We are ...``;
    (stamp, the rest, whether a separator sets the stamp off: a post's stamp rather than a clock time
    running into a sentence)."""
    text = line.strip()
    if not vocab.STAMP_START.match(text):
        return None
    for separator, clock_only in ((vocab.STAMP_PREFIX_END, False), (vocab.STAMP_PREFIX_BARE, True)):
        for match in separator.finditer(text[:72]):
            head, rest = text[: match.start()], text[match.end():].strip()
            if not head or len(rest.split()) < 2:
                continue
            stamp = time_stamp(head)
            if stamp is not None and not (clock_only and (stamp.rule not in ("time_12h", "time_24h") or stamp.text != head)):
                return stamp, rest, not clock_only
    return None


def stamp_suffix(line: str) -> tuple[TimeStamp, str] | None:
    """A post headline that ends with its stamp: ``Barnsley Central: Labour hold ...published at 02:31 GMT``."""
    if " at" not in line:
        return None
    match = vocab.STAMP_SUFFIX.match(line.strip())
    if not match:
        return None
    stamp = time_stamp(match["stamp"])
    return (stamp, match["rest"].strip()) if stamp and match["rest"].strip() else None


def is_separator(line: str) -> bool:
    """``___`` and its cousins between updates."""
    return bool(vocab.SEPARATOR.match(line))


# --- datelines ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dateline:
    text: str  # as written: "VLADIVOSTOK, Russia (AP)"
    city: str | None  # "Vladivostok"
    region: str | None  # "Russia"
    agency: str | None  # "AP"

    @property
    def place(self) -> str | None:
        if not self.city:
            return None
        return f"{self.city}, {self.region}" if self.region else self.city


def _title_case_city(city: str) -> str:
    return " ".join(w[:1] + w[1:].lower() if len(w) > 1 else w for w in city.split())


@functools.lru_cache(maxsize=1 << 14)
def dateline(paragraph: str) -> Dateline | None:
    """The dateline a paragraph opens with: ``JAKARTA (Reuters) -``, ``(CNN)``, ``LONDON —``."""
    match = vocab.DATELINE.match(paragraph) or vocab.DATELINE_AGENCY_GLUED.match(paragraph)
    if not match:
        return None
    parts = match.groupdict()
    city = parts.get("city") or parts.get("city_only")
    agency = parts.get("agency") or parts.get("agency_only")
    if city:
        words = city.replace(".", "").split()
        if any(w.upper() in vocab.NOT_PLACES for w in words) or any(len(w) < 2 for w in words):
            return None
        if len(city) <= 3 and not agency and not places.zone_for_city(city):
            return None  # "SNP —" is a party, not a place
        # An upper-case city needs a dash or colon after it: "LONDON —", never "LONDON says".
        if parts.get("dash") == ":" and not agency:
            return None
    text = parts["dateline"].strip()
    result = Dateline(
        text=text,
        city=_title_case_city(city) if city else None,
        region=parts.get("region"),
        agency=vocab.AGENCIES.get(agency, agency) if agency else None,
    )
    logger.debug("dateline: %r", result)
    return result


_TIMES_IN = re.compile(
    r"(?:^|(?<=[.!?])\s+)All times (?:stated |listed |shown )?(?:are )?(?:local to (?P<place>[A-Z][\w .'\u2019-]{1,40}?)(?=[,.;]|\s+which\b|$)"
    r"|(?:in )?(?P<zone>UK|British|Eastern|Central|Pacific|[A-Z]{2,4})(?: time)?\s*:?\s*$)")
#: The zones a page's note on its times names ("All times stated are UK", "All times Eastern:").
_TIMES_ZONES = {"UK": "Europe/London", "BRITISH": "Europe/London", "EASTERN": "America/New_York", "CENTRAL": "America/Chicago",
                "PACIFIC": "America/Los_Angeles"}


def times_note(line: str) -> tuple[str, str] | None:
    """The zone a live page's note says its times are in, and whose it is: "All times listed are local to
    Singapore, ..." (the place's: "text"), "All times stated are UK", "All times EDT:" (the outlet's habit:
    "stamp"). GMT and UTC are a convention, not a place's zone."""
    found = _TIMES_IN.search(line.strip()) if "All times" in line else None
    if not found:
        return None
    if found["place"]:
        zone = places.zone_for_place(found["place"])
        return (zone, "text") if zone else None
    written = found["zone"].upper()
    zone = _TIMES_ZONES.get(written) or (places.zone_of_abbreviation(written) if written not in ("GMT", "UTC") else None)
    return (zone, "stamp") if zone else None


def all_times_local(paragraph: str) -> bool:
    """The dateline paragraph says update times are local: ``(all times local)``."""
    return bool(vocab.ALL_TIMES_LOCAL.search(paragraph))


# --- headlines, deks, captions -----------------------------------------------------------------

_TRAILING_CLOSERS = "\"'\u201d\u2019)]\u00bb "
_HEADLINE_STOPPERS = ".!;,:\u2026"


@functools.lru_cache(maxsize=1 << 14)
def paragraph_like(line: str) -> bool:
    """A paragraph of the article itself: a sentence of four words or more, or twelve words and more."""
    words = line.split()
    if vocab.TWEET_SIGNATURE.match(line.strip()):
        return True  # an embedded tweet's signature goes with its quote
    return (len(words) >= 4 and bool(vocab.SENTENCE_END.search(line) or line.rstrip().endswith(":"))) or len(words) >= 12


def sentence_like(line: str) -> bool:
    """A line of running text: eight words or more, not shaped like a headline."""
    return len(line.split()) >= 8 and not looks_like_headline(line)


def standfirst_shaped(line: str) -> bool:
    """A sentence or two that can stand under a headline: 8 to 60 words, ending with a full stop, or 12 words and
    more without one; not another story's headline ("On This Day in Space!", "Is there still a pulse?")."""
    words = line.split()
    if not 8 <= len(words) <= 60:
        return False
    end = line.rstrip(_TRAILING_CLOSERS)
    return end.endswith(".") or (len(words) >= 12 and end[-1:] not in "?!")


@functools.lru_cache(maxsize=1 << 14)
def dek_standfirst(line: str) -> bool:
    """The line under the headline is a standfirst when it is long for a headline (twelve words and more)
    but has no closing punctuation: "Paul Owen with all of today's news after ..."."""
    return (
        len(line.split()) >= 12 and looks_like_headline(line)
        and not (stamp_prefix(line) or stamp_suffix(line) or vocab.NUMBERED_POST.match(line))
    )


def looks_like_headline(line: str) -> bool:
    """A short line without closing punctuation that starts like a sentence (or a reporter's "X in Place" line)."""
    text = line.strip()
    if vocab.REPORTER_IN_PLACE.match(text):
        return True
    words = text.split()
    if not (2 <= len(words) <= 25) or len(text) > 200:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"\u201c'\u2018"):
        return False
    if caption(text):
        return False
    end = text.rstrip(_TRAILING_CLOSERS)
    if not end:
        return False
    if end[-1] in _HEADLINE_STOPPERS:
        return False
    if end[-1] == "?" and len(words) > 15:
        return False
    return True


#: The words headlines leave out ("Navy base damaged", not "The base is damaged"): articles and the verbs
#: that carry a sentence's tense.
_SENTENCE_GRAMMAR = re.compile(r"\b(?:the|a|an|is|are|was|were|has|have|had)\b")


def reads_as_sentence(line: str) -> bool:
    """A line without its full stop that still reads as a sentence, not a headline: it writes two or
    more of the articles and tense-carrying verbs headlines leave out ("The site is the Navy's biggest
    landholding", against "Navy's biggest landholding damaged")."""
    return len(_SENTENCE_GRAMMAR.findall(line)) >= 2


#: What a photo's caption says and a standfirst does not: "pictured at", "took this image", "reacts as he visits".
_PHOTO_WORDS = re.compile(
    r"\b(?:pictured|this (?:file )?(?:image|photo|picture)|(?:is|are) seen|reacts|gestures|pose[sd]?|waves to|looks on"
    r"|from left)\b|\((?:left|right|center|centre|L|R|C)\)", re.IGNORECASE)
#: Where a named person stands in the photo: "Ann Bell, left, and Joe Park", "Ann Bell, centre, waves".
_PHOTO_PLACE = re.compile(r"\b[A-Z][\w'\u2019-]+, (?:left|right|center|centre|second (?:from )?(?:left|right))(?:,|\s+and\b)")
#: What ``_PHOTO_PLACE`` holds, looked for before it is tried (most paragraphs have a comma).
_PHOTO_PLACE_WORDS = (", left", ", right", ", cent", ", second")


def describes_a_photo(line: str) -> bool:
    """A line that reads as a photo's caption, credit or not ("Kristi Noem, pictured at the White House ...")."""
    return bool(_PHOTO_WORDS.search(line)) or places_people_in_a_photo(line)


def places_people_in_a_photo(line: str) -> bool:
    """A line that says where a named person stands in a photo ("Ann Bell, left, and Joe Park ...")."""
    return any(words in line for words in _PHOTO_PLACE_WORDS) and bool(_PHOTO_PLACE.search(line))


#: How far from a line's end its credit may begin ("Credit...Anna Moneymaker/The New York Times", a photographer
#: and two agencies): longer than any credit the patterns take.
CREDIT_TAIL = 160


@functools.lru_cache(maxsize=1 << 14)
def caption(line: str) -> str | None:
    """The rule that makes a line a photo caption, or None. A credit is read at the line's end: the patterns
    that end with it are tried on its last ``CREDIT_TAIL`` characters, not from every place in a paragraph."""
    tail = line[-CREDIT_TAIL:]
    tail_from = max(0, len(line) - CREDIT_TAIL)
    for rule, pattern, gate, anchored, at_end in _GATED_CAPTIONS:
        if gate is not None:
            where = line if anchored else tail
            for word in gate:
                if word in where:
                    break
            else:
                continue  # none of the words the rule's credit holds: it cannot match
        if pattern.search(line, tail_from if at_end else 0):
            logger.debug("caption: %r by %s", line[:60], rule)
            return rule
    return None


#: vocab.CAPTION_PATTERNS with each rule's gate (vocab.CAPTION_GATES), whether it is anchored at the line's
#: start (its gate is read on the whole line, and it is tried from there) and only at its end (it is tried
#: on the line's tail only).
_GATED_CAPTIONS = tuple((rule, pattern, vocab.CAPTION_GATES.get(rule), pattern.pattern.startswith("^"),
                         pattern.pattern.endswith("$") and not pattern.pattern.startswith("^"))
                        for rule, pattern in vocab.CAPTION_PATTERNS)


_WORD = re.compile(r"[a-z0-9]+")


def _lead_words(text: str, count: int) -> list[str]:
    return _WORD.findall(text.lower())[:count]


def dek_by_title_prefix(title: str, line: str) -> bool:
    """Line 2 repeats the title's opening words: ``Kim-Putin summit LIVE UPDATES: ...``."""
    lead = _lead_words(title, 2)
    return len(lead) == 2 and _lead_words(line, 2) == lead and line.strip() != title.strip()


def dek_before_dateline(line: str, next_line: str | None) -> bool:
    """Line 2 stands between the headline and the paragraph that opens with the dateline."""
    return bool(next_line) and dateline(next_line) is not None and dateline(line) is None


# --- boilerplate -------------------------------------------------------------------------------


def boilerplate(line: str) -> tuple[str, str] | None:
    """(rule, why) when the line is site boilerplate, else None. A rule whose gate the line fails (too
    long for it, or without any of its words) is not tried: it could not match."""
    text = line.strip()
    low = text.lower()
    size = len(text)
    for rule, pattern, why, words, longest in _GATED_BOILERPLATE:
        if longest is not None and size > longest:
            continue
        if words is not None:
            for word in words:  # a loop, not any(): this runs for every family on every line
                if word in low:
                    break
            else:
                continue
        if pattern.search(text):
            logger.debug("boilerplate: %r by %s", text[:60], rule)
            return rule, why
    return None


#: vocab.BOILERPLATE with each family's gate (vocab.BOILERPLATE_GATES) beside it, in the families' order.
_GATED_BOILERPLATE = tuple((rule, pattern, why, *vocab.BOILERPLATE_GATES[rule]) for rule, pattern, why in vocab.BOILERPLATE)


_COPYRIGHT_HOLDER = re.compile(
    r"^(?i:copyright\s*)?(?:\u00a9|\((?i:c)\)|(?i:copyright))\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*)?(?:by\s+)?"
    r"(?P<org>[A-Z][\w&'\u2019-]*(?:\s+(?:[A-Z][\w&'\u2019-]*|of|and|for|the)){0,5})"
)
_SIGN_OFF = re.compile(r"^[-\u2013\u2014]\s*(?P<org>[A-Z][\w.-]*\.(?:com|net|org|ph|in|co\.uk|com\.au))\s*$|^[-\u2013\u2014]\s*(?P<agency>AP|Reuters|AFP|Bloomberg)\s*$")


def outlet_named(line: str, rule: str) -> str | None:
    """The outlet a dropped copyright line or sign-off names: "Copyright 2019 The Associated Press. All
    rights reserved." -> "Associated Press"; "- Rappler.com" -> "Rappler.com"."""
    text = line.strip()
    if rule == "copyright":
        match = _COPYRIGHT_HOLDER.match(text)
        org = match["org"].strip() if match else None
        return org.removeprefix("The ").removeprefix("the ") if org and org.lower() not in ("all", "all rights") else None
    if rule == "byline":  # "By The Associated Press", "Associated Press November 19, 2019": the agency that wrote it
        match = vocab.BYLINE.match(text)
        if match:
            named = [_agency_named(n.strip()) for n in re.split(r"\s*,\s*|\s+and\s+", match["names"])]
        else:
            words = text.split()
            named = [_agency_named(" ".join(words[:n])) for n in (3, 2, 1)]
        return next((n for n in named if n), None)
    if rule == "site_name":
        match = vocab.SITE_NAME.match(text)
        return match["site"] if match else None
    if rule == "sign_off":
        match = _SIGN_OFF.match(text)
        return (match["org"] or match["agency"]) if match else None
    return None


def url_host(url: str) -> str | None:
    """"https://www.theguardian.com/world/..." -> "theguardian.com"."""
    host = re.sub(r"^[a-z]+://", "", url.strip(), flags=re.IGNORECASE).split("/")[0].split(":")[0].lower()
    return host.removeprefix("www.") or None


_SUFFIXES = re.compile(r"(?:\s+[|\u2013\u2014-]\s+[^|]{2,60}?)+")


def title_again(title: str, line: str) -> bool:
    """``line`` is the page's headline shown again: the first line without the site's name (or names)
    it ends with ("... wrong way | iNFOnews | Thompson-Okanagan's News Source")."""
    text = line.strip()
    return bool(text) and title.startswith(text) and bool(_SUFFIXES.fullmatch(title[len(text):]))


def site_suffix(title: str, url: str | None = None) -> str | None:
    """The site's name a scraped title ends with (" | CNN", " - Telegraph", or the ``URL:`` host's name)."""
    match = vocab.SITE_SUFFIX.search(title)
    if not match or len(title[: match.start()].split()) < 3:
        return None
    site = match["site"].strip()
    name = site.lower().removeprefix("www.")
    host = (url_host(url) or "").split(".")[0] if url else ""
    if name in vocab.OUTLETS or (host and name.replace(" ", "") == host):
        return match.group()
    return None


def byline(line: str) -> tuple[str, ...] | None:
    """The authors a byline line names: ``By Meg Wagner and Brian Ries, CNN`` -> ("Meg Wagner", "Brian Ries"),
    none (an empty tuple) when it names only an agency (``By The Associated Press``);
    also a live page's writers by shift (``Ann Bell (now) and Joe Park (earlier)``) or its series' host
    (``Politics live with Ann Bell``)."""
    text = line.strip()
    shifts = (_SHIFTS.match(text) if text.endswith(")") else None) or (_LIVE_WITH.match(text) if " live with " in text else None)
    if shifts:
        text = "By " + re.sub(r"\s*\((?:now|earlier|later)\)", "", shifts["names"])
    if len(text.split()) > 25:
        described = _DESCRIBED.match(text)  # "By Sam Lee, a deputy editor and author of ... He's covered ..."
        if not described:
            return None
        text = described["byline"]
    match = vocab.BYLINE.match(text)
    if not match:
        return None
    names_text = vocab.BYLINE_END.sub("", match["names"])
    joined = re.search(r"\s(?:and|&)\s[^,]*(?=,)", names_text)
    if joined:  # "A, B and C, Outlet": the names end with the one joined by "and"
        names_text = names_text[: joined.end()]
    names, agencies = [], 0
    for part in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", names_text):
        words = part.split()
        cut = next((i for i, w in enumerate(words) if i and w.lower().strip(".,") in vocab.MONTHS), len(words))
        words = _without_role(words[:cut])
        if not words or words[0].lower().strip(".") in vocab.WEEKDAYS or words[0].lower().strip(".") in vocab.MONTHS:
            return None if not names else tuple(names)
        if 2 <= len(words) <= 4:
            shouted = all(w.isupper() for w in words)  # "JEFFREY GETTLEMAN"; "HNN Staff" keeps its initials
            name = " ".join(w.capitalize() if shouted and len(w) >= 3 else w for w in words)
            if _agency_named(name):
                agencies += 1
                continue  # "By The Associated Press": the agency, not a writer
            names.append(name)
    return tuple(names) or (() if agencies else None)


def _agency_named(name: str) -> str | None:
    """The agency a byline's name is ("The Associated Press" -> "AP"), if it is one."""
    plain = name.removeprefix("The ").strip()
    return vocab.AGENCIES.get(plain) or vocab.AGENCIES.get(plain.removesuffix(" Press").strip())


_NAME = vocab.person_name(3)
_NAMES = re.compile(r"^" + _NAME + r"(?:(?:\s*,\s*|,?\s+(?:and|&)\s+)" + _NAME + r")*$")


def names_only(line: str) -> tuple[str, ...] | None:
    """The names of a line that holds people's names and nothing else ("Sam Lee, Ann Bell and Joe Park"):
    under a live page's masthead ("Live Reporting"), the page's writers."""
    return byline("By " + line.strip()) if _NAMES.match(line.strip()) else None


_DESCRIBED = re.compile(r"^(?P<byline>By\s+[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){1,3}),\s+(?:a|an|the)\s")
_SHIFTS = re.compile(r"^(?P<names>" + _NAME + r"\s*\((?:now|earlier|later)\)(?:(?:\s*,\s*|,?\s+(?:and|&)\s+)" + _NAME + r"\s*\((?:now|earlier|later)\))*)$")
_LIVE_WITH = re.compile(r"^[A-Z][\w ]{1,30} live with (?P<names>" + _NAME + r"(?:\s+(?:and|&)\s+" + _NAME + r")?)$")
_CREDIT = re.compile(r"^\(?(?:(?:Additional )?Reporting|Writing) by\s", re.IGNORECASE)
_CREDIT_PART = re.compile(r"^(?:with |additional )?(?:reporting|writing) by\s+(?P<names>.+)$", re.IGNORECASE)


def credit_line(line: str) -> tuple[str, ...] | None:
    """The reporters a wire story's closing credit names: "(Reporting by Ann Bell in London; additional
    reporting by Joe Park; Editing by Sam Lee)" -> ("Ann Bell", "Joe Park"): its writers, not its editors."""
    text = line.strip()
    if text[:1] not in "(ARWarw" or not _CREDIT.match(text) or len(text.split()) > 60:
        return None
    names: list[str] = []
    for part in re.split(r"\s*;\s*|,\s*(?=(?:with |additional )?(?:reporting|writing|editing) by\b)", text.strip("().")):
        found = _CREDIT_PART.match(part.strip())
        if not found:
            continue
        people = re.sub(r"\s+in\s+[A-Z][\w .'-]*$", "", found["names"])  # "... in London"
        names += [n for n in byline("By " + people) or () if n not in names]
    return tuple(names) or None


#: A closing note on who helped: "Ann Bell contributed reporting from Kyiv.", "The Ledger's Joe Park and Ann Bell
#: contributed to this report.", "Ann Bell reported from Kyiv, and Joe Park from Lviv."
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?")  # "Ann Bell in London"
_WHERE = r"(?:" + _IN_PLACE.pattern + r")?"
_PEOPLE = _NAME + _WHERE + r"(?:(?:,\s*|,?\s+(?:and|&)\s+)" + _NAME + _WHERE + r")*"
_CONTRIBUTED = re.compile(
    r"^(?:[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){0,3}(?:['\u2019]s?|\s+(?:writers?|reporters?|correspondents?|journalists?))\s+)?"
    r"(?P<names>" + _PEOPLE + r")\s+(?:also\s+)?contributed"
    r"(?:\s+(?:reporting|research|to\s+this\s+(?:report|story|article)))?(?:\s+(?:from|in)\s+[A-Z][\w .,'-]{1,60})?\.?$"
    r"|^(?P<reporters>" + _NAME + r")\s+reported\s+from\s+[A-Z][\w .'-]{1,40}(?:,?\s+and\s+" + _NAME + r"\s+from\s+[A-Z][\w .'-]{1,40})*\.$")


_ALSO_FROM = re.compile(r"and\s+(" + _NAME + r")\s+from\b")  # "..., and Joe Park from Lviv"


def contributors(line: str) -> tuple[str, ...] | None:
    """The people a closing note says contributed to the report ("Ann Bell contributed reporting from Kyiv."):
    not the article's writers, and not its text."""
    text = line.strip()
    if "contributed" not in text and "reported from" not in text:
        return None
    found = _CONTRIBUTED.match(text)
    if not found:
        return None
    if found["names"]:
        names = _IN_PLACE.sub("", found["names"])
    else:
        names = " and ".join([found["reporters"], *_ALSO_FROM.findall(text)])
    return tuple(byline("By " + names) or ())


_GLUED = re.compile(r"^(.*[a-z])([A-Z][a-z]+)$")
#: Words before a role in a byline's role ("Staff Writer", "Contributing Correspondent").
ROLE_MODIFIERS = frozenset("staff contributing senior special chief political foreign national business opinion sports science".split())


_GLUED_OUTLET = re.compile(r"^(?P<name>.*[a-z])[A-Z]{2,}[a-z]\w*$")


def _without_role(words: list[str]) -> list[str]:
    """A byline's name without the writer's role after it, as pages lay them out side by side: glued
    ("Michael HiltzikBusiness Columnist") or set apart ("Jane Doe Staff Writer"): the name alone."""
    glued = _GLUED_OUTLET.match(words[-1]) if len(words) >= 2 else None
    if glued:  # "Jonathan GarberFOXBusiness": the outlet's name glued to the writer's
        return words[:-1] + [glued["name"]]
    if len(words) < 3 or words[-1].lower().rstrip("s") not in vocab.ROLE_WORDS:
        return words
    for i in range(len(words) - 2, 0, -1):
        glued = _GLUED.match(words[i])
        if glued:
            return words[:i] + [glued[1]]
    words = words[:-1]
    return words[:-1] if len(words) >= 3 and words[-1].lower() in ROLE_MODIFIERS else words


def promo_prefix(line: str) -> bool:
    """``Trending: ...``, ``Related: ...``: a headline injected by the site."""
    return bool(vocab.PROMO_PREFIX.match(line.strip()))


# Words too common in news to show that two texts share a subject.
STOPWORDS = frozenset(
    """a about after again against all also am an and any are as at be because been before being
    between both but by can could did do does doing down during each even ever few for from further
    had has have having he her here hers him his how i if in into is it its just last like made make
    many may me more most much must my new news no nor not now of off on once one only or other our
    out over own said same say says see she should since so some still such than that the their them
    then there these they this those through to too two under until up us very was way we were what
    when where which while who whom why will with would year years you your first time told after
    week day today yesterday monday tuesday wednesday thursday friday saturday sunday""".split()
)


def content_words(text: str) -> set[str]:
    """Lower-case words of three letters or more that are not stop words."""
    return {w for w in _WORD.findall(text.lower()) if len(w) >= 3 and w not in STOPWORDS and not w.isdigit()}


def unrelated(line: str, line_counts: Counter) -> bool:
    """A headline that shares fewer than two content words with any other line of the dump.

    ``line_counts`` counts, for each content word, how many lines of the dump hold it
    (this line included), so a word is shared when its count is two or more.
    """
    return sum(1 for w in content_words(line) if line_counts[w] >= 2) < 2
