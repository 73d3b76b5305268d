"""Vocabulary tables the parser's rules read: data, compiled once at import.

Adding a variant means adding a row here and a fixture under tests/parse/fixtures/,
not a new branch in a rule.
"""

from __future__ import annotations

import re

# --- header block ------------------------------------------------------------------------------

#: Keys that may start and fill the optional ``Key: value`` header block.
HEADER_KEYS = {
    "title": "title",
    "dek": "dek",
    "date": "date",
    "timezone": "timezone",
    "source": "source",
    "url": "url",
    "event": "event",
    "slug": "slug",
    "tags": "tags",
    "place": "place",
    "kind": "kind",
    "order": "order",
}

# --- live blogs --------------------------------------------------------------------------------

#: A title containing one of these marks the dump as a live blog.
LIVE_MARKERS = re.compile(
    r"\b(live updates?|latest updates|live blog|live coverage|live news|as it happened|the latest:|latest developments|live[:!])"
    r"|[\u2013\u2014-]\s*live$"  # "... Premier League \u2013 live"
    r"|^live\b|(?-i:\bLIVE\b)",
    re.IGNORECASE,
)

#: A line of the page (not the title) that marks it as a live blog: "168 Posts", a "LIVE" badge, "Here are
#: the latest updates", "This live coverage has ended".
LIVE_PAGE_LINE = re.compile(
    r"^\d{1,4} Posts$|^(?:LIVE|Live)(?: [Uu]pdates| [Bb]log| [Cc]overage| [Nn]ews| [Rr]eporting)?(?:\.\.\.|\u2026|:)?$|^All times (?:stated |listed )?are\b"
    r"|\b(?:the )?latest updates\b|\blive coverage\b|\blive blog\b"
    r"|^Follow (?:along|all|this page|the latest)\b.{0,60}\b(?:updates|developments|as (?:they|it) happens?)\b",
    re.IGNORECASE,
)

#: Lines that only separate updates.
SEPARATOR = re.compile(r"^\s*(?:_{3,}|-{3,}|\*{3,}|(?:\*\s){2,}\*|={3,})\s*$")

# --- update time stamps ------------------------------------------------------------------------

_ZONE = r"(?:\s*\(?(?P<zone>[A-Z]{2,5}|(?:Greenwich Mean|British Summer|Eastern|Central|Pacific) Time)\)?)?"
#: (rule name, pattern) for the time of an update's stamp (``time_core``: what is left once labels
#: and dates around it are taken off). Tried in order.
TIME_FORMATS = [
    (
        "time_12h",
        re.compile(
            r"^(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s*m\.?" + _ZONE + r"$",
            re.IGNORECASE,
        ),
    ),
    ("time_noon", re.compile(r"^(?:12\s+)?(?P<word>noon|midday|midnight)" + _ZONE + r"$", re.IGNORECASE)),
    ("time_24h", re.compile(r"^(?P<h>[01]?\d|2[0-3])(?::\s?|\.)(?P<m>[0-5]\d)(?:\s*(?:h|hrs))?" + _ZONE + r"$")),
]

