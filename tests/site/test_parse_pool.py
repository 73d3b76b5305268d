"""The other core: dumps parsed on two worker processes, and the search made by a standby process
from its spool, give the site a serial build gives."""

import os
import shutil

from news_archive.pelican import build as build_module
from news_archive.pelican import reader as reader_module

from ..builds import build_site
from ..conftest import EVENT_FIXTURES, SEEDS
from ..rebuild.test_incremental import _tree


def _content(tmp_path, paths):
    content = tmp_path / "content"
    (content / "dumps").mkdir(parents=True)
    for path in paths:
        shutil.copy(path, content / "dumps")
    return content


def test_a_build_on_two_cores_writes_the_same_site(tmp_path, monkeypatch, expect_warnings):
    paths = SEEDS + sorted(EVENT_FIXTURES.glob("*.txt"))
    content = _content(tmp_path, paths)
    (content / "dumps" / "empty.txt").write_text("\n", encoding="utf-8")  # an error travels back from a worker too
    pools = []

    class CountingPool(reader_module.Pool):
        def __init__(self, function, items, chunk):
            super().__init__(function, items, chunk)
            pools.append(len(items))

    handed = []

    class CountingStandby(build_module.Standby):
        def hand(self, function, *args):
            handed.append(function.__name__)
            return super().hand(function, *args)

    from news_archive.events.build import EventsBuild

    given = []
    features_of = EventsBuild.features_of
    monkeypatch.setattr(EventsBuild, "features_of", lambda self, dump, ready=None: given.append(ready is not None) or features_of(self, dump, ready))
    monkeypatch.setattr(reader_module, "Pool", CountingPool)
    monkeypatch.setattr(build_module, "Standby", CountingStandby)
    firsts = []
    prefetch = reader_module.DumpReader.prefetch
    monkeypatch.setattr(reader_module.DumpReader, "prefetch", lambda self, listed: firsts.append(os.path.basename(self.first)) or prefetch(self, listed))
    monkeypatch.setattr(reader_module, "PREFETCH_CHUNK", 2)  # several tasks, on both workers
    pooled = build_site(tmp_path / "pooled", content, NEWS_ARCHIVE={"prefetch_min": 1})
    # the first dump is parsed here; at the second, every dump left goes to the workers
    assert pools == [len(paths)] and handed == ["search_from_spool"] and len(firsts) == 1
    # the workers made the events stage's features of the dumps they parsed: every dump but the one
    # parsed here, unless that was the empty one (an error, with no features). Pelican lists the files
    # as a set, so which dump comes first changes from one run to the next.
    here = 0 if firsts == ["empty.txt"] else 1
    assert sorted(given) == [False] * here + [True] * (len(paths) - here)
    given.clear()
    serial = build_site(tmp_path / "serial", content, NEWS_ARCHIVE={"parallel": False})
    assert given == [False] * len(paths)
    assert _tree(pooled) == _tree(serial)



def test_a_rebuild_of_one_dump_lists_no_dumps_to_parse_ahead(tmp_path, monkeypatch, expect_warnings):
    """Dumps are listed for the workers when a second one needs parsing: never in a one-dump rebuild."""
    from news_archive.pelican import plugin

    content = _content(tmp_path, SEEDS)
    listed = []
    unread = plugin._unread_dumps
    monkeypatch.setattr(plugin, "_unread_dumps", lambda generator: listed.append(len(unread(generator))) or unread(generator))
    caching = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path / "cache"), "NEWS_ARCHIVE": {"prefetch_min": 1}}
    build_site(tmp_path / "site", content, **caching)
    assert listed == [len(SEEDS) - 1]  # at the second dump: every one but the first
    edited = sorted((content / "dumps").glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    build_site(tmp_path / "site", content, **caching)
    assert listed == [len(SEEDS) - 1]
    for path in sorted((content / "dumps").glob("*.txt"))[:2]:
        path.write_text(path.read_text(encoding="utf-8") + "\nAnother line.\n", encoding="utf-8")
    build_site(tmp_path / "site", content, **caching)
    assert listed == [len(SEEDS) - 1, 1]  # the second of two: one left


def test_the_spool_a_killed_build_left_is_swept_and_a_running_builds_is_not(tmp_path):
    import subprocess
    import sys

    from news_archive.pelican import search as search_module

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    dead = tmp_path / f"{search_module.SPOOL_PREFIX}{gone.stdout.strip()}-abc.spool"
    running = search_module.write_spool([], {}, {}, folder=str(tmp_path))  # this process's
    other = tmp_path / "notes.spool"
    for path in (dead, other):
        path.write_bytes(b"x")
    assert search_module.sweep_spools(str(tmp_path)) == [dead.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([os.path.basename(running), other.name])


def test_articles_by_one_author_share_the_author_and_its_slug_is_made_once(tmp_path, monkeypatch, expect_warnings):
    """Pelican slugifies an author's name when it files an article under it: once per name, not per article."""
    from pelican import urlwrappers
    from pelican.generators import ArticlesGenerator

    content = _content(tmp_path, SEEDS)
    slugified = []
    slugify = urlwrappers.slugify
    monkeypatch.setattr(urlwrappers, "slugify", lambda value, **kw: slugified.append(value) or slugify(value, **kw))
    seen = {}
    generate_context = ArticlesGenerator.generate_context

    def noting(generator):
        generate_context(generator)
        seen["articles"] = list(generator.articles)

    monkeypatch.setattr(ArticlesGenerator, "generate_context", noting)
    build_site(tmp_path / "site", content)
    articles = seen["articles"]
    assert len(articles) == len(SEEDS) and len({id(a.author) for a in articles}) == 1
    assert all(a.authors == [a.author] and a.authors[0] is a.author for a in articles)
    assert slugified.count(articles[0].author.name) == 1


def test_an_articles_category_and_tags_are_shared_with_other_articles_of_the_same_names(tmp_path):
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG
    from pelican.urlwrappers import Category, Tag

    from news_archive.pelican.plugin import share_url_wrappers

    settings = {**DEFAULT_CONFIG, "PATH": str(tmp_path), "AUTHOR": "Jane Doe"}

    def article(n):
        metadata = {"title": f"a{n}", "category": Category("World", settings), "tags": [Tag("Kim", settings), Tag("summit", settings)]}
        return Article("", metadata=metadata, settings=settings, source_path=str(tmp_path / f"a{n}.txt"))

    shared: dict = {}
    first, second = article(1), article(2)
    for each in (first, second):
        share_url_wrappers(each, shared)
    assert second.category is first.category and second.author is first.author and second.authors[0] is second.author
    assert [t.name for t in second.tags] == ["Kim", "summit"] and all(a is b for a, b in zip(first.tags, second.tags))
