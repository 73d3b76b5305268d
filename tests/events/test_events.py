"""Events: grouping across sources, dates filled from each other, merged timelines."""

import json
import random
from datetime import date

import pytest

from news_archive.cli import load_keyed
from news_archive.events import EventOptions, build_events
from news_archive.events.features import background_lines
from news_archive.events.naming import derive_name
from news_archive.events.timeline import key_moments
from news_archive.parse.cascade import parse_file, parse_text
from news_archive.present.serialize import event_json

from ..conftest import AP_SEED, EVENT_FIXTURES, LIVE_SEED, SEEDS

EVENT_FIXTURES = sorted(EVENT_FIXTURES.glob("*.txt"))


def _events(paths):
    events, dumps = build_events(load_keyed(paths))
    return events, dumps


def _json(paths):
    events, dumps = _events(paths)
    return [event_json(e, dumps) for e in events]


@pytest.fixture(scope="module")
def seed_event():
    events, dumps = _events(SEEDS)
    assert len(events) == 1
    return events[0], dumps


def test_the_two_seeds_form_one_named_event(seed_event):
    event, dumps = seed_event
    assert event.name == "Kim\u2013Putin summit" and event.name_source == "derived"
    assert event.slug == "kim-putin-summit-2019-04-25"
    assert (event.date_start, event.date_end) == (date(2019, 4, 25), date(2019, 4, 25))
    assert event.place == "Vladivostok, Russia" and event.timezone == "Asia/Vladivostok"
    assert len(event.articles) == 2


def test_the_ap_blog_takes_the_event_date(seed_event):
    _, dumps = seed_event
    ap = next(d for d in dumps.values() if d.name == AP_SEED.name)
    assert (ap.date, ap.date_source) == (date(2019, 4, 25), "event")
    stamps = [u.datetime.isoformat() for u in ap.updates]
    assert stamps[0] == "2019-04-25T20:40:00+10:00" and stamps[-1] == "2019-04-25T12:30:00+10:00"
    other = next(d for d in dumps.values() if d.name == LIVE_SEED.name)
    assert (other.date_source, other.timezone, other.timezone_source) == ("text", "Asia/Vladivostok", "event")


def test_merged_timeline_of_the_seeds(seed_event):
    event, dumps = seed_event
    ap_key = next(k for k, d in dumps.items() if d.name == AP_SEED.name)
    other_key = next(k for k, d in dumps.items() if d.name == LIVE_SEED.name)
    exact = [e for e in event.timeline if not e.approximate]
    assert [e.article for e in exact] == [ap_key] * 8
    assert [e.datetime.isoformat() for e in exact] == [
        "2019-04-25T12:30:00+10:00", "2019-04-25T14:00:00+10:00", "2019-04-25T14:20:00+10:00", "2019-04-25T16:15:00+10:00",
        "2019-04-25T18:15:00+10:00", "2019-04-25T18:50:00+10:00", "2019-04-25T20:00:00+10:00", "2019-04-25T20:40:00+10:00",
    ]
    placed = [e for e in event.timeline if e.approximate]
    assert len(placed) == 1
    arrives = placed[0]
    assert arrives.article == other_key and arrives.update == "h-kim-putin-summit-in-russia-russian"
    assert arrives.datetime == exact[0].datetime  # "about 12:30 p.m."
    assert event.timeline[0].update == "t-1230" and event.timeline[1] == arrives  # placed by it
    assert [(r.article, r.update) for r in exact[0].also_reported_by] == [(other_key, arrives.update)]
    assert exact[0].first_report and not arrives.first_report
    assert [(e.article, e.update) for e in event.untimed] == [(other_key, "h-kim-jong-un-says-russia-summit")]


def test_ap_background_paragraphs_are_not_news():
    dump = parse_file(AP_SEED)
    background = background_lines(dump)
    # "Thursday's summit reflects ..." and "Kim's first trip to Russia ..." in the 2 p.m. and 12:30 p.m. updates
    assert {43, 44, 48, 49} <= background and 42 not in background
    assert all(u.paragraphs[0].line not in background for u in dump.updates)


