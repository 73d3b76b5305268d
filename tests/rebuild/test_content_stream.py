"""Pelican's generator cache as a stream of articles (``CONTENT_CACHING_LAYER = "generator"``, the
project's setting): each article pickled as read, the build's settings and context its own again."""

import os

from pelican import signals
from pelican.contents import Article

from news_archive.parse import parse_file
from news_archive.rebuild.contents import ContentStream
from news_archive.rebuild.store import frame

from ..builds import build_site
from .test_incremental import _cached, _tree, content  # noqa: F401 - content is a fixture

EDITED = "003_c36d33699a53380b.txt"


class Made:
    """The articles Pelican makes (reads) during a build, by source file name."""

    def __enter__(self):
        self.names = []
        signals.content_object_init.connect(self.note)
        return self

    def note(self, content):
        if isinstance(content, Article):
            self.names.append(os.path.basename(content.source_path))

    def __exit__(self, *exc):
        signals.content_object_init.disconnect(self.note)


def _edit(content, old, new):
    path = content / "dumps" / EDITED
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _stream(tmp_path, shared=None):
    """The stream's entries and records as the next build loads them (its key left to the file)."""
    path = tmp_path / "cache" / "ArticlesGenerator.stream"
    with open(path, "rb") as handle:
        from news_archive.rebuild.store import frames

        key = next(frames(handle))[0]
    stream = ContentStream(str(path), key, shared or {"settings": {"shared": "settings"}, "context": {"shared": "context"}})
    return stream.load(), stream


def test_a_rebuild_makes_only_the_edited_dumps_article_and_equals_a_full_build(tmp_path, content):
    out = tmp_path / "out"
    with Made() as first:
        build_site(out, content, **_cached(tmp_path))
    assert len(first.names) == len(list((content / "dumps").glob("*.txt")))
    before = (tmp_path / "cache" / "ArticlesGenerator.stream").read_bytes()
    _edit(content, "Patrushev responded", "Patrushev replied")
    with Made() as second:
        build_site(out, content, **_cached(tmp_path))
    assert second.names == [EDITED]  # every other article is the cached object
    entries, stream = _stream(tmp_path)
    assert stream.records == len(first.names) + 1 and len(entries) == len(first.names)  # one frame appended
    assert (tmp_path / "cache" / "ArticlesGenerator.stream").read_bytes()[: len(before)] == before
    with Made() as third:
        build_site(out, content, **_cached(tmp_path))
    assert third.names == []
    full = build_site(tmp_path / "full", content)
    incremental, clean = _tree(out), _tree(full)
    assert sorted(incremental) == sorted(clean)
    assert [name for name in clean if incremental[name] != clean[name]] == []
    assert b"Patrushev replied" in incremental["articles/the-latest-putin-kim-shake-hands-before-start-of-talks.html"]


def test_an_article_is_kept_as_read_and_refers_to_the_loading_builds_settings_and_context(tmp_path, content):
    """Kept before the events stage fills dates or swaps in filled dumps: the cached article holds the
    parse, and a frame holds neither the settings nor the context (every other article)."""
    build_site(tmp_path / "out", content, **_cached(tmp_path))
    shared = {"settings": {"the": "settings"}, "context": {"the": "context"}}
    entries, _ = _stream(tmp_path, shared)
    articles = [article for _, article in entries.values()]
    assert articles and all(isinstance(a, Article) for a in articles)
    assert all(a.settings is shared["settings"] and a._context is shared["context"] for a in articles)
    assert all(a.author.settings is shared["settings"] for a in articles)
    assert all(a.dump is a.metadata["dump"] and a.dump == parse_file(a.source_path) for a in articles)  # the parse itself
    assert all("_get_content" not in vars(a) for a in articles)  # not the lazy HTML the events stage gives it
    _, stream = _stream(tmp_path)
    for path, (start, end) in stream.spans.items():  # each frame its own article: no other article rides along
        assert end - start < 4 * os.path.getsize(os.path.join(content, path)) + 8_000