#: "50 min ago", "1 hr 22 min ago": a stamp relative to when the page was captured (kept as written).
RELATIVE_STAMP = re.compile(
    r"^(?:less than\s+)?(?=\d)(?:\d+\s*(?:hrs?|hours?)\s*)?(?:\d+\s*(?:mins?|minutes?)\s*)?ago$", re.IGNORECASE
)
#: Labels written around a stamp but not part of it: "- 24 Jan 2026 ...", "8 P.M. UPDATE:", "UPDATE 5:30 P.M.:",
#: and the brackets some blogs set it in: "[Update 11:40 p.m.]", "[Midnight]", "\u2022 [1:40pm]".
STAMP_LABEL_BEFORE = re.compile(r"^(?:[\u2022\u00b7]\s*)?\[?\s*(?:[-\u2013\u2022\u00b7]\s*|UPDATE[:\s]\s*)?", re.IGNORECASE)
STAMP_LABEL_AFTER = re.compile(r"\s*(?:\bUPDATE\b)?\s*:?\s*\]?\s*$", re.IGNORECASE)
_WEEKDAY_ABBR = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
#: How a stamp can begin (a cheap test before the others): a digit, a label, a weekday or month, noon.
STAMP_START = re.compile(
    r"^(?:[\u2022\u00b7]\s*)?\[?(?:[-\u2013\u2022\u00b7]\s*)?(?:\d|update|noon|midday|midnight|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
#: A reporter's line heading a post on some live pages: "Peter Baker in Washington", "Jack Nicas in Oakland, Calif.".
REPORTER_IN_PLACE = re.compile(r"^[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,2}\s+in\s+[A-Z][\w'.-]+(?:[\s,]+[A-Z][\w'.-]+){0,3}$")
#: A headline-led blog's numbered post: "1. Goodnight", "12. Post update".
NUMBERED_POST = re.compile(r"^\d{1,3}\.\s+[A-Z\u201c\"']")
DIGIT = re.compile(r"\d")
YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")
#: A date written before a stamp's time: "Fri., Oct. 12 -- ", "Nov 10, ", "24 Jan 2026 ", "9/28/2022 ".
STAMP_DATE_BEFORE = re.compile(
    r"^(?P<date>(?:" + _WEEKDAY_ABBR + r"\s+)?(?:" + _MONTH_WORD + r"\s+[0-3]?\d(?:,?\s+\d{4})?|[0-3]?\d\s+" + _MONTH_WORD
    + r"(?:\s+\d{4})?|[0-3]?\d/[0-3]?\d/\d{4}))\s*(?:,|--|[-\u2013\u2014|])?\s+(?=\d|noon|midday|midnight)",
    re.IGNORECASE,
)
#: A date written after a stamp's time: ", March 14, 2019", " 13 December 2019", " 4.5.2015", ": Aug. 27" (its
#: year the page's), or glued to its zone ("06:52 GMT23 June 2021").
STAMP_DATE_AFTER = re.compile(
    r"(?:[,:]?\s+|(?<=[A-Z]))(?P<date>" + _MONTH_WORD + r"\s+[0-3]?\d(?:,?\s+\d{4})?|[0-3]?\d\s+" + _MONTH_WORD + r"\s+\d{4}|[0-3]?\d\.[01]?\d\.\d{4})$",
    re.IGNORECASE,
)
#: Where a stamp ends and the update's text begins on one line: "9:20 p.m.: ...", "22:20 GMT – ...", "... | headline";
#: failing those, a clock time running straight into a sentence: "17.00 We are going ...".
STAMP_PREFIX_END = re.compile(r"(?:\s+UPDATE)?\s*(?::|\s[-\u2013\u2014|]|\])\s+")
STAMP_PREFIX_BARE = re.compile(r"\s+(?=[A-Z\u201c\"])")
#: A stamp written after a post's headline: "Barnsley Central: Labour hold ...published at 02:31 GMT 13 December 2019".
STAMP_SUFFIX = re.compile(r"(?P<rest>.+?)\s*(?:published|posted) at\s+(?P<stamp>.+)$", re.IGNORECASE)

#: Fixed UTC offsets (minutes) of zone abbreviations written after a time.
#: Only unambiguous ones: "IST" or "CST" could be several places and is left out where unclear.
ZONE_ABBREVIATIONS = {
    "UTC": (0, "UTC"),
    "GMT": (0, "Etc/GMT"),
    "BST": (60, "Europe/London"),
    "CET": (60, "Europe/Paris"),
    "CEST": (120, "Europe/Paris"),
    "EET": (120, "Europe/Athens"),
    "EEST": (180, "Europe/Athens"),
    "MSK": (180, "Europe/Moscow"),
    "EDT": (-240, "America/New_York"),
    "EST": (-300, "America/New_York"),
    "CDT": (-300, "America/Chicago"),
    "CST": (-360, "America/Chicago"),
    "MDT": (-360, "America/Denver"),
    "MST": (-420, "America/Denver"),
    "PDT": (-420, "America/Los_Angeles"),
    "PST": (-480, "America/Los_Angeles"),
    "JST": (540, "Asia/Tokyo"),
    "KST": (540, "Asia/Seoul"),
    "HKT": (480, "Asia/Hong_Kong"),
    "SGT": (480, "Asia/Singapore"),
    "WIB": (420, "Asia/Jakarta"),
    "AEST": (600, "Australia/Sydney"),
    "AEDT": (660, "Australia/Sydney"),
    "GREENWICH MEAN TIME": (0, "Etc/GMT"),
    "BRITISH SUMMER TIME": (60, "Europe/London"),
}

#: Zones written after a time whose offset depends on the date: known, not fixed ("2:24 p.m. ET").
ZONES_BY_DATE = {"ET": "America/New_York", "EASTERN TIME": "America/New_York", "CT": "America/Chicago",
                 "CENTRAL TIME": "America/Chicago", "PT": "America/Los_Angeles", "PACIFIC TIME": "America/Los_Angeles"}
#: Zone abbreviations a stamp may carry that name several zones ("IST": India, Ireland, Israel): read, not resolved.
AMBIGUOUS_ZONES = frozenset({"IST", "CST"})

#: The dateline paragraph says its update times are local to the dateline city.
ALL_TIMES_LOCAL = re.compile(r"\(\s*all times (?:are )?local\s*\)|all times (?:are )?local", re.IGNORECASE)

# --- datelines ---------------------------------------------------------------------------------

#: News agencies as written inside a dateline's parentheses, and their short name.
AGENCIES = {
    "AP": "AP",
    "Associated Press": "AP",
    "Reuters": "Reuters",
    "AFP": "AFP",
    "CNN": "CNN",
    "UPI": "UPI",
    "Bloomberg": "Bloomberg",
    "dpa": "dpa",
    "DPA": "dpa",
    "Xinhua": "Xinhua",
    "Yonhap": "Yonhap",
    "Kyodo": "Kyodo",
    "PTI": "PTI",
    "IANS": "IANS",
    "ANI": "ANI",
    "EFE": "EFE",
    "ANSA": "ANSA",
    "TASS": "TASS",
    "BBC": "BBC",
    "CNBC": "CNBC",
    "AAP": "AAP",
    "CP": "CP",
    "The Canadian Press": "CP",
    "Al Jazeera": "Al Jazeera",
    "RFE/RL": "RFE/RL",
}

_AGENCY_ALT = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
_OUTLET = r"[A-Z][\w&/.'\u2019-]*(?:\s+[\w&/.'\u2019-]+){0,3}"
#: ``CITY[, Region] [(Agency)] — `` at the start of a paragraph, ``(CITY) —``, or ``(Agency)`` alone.
DATELINE = re.compile(
    r"^(?P<dateline>"
    r"(?P<city>[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.'\u2019]+(?:\s+[A-Z][A-Za-z.'\u2019]+){0,3}))?"
    r"(?:\s*\((?P<agency>" + _OUTLET + r")\))?"
    r"|\((?P<agency_only>" + _AGENCY_ALT + r")\)"
    r"|\((?P<city_only>[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+){0,3})\)"
    r")\s*(?P<dash>[\u2014\u2013]|--?|:)\s*"
)
#: ``(CNN)The rest...`` and ``Hong Kong (CNN Business)A muddled ...`` have no dash at all.
DATELINE_AGENCY_GLUED = re.compile(
    r"^(?P<dateline>(?:(?P<city>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+)?\((?P<agency_only>" + _AGENCY_ALT + r")(?:\s+[A-Z][a-z]+)?\))\s*(?=[A-Z\u201c\"])"
)

#: Upper-case words that start paragraphs but are not places.
NOT_PLACES = {"UPDATE", "BREAKING", "WATCH", "LIVE", "NOTE", "EDITOR", "EDITORS", "CORRECTION", "FILE", "PHOTO", "VIDEO", "READ", "ALSO", "UPDATED",
              "LATEST", "NEWS", "EXCLUSIVE", "ANALYSIS", "OPINION", "REVIEW"}

# --- captions ----------------------------------------------------------------------------------

#: Where a second sentence starts ("... at dawn.  The crew ..."): after a word, so initials ("U.S. President")
#: end no sentence.
NEXT_SENTENCE = r"[a-z]{2}[.!?][\"\u201d]?\s+[A-Z\"\u201c]"

#: A photo's caption without its credit, read by its shape: one sentence that shows a moment, then where
#: and on which day it was taken, at its end ("Ann Bell addresses the crowd at Harbour Hall, London, on 3
#: May 2021.", "A tram burns near the bridge in Port Ellis on Saturday, May 30.", "The quay, seen on June
#: 2, 2019."). Not a sentence that opens on a pronoun or an aside, reports what was said, or tells what had
#: happened or will ("He spoke in Port Ellis on May 3.", "The vote was held in Leeds on June 8."): text.
#: Read by its place too (``page.captions_by_place``): a paragraph shaped so may be an article's first.
PHOTO_DAY_CAPTION = re.compile(
    r"^(?!(?:He|She|It|They|We|I|You|There|Here|But|And|So|Then)\b)"
    r"(?!.*\b(?i:said|says|say|told|tells|was|were|had|has|have|will|would|could|should|can|did|does|expected|announced"
    r"|according|added|plans?|scheduled|due)\b)"
    r"(?!.*" + NEXT_SENTENCE + r")"  # one sentence
    r"(?=(?:\S+\s+){3,44}\S+$)"  # four to 45 words
    r".*(?:\b(?:in|at|near|outside|inside|off)\s+[A-Z].*?,?\s+|,\s+|\bseen\s+)"
    r"on\s+(?i:" + _WEEKDAY_ABBR + r"\s+)?(?i:" + _MONTH_WORD + r"\s+[0-3]?\d(?:,\s*\d{4})?|[0-3]?\d\s+" + _MONTH_WORD + r"(?:\s+\d{4})?)\.$")

#: A caption ends with a photo credit in parentheses or starts with a caption marker.
CAPTION_PATTERNS = [
    ("caption_credit", re.compile(
        # the outlet may add its source in brackets: "... (AP Photo/Ann Bell) [The Associated Press]"
        r"\((?:[^()]*\b(?:Photo|Photos|Photograph|Image|Picture|Pool)\b[^()]*|(?:AP|AFP|Reuters|EPA|Getty Images|Pool|Associated Press)(?:\s*/\s*[^()]+)?)\)"
        r"(?:\s*\[[^\[\]]{2,60}\])?\s*$",
        re.IGNORECASE)),
    ("caption_marker", re.compile(r"^(?:FILE\s*[-\u2014\u2013]|PHOTO:|Photo:|Image:|Pictured:|IMAGE:|\((?:GRAPHIC|Graphic|Chart|Map|Interactive)s?:)\s")),
    # the photographer's copyright before the caption: "\u00a9 Ann Bell Crews on the quay at dawn."
    ("caption_copyright_first", re.compile(r"^\u00a9\s?(?:[A-Z][\w.'\u2019-]+\s){2,3}[A-Z\u201c].{20,}$")),
    ("caption_by_line", re.compile(r"\b(?:Photo|Image) (?:by|credit|courtesy)\b[^.]*$", re.IGNORECASE)),
    ("caption_gallery_number", re.compile(r"^\d{1,3}\s*of\s*\d{1,3}\s*\S")),
    # "... Fethi Belaid/AFP/Getty Images": a photographer, then an agency or two
    ("caption_agency_credit", re.compile(
        r"\s(?:[A-Z][\w.'-]+\s){1,3}[A-Z][\w.'-]+(?:\s*/\s*(?:AP|AFP|Reuters|Getty Images|EPA|Bloomberg|Shutterstock)){1,2}\s*$")),
    # a credit at the end, glued on or not: "... last week.Credit...Sam Lee/The New York Times", "...treatmentCredit: EPA",
    # "(Credit: Getty Images)"; a photographer and agency in brackets, "(Sam Lee/AP)", or after the wire's name,
    # "REUTERS/Sam Lee", "Sam Lee / AP file"; the BBC's "Image caption ...", "Media caption ..."
    ("caption_end_credit", re.compile(
        r"(?:Credit(?::|\.\.\.|\u2026)\s*[A-Z][\w .&/'\u2019-]{1,60}\)?"
        # "... cables.CreditAnn Bell for The New York Times": the credit glued to the caption's last sentence
        r"|[.!?\u201d]Credit\s?[A-Z][\w .&/'\u2019-]{1,60}"
        r"|\((?:photo )?credit:\s*[A-Z][\w .&/'\u2019-]{1,60}\)"  # "(credit: NASA/Ann Bell)"
        # "(Ann Bell/AP)", "(Ann Bell / The Seattle Times)": a photographer and an agency or a paper, in brackets
        # too ("[Ann Bell/Reuters]", "[File: Ann Bell/AFP]")
        r"|[(\[](?:File:\s*)?(?:[A-Z][\w.'\u2019-]+\s){1,3}[A-Z][\w.'\u2019-]+\s*/\s*(?:AP|AFP|Reuters|Getty Images|EPA|Bloomberg|Shutterstock|PA|Anadolu|The(?: [A-Z][\w.-]+){1,3})[)\]]"
        r"|\b(?:REUTERS|AFP|AP Photo)/[A-Z][\w .'\u2019-]{2,40}|\s/\s(?:AP|AFP|Reuters|Getty Images)(?: file| - Getty Images)?"
        r"|[.!?]\s+Source:\s*[A-Z][\w .&/'\u2019-]{1,40}"
        # a photo agency's name alone after the last sentence ("... use of the drug. Getty"), a reader's photo
        r"|[.!?]\s+(?:Getty(?: Images)?|iStock|Shutterstock|Statista|AP|AFP|EPA|PA)|\bSubmitted photo)$")),
    # who is where in the photo, then the agency with no full stop: "Ann Bell (left) and Joe Park at the quay AP"
    ("caption_photo_agency", re.compile(
        r"(?:\((?:left|right|center|centre)\)|\bpictured\b)[^.!?]{0,150}\s(?:AP|AFP|Reuters|EPA|Getty Images|Shutterstock)$")),
    ("caption_bbc_label", re.compile(r"^(?:Image|Media) caption\s?[A-Z\u201c\"']")),
    # a credit at the end after a label ("... on the campaign trail in July. Pic: PA"), or a wire photo's
    # own date ("... Picture date: Tuesday July 2, 2024.")
    ("caption_label_credit", re.compile(
        r"(?:^|[.!?\u201d\"]\s+)(?:Pic|Picture|Photo)s?:\s*[A-Z][\w.&/'\u2019 -]{1,40}$"
        r"|\bPicture date: (?:[A-Z][a-z]+,? )?(?:[A-Z][a-z]+ \d{1,2}|\d{1,2} [A-Z][a-z]+),? \d{4}\.?$")),
    # a credit after a dash, in capitals ("... cordoned off the court - GETTY IMAGES")
    ("caption_dash_credit", re.compile(r"\s[-\u2013\u2014]\s+(?:[A-Z]+ VIA )?(?:GETTY IMAGES|AFP|REUTERS|EPA|SHUTTERSTOCK|BLOOMBERG)$")),
]

#: The words a caption rule's credit holds, one of which the line's end must hold before the rule is tried
#: (``rules.caption``): most lines are paragraphs, and these patterns are read at every place near their end.
CAPTION_GATES = {
    "caption_end_credit": ("Credit", "/", "(", "Getty", "iStock", "Shutterstock", "Statista", "AP", "AFP", "EPA", "PA",
                           "Submitted photo", "Source:", "credit:"),
    "caption_copyright_first": ("\u00a9",),
    "caption_photo_agency": ("(left)", "(right)", "(center)", "(centre)", "pictured"),
    "caption_label_credit": ("Pic", "Photo", "Picture date"),
    "caption_bbc_label": ("Image caption", "Media caption"),
}

# --- boilerplate -------------------------------------------------------------------------------

#: Outlets whose name a scraped page's title ends with ("... | CNN", "... - Telegraph"): a site suffix, not the headline.
OUTLETS = frozenset(
    "cnn|cnn politics|cnn business|bbc|bbc news|reuters|ap|ap news|associated press|al jazeera|the guardian|guardian|"
    "telegraph|the telegraph|the independent|independent|sky news|nbc news|cbs news|abc news|fox news|npr|politico|"
    "the new york times|new york times|the washington post|washington post|usa today|los angeles times|la times|"
    "the wall street journal|wsj|bloomberg|cnbc|time|newsweek|the atlantic|vox|axios|the hill|daily mail|daily mail online|"
    "mail online|the times|financial times|ft|euronews|france 24|dw|deutsche welle|rte|the irish times|abc|cbc|cbc news|"
    "global news|ctv news|the star|the hindu|hindustan times|times of india|ndtv|scmp|south china morning post|"
    "the japan times|yonhap|the straits times|channel newsasia|the sydney morning herald|sbs news|stuff|nz herald|"
    "yahoo|yahoo news|msn|huffpost|the daily beast|buzzfeed news|wired|the verge|ars technica|rappler".split("|")
)
#: An outlet's name alone on its line, the page's logo or source label, perhaps with its edition ("The
#: Guardian - UK"): the article's source when nothing else names one.
SITE_NAME = re.compile(
    r"^(?P<site>" + "|".join(sorted((re.escape(o) for o in OUTLETS), key=len, reverse=True)) + r")(?:\s+[-\u2013|]\s+(?:UK|US|U\.S\.|World|International|Europe|Asia|Australia|Canada|India|Africa))?$",
    re.IGNORECASE)


class _SiteNameLine:
    """``SITE_NAME`` for the boilerplate table, read by a set lookup first: most short lines are no outlet's
    name, and the pattern's eighty alternatives cost each of them a try."""

    _EDITION = re.compile(r"\s+[-\u2013|]\s+\S+$")

    def search(self, text: str):
        name = self._EDITION.sub("", text).casefold() if ("-" in text or "\u2013" in text or "|" in text) else text.casefold()
        return SITE_NAME.match(text) if name in OUTLETS else None


#: The small words names carry between their capitalised ones ("Mark di Stefano", "Ursula von der Leyen").
NAME_PARTICLES = r"(?:de|di|da|del|della|dos|du|van|von|der|den|ter|la|le|bin|ibn|al|el)"


def person_name(most_words: int) -> str:
    """A pattern for a person's name: two to ``most_words`` capitalised words, particles between them."""
    word = r"[A-Z][\w.'\u2019-]+"
    return word + r"(?:\s+(?:" + NAME_PARTICLES + r"\s+)*" + word + r"){1," + str(most_words - 1) + "}"

#: A line that no one is quoted or reported in ("..., he said"): an outlet's own appeal is not attributed.
_UNATTRIBUTED = r"(?!.*\b(?:said|says|told|urged|added)\b)"

#: (rule name, pattern, why it is dropped). A line matching any row is dropped and reported.
BOILERPLATE = [
    ("syndication_disclaimer", re.compile(
        r"has not reviewed this .{0,60}?(?:story|article|content) prior to publication"
        r"|is provided to our readers as a service from"
        r"|(?:story|article) has not been edited by .{0,60}? (?:staff|team) and is (?:auto-)?(?:generated|published) from a syndicated feed"
        r"|^This (?:story|article) (?:was|is) (?:originally )?(?:published|syndicated) (?:by|from) .{0,60}$"
        r"|^(?:Originally published (?:on|in|at|by)|This (?:article|story) (?:was|is) (?:reprinted|republished) (?:on|in|from|by))\b.{0,80}$",
        re.IGNORECASE),
     "a syndicating site's disclaimer, not part of the story"),
    ("editorial_standards", re.compile(
        r"^(?:Truth and Accuracy|Our Standards:.*|Editorial Standards)$"
        r"|We are committed to truth and accuracy"
        r"|Read our editorial standards",
        re.IGNORECASE),
     "the site's editorial-standards blurb"),
    ("advertising", re.compile(
        r"^Advertise with\b|\bAdvertise Today\.?$|^Advertisements?$|^ADVERTISEMENT$|^Sponsored(?: Content)?:?$"
        r"|^Story continues below(?: advertisement)?$|^Continue reading(?: the main story| below)?$|^Advertisement\s*[-\u2013\u2014]\s*Continue reading below$",
        re.IGNORECASE),
     "advertising"),
    ("share_widget", re.compile(
        r"^(?:Share|Share this(?: article| story| page)?|Tweet|Email|Print|Pin|WhatsApp|Facebook|Twitter|LinkedIn|Copy link|Link copied!?)"
        r"(?:\s*[|/,]\s*(?:Share|Tweet|Email|Print|Pin|WhatsApp|Facebook|Twitter|LinkedIn|Copy link))*:?$"
        r"|^Share (?:on|via) (?:Facebook|Twitter|X|WhatsApp|Email|LinkedIn)(?:\b|(?=Share\b)).*$",
        re.IGNORECASE),
     "a share widget"),
    ("trending_widget", re.compile(
        r"^(?:Trending(?: Now| Stories)?|Related(?: Coverage| Stories| Articles| News)?|Read More|Also Read|More From\b.*|Most Read|Most Popular|Recommended(?: for you)?|You May Also Like|Don't Miss|Must Read|Watch|WATCH)\s*:"
        r"|^(?:Trending(?: Now| Stories)?|Related(?: Coverage| Stories| Articles)?|Most Read|Most Popular|Recommended(?: for you)?|You May Also Like|Read more|Also read|Also watch|Read also|Watch also|See also)$"
        r"|^Profile\s*[:|]\s*.{2,60}$|^\[[^\[\]]{3,200}\]$",
        re.IGNORECASE),
     "a 'Trending:'/'Related:' widget"),
    ("newsletter_promo", re.compile(
        r"^(?:Sign up|Subscribe)\b.{0,80}\b(?:newsletter|updates|alerts|today)\b.*$"
        r"|^Click here to (?:subscribe|sign up|read more)\b.*$|^(?=.{0,160}$).*\bclick(?:ing)? here\b(?: to (?:support|get|download|sign|subscribe|read|watch|follow)\b.{0,60})?\W*$"
        r"|^Download (?:the|our) .{0,40}app\b.*$",
        re.IGNORECASE),
     "a newsletter or app promotion"),
    ("follow_promo", re.compile(
        r"^Follow (?:us|@\w+|[\w.' ]{1,40}) on (?:Twitter|X|Facebook|Instagram|Telegram|Google News)\b.*$"
        r"|^Follow (?:AP|Reuters|AFP)['\u2019]s\b.{0,160}\b(?:at|here:?) https?://\S+$",
        re.IGNORECASE),
     "a 'follow us' promotion"),
    ("copyright", re.compile(
        r"^(?:Copyright|\u00a9|\(c\))\s*\d{4}\b.*(?:All rights reserved|may not be (?:published|reproduced)).*$|^Copyright\s*[@\u00a9]\s*\d{4}\b.{0,60}$"
        r"|^(?:Copyright\s*)?(?:\u00a9|\(c\))\s*(?:\d{4}\s*)?[\w .,&'-]{2,60}$",
        re.IGNORECASE),
     "a copyright notice"),
    ("social_links", re.compile(
        r"^(?:Follow (?:us )?on (?:Twitter|X|Facebook|Instagram|LinkedIn|YouTube|TikTok)|Reddit|Flipboard|Pinterest|Pocket|Messenger"
        r"|Copied!?|Copy Link|Share (?:this|on|via)?|Shares?|Email this|Save|Saved|Read Later|Bookmark|Comment"
        r"|Share (?:this )?(?:on|via):? .{1,60}|(?:Show more|All) shar(?:ing|e) (?:options|services)|Share All sharing options(?: for:? .{1,200})?|Share Tweet Submit"
        r"|Close extra sharing options|Copy Link URLCopied!?|Pin It|Bookmark it"
        r"|Follow (?:The )?[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})$"
        r"|^(?:(?:Facebook|Twitter|Email|LinkedIn|Reddit|Pinterest|WhatsApp|Print|Flipboard|Messenger|SMS)\s*){2,}$",
        re.IGNORECASE),
     "a share or follow button"),
    ("comment_prompt", re.compile(
        r"^(?:\d+\s+)?(?:reader\s+)?comments?$|^(?:View|Show|Hide|Read|Load|See|Post|Add|Leave)(?: all| more)?\s+(?:\d+\s+)?comments?\b.{0,30}$"
        r"|^(?:Join the (?:conversation|discussion)|Comments are closed\.?|Leave a (?:comment|reply)|Comment on this (?:story|article))$",
        re.IGNORECASE),
     "a comment prompt"),
    ("gallery_control", re.compile(
        r"^(?:Image|Photo|Picture|Slide)\s+\d+\s+(?:of|/)\s+\d+$|^\d+\s*(?:of|/)\s*\d+$|^(?:Back to Gallery|View (?:Photos|Gallery|Slideshow)|"
        r"Enlarge (?:this )?image|Expand|Close|Caption|Hide Caption|Toggle caption|Previous|Next|Loading\.*|Undo|Image:?|Photo:?|Picture:|Video|Play Video|"
        r"Watch(?: Video| Now)?|Replay|Buy Photo|Full Screen|Autoplay|Skip Ad|×|x)$"
        # a pager: "1 | 2 | 3 | 4 | 5", "Next Page >", "« Previous"
        r"|^\d{1,3}(?:\s*\|\s*\d{1,3}){2,}$|^(?:Next|Previous|Prev)(?: Page)?\s*[>»›]+$|^[<«‹]+\s*(?:Next|Previous|Prev)(?: Page)?$",
        re.IGNORECASE),
     "a gallery or player control"),
    ("photo_credit", re.compile(
        r"^(?:(?:Main|Top|Lead|Header|Featured|Hero) )?(?:Photo|Image|Picture|Photograph|Credit|Photo credit|Image credit|Image copyright|Image caption)\s*(?::|by)\s*[^!?]{2,80}(?<![.])$"
        r"|^\(?(?:Photo|Image|Credit)s?:?\s+[^.!?]{2,60}\)?$|^Image copyright [^.!?]{2,60}$"
        r"|^(?:Getty Images|AP Photo|Reuters|AFP|EPA|Shutterstock)(?:\s*/\s*[\w .'-]{2,40})?$"
        r"|^\((?:[^()]{1,40}/)?(?:AP|AFP|Reuters|Getty Images|EPA|Bloomberg|Pool)\)$"
        r"|^[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3}(?:\s*/\s*[^/]{2,40}){0,2}\s*/\s*(?:AP|AFP|Reuters|Getty Images|EPA|Bloomberg|Shutterstock|Sipa|Zuma)$"
        r"|^\((?:Image|Photo|Picture)(?: credit)?:\s*[^()]{2,80}\)$|^\([A-Z][^()]{2,50}\s*/\s*(?:Associated Press|AP|AFP|Reuters|Getty Images|EPA|Bloomberg|[A-Z][\w ]{2,30} Times)\)$"
        r"|^Courtesy(?: of)? [A-Z][\w .'&-]{2,50}$|^Photo illustration by\b.{2,80}$"
        r"|^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s*(?:/|\bfor\b|\bvia\b)\s*(?:[A-Z][\w.'-]+ ){0,3}(?:Magazine|AP|Associated Press|Getty Images|Reuters|AFP)$",
        re.IGNORECASE),
     "a photo credit"),
    ("subscribe_prompt", re.compile(
        r"^(?:Subscribe|Subscribe now|Subscribe today|Sign In|Sign in|Log in|Login|Register|Sign up|Create (?:an )?account|Become a member"
        r"|Most recent newsletter|Newsletters?|Get (?:our|the) newsletter|(?:Breaking News )?(?:Emails|E-mails|Alerts)|Already a subscriber\?.*|Support (?:our|independent) journalism.*)$"
        r"|^(?:Subscribe|Sign up)\b.{0,100}(?:newsletter|magazine|inbox|for free|digital access).*$|^Get .{0,60} delivered to your inbox\.?$"
        r"|^Would you like to (?:subscribe|sign up|receive|join|be part of|contribute to|write for)\b.{0,200}$|^(?:See all |The )?[\w' -]{0,30}Newsletters?$|^Subscribe to\b.{0,100}$"
        # a paywall's plans: "$7/month", "$60/person/year", "We accept credit card, Apple Pay and Google Pay."
        r"|^[$\u00a3\u20ac]\d+(?:[.,]\d\d)?\s*/\s*(?:(?:person|user|seat)\s*/\s*)?(?:month|mo|year|yr|week|wk)$|^We accept (?:all )?(?:major )?credit cards?\b.{0,60}$"
        # a plan offered to the reader: "A flexible plan you can cancel anytime."
        r"|^An? [\w -]{0,30}\bplan\b(?=[^.]*\byou\b)[^.]{0,80}\b(?:cancel (?:anytime|at any time)|all year|per (?:month|year)|a (?:month|year))\b\.?$",
        re.IGNORECASE),
     "a subscribe or sign-in prompt"),
    ("consent_notice", re.compile(
        r"\b(?:we use cookies|this (?:site|website) uses cookies|cookie (?:policy|settings)|privacy policy and terms of (?:use|service)|protected by recaptcha)\b"
        r"|^(?:Accept(?: all)?(?: cookies)?|Manage (?:cookies|preferences)|I agree)$"
        # a sign-up form's terms, its fields' labels and its consent box
        r"|^By (?:signing (?:up|in)|subscribing|registering|submitting\b.{0,30}?|clicking\b.{0,40}?),? you (?:agree|acknowledge|consent)\b.{0,250}$"
        r"|^(?:E-?mail(?: address)?|(?:First |Last )?Name|Zip code|Postal code)\s*\((?:required|optional)\)\s*\*?$"
        r"|^I (?:agree|consent) (?:that|to)\b.{0,120}\b(?:send me|newsletters?|e-?mails?|terms of (?:use|service)|privacy policy)\b.{0,80}$",
        re.IGNORECASE),
     "a consent notice"),
    ("site_widget", re.compile(
        r"^(?:Supported by|Advertising|Ad|Ads|Sponsored|Paid (?:post|content)|Menu|MenuSections|Sections|Search|Skip to (?:main )?content|Home"
        r"|Top Stories|Latest(?: News)?|Most Popular|Popular|Trending|More|See more|More (?:stories|news|videos)|Recommended"
        r"|View PDF/Print Mode|Print(?: this)?(?: article| page)?|Report(?: an? (?:error|typo))?|Feedback|Wait \d+ seconds? to continue\.?"
        r"|Spread the love|arrow_\w+|weather icon .{0,30}|Current Conditions\b.{0,40}|Combined Shape|Read (?:full )?(?:story|article)|Continue reading|Listen(?: to (?:this )?(?:article|story))?"
        r"|\d+\s*(?:min|minute)s? read|\u00b7?\s*\d+\s*min read)$"
        r"|^We['\u2019]re interested in your feedback on this page\b.*$|^Via \w[\w.]*\.(?:com|info|net|org)$"
        r"|^(?:More (?:from|on) .{1,40}|More Great .{1,40} Stories|Related Topics|Next On .{1,40}|Media playback is unsupported on your device"
        r"|Show more|(?:Find out|Learn) more|Wordcount: \d+|\d+ with \d+ posters participating|Sort by:?|\W*(?:Latest|Oldest|Newest) first|Auto[- ]?update:?"
        r"|View (?:photos?|profile|all|this image)\W{0,3}|We Recommend|Top Picks|Trending in .{1,30}|Topics\b.{0,60}|Don['\u2019]t miss a thing\.?"
        r"|Keep up with .{1,30}\.|Share your thoughts\b.{0,40}|You have been successfully subscribed!?|Zip Code|Social feed|Instagram|Google|Tumblr"
        r"|\W*(?:On|Off)|Updates:|Key events|Show key events only|Please turn on JavaScript.{0,60}|Read now|Give Feedback|Font Size|Explore further|(?:Back|Scroll) to top)$"
        r"|\bTell us what you think\b.{0,60}\bsurvey\b|^Welcome to our new\b.{0,40}\b(?:page|site|look)\b.{0,80}$",
        re.IGNORECASE),
     "a site widget"),
    ("dated_line", re.compile(
        # "Updated: Nov 19, 2019", or after the desk's place and name: "New Delhi, Ledger Bureau | Updated : 19 November 2019"
        r"^(?:[^|!?]{1,60}\|\s*)?(?:(?:Originally |Original )?(?:Published|Publication Date|Updated|Last updated|Posted|Modified|First published)\b\s?:?)"
        r"[^!?]{0,60}?(?:\b\d{4}\b|\b\d{1,2}:\d\d|\b" + _MONTH_WORD + r")[^!?]{0,40}$",
        re.IGNORECASE),
     "the page's published or updated line (its date is kept as the page's own)"),
    ("date_only_line", re.compile(
        r"^(?:(?:Updated|Published|Posted|Last updated)\s*:?\s*|[/|,\u00b7-]\s*|(?:" + _MONTH_WORD + r")\s*\d{1,2}(?:st|nd|rd|th)?,?\s*(?:\d{4})?,?\s*"
        r"|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH_WORD + r"\s*\d{4},?\s*|\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?\s*|(?:at|on)\s+"
        r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)+$",
        re.IGNORECASE),
     "a line of dates and times only: the page's published or updated line (its date is kept as the page's own)"),
    ("live_notice", re.compile(
        r"^\d{1,4} Posts$|^(?:Our live coverage\b.{0,100}|This live coverage has ended\b.{0,80}"
        r"|Full coverage of\b.{0,60}|(?:[A-Z]{2,5} News )?Live(?: Live| Reporting)?|Watch live\b.{0,40}|All times (?:stated )?are [A-Z]{2,4}|Get involved|"
        r"Here(?:['\u2019]s| is| are)\b.{0,40}\b(?:updates|developing|latest)\b[^.!?]{0,20}(?:\. All times \w+)?:?|This live (?:blog|page|coverage) (?:is|in) now closed\b.{0,100}"
        r"|Click here for (?:the )?(?:latest )?updates\b.{0,60}|For (?:full|more|complete|all) (?:of our )?coverage\b.{0,60}\b(?:visit|see|go to|click)\b.{0,60}|Refresh (?:the )?page\b.{0,40}|\(Refresh page\b.{0,40})$",
        re.IGNORECASE),
     "a live page's notice or post counter"),
    ("embed_notice", re.compile(
        r"^(?:This (?:Twitter|Instagram|Facebook|YouTube|TikTok) (?:post|content|video) (?:cannot|can't|could not) be displayed\b.{0,120}"
        r"|The BBC is not responsible for the content of external sites\.?|Skip (?:twitter|instagram|facebook|youtube) (?:post|content|video)(?: \d+)?"
        r"|Live blog: (?:quote|twitter|tweet|recap|email|e-mail|comment|substitution|video|audio|photo|picture|poll|chart)"
        r"|Allow (?:Twitter|Instagram|Facebook|YouTube|TikTok) content\?|End of (?:twitter|instagram|facebook|youtube) (?:post|content)(?: \d+)?"
        r"|IE ?11 is not supported\b.{0,100}|Please (?:enable|turn on) JavaScript\b.{0,100}|Your browser does not support\b.{0,80}"
        r"|-?\d{1,3}\s*\u00b0\s*[FC]?)$",
        re.IGNORECASE),
     "an embed's or a player's notice"),
    ("licence_banner", re.compile(
        r"^(?:Got a TV Licen[cs]e\?|You need (?:one|a TV Licen[cs]e) to watch live TV\b.{0,160}|I don['\u2019]t have a TV Licen[cs]e\.?)$",
        re.IGNORECASE),
     "a broadcaster's TV-licence banner"),
    ("site_name", _SiteNameLine(), "the outlet's name alone, its logo or source label"),
    ("video_label", re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d\d\s*-\s*Source:\s*.{1,30}$", re.IGNORECASE),
     "a video's length and source (the line above it is the video's title)"),
    ("relative_date_label", re.compile(r"^(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago$", re.IGNORECASE),
     "a teaser's age (\"1 day ago\")"),
    ("author_bio", re.compile(
        r"^(?!.*\b(?:who|whose|said|says|told|was (?:detained|arrested|killed|injured|shot))\b)(?:About\s+)?(?:(?:[\w-]+\s+){0,3}(?:contributor|journalist|columnist|writer)\s+)?[A-Z][\w.'\u2019-]+(?:\s+(?:" + NAME_PARTICLES + r"\s+)*[A-Z][\w.'\u2019-]+){0,3}"
        r"(?:\s*\([^)]{1,60}\))?\s+(?:(?:is|was|has been)\s+(?:a|an|the)\s+(?:[\w'\u2019&-]+\s+){0,5}?(?i:reporter|writer|editor|correspondent"
        r"|contributor|journalist|producer|columnist|fellow|author)\b|(?:joined|covers|writes|arrives at)\b.{0,150}?\b(?i:reporter|writer|editor"
        r"|correspondent|magazine|blog|newsroom|since joining)\b)(?!\s+(?:who|whose|that|when)\b).{0,400}$"),
     "a note about the author"),
    ("contact_line", re.compile(
        r"^(?:Have a tip\?|(?:Email|Contact|Reach|Follow)\b)[^\n]{0,200}\b[\w.+-]+@[\w-]+\.[\w.]+|^[A-Z][\w.'\u2019 -]{2,40}:\s*[\d(][\d() -]{6,}\d\b.{0,80}$"
        r"|^Email [\w.+-]+@[\w-]+\.[\w.]+\b.{0,80}$"),
     "the author's contact details"),
    ("comment_policy", re.compile(
        r"\bcomments? (?:are|is) (?:subject to our|moderated (?:by our|before))\b|\b(?:moderates|moderating|values your|submitting) (?:all )?(?:reader )?(?:comments|content)\b"
        r"|\bopinions expressed in (?:reader )?comments\b|^You must (?:be logged in|log ?in|sign in)\b.{0,60}\bcomment\b.{0,40}$"
        r"|^(?:No comments yet|Be the first to comment)\b.{0,40}$",
        re.IGNORECASE),
     "the site's comment policy or prompt"),
    ("affiliate_notice", re.compile(
        r"\baffiliate commission\b|\bpurchase (?:something )?through (?:recommended )?links\b|\blinks to online retail\b"
        r"|\bmay earn (?:a|an) (?:small )?commission\b.{0,80}\b(?:links?|purchase|buy)",
        re.IGNORECASE),
     "the site's note on affiliate links"),
    ("newsletter_prompt", re.compile(
        r"^(?:[^\w\s]\s*)?(?:Want|Need) more [\w .'\u2019]{1,30}\?.{0,160}\b(?:subscri\w+|sign up|newsletter|magazine)\b.{0,120}$"
        r"|\bdelivered (?:right )?to (?:your|you)\b.{0,40}$|\b(?:your|email) inbox\b|\bunsubscribe\b|\bopt-in box\b|^Thanks for (?:signing up|subscribing)\b.{0,60}$"
        r"|\bproblem subscribing\b|^Get (?:our|the) [\w .'\u2019]{0,40}newsletter\b.{0,60}$|^[\w .'\u2019]{0,30}Newsletter Privacy Policy\b.{0,60}$"
        r"|^(?:[^\w\s]\s*)?(?:Sign up|Subscribe)\b.{0,40}\b(?:to get|for)\b.{0,80}$"
        r"|^There was (?:an error|a problem) (?:processing|with) your (?:subscription|sign-?up)\b.{0,40}$|\bKeep up with\b.{0,60}\bnewsletter\.?$"
        r"|^Get breaking news alerts\b.{0,160}$|^Get the day['\u2019]s (?:big|top|biggest|best) (?:stories|headlines|news)\b.{0,120}$",
        re.IGNORECASE),
     "a newsletter or subscription prompt"),
    ("tag_list", re.compile(
        r"^(?:Tags|Tagged(?: with| in)?|Topics|In This Article|Filed (?:under|in)|Related Topics|Read More Stories About|Keywords)\s*:.{0,300}$",
        re.IGNORECASE),
     "the article's tags"),
    ("reprint_note", re.compile(
        r"^A version of this article appears in print\b.{0,200}$|^This article (?:originally )?appeared (?:on|in)\b.{0,80}$"
        r"|^Citation: .{10,200}\bretrieved\b.{0,200}$|^This document is subject to copyright\b.{0,300}$|^Provided by [A-Z][\w .&'-]{2,60}$"
        r"|^Request Reprint\b.{0,100}$",
        re.IGNORECASE),
     "a print, reprint or citation note"),
    ("markup_debris", re.compile(r"(?:\b[\w-]+=\"[^\"]*\"\s*){2,}|<span\b[^>]*>[^<]*</span>|\bdata-[\w-]+=\""),
     "HTML the scraper left in the text"),
    ("reader_callout", re.compile(r"^\W*(?:Have|Got) (?:a )?(?:question|story|tip|photo|video)s?\b.{0,80}\b(?:Share|Send|Tell) (?:it|them|us)\b.{0,30}$", re.IGNORECASE),
     "a call for readers' questions or tips"),
    ("update_note", re.compile(
        r"^Editor['\u2019]s note:\s*(?:This|The) (?:story|article|post|report) (?:was|has been) (?:updated|changed)\b.{0,200}$",
        re.IGNORECASE),
     "an editor's note on when the story was updated"),
    ("letters_callout", re.compile(
        r"^" + _UNATTRIBUTED + r".{0,200}\bWe['\u2019]d (?:like|love) to hear (?:what you think|your (?:thoughts|feedback)|from (?:you|our readers))\b.{0,300}$",
        re.IGNORECASE),
     "a call for readers' letters"),
    ("audio_promo", re.compile(
        r"^(?:Catch up on|Listen to|Subscribe to|Tune in to|Check out)\b.{0,160}\bpodcast\b.{0,80}$"
        r"|^Listen (?:to|again|back)\b.{0,100}\b(?:live at|listen back|listen again|on demand)\b.{0,60}$",
        re.IGNORECASE),
     "a podcast's or a radio programme's promotion"),
    ("truncated_teaser", re.compile(r"^[A-Z\d'\"\u2018\u201c][^.!?]{10,160}(?:\.\.\.|\u2026)$|^[A-Z\d'\"\u2018\u201c].{5,150}\s\(\d{1,2}:\d\d\)$"),
     "another story's headline, cut short or with its video's length"),
    ("dated_teaser", re.compile(r"^[A-Z\d'\"\u2018\u201c][^.!?]{5,150}[^\W\d]\s(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)\.? [0-3]?\d$"),
     "another story's headline with its date in capitals (\"... Low Marks Abound DEC 27\")"),
    ("membership_appeal", re.compile(
        r"^(?:If you (?:enjoyed|liked|value|appreciate) (?:this|our) (?:article|story|journalism|reporting)\b.{0,500}|(?:Like|Enjoyed|Enjoy) this (?:article|story)\?.{0,80}"
        r"|Join (?:our|the) [\w .'\u2019]{1,40}(?:Forums?|community)\b.{0,200}|Get breaking [\w .'\u2019]{1,30} news\b.{0,150}"
        # "Support the Ledger and make a difference for readers": the outlet's own appeal, to its readers
        # "There's no better time to support our work. Get your monthly donation matched ...", "Did you like this story?"
        r"|" + _UNATTRIBUTED + r".{0,80}\bsupport (?:our|this) (?:work|journalism|reporting|newsroom)\b.{0,200}"
        r"|(?:Did|Do) you (?:like|enjoy) this (?:article|story)\?|Want more (?:news|stories|local news|coverage)\b[^.!]{0,60}\?"
        r"|" + _UNATTRIBUTED + r"Support (?:us|(?:the )?(?-i:[A-Z][\w.]*(?: [A-Z][\w.]*)?)) (?:and|so|to|today|now)\b.{0,160}\b(?:you|your|readers?|journalism|reporting)\b.{0,120}"
        r"|Read more from this author\b.{0,60}|Check out more (?:articles|stories|news|videos) (?:on|at|from)\b.{0,60}|(?:Privacy Policy|Terms of (?:Use|Service))(?:\s*[,|]\s*(?:Privacy Policy|Terms of (?:Use|Service)|Cookie Policy))+"
        r"|[\w ]{1,20}:\s*https?://\S+|https?://\S+)$",
        re.IGNORECASE),
     "an appeal to join, subscribe or follow a link"),
    ("sign_off", re.compile(r"^[-\u2013\u2014]\s*(?:[A-Z][\w.-]*\.(?:com|net|org|ph|in|co\.uk|com\.au)|AP|Reuters|AFP|Bloomberg)\s*$"),
     "the outlet's sign-off under the story"),
    ("counter", re.compile(r"^(?:\d{1,3}|[A-Za-z]|[|/+\u00b7\u2022-])$"),
     "a counter, page number or single letter from the page's chrome"),
]