def test_fixture_events_group_as_they_should():
    events, dumps = _events(SEEDS + EVENT_FIXTURES)
    files = sorted(sorted(dumps[k].name for k in e.articles) for e in events)
    assert files == sorted([
        ["summit_anniversary_next_year.txt"],  # same summit, a year later: its own event
        ["jakarta_floods_liveblog.txt", "jakarta_floods_story.txt"],  # another place, another week
        sorted(["000_e4cb1ea91cb5d769.txt", "003_c36d33699a53380b.txt",
                "summit_followup_next_day.txt", "summit_preview_day_before.txt"]),
    ])
    names = {e.name for e in events}  # the two summits a year apart are told apart by their places
    assert names == {"Kim\u2013Putin summit, Vladivostok", "Kim\u2013Putin summit, Moscow", "Jakarta floods"}
    summit = next(e for e in events if len(e.articles) == 4)
    assert (summit.date_start, summit.date_end) == (date(2019, 4, 24), date(2019, 4, 26))
    ap = next(d for d in dumps.values() if d.name == AP_SEED.name)
    assert ap.date == date(2019, 4, 25)  # "Thursday" within the event's span
    assert [e.slug for e in events] == ["kim-putin-summit-2020-04-25", "jakarta-floods-2019-05-02", "kim-putin-summit-2019-04-24"]


def test_grouping_does_not_depend_on_file_order():
    paths = SEEDS + EVENT_FIXTURES
    expected = json.dumps(_json(paths))
    rng = random.Random(7)
    for _ in range(12):
        shuffled = paths[:]
        rng.shuffle(shuffled)
        assert json.dumps(_json(shuffled)) == expected


def test_event_header_names_and_groups_explicitly():
    a = parse_text("Event: Budget week\n\nMinisters argue over the budget\nTalks went on late on March 3, 2021.", name="a.txt")
    b = parse_text("Event: Budget week\n\nFarmers protest in the capital\nTractors blocked roads on March 9, 2021.", name="b.txt")
    c = parse_text("Event: Another week\n\nMinisters argue over the budget\nTalks went on late on March 3, 2021.", name="c.txt")
    events, _ = build_events([("a", a), ("b", b), ("c", c)])
    grouped = sorted(sorted(e.articles) for e in events)
    assert grouped == [["a", "b"], ["c"]]
    assert {e.name for e in events} == {"Budget week", "Another week"}
    assert all(e.name_source == "header" for e in events)


def test_an_article_that_matches_nothing_is_an_event_of_its_own():
    lone = parse_text("Rover sends first panorama from Mars crater\nThe rover's camera showed a dusty plain on June 2, 2030.", name="r.txt")
    events, dumps = build_events([("r", lone)] + load_keyed(SEEDS))
    assert sorted(len(e.articles) for e in events) == [1, 2]


def test_undated_coverage_alone_stays_undated():
    events, dumps = build_events(load_keyed([AP_SEED]))
    assert events[0].date_start is None and dumps[events[0].articles[0]].date is None
    assert events[0].timeline == () and len(events[0].untimed) == 8


def test_derived_name_falls_back_to_the_title():
    dump = parse_text("quiet day\nnothing much happened.", name="q.txt")
    assert derive_name([dump]) == "quiet day"


def test_key_moments_keep_first_last_and_most_reported():
    events, _ = _events(SEEDS)
    moments = events[0].key_moments
    assert moments[0].update == "t-1230" and moments[-1].update == "t-2040"
    assert len(moments) == EventOptions().key_moments
    assert key_moments([], 5) == []


def test_unknown_event_options_are_refused():
    with pytest.raises(ValueError, match="unknown event options"):
        EventOptions.from_settings({"window": 3})


def test_grouping_gives_the_same_events_whatever_order_its_map_works_in(tmp_path):
    from tools.corpus import generate

    generate(120, tmp_path, seed=11)
    items = load_keyed(sorted(tmp_path.glob("*.txt")))
    undated = [key for key, dump in items if dump.date is None]
    assert len(undated) >= 4  # undated articles are placed through the map
    serial = build_events(items)
    calls = []

    def backwards(function, items):  # last item first, results given back in order
        calls.append(len(items))
        return [function(item) for item in reversed(items)][::-1]

    assert build_events(items, map=backwards) == serial and sum(calls) > len(undated)


