"""The reader inside a real Pelican build: pages, anchors, and broken dumps that do not stop the site."""

import json
import logging
import shutil

import pytest
from bs4 import BeautifulSoup

from news_archive.parse.cascade import parse_file

from ..conftest import EVENT_FIXTURES, ROOT, SEEDS
from ..builds import build_site


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("site"))


def _soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_each_seed_is_a_page_whose_updates_carry_their_anchors(sample_site, seed):
    dump = parse_file(seed)
    pages = [p for p in (sample_site / "articles").glob("*.html") if dump.title.text in p.read_text(encoding="utf-8")]
    assert len(pages) == 1
    soup = _soup(pages[0])
    ids = [el["id"] for el in soup.select("article.update[id]")]
    assert ids == [u.id for u in dump.updates]
    for update in dump.updates:
        link = soup.select_one(f'article.update[id="{update.id}"] a.permalink')
        assert link["href"] == f"#{update.id}"


def test_broken_dumps_are_named_and_the_rest_builds(tmp_path, expect_warnings):
    content = tmp_path / "content"
    (content / "dumps").mkdir(parents=True)
    for seed in SEEDS:
        shutil.copy(seed, content / "dumps")
    (content / "dumps" / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (content / "dumps" / "binary.txt").write_bytes(b"GIF89a\x00\x01\x02")
    with expect_warnings.at_level(logging.ERROR):
        build_site(tmp_path / "out", content)
    errors = [r.getMessage() for r in expect_warnings.records if r.name.startswith("news_archive") and r.levelno >= logging.ERROR]
    assert any("dumps/empty.txt" in m and "empty dump" in m for m in errors), errors
    assert any("dumps/binary.txt" in m and "NUL byte on line 1" in m for m in errors), errors
    assert len(list((tmp_path / "out" / "articles").glob("*.html"))) == len(SEEDS)


@pytest.mark.parametrize(
    "url, save_as",
    [
        ("articles/{slug}.html", "articles/{slug}.html"),
        ("{date:%Y}/{date:%m}/{slug}/", "{date:%Y}/{date:%m}/{slug}/index.html"),
        ("{category}/{slug}.html", "out/{category}/{path}-{lang}.html"),
        ("{author}/{slug}.html", "{author}/{title}.html"),  # a metadata value too
    ],
)
def test_urls_computed_once_are_pelicans_own(tmp_path, url, save_as):
    from datetime import datetime, timezone

    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    from pelican.urlwrappers import Category

    from news_archive.pelican.context import url_and_save_as, url_values

    settings = {**DEFAULT_CONFIG, "PATH": str(tmp_path), "ARTICLE_URL": url, "ARTICLE_SAVE_AS": save_as}
    metadata = {"title": "Kim meets Putin", "slug": "kim-meets-putin", "date": datetime(2019, 4, 25, tzinfo=timezone.utc)}
    article = Article("", metadata=metadata, settings=settings, source_path=str(tmp_path / "dumps" / "kim.txt"))
    assert url_and_save_as(article) == (article.url, article.save_as)
    assert url_values(article) == article.url_format  # the relative path as Pelican stored it, the rest as it does
    pathed = Article("", metadata={**metadata, "path": "elsewhere/kim.txt", "category": Category("World News", settings)}, settings=settings,
                     source_path=str(tmp_path / "dumps" / "kim.txt"))
    assert url_values(pathed) == pathed.url_format and url_and_save_as(pathed) == (pathed.url, pathed.save_as)
    article.override_save_as = "elsewhere.html"  # anything unusual is Pelican's to compute
    assert url_and_save_as(article) == (article.url, "elsewhere.html")


def test_a_build_does_not_keep_every_articles_html_once_its_page_is_written(tmp_path, expect_warnings):
    """Pelican memoizes each article's content for the whole build; the plugin drops it once written
    (generated dumps: their zoneless stamps are reported, as expected)."""
    from pelican.contents import Content

    from tools.corpus import generate

    generate(24, tmp_path / "content" / "dumps", seed=2)
    (tmp_path / "content" / "dumps" / "truth.json").unlink()
    memo = vars(Content)["get_content"]
    site = build_site(tmp_path / "site", tmp_path / "content")
    pages = list((site / "articles").glob("*.html"))
    assert len(pages) >= 20
    # every article page was rendered, and none of their HTML is held after the build
    assert all("<article" in p.read_text(encoding="utf-8") for p in pages)
    assert len(memo.cache) < 2


def test_an_articles_url_is_computed_once_per_build_and_the_site_is_what_pelican_alone_would_make(tmp_path, monkeypatch, expect_warnings):
    """Pelican computes an article's URL values anew each time its url or save_as is read; the plugin
    computes them once and sets them as Pelican's overrides, again where the events stage changed a
    date (the URLs here hold the year) or a slug. The site is byte for byte the one made without that."""
    from pelican.contents import Content

    from news_archive.pelican import context, generator, plugin
    from tools.corpus import generate

    generate(30, tmp_path / "content" / "dumps", seed=3)
    (tmp_path / "content" / "dumps" / "truth.json").unlink()
    dumps = sorted((tmp_path / "content" / "dumps").glob("*.txt"))
    shutil.copy(dumps[0], dumps[0].with_name("zz-same-headline.txt"))  # a slug the plugin makes unique
    settings = {"ARTICLE_URL": "{date:%Y}/{slug}.html", "ARTICLE_SAVE_AS": "{date:%Y}/{slug}.html"}
    formatted = []  # each time an article's URL values are worked out, by Pelican or by the plugin
    url_format, url_values = Content.url_format, context.url_values
    monkeypatch.setattr(Content, "url_format", property(lambda self: formatted.append(self.slug) or url_format.fget(self)))
    monkeypatch.setattr(context, "url_values", lambda article, *fields: formatted.append(article.slug) or url_values(article, *fields))
    site = build_site(tmp_path / "site", tmp_path / "content", **settings)
    articles = [p for p in site.rglob("*.html") if p.parent.name.isdigit()]
    assert len(articles) == 31 and len(set(formatted)) == 31
    # once each as it is read, again where the events stage gave the date a zone or the slug changed
    assert len(formatted) <= 2 * 31
    for name in ("fix_place", "place_holds"):
        monkeypatch.setattr(generator, name, lambda article: True)
    monkeypatch.setattr(plugin, "fix_place", lambda article: None)
    formatted.clear()
    alone = build_site(tmp_path / "alone", tmp_path / "content", **settings)
    assert len(formatted) > 3 * 31  # Pelican's own: several times per article
    assert _tree(site) == _tree(alone)


def _tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_fixed_place_no_longer_holds_once_the_date_is_another_zones_or_the_slug_changed(tmp_path):
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo

    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    from news_archive.pelican.context import fix_place, forget_place, place_holds

    settings = {**DEFAULT_CONFIG, "PATH": str(tmp_path), "ARTICLE_URL": "{date:%Y-%m-%d-%H}/{slug}.html", "ARTICLE_SAVE_AS": "{date:%Y}/{slug}.html"}
    utc = datetime(2019, 4, 25, 20, tzinfo=timezone.utc)
    article = Article("", metadata={"title": "Kim", "slug": "kim", "date": utc}, settings=settings, source_path=str(tmp_path / "kim.txt"))
    fix_place(article)
    assert (article.override_url, article.override_save_as) == ("2019-04-25-20/kim.html", "2019/kim.html") and place_holds(article)
    article.date = utc.astimezone(ZoneInfo("Asia/Tokyo"))  # the same instant: another day in Tokyo
    assert article.date == utc and not place_holds(article)
    fix_place(article)
    assert article.url == "2019-04-26-05/kim.html" and place_holds(article)
    article.slug = "kim-2"
    assert not place_holds(article)
    forget_place(article)
    assert not hasattr(article, "override_url") and article.url == "2019-04-26-05/kim-2.html"
    article.override_save_as = "elsewhere.html"  # set by someone else: left alone
    fix_place(article)
    assert not hasattr(article, "override_url") and article.save_as == "elsewhere.html"
    # URLs that do not format the date (Pelican's default): a place holds whatever the date becomes
    plain = {**DEFAULT_CONFIG, "PATH": str(tmp_path)}
    article = Article("", metadata={"title": "Kim", "slug": "kim", "date": utc}, settings=plain, source_path=str(tmp_path / "kim.txt"))
    fix_place(article)
    article.date = utc.astimezone(ZoneInfo("Asia/Tokyo")).replace(day=2)
    assert place_holds(article) and (article.url, article.save_as) == ("kim.html", "kim.html")
    article.slug = "kim-2"
    assert not place_holds(article)


def test_which_values_url_patterns_read():
    from news_archive.pelican.context import formatted_fields

    assert formatted_fields("{date:%Y}/{slug}.html") == {"date", "slug"}
    assert formatted_fields("{slug}.html", "{date.year}/{category}") == {"slug", "date", "category"}
    assert formatted_fields("{date[year]}/x") == {"date"}
    assert formatted_fields("{dated}/{slug}.html", "{{date}}/{slug}.html", "plain.html") == {"dated", "slug"}


def test_only_the_url_values_the_patterns_read_are_computed(tmp_path):
    """The author's and category's slugs are worked out only for URLs that show them."""
    from datetime import datetime, timezone

    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    from news_archive.pelican.context import url_values

    settings = {**DEFAULT_CONFIG, "PATH": str(tmp_path), "AUTHOR": "Jane Doe"}
    article = Article("", metadata={"title": "Kim", "slug": "kim", "date": datetime(2019, 4, 25, tzinfo=timezone.utc)},
                      settings=settings, source_path=str(tmp_path / "kim.txt"))
    assert url_values(article, frozenset({"slug"})) == {"slug": "kim"}
    assert article.author._slug is None  # never slugified
    assert url_values(article, frozenset({"slug", "title"})) == {**article.metadata, "slug": "kim"}  # metadata read
    assert url_values(article, frozenset({"author"})) == {"author": "jane-doe"}


def test_two_processes_with_different_string_hashes_build_the_same_site(tmp_path):
    """Ties (articles of one date) come in the order of their files, not in an order that depends on
    the process's string hashing: the archives page listed them differently from one build to the next."""
    import os
    import subprocess
    import sys

    from tools.corpus import generate

    from ..builds import ROOT

    generate(60, tmp_path / "content" / "dumps", seed=4)
    (tmp_path / "content" / "dumps" / "truth.json").unlink()
    script = "import sys; from pathlib import Path; from tests.builds import build_site; build_site(Path(sys.argv[1]), Path(sys.argv[2]))"
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", script, str(tmp_path / seed), str(tmp_path / "content")], cwd=ROOT, env=env, check=True,
                       capture_output=True)
    assert _tree(tmp_path / "1") == _tree(tmp_path / "2")


