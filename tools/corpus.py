"""A synthetic news archive for benchmarks and scoring: ``news-archive generate N DIR --seed S``.

Realistic dumps of all three shapes (time-stamped AP-style live blogs, headline-led live blogs,
stories) with boilerplate tails and injected promos, for several hundred events spread over
years, in varied places and time zones, with varied names and wording recombined from the
sample archive's sentences. Deterministic for a seed. Each dump's ground truth (its event, kind,
update times, boilerplate lines) is written to ``truth.json`` beside the dumps, so the parser
and the grouping can be scored against it. Never committed as data: made on demand.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from news_archive.present.render import clock

# (city, region for the dateline, IANA zone)
PLACES = [
    ("Vladivostok", "Russia", "Asia/Vladivostok"), ("Jakarta", "Indonesia", "Asia/Jakarta"),
    ("Manila", "Philippines", "Asia/Manila"), ("Seoul", "South Korea", "Asia/Seoul"),
    ("Tokyo", "Japan", "Asia/Tokyo"), ("Bangkok", "Thailand", "Asia/Bangkok"), ("Hanoi", "Vietnam", "Asia/Ho_Chi_Minh"),
    ("Cairo", "Egypt", "Africa/Cairo"), ("Nairobi", "Kenya", "Africa/Nairobi"), ("Lagos", "Nigeria", "Africa/Lagos"),
    ("Athens", "Greece", "Europe/Athens"), ("Berlin", "Germany", "Europe/Berlin"), ("Madrid", "Spain", "Europe/Madrid"),
    ("Lisbon", "Portugal", "Europe/Lisbon"), ("Warsaw", "Poland", "Europe/Warsaw"), ("Istanbul", "Turkey", "Europe/Istanbul"),
    ("London", None, "Europe/London"), ("Paris", None, "Europe/Paris"), ("Rome", None, "Europe/Rome"),
    ("Chicago", None, "America/Chicago"), ("Denver", None, "America/Denver"), ("Toronto", "Canada", "America/Toronto"),
    ("Mexico City", None, "America/Mexico_City"), ("Lima", "Peru", "America/Lima"), ("Santiago", "Chile", "America/Santiago"),
    ("Sydney", "Australia", "Australia/Sydney"), ("Auckland", "New Zealand", "Pacific/Auckland"),
    ("Karachi", "Pakistan", "Asia/Karachi"), ("Dhaka", "Bangladesh", "Asia/Dhaka"), ("Kathmandu", "Nepal", "Asia/Kathmandu"),
    ("Tehran", "Iran", "Asia/Tehran"), ("Baghdad", "Iraq", "Asia/Baghdad"), ("Riyadh", "Saudi Arabia", "Asia/Riyadh"),
    ("Dubai", "United Arab Emirates", "Asia/Dubai"), ("Singapore", None, "Asia/Singapore"), ("Taipei", "Taiwan", "Asia/Taipei"),
    ("Kyiv", "Ukraine", "Europe/Kyiv"), ("Helsinki", "Finland", "Europe/Helsinki"), ("Oslo", "Norway", "Europe/Oslo"),
    ("Havana", "Cuba", "America/Havana"), ("Bogota", "Colombia", "America/Bogota"), ("Caracas", "Venezuela", "America/Caracas"),
]
FIRST = """Anna Boris Carlos Dmitri Elena Fatima Gustavo Hana Ibrahim Jana Kenji Lucia Mateo Nadia Omar Priya
Rafael Sofia Tomas Uma Viktor Wen Yusuf Zara Amir Bianca Chen Diego Emma Farid Greta Hugo Irina Jonas Kofi Leila
Marco Nina Oscar Paula Ravi Selin Teo Ugo Vera Walid Ximena Yara Zoltan""".split()
LAST = """Abbas Baker Castillo Demir Eriksen Fischer Garcia Haddad Ivanova Jensen Kowalski Larsen Moreau Novak Okafor
Petrov Quispe Rossi Sato Tanaka Usman Varga Weber Xu Yilmaz Zhou Alvarez Brandt Costa Dubois Esposito Ferreira
Gomez Horvat Ito Jovanovic Kim Lopez Mendes Nakamura Ortiz Park Quinn Ramos Silva Torres Ueda Vargas Wong""".split()
ROLES = ["President", "Prime Minister", "Foreign Minister", "opposition leader", "Interior Minister", "mayor", "Defense Minister"]
KINDS = {
    "summit": ("summit", "talks", "leaders", "met for talks", "agreement"),
    "floods": ("floods", "rescue", "rivers", "burst their banks", "evacuation"),
    "election": ("election", "vote", "voters", "went to the polls", "results"),
    "earthquake": ("earthquake", "rescue", "buildings", "collapsed", "aftershocks"),
    "protests": ("protests", "march", "protesters", "filled the streets", "police"),
    "trial": ("trial", "verdict", "jurors", "heard testimony", "sentence"),
    "marathon": ("marathon", "race", "runners", "crossed the finish line", "record"),
    "wildfire": ("wildfire", "firefighters", "villages", "were evacuated", "containment"),
    "strike": ("strike", "walkout", "workers", "walked off the job", "wages"),
    "storm": ("storm", "landfall", "residents", "lost power", "damage"),
}
OUTLETS = ["The Daily Ledger", "The Western Journal", "Metro Herald", "Capital Courier", "Evening Post", "World Desk",
           "News Today", "The Morning Wire", "Globe Report", "Pacific Times"]
AGENCIES = ["AP", "Reuters", "AFP"]

# Sentences recombined from the sample archive, with slots for the event's people, place and nouns.
LEDES = [
    "{p1} has arrived in {city} for {the_event} with {p2}.",
    "{p1} and {p2} say they have had fruitful {talks} about how to end the standoff.",
    "{p1} says after {weekday}'s {talks} with {p2} that {city} is ready to proceed, but that it needs serious guarantees.",
    "A top official is holding {talks} in {city} while {p1} is meeting with {p2}.",
    "{p1} has opened the {talks} with {p2}, saying that the government would like to help support efforts to resolve the {event}.",
    "{p1} and {p2} have shaken hands before heading to {talks} at a university in {city}.",
    "Thousands of {people} {did} in {city} on {weekday}, officials said.",
    "Officials in {city} say the {event} has forced the {aftermath} of whole neighborhoods.",
    "{p2} says the {event} in {city} will help assess the issues that divide the two sides.",
    "The {event} in {city} entered its second day as {people} {did} again.",
]
BODIES = [
    "{p1} said {p2} \u201cexchanged opinions about what should be done to improve the situation.\u201d",
    "{p2} noted that they had \u201cdiscussed ways of peaceful settlement\u201d and had \u201ca very fruitful exchange.\u201d",
    "TV coverage showed {p2} arriving in a limousine before shaking hands with {p1}.",
    "{p1} then introduced {p2} to officials who shook hands with the delegation.",
    "In a statement, {p1}'s office said it hoped {weekday}'s {talks} would \u201clay a foundation\u201d for progress.",
    "The {event} reflects the government's effort to position itself as an essential player in the region.",
    "{p2} added that {p1} had encouraged the delegation to explain the nuances of its stance.",
    "Officials said the {aftermath} would continue through the weekend in {city} and nearby towns.",
    "Witnesses said {people} waited for hours in the heat outside the main square in {city}.",
    "The interior ministry said at least {n} people had been affected by the {event} so far.",
    "Local television showed crowds gathering near the harbor in {city} as the {talks} went on.",
    "{p1} told reporters that there are \u201cno secrets\u201d and that the details would be shared with partners.",
]
BACKGROUND = [
    "{weekday}'s {event} reflects the region's effort to position itself as an essential player in the dispute.",
    "The {event} comes about two months after earlier {talks} failed because of disputes over sanctions.",
]
PROMOS = ["Woman Finds Rare Pink Diamond In State Park", "Celebrity Chef Opens Restaurant On A Glacier",
          "Trending: Dog Rescued From Storm Drain", "Related: Ten Recipes For Summer", "Watch: Baby Goats In Pajamas"]
TAILS = [
    "{outlet} has not reviewed this Associated Press story prior to publication. Therefore, it may contain editorial bias or may in some other way not meet our normal editorial standards. It is provided to our readers as a service from {outlet}.",
    "Truth and Accuracy",
    "We are committed to truth and accuracy in all of our journalism. Read our editorial standards.",
    "Advertise with {outlet} and reach millions of highly engaged readers, while supporting our work. Advertise Today.",
]
WIDGETS = ["Share this article", "Share on Facebook", "ADVERTISEMENT", "Sign up for our free morning newsletter to get the day's top stories."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass
class Event:
    id: int
    kind: str
    city: str
    region: str | None
    zone: str
    day: date
    p1: str
    p2: str
    words: dict = field(default_factory=dict)

    @property
    def dateline_city(self) -> str:
        return self.city.upper() + (f", {self.region}" if self.region else "")


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{rng.choice(ROLES)} {first} {last}", last


def _event(rng: random.Random, number: int) -> Event:
    city, region, zone = rng.choice(PLACES)
    kind = rng.choice(sorted(KINDS))
    event_word, talks, people, did, aftermath = KINDS[kind]
    (p1, short1), (p2, short2) = _person(rng), _person(rng)
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(365 * 10))
    return Event(number, kind, city, region, zone, day, p1, p2, {
        "event": event_word, "talks": talks, "people": people, "did": did, "aftermath": aftermath,
        "short1": short1, "short2": short2, "the_event": f"the {event_word}",
    })


def _fill(rng: random.Random, template: str, event: Event, day: date) -> str:
    return template.format(
        p1=event.p1, p2=event.p2, city=event.city, weekday=WEEKDAYS[day.weekday()], n=rng.randrange(12, 4000),
        outlet=rng.choice(OUTLETS), **event.words,
    )


def _ap_blog(rng: random.Random, event: Event, day: date, dated: bool) -> tuple[list[str], dict]:
    w = event.words
    lines = [f"The Latest: {w['short1']}, {w['short2']} {rng.choice(['meet', 'speak', 'react', 'respond'])} as {w['event']} goes on"]
    lines.append(f"{event.dateline_city} (AP) \u2014 The Latest on the {w['event']} in {event.city} (all times local):")
    count = rng.randint(4, 12)
    minutes = sorted(rng.sample(range(9 * 60, 23 * 60, 5), count), reverse=True)
    times = []
    promos = 0
    background = [_fill(rng, b, event, day) for b in BACKGROUND]
    for n, m in enumerate(minutes):
        times.append(f"{m // 60:02d}:{m % 60:02d}")
        lines.append(clock(times[-1]))
        lines.append(_fill(rng, rng.choice(LEDES), event, day))
        for _ in range(rng.randint(1, 4)):
            lines.append(_fill(rng, rng.choice(BODIES), event, day))
        if rng.random() < 0.4:
            lines += background
        if n < count - 1:
            lines.append("___")
            if rng.random() < 0.05:
                lines += [rng.choice(PROMOS), "___"]
                promos += 1
    if dated:
        lines[-1] += f" The {w['event']} began on {day.strftime('%B')} {day.day}, {day.year}."
    tail = [_fill(rng, t, event, day) for t in TAILS] if rng.random() < 0.6 else []
    return lines + tail, {"kind": "liveblog", "times": times, "dropped": len(tail) + promos}


def _headline_blog(rng: random.Random, event: Event, day: date) -> tuple[list[str], dict]:
    w = event.words
    topic = f"{w['short1']}-{w['short2']} {w['event']} in {event.city}"
    lines = [f"{topic} LIVE UPDATES: {rng.choice(['Leaders hope for a settlement', 'Crowds gather', 'What we know so far'])}",
             f"{topic} LIVE UPDATES: {_fill(rng, rng.choice(LEDES), event, day)}"]
    for _ in range(rng.randint(2, 4)):
        lines.append(_fill(rng, rng.choice(BODIES), event, day))
    count = rng.randint(2, 8)
    for n in range(count):
        lines.append(f"{w['short2']} {rng.choice(['says', 'warns', 'hopes', 'tells reporters'])} {w['event']} in {event.city} {rng.choice(['will help', 'must end', 'goes on', 'is over'])} {n + 1}")
        for _ in range(rng.randint(1, 3)):
            lines.append(_fill(rng, rng.choice(BODIES), event, day))
        if rng.random() < 0.3:
            lines.append(f"{event.p2} speaks in {event.city}, {event.region or event.city} {day.strftime('%B')} {day.day}, {day.year}. (Reuters Photo: {rng.choice(FIRST)} {rng.choice(LAST)})")
    promo = rng.random() < 0.2
    if promo:
        lines.append(rng.choice(PROMOS[2:]))
    return lines, {"kind": "liveblog", "times": [], "updates": count, "dropped": int(promo)}


def _story(rng: random.Random, event: Event, day: date) -> tuple[list[str], dict]:
    w = event.words
    agency = rng.choice(AGENCIES)
    dash = "-" if agency == "Reuters" else "\u2014"
    lines = [f"{w['short1']} and {w['short2']} {rng.choice(['clash over', 'agree on', 'discuss', 'react to'])} {w['event']} in {event.city}"]
    lead = _fill(rng, rng.choice(LEDES), event, day).rstrip(".")
    lines.append(f"{event.dateline_city} ({agency}) {dash} {lead} on {WEEKDAYS[day.weekday()]}, {day.strftime('%B')} {day.day}, {day.year}.")
    for _ in range(rng.randint(3, 9)):
        lines.append(_fill(rng, rng.choice(BODIES), event, day))
    widgets = rng.sample(WIDGETS, rng.randint(0, 2))
    return lines + widgets, {"kind": "story", "times": [], "dropped": len(widgets)}


def generate(count: int, folder: str | Path, seed: int = 0, events: int | None = None) -> list[dict]:
    """Write ``count`` dumps and ``truth.json`` into ``folder``; returns the truth records."""
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    event_count = events or max(1, min(count, max(count // 12, 3)))
    pool = [_event(rng, n) for n in range(event_count)]
    truth = []
    for number in range(count):
        event = pool[number % event_count] if number < event_count else rng.choice(pool)
        day = event.day + timedelta(days=rng.choice([0, 0, 0, 1, -1]))
        shape = rng.random()
        if shape < 0.4:
            dated = rng.random() < 0.5
            lines, facts = _ap_blog(rng, event, day, dated)
            facts["date"] = day.isoformat() if dated else None
        elif shape < 0.65:
            lines, facts = _headline_blog(rng, event, day)
        else:
            lines, facts = _story(rng, event, day)
        if rng.random() < 0.1:
            lines = [f"Date: {day.isoformat()}", f"Source: {rng.choice(OUTLETS)}", ""] + lines
        text = "\n".join(lines) + "\n"
        name = f"{number:05d}_{hashlib.sha1(text.encode()).hexdigest()[:12]}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        truth.append({"file": name, "event": event.id, "event_kind": event.kind, "place": event.city, "zone": event.zone,
                      "day": day.isoformat(), "people": [event.words["short1"], event.words["short2"]], **facts})
    (folder / "truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return truth