def test_idf_weights_keep_two_decimals_so_one_edit_does_not_reweigh_common_words():
    from collections import Counter

    from news_archive.events.similarity import idf_table

    corpus = [Counter({"said": 1, "people": 1}) for _ in range(900)] + [Counter({"summit": 1}) for _ in range(100)]
    weights = idf_table(corpus)
    assert weights == {"said": 1.11, "people": 1.11, "summit": 3.29}
    corpus[0] = Counter({"said": 1})  # one dump fewer uses "people": its idf moves in the fourth decimal only
    assert idf_table(corpus) == weights


def test_copy_with_is_dataclasses_replace_for_the_model():
    from dataclasses import fields, replace

    from news_archive.parse.model import Dump, Para, Update, copy_with

    update = Update(id="u1", line=3, time="08:40", headline=Para(3, "Talks begin"), paragraphs=(Para(4, "Leaders met."),))
    dump = Dump(name="d.txt", line_count=9, kind="liveblog", title=Para(1, "Summit"), updates=(update,), digest="abc")
    for value, changes in ((update, {"date": date(2024, 1, 5), "day": 1}), (dump, {"date": date(2024, 1, 5), "timezone": "Asia/Tokyo"})):
        copied = copy_with(value, **changes)
        assert copied == replace(value, **changes) and hash(copied) == hash(replace(value, **changes))
        assert all(getattr(copied, f.name) == getattr(replace(value, **changes), f.name) for f in fields(value))
        assert value != copied and not hasattr(copied, "__dict__")
    with pytest.raises(TypeError):
        copy_with(update, dated=True)
    # what makes the copy exact: every model class is plain (a __post_init__ or an init=False field would not
    # run) with slots (the fields are all there is)
    from news_archive.parse import model

    for cls in (c for c in vars(model).values() if isinstance(c, type) and hasattr(c, "__dataclass_fields__")):
        assert not hasattr(cls, "__post_init__") and hasattr(cls, "__slots__"), cls
        assert all(f.init for f in fields(cls)), cls


def test_events_that_would_share_a_name_are_told_apart_by_place_then_date():
    from dataclasses import replace

    from news_archive.events import Event
    from news_archive.events.naming import unique_names

    base = Event(slug="s", name="Trump–Kim summit", name_source="derived", place=None, timezone=None,
                 date_start=date(2018, 6, 12), date_end=date(2018, 6, 12), articles=("a",))
    events = [
        replace(base, slug="a", place="Singapore"),
        replace(base, slug="b", place="Hanoi, Vietnam", date_start=date(2019, 2, 27)),
        replace(base, slug="c", place="Hanoi", date_start=date(2019, 2, 28)),
        replace(base, slug="d", name="Flood", name_source="header"),
        replace(base, slug="e", name="Flood", name_source="header"),
        replace(base, slug="f", name="Storm"),
        # a name that holds its country: the date alone, not "UK general election, London"
        replace(base, slug="g", name="UK general election", place="London", date_start=date(2017, 6, 8)),
        replace(base, slug="h", name="UK general election", place="United Kingdom", date_start=date(2019, 12, 12)),
    ]
    names = [e.name for e in unique_names(events)]
    assert names == [
        "Trump–Kim summit, Singapore", "Trump–Kim summit, Hanoi, February 27, 2019", "Trump–Kim summit, Hanoi, February 28, 2019",
        "Flood", "Flood (2)", "Storm", "UK general election, June 8, 2017", "UK general election, December 12, 2019",
    ]


def test_an_events_zone_is_its_coverages_own_then_its_places():
    from news_archive.events.naming import event_zone
    from news_archive.parse.model import Dump, Para

    def dump(zone, source):
        return Dump(name="d", line_count=1, kind="story", title=Para(1, "T"), timezone=zone, timezone_source=source)

    # most of the coverage says its times are Vladivostok's; one dateline from Moscow does not outvote them
    coverage = [dump("Asia/Vladivostok", "text"), dump("Asia/Vladivostok", "header"), dump("Europe/Moscow", "text")]
    assert event_zone(coverage, "Moscow") == "Asia/Vladivostok"
    # stamps in GMT are a writer's convention: the place decides
    assert event_zone([dump("Etc/GMT", "text"), dump(None, None)], "Helsinki, Finland") == "Europe/Helsinki"
    assert event_zone([dump(None, None)], None) is None