#: Each boilerplate rule's gate, so most lines skip most patterns: (words one of which the line must
#: hold, lower-cased, or None; the longest line the rule can match, or None). A gate only skips
#: patterns that cannot match: it never changes what is dropped (``tests/parse`` checks every rule
#: against a line longer and a line without its words).
BOILERPLATE_GATES = {
    "syndication_disclaimer": (("reviewed", "provided to our readers", "syndicat", "originally published", "this story is",
                                "this story was", "this article is", "this article was"), None),
    "editorial_standards": (("truth and accuracy", "standards"), None),
    "advertising": (("advertis", "sponsored", "continue reading", "story continues"), None),
    "share_widget": (None, 300),
    "trending_widget": (None, None),
    "newsletter_promo": (("sign up", "subscribe", "click", "download"), None),
    "follow_promo": (("follow",), None),
    "copyright": (("copyright", "\u00a9", "(c)"), None),
    "social_links": (None, 300),
    "comment_prompt": (("comment", "conversation", "discussion", "leave a"), 120),
    "gallery_control": (None, 60),
    "photo_credit": (None, 250),
    "subscribe_prompt": (None, None),
    "consent_notice": (("cookie", "privacy policy", "recaptcha", "accept", "manage", "i agree", "i consent", "you agree",
                        "you acknowledge", "you consent", "(required)", "(optional)"), None),
    "site_widget": (None, None),
    "dated_line": (None, 250),
    "date_only_line": (None, 200),
    "live_notice": (None, 400),
    "embed_notice": (None, 300),
    "licence_banner": (("licen", "live tv"), 200),
    "site_name": (None, 45),
    "video_label": (("source",), 100),
    "relative_date_label": (("ago",), 40),
    "author_bio": ((" is ", " was ", " has been ", "joined", "covers", "writes", "arrives at"), 900),
    "contact_line": (("@", ":"), None),
    "comment_policy": (("comment",), None),
    "affiliate_notice": (("commission", "through links", "through recommended links", "online retail"), None),
    "newsletter_prompt": (("subscri", "sign up", "sign-up", "signup", "newsletter", "inbox", "opt-in", "thanks for", "delivered",
                           "want more", "need more", "breaking news alerts", "get the day"), 300),
    "tag_list": ((":",), 400),
    "reprint_note": (("in print", "appeared", "citation", "copyright", "provided by", "reprint"), None),
    "truncated_teaser": (("...", "\u2026", ":"), 250),
    "dated_teaser": (None, 200),
    "membership_appeal": (("if you", "this article", "this story", "join", "breaking", "read more", "privacy", "terms of",
                           "http", "check out more", "support", "want more"), None),
    "markup_debris": (('="', "<span"), None),
    "reader_callout": (("question", "story", "stories", "tip", "photo", "video"), 200),
    "letters_callout": (("to hear",), 500),
    "update_note": (("note",), 300),
    "audio_promo": (("podcast", "listen"), 250),
    "sign_off": (None, 60),
    "counter": (None, 3),
}

