"""Place names to time zones, offline: the tz database's own city names plus a small table."""

from __future__ import annotations

import functools
import logging
import re
import zoneinfo

from news_archive.parse import vocab

logger = logging.getLogger(__name__)


# Legacy aliases and places whose zone city is also a common word ("Easter", "Wake").
_SKIPPED_AREAS = {"Etc", "SystemV", "US", "Canada", "Mexico", "Brazil", "Chile", "Antarctica", "Arctic"}
_COMMON_WORD_ZONES = {"Pacific/Easter", "Pacific/Wake", "Pacific/Midway", "Pacific/Truk", "Pacific/Yap"}
#: Zone "cities" that are plain words ("Australia/North": "North Korea" names no city called North).
_PLAIN_WORD_CITIES = {"north", "south", "east", "west", "central", "eastern", "western", "mountain", "pacific", "atlantic",
                      "general", "universal", "zulu", "greenwich", "act", "nsw", "queensland", "victoria", "tasmania"}


@functools.lru_cache(maxsize=1)
def _tz_cities() -> dict[str, str]:
    """'vladivostok' -> 'Asia/Vladivostok', from the zone names themselves."""
    cities: dict[str, str] = {}
    for name in sorted(zoneinfo.available_timezones()):
        area, _, city = name.rpartition("/")
        if not area or area in _SKIPPED_AREAS or name in _COMMON_WORD_ZONES:
            continue
        key = city.replace("_", " ").lower()
        if key in _PLAIN_WORD_CITIES:
            continue
        # Prefer the canonical continent areas over legacy aliases of the same city.
        cities.setdefault(key, name)
    return cities


def normalise(place: str) -> str:
    return " ".join(place.replace("\u2019", "'").split()).lower()


def zone_for_city(city: str | None) -> str | None:
    """The IANA zone of a city name, or None when neither table knows it."""
    if not city:
        return None
    key = normalise(city)
    zone = vocab.EXTRA_CITY_ZONES.get(key) or _tz_cities().get(key)
    logger.debug("zone_for_city: %r -> %s", city, zone)
    return zone


def zone_for_place(place: str | None) -> str | None:
    """The zone of a place as a dateline writes it ("Cupertino, California", "San Jose Mine, Chile"):
    its city's, else its region's or country's (a later part of it, or the whole: "United Kingdom")."""
    if not place:
        return None
    parts = [part.strip() for part in place.split(",") if part.strip()]
    for index, part in enumerate(parts):
        zone = zone_for_city(part) or (vocab.REGION_ZONES.get(normalise(part)) if index or len(parts) == 1 else None)
        if zone:
            return zone
    return None


def zone_of_abbreviation(abbreviation: str) -> str | None:
    """The IANA zone of a zone written after a time: a fixed one ("EDT") or one the date decides ("ET")."""
    upper = abbreviation.upper()
    if upper in vocab.ZONE_ABBREVIATIONS:
        return vocab.ZONE_ABBREVIATIONS[upper][1]
    return vocab.ZONES_BY_DATE.get(upper)


def known_zone(name: str) -> str | None:
    """A valid IANA zone name as written in a header, or None."""
    name = name.strip()
    if name.upper() in vocab.ZONE_ABBREVIATIONS:
        return vocab.ZONE_ABBREVIATIONS[name.upper()][1]
    if name in zoneinfo.available_timezones():
        return name
    return zone_for_city(name)


def cities_in(text: str) -> list[str]:
    """Known city names mentioned in a text (capitalised words the tables know), in order."""
    found = []
    words = text.replace("\u2019", "'").split()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            chunk = " ".join(w.strip(".,;:!?\"'()\u201c\u201d") for w in words[i : i + size])
            if not chunk or not chunk[0].isupper():
                continue
            if zone_for_city(chunk) and chunk not in found:
                found.append(chunk)
    return found


#: How headlines write a country, and the name a page shows for it when the country has one zone.
_COUNTRY_NAMES = {"uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom", "us": None, "u.s.": None}


def countries_written(text: str) -> list[tuple[str, str | None]]:
    """Countries a text names, each as written and as a page shows it (None for a country of several
    zones: "US"), in the order written, each once: [("UK", "United Kingdom"), ("Chile", "Chile")]."""
    found: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for word in re.findall(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?", text):
        for candidate in (word, word.split()[0]):
            key = normalise(candidate)
            if key in _COUNTRY_NAMES:
                name = _COUNTRY_NAMES[key]
            elif key in vocab.REGION_ZONES and key.replace(" ", "").isalpha() and len(key) > 3:
                name = candidate
            else:
                continue
            if (name or key) not in seen:
                seen.add(name or key)
                found.append((candidate, name))
            break
    return found


def countries_in(text: str) -> list[str]:
    """Countries of one time zone a text names ("UK election", "in Chile"), as a page shows them."""
    return [name for _, name in countries_written(text) if name]