def test_an_undated_member_takes_the_day_and_month_it_writes_in_the_events_year():
    from news_archive.events.dating import event_day_for

    dump = parse_text("Final report\nThe final, played on July 15 in Moscow, ended 4-2 after a rain delay on Sunday.")
    assert dump.partial_dates == ((2, 7, 15),)
    assert event_day_for(dump, date(2018, 7, 14), date(2018, 7, 16)) == date(2018, 7, 15)
    # far from the event's days, the day and month is something else: the weekday words decide
    assert event_day_for(dump, date(2018, 9, 1), date(2018, 9, 3)) == date(2018, 9, 2)  # the Sunday


def test_a_report_of_the_day_before_the_day_its_text_dates_keeps_its_own_day():
    from news_archive.events.dating import fill_dates

    bronze = parse_text("Harbour FC take third place\nHarbour FC won the third-place match on Saturday.\nThe match was close.\n"
                        "The crowd was large.\nThe coach praised his side.\nThe stadium was full.\n"
                        "The final is on the 18th of December, Sunday, at the Lusail Stadium.")
    filled = fill_dates({"b": bronze}, {"b": 2022})["b"]
    # the calendar fits the final's day (December 18, 2022 is a Sunday); the report is of the Saturday
    assert (filled.date, filled.date_source) == (date(2022, 12, 17), "weekday")


def test_an_undated_members_own_words_read_against_the_events_days_strongest_first():
    from news_archive.events.dating import event_day_for

    wed, thu = date(2018, 9, 12), date(2018, 9, 13)  # a Wednesday event
    # a lede weekday in the span beats a day and month near it (a date the story looks ahead to)
    launch = parse_text("Orchard shows new phones\nOn Wednesday Orchard showed its phones.\nOrders open on Sept. 14 and stores sell them on Sept. 21.")
    assert event_day_for(launch, wed, wed) == wed
    # ... but a day and month inside the span beats it
    assert event_day_for(launch, wed, date(2018, 9, 14)) == date(2018, 9, 14)
    # a lede weekday the day after the span: the second day of a summit its dated coverage gives the first
    second = parse_text("Leaders end summit\nLeaders on Thursday ended the summit with a statement.")
    assert event_day_for(second, wed, wed) == thu
    # not the day before (the night an attack began, reported the next morning) ...
    before = parse_text("Attack in the city\nAttackers struck on Tuesday, police said.")
    assert event_day_for(before, wed, wed, wed) == wed
    # ... and a weekday's night names the day after it, the day its report covers
    night = parse_text("Attack in the city\nAttackers struck on Wednesday night, police said.")
    assert event_day_for(night, wed, wed, wed) == thu
    # a tie in the lede goes to the weekday the whole text names more
    both = parse_text("Blast at a concert\nA blast on Tuesday night killed 22.\nOn Wednesday police named a suspect.\n"
                      "The arena was closed, the city said.\nFans left flowers at the gates.\nThe mayor spoke to reporters.\n"
                      "Trains ran again by noon.\nPolice on Wednesday searched two houses.")
    assert event_day_for(both, date(2018, 9, 11), wed) == wed


def test_coverage_without_a_dated_article_takes_the_day_its_day_month_and_weekday_agree_on():
    from news_archive.events.dating import calendar_day, fill_dates

    a = parse_text("Judge sentences former officer\nA judge on Friday sentenced the officer over the May 2020 killing.")
    b = parse_text("Officer sentenced\nThe court on June 25 sentenced the officer, the family said.")
    c = parse_text("Reaction to the sentence\nFamily members spoke after the hearing on Friday.")
    # June 25 is a Thursday in 2020 (the latest year written) and a Friday in 2021
    assert calendar_day([a, b, c], 2020) == date(2021, 6, 25)
    filled = fill_dates({"a": a, "b": b, "c": c}, {"a": 2020, "b": None, "c": None})
    assert {k: (d.date, d.date_source) for k, d in filled.items()} == dict.fromkeys("abc", (date(2021, 6, 25), "weekday"))
    # no year written, no weekday that fits, or two days that fit equally: no date is made up
    assert calendar_day([a, b], None) is None
    assert calendar_day([parse_text("Officer sentenced\nThe court on June 25 sentenced him on Monday.")], 2020) is None
    tie = parse_text("Two hearings\nHearings on June 25 and June 26 ran Friday and Saturday.")
    assert calendar_day([tie], 2020) is None  # June 25, 2021 is a Friday and June 26, 2021 a Saturday
    assert fill_dates({"b": b}, {"b": None})["b"].date is None


