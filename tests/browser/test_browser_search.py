"""Search in a real headless Chromium against the built sample archive served on 127.0.0.1 (under a sub-path)."""

import re
import time

import pytest

from ..chromium import serve, watch

pytestmark = pytest.mark.browser


def _results(page):
    page.wait_for_function("document.getElementById('search-status').textContent.match(/match|No updates|cannot be read|Showing/)")
    return page.locator("#search-results > li")


def _in_view(page, anchor):
    return page.evaluate(
        """(id) => { const r = document.getElementById(id).getBoundingClientRect();
                     return r.top >= 0 && r.top < window.innerHeight; }""",
        anchor,
    )


def test_typing_vladivostok_finds_both_sources_and_a_result_lands_on_its_update(page, site_url):
    problems = watch(page)
    page.goto(site_url + "search.html")
    page.fill("#search-q", "Vladivostok")
    results = _results(page)
    metas = results.locator(".result-meta").all_inner_texts()
    assert any("The Western Journal (AP)" in m for m in metas)
    assert any("Unnamed source" in m for m in metas)
    assert results.locator("mark").count() > 0
    assert "q=Vladivostok" in page.url  # the query lives in the URL

    link = results.filter(has_text="12:30 p.m.").first.locator("a").first
    href = link.get_attribute("href")
    anchor = href.split("#", 1)[1]
    assert anchor == "t-1230"
    link.click()
    page.wait_for_url(re.compile(r"#t-1230$"))
    assert "/news/archive/articles/" in page.url
    assert _in_view(page, "t-1230")
    assert problems == []


def test_thursday_finds_the_ap_updates(page, site_url):
    page.goto(site_url + "search.html?q=Thursday")
    results = _results(page)
    hrefs = [results.nth(i).locator("a").first.get_attribute("href") for i in range(results.count())]
    ap = [h for h in hrefs if "the-latest-putin-kim-shake-hands" in h and "#t-" in h]
    assert len(ap) >= 6  # lunr.py's own stemmer would index "thursdai" and find none
    assert page.locator("#search-q").input_value() == "Thursday"  # ?q= restores the search


def test_back_button_restores_the_previous_search(page, site_url):
    page.goto(site_url + "search.html")
    page.fill("#search-q", "Patrushev")
    page.press("#search-q", "Enter")
    first = _results(page).first.inner_text()
    page.fill("#search-q", "Jakarta")
    page.press("#search-q", "Enter")
    page.wait_for_function("location.search.includes('Jakarta')")
    page.go_back()
    page.wait_for_function("document.getElementById('search-q').value === 'Patrushev'")
    assert _results(page).first.inner_text() == first


def test_no_results_and_unreadable_queries_say_so(page, site_url):
    page.goto(site_url + "search.html?q=zzzzqqq")
    _results(page)
    assert "No updates match" in page.inner_text("#search-status")
    page.goto(site_url + "search.html?q=" + "nosuchfield%3Aputin")
    _results(page)
    assert "cannot be read" in page.inner_text("#search-status")


def test_keyboard_slash_focuses_search_and_arrows_walk_the_results(page, site_url):
    page.goto(site_url + "events/index.html")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    page.keyboard.type("Putin")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q=Putin"))
    _results(page)
    page.focus("#search-q")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.getAttribute('href')")
    assert first and second and first != second
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(second.split("#")[-1]) + "$"))


def test_filter_by_source(page, site_url):
    page.goto(site_url + "search.html?q=Putin&source=" + "Unnamed%20source")
    results = _results(page)
    metas = results.locator(".result-meta").all_inner_texts()
    assert metas and all(m.startswith("Unnamed source") for m in metas)
    assert page.locator("#search-filters").get_attribute("open") is not None


def test_a_query_downloads_only_some_pieces(page, server, site_url):
    _, requested = server
    requested.clear()
    page.goto(site_url + "search.html?q=Vladivostok")
    _results(page)
    pieces = [p for p in requested if "/search/" in p and p.endswith(".js") and "lunr" not in p]
    assert any(p.endswith("/search/meta.js") for p in pieces)
    assert any("/search/t/" in p for p in pieces) and any("/search/r/" in p for p in pieces)
    assert not any(p.endswith("facets.js") for p in pieces)  # filters load only when used


def test_the_search_page_shows_itself_before_its_scripts_have_loaded(page, site_url):
    """The search page carries its style sheet and loads its scripts at its end: it is laid out and
    painted while they load (here held back for a second), so the pieces a search asks for do not
    wait for its first layout; the search the address asks for runs once they are there."""

    def slow(route):
        time.sleep(1.0)
        route.continue_()

    page.route("**/lunr.min.js", slow)
    page.add_init_script("""new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') window.paintedAt = entry.startTime;
    }).observe({ type: 'paint', buffered: true });""")
    page.goto(site_url + "search.html?q=Vladivostok")
    assert _results(page).count() > 3
    times = page.evaluate("""() => ({ painted: window.paintedAt,
        lunr: performance.getEntriesByType('resource').find(e => e.name.endsWith('/lunr.min.js')).responseEnd,
        terms: performance.getEntriesByType('resource').filter(e => e.name.includes('/search/t/')).map(e => e.startTime) })""")
    assert times["painted"] < times["lunr"] <= min(times["terms"])
    assert page.locator("style").count() == 1 and page.locator("link[rel=stylesheet]").count() == 0


def test_search_works_at_the_site_root_too(browser, built_site):
    _, site = built_site
    with serve(site) as (base, _):
        page = browser.new_page()
        page.goto(base + "/search.html?q=Vladivostok")
        assert _results(page).count() > 3
        page.close()


def test_search_works_opened_from_disk(browser, built_site):
    _, site = built_site
    page = browser.new_page()
    problems = watch(page)
    page.goto((site / "search.html").as_uri() + "?q=Vladivostok")
    assert _results(page).count() > 3
    href = page.locator("#search-results a").first.get_attribute("href")
    assert href.startswith("file://")
    assert problems == []
    page.close()