#: What a writer is called: as a role under the byline ("Columnist"), glued to the byline's name ("By Jane
#: DoeBusiness Columnist") or before the name in a note about them ("journalist").
ROLE_WORDS = ("columnist", "contributor", "correspondent", "reporter", "writer", "editor", "producer", "photographer",
              "critic", "journalist", "blogger")

#: A label over a page's summary, set beside or under its headline: "Story highlights", "Key points".
SUMMARY_LABEL = re.compile(r"^(?:Story highlights|Highlights|Key points|Key takeaways|In brief|At a glance)$", re.IGNORECASE)

#: A byline: "By Ana Swanson", "Edited by Ana Swanson", "By Meg Wagner, James Masters and Veronica Rocha, CNN", "BY JEFFREY GETTLEMAN JAN. 13, 2017".
BYLINE = re.compile(r"^(?:By|BY|(?:Edited|Written|Compiled|Reported) by|From [A-Z][\w.&]*(?:\s+[A-Z][\w.&]*)?['\u2019]s)\s+(?P<names>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)+(?:\s*(?:,|\band\b|&)\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*)*)")
#: Where a byline's names end: an outlet, a date or the word before it ("On 11/13/19", "Updated Nov 13"), a handle.
BYLINE_END = re.compile(r"\s*(?:\||\b[Oo]n\b|\bUpdated\b|\bPublished\b|\bPosted\b|\s-\s|@|\(|\d).*$")

