"""Work on other processes: the one way the build uses its second core.

Everything runs in forked copies of the build (they see its data as it is at that moment), in
three shapes:

- :class:`Pool`: chunks of work on two worker processes, each result read when it is asked for
  (the parse prefetch);
- :class:`Job`: one call in a forked child while the caller goes on; :meth:`Job.result` waits
  (the cache writers);
- :class:`Standby`: a :class:`Job` whose child is forked early, while the build is small, and handed
  its call later with the call's data pickled (the search index: it does not share, and so copy, the
  heap the build grew in between).

One error policy for all three: **work whose child fails is done again in this process**, with a
warning that names it; if it fails here too, its error is raised as it would be without workers.
So a worker never loses work, and the result never depends on whether a second core was used.
Without ``fork`` (or with ``parallel`` off), everything runs here and now.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

logger = logging.getLogger(__name__)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _name(function) -> str:
    return getattr(function, "__qualname__", None) or repr(function)


def _failed(function, detail) -> None:
    logger.warning("news_archive: %s failed on another process (%s); doing it here", _name(function), detail)


def serial_map(function: Callable, items: list) -> list:
    return [function(item) for item in items]


class Job:
    """``function(*args)`` in a forked child; :meth:`result` waits for its return value.

    The child is not a daemon (a child that writes a cache must finish), and a job nobody waits
    for is still joined when the interpreter exits. A job whose child fails is done again here;
    with ``redo=False`` (a cache writer) it is only reported, and this process drops the function
    and its arguments as soon as the child has them.
    """

    def __init__(self, function: Callable, *args, parallel: bool = True, redo: bool = True):
        self.function, self.args, self.redo = function, args, redo
        self.name = _name(function)
        self.done, self.value, self.process = False, None, None
        if not (parallel and can_fork()):
            self.value, self.done = function(*args), True
            return
        self.receive, send = multiprocessing.Pipe(duplex=False)
        self.process = multiprocessing.get_context("fork").Process(target=self._child, args=(send,))
        self.process.start()
        send.close()
        if not redo:
            # the child has its own copy: this process lets go of what it would only need to redo the
            # work (a cache writer holds the whole cache)
            self.function, self.args = None, ()

    def _child(self, send) -> None:
        try:
            send.send(("ok", self.function(*self.args)))
        except BaseException as error:  # noqa: BLE001 - reported to the parent, which does the work again
            send.send(("error", repr(error)))
        finally:
            send.close()

    def result(self):
        if self.done:
            return self.value
        try:
            status, value = self.receive.recv()
        except (EOFError, OSError):
            status, value = "error", "it ended without a result"
        self.process.join()
        self.receive.close()
        if status != "ok" or self.process.exitcode:
            detail = value if status != "ok" else f"exit code {self.process.exitcode}"
            if not self.redo:
                logger.warning("news_archive: %s failed on another process (%s); not done here: the next build "
                               "makes what it would have written", self.name, detail)
                self.value, self.done = None, True
                return None
            _failed(self.function, detail)
            value = self.function(*self.args)
        self.value, self.done = value, True
        return value


class Pool:
    """Chunks of ``function(item)`` on two forked worker processes, each result taken by its item.

    ``get(item)`` returns the item's result, or ``None`` when it was never submitted; a chunk whose
    worker failed is done again here.
    """

    def __init__(self, function: Callable, items: list, chunk: int):
        self.function = function
        self.pending: dict = {}
        self.executor = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork"))
        for start in range(0, len(items), chunk):
            part = items[start : start + chunk]
            try:
                future = self.executor.submit(serial_map, function, part)
            except Exception as error:  # noqa: BLE001 - a worker died already (the pool is broken): done here when asked
                future = Future()
                future.set_exception(error)
            for position, item in enumerate(part):
                self.pending[item] = (future, position, part)

    def get(self, item):
        entry = self.pending.pop(item, None)
        if entry is None:
            return None
        future, position, part = entry
        try:
            value = future.result()[position]
        except Exception as error:  # noqa: BLE001 - the same policy as a Job: done again here
            _failed(self.function, repr(error))
            value = self.function(part[position])
        if not self.pending:
            self.close()
        return value

    def close(self) -> None:
        self.pending.clear()
        self.executor.shutdown(wait=False, cancel_futures=True)


def _standby(calls, results, parent_ends) -> None:
    for end in parent_ends:  # else a build that dies leaves this child waiting for ever
        end.close()
    try:
        call = calls.recv()
    except (EOFError, OSError):
        call = None
    calls.close()
    if call is not None:
        function, args = call
        try:
            results.send(("ok", function(*args)))
        except BaseException as error:  # noqa: BLE001 - reported to the parent, which does the work again
            results.send(("error", repr(error)))
    results.close()


class Standby(Job):
    """A child forked now, while this process is small, that waits for one call (:meth:`hand`).

    A child forked late shares the heap this process grew in between, page by page: every page
    either process then writes to (a reference count is a write) is copied, so it soon holds a copy
    of what the build holds. A standby child has only what it was handed, pickled. Its
    :meth:`~Job.result` is a Job's, and a call that fails there is done again here with the
    arguments :meth:`hand` was given for that. A standby never handed a call exits on :meth:`release`.
    """

    def __init__(self):
        self.name, self.redo, self.done, self.value = "standby", True, False, None
        self.function, self.args, self.handed = None, (), False
        calls, self.calls = multiprocessing.Pipe(duplex=False)
        self.receive, results = multiprocessing.Pipe(duplex=False)
        self.process = multiprocessing.get_context("fork").Process(target=_standby, args=(calls, results, (self.calls, self.receive)))
        self.process.start()
        calls.close()
        results.close()

    def hand(self, function: Callable, args: tuple, here: Callable, here_args: tuple) -> Standby:
        """``function(*args)`` in the child (its arguments small: what it reads, it reads from disk);
        if it fails there, ``here(*here_args)`` in this process."""
        self.name, self.function, self.args, self.handed = _name(function), here, here_args, True
        try:
            self.calls.send((function, args))
        except OSError as error:  # the child is gone: result() reports it and does the work here
            logger.debug("news_archive: standby process gone: %r", error)
        self.calls.close()
        return self

    def release(self) -> None:
        """The child, never handed a call, exits."""
        if self.handed or self.done:
            return
        self.done = True
        try:
            self.calls.send(None)
        except OSError:
            pass
        self.calls.close()
        self.process.join()
        self.receive.close()
