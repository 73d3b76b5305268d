"""A memo saved whole, then as the changes of each rebuild appended to it: read back, it is what was saved."""

import pickle

from news_archive.cli import load_keyed
from news_archive.rebuild import events as remembered
from news_archive.rebuild.store import Memo, changes, copied, patched


def _settings(tmp_path):
    return {"CACHE_PATH": str(tmp_path / "cache"), "LOAD_CONTENT_CACHE": True, "CACHE_CONTENT": True}


def test_the_changes_of_a_memo_turn_its_loaded_copy_into_what_it_became():
    kept, vector = ("a", 1), {"w": 0.5}
    data = {"section": {"big": {f"k{n}": (n,) for n in range(100)}, "small": {"x": kept, "y": [1]}, "vectors": {"d1": vector}}, "n": 1}
    old = copied(data)
    big, small = data["section"]["big"], data["section"]["small"]
    big["k3"] = ("changed",)  # changed in place: the copy still holds what was loaded
    del big["k4"]
    big["k100"] = (100,)
    small["y"] = [1]  # equal, but not the same object: saved again
    data["section"]["vectors"] = {"d1": vector}  # a new dict holding the same value: nothing to save
    data["n"] = 2
    found = changes(old, data)
    assert sorted(found, key=repr) == sorted([
        (("section", "big", "k4"),), (("section", "big", "k3"), ("changed",)), (("section", "big", "k100"), (100,)),
        (("section", "small", "y"), [1]), (("n",), 2),
    ], key=repr)
    loaded = pickle.loads(pickle.dumps(old))  # as the file holds it
    assert patched({k: v for k, v in loaded.items()}, found) == data


def _memo_file_roundtrip(tmp_path, data: dict) -> Memo:
    memo = Memo(_settings(tmp_path), "m.pickle")
    memo.data = data
    memo.save()
    return Memo(_settings(tmp_path), "m.pickle")


def test_a_rebuild_appends_its_changes_and_a_large_change_writes_the_memo_whole(tmp_path):
    data = {"s": {f"k{n}": ("value", n) for n in range(1000)}}
    memo = _memo_file_roundtrip(tmp_path, data)
    path = tmp_path / "cache" / "m.pickle"
    whole = path.read_bytes()
    assert memo.data == data
    memo.data["s"]["k1"] = ("edited", 1)
    memo.save()
    assert path.read_bytes().startswith(whole) and len(path.read_bytes()) < len(whole) + 200
    again = Memo(_settings(tmp_path), "m.pickle")
    assert again.data["s"]["k1"] == ("edited", 1) and again.data == memo.data
    # most of it changed: written whole, no longer than the changes would have made it
    again.data["s"] = {f"k{n}": ("other", n) for n in range(1000)}
    again.save()
    assert not path.read_bytes().startswith(whole)
    assert Memo(_settings(tmp_path), "m.pickle").data == again.data


def test_a_cut_change_leaves_the_last_whole_memo_and_the_next_save_goes_after_it(tmp_path):
    memo = _memo_file_roundtrip(tmp_path, {"s": {f"k{n}": n for n in range(200)}})
    path = tmp_path / "cache" / "m.pickle"
    whole = path.read_bytes()
    memo.data["s"]["k1"] = -1
    memo.save()
    path.write_bytes(path.read_bytes()[: len(whole) + 5])  # a build killed while appending
    again = Memo(_settings(tmp_path), "m.pickle")
    assert again.data == {"s": {f"k{n}": n for n in range(200)}}
    again.data["s"]["k2"] = -2
    again.save()
    assert Memo(_settings(tmp_path), "m.pickle").data["s"] == {**{f"k{n}": n for n in range(200)}, "k2": -2}


def test_a_memo_in_another_format_or_withdrawn_is_written_whole(tmp_path):
    path = tmp_path / "cache" / "m.pickle"
    path.parent.mkdir()
    path.write_bytes(pickle.dumps({"code": "older", "data": {"s": 1}}, protocol=4))  # the format before streams
    memo = Memo(_settings(tmp_path), "m.pickle")
    assert memo.data == {}
    memo = _memo_file_roundtrip(tmp_path, {"s": {"a": 1}})
    memo.withdraw()
    assert not path.exists()
    memo.data["s"]["b"] = 2
    memo.save()
    assert Memo(_settings(tmp_path), "m.pickle").data == {"s": {"a": 1, "b": 2}}


def test_the_events_memo_of_a_one_dump_rebuild_is_saved_as_a_small_change_and_reads_back_equal(tmp_path):
    from tools.corpus import generate

    generate(120, tmp_path / "dumps", seed=3)
    paths = sorted((tmp_path / "dumps").glob("*.txt"))
    memo = Memo(_settings(tmp_path), "events.pickle")
    remembered.build_events(load_keyed(paths), None, memo.section("events"))
    memo.save()
    path = tmp_path / "cache" / "events.pickle"
    whole = path.stat().st_size
    edited = paths[len(paths) // 2]
    edited.write_text(edited.read_text(encoding="utf-8").replace(" said", " told reporters", 1), encoding="utf-8")
    memo = Memo(_settings(tmp_path), "events.pickle")
    remembered.build_events(load_keyed(paths), None, memo.section("events"))
    found = changes(memo.loaded, memo.data)
    inputs = [change for change in found if change[0][:3] == ("events", "grouping", "inputs")]
    assert 1 <= len(inputs) <= 3  # the edited article's own inputs, not every article's
    memo.save()
    assert whole < path.stat().st_size < 1.5 * whole
    assert Memo(_settings(tmp_path), "events.pickle").data == memo.data