def test_the_sources_are_listed_once_per_build_for_the_generator_and_the_sources_page(tmp_path, monkeypatch, expect_warnings):
    from news_archive.pelican import context
    from tools.corpus import generate

    generate(12, tmp_path / "content" / "dumps", seed=8)
    (tmp_path / "content" / "dumps" / "truth.json").unlink()
    made = []
    sorted_sources = context.Archive._sorted_sources
    monkeypatch.setattr(context.Archive, "_sorted_sources", lambda self: made.append(1) or sorted_sources(self))
    site = build_site(tmp_path / "site", tmp_path / "content")
    assert made == [1]
    listed = (site / "sources" / "index.html").read_text(encoding="utf-8")
    source_pages = sorted(p for p in (site / "sources").glob("*.html") if p.name != "index.html")
    assert source_pages and all(p.name in listed for p in source_pages)


def test_the_archive_pages_years_are_what_jinjas_filters_made_of_them():
    """``Archive.archive_years`` replaced ``rejectattr``, ``groupby`` and ``sort`` in the archives template:
    the same years, the same articles in the same order, ties included."""
    from datetime import datetime, timezone
    from types import SimpleNamespace

    from jinja2 import Environment

    from news_archive.pelican.context import Archive

    def at(year, month, day, hour=0):
        return datetime(year, month, day, hour, tzinfo=timezone.utc)

    moments = [at(2019, 4, 25), at(2018, 1, 2), at(2019, 4, 25), at(2019, 12, 31, 23), None, at(2018, 1, 2), at(2017, 6, 1)]
    articles = [SimpleNamespace(slug=f"a{n}", undated=moment is None, date=moment or at(1970, 1, 1)) for n, moment in enumerate(moments)]
    jinja = Environment().from_string(
        '{% for year, items in dates|rejectattr("undated")|list|groupby("date.year")|reverse %}'
        '{{ year }}:{% for a in items|sort(attribute="date", reverse=True) %}{{ a.slug }},{% endfor %};{% endfor %}'
    )
    ours = "".join(f"{year}:" + "".join(f"{a.slug}," for a in items) + ";" for year, items in Archive.archive_years(articles))
    assert ours == jinja.render(dates=articles) == "2019:a3,a0,a2,;2018:a1,a5,;2017:a6,;"