def test_names_with_inner_capitals_are_names():
    from news_archive.events.features import entity_counts

    found = entity_counts("Orchard showed the new oPhone and the oPhone Mini, said Ms McArdle. It streams on TubeCast, not on eBay.")
    assert {"oPhone", "McArdle", "TubeCast", "eBay", "Mini"} <= set(found) and found["oPhone"] == 2
    assert "It" not in found and "Orchard" not in found  # a sentence's first word


def test_a_first_name_gives_way_to_its_surname_and_a_passing_noun_names_nothing():
    dumps = [
        parse_text("Ortiz gains seats from Alma June\nPrime Minister Alma June lost her majority as Lena Ortiz gained seats in the election.\n"
                   "Ortiz thanked voters; Alma June said she would stay on."),
        parse_text("Alma June loses ground to Ortiz\nAlma June and Lena Ortiz spoke after the count; Ortiz gained 30 seats.\n"
                   "The election left Alma June without a majority, a hurricane of a night."),
    ]
    # "June" is a month, so the names leave it out: "Alma" is the first name of Alma June, named "June"
    assert derive_name(dumps) == "Ortiz\u2013June election"
    launch = [
        parse_text("Orchard shows new phones\nOrchard showed two phones; a hurricane delayed some guests.\nOrchard's phones cost more."),
        parse_text("Orchard's phones, in pictures\nOrchard's new phones are larger, Orchard said.\nOrchard will sell them in stores."),
    ]
    assert derive_name(launch) == "Orchard"  # one report's passing "hurricane" does not name it


def test_a_name_of_two_words_stays_one_and_the_noun_comes_from_the_headlines():
    dumps = [
        parse_text("Hong Kong protests: police fire tear gas\nPolice in Hong Kong fired tear gas at marchers near the Hong Kong legislature, a hurricane of anger."),
        parse_text("Hong Kong protests grow as the bill stalls\nMarchers in Hong Kong filled the streets again, Hong Kong police said."),
    ]
    assert derive_name(dumps) == "Hong Kong protests"
    pair = [
        parse_text("Trump-Putin summit opens\nThe leaders, Trump and Putin, met on Monday; aides to Trump and Putin said talks went well."),
        parse_text("Trump and Putin hold a summit\nThe two leaders, Putin and Trump, spoke for two hours, aides of Trump and Putin said."),
    ]
    assert derive_name(pair) == "Trump\u2013Putin summit"


def test_a_word_in_many_articles_features_is_one_string_in_memory():
    from news_archive.events.features import features

    one = features(parse_text("Ministers argue over the budget\nMinisters met Maria Lopez in Lisbon on March 3, 2021.", name="a.txt"))
    two = features(parse_text("Budget talks run late\nThe ministers and Maria Lopez spoke again in Lisbon on March 4, 2021.", name="b.txt"))
    for kind in ("counts", "names"):
        first, second = getattr(one, kind), getattr(two, kind)
        shared = set(first) & set(second)
        assert shared  # "budget", "minist..." / "Maria", "Lopez", "Lisbon"
        by_value = {word: word for word in second}
        assert all(word is by_value[word] for word in first if word in shared)


def test_features_are_plain_dicts_so_the_memo_pickles_them_without_a_copy_each():
    import pickle
    import pickletools

    from news_archive.events.features import features

    found = features(parse_text("Ministers argue over the budget\nMinisters met Maria Lopez in Lisbon on March 3, 2021.", name="a.txt"))
    assert all(type(getattr(found, kind)) is dict for kind in ("counts", "names", "nouns"))
    # a Counter pickles by a reduce to a dict made for the pickler (which keeps it to the end); a dict as itself
    assert "Counter" not in {arg for op, arg, _ in pickletools.genops(pickle.dumps(found, protocol=4)) if isinstance(arg, str)}


