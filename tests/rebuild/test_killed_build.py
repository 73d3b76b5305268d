"""A build killed at any moment (SIGKILL while a cache or a page is being written) leaves the next
build correct: byte-identical to a full build of the same content."""

import os
import shutil
import subprocess
import sys

import pytest

from ..builds import build_site
from ..conftest import EVENT_FIXTURES, ROOT, SEEDS
from .killed_build import layer
from .test_incremental import _tree

EDITED = "003_c36d33699a53380b.txt"
POINTS = ["events-memo", "pelican-cache", "pelican-cache-opened", "pelican-cache-spool", "reader-cache", "reader-cache-opened", "search-cache", "search-piece", "mid-pages", "pages-memo", "timeline-memo"]


def _cached(tmp_path, point):
    return {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path / "cache"), **layer(point)}


def _edit(content, old, new):
    path = content / "dumps" / EDITED
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("revert", [False, True], ids=["edit-kept", "edit-reverted"])
@pytest.mark.parametrize("point", POINTS)
def test_a_build_killed_mid_write_leaves_the_next_build_equal_to_a_full_build(tmp_path, point, revert):
    content = tmp_path / "content"
    (content / "dumps").mkdir(parents=True)
    for path in SEEDS + sorted(EVENT_FIXTURES.glob("*.txt")):
        shutil.copy(path, content / "dumps")
    out = tmp_path / "out"
    build_site(out, content, **_cached(tmp_path, point))  # the last complete build
    _edit(content, "Patrushev responded", "Patrushev replied")
    killed = subprocess.run(
        [sys.executable, "-m", "tests.rebuild.killed_build", point, str(content), str(out), str(tmp_path / "cache")],
        cwd=ROOT, start_new_session=True, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "plugins"), str(ROOT), os.environ.get("PYTHONPATH")]))},
    )
    assert killed.returncode == -9, f"the build was not killed at {point}: {killed.returncode}\n{killed.stderr[-2000:]}"
    if revert:  # the next build asks for what the last complete build wrote: nothing half written may pass as it
        _edit(content, "Patrushev replied", "Patrushev responded")
    build_site(out, content, **_cached(tmp_path, point))
    assert not [p.name for p in (tmp_path / "cache").iterdir() if ".partial-" in p.name]  # swept
    full = build_site(tmp_path / "full", content)
    after, clean = _tree(out), _tree(full)
    assert sorted(after) == sorted(clean)
    assert [name for name in clean if after[name] != clean[name]] == []