#: The signature of an embedded tweet, kept with the quote: "— Eric (@eriiiic) June 12, 2019".
TWEET_SIGNATURE = re.compile(r"^[\u2014\u2013-]\s*.{1,60}\(@\w{1,30}\)\s*(?:" + _MONTH_WORD + r"\s+[0-3]?\d,\s+\d{4})?$", re.IGNORECASE)

#: How a sentence ends: its punctuation, then closing quotes or brackets.
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")

#: A live blog's day header ("Tuesday, March 17", "Tuesday, April 23:"): structure, kept with the updates below it.
DAY_HEADER = re.compile(
    r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:" + _MONTH_WORD + r"\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH_WORD
    + r")(?:,?\s+\d{4})?\s*:?$",
    re.IGNORECASE,
)

#: A line that says when the page was last changed, not when its news happened.
UPDATED_LINE = re.compile(r"^\W*(?:\S+\s+){0,6}?(?:Updated|Last updated|Modified)\b", re.IGNORECASE)

#: Dropped lines whose dates still count as the page's own (weaker than the article's text).
DATED_CHROME = ("dated_line", "date_only_line", "stray_stamp", "page_head", "page_tail", "byline", "site_widget", "relative_date_label")

#: Rules whose lines sell a newsletter or a subscription ("Get the latest updates right in your inbox"):
#: their "latest updates" are the pitch's, not a live page's (``kind.find_kind``).
SIGN_UP_PITCHES = ("newsletter_promo", "newsletter_prompt", "subscribe_prompt", "membership_appeal", "consent_notice")

