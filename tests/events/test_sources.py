"""Sources: the outlet from a page's own lines, outlets counted as a reader counts them, wire copies as one report."""

from news_archive.events import build_events
from news_archive.parse.cascade import parse_text
from news_archive.present import views

WIRE = (
    "PORTHAVEN (AP) — A ferry ran aground off Porthaven on Tuesday night with 212 passengers on board, and "
    "lifeboat crews brought every one of them ashore before midnight, the coastguard said."
)


def test_the_outlet_comes_from_a_copyright_line_a_sign_off_or_the_url_header():
    copyright_ = parse_text("Bridge reopens\nThe bridge reopened on Monday after repairs, the council said.\n\u00a9 2021 Porthaven Post\n")
    sign_off = parse_text("Storm floods suburbs\nHeavy rain flooded the suburbs on Monday, officials said.\n\u2013 Rappler.com\n")
    header = parse_text("URL: https://www.porthavenpost.example/news/bridge\n\nBridge reopens\nThe bridge reopened on Monday after repairs.\n")
    wire = parse_text(f"Ferry runs aground\n{WIRE}\nCopyright 2021 The Associated Press. All rights reserved.\n")
    assert copyright_.source == "Porthaven Post"
    assert "became the article's source: Porthaven Post" in copyright_.dropped[0].reason
    assert sign_off.source == "Rappler.com"
    assert header.source == "porthavenpost.example"
    assert (wire.source, wire.agency) == (None, "AP")


def _event(*texts):
    items = [(f"a{n}", parse_text(text, name=f"a{n}.txt")) for n, text in enumerate(texts)]
    events, dumps = build_events(items)
    assert len(events) == 1
    return events[0], dumps


def test_unnamed_outlets_are_counted_as_unknown_and_an_agencys_copies_as_its_report():
    event, dumps = _event(
        f"Ferry runs aground off Porthaven\n{WIRE}\nPassengers were given blankets at the harbour station.\n",
        f"Ferry aground off Porthaven, all safe\n{WIRE}\nThe Western Journal has not reviewed this Associated Press story prior to publication.\n",
        "Porthaven ferry grounding: what we know\nA ferry carrying 212 passengers ran aground off Porthaven on Tuesday night, "
        "and all were brought ashore by lifeboat crews, the coastguard said on Wednesday.\n",
    )
    outlets, unknown = views.coverage(event, dumps)
    assert outlets == ["AP"] and unknown == 1  # the Western Journal's copy is AP's report
    assert views.coverage_line(event, dumps) == "3 articles from AP (1 not named)"


def test_coverage_lines_name_three_outlets_at_most():
    from news_archive.events.model import Event
    from news_archive.parse.model import Dump, Para

    def dump(source):
        return Dump(name="x", line_count=1, kind="story", title=Para(1, "x"), source=source)

    sources = {"a": "CNN", "b": "BBC", "c": "Reuters", "d": "Reuters", "e": "NPR", "f": None}
    event = Event(slug="e", name="e", name_source="derived", place=None, timezone=None, date_start=None, date_end=None,
                  articles=tuple(sources))
    dumps = {k: dump(v) for k, v in sources.items()}
    assert views.coverage_line(event, dumps) == "6 articles from Reuters, BBC, CNN and 1 more outlet (1 not named)"
    one = Event(slug="o", name="o", name_source="derived", place=None, timezone=None, date_start=None, date_end=None, articles=("f",))
    assert views.coverage_line(one, dumps) == "1 article, outlet not named"


def test_copies_of_one_wire_story_are_one_report():
    event, dumps = _event(
        f"Ferry runs aground off Porthaven\n{WIRE}\n",
        f"Porthaven ferry runs aground\n{WIRE}\n",
        "Harbour master on the ferry grounding\nThe harbour master said the channel off Porthaven had silted up over the winter "
        "and would be dredged before the summer timetable, after a ferry ran aground there on Tuesday night.\n",
    )
    copies = views.copies(event, dumps)
    assert len(copies) == 1 and len(next(iter(copies.values()))) == 1
    first, copied = next(iter(copies.items()))
    assert {first, copied[0]} == {"a0", "a1"}
