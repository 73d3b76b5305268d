"""Incremental rebuilds (Pelican's content cache on) give exactly the output of a full build."""

import os
import shutil

import pytest

from ..conftest import EVENT_FIXTURES, ROOT, SEEDS
from ..builds import build_site


def _tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def content(tmp_path):
    dumps = tmp_path / "content" / "dumps"
    dumps.mkdir(parents=True)
    for path in SEEDS + sorted(EVENT_FIXTURES.glob("*.txt")):
        shutil.copy(path, dumps)
    return tmp_path / "content"


def _cached(tmp_path, **extra):
    return {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path / "cache"), **extra}


def test_rebuild_after_one_dump_changed_equals_a_full_build(tmp_path, content):
    out = tmp_path / "incremental"
    build_site(out, content, **_cached(tmp_path))
    ap = content / "dumps" / "003_c36d33699a53380b.txt"
    ap.write_text(ap.read_text(encoding="utf-8").replace("Patrushev responded", "Patrushev replied"), encoding="utf-8")
    build_site(out, content, **_cached(tmp_path))
    full = build_site(tmp_path / "full", content)
    incremental, clean = _tree(out), _tree(full)
    assert sorted(incremental) == sorted(clean)
    assert [name for name in clean if incremental[name] != clean[name]] == []
    assert b"Patrushev replied" in incremental["articles/the-latest-putin-kim-shake-hands-before-start-of-talks.html"]
    assert list((tmp_path / "cache" / "jinja").glob("__jinja2_*.cache"))  # templates compiled once, kept


def test_an_unchanged_rebuild_renders_no_page(tmp_path, content):
    out = tmp_path / "out"
    build_site(out, content, **_cached(tmp_path))
    article = out / "articles" / "the-latest-putin-kim-shake-hands-before-start-of-talks.html"
    event = next((out / "events").glob("kim-putin-summit-*.html"))
    piece = out / "search" / "meta.js"
    for path in (article, event, piece):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    build_site(out, content, **_cached(tmp_path))
    assert [path.stat().st_mtime for path in (article, event, piece)] == [1_000_000_000] * 3



def test_pages_removed_from_the_output_are_written_again_by_a_rebuild(tmp_path, content):
    out = tmp_path / "out"
    build_site(out, content, **_cached(tmp_path))
    before = _tree(out)
    gone = [
        out / "articles" / "the-latest-putin-kim-shake-hands-before-start-of-talks.html",
        next((out / "events").glob("kim-putin-summit-*.html")),
        next((out / "dumps").glob("*.txt")),
    ]
    for path in gone:
        path.unlink()
    shutil.rmtree(out / "sources")  # a whole folder of pages
    build_site(out, content, **_cached(tmp_path))
    assert _tree(out) == before



def test_an_events_timeline_rows_are_kept_packed_and_saved_again_as_they_were(tmp_path, content, monkeypatch):
    """Each event's rows of the site timeline are kept as a pickle of their own: a rebuild makes the rows
    of the events whose members changed, and saves the others' bytes as the last build saved them."""
    from news_archive.present import views
    from news_archive.rebuild.store import Memo

    out = tmp_path / "out"
    build_site(out, content, **_cached(tmp_path))
    memo = tmp_path / "cache" / "news_archive-timeline.pickle"
    first = Memo(_cached(tmp_path), memo.name).data["timeline"]
    assert first and all(isinstance(packed, bytes) for _, packed in first.values())
    made = []
    event_items = views.event_items
    monkeypatch.setattr(views, "event_items", lambda event, *args: made.append(event.slug) or event_items(event, *args))
    ap = content / "dumps" / "003_c36d33699a53380b.txt"
    ap.write_text(ap.read_text(encoding="utf-8").replace("Patrushev responded", "Patrushev replied"), encoding="utf-8")
    build_site(out, content, **_cached(tmp_path))
    second = Memo(_cached(tmp_path), memo.name).data["timeline"]
    assert second.keys() == first.keys() and 0 < len(made) < len(second)
    assert all(second[slug] == first[slug] for slug in second if slug not in made)  # the same bytes