#: Families of short page chrome that a dump's first line (its headline, however short) never belongs to.
SHORT_CHROME = frozenset({"counter", "gallery_control", "site_widget", "site_name", "social_links", "comment_prompt", "subscribe_prompt"})

SITE_SUFFIX = re.compile(r"\s+[|\-\u2013\u2014]\s+(?P<site>[^|\-\u2013\u2014]{2,40})$")

#: A line of a list or a tally, never a promoted headline: "Conservatives: 37% (no change)", "Perry Barr - Labour Gain".
LIST_ITEM = re.compile(r"\d\s*%|^[^:]{1,30}:\s+\S[^:]{0,24}$|\s[-\u2013]\s.*\b(?:Gain|Hold|Win|Wins|Lead|Leads)\b|^\W|^\d+\s*[-\u2013]\s+\w")

#: A label over a list of other stories ("More from Sportsnet", "Most read in world news", "Story Timeline",
#: "You may also like", "Related Tags:"): the lines under it, up to the next sentence of the article, are teasers.
TEASER_LABEL = re.compile(
    r"^(?:More (?:from|on|in|about) .{1,40}|More .{1,30} (?:Stories|News)|Most (?:Read|Popular|Viewed|Shared|Commented|Emailed)(?: .{1,30})?"
    r"|Related(?: .{1,20})?|Recommended(?: .{0,20})?|Read (?:More|Next|This Next)|Next Up .{1,40}|(?:The )?Latest(?: .{1,20} (?:News|Stories|Headlines|Videos|Articles))?"
    r"|Must Reads?(?: .{1,30})?"
    r"|Story Timeline|(?:Editors['\u2019]?|Top|Staff|Our) Picks|(?:Tools (?:&|and) )?Resources|Top Stories|Trending(?: .{1,30})?|You (?:May|Might) (?:Also )?Like(?: .{1,20})?|Don['\u2019]t Miss(?: .{1,20})?"
    r"|Also (?:Read|on .{1,30})|Popular(?: .{1,30})?|What to Read Next|Further Reading|Around the Web|Sponsored (?:Stories|Links|Content)|Promoted Stories"
    r"|Comments?(?: \(\+\))?|Join the (?:Conversation|Discussion)|Conversation|About the Author|Related Tags|Tags|Topics|(?:In )?Other News|Other .{1,30} (?:Columns|Stories|Articles|News)|More [A-Z][\w'\u2019]+|(?:.{1,30}['\u2019]s )?(?:Most )?Recent (?:Stories|Posts|Articles)|See Also"
    r"|Elsewhere on .{1,30})\s*:?$",
    re.IGNORECASE,
)
TEASER_LABEL_WORDS = 6

#: A photo caption over a live page's updates, the page's lead art: it ends with the photo's full date
#: ("..., in Panama City Beach, Fla., Wednesday, Oct. 10, 2018.", "... on 1 November 2012.") or with
#: its credit ("... - GETTY IMAGES", "Photograph: Andy Rain/EPA").
LEAD_CAPTION = re.compile(
    r"(?:,|\bon|\bseen)\s+(?:" + _WEEKDAY_ABBR + r"\s+)?(?:" + _MONTH_WORD + r"\s+[0-3]?\d,?\s+\d{4}|[0-3]?\d\s+" + _MONTH_WORD + r"\s+\d{4})\.$"
    r"|\s[-\u2013\u2014]\s+(?:GETTY IMAGES|AP|AFP|REUTERS|EPA|PA|BLOOMBERG|SHUTTERSTOCK)$|\bPhotograph:\s*[^.]{2,60}$",
    re.IGNORECASE,
)

