"""One way to run work elsewhere: results in order, and work whose child fails is done again here."""

import os

import pytest

from news_archive import workers


def square(x):
    return x * x


def test_a_job_returns_its_value_and_runs_here_when_not_parallel():
    assert workers.Job(square, 7).result() == 49
    job = workers.Job(square, 8, parallel=False)
    assert job.done and job.result() == 64


def _dies_in_a_child(parent, x):
    if os.getpid() != parent:
        os._exit(9)  # the worker process dies without a word
    return x + 1


def _raises_in_a_child(parent, x):
    if os.getpid() != parent:
        raise RuntimeError("only in the child")
    return x + 1


@pytest.mark.parametrize("failing", [_dies_in_a_child, _raises_in_a_child])
def test_work_whose_child_fails_is_done_again_here_with_a_warning(expect_warnings, failing):
    parent = os.getpid()
    assert workers.Job(failing, parent, 1).result() == 2
    warned = [r.getMessage() for r in expect_warnings.records if r.name == "news_archive.workers"]
    assert len(warned) == 1 and all("doing it here" in m for m in warned)


def test_a_pool_chunk_whose_worker_fails_is_done_again_here(expect_warnings):
    import functools

    parent = os.getpid()
    pool = workers.Pool(functools.partial(_dies_in_a_child, parent), [1, 2, 3], chunk=2)
    assert [pool.get(x) for x in (1, 2, 3)] == [2, 3, 4]
    assert pool.get(99) is None
    assert any("doing it here" in r.getMessage() for r in expect_warnings.records)


def test_a_chunk_the_pool_refuses_because_a_worker_died_already_is_done_here(expect_warnings, monkeypatch):
    """A worker that dies at once breaks the pool before the next chunk is handed over (a machine under
    load): that chunk is done here too, not lost with an error from the pool."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    submit, calls = ProcessPoolExecutor.submit, []

    def breaking(self, *args):
        calls.append(args)
        if len(calls) > 1:
            raise BrokenProcessPool("a child process terminated abruptly")
        return submit(self, *args)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", breaking)
    pool = workers.Pool(square, [1, 2, 3], chunk=2)
    assert [pool.get(x) for x in (1, 2, 3)] == [1, 4, 9] and len(calls) == 2
    assert any("doing it here" in r.getMessage() and "BrokenProcessPool" in r.getMessage() for r in expect_warnings.records)


def test_a_background_writer_that_fails_is_reported_not_redone_and_its_arguments_are_let_go(expect_warnings):
    parent = os.getpid()
    cache = {"big": list(range(1000))}
    job = workers.Job(_raises_in_a_child, parent, cache, redo=False)
    assert job.args == () and job.function is None  # the child has its own copy
    assert job.result() is None
    warned = [r.getMessage() for r in expect_warnings.records if r.name == "news_archive.workers"]
    assert len(warned) == 1 and "not done here" in warned[0] and "_raises_in_a_child" in warned[0]
    # a writer that works returns its value as any job does
    assert workers.Job(square, 9, redo=False).result() == 81


_LATER = []  # filled after a standby process was forked


def _sees_later(x):
    return os.getpid(), len(_LATER), x * 2


def test_a_standby_process_was_forked_before_and_does_its_call_there():
    standby = workers.Standby()
    _LATER.extend(range(5))  # this process grows after the fork: the standby never sees it
    try:
        pid, seen, value = standby.hand(_sees_later, (21,), square, (3,)).result()
    finally:
        _LATER.clear()
    assert pid != os.getpid() and seen == 0 and value == 42


def test_a_standby_whose_call_fails_does_it_here_and_one_never_handed_exits(expect_warnings):
    parent = os.getpid()
    standby = workers.Standby()
    assert standby.hand(_raises_in_a_child, (parent, 1), square, (5,)).result() == 25
    warned = [r.getMessage() for r in expect_warnings.records if r.name == "news_archive.workers"]
    assert len(warned) == 1 and "doing it here" in warned[0] and "square" in warned[0]
    idle = workers.Standby()
    idle.release()
    assert idle.process.exitcode == 0 and idle.done
    idle.release()  # twice is harmless


def test_a_standby_whose_build_dies_before_handing_it_a_call_exits(tmp_path):
    import subprocess
    import sys
    import time

    noted = tmp_path / "pid"
    script = f"import os; from news_archive import workers; s = workers.Standby(); open({str(noted)!r}, 'w').write(str(s.process.pid)); os._exit(3)"
    done = subprocess.run([sys.executable, "-c", script], stdout=subprocess.DEVNULL, timeout=60,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert done.returncode == 3
    pid = int(noted.read_text())
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as handle:
                if handle.read().split(")")[-1].split()[0] == "Z":
                    break
        except FileNotFoundError:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, 9)
        raise AssertionError("the standby process outlived its build")