def test_a_rebuild_writes_again_the_timeline_pages_of_a_changed_event_and_no_other(tmp_path, content):
    """A timeline page's fingerprint names its rows by event and URL and takes each event's rows by
    their digest: an edited update's row is shown on the pages written again, and a page that shows
    nothing of the edited article's event is not written again."""
    out = tmp_path / "out"
    settings = _cached(tmp_path, NEWS_ARCHIVE={"timeline_per_page": 2})
    build_site(out, content, **settings)
    pages = sorted((out / "timeline").glob("*.html"))
    assert len(pages) > 3
    for path in pages:
        os.utime(path, (1_000_000_000, 1_000_000_000))
    showing_event = {path.name for path in pages if b"events/kim-putin-summit-2019-04-24.html" in path.read_bytes()}
    ap = content / "dumps" / "003_c36d33699a53380b.txt"
    ap.write_text(ap.read_text(encoding="utf-8").replace("President Vladimir Putin says after talks", "President Vladimir Putin said after talks"), encoding="utf-8")
    build_site(out, content, **settings)
    written = {path.name for path in pages if path.stat().st_mtime != 1_000_000_000}
    showing_edit = {path.name for path in pages if b"Putin said after talks" in path.read_bytes()}
    assert showing_edit and showing_edit <= written <= showing_event < {path.name for path in pages}
    assert _tree(out / "timeline") == _tree(build_site(tmp_path / "full", content, NEWS_ARCHIVE={"timeline_per_page": 2}) / "timeline")


def test_a_build_takes_each_dumps_stamp_once(tmp_path, content, monkeypatch):
    """Pelican's readers and its generator each took a dump's modification time, three times in all:
    now once per build, and a rebuild still reads again the dump edited since."""
    taken = []
    getmtime = os.path.getmtime
    monkeypatch.setattr(os.path, "getmtime", lambda path: taken.append(path) or getmtime(path))
    out = tmp_path / "out"
    dumps = sorted(str(path) for path in (content / "dumps").glob("*.txt"))
    for edit in (False, True):
        if edit:
            ap = content / "dumps" / "003_c36d33699a53380b.txt"
            ap.write_text(ap.read_text(encoding="utf-8").replace("Patrushev responded", "Patrushev replied"), encoding="utf-8")
        taken.clear()
        build_site(out, content, **_cached(tmp_path))
        assert sorted(path for path in taken if path.endswith(".txt")) == dumps
    assert b"Patrushev replied" in (out / "articles" / "the-latest-putin-kim-shake-hands-before-start-of-talks.html").read_bytes()


def test_a_theme_change_renders_every_page_again(tmp_path, content):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    out = tmp_path / "out"
    build_site(out, content, **_cached(tmp_path, THEME=str(theme)))
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("Skip to content", "Skip to the content"), encoding="utf-8")
    build_site(out, content, **_cached(tmp_path, THEME=str(theme)))
    pages = [p for p in out.rglob("*.html")]
    assert pages and all(b"Skip to the content" in p.read_bytes() for p in pages)  # not the compiled template kept


