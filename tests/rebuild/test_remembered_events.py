"""The events stage with memory: whatever it reuses from the last build, the events equal a fresh build's."""

from datetime import date

from news_archive.cli import load_keyed
from news_archive.events import EventOptions, build_events
from news_archive.rebuild import events as remembered


def test_a_rebuild_with_the_memo_gives_the_events_a_fresh_build_gives(tmp_path):
    from tools.corpus import generate

    generate(120, tmp_path, seed=3)
    paths = sorted(tmp_path.glob("*.txt"))
    memo: dict = {}
    remembered.build_events(load_keyed(paths), None, memo)
    kept = dict(memo["vectors"])
    # one dump edited: the words of another event's longest paragraph added (their idf changes, and with it the
    # vectors of the dumps using them), and a word no other dump has
    edited = paths[len(paths) // 2]
    other = max(paths[0].read_text(encoding="utf-8").splitlines(), key=len)
    text = edited.read_text(encoding="utf-8").replace(" said", f" told reporters about {other}, Quizzaciously,", 1)
    edited.write_text(text, encoding="utf-8")
    items = load_keyed(paths)
    again = remembered.build_events(items, None, memo)
    fresh: dict = {}
    assert again == remembered.build_events(items, None, fresh) == build_events(items)
    assert memo["vectors"] == fresh["vectors"]  # every weight, to the last bit
    # the vectors of dumps whose words kept their weights are the last build's own objects
    reused = [d for d, v in memo["vectors"].items() if kept.get(d) is v]
    assert len(paths) // 5 < len(reused) < len(paths) - 1  # some kept, the reweighed ones not


def test_the_memo_keeps_each_event_pickled_and_a_rebuild_reads_it_back_equal(tmp_path):
    import pickle

    from tools.corpus import generate

    generate(40, tmp_path, seed=5)
    items = load_keyed(sorted(tmp_path.glob("*.txt")))
    memo: dict = {}
    events, _ = remembered.build_events(items, None, memo)
    packed = memo["events"]
    assert len(packed) == len(events) and all(isinstance(value, bytes) for value in packed.values())
    assert sorted((pickle.loads(value) for value in packed.values()), key=lambda e: e.slug) == sorted(events, key=lambda e: e.slug)
    again, _ = remembered.build_events(items, None, memo)
    assert again == events and memo["events"].keys() == packed.keys()
    assert all(memo["events"][signature] is value for signature, value in packed.items())  # read back, none made again


def test_how_an_event_fills_its_members_dates_is_kept_while_its_members_are_the_same_dumps(tmp_path, monkeypatch):
    from news_archive.events import dating
    from tools.corpus import generate

    generate(60, tmp_path, seed=8)
    paths = sorted(tmp_path.glob("*.txt"))
    memo: dict = {}
    remembered.build_events(load_keyed(paths), None, memo)
    kept = dict(memo["fills"])
    assert any(day for fills in kept.values() for _, day, _ in fills.values())  # some members took a day
    assert any(zone for fills in kept.values() for zone, _, _ in fills.values())  # and some a zone
    edited = paths[len(paths) // 2]
    edited.write_text(edited.read_text(encoding="utf-8").replace(" said", " told reporters", 1), encoding="utf-8")
    items = load_keyed(paths)
    made = []
    fills = dating.fills
    monkeypatch.setattr(dating, "fills", lambda dumps, years=None: made.append(sorted(dumps)) or fills(dumps, years))
    again = remembered.build_events(items, None, memo)
    monkeypatch.setattr(dating, "fills", fills)
    assert again == build_events(items)  # the filled dumps included
    assert made == [sorted(k for k, _ in signature) for signature in memo["fills"] if signature not in kept]
    assert len(made) == 1 and edited.name in [d.name for k, d in items if k in made[0]]


def _docs(vectors: dict[str, dict], dated: set[str]):
    from collections import Counter

    from news_archive.events.grouping import Doc
    from news_archive.parse.model import Dump, Para

    def dump(key):
        return Dump(name=key, line_count=1, kind="story", title=Para(1, key), date=date(2024, 1, 5) if key in dated else None)

    return {key: Doc(key, dump(key), vector, Counter({"Kim": 1, "Putin": 1})) for key, vector in vectors.items()}


def test_an_undated_placement_is_made_again_when_its_event_changed():
    """The memo keeps an undated article's placement only while no event it was placed against changed."""
    from news_archive.events.grouping import group

    options = EventOptions()
    summit = {"summit": 0.8, "train": 0.6}
    trial = {"trial": 0.8, "court": 0.6}
    first = {"a1": summit, "a2": summit, "b1": trial, "b2": trial, "u": summit}
    memo: dict = {}
    assert remembered.RememberedGrouping(_docs(first, {"a1", "a2", "b1", "b2"}), options, memo).run() == [["a1", "a2", "u"], ["b1", "b2"]]
    # the undated article is the same; the event it joined now reports the trial
    second = {**first, "a1": trial, "a2": trial}
    fresh = group(_docs(second, {"a1", "a2", "b1", "b2"}), options)
    assert fresh == [["a1", "a2", "b1", "b2"], ["u"]]
    assert remembered.RememberedGrouping(_docs(second, {"a1", "a2", "b1", "b2"}), options, memo).run() == fresh
    # nothing changed: the placement is kept (and is still right)
    assert remembered.RememberedGrouping(_docs(second, {"a1", "a2", "b1", "b2"}), options, memo).run() == fresh


def test_an_undated_placement_is_made_again_when_one_of_its_terms_became_background(monkeypatch):
    """A term most events hold is background for placing; when a changed event makes one of a group's
    terms background, every event's score through it changes, and the placement is made again."""
    from news_archive.events import grouping

    monkeypatch.setattr(grouping, "COMMON_HOLDERS", 1)  # a term two events hold is background
    monkeypatch.setattr(grouping, "CANDIDATES", 1)
    monkeypatch.setattr(remembered, "CANDIDATES", 1)
    options = EventOptions()
    dated = {"a1", "a2", "b1", "b2"}
    summit = {"summit": 0.8, "train": 0.6}
    trial = {"trial": 0.8, "court": 0.6}
    first = {"a1": summit, "a2": summit, "b1": trial, "b2": trial, "u": {"summit": 1.0}}
    memo: dict = {}
    assert remembered.RememberedGrouping(_docs(first, dated), options, memo).run() == [["a1", "a2", "u"], ["b1", "b2"]]
    # the trial's coverage now names the summit in passing: "summit" is held by both events
    court = {"court": 0.99, "summit": 0.14}
    second = {**first, "b1": court, "b2": court}
    fresh = grouping.group(_docs(second, dated), options)
    assert fresh == [["a1", "a2"], ["b1", "b2"], ["u"]]
    assert remembered.RememberedGrouping(_docs(second, dated), options, memo).run() == fresh


def test_undated_pairs_through_a_term_that_became_background_go_in_a_rebuild_too(monkeypatch):
    """Undated articles pair through terms few of them hold; when a new article makes a shared term
    background, the pair an unchanged two made through it goes, as in a full build (and comes back
    when it stops being background)."""
    from news_archive.events import grouping

    monkeypatch.setattr(grouping, "COMMON_HOLDERS", 2)
    options = EventOptions()
    u1, u2 = {"crash": 0.7, "ferry": 0.7, "harbour": 0.1}, {"crash": 0.7, "ferry": 0.7, "pier": 0.1}
    first = {"u1": u1, "u2": u2}
    memo: dict = {}
    assert remembered.RememberedGrouping(_docs(first, set()), options, memo).run() == [["u1", "u2"]]
    second = {**first, "u3": {"crash": 0.3, "storm": 0.95}}  # a third article holds "crash"
    fresh = grouping.group(_docs(second, set()), options)
    assert fresh == [["u1"], ["u2"], ["u3"]]
    assert remembered.RememberedGrouping(_docs(second, set()), options, memo).run() == fresh
    assert remembered.RememberedGrouping(_docs(first, set()), options, memo).run() == [["u1", "u2"]]


def test_a_pair_of_dated_articles_is_scored_again_only_when_one_of_them_changed(monkeypatch):
    """The memo keeps the scores of pairs whose two articles (date, vector, names) are the same as last time."""
    from news_archive.events.grouping import group
    from news_archive.workers import serial_map

    scored = []

    def counting(function, items):
        if function.__name__ == "edge":
            scored.extend(items)
        return serial_map(function, items)

    def remembering(docs, memo):
        return remembered.RememberedGrouping(docs, options, memo, counting).run()

    options = EventOptions()
    summit = {"summit": 0.8, "train": 0.6}
    trial = {"trial": 0.8, "court": 0.6}
    everyone = {"a1", "a2", "b1", "b2"}
    first = {"a1": summit, "a2": summit, "b1": trial, "b2": trial}
    memo: dict = {}
    assert remembering(_docs(first, everyone), memo) == [["a1", "a2"], ["b1", "b2"]]
    assert len(scored) == 6  # every pair, once
    scored.clear()
    assert remembering(_docs(first, everyone), memo) == [["a1", "a2"], ["b1", "b2"]]
    assert scored == []  # nothing changed: nothing compared again
    # one article now reports the trial: only its pairs are compared, and it joins the trial's event
    second = {**first, "a2": trial}
    assert remembering(_docs(second, everyone), memo) == [["a1"], ["a2", "b1", "b2"]] == group(_docs(second, everyone), options)
    assert sorted(scored[:3]) == [("a1", "a2"), ("a2", "b1"), ("a2", "b2")]


def test_the_pairs_of_fresh_articles_are_the_pairs_a_full_pairing_gives_them():
    """``sharing_pairs_of`` (what a rebuild compares again) equals the full pairing's pairs that hold a fresh key."""
    import random

    from news_archive.events.grouping import sharing_pairs, sharing_pairs_of

    rng = random.Random(7)
    terms = [f"t{n}" for n in range(30)]
    for _ in range(30):
        keys = [f"k{n}" for n in range(rng.randint(2, 40))]
        top = {key: frozenset(rng.sample(terms, rng.randint(1, 6))) for key in keys}
        fresh = set(rng.sample(keys, rng.randint(0, len(keys)))) | {"gone"}
        full = {pair for pair in sharing_pairs(keys, top) if pair[0] in fresh or pair[1] in fresh}
        assert set(sharing_pairs_of(keys, top, fresh)) == full


def test_a_join_is_made_again_only_in_the_components_an_edit_reaches_and_ends_as_a_fresh_one(tmp_path, monkeypatch):
    from news_archive.events.grouping import Linkage
    from tools.corpus import generate

    generate(150, tmp_path, seed=12)
    paths = sorted(tmp_path.glob("*.txt"))
    memo: dict = {}
    remembered.build_events(load_keyed(paths), None, memo)
    joins = memo["grouping"]["joins"]
    assert len(joins[0]) > 10 and sum(count for *_, count in joins[0].values()) > 50  # many components, many edges
    joined = []
    join = Linkage.join_strongest_first
    monkeypatch.setattr(Linkage, "join_strongest_first", lambda self, edges: joined.append(len(edges)) or join(self, edges))

    def rebuild():
        joined.clear()
        items = load_keyed(sorted(tmp_path.glob("*.txt")))
        assert remembered.build_events(items, None, memo) == build_events(items)
        return joined[0], sum(count for *_, count in memo["grouping"]["joins"][0].values())

    # one story edited: only its component is joined again
    edited = paths[len(paths) // 2]
    edited.write_text(edited.read_text(encoding="utf-8").replace(" said", " told reporters", 1), encoding="utf-8")
    again, total = rebuild()
    assert 0 < again < total / 4
    # nothing changed: nothing joined again
    assert rebuild()[0] == 0
    # a dump gone, another one's text arriving under a new name (its edges bridge components), two dumps
    # of different events given one event header (their clusters join before any edge does)
    paths[3].unlink()
    (tmp_path / "zz-copy.txt").write_text(paths[40].read_text(encoding="utf-8"), encoding="utf-8")
    for path in (paths[60], paths[90]):
        path.write_text("Event: A named event\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    again, total = rebuild()
    assert 0 < again <= total  # the words' weights changed too: most pairs are scored and joined again
    assert rebuild()[0] == 0
    # only a header given: the two clusters are one before any edge (in 150 dumps, a weight or two moves)
    for path in (paths[20], paths[120]):
        path.write_text("Event: Zyxq Wvut\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    again, total = rebuild()
    assert 0 < again <= total


def test_a_join_kept_from_the_memo_is_made_again_when_an_event_header_alone_changed():
    """Two articles alike enough to join, then named as two different events in their headers (their
    words, dates and names unchanged): they stay apart, as in a full build."""
    from dataclasses import replace

    from news_archive.events.grouping import group

    options = EventOptions()
    summit = {"summit": 0.8, "train": 0.6}
    memo: dict = {}
    docs = _docs({"a": summit, "b": summit, "c": {"trial": 1.0}}, {"a", "b", "c"})
    assert remembered.RememberedGrouping(docs, options, memo).run() == [["a", "b"], ["c"]]
    assert list(memo["joins"][0]) == [("a", "b")]  # one component, kept (by its keys)
    named = _docs({"a": summit, "b": summit, "c": {"trial": 1.0}}, {"a", "b", "c"})
    named["a"].dump = replace(named["a"].dump, event="Summit in Hanoi")
    named["b"].dump = replace(named["b"].dump, event="Summit in Singapore")
    fresh = group(named, options)
    assert fresh == [["a"], ["b"], ["c"]]
    assert remembered.RememberedGrouping(named, options, memo).run() == fresh


def test_equal_clues_and_days_are_one_object_in_the_memo_and_after_reading_it_back(tmp_path):
    import pickle

    from tools.corpus import generate

    generate(60, tmp_path, seed=4)
    items = load_keyed(sorted(tmp_path.glob("*.txt")))
    memo: dict = {}
    events = remembered.build_events(items, None, memo)
    assert events == build_events(items)
    features = list(memo["features"].values())
    assert len({f.clues for f in features}) < len(features)  # some articles say the same of their day
    assert len({id(f.clues) for f in features}) == len({f.clues for f in features})
    days = [inputs[0] for inputs in memo["grouping"]["inputs"].values()]
    assert len(set(days)) < len(days) and len({id(day) for day in days}) == len(set(days))
    back = pickle.loads(pickle.dumps(memo, protocol=4))
    assert len({id(f.clues) for f in back["features"].values()}) == len({f.clues for f in features})
    assert len({id(inputs[0]) for inputs in back["grouping"]["inputs"].values()}) == len(set(days))
    assert remembered.build_events(items, None, back) == events
