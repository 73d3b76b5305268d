"""One build's own state, from Pelican's ``get_generators`` to ``finalized``: its background jobs and
the pause of the cyclic garbage collector.

A build is started by :func:`start` and finished by :func:`finish`. A build that failed before
``finalized`` is finished by the next one's :func:`start` (its jobs waited for, its heap
collected), so nothing one build leaves behind reaches the next.
"""

from __future__ import annotations

import gc

from news_archive.workers import Job, Standby, can_fork

_unfinished: list[Build] = []  # the build running in this process (and any that failed before finishing)


class Build:
    def __init__(self, settings: dict | None = None, options: dict | None = None):
        self.settings = settings  # Pelican's settings of this build
        self.options = options or {"parallel": True}  # its NEWS_ARCHIVE, validated once (pelican/settings.py)
        self.parallel = self.options["parallel"]
        self.jobs: list[Job] = []
        self.paused_gc = False
        self.search: Job | None = None  # the search output, built on the other core while pages are written
        # the process that will build it, forked now while this one is small (workers.Standby)
        search = self.options.get("search", {}).get("enabled", False)
        self.standby: Standby | None = Standby() if search and self.parallel and can_fork() else None
        self.timings: dict[str, float] = {}  # seconds per stage, logged at the end
        self.placed: set[int] = set()  # the articles made in this build whose URL is fixed (context.fix_place), by id
        self.url_wrappers: dict = {}  # (class, name) -> the one author, category or tag of that name (plugin.share_url_wrappers)
        self.file_stamps: dict = {}  # file -> its stamp, taken once in the build (plugin.stamp_each_file_once)

    def in_background(self, function, *args) -> None:
        """``function(*args)`` on another process while the build goes on (a cache writer); the build waits
        for it. This process lets go of the cache as soon as the child has it; a writer that fails is
        reported, and the next build makes what it would have written."""
        self.jobs.append(Job(function, *args, parallel=self.parallel, redo=False))

    def take_standby(self) -> Standby | None:
        standby, self.standby = self.standby, None
        return standby

    def wait(self) -> None:
        if self.standby is not None:  # search off after all, or the build failed before it
            self.take_standby().release()
        if self.search is not None:
            self.search.result()  # a build that failed before its pages were written
            self.search = None
        while self.jobs:
            self.jobs.pop(0).result()

    def pause_gc(self) -> None:
        """No cyclic garbage collection while the build runs (reference counting still frees memory).

        A build holds one large, long-lived heap (every article, its parsed dump, the events) and
        keeps adding to it; the collector would scan all of it again and again. Left as it is when
        someone else turned the collector off.
        """
        if gc.isenabled():
            gc.disable()
            self.paused_gc = True

    def collect_from_here(self) -> None:
        """The collector back on for what is made from now on; the heap built so far stays frozen.

        Rendering a page leaves garbage in reference cycles (Jinja's render context, its closures):
        with the collector paused, every page's stayed to the end of the build, most of what the pages
        stage grew by (about 14 KB per article). Frozen, the heap the build holds is never scanned;
        the collector looks only at objects made after this call, and those that survive its sweeps.
        """
        if self.paused_gc:
            gc.freeze()
            gc.enable()

    def resume_gc(self) -> None:
        """Collection back on, with the build's heap frozen: the process is about to exit or build
        again, and collecting that heap just before exiting costs seconds. The next build collects it."""
        if self.paused_gc:
            self.paused_gc = False
            gc.freeze()
            gc.enable()


def start(settings: dict | None = None, options: dict | None = None) -> Build:
    for stale in list(_unfinished):  # a build that failed before finishing
        finish(stale)
    if gc.get_freeze_count():
        gc.unfreeze()  # the heap an earlier build left
        gc.collect()
    build = Build(settings, options)
    _unfinished.append(build)
    build.pause_gc()
    return build


def current() -> Build | None:
    return _unfinished[-1] if _unfinished else None


def finish(build: Build | None) -> None:
    if build is None:
        return
    try:
        build.wait()
    finally:
        if build in _unfinished:
            _unfinished.remove(build)
        build.resume_gc()