def test_archive_and_source_listings_order_moments_of_many_zones_by_their_instant():
    """Sorted by the UTC instant (``as_utc``): what comparing the moments gives, ties kept in the order
    given, and in a clock's repeated hour too, where two moments of one zone compare by their local
    times and would come out of order."""
    from datetime import datetime, timedelta, timezone
    from types import SimpleNamespace
    from zoneinfo import ZoneInfo

    from news_archive.pelican.context import Archive

    plus3, new_york = timezone(timedelta(hours=3)), ZoneInfo("America/New_York")
    moments = [
        datetime(2019, 4, 25, 0, tzinfo=timezone.utc),
        datetime(2019, 4, 25, 2, tzinfo=plus3),  # 23:00 UTC the day before
        datetime(2019, 4, 25, 3, tzinfo=plus3),  # the same instant as the first: a tie
        datetime(2019, 4, 24, 22, tzinfo=new_york),  # 02:00 UTC
        datetime(2019, 11, 3, 1, 40, tzinfo=new_york),  # 05:40 UTC, before the clocks went back
        datetime(2019, 11, 3, 1, 10, fold=1, tzinfo=new_york),  # 06:10 UTC, after: later, though 1:10 < 1:40
    ]
    articles = [SimpleNamespace(slug=f"a{n}", undated=False, date=moment) for n, moment in enumerate(moments)]
    assert [[a.slug for a in items] for _, items in Archive.archive_years(articles)] == [["a5", "a4", "a3", "a0", "a2", "a1"]]
    assert sorted(articles[:4], key=lambda a: a.date, reverse=True) == [articles[i] for i in (3, 0, 2, 1)]
    archive = SimpleNamespace(articles={a.slug: a for a in articles}, source_url=lambda article: "sources/wire.html")
    for article in articles:
        article.dump = SimpleNamespace(source="Wire", agency=None)
    listed = Archive._sorted_sources(archive)
    assert [[a.slug for a in items] for _, _, items in listed] == [["a5", "a4", "a3", "a2", "a0", "a1"]]


