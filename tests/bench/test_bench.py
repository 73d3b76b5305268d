"""`make bench` runs: a small archive through every measurement (the figures themselves are not asserted)."""

import json

import pytest

from tools import bench

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_bench_measures_everything_on_a_small_archive(tmp_path):
    result = bench.bench(40, tmp_path)
    for build in ("baseline", "full", "rebuild"):
        assert result[build]["seconds"] > 0 and result[build]["peak_mb"] > 0
        assert 0 < result[build]["peak_pss_mb"] <= result[build]["peak_mb"]  # PSS counts shared pages once
    assert {"parse", "events", "pages", "search"} <= set(result["full"]["stages"])
    assert result["size"]["search_mb"] > 0 and result["size"]["monolithic_index_mb"] > 0
    assert len(result["search"]) == 6
    for row in result["search"]:
        assert row["split"]["index_kb"] > 0 and row["monolithic"]["index_kb"] > 0
        assert row["engine"]["index_kb"] > 0 and row["engine"]["first_result_ms"] > 0  # our index in a bare page
        # the first page of results comes with or after the first result
        assert row["split"]["first_page_ms"] >= row["split"]["first_result_ms"] > 0
        assert row["same_ranking"], row
        if result["pagefind"] is not None:  # installed by `make bench` (tools/benchdeps), not by `make test`
            assert row["pagefind"]["index_kb"] > 0
            # Pagefind's own UI page, page against page: its first page (all it counts, up to 20) after its first result
            assert row["pagefind_ui"]["first_page_ms"] >= row["pagefind_ui"]["first_result_ms"] > 0
            assert row["pagefind_ui"]["index_kb"] > row["pagefind"]["index_kb"]  # its UI's script and style too
    text = bench.table([result])
    assert "full / baseline" in text and "rebuild / full" in text and "RSS / PSS" in text and "ours / Pagefind" in text and "our engine" in text \
        and "Pagefind's UI page" in text
    json.dumps(result)