#: A photo's day inside its caption ("... gather on July 16 at the field ..."): what tells a caption shown
#: twice above a live page's text from a paragraph the page repeats.
CAPTION_DAY = re.compile(r"\b(?:on|seen)\s+(?:" + _MONTH_WORD + r")\.?\s+[0-3]?\d\b", re.IGNORECASE)

#: Lines like these in front of a promo headline mark it as injected.
#: A first line that labels the page's own headline ("WATCH: ...", "VIDEO: ..."): the headline, not a promo.
OWN_LABEL = re.compile(r"^(?:WATCH|VIDEO|PHOTOS|LISTEN|PODCAST)\s*:\s*\S+(?:\s+\S+){3}", re.IGNORECASE)
PROMO_PREFIX = re.compile(
    r"^(?:Trending|Related|Read More|Watch|Also Read|Recommended|Sponsored|Promoted|Videos?|Photos|Gallery|Podcast)\s*:"
    # a link to the site's live page on a subject: "Politics latest: ...", "Israel-Gaza latest: ..."
    # ("The latest: police say ..." is an update's own text)
    r"|^(?!the\b)[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*)? latest:\s", re.IGNORECASE)

# --- dates -------------------------------------------------------------------------------------

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
#: (rule name, pattern) for an absolute date in running text.
DATE_PATTERNS = [
    ("date_month_day_year", re.compile(
        r"\b(?P<month>" + _MONTH_ALT + r")\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*,?\s+(?P<year>\d{4})\b",
        re.IGNORECASE)),
    ("date_day_month_year", re.compile(
        r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>" + _MONTH_ALT + r")\.?\s*,?\s+(?P<year>\d{4})\b",
        re.IGNORECASE)),
    ("date_iso", re.compile(r"\b(?P<year>\d{4})-(?P<monthnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    # numbers with slashes only where the order cannot be mistaken: "16/6/2019" (day first), "6/16/2019"
    # (month first); "6/7/2019" is June 7 in one country and July 6 in another, and is not read
    ("date_numeric_day_first", re.compile(r"(?<![\d/])(?P<day>1[3-9]|2\d|3[01])/(?P<monthnum>0?[1-9]|1[0-2])/(?P<year>\d{4})\b")),
    ("date_numeric_month_first", re.compile(r"(?<![\d/])(?P<monthnum>0?[1-9]|1[0-2])/(?P<day>1[3-9]|2\d|3[01])/(?P<year>\d{4})\b")),
]
#: Words before a date that make it no day something happened on: a range's start, a vague bound.
NOT_THE_DAY = re.compile(
    r"\b(?:between|from|since|until|till|through|before|after|by|as early as|as of|sometime|around|circa|no later than|"
    r"no earlier than)\s+(?:(?:mid|late|early)[- ]?)?(?:[A-Za-z]+,?\s+)?$",
    re.IGNORECASE,
)
#: ... and the word that ends a range before its second date ("... and Oct. 12, 2006").
#: An embedded post's signature at the end of a paragraph: "... — Ana Ruiz (@anaruiz) May 23, 2017".
EMBEDDED_POST_DATE = re.compile(r"\(@\w{1,30}\)\s+(?P<date>[^()@]{6,30}?\d{4})\s*$")
RANGE_END = re.compile(r"(?:\band|\bto|[-\u2013])\s*$", re.IGNORECASE)
#: A day and month written without a year ("played on July 15", "on 16 June"): read in the year of the event.
PARTIAL_DATE = re.compile(
    r"\b(?:(?P<month>" + "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    r"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>" + "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True)) + r"))\b"
    r"(?!,?\s*\d{4})(?!\d)"
)
WEEKDAY_WORD = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")(?:['\u2019]s)?\b", re.IGNORECASE)

# --- places ------------------------------------------------------------------------------------

#: Places the tz database does not name as a zone city, and their zone.
EXTRA_CITY_ZONES = {
    "washington": "America/New_York",
    "new york city": "America/New_York",
    "boston": "America/New_York",
    "atlanta": "America/New_York",
    "miami": "America/New_York",
    "philadelphia": "America/New_York",
    "pittsburgh": "America/New_York",
    "baltimore": "America/New_York",
    "ottawa": "America/Toronto",
    "montreal": "America/Toronto",
    "houston": "America/Chicago",
    "dallas": "America/Chicago",
    "austin": "America/Chicago",
    "new orleans": "America/Chicago",
    "minneapolis": "America/Chicago",
    "san francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "las vegas": "America/Los_Angeles",
    "san diego": "America/Los_Angeles",
    "salt lake city": "America/Denver",
    "rio de janeiro": "America/Sao_Paulo",
    "brasilia": "America/Sao_Paulo",
    "beijing": "Asia/Shanghai",
    "hong kong": "Asia/Hong_Kong",
    "new delhi": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "hanoi": "Asia/Ho_Chi_Minh",
    "kyiv": "Europe/Kyiv",
    "kiev": "Europe/Kyiv",
    "geneva": "Europe/Zurich",
    "the hague": "Europe/Amsterdam",
    "st. petersburg": "Europe/Moscow",
    "saint petersburg": "Europe/Moscow",
    "milan": "Europe/Rome",
    "munich": "Europe/Berlin",
    "frankfurt": "Europe/Berlin",
    "hamburg": "Europe/Berlin",
    "barcelona": "Europe/Madrid",
    "edinburgh": "Europe/London",
    "manchester": "Europe/London",
    "osaka": "Asia/Tokyo",
    "busan": "Asia/Seoul",
    "islamabad": "Asia/Karachi",
    "abu dhabi": "Asia/Dubai",
    "doha": "Asia/Qatar",
    "ankara": "Europe/Istanbul",
    "cape town": "Africa/Johannesburg",
    "pretoria": "Africa/Johannesburg",
    "canberra": "Australia/Sydney",
    "wellington": "Pacific/Auckland",
    "tel aviv": "Asia/Jerusalem",
    "gaza": "Asia/Gaza",
    "ramallah": "Asia/Hebron",
    "united nations": "America/New_York",
    # more cities news is datelined from, whose zone city the tz database does not name
    "cupertino": "America/Los_Angeles", "mountain view": "America/Los_Angeles", "palo alto": "America/Los_Angeles",
    "san jose": "America/Los_Angeles", "oakland": "America/Los_Angeles", "sacramento": "America/Los_Angeles",
    "portland": "America/Los_Angeles", "fresno": "America/Los_Angeles", "reno": "America/Los_Angeles",
    "denver": "America/Denver", "albuquerque": "America/Denver", "tucson": "America/Phoenix",
    "chicago": "America/Chicago", "st. louis": "America/Chicago", "kansas city": "America/Chicago",
    "memphis": "America/Chicago", "nashville": "America/Chicago", "milwaukee": "America/Chicago",
    "st. paul": "America/Chicago", "san antonio": "America/Chicago", "oklahoma city": "America/Chicago",
    "orlando": "America/New_York", "tampa": "America/New_York", "charlotte": "America/New_York",
    "raleigh": "America/New_York", "richmond": "America/New_York", "cleveland": "America/New_York",
    "cincinnati": "America/New_York", "columbus": "America/New_York", "buffalo": "America/New_York",
    "parkland": "America/New_York", "panama city": "America/Chicago", "charleston": "America/New_York",
    "quebec city": "America/Toronto", "la malbaie": "America/Toronto", "charlevoix": "America/Toronto",
    "calgary": "America/Edmonton", "christchurch": "Pacific/Auckland", "copiapo": "America/Santiago",
    "copiap\u00f3": "America/Santiago", "lusail": "Asia/Qatar", "genoa": "Europe/Rome", "naples": "Europe/Rome",
    "florence": "Europe/Rome", "venice": "Europe/Rome", "turin": "Europe/Rome", "bologna": "Europe/Rome",
    "marseille": "Europe/Paris", "lyon": "Europe/Paris", "toulouse": "Europe/Paris",
    "strasbourg": "Europe/Paris", "cologne": "Europe/Berlin", "dresden": "Europe/Berlin", "stuttgart": "Europe/Berlin",
    "seville": "Europe/Madrid", "valencia": "Europe/Madrid", "porto": "Europe/Lisbon", "salzburg": "Europe/Vienna",
    "birmingham": "Europe/London", "liverpool": "Europe/London", "leeds": "Europe/London", "glasgow": "Europe/London",
    "cardiff": "Europe/London", "bristol": "Europe/London", "belfast": "Europe/London", "salisbury": "Europe/London",
    "cork": "Europe/Dublin", "rotterdam": "Europe/Amsterdam", "antwerp": "Europe/Brussels", "zurich": "Europe/Zurich",
    "krakow": "Europe/Warsaw", "gdansk": "Europe/Warsaw", "kharkiv": "Europe/Kyiv", "odesa": "Europe/Kyiv",
    "odessa": "Europe/Kyiv", "lviv": "Europe/Kyiv", "mariupol": "Europe/Kyiv", "donetsk": "Europe/Kyiv",
    "sochi": "Europe/Moscow", "kazan": "Europe/Moscow", "thessaloniki": "Europe/Athens",
    "izmir": "Europe/Istanbul", "antalya": "Europe/Istanbul", "alexandria": "Africa/Cairo", "abuja": "Africa/Lagos",
    "mombasa": "Africa/Nairobi", "durban": "Africa/Johannesburg", "jeddah": "Asia/Riyadh", "mecca": "Asia/Riyadh",
    "basra": "Asia/Baghdad", "mosul": "Asia/Baghdad", "erbil": "Asia/Baghdad", "aleppo": "Asia/Damascus",
    "homs": "Asia/Damascus", "isfahan": "Asia/Tehran", "mashhad": "Asia/Tehran", "lahore": "Asia/Karachi",
    "peshawar": "Asia/Karachi", "kandahar": "Asia/Kabul", "bangalore": "Asia/Kolkata", "chennai": "Asia/Kolkata",
    "hyderabad": "Asia/Kolkata", "kolkata": "Asia/Kolkata", "srinagar": "Asia/Kolkata", "pokhara": "Asia/Kathmandu",
    "mandalay": "Asia/Yangon", "phuket": "Asia/Bangkok", "chiang mai": "Asia/Bangkok", "bali": "Asia/Makassar",
    "shenzhen": "Asia/Shanghai", "guangzhou": "Asia/Shanghai", "wuhan": "Asia/Shanghai", "chengdu": "Asia/Shanghai",
    "kyoto": "Asia/Tokyo", "fukushima": "Asia/Tokyo", "hiroshima": "Asia/Tokyo", "incheon": "Asia/Seoul",
    "panmunjom": "Asia/Seoul", "sao paulo": "America/Sao_Paulo", "guadalajara": "America/Mexico_City",
    "acapulco": "America/Mexico_City", "medellin": "America/Bogota", "quito": "America/Guayaquil",
}