def test_pelicans_order_by_date_is_handed_to_it_by_instant_and_any_other_order_as_it_was():
    from types import SimpleNamespace

    from pelican import signals

    from news_archive.pelican import plugin
    from news_archive.pelican.generator import InstantOrder, order_by_instant

    def key(article):
        return article.slug

    for given in ("reversed-date", "date", "slug", "basename", key, None):
        generator = SimpleNamespace(settings={"ARTICLE_ORDER_BY": given})
        order_by_instant(generator)
        after = generator.settings["ARTICLE_ORDER_BY"]
        assert after == given and isinstance(after, InstantOrder) == (given in ("reversed-date", "date"))
    plugin.register()
    assert order_by_instant in [receiver() for receiver in signals.article_generator_init.receivers.values()]


@pytest.mark.parametrize("order_by", ["reversed-date", "date"])
def test_articles_are_ordered_as_pelican_orders_them_by_their_instant(order_by):
    """Pelican's order of the articles by date, sorted by each moment's UTC instant (an InstantOrder, the
    same string to whatever reads the setting): the same order for moments of many zones and for ties,
    and for naive dates."""
    from datetime import datetime, timedelta, timezone
    from types import SimpleNamespace
    from zoneinfo import ZoneInfo

    from pelican.utils import order_content

    from news_archive.pelican.generator import InstantOrder
    from news_archive.rebuild.store import plain

    plus3, new_york = timezone(timedelta(hours=3)), ZoneInfo("America/New_York")
    moments = [
        datetime(2019, 4, 25, 0, tzinfo=timezone.utc),
        datetime(2019, 4, 25, 2, tzinfo=plus3),
        datetime(2019, 4, 25, 3, tzinfo=plus3),  # the first's instant: a tie
        datetime(2019, 4, 24, 22, tzinfo=new_york),
        datetime(1970, 1, 1, tzinfo=timezone.utc),
        datetime(2019, 4, 25, 0, tzinfo=timezone.utc),  # a tie again
    ]

    def articles():
        return [SimpleNamespace(slug=f"a{n}", date=moment) for n, moment in enumerate(moments)]

    order = InstantOrder(order_by)
    assert order == order_by and plain(order) == order_by
    ours = [a.slug for a in order_content(articles(), order)]
    assert ours == [a.slug for a in order_content(articles(), order_by)]
    assert ours == (["a3", "a0", "a2", "a5", "a1", "a4"] if order_by == "reversed-date" else ["a4", "a1", "a0", "a2", "a5", "a3"])
    naive = [SimpleNamespace(slug="b", date=datetime(2019, 1, 2)), SimpleNamespace(slug="a", date=datetime(2019, 1, 1))]
    assert [a.slug for a in order_content(list(naive), order)] == [a.slug for a in order_content(list(naive), order_by)]


