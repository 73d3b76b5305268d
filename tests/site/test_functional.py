"""The whole sample archive, byte for byte against tests/site/expected/ (regenerate on purpose: `make expected`)."""

import difflib
import filecmp

import pytest

from ..conftest import ROOT, SEEDS
from .expected import EXPECTED, build, carried, comparable, compared_files
from ..links import broken_links


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    return build(tmp_path_factory.mktemp("published") / "site")


def test_output_matches_the_stored_expected_output(published):
    expected = compared_files(EXPECTED)
    actual = compared_files(published)
    assert actual == expected, "files differ; if intended, run `make expected` and review the diff"
    for name in expected:
        want, got = (EXPECTED / name).read_bytes(), comparable((published / name).read_bytes())
        if want != got:
            diff = difflib.unified_diff(
                want.decode("utf-8", "replace").splitlines(), got.decode("utf-8", "replace").splitlines(),
                f"expected/{name}", f"built/{name}", lineterm="", n=2,
            )
            pytest.fail(f"{name} differs (run `make expected` if intended):\n" + "\n".join(list(diff)[:60]))


def test_copied_files_are_exact_copies(published):
    assert (published / "search" / "lunr.min.js").read_bytes() == (ROOT / "node_modules" / "lunr" / "lunr.min.js").read_bytes()
    for path in (ROOT / "theme" / "static").rglob("*"):
        if path.is_file():
            assert filecmp.cmp(path, published / "theme" / path.relative_to(ROOT / "theme" / "static"), shallow=False)
    for seed in SEEDS:
        assert (published / "dumps" / seed.name).read_bytes() == seed.read_bytes()


def test_the_search_page_carries_lunr_js_and_its_scripts_exactly(published):
    sources = {"lunr.min.js": ROOT / "node_modules" / "lunr" / "lunr.min.js",
               "js/search-index.js": ROOT / "theme" / "static" / "js" / "search-index.js",
               "js/search-ui.js": ROOT / "theme" / "static" / "js" / "search-ui.js",
               "js/site.js": ROOT / "theme" / "static" / "js" / "site.js"}
    texts = carried((published / "search.html").read_bytes())
    assert sorted(texts) == sorted(sources)
    for name, path in sources.items():
        assert texts[name] == path.read_bytes(), name


def test_published_site_links_resolve_and_feeds_exist(published):
    assert broken_links(published) == []
    assert (published / "feeds" / "all.atom.xml").exists()
    assert (published / "feeds" / "events" / "kim-putin-summit-2019-04-25.atom.xml").exists()
    html = (published / "articles" / "the-latest-putin-kim-shake-hands-before-start-of-talks.html").read_text(encoding="utf-8")
    assert '"url": "https://example.org/news-archive/articles/the-latest-putin-kim-shake-hands-before-start-of-talks.html#t-1230"' in html
