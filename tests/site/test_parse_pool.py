"""The parse prefetch: dumps parsed on two worker processes give the site a serial parse gives."""

import shutil

from news_archive.pelican import reader as reader_module

from ..builds import build_site
from ..conftest import EVENT_FIXTURES, SEEDS
from ..rebuild.test_incremental import _tree


def test_a_build_that_parses_on_the_pool_writes_the_same_site(tmp_path, monkeypatch, expect_warnings):
    content = tmp_path / "content"
    (content / "dumps").mkdir(parents=True)
    paths = SEEDS + sorted(EVENT_FIXTURES.glob("*.txt"))
    for path in paths:
        shutil.copy(path, content / "dumps")
    (content / "dumps" / "empty.txt").write_text("\n", encoding="utf-8")  # an error travels back from a worker too
    pools = []

    class CountingPool(reader_module.Pool):
        def __init__(self, function, items, chunk):
            super().__init__(function, items, chunk)
            pools.append(len(items))

    monkeypatch.setattr(reader_module, "Pool", CountingPool)
    monkeypatch.setattr(reader_module, "PREFETCH_CHUNK", 2)  # several tasks, on both workers
    pooled = build_site(tmp_path / "pooled", content, NEWS_ARCHIVE={"prefetch_min": 1})
    assert pools == [len(paths) + 1]
    serial = build_site(tmp_path / "serial", content, NEWS_ARCHIVE={"parallel": False})
    assert _tree(pooled) == _tree(serial)
