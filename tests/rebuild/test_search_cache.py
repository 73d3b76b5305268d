"""The search cache: unchanged articles keep their documents, and the index updated from the last one is a full build's."""

import json
import os
import marshal
import threading
from array import array

from news_archive.cli import load_keyed
from news_archive.events import build_events
from news_archive.rebuild.search import StoredPostings, search_index
from news_archive.spill import Spill, SpilledMap
from news_archive.search import builder
from news_archive.search.builder import packed_posting
from news_archive.search.index import kept_index
from news_archive.search.pieces import split_index
from news_archive.search.documents import documents
from tools.corpus import generate


def test_unchanged_articles_keep_their_documents_and_the_result_is_a_full_builds(tmp_path):
    generate(40, tmp_path, seed=9)
    paths = sorted(tmp_path.glob("*.txt"))
    events, dumps = build_events(load_keyed(paths))
    urls = {key: f"articles/{key}.html" for key in dumps}
    entries, index, _, _, texts = search_index(events, dumps, urls, {})
    # the build holds each document's counted fields packed; kept between builds through marshal
    assert all(isinstance(row, bytes) for _, docs in entries.values() for _, row, _, _ in docs)
    # equal facets (source, event, day) are one tuple
    facets = [facet for _, docs in entries.values() for *_, facet in docs]
    assert len({id(facet) for facet in facets}) == len(set(facets)) < len(facets)
    kept = marshal.loads(marshal.dumps({"articles": entries, "index": index.state(), "texts": texts}))
    first = kept["articles"]
    assert all(isinstance(row, bytes) for _, docs in first.values() for _, row, _, _ in docs)
    # one dump edited: only its article's entry is made again
    edited = paths[len(paths) // 2]
    edited.write_text(edited.read_text(encoding="utf-8").replace(" said", " told reporters", 1), encoding="utf-8")
    events, dumps = build_events(load_keyed(paths))
    urls = {key: f"articles/{key}.html" for key in dumps}
    again, index, records, found, texts = search_index(events, dumps, urls, kept)
    remade = [key for key in again if again[key] is not first[key]]
    assert len(remade) == 1
    _, fresh_index, fresh_records, fresh_found, fresh_texts = search_index(events, dumps, urls, {})
    assert texts == fresh_texts
    assert index.changed is not None and 0 < len(index.changed) < len(index.postings)  # updated, not built again
    assert json.dumps(index.serialize()) == json.dumps(fresh_index.serialize())
    assert index.firsts == fresh_index.firsts and index.lengths == fresh_index.lengths
    assert records == fresh_records and found == fresh_found
    docs = documents(events, dumps, urls)
    assert [json.loads(r) for r in records] == [d.record for d in docs]


def test_the_cache_is_written_and_read_a_frame_at_a_time_and_a_cut_file_is_not_read(tmp_path, monkeypatch):
    from news_archive.rebuild import search as cache_module

    generate(12, tmp_path, seed=4)
    events, dumps = build_events(load_keyed(sorted(tmp_path.glob("*.txt"))))
    urls = {key: f"articles/{key}.html" for key in dumps}
    entries, index, _, _, texts = search_index(events, dumps, urls, {})
    monkeypatch.setattr(cache_module, "ITEMS_PER_FRAME", 5)  # 12 articles: three frames, the terms many
    path = tmp_path / "cache" / cache_module.NAME
    cache_module.SearchCache(str(path), load=False, store=True).save(entries, index, texts, {"t/0.js": "abc"})
    loaded = cache_module.SearchCache(str(path), load=True, store=False).data
    assert loaded["articles"] == entries and list(loaded["articles"]) == list(entries)
    assert loaded["texts"] == texts and loaded["files"] == {"t/0.js": "abc"}
    state = index.state()  # postings packed as bytes; read back, each is an array again
    # the refs counted only: the articles hold them, read back in ref order (search.index.kept_index)
    assert loaded["index"][:2] == state[:2] and loaded["index"][2] == len(index.refs)
    assert loaded["index"][3] == index.postings and loaded["index"][4:] == state[4:]
    kept = kept_index(loaded["index"], loaded["articles"])
    assert kept.refs == index.refs and all(ref is doc[0] for ref, doc in zip(kept.refs, sorted(
        (doc for _, docs in loaded["articles"].values() for doc in docs), key=lambda doc: doc[0])))
    path.write_bytes(path.read_bytes()[:-10])  # a cut file (a full disk): rebuilt, never half read
    assert cache_module.SearchCache(str(path), load=True, store=False).data == {}


def test_a_frame_ends_at_its_item_count_or_its_bytes_whichever_comes_first(tmp_path, monkeypatch):
    from news_archive.rebuild import search as cache_module

    monkeypatch.setattr(cache_module, "ITEMS_PER_FRAME", 4)
    monkeypatch.setattr(cache_module, "BYTES_PER_FRAME", 10)
    values = {"a": b"1234", "b": b"12345", "c": b"1", "d": b"1", "e": b"1", "f": b"1", "g": b"1", "h": b"123456789012"}
    frames = list(cache_module._in_frames(values, pack=lambda v: v + b"!", size=len))
    # a and b reach 10 bytes packed (5 + 6); c..f are four items (8 bytes); g and h are 15 bytes
    assert [list(frame) for frame in frames[:-1]] == [["a", "b"], ["c", "d", "e", "f"], ["g", "h"]]
    assert frames[-1] is None and frames[0]["a"] == b"1234!"
    # without a size, only the item count cuts
    assert [len(frame) for frame in list(cache_module._in_frames(values))[:-1]] == [4, 4]
    path = tmp_path / "frames"
    path.write_bytes(b"".join(cache_module._frames(cache_module._in_frames(values, size=len))))
    with open(path, "rb") as handle:
        assert cache_module._read_frames(handle) == values


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _spooled(spool):
    import pickle

    with open(spool, "rb") as handle:
        _, _, count = (pickle.load(handle) for _ in range(3))
        return [pickle.load(handle) for _ in range(count)]


def test_a_rebuild_spools_only_the_dumps_whose_documents_changed_and_a_wrong_claim_is_done_here(tmp_path, expect_warnings):
    from news_archive.pelican.search import search_from_spool, search_here, write_search, write_spool
    from news_archive.pelican.settings import SEARCH_DEFAULTS
    from news_archive.rebuild.search import NAME, read_prints
    from news_archive.workers import Standby

    generate(30, tmp_path / "dumps", seed=5)
    paths = sorted((tmp_path / "dumps").glob("*.txt"))
    options, cache = dict(SEARCH_DEFAULTS), str(tmp_path / "cache" / NAME)
    events, dumps = build_events(load_keyed(paths))
    urls = {key: f"articles/{key}.html" for key in dumps}
    write_search(str(tmp_path / "first"), events, dumps, urls, options, None, cache, False, True)
    edited = paths[len(paths) // 2]
    edited.write_text(edited.read_text(encoding="utf-8").replace(" said", " told reporters", 1), encoding="utf-8")
    events, dumps = build_events(load_keyed(paths))
    prints = read_prints(cache)
    assert len(prints) == len(dumps)
    spool = write_spool(events, dumps, urls, prints, folder=str(tmp_path))
    sent = [key for key, dump in _spooled(spool) if dump is not None]
    assert 1 <= len(sent) < len(dumps) and edited.name in [dumps[key].name for key in sent]
    search_from_spool(spool, str(tmp_path / "rebuilt"), options, None, cache, True, True)
    write_search(str(tmp_path / "full"), events, dumps, urls, options, None, None, False, False)
    assert _files(tmp_path / "rebuilt") == _files(tmp_path / "full")
    # a spool that says "unchanged" of an article the cache does not hold: done here, from the dumps
    spool = write_spool(events, dumps, urls, {key: "x" for key in dumps} | read_prints(cache), folder=str(tmp_path))
    os.remove(cache)
    rest = (options, None, cache, True, False)
    Standby().hand(search_from_spool, (spool, str(tmp_path / "claimed"), *rest), search_here,
                   (spool, str(tmp_path / "claimed"), events, dumps, urls, *rest)).result()
    assert _files(tmp_path / "claimed") == _files(tmp_path / "full") and not os.path.exists(spool)
    assert any("doing it here" in r.getMessage() for r in expect_warnings.records)


def test_rows_and_records_wait_in_a_spill_file_and_come_back_the_same_in_index_pieces_and_cache(tmp_path):
    from news_archive.rebuild import search as cache_module

    generate(14, tmp_path, seed=5)
    events, dumps = build_events(load_keyed(sorted(tmp_path.glob("*.txt"))))
    urls = {key: f"articles/{key}.html" for key in dumps}
    plain = search_index(events, dumps, urls, {})
    with Spill(str(tmp_path)) as spill:
        entries, index, records, found, texts = search_index(events, dumps, urls, {}, spill)
        # the process holds each row's and record's place in the file, not the value
        assert all(isinstance(row, int) and isinstance(record, int) for _, docs in entries.values() for _, row, record, _ in docs)
        assert list(records) == plain[2] and records[3:9] == plain[2][3:9] and len(records) == len(plain[2])
        assert found == plain[3] and json.dumps(index.serialize()) == json.dumps(plain[1].serialize())
        # once the index is built, its postings wait in the file too, and each term's text as it is made
        assert isinstance(index.postings, StoredPostings) and isinstance(texts, SpilledMap)
        assert all(isinstance(place, int) for place in [*(p for _, _, p in index.postings.heads.values()), *texts.places.values()])
        assert list(index.postings) == list(plain[1].postings) and texts == plain[4] and list(texts) == list(plain[4])
        assert split_index(index, list(records), texts=texts) == split_index(plain[1], plain[2], texts=plain[4])
        path = tmp_path / "cache" / cache_module.NAME
        cache_module.SearchCache(str(path), load=False, store=True, spill=spill).save(entries, index, texts, {})
    # the cache keeps the records' text: read without a spill, it is what a build without one keeps
    assert cache_module.SearchCache(str(path), load=True, store=False).data["articles"] == plain[0]
    with Spill(str(tmp_path)) as spill:
        data = cache_module.SearchCache(str(path), load=True, store=False, spill=spill).data
        loaded = data["articles"]
        assert all(isinstance(row, int) and isinstance(record, int) for _, docs in loaded.values() for _, row, record, _ in docs)
        assert {key: spill.resolved(entry) for key, entry in loaded.items()} == plain[0]
        # a rebuild from the loaded cache, its rows and records in the file: the same as a fresh build
        kept = {"articles": loaded, "index": data["index"], "texts": data["texts"]}
        # the postings come back as arrays, made a frame at a time as the cache is read
        state = data["index"]
        assert all(isinstance(flat, array) or flat == () for _, _, lists in state[3].values() for flat in lists)
        expected = plain[1].state()
        assert data["texts"] == plain[4] and state[2] == len(expected[2])
        assert (*state[:2], {t: packed_posting(e) for t, e in state[3].items()}, *state[4:]) == (*expected[:2], *expected[3:])
        assert isinstance(data["texts"], SpilledMap)  # the last build's term texts wait in the file too
        reads = []
        value = spill.value
        spill.value = lambda place: reads.append(place) or value(place)
        again, again_index, again_records, _, again_texts = search_index(events, dumps, urls, kept, spill)
        assert reads == []  # nothing changed: no row is read back to be compared, no term text read to be kept
        assert all(again[key] is loaded[key] for key in loaded)  # each entry kept as loaded, not copied
        assert again_texts.places == data["texts"].places  # each kept text keeps its place in the file
        spill.value = value
        assert json.dumps(again_index.serialize()) == json.dumps(plain[1].serialize()) and again_texts == plain[4]
        assert list(again_records) == plain[2]


def test_a_spilled_value_is_shared_only_between_mappings_that_keep_it_the_same_way(tmp_path):
    with Spill(str(tmp_path)) as spill, Spill(str(tmp_path)) as other:
        old = spill.mapping(str, str)
        old["a"] = "kept"
        same, packed_otherwise, elsewhere = spill.mapping(str, str), spill.mapping(repr, str), other.mapping(str, str)
        assert same.share("a", old) and same.places["a"] == old.places["a"] and same["a"] == "kept"
        assert not packed_otherwise.share("a", old) and "a" not in packed_otherwise
        assert not elsewhere.share("a", old) and not same.share("missing", old)


def _stores(folder):
    from news_archive.rebuild.search import STORE_PREFIX

    return sorted(p.name for p in folder.iterdir() if p.name.startswith(STORE_PREFIX))


def _first_search(tmp_path, count, seed):
    """A first build's search output and cache (saved, with its store) over ``count`` generated dumps."""
    from news_archive.pelican.search import write_search
    from news_archive.pelican.settings import SEARCH_DEFAULTS
    from news_archive.rebuild import search as cache_module

    generate(count, tmp_path / "dumps", seed=seed)
    paths = sorted((tmp_path / "dumps").glob("*.txt"))
    options, cache = dict(SEARCH_DEFAULTS), tmp_path / "cache" / cache_module.NAME
    events, dumps = build_events(load_keyed(paths))
    urls = {key: f"articles/{key}.html" for key in dumps}
    write_search(str(tmp_path / "first"), events, dumps, urls, options, None, str(cache), False, True)
    return paths, options, cache, events, dumps, urls


def test_the_cache_keeps_rows_records_and_texts_in_a_store_that_a_rebuild_adds_to_without_copying(tmp_path, monkeypatch):
    from news_archive.pelican.search import write_search
    from news_archive.rebuild import search as cache_module

    paths, options, cache, events, dumps, urls = _first_search(tmp_path, 30, seed=6)
    [store] = _stores(cache.parent)
    first_size = (cache.parent / store).stat().st_size
    # the cache holds places in the store; read without it (no spill), they are the values a build makes
    plain = search_index(events, dumps, urls, {})
    assert cache_module.SearchCache(str(cache), load=True, store=False).data["articles"] == plain[0]
    # a rebuild: what it keeps is not copied (nothing is put in the store but the edited article's
    # rows and records and its changed terms' texts and postings), and the result is a full build's
    edited = paths[len(paths) // 2]
    edited.write_text(edited.read_text(encoding="utf-8").replace(" said", " told reporters", 1), encoding="utf-8")
    events, dumps = build_events(load_keyed(paths))
    puts, reads, updated = [], [], []
    put, value, update = Spill.put, Spill.value, builder.update
    monkeypatch.setattr(Spill, "put", lambda self, data: puts.append((self.path, data)) or put(self, data))
    monkeypatch.setattr(Spill, "value", lambda self, place: reads.append(place) or value(self, place))
    monkeypatch.setattr(builder, "update", lambda previous, *rest: updated.append((previous, update(previous, *rest))) or updated[-1][1])
    write_search(str(tmp_path / "rebuilt"), events, dumps, urls, options, None, str(cache), True, True)
    monkeypatch.setattr(Spill, "put", put)
    monkeypatch.setattr(Spill, "value", value)
    [(previous, index)] = updated
    to_store = [data for path, data in puts if path is not None]
    edited_docs = len(search_index(events, {k: d for k, d in dumps.items() if d.name == edited.name}, urls, {})[2])
    assert 0 < len(index.changed) < len(index.postings) // 4
    # each changed term's text; the postings of those whose lists changed (the others keep their place)
    assert 2 * edited_docs + len(index.changed) < len(to_store) <= 2 * edited_docs + 2 * len(index.changed)
    # the kept index's postings were loaded as places: only changed terms' lists were read from the store
    assert isinstance(previous.postings, StoredPostings) and isinstance(index.postings, StoredPostings)
    read_lists = {term for term, (_, _, place) in previous.postings.heads.items() if place in reads}
    assert read_lists and read_lists <= index.changed
    kept = [term for term in index.postings if term not in index.changed]
    assert all(index.postings.heads[term][2] == previous.postings.heads[term][2] for term in kept)
    assert _stores(cache.parent) == [store] and first_size < (cache.parent / store).stat().st_size < 1.5 * first_size
    write_search(str(tmp_path / "full"), events, dumps, urls, options, None, None, False, False)
    assert _files(tmp_path / "rebuilt") == _files(tmp_path / "full")
    # the same cache read into a spill of its own, or with none: the same values
    with Spill(str(tmp_path)) as spill:
        data = cache_module.SearchCache(str(cache), load=True, store=False, spill=spill).data
        fresh = search_index(events, dumps, urls, {})
        assert {key: spill.resolved(entry) for key, entry in data["articles"].items()} == fresh[0]
        assert dict(data["texts"].items()) == cache_module.SearchCache(str(cache), load=True, store=False).data["texts"]
        # the postings, read from the store the cache names: a fresh build's
        assert data["index"][3] == fresh[1].postings and list(data["index"][3]) == list(fresh[1].postings)


def test_a_store_mostly_unused_is_copied_anew_and_a_cut_store_is_not_read(tmp_path, monkeypatch):
    from news_archive.pelican.search import write_search
    from news_archive.rebuild import search as cache_module

    paths, options, cache, events, dumps, urls = _first_search(tmp_path, 20, seed=7)
    [old] = _stores(cache.parent)
    monkeypatch.setattr(cache_module, "STORE_LIVE_SHARE", 1.01)  # always copied anew
    write_search(str(tmp_path / "again"), events, dumps, urls, options, None, str(cache), True, True)
    [new] = _stores(cache.parent)
    assert new != old  # the old one removed once the cache names the new one
    plain = search_index(events, dumps, urls, {})
    assert cache_module.SearchCache(str(cache), load=True, store=False).data["articles"] == plain[0]
    assert _files(tmp_path / "again") == _files(tmp_path / "first")
    # a store cut short (a full disk, a copy of the folder gone wrong): the cache is not used
    store = cache.parent / new
    store.write_bytes(store.read_bytes()[:-10])
    assert cache_module.SearchCache(str(cache), load=True, store=False).data == {}
    with cache_module.open_spill(str(cache), True, True) as spill:
        assert os.path.basename(spill.path) != new  # a new store, not one the cache says more of


def test_a_rebuild_reads_the_last_builds_store_ahead_in_the_background(tmp_path, monkeypatch):
    from news_archive.rebuild import search as cache_module

    _, _, cache, _, _, _ = _first_search(tmp_path, 12, seed=3)
    [store] = _stores(cache.parent)
    started = []
    read_ahead = cache_module.read_ahead
    monkeypatch.setattr(cache_module, "read_ahead", lambda path: started.append(read_ahead(path)))
    with cache_module.open_spill(str(cache), True, True) as spill:
        assert os.path.basename(spill.path) == store
        [thread] = started
        thread.join(timeout=60)
        assert not thread.is_alive()
    # a build that does not load the last cache reads no store ahead
    with cache_module.open_spill(str(cache), False, True):
        assert len(started) == 1
    # read in small reads to the end, or not at all when the file is gone: no error either way
    failed = []
    monkeypatch.setattr(threading, "excepthook", failed.append)
    monkeypatch.setattr(cache_module, "READ_AHEAD_BYTES", 7)
    for path in (cache.parent / store, tmp_path / "gone.bin"):
        thread = read_ahead(str(path))
        thread.join(timeout=60)
        assert not thread.is_alive()
    assert failed == []


def test_a_rebuild_reads_and_hashes_again_only_the_record_buckets_of_documents_made_anew(tmp_path, monkeypatch):
    from news_archive.pelican import search as pelican_search
    from news_archive.pelican.search import write_search

    paths, options, cache, events, dumps, urls = _first_search(tmp_path, 30, seed=8)
    site = tmp_path / "first"
    edited = paths[len(paths) // 2]
    edited.write_text(edited.read_text(encoding="utf-8").replace(" said", " told reporters", 1), encoding="utf-8")
    events, dumps = build_events(load_keyed(paths))
    buckets = sorted(p.name for p in (site / "r").iterdir())
    gone = site / "r" / buckets[0]
    gone.unlink()  # a file the last build wrote, gone since: made again, not taken on its word
    found = []
    kept_of = pelican_search.kept_record_buckets
    monkeypatch.setattr(pelican_search, "kept_record_buckets", lambda *args: found.append(kept_of(*args)) or found[-1])

    def rebuilt(changes: dict) -> frozenset:
        """The record buckets a rebuild of ``site`` kept with ``changes`` to the options; its output
        is a full build's."""
        write_search(str(site), events, dumps, urls, options | changes, None, str(cache), True, True)
        kept = found[-1]
        full = tmp_path / f"full-{len(found)}"
        write_search(str(full), events, dumps, urls, options | changes, None, None, False, False)
        assert found[-1] == frozenset() and _files(site) == _files(full)
        return kept

    # the buckets of the edited article's documents, and the one removed, are made again; every other is kept
    kept = rebuilt({})
    index = search_index(events, dumps, urls, {})[1]
    url = next(urls[key] for key, dump in dumps.items() if dump.name == edited.name)
    ours = {n // options["bucket"] for n, ref in enumerate(index.refs) if ref == url or ref.startswith(f"{url}#")}
    assert ours and kept == {f"r/{n}.json" for n in range(len(buckets))} - {f"r/{n}.json" for n in ours} - {"r/0.json"}
    # made with another bucket size, no bucket is the last build's; nor with the pieces uncompressed
    assert rebuilt({"bucket": 3}) == frozenset()
    assert rebuilt({"bucket": 3, "compress": False}) == frozenset()
    # the same build again: every bucket kept, the output a full build's
    assert len(rebuilt({"bucket": 3, "compress": False})) == len(list((site / "r").iterdir()))


def test_a_kept_record_bucket_is_given_without_its_records_being_read():
    from news_archive.search.pieces import iter_pieces, record_text

    refs = [f"a#{n}" for n in range(5)]
    index = builder.build(refs, [{"body": builder.count(["word", str(n)])} for n in range(5)], [("body", 1.0)])

    class Records(list):
        def __getitem__(self, at):
            if isinstance(at, slice) and at.start == 2:
                raise AssertionError("a kept bucket's records were read")
            return super().__getitem__(at)

    records = Records(record_text({"t": ref}) for ref in refs)
    pieces = dict(iter_pieces(index, records, bucket=2, kept={"r/1.json"}))
    assert pieces["r/1.json"] is None and pieces["r/0.json"] == "[" + ",".join(records[0:2]) + "]" and "r/2.json" in pieces
