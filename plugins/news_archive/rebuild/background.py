"""Work handed to a forked process while the build goes on: writing caches the next build reads.

Pelican rewrites its whole content cache once reading is done, and the events memo is final
once events are known; pickling them (seconds at 10,000 dumps) need not hold up the pages.
A job runs in a forked copy of the build, so it sees the data exactly as it is at that moment.
The build waits for its jobs before it ends (``wait``, on ``finalized``); if it fails first,
multiprocessing still waits for them when the interpreter exits, so no cache is left half written.
"""

from __future__ import annotations

import logging
import multiprocessing

logger = logging.getLogger(__name__)

_running: list[tuple[multiprocessing.Process, str]] = []


def run(function, *args, parallel: bool = True) -> None:
    """``function(*args)`` in a forked process when ``parallel`` (and fork exists), else here and now."""
    if not parallel or "fork" not in multiprocessing.get_all_start_methods():
        function(*args)
        return
    process = multiprocessing.get_context("fork").Process(target=function, args=args)  # not a daemon: joined at exit
    process.start()
    _running.append((process, getattr(function, "__qualname__", repr(function))))


def wait() -> None:
    """Every job started so far has finished; a failed one is logged (the next build starts colder)."""
    while _running:
        process, name = _running.pop(0)
        process.join()
        if process.exitcode:
            logger.warning("news_archive: %s failed in the background (exit code %s)", name, process.exitcode)
