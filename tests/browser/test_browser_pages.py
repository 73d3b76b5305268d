"""The pages as a person sees them, in headless Chromium: accessibility, anchors, no JavaScript, no outside requests."""

import pytest

from ..conftest import ROOT
from ..chromium import watch

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AP_ARTICLE = "articles/the-latest-putin-kim-shake-hands-before-start-of-talks.html"
PAGES = [
    "index.html",
    AP_ARTICLE,
    "articles/kim-putin-summit-in-russia-live-updates-leaders-hope-to.html",
    "events/kim-putin-summit-2019-04-25.html",
    "events/index.html",
    "timeline/index.html",
    "archives.html",
    "sources/index.html",
    "search.html?q=Vladivostok",
    "404.html",
]


def _axe(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(browser, site_url, path, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    problems = watch(page)
    page.goto(site_url + path)
    if "search.html" in path:
        page.wait_for_selector("#search-results li")
    assert _axe(page) == []
    assert problems == []
    context.close()


@pytest.mark.parametrize("anchor", ["t-2040", "t-1400", "t-1230"])
def test_opening_an_article_at_an_anchor_shows_that_update(page, site_url, anchor):
    page.goto(f"{site_url}{AP_ARTICLE}#{anchor}")
    box = page.evaluate(f"(() => {{ const r = document.getElementById('{anchor}').getBoundingClientRect(); return [r.top, window.innerHeight]; }})()")
    assert 0 <= box[0] < box[1]
    assert page.evaluate(f"getComputedStyle(document.getElementById('{anchor}')).backgroundColor") != "rgba(0, 0, 0, 0)"  # :target


def test_oldest_first_control_reverses_the_updates(page, site_url):
    page.goto(site_url + AP_ARTICLE)
    ids = lambda: page.eval_on_selector_all(".updates > .update", "els => els.map(e => e.id)")  # noqa: E731
    newest_first = ids()
    button = page.locator(".order-toggle")
    assert button.is_visible() and button.get_attribute("aria-pressed") == "false"
    button.click()
    assert ids() == list(reversed(newest_first))
    assert button.get_attribute("aria-pressed") == "true"


def test_pages_read_well_with_javascript_off(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + AP_ARTICLE)
    assert page.locator(".update").count() == 8
    assert not page.locator(".order-control").is_visible()  # the control needs JavaScript, so it stays hidden
    page.goto(site_url + "events/kim-putin-summit-2019-04-25.html")
    assert page.locator(".event-timeline .timeline-row").count() >= 8
    page.goto(site_url + "search.html")
    assert "needs JavaScript" in page.inner_text("main")
    context.close()


def test_no_request_leaves_the_site(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site_url.split("/news/")[0]) else None)
    for path in PAGES:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert outside == []
    context.close()


@pytest.mark.parametrize("width", [360, 1440])
def test_no_horizontal_scrolling_from_phone_to_wide_screen(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for path in PAGES:
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways at {width}px"
    context.close()


def test_site_opened_from_disk_links_work(browser, built_site):
    _, site = built_site
    page = browser.new_page()
    page.goto((site / "index.html").as_uri())
    page.click("text=Kim\u2013Putin summit")
    assert page.url.endswith("events/kim-putin-summit-2019-04-25.html")
    page.locator(".event-timeline a").first.click()
    assert page.url.endswith("#t-1230")
    page.close()


def test_the_accessibility_check_catches_a_violation(page):
    page.set_content("<html lang='en'><body><main><img src='x.png'><button></button></main></body></html>")
    found = _axe(page)
    assert any(v.startswith("image-alt") for v in found) and any(v.startswith("button-name") for v in found)
