"""Hostile text stays text: markup, comments, javascript: URLs, template syntax and quotes in a dump
are shown literally on every page, in feeds, JSON-LD and search, and none of the dump's scripts runs."""

import json
import shutil
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from news_archive.search.pieces import piece_json

from ..chromium import serve, watch
from ..conftest import HOSTILE, SEEDS
from ..links import broken_links
from ..builds import build_site

HOSTILE = HOSTILE
TITLE = 'Kim says "<script>window.__pwned=1</script>" & more'
PARAGRAPH = 'A paragraph with <!-- a comment --> and <a href="javascript:window.__pwned=5">a link</a> and {{ config }} and {% if 1 %}x{% endif %}.'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content" / "dumps"
    content.mkdir(parents=True)
    for path in SEEDS + [HOSTILE]:
        shutil.copy(path, content)
    return build_site(root / "site", root / "content", conf="publishconf.py", SITEURL="https://example.org/a")


def _article(site):
    return next(p for p in (site / "articles").glob("*.html") if "kim-says-script" in p.name)


def test_article_shows_every_hostile_line_literally(hostile_site):
    soup = BeautifulSoup(_article(hostile_site).read_text(encoding="utf-8"), "html.parser")
    assert soup.h1.get_text() == TITLE
    assert soup.title.get_text().startswith(TITLE)
    assert PARAGRAPH in soup.select_one(".update").get_text()
    body = soup.select_one(".article-body")
    assert not body.find("script") and not body.find("a", href=lambda h: h and h.startswith("javascript")) and not body.find("svg")
    assert "{{ config }}" in body.get_text() and "49" not in soup.select_one(".kicker").get_text()
    ld = json.loads(soup.find("script", type="application/ld+json").string)
    assert ld["headline"] == TITLE[:110]
    assert ld["publisher"]["name"].startswith("Evil <img src=x onerror=window.__pwned=2> Wire")


def test_javascript_url_header_is_never_a_link(hostile_site):
    for page in hostile_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not soup.find(href=lambda h: h and h.strip().lower().startswith("javascript")), page
    assert broken_links(hostile_site) == []


def test_feeds_and_search_pieces_hold_the_text_literally(hostile_site):
    feed = ET.parse(hostile_site / "feeds" / "all.atom.xml")
    titles = [t.text for t in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert TITLE in titles
    event_feeds = list((hostile_site / "feeds" / "events").glob("hostile-*.atom.xml"))
    assert event_feeds
    event_title = ET.parse(event_feeds[0]).find("{http://www.w3.org/2005/Atom}title").text
    assert event_title.endswith('Hostile <b>event</b> {{ 7*7 }} "quoted"')
    records = "".join(piece_json(p.read_text(encoding="utf-8")) for p in (hostile_site / "search" / "r").glob("*.js"))
    assert json.dumps(PARAGRAPH, ensure_ascii=False)[1:-1] in records


@pytest.mark.browser
def test_no_script_of_the_dump_runs_in_any_page_or_search(browser, hostile_site):
    with serve(hostile_site) as (base, _):
        page = browser.new_page()
        problems = watch(page)
        pages = ["index.html", "events/index.html", "timeline/index.html", "archives.html", "sources/index.html"]
        pages += [p.relative_to(hostile_site).as_posix() for p in (hostile_site / "articles").glob("*.html")]
        pages += [p.relative_to(hostile_site).as_posix() for p in (hostile_site / "events").glob("hostile-*.html")]
        pages += [p.relative_to(hostile_site).as_posix() for p in (hostile_site / "sources").glob("evil-*.html")]
        for path in pages + ["search.html?q=quotes", "search.html?q=paragraph+comment", "search.html?q=script"]:
            page.goto(f"{base}/{path}")
            if "search.html" in path:
                page.wait_for_function("document.getElementById('search-status').textContent.length > 12")
            assert page.evaluate("window.__pwned") is None, path
        page.goto(f"{base}/search.html?q=paragraph+comment")
        page.wait_for_selector("#search-results li")
        assert "<!-- a comment -->" in page.inner_text("#search-results")
        page.goto(f"{base}/{_article(hostile_site).relative_to(hostile_site).as_posix()}")
        assert page.inner_text("h1") == TITLE
        assert problems == []
        page.close()