def test_a_settings_change_reads_every_dump_again(tmp_path, content):
    out = tmp_path / "out"
    build_site(out, content, **_cached(tmp_path))
    changed = _cached(tmp_path, DEFAULT_DATE_FORMAT="%d %B %Y")
    with Made() as made:
        build_site(out, content, **changed)
    assert len(made.names) == len(list((content / "dumps").glob("*.txt")))
    full = build_site(tmp_path / "full", content, DEFAULT_DATE_FORMAT="%d %B %Y")
    assert _tree(out) == _tree(full)


def test_the_stream_is_written_whole_again_when_most_of_it_is_superseded(tmp_path, content):
    out = tmp_path / "out"
    build_site(out, content, **_cached(tmp_path))
    count = _stream(tmp_path)[1].records
    dumps = sorted((content / "dumps").glob("*.txt"))
    for round_ in range(3):
        for path in dumps[: 2 * len(dumps) // 3]:
            os.utime(path, (1_000_000 + round_, 1_000_000 + round_))  # most dumps read again
        build_site(out, content, **_cached(tmp_path))
        entries, stream = _stream(tmp_path)
        assert len(entries) == count and stream.records <= 2 * count
    with Made() as made:
        build_site(out, content, **_cached(tmp_path))
    assert made.names == []  # every entry survived the rewrites, each the file's latest
    assert _tree(out) == _tree(build_site(tmp_path / "full", content))


# --- the stream on its own ----------------------------------------------------------------------


class Thing:
    def __init__(self, name, settings):
        self.name, self.settings = name, settings


def test_entries_are_pickled_when_cached_and_a_cut_frame_ends_the_stream(tmp_path):
    settings = {"SITENAME": "x" * 10_000}
    path = str(tmp_path / "s.stream")
    stream = ContentStream(path, ["key"], {"settings": settings})
    stream.load()
    thing = Thing("one", settings)
    stream.cached("a.txt", (1.0, thing))
    thing.name = "changed after it was cached"  # what the build does to it later is not kept
    stream.save({"a.txt": (1.0, thing)})
    assert os.path.getsize(path) < 1_000  # the settings by name, not by value
    again = ContentStream(path, ["key"], {"settings": {"other": "settings"}})
    entries = again.load()
    assert entries["a.txt"][1].name == "one" and entries["a.txt"][1].settings == {"other": "settings"}
    with open(path, "ab") as handle:  # a build killed while appending
        handle.write(frame(("b.txt", (2.0, "cut")))[:-3])
    third = ContentStream(path, ["key"], {"settings": settings})
    assert list(third.load()) == ["a.txt"] and third.end < os.path.getsize(path)
    third.cached("c.txt", (3.0, Thing("three", settings)))
    third.save({**entries, "c.txt": None})
    assert sorted(ContentStream(path, ["key"], {"settings": settings}).load()) == ["a.txt", "c.txt"]
    assert ContentStream(path, ["another key"], {"settings": settings}).load() == {}
    assert not [name for name in os.listdir(tmp_path) if ".partial-" in name]  # the spool is gone


def test_an_entry_that_cannot_be_pickled_is_left_out_with_a_warning(tmp_path, caplog):
    path = str(tmp_path / "s.stream")
    stream = ContentStream(path, ["key"], {})
    stream.load()
    stream.cached("bad.txt", (1.0, lambda: None))
    stream.cached("good.txt", (1.0, "fine"))
    stream.save({})
    assert list(ContentStream(path, ["key"], {}).load()) == ["good.txt"]
    assert "not caching bad.txt" in caplog.text
    caplog.expect_warnings = True


def test_a_stream_removed_during_a_build_keeps_this_builds_entries(tmp_path):
    path = tmp_path / "s.stream"
    first = ContentStream(str(path), ["key"], {})
    first.load()
    for name in ("a", "b", "c"):
        first.cached(name, (1.0, name))
    first.save({})
    second = ContentStream(str(path), ["key"], {})
    cache = second.load()
    path.unlink()  # a user clearing the cache folder while a build runs
    second.cached("b", (2.0, "b again"))
    second.save({**cache, "b": (2.0, "b again")})
    assert ContentStream(str(path), ["key"], {}).load() == {"b": (2.0, "b again")}  # the rest is read again
