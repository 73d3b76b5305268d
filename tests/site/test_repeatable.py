"""Repeatable: the same content builds byte-identical output, whatever the process, hash seed or file order,
and no build time, random number or absolute path of the build machine appears in it."""

import datetime
import os
import shutil
import socket
import subprocess
import sys
import time

import pytest

from ..conftest import EVENT_FIXTURES, HOSTILE, ROOT, SEEDS


def _content(folder, order):
    dumps = folder / "content" / "dumps"
    dumps.mkdir(parents=True)
    paths = SEEDS + sorted(EVENT_FIXTURES.glob("*.txt")) + [HOSTILE]
    for n, path in enumerate(order(paths)):
        shutil.copy(path, dumps / path.name)
        os.utime(dumps / path.name, (1_000_000_000 + n * 977, 1_000_000_000 + n * 977))
    return folder / "content"


def _build(content, out, seed):
    env = dict(os.environ, PYTHONHASHSEED=str(seed), SITEURL="https://example.org/x")
    subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(out), "-s", str(ROOT / "publishconf.py"), "-q"],
        check=True, cwd=ROOT, env=env, capture_output=True,
    )
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    a = tmp_path_factory.mktemp("a")
    b = tmp_path_factory.mktemp("b")
    first = _build(_content(a, list), a / "out", seed=1)
    time.sleep(1.1)  # a later build, a second apart
    second = _build(_content(b, lambda paths: list(reversed(paths))), b / "out", seed=2)
    return first, second, (a, b)


def test_two_builds_are_byte_identical(builds):
    first, second, _ = builds
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def test_no_trace_of_the_build_machine_or_time(builds):
    first, _, folders = builds
    today = datetime.date.today()
    traces = [str(ROOT), str(folders[0]), os.path.expanduser("~"), socket.gethostname(), today.isoformat(),
              f"{today.strftime('%B')} {today.day}, {today.year}"]
    traces = [t for t in traces if t and len(t) > 3]
    found = [(name, t) for name, data in first.items() for t in traces if t.encode() in data]
    assert found == []
