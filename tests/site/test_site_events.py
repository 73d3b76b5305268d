"""Event, timeline and source pages in a real build, with links to update anchors that resolve."""

import shutil

import pytest
from bs4 import BeautifulSoup

from news_archive.pelican.settings import SettingsError

from ..conftest import EVENT_FIXTURES, SEEDS
from ..links import broken_links
from ..builds import build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("site"))


def _soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_event_page_links_every_timeline_entry_to_its_update(site):
    page = site / "events" / "kim-putin-summit-2019-04-25.html"
    soup = _soup(page)
    assert "Kim\u2013Putin summit" in soup.h1.get_text()
    links = [a["href"] for a in soup.select(".timeline a")]
    assert any(h.endswith("the-latest-putin-kim-shake-hands-before-start-of-talks.html#t-1230") for h in links)
    assert any(h.endswith("#h-kim-putin-summit-in-russia-russian") for h in links)
    assert "about 12:30 p.m." in soup.get_text()


def test_every_internal_link_and_anchor_resolves(site):
    assert broken_links(site) == []


def test_raw_dumps_are_copied_byte_for_byte(site):
    for seed in SEEDS:
        assert (site / "dumps" / seed.name).read_bytes() == seed.read_bytes()


def test_event_dates_reach_the_ap_article(site):
    html = (site / "articles" / "the-latest-putin-kim-shake-hands-before-start-of-talks.html").read_text(encoding="utf-8")
    assert 'datetime="2019-04-25T12:30:00+10:00"' in html


def test_timeline_pages_are_paginated(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(EVENT_FIXTURES, content / "dumps")
    for seed in SEEDS:
        shutil.copy(seed, content / "dumps")
    out = build_site(tmp_path / "out", content, NEWS_ARCHIVE={"timeline_per_page": 5})
    pages = sorted((out / "timeline").glob("*.html"))
    assert len(pages) > 2
    for page in pages:
        assert len(_soup(page).select("main li")) <= 5
    assert broken_links(out) == []


def _two_dumps_one_slug(tmp_path):
    content = tmp_path / "content"
    (content / "dumps").mkdir(parents=True)
    text = "Floods close schools\nSchools closed on May 2, 2019 after floods in Jakarta."
    (content / "dumps" / "a.txt").write_text(text, encoding="utf-8")
    (content / "dumps" / "b.txt").write_text(text.replace("closed", "shut"), encoding="utf-8")
    return content


def test_two_dumps_with_one_slug_both_get_pages(tmp_path, expect_warnings):
    out = build_site(tmp_path / "out", _two_dumps_one_slug(tmp_path))
    assert sorted(p.name for p in (out / "articles").glob("*.html")) == ["floods-close-schools-2.html", "floods-close-schools.html"]
    assert any("dumps/b.txt" in r.getMessage() and "floods-close-schools-2" in r.getMessage() for r in expect_warnings.records)


def test_strict_mode_fails_the_build_on_any_problem(tmp_path, expect_warnings):
    with pytest.raises(SettingsError, match="strict mode and 1 problem"):
        build_site(tmp_path / "out", _two_dumps_one_slug(tmp_path), NEWS_ARCHIVE={"strict": True})


def test_unknown_settings_are_refused(tmp_path):
    with pytest.raises(SettingsError, match="unknown NEWS_ARCHIVE keys"):
        build_site(tmp_path / "out", NEWS_ARCHIVE={"timeline_size": 3})


def test_the_theme_takes_every_url_from_the_settings(tmp_path):
    """Pages moved by settings are where every menu, form and script looks for them."""
    placed = {
        "events_url": "coverage/all.html", "timeline_url": "when/index.html", "sources_url": "who/index.html",
        "search": {"path": "find"},
    }
    out = build_site(tmp_path / "out", NEWS_ARCHIVE=placed, SEARCH_SAVE_AS="look.html", ARCHIVES_SAVE_AS="past.html", INDEX_SAVE_AS="home.html")
    for name in ("coverage/all.html", "when/index.html", "who/index.html", "find/meta.js", "find/lunr.min.js", "look.html", "past.html", "home.html"):
        assert (out / name).is_file(), name
    assert not (out / "events" / "index.html").exists() and not (out / "search.html").exists()
    assert broken_links(out) == []
    search = _soup(out / "look.html")
    assert search.select_one("script[data-pieces]")["data-pieces"] == "./find/"
    assert {form["action"] for form in _soup(out / "home.html").select("form[role=search]")} == {"./look.html"}