def test_a_build_pauses_the_cyclic_collector_while_it_reads_and_collects_what_its_pages_leave(tmp_path, content):
    import gc
    import weakref

    from pelican import signals

    reading, writing, cycles = [], [], []

    class Node:  # a reference cycle, as rendering a page leaves (Jinja's context and its closures)
        pass

    def check_reading(generator, content=None):
        reading.append(gc.isenabled())

    def leave_a_cycle(path, context=None):
        writing.append((gc.isenabled(), gc.get_freeze_count() > 0))
        node = Node()
        node.self = node
        cycles.append(weakref.ref(node))

    signals.article_generator_preread.connect(check_reading)
    signals.content_written.connect(leave_a_cycle)
    try:
        build_site(tmp_path / "one", content)
        assert gc.isenabled() and gc.get_freeze_count() > 0  # the finished build's heap is left frozen
        # the cycles left while its first pages were written were collected during the build
        early = cycles[: len(cycles) // 4]
        assert early and all(ref() is None for ref in early)
        build_site(tmp_path / "two", content)  # a second build in one process (as `pelican --autoreload`)
    finally:
        signals.article_generator_preread.disconnect(check_reading)
        signals.content_written.disconnect(leave_a_cycle)
    assert len(reading) >= 2 and not any(reading)  # paused while the articles are read and the events made
    assert writing and all(enabled and frozen for enabled, frozen in writing)  # on, the heap frozen, for the pages
    assert gc.isenabled()


def test_rebuild_with_pelicans_reader_caching_layer_equals_a_full_build(tmp_path, content):
    """The project caches whole articles (``CONTENT_CACHING_LAYER = "generator"``); Pelican's default
    layer, each dump's parse, rebuilds the same site."""
    out = tmp_path / "incremental"
    cached = _cached(tmp_path, CONTENT_CACHING_LAYER="reader")
    build_site(out, content, **cached)
    ap = content / "dumps" / "003_c36d33699a53380b.txt"
    ap.write_text(ap.read_text(encoding="utf-8").replace("Patrushev responded", "Patrushev replied"), encoding="utf-8")
    build_site(out, content, **cached)
    full = build_site(tmp_path / "full", content)
    incremental, clean = _tree(out), _tree(full)
    assert sorted(incremental) == sorted(clean)
    assert [name for name in clean if incremental[name] != clean[name]] == []


def _stream_entries(cache_file):
    from news_archive.rebuild.readers import ReaderStream

    stream = ReaderStream(str(cache_file))
    return stream.load(), stream



@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_pelicans_content_cache_is_saved_as_a_stream_without_a_fork(tmp_path, content, monkeypatch, layer):
    """Either layer of Pelican's content cache is kept as a stream the build writes itself: nothing is
    forked to save it, and Pelican's own pickle is not written."""
    from news_archive.pelican import build as build_module

    started = []
    in_background = build_module.Build.in_background
    monkeypatch.setattr(build_module.Build, "in_background", lambda self, *args: started.append(args) or in_background(self, *args))
    build_site(tmp_path / "out", content, **_cached(tmp_path, CONTENT_CACHING_LAYER=layer))
    assert started == []
    stream = "ArticlesGenerator.stream" if layer == "generator" else "ArticlesGenerator-Readers.stream"
    assert sorted(p.name for p in (tmp_path / "cache").glob("ArticlesGenerator*")) == [stream]


def test_dumps_another_plugin_version_parsed_are_read_again(tmp_path, content):
    """Pelican keys its content cache by file stamp only; after an upgrade the old parse must not survive:
    neither from Pelican's own pickle (what versions before the stream wrote) nor from another version's stream."""
    import dataclasses
    import pickle

    from news_archive.rebuild import store

    out = tmp_path / "incremental"
    build_site(out, content, **_cached(tmp_path, CONTENT_CACHING_LAYER="reader"))
    stream_file = tmp_path / "cache" / "ArticlesGenerator-Readers.stream"
    cache, _ = _stream_entries(stream_file)
    assert cache and not (tmp_path / "cache" / "ArticlesGenerator-Readers").exists()  # the stream instead of Pelican's pickle
    for stamp, (html, metadata) in cache.values():
        assert metadata["news_archive_code"]
    # what an older version might have made of the same files: another title, another code marker
    stale = {
        path: (stamp, (html, {**metadata, "news_archive_code": "older", "dump": dataclasses.replace(
            metadata["dump"], title=dataclasses.replace(metadata["dump"].title, text="Stale parse"))}))
        for path, (stamp, (html, metadata)) in cache.items()
    }
    (tmp_path / "cache" / "ArticlesGenerator-Readers").write_bytes(pickle.dumps(stale))
    # and a stream another version of the code wrote
    frames = [["news_archive reader cache", "older"]] + list(stale.items())
    stream_file.write_bytes(b"".join(store.frame(frame) for frame in frames))
    for ours in (tmp_path / "cache").glob("news_archive*"):
        ours.unlink()  # keyed by the plugin's code: an upgrade leaves none of them usable
    build_site(out, content, **_cached(tmp_path, CONTENT_CACHING_LAYER="reader"))
    full = build_site(tmp_path / "full", content)
    incremental, clean = _tree(out), _tree(full)
    assert [name for name in clean if incremental.get(name) != clean[name]] == []
    assert not any(b"Stale parse" in data for data in incremental.values())
    assert not (tmp_path / "cache" / "ArticlesGenerator-Readers").exists()


def test_a_rebuild_appends_only_the_dumps_read_again_to_the_reader_cache(tmp_path, content):
    from news_archive.rebuild import store

    out = tmp_path / "incremental"
    build_site(out, content, **_cached(tmp_path, CONTENT_CACHING_LAYER="reader"))
    stream_file = tmp_path / "cache" / "ArticlesGenerator-Readers.stream"
    cache, stream = _stream_entries(stream_file)
    count, first = stream.records, stream_file.read_bytes()
    assert count == len(cache) == len(list((content / "dumps").glob("*.txt")))
    edited = content / "dumps" / "003_c36d33699a53380b.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Patrushev responded", "Patrushev replied"), encoding="utf-8")
    build_site(out, content, **_cached(tmp_path, CONTENT_CACHING_LAYER="reader"))
    cache, stream = _stream_entries(stream_file)
    assert stream.records == count + 1 and len(cache) == count  # one entry appended, superseding one
    assert stream_file.read_bytes()[: len(first)] == first  # what was there is left as it was
    assert cache[str(edited)][1][1]["dump"].digest  # the new parse is the one loaded
    assert "Patrushev replied" in repr(cache[str(edited)][1][1]["dump"])
    # a build killed while appending leaves a cut frame: the entries before it are used, the next build
    # appends after them
    with open(stream_file, "ab") as handle:
        handle.write(store.frame((str(edited), cache[str(edited)]))[:-7])
    edited.write_text(edited.read_text(encoding="utf-8").replace("Patrushev replied", "Patrushev answered"), encoding="utf-8")
    build_site(out, content, **_cached(tmp_path, CONTENT_CACHING_LAYER="reader"))
    cache, stream = _stream_entries(stream_file)
    assert stream.records == count + 2  # the cut frame cut off, the new entry after the one before it
    assert "Patrushev answered" in repr(cache[str(edited)][1][1]["dump"])
    full = build_site(tmp_path / "full", content)
    incremental, clean = _tree(out), _tree(full)
    assert [name for name in clean if incremental.get(name) != clean[name]] == []


def test_the_reader_cache_is_written_whole_again_when_most_of_it_is_superseded(tmp_path, content):
    out = tmp_path / "incremental"
    build_site(out, content, **_cached(tmp_path, CONTENT_CACHING_LAYER="reader"))
    stream_file = tmp_path / "cache" / "ArticlesGenerator-Readers.stream"
    count = _stream_entries(stream_file)[1].records
    dumps = sorted((content / "dumps").glob("*.txt"))
    for round_ in range(3):
        for path in dumps:
            os.utime(path, (1_000_000 + round_, 1_000_000 + round_))  # every stamp changed: every dump read again
        build_site(out, content, **_cached(tmp_path, CONTENT_CACHING_LAYER="reader"))
        cache, stream = _stream_entries(stream_file)
        assert len(cache) == count and stream.records <= 2 * count
