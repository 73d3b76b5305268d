"""Site template learned from the archive: a line seen in articles of different events goes, wire copy stays."""

from news_archive.events import build_events
from news_archive.events.template import RULE, drop_site_template
from news_archive.parse.cascade import parse_text

PROMO = "Love local news? Our morning briefing brings the harbour town's stories to you at seven."
WIRE = "The ferry operator said all 212 passengers were brought ashore by lifeboat crews before midnight."

FERRY_A = f"""Ferry runs aground off Porthaven
PORTHAVEN (AP) — A ferry ran aground off Porthaven on Tuesday night with 212 passengers on board.
{WIRE}
Coastguard officers said the tide had fallen faster than the crew expected near the harbour mouth.
{PROMO}
"""

FERRY_B = f"""Porthaven ferry grounding: passengers safe
PORTHAVEN (AP) — Passengers of the ferry that ran aground off Porthaven were safe on Wednesday.
{WIRE}
Inspectors boarded the ferry at low tide to check its hull for damage after the grounding.
"""

MARKET = f"""Porthaven fish market reopens after refit
The fish market on Porthaven quay reopened on Saturday after a refit of its cold stores and stalls.
Traders said the new stalls had doubled the space for the morning auction of the boats' catch.
{PROMO}
"""


def _build():
    items = [(name, parse_text(text, name=name)) for name, text in (("a", FERRY_A), ("b", FERRY_B), ("c", MARKET))]
    return build_events(items), dict(items)


def test_a_line_in_articles_of_two_events_is_dropped_as_the_sites_template():
    (events, dumps), parsed = _build()
    assert sorted(sorted(e.articles) for e in events) == [["a", "b"], ["c"]]
    for key in ("a", "c"):
        texts = [p.text for p in dumps[key].kept_paras]
        assert PROMO not in texts
        assert [d.reason for d in dumps[key].dropped if d.text == PROMO] == [RULE]
        assert dumps[key].digest != parsed[key].digest  # the caches see the change
        accounted = [n for lines in dumps[key].accounting().values() for n in lines]
        assert sorted(accounted) == list(range(1, dumps[key].line_count + 1))


def test_wire_copy_repeated_within_one_event_stays():
    (events, dumps), parsed = _build()
    for key in ("a", "b"):
        assert WIRE in [p.text for p in dumps[key].kept_paras]
    assert dumps["b"] is parsed["b"] or dumps["b"].digest == parsed["b"].digest


def test_lines_seen_in_one_event_only_are_no_template():
    (events, dumps), _ = _build()
    one_event = [e for e in events if "a" in e.articles]
    assert drop_site_template(one_event, dumps) == dumps


def test_a_template_line_naming_the_articles_own_event_stays_with_its_words_read_once():
    from news_archive.events.template import line_words, without_template

    (events, _), parsed = _build()
    lines = frozenset({PROMO, WIRE})
    words = line_words(lines)
    assert words[PROMO] >= {"love", "local", "news", "harbour"}
    for topic in (frozenset(), frozenset({"ferry"}), frozenset({"harbour"})):
        for key in ("a", "b", "c"):
            # with each line's words read once, as the whole archive is done: what reading them anew gives
            assert without_template(parsed[key], lines, topic, words) == without_template(parsed[key], lines, topic)
    kept = [p.text for p in without_template(parsed["a"], lines, frozenset({"ferry"}), words).kept_paras]
    assert WIRE in kept and PROMO not in kept  # the wire line names the ferry: it stays


LIVE = f"""The Latest: Porthaven ferry aground, passengers brought ashore
PORTHAVEN — The latest on the ferry that ran aground off Porthaven (all times local):
9:40 p.m.
Lifeboat crews have brought the last of the ferry's 212 passengers ashore at Porthaven quay.
{PROMO}
8:15 p.m.
A ferry with 212 passengers on board has run aground at the mouth of Porthaven harbour.
The coastguard said the tide had fallen faster than the crew expected.
"""


def test_a_live_blog_loses_the_line_from_its_update_and_keeps_its_other_updates_whole():
    from news_archive.events.template import without_template

    blog = parse_text(LIVE, name="live")
    assert [len(u.paragraphs) for u in blog.updates] == [2, 2]
    dropped = without_template(blog, frozenset({PROMO}))
    assert [p.text for p in dropped.updates[0].paragraphs] == [blog.updates[0].paragraphs[0].text]
    assert [d.text for d in dropped.dropped if d.reason == RULE] == [PROMO]
    assert dropped.updates[1] is blog.updates[1]  # nothing of it went: the same object, not a copy
    assert without_template(blog, frozenset({"A line no update holds."})) is blog
    assert without_template(blog, frozenset({PROMO}), frozenset({"harbour"})) is blog  # it names the blog's topic: it stays


def test_template_lines_are_the_lines_two_events_or_more_carry_without_naming_them():
    """The rule as written: a line is the site's template when two events or more carry it (in any of
    their articles' droppable text) and it names nothing of their topic; counted per event, not per
    article, and an event whose name gives no topic word counts for any line it carries."""
    from types import SimpleNamespace

    from news_archive.events.template import template_lines, topic_words, words_in

    promo, wire, ferry_note, quay_note = (
        "Subscribe to our morning briefing today.",
        "Passengers were brought ashore overnight.",
        "The ferry operator apologised again.",
        "Traders at the quay sold out by noon.",
    )
    events = [
        SimpleNamespace(name="Ferry aground off Porthaven", articles=("a", "b")),
        SimpleNamespace(name="Porthaven fish market reopens", articles=("c",)),
        SimpleNamespace(name="Harbour ferry strike", articles=("d",)),
        SimpleNamespace(name="Gale", articles=("e",)),  # no word of four letters: no topic
    ]
    texts = {
        "a": [promo, wire, wire], "b": [wire, ferry_note],  # wire copy twice in one event
        "c": [promo, quay_note], "d": [ferry_note, quay_note], "e": [ferry_note],
    }

    def by_the_rule():
        found = set()
        for line in {line for lines in texts.values() for line in lines}:
            holding = [e for e in events if any(line in texts[key] for key in e.articles)]
            foreign = [e for e in holding if topic_words(e).isdisjoint(words_in(line))]
            if len(holding) >= 2 and len(foreign) >= 2:
                found.add(line)
        return frozenset(found)

    # the promotion in two events naming nothing of it; the quay note in two; the ferry note in three,
    # naming the ferry in two of them (the gale's counts, its name giving no topic): one foreign event
    assert template_lines(events, {}, texts) == by_the_rule() == {promo, quay_note}
    texts["e"].append(wire)  # now in a second event, that names nothing of it
    assert template_lines(events, {}, texts) == by_the_rule() == {promo, quay_note, wire}