#: Regions, states and countries of one time zone: a dateline's or a place's last parts ("Cupertino,
#: California", "San Jose Mine, Chile") give its zone when its city is not known.
REGION_ZONES = {
    **dict.fromkeys(["california", "calif.", "calif", "ca", "oregon", "ore.", "nevada", "nev."], "America/Los_Angeles"),
    **dict.fromkeys(["arizona", "ariz."], "America/Phoenix"),
    **dict.fromkeys(["colorado", "colo.", "utah", "new mexico", "n.m."], "America/Denver"),
    **dict.fromkeys(["texas", "tex.", "minnesota", "minn.", "illinois", "ill.", "louisiana", "la.", "missouri", "mo.",
                     "wisconsin", "wis.", "iowa", "oklahoma", "okla.", "alabama", "ala.", "mississippi", "miss."],
                    "America/Chicago"),
    **dict.fromkeys(["new york", "n.y.", "florida", "fla.", "massachusetts", "mass.", "pennsylvania", "pa.", "ohio",
                     "virginia", "va.", "north carolina", "n.c.", "south carolina", "s.c.", "new jersey", "n.j.",
                     "maryland", "md.", "connecticut", "conn.", "d.c.", "washington d.c."], "America/New_York"),
    **dict.fromkeys(["michigan", "mich."], "America/Detroit"),
    **dict.fromkeys(["hawaii"], "Pacific/Honolulu"),
    **dict.fromkeys(["alaska"], "America/Anchorage"),
    **dict.fromkeys(["quebec", "qc", "que.", "ontario", "ont."], "America/Toronto"),
    **dict.fromkeys(["british columbia", "b.c."], "America/Vancouver"),
    **dict.fromkeys(["alberta", "alta."], "America/Edmonton"),
    **dict.fromkeys(["manitoba", "man."], "America/Winnipeg"),
    **dict.fromkeys(["nova scotia", "n.s."], "America/Halifax"),
    **dict.fromkeys(["new south wales", "nsw"], "Australia/Sydney"),
    **dict.fromkeys(["queensland", "qld"], "Australia/Brisbane"),
    **dict.fromkeys(["western australia"], "Australia/Perth"),
    **dict.fromkeys(["united kingdom", "uk", "britain", "great britain", "england", "scotland", "wales",
                     "northern ireland"], "Europe/London"),
    "ireland": "Europe/Dublin", "france": "Europe/Paris", "germany": "Europe/Berlin", "italy": "Europe/Rome",
    "spain": "Europe/Madrid", "portugal": "Europe/Lisbon", "netherlands": "Europe/Amsterdam", "belgium": "Europe/Brussels",
    "switzerland": "Europe/Zurich", "austria": "Europe/Vienna", "sweden": "Europe/Stockholm", "norway": "Europe/Oslo",
    "denmark": "Europe/Copenhagen", "finland": "Europe/Helsinki", "poland": "Europe/Warsaw", "greece": "Europe/Athens",
    "turkey": "Europe/Istanbul", "ukraine": "Europe/Kyiv", "belarus": "Europe/Minsk", "hungary": "Europe/Budapest",
    "czech republic": "Europe/Prague", "romania": "Europe/Bucharest", "serbia": "Europe/Belgrade",
    "israel": "Asia/Jerusalem", "lebanon": "Asia/Beirut", "syria": "Asia/Damascus", "iraq": "Asia/Baghdad",
    "iran": "Asia/Tehran", "saudi arabia": "Asia/Riyadh", "qatar": "Asia/Qatar", "united arab emirates": "Asia/Dubai",
    "uae": "Asia/Dubai", "egypt": "Africa/Cairo", "libya": "Africa/Tripoli", "tunisia": "Africa/Tunis",
    "nigeria": "Africa/Lagos", "kenya": "Africa/Nairobi", "ethiopia": "Africa/Addis_Ababa", "south africa": "Africa/Johannesburg",
    "afghanistan": "Asia/Kabul", "pakistan": "Asia/Karachi", "india": "Asia/Kolkata", "nepal": "Asia/Kathmandu",
    "bangladesh": "Asia/Dhaka", "sri lanka": "Asia/Colombo", "myanmar": "Asia/Yangon", "thailand": "Asia/Bangkok",
    "vietnam": "Asia/Ho_Chi_Minh", "philippines": "Asia/Manila", "malaysia": "Asia/Kuala_Lumpur",
    "china": "Asia/Shanghai", "taiwan": "Asia/Taipei", "japan": "Asia/Tokyo", "south korea": "Asia/Seoul",
    "north korea": "Asia/Pyongyang", "new zealand": "Pacific/Auckland", "chile": "America/Santiago",
    "peru": "America/Lima", "colombia": "America/Bogota", "venezuela": "America/Caracas", "cuba": "America/Havana",
    "argentina": "America/Argentina/Buenos_Aires", "ecuador": "America/Guayaquil",
}

# --- events ------------------------------------------------------------------------------------

#: Capitalised words that name no one in particular: titles, directions, nationalities, institutions.
NAME_NOISE = frozenset(
    """The A An In On At For And But Or Of To With By From As After Before Mr Mrs Ms Dr Sir
    President Prime Minister Leader Chancellor King Queen Prince Princess Pope Gov Governor Sen Senator
    Rep Secretary General Minister Ministry Foreign Defense Defence Security Council Committee Office
    Government State States United Union National International Federal Republic Democratic People
    Party Parliament Congress Senate House Court Supreme Police Army Navy Air Force Forces Agency
    North South East West Northern Southern Eastern Western Central Far Island Islands City University
    American British Russian Korean Chinese Japanese Indian French German European Israeli Palestinian
    Ukrainian Iranian Syrian Turkish Greek Indonesian Philippine Mexican Canadian Australian
    Kenyan Egyptian Italian Spanish Brazilian Western Eastern Asian African Arab Muslim Christian
    Associated Press Reuters News Latest Live Updates Update Photo Image Video Watch Breaking Read
    TV Times Post Journal Daily Herald Tribune Street New Old Day Week Month Year Today""".split()
)

#: Countries and regions: places, not the people an event is named after.
#: Words of places of two words or more that are no place alone ("New Zealand", "Hong Kong").
PLACE_PARTS = frozenset("Zealand Lanka Arabia Emirates Kong Rica Salvador Leone Guinea Macedonia Herzegovina Kingdom States".split())
COUNTRIES = frozenset(
    """Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh
    Belarus Belgium Bolivia Bosnia Brazil Bulgaria Cambodia Cameroon Canada Chad Chile China Colombia
    Congo Croatia Cuba Cyprus Czechia Denmark Ecuador Egypt England Eritrea Estonia Ethiopia Europe
    Finland France Gaza Georgia Germany Ghana Greece Guatemala Haiti Honduras Hungary Iceland India
    Indonesia Iran Iraq Ireland Israel Italy Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait Laos
    Latvia Lebanon Libya Lithuania Malaysia Mali Mexico Moldova Mongolia Morocco Myanmar Nepal
    Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines
    Poland Portugal Qatar Romania Russia Rwanda Scotland Senegal Serbia Singapore Slovakia Somalia
    Spain Sudan Sweden Switzerland Syria Taiwan Tanzania Thailand Tunisia Turkey Uganda Ukraine
    Uruguay Uzbekistan Venezuela Vietnam Wales Yemen Zambia Zimbabwe Africa Asia America Peninsula""".split()
)

#: Nouns that name the kind of event coverage is about, for derived event names ("Kim–Putin summit").
#: Specific ones first; the generic ones ("talks", "visit") only when no specific one is found.
EVENT_NOUNS = frozenset(
    """summit election elections referendum floods flood earthquake quake storm hurricane
    typhoon cyclone wildfire wildfires eruption tsunami protests protest strike trial verdict shooting
    crash marathon ceremony olympics ceasefire coronation funeral inauguration outbreak coup
    heatwave drought festival tournament collapse bombing explosion blast fire rescue stabbing derailment
    sentencing landslide avalanche""".split()
)
#: Venues an event is named for with its place ("Manchester Arena bombing", "Grenfell Tower fire").
VENUE_WORDS = frozenset(
    """Arena Bridge Tower Stadium Square Museum Airport Station Hall Park Mall Market Centre Center Hotel Cathedral
    Mosque Church Synagogue Temple School University Theatre Theater Nightclub Palace Plaza Pier""".split()
)
#: Votes a country holds: an event of one is named for the country ("UK general election"), not its candidates.
POLITY_NOUNS = frozenset({"election", "elections", "referendum"})
#: The kinds of vote a name keeps ("general election", "presidential election").
VOTE_KINDS = frozenset("general presidential parliamentary legislative midterm local municipal regional federal national".split())
GENERIC_EVENT_NOUNS = frozenset("talks vote attack war negotiations visit meeting conference budget crisis debate rally launch match final".split())
