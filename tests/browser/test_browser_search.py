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


def test_a_first_page_asks_for_its_first_results_record_file_alone(browser, tmp_path):
    """The first result's record file is asked for alone; the others' once it is there (their requests
    and scripts would share its round on a busy page). Two records a file, so that a first page spans
    several."""
    from ..builds import build_site

    site = build_site(tmp_path / "site", NEWS_ARCHIVE={"search": {"bucket": 2}})
    with serve(site) as (base, _):
        page = browser.new_page()
        page.goto(base + "/search.html?q=Thursday")
        assert _results(page).count() > 6
        files = page.evaluate("""() => performance.getEntriesByType('resource').filter(e => e.name.includes('/search/r/'))
            .map(e => [e.startTime, e.responseEnd]).sort((a, b) => a[0] - b[0])""")
        page.close()
    assert len(files) >= 3
    first, rest = files[0], files[1:]
    assert all(start >= first[1] for start, _ in rest), files


def test_the_search_page_asks_for_nothing_but_its_manifest_before_its_search(page, server, site_url):
    """The search page carries its style sheet and its scripts (lunr.js too): it asks for no script
    file, only for the index's manifest, from its head. Held back here for a second, the manifest
    arrives after the page is painted and its scripts have run; the search then asks for its pieces."""
    _, requested = server

    def slow(route):
        time.sleep(1.0)
        route.continue_()

    page.route("**/search/meta.js", slow)
    page.add_init_script("""new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') window.paintedAt = entry.startTime;
    }).observe({ type: 'paint', buffered: true });""")
    requested.clear()
    page.goto(site_url + "search.html?q=Vladivostok")
    assert _results(page).count() > 3
    times = page.evaluate("""() => ({ painted: window.paintedAt,
        meta: performance.getEntriesByType('resource').find(e => e.name.endsWith('/search/meta.js')).responseEnd,
        terms: performance.getEntriesByType('resource').filter(e => e.name.includes('/search/t/')).map(e => e.startTime) })""")
    assert times["painted"] < times["meta"] <= min(times["terms"])
    assert not [p for p in requested if p.endswith(".js") and ("lunr" in p or "/js/search-" in p)]
    assert len([p for p in requested if p.endswith("/search/meta.js")]) == 1  # waited for, not asked again
    assert page.locator("style").count() == 1 and page.locator("link[rel=stylesheet]").count() == 0


def test_a_manifest_that_cannot_load_says_so(page, site_url):
    page.route("**/search/meta.js", lambda route: route.abort())
    page.goto(site_url + "search.html?q=Vladivostok")
    page.wait_for_function("/failed/.test(document.getElementById('search-status').textContent)")
    assert "could not load the search index (meta)" in page.inner_text("#search-status")


def test_the_filters_are_made_when_first_opened(page, server, site_url):
    _, requested = server
    page.goto(site_url + "search.html?q=Putin")
    _results(page)
    assert page.locator("#filter-source").count() == 0  # not made until wanted
    requested.clear()
    page.click("#search-filters summary")
    page.wait_for_function("document.querySelectorAll('#filter-source option').length > 1")
    assert any(p.endswith("/search/facets.js") for p in requested)
    source = page.eval_on_selector_all("#filter-source option", "os => os.map(o => o.value).filter(Boolean)")[0]
    page.select_option("#filter-source", source)
    page.wait_for_function("location.search.includes('source=')")
    results = _results(page)
    metas = results.locator(".result-meta").all_inner_texts()
    assert metas and all(m.startswith(source) for m in metas)


def test_a_site_built_without_lunr_js_says_search_cannot_start(browser, tmp_path, expect_warnings):
    from ..builds import build_site

    site = build_site(tmp_path / "site", NEWS_ARCHIVE={"search": {"lunr_js": "node_modules/no-such/lunr.min.js"}})
    assert not (site / "search" / "lunr.min.js").exists()
    assert any("lunr.js not found" in r.getMessage() for r in expect_warnings.records)
    with serve(site) as (base, _):
        page = browser.new_page()
        page.goto(base + "/search.html?q=Vladivostok")
        page.wait_for_function("document.getElementById('search-status').textContent.length > 0")
        assert "lunr.js is missing" in page.inner_text("#search-status")
        page.close()


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