def test_features_made_in_another_process_come_back_equal_with_each_word_one_string_here():
    import pickle

    from news_archive.events.features import features, interned_features

    dump = parse_text("Ministers argue over the budget\nMinisters met Maria Lopez in Lisbon on March 3, 2021.", name="a.txt")
    here = features(dump)
    back = interned_features(pickle.loads(pickle.dumps(here, protocol=5)))  # as a parse worker sends them
    assert back == here
    for kind in ("counts", "names", "nouns"):
        by_value = {word: word for word in getattr(here, kind)}
        assert all(word is by_value[word] for word in getattr(back, kind))


def test_features_made_ahead_are_used_as_given_and_give_the_events_made_here():
    from news_archive.events.build import EventsBuild
    from news_archive.events.features import features

    items = load_keyed(EVENT_FIXTURES)
    ready = {key: features(dump) for key, dump in items[::2]}  # half made ahead, as by the parse workers
    build = EventsBuild(EventOptions(), ready=dict(ready))
    made = []
    features_of = build.features_of
    build.features_of = lambda dump, given=None: made.append(given) or features_of(dump, given)
    events, dumps = build.run(items)
    assert [m is ready[k] for m, (k, _) in zip(made, items) if k in ready] == [True] * len(ready)
    assert made.count(None) == len(items) - len(ready) and not build.ready  # each handed over once, then let go
    plain_events, plain_dumps = build_events(items)
    assert [event_json(e, dumps) for e in events] == [event_json(e, plain_dumps) for e in plain_events]


def test_cosine_adds_only_the_shared_terms_and_gets_the_same_double_as_adding_every_term():
    from news_archive.events.similarity import cosine

    rng = random.Random(7)
    words = [f"w{n}" for n in range(60)]
    for _ in range(500):
        a = {w: rng.random() for w in rng.sample(words, rng.randint(0, 30))}
        b = {w: rng.random() for w in rng.sample(words, rng.randint(0, 30))}
        short, long = (a, b) if len(a) <= len(b) else (b, a)
        every = sum(w * long.get(t, 0.0) for t, w in short.items())  # a 0.0 for each term the other lacks
        assert cosine(a, b) == every and type(cosine(a, b)) is float
    assert cosine({"quake": 1.0}, {"flood": 1.0}) == 0.0


def test_an_articles_top_terms_are_a_sorted_tuple_and_pairing_reads_them_as_a_set():
    from news_archive.events.grouping import share_any, top_terms

    vector = {"quake": 0.6, "tremor": 0.5, "aftershock": 0.4, "said": 0.1}
    top = top_terms(vector, 3)
    assert top == ("aftershock", "quake", "tremor")  # the three strongest, sorted: 200 bytes, not a 2 KB set
    assert share_any(top, ("bridge", "quake")) and not share_any(top, ("bridge", "said"))


def test_joining_clusters_sums_their_vectors_without_touching_any_articles_own():
    from news_archive.events.grouping import Clusters, Doc, Linkage

    one, two, three = (parse_text(f"{title}\nOfficials in Lisbon said the bridge closed.", name=f"{n}.txt")
                       for n, title in enumerate(("Bridge shut", "Bridge closed", "Bridge reopens")))
    docs = {"a": Doc("a", one, {"bridge": 0.8, "lisbon": 0.6}), "b": Doc("b", two, {"bridge": 0.6, "closed": 0.8}),
            "c": Doc("c", three, {"bridge": 1.0})}
    kept = {key: dict(doc.vector) for key, doc in docs.items()}
    linked = Linkage(docs, Clusters(docs, 3), 0.1)
    assert linked.sums["a"] is docs["a"].vector  # one article: its own vector, read, not copied
    linked.join_strongest_first({("a", "b"): 0.5, ("b", "c"): 0.4})
    assert {key: doc.vector for key, doc in docs.items()} == kept
    root = linked.clusters.find("a")
    assert linked.sizes[root] == 3 and linked.sums[root] == {"bridge": 2.4, "lisbon": 0.6, "closed": 0.8}


def test_timeline_entries_and_events_keep_no_dictionary_of_their_own_and_pickle_whole(seed_event):
    import pickle

    event, _ = seed_event
    entry = event.timeline[0]
    for value in (event, entry, entry.ref):
        assert not hasattr(value, "__dict__")  # slots: a timeline is tens of thousands of entries
    assert pickle.loads(pickle.dumps(event)) == event


