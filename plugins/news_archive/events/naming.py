"""An event's name, place and slug, from its coverage."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace

from news_archive.events.features import features, news_text
from news_archive.events.model import Event, Features
from news_archive.parse import dates, places, vocab
from news_archive.parse.model import Dump


#: Reports that must write the text's event noun for it to name the event (a headline's needs one).
NOUN_WRITERS = 2
#: A word of a name that is followed by another capitalised word in this share of its mentions is a
#: first name: the event is named by the surname ("Theresa May" -> "May"), not "Theresa".
FIRST_NAME_SHARE = 0.5


def surname_of(name: str, texts: list[str], counted: Counter) -> str | None:
    """The surname that follows ``name`` in most of its mentions in ``texts``, when it is a first name
    and the names ``counted`` left its surname out (a month: "Theresa May"); a name of two counted
    words ("Hong Kong", "Carrie Lam") is joined as the headlines write it instead."""
    mentions = [m for text in texts for m in re.finditer(rf"\b{re.escape(name)}\b(?: ([A-Z][a-z]+))?", text)]
    following = Counter(m.group(1) for m in mentions if m.group(1))
    if not following:
        return None
    surname, count = min(following.items(), key=lambda kv: (-kv[1], kv[0]))
    return surname if count >= FIRST_NAME_SHARE * len(mentions) and surname not in counted else None


def venue_of(name: str, ledes: list[str]) -> str | None:
    """"Manchester Arena": a place's venue (a word of ``vocab.VENUE_WORDS``) that half the reports or
    more write after the name in their ledes, the most of them; an event at a venue is named for it."""
    written = Counter(venue for lede in ledes
                      for venue in set(re.findall(rf"\b{re.escape(name)} ([A-Z][a-z]+)\b", lede)) if venue in vocab.VENUE_WORDS)
    if not written:
        return None
    venue, count = min(written.items(), key=lambda kv: (-kv[1], kv[0]))
    return f"{name} {venue}" if count * 2 >= len(ledes) else None


def _summed(counts: Iterable[Mapping[str, int]]) -> Counter:
    total: Counter = Counter()
    for one in counts:
        total.update(one)
    return total


def derive_name(dumps: list[Dump], found: list[Features] | None = None) -> str:
    """'Kim–Putin summit': the names the coverage shares most, and its most common event noun."""
    found = found if found is not None else [features(d) for d in dumps]
    per_article = [f.names for f in found]
    spread = Counter(w for counts in per_article for w in counts)
    total = _summed(per_article)
    heads = [d.display_title + " " + (d.dek.text if d.dek else "") for d in dumps]
    headlines = " ".join(heads)
    in_headlines = [w for w in total if re.search(rf"\b{w}\b", headlines)]
    ranked = sorted(in_headlines or total, key=lambda w: (-spread[w], -total[w], w))
    names = ranked[:1]
    if len(ranked) > 1 and total[ranked[1]] * 2 >= total[ranked[0]] and spread[ranked[1]] == spread[ranked[0]]:
        names = ranked[:2]
    ledes = [lede_text(d) for d in dumps]
    names = [surname_of(name, ledes, total) or name for name in names]
    if len(names) == 1:
        names = [venue_of(names[0], ledes) or names[0]]
    titles = " ".join(d.display_title for d in dumps)
    names.sort(key=lambda w: (titles.find(w) if w in titles else len(titles), w))
    if len(names) == 2:  # one name of two words ("Hong Kong", "Ariana Grande"), as the headlines write it, not two ("Trump-Putin")
        for first, second in (names, names[::-1]):
            joined = sum(f"{first} {second}" in h for h in heads)
            apart = sum(bool(re.search(rf"\b{first}\s*(?:[-\u2013,&]|and)\s*{second}\b", h)) for h in heads)
            if joined > apart:
                names = [f"{first} {second}"]
                break
    # the event noun the headlines use most ("summit"), else the text's: one more than one report
    # writes, or a lone report's lede ("hurricane" in a passing line of one report does not name a
    # product launch)
    in_titles = Counter(w for w in re.findall(r"[a-z]+", headlines.lower()) if w in vocab.EVENT_NOUNS or w in vocab.GENERIC_EVENT_NOUNS)
    words = _summed(f.nouns for f in found)
    writers = Counter(w for f in found for w in f.nouns)
    in_ledes = {w for w in re.findall(r"[a-z]+", " ".join(ledes).lower())}
    words = Counter({w: n for w, n in words.items() if writers[w] >= NOUN_WRITERS or (len(found) == 1 and w in in_ledes)})
    noun = None
    for counts in (in_titles, words):  # the headlines' nouns first, the text's to break a tie or when they have none
        for table in (vocab.EVENT_NOUNS, vocab.GENERIC_EVENT_NOUNS):
            found_nouns = [w for w in counts if w in table]
            if found_nouns:
                noun = min(found_nouns, key=lambda w: (-counts[w], -words[w], w))
                break
        if noun:
            break
    polity = polity_name(heads, ledes, noun) if noun in vocab.POLITY_NOUNS else None
    if polity:
        return polity
    if not names:
        return dumps[0].display_title
    return "\u2013".join(names) + (f" {noun}" if noun else "")


def polity_name(heads: list[str], ledes: list[str], noun: str) -> str | None:
    """"UK general election": a vote is named for the country that holds it, not its candidates, when
    ``NOUN_WRITERS`` or more headlines name one country (more than any other); as most of them write
    it, with the kind of vote most reports write ("general election", "presidential election")."""
    counted: Counter = Counter()
    written: dict[str, Counter] = {}
    for head in heads:
        for surface, name in places.countries_written(head):
            country = name or places.normalise(surface).replace(".", "")  # "U.S." and "US" are one
            counted[country] += 1
            written.setdefault(country, Counter())[surface] += 1
    ranked = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < NOUN_WRITERS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    surface = min(written[ranked[0][0]].items(), key=lambda kv: (-kv[1], kv[0]))[0]
    # each report (its headline and lede) counts a kind once, however often it writes it
    pattern = re.compile(rf"\b([A-Za-z]+) {noun}\b", re.IGNORECASE)
    kinds = Counter(kind for head, lede in zip(heads, ledes)
                    for kind in {m.lower() for m in pattern.findall(head + "\n" + lede)} if kind in vocab.VOTE_KINDS)
    kind = min(kinds.items(), key=lambda kv: (-kv[1], kv[0])) if kinds else None
    return f"{surface} {kind[0] + ' ' if kind and kind[1] >= NOUN_WRITERS else ''}{noun}"


#: What a city named in one member's headline or lede counts for the event's place, beside one named further down;
#: a city that counts less than ``AGREED_CITY`` (named once, in passing) is no evidence of the event's place.
LEDE_CITY = 3
AGREED_CITY = 2


def event_place(dumps: list[Dump]) -> str | None:
    """Where the coverage agrees the event is: its members' most common dateline place (an agency's
    dateline counts twice), else the known city most members name (in a headline or lede it counts
    ``LEDE_CITY`` times; one passing mention is not enough), else the country its headlines name most."""
    found: Counter = Counter()
    for dump in dumps:
        if dump.place:
            found[dump.place] += 2 if dump.agency else 1
    if found:
        return min(found, key=lambda p: (-found[p], p))
    cities: Counter = Counter()
    for dump in dumps:
        lede = {c.title() for c in places.cities_in(lede_text(dump))}
        for city in {c.title() for c in places.cities_in(news_text(dump))}:
            cities[city] += LEDE_CITY if city in lede else 1
    agreed = {c: n for c, n in cities.items() if n >= AGREED_CITY}
    if agreed:
        return min(agreed, key=lambda c: (-agreed[c], c))
    countries = Counter(c for d in dumps for c in places.countries_in(d.display_title))
    return min(countries, key=lambda c: (-countries[c], c)) if countries else None


def lede_text(dump: Dump) -> str:
    """The headline and the first paragraphs: where an article says what happened where."""
    parts = [dump.display_title] + [p.text for p in (dump.intro + dump.body)[:2]]
    for update in dump.updates[:1]:
        parts += [p.text for p in update.paragraphs[:1]]
    return "\n".join(parts)


#: Zones a writer's convention gives times in, not a place's own.
CONVENTION_ZONES = frozenset({"UTC", "Etc/UTC", "Etc/GMT", "GMT"})


def event_zone(dumps: list[Dump], place: str | None) -> str | None:
    """The event's zone: the one most of its coverage gives its own times in (a header's, or a dateline's
    with "all times local"), else its place's, else the zone most of its stamps are written in ("10:15 a.m.
    EDT", "2:24 p.m. ET": an outlet's habit, not the place's), else any member's. GMT stamps are a convention,
    not a zone."""
    def most_given(sources: tuple[str, ...]) -> str | None:
        given = Counter(d.timezone for d in dumps if d.timezone and d.timezone_source in sources and d.timezone not in CONVENTION_ZONES)
        return min(given, key=lambda z: (-given[z], z)) if given else None

    return (most_given(("header", "text")) or places.zone_for_place(place) or most_given(("stamp",))
            or next((d.timezone for d in dumps if d.timezone), None))


def unique_slugs(events: list[Event]) -> list[Event]:
    seen: Counter = Counter()
    result = []
    for event in sorted(events, key=lambda e: (e.slug, e.articles)):
        seen[event.slug] += 1
        result.append(event if seen[event.slug] == 1 else replace(event, slug=f"{event.slug}-{seen[event.slug]}"))
    return result


def unique_names(events: list[Event]) -> list[Event]:
    """Events that would share a name are told apart by their place, then their date ("Kim–Putin summit,
    Vladivostok, April 25, 2019"; "UK general election, June 8, 2017", whose name holds its place), so
    the index, the search filter and a reader can tell them apart.
    A name given by an ``Event:`` header is the user's and is kept."""
    by_name: dict[str, list[Event]] = {}
    for event in events:
        by_name.setdefault(event.name, []).append(event)
    renamed = {}
    for name, same in by_name.items():
        if len(same) < 2:
            continue
        for event in same:
            if event.name_source == "header":
                continue
            # a name that names its country ("UK general election") is told apart by its date alone
            parts = [name] + ([event.place.split(",")[0]] if event.place and not places.countries_written(name) else [])
            renamed[id(event)] = parts
        with_place = Counter(", ".join(renamed[id(e)]) for e in same if id(e) in renamed)
        for event in same:
            parts = renamed.get(id(event))
            if parts is not None and with_place[", ".join(parts)] > 1 and event.date_start:
                parts.append(dates.long_date(event.date_start))
    result = [replace(e, name=", ".join(renamed[id(e)])) if id(e) in renamed else e for e in events]
    seen: Counter = Counter()
    final = []
    for event in result:  # the same place and day too: numbered, in the events' order
        seen[event.name] += 1
        final.append(event if seen[event.name] == 1 else replace(event, name=f"{event.name} ({seen[event.name]})"))
    return final
