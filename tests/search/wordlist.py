"""A word list for comparing our lunr.js port with lunr.js itself: several thousand words.

Drawn from the seeds and fixtures, Python's own documentation topics (ordinary English),
the project's vocabularies (countries, cities of the tz database, agencies, weekdays),
inflections that exercise every step of the Porter stemmer, tokens with inner punctuation
and apostrophes, and random letter strings from a fixed seed.
"""

from __future__ import annotations

import random
import re
import zoneinfo
from pathlib import Path

import pydoc_data.topics

from news_archive.parse import vocab

from ..conftest import ALL_FIXTURE_DUMPS

ROOT = Path(__file__).resolve().parents[2]

TRICKY = """U.S. u.s. U.N. a.m. p.m. 8:40 8 p.m. 12:30 14.05 1.5 $100 50% 2019-04-25 Kim-Putin Jean-Luc
O'Brien D'Angelo Kim's Putin’s Putin's Thursday’s don't rock'n'roll co-operate re-election COVID-19
(AP) — – “quoted” ‘single’ josé José Zürich naïve café São Paulo Kyiv Pyongyang’s e-mail
emoji😀s 😀 𝒜bc yes yesterday by cry say day days Monday Mondays money moneys key keys""".split()

BASES = """agree arrive assess boost broad call capital cease ceremony close confirm cover crisis
decide defend deliver denuclear develop diplomat discuss elect end evacuate expect fight flood
form general govern happy hope hurry improve invest journal lead leader meet nation negotiate
normal observe office operate organize peace plan play power president process promote protest
rain rate react real relate relation report resolve respond rule sanction secure settle share
sign speak stable state station storm summit support talk tour trade travel try vote warn
write yield analys conditional rational formal hope digit sensitiv effect electric""".split()
SUFFIXES = ["", "s", "es", "ed", "ing", "er", "ers", "ly", "ness", "ment", "ments", "ation", "ational",
            "ations", "ize", "izer", "ization", "ism", "ist", "ive", "iveness", "ful", "fulness", "ous",
            "ousness", "al", "ally", "alism", "ality", "ance", "ence", "ible", "able", "bility", "ic",
            "ical", "icate", "iciti", "ies", "ied", "y", "e", "ee", "eed", "ll", "ling"]


def words() -> list[str]:
    found: set[str] = set()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "content" / "dumps").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in ALL_FIXTURE_DUMPS]
    for text in texts:
        found.update(text.split())
    found.update(re.findall(r"[A-Za-z][A-Za-z'’.-]+", " ".join(pydoc_data.topics.topics.values())))
    found.update(vocab.COUNTRIES | vocab.NAME_NOISE | vocab.EVENT_NOUNS | vocab.GENERIC_EVENT_NOUNS)
    found.update(vocab.AGENCIES)
    found.update(w.capitalize() for w in vocab.WEEKDAYS + list(vocab.MONTHS))
    found.update(name.rpartition("/")[2].replace("_", " ") for name in zoneinfo.available_timezones())
    found.update(TRICKY)
    found.update(base + suffix for base in BASES for suffix in SUFFIXES)
    rng = random.Random(20190425)
    letters = "aeiouy" * 3 + "bcdfghjklmnpqrstvwxz" + "sssllteed"
    found.update("".join(rng.choice(letters) for _ in range(rng.randint(1, 12))) for _ in range(3000))
    return sorted(found)