_UK = "UK election: Ortiz wins a majority\nLena Ortiz won the general election, ending Alma June's term.\nOrtiz thanked voters."
_ARENA = "Porthaven mourns nine killed in blast\nThe blast hit the Porthaven Arena foyer as fans left, Porthaven officials said.\nPorthaven made arrests."
_TOWN = "Porthaven blast: what we know\nPolice in Porthaven said the blast was a bomb; Porthaven schools closed.\nPorthaven will hold a vigil."


@pytest.mark.parametrize(
    "texts, name",
    [
        # a vote: the country two headlines name (one as "Britain"), as most write it, and the kind every report writes
        ([_UK, "Ortiz sweeps the UK vote as June concedes\nThe general election gave Lena Ortiz 40 more seats.\nJune conceded.",
          "Britain's general election: what happens now\nLena Ortiz will form a government after the election.\nOrtiz met the King."],
         "UK general election"),
        # a country in one headline only names nothing: the candidates do
        ([_UK, "Ortiz wins the election\nLena Ortiz won the election over Alma June.\nOrtiz spoke."], "Ortiz election"),
        # two countries named as often: the candidates
        (["Chile and Peru watch Ortiz election\nLena Ortiz won the election.\nOrtiz spoke.",
          "Ortiz election: Chile, Peru react\nLena Ortiz won the election.\nOrtiz spoke."], "Ortiz election"),
        # a venue two of three ledes write after the place: the event is named for it
        (["Porthaven blast: police name the bomber\nA blast at the Porthaven Arena killed nine people, Porthaven police said.\nPorthaven mourned.",
          _ARENA, _TOWN], "Porthaven Arena blast"),
        # one of three: the place alone
        ([_ARENA, _TOWN, "Porthaven blast: police name the bomber\nPorthaven police said the blast was a bomb.\nPorthaven mourned."],
         "Porthaven blast"),
    ],
)
def test_an_event_is_named_as_its_reports_write_it(texts, name):
    assert derive_name([parse_text(text) for text in texts]) == name


# Five reports of one made-up event, each in its own words, none dated: a folder of one event's coverage.
CRANE_REPORTS = [
    ("Crane collapses onto Port Ellis harbour warehouse",
     "A construction crane toppled onto a warehouse at Port Ellis harbour on Monday, crushing its roof. "
     "Harbour master Ines Varga said two workers were taken to hospital with minor injuries."),
    ("Port Ellis harbour crane falls in high winds",
     "Gusts tore a crane from its moorings at the Port Ellis harbour works, witnesses said. "
     "It fell across the old fish warehouse as the morning shift arrived."),
    ("Investigation opened into Port Ellis crane collapse",
     "Safety inspectors have begun examining the crane that came down at Port Ellis harbour. "
     "The contractor, Dunmore Lifting, said it was cooperating fully."),
    ("Video: moment a crane crashes onto harbour warehouse in Port Ellis",
     "Footage filmed by a passer-by shows the crane's jib swinging and then collapsing onto the warehouse roof. "
     "Ines Varga praised the crews who cleared the quay within hours."),
    ("Port Ellis harbour reopens after crane accident",
     "Ferries sailed again from Port Ellis on Tuesday after the wreck of the crane was lifted from the warehouse. "
     "Dunmore Lifting has suspended work at the harbour site."),
]


def test_a_small_archive_of_one_events_coverage_is_one_event():
    """A folder of a handful of reports: the words every report shares (the event's own) still count
    (``similarity.LEAST_ARTICLES``); an unrelated story stays apart."""
    dumps = [(f"crane{i}", parse_text(f"{title}\n{text}", name=f"crane{i}.txt")) for i, (title, text) in enumerate(CRANE_REPORTS)]
    other = parse_text("Council approves budget for new library\nCouncillors voted on Monday to fund a new library "
                       "in Daleford, with building work due to begin in the spring.", name="library.txt")
    events, _ = build_events(dumps + [("library", other)])
    assert sorted(sorted(e.articles) for e in events) == [[f"crane{i}" for i in range(5)], ["library"]]
