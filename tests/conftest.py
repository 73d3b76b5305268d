"""Shared helpers: where the seeds and fixtures are, and a subset comparison for expected parses."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "content" / "dumps").glob("*.txt"))
PARSE_FIXTURES = ROOT / "tests" / "parse" / "fixtures"  # one dump per parsing rule, with its expected parse
EVENT_FIXTURES = ROOT / "tests" / "events" / "fixtures"  # dumps of events across sources
HOSTILE = ROOT / "tests" / "browser" / "fixtures" / "hostile_text.txt"
ALL_FIXTURE_DUMPS = sorted(PARSE_FIXTURES.glob("*.txt")) + sorted(EVENT_FIXTURES.glob("*.txt")) + [HOSTILE]
AP_SEED = ROOT / "content" / "dumps" / "003_c36d33699a53380b.txt"
LIVE_SEED = ROOT / "content" / "dumps" / "000_e4cb1ea91cb5d769.txt"


def assert_subset(expected, actual, path="$"):
    """Every key of ``expected`` is in ``actual`` with an equal (or, for dicts, subset) value.

    Lists must have the same length; their items are compared pairwise.
    """
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected an object, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{path}: missing key {key!r}"
            assert_subset(value, actual[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{path}: expected a list, got {actual!r}"
        assert len(expected) == len(actual), f"{path}: expected {len(expected)} items, got {len(actual)}: {actual!r}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            assert_subset(e, a, f"{path}[{i}]")
    else:
        assert expected == actual, f"{path}: expected {expected!r}, got {actual!r}"


@pytest.fixture(autouse=True)
def our_warnings_are_errors(caplog):
    """Our own warnings are errors in the test suite (STYLE.md habit 9), unless a test expects them."""
    caplog.set_level(logging.WARNING, logger="news_archive")
    yield
    if getattr(caplog, "expect_warnings", False):
        return
    ours = [r for r in caplog.get_records("call") if r.name.startswith("news_archive") and r.levelno >= logging.WARNING]
    assert not ours, "unexpected news_archive warnings: " + "; ".join(r.getMessage() for r in ours)


@pytest.fixture
def expect_warnings(caplog):
    caplog.expect_warnings = True
    return caplog


# --- the built sample archive, served, and a browser ----------------------------------------------


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The sample archive built once with the project's pelicanconf.py, placed at a root and under a sub-path."""
    from .builds import build_site

    root = tmp_path_factory.mktemp("served")
    site = build_site(root / "news" / "archive")
    return root, site


@pytest.fixture(scope="session")
def server(built_site):
    from .chromium import serve

    root, _ = built_site
    with serve(root) as (base, requested):
        yield base, requested


@pytest.fixture(scope="session")
def site_url(server):
    """The archive served under a sub-path, as a project page on a static host would be."""
    base, _ = server
    return base + "/news/archive/"


@pytest.fixture(scope="session")
def browser():
    pytest.importorskip("playwright")
    from playwright.sync_api import sync_playwright

    from .chromium import launch

    with sync_playwright() as playwright:
        instance = launch(playwright)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