def test_the_search_page_carries_the_themes_style_sheet_and_scripts_and_other_pages_link_them(sample_site):
    static = ROOT / "theme" / "static"
    search = _soup(sample_site / "search.html")
    assert search.style is not None and search.style.string == (static / "css" / "site.css").read_text(encoding="utf-8")  # not escaped
    assert not search.select("link[rel=stylesheet]")
    # its scripts in the page (site.js too: deferred, it held up DOMContentLoaded), the search's last;
    # of files, only the manifest (async, from its head)
    assert [s["data-from"] for s in search.body.select("script[data-from]")] == ["js/site.js", "lunr.min.js", "js/search-index.js", "js/search-ui.js"]
    assert search.body.find_all("script")[-1].string == (static / "js" / "search-ui.js").read_text(encoding="utf-8")
    assert {s["src"].rsplit("/", 1)[-1]: s.has_attr("async") for s in search.select("script[src]")} == {"meta.js": True}
    page = _soup(sample_site / "events" / "index.html")
    assert page.select("link[rel=stylesheet]") and page.style is None


def test_a_page_cannot_carry_a_file_that_would_end_its_element(tmp_path):
    from news_archive.pelican.plugin import theme_static_text

    (tmp_path / "static" / "js").mkdir(parents=True)
    (tmp_path / "static" / "js" / "a.js").write_text("var a = '</SCRIPT>';", encoding="utf-8")
    with pytest.raises(ValueError, match="a.js: holds '</SCRIPT'"):
        theme_static_text({"THEME": str(tmp_path), "THEME_STATIC_PATHS": ["static"]}, "js/a.js")


def test_theme_static_text_names_a_file_the_theme_does_not_have(tmp_path):
    from news_archive.pelican.plugin import theme_static_text

    (tmp_path / "static" / "css").mkdir(parents=True)
    (tmp_path / "static" / "css" / "a.css").write_text("a > b { color: red }", encoding="utf-8")
    settings = {"THEME": str(tmp_path), "THEME_STATIC_PATHS": ["static"]}
    assert str(theme_static_text(settings, "css/a.css")) == "a > b { color: red }"
    with pytest.raises(FileNotFoundError, match="no 'css/b.css'"):
        theme_static_text(settings, "css/b.css")


def test_nothing_assigns_to_a_field_of_the_model_once_it_is_made(tmp_path):
    """The model's classes are not frozen (a build makes millions of them again from its caches, and a
    frozen ``__init__`` made that 40% slower): a whole build, then a rebuild from its caches after an
    edit, all in this process, holds every one of them as a value."""
    from dataclasses import is_dataclass

    from news_archive.events import evidence, model as events_model
    from news_archive.parse import model as parse_model

    classes = list({value: None for module in (parse_model, events_model, evidence) for value in vars(module).values()
                    if isinstance(value, type) and is_dataclass(value) and "__slots__" in vars(value)})
    assert {"Para", "Update", "Dump", "Clues"} <= {cls.__name__ for cls in classes}
    assigned = []

    def guard(self, name, value):
        try:
            getattr(self, name)
        except AttributeError:  # its __init__ setting it
            object.__setattr__(self, name, value)
            return
        assigned.append(f"{type(self).__name__}.{name}")
        object.__setattr__(self, name, value)

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for fixture in sorted(EVENT_FIXTURES.glob("*.txt")):  # events across sources: dates filled, template lines
        shutil.copy(fixture, content / "dumps" / fixture.name)
    caching = {"CACHE_PATH": str(tmp_path / "cache"), "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
               "NEWS_ARCHIVE": {"parallel": False}}
    for cls in classes:
        cls.__setattr__ = guard
    try:
        build_site(tmp_path / "out", content, **caching)
        edited = sorted((content / "dumps").glob("*.txt"))[0]
        edited.write_text(edited.read_text(encoding="utf-8").replace(" said", " told reporters", 1), encoding="utf-8")
        build_site(tmp_path / "out", content, **caching)
    finally:
        for cls in classes:
            del cls.__setattr__
    assert (tmp_path / "out" / "index.html").exists() and assigned == []


def test_an_articles_page_names_its_writers_and_its_agency(tmp_path):
    content = tmp_path / "content"
    (content / "dumps").mkdir(parents=True)
    (content / "dumps" / "pier.txt").write_text(
        "Harbour council votes to rebuild the old pier\nBy Tamsin Orr and Rob <b>Lee</b>\n"
        "PORT ELLIS (AP) \u2014 The council voted 31 to 12 on Tuesday, March 3, 2026, to rebuild the old pier.\n", encoding="utf-8")
    build_site(tmp_path / "out", content)
    page = _soup(next((tmp_path / "out" / "articles").glob("*.html")))
    meta = {dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in page.select(".article-meta dt")}
    assert meta["By"] == "Tamsin Orr"  # "Rob <b>Lee</b>" is no name; nothing from the dump is read as markup
    assert "AP" in meta["Source"]
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["author"] == [{"@type": "Person", "name": "Tamsin Orr"}]
