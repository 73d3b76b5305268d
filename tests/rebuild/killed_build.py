"""Build the site with caching on, and kill the whole build (SIGKILL to its process group) at one point.

    python -m tests.rebuild.killed_build POINT CONTENT OUTPUT CACHE

Points: a cache file half written (``events-memo``, ``search-cache``, ``pages-memo``,
``pelican-cache``, its spool ``pelican-cache-spool``, and ``reader-cache`` under Pelican's reader layer), a search piece half written (``search-piece``), and between two caches: after a
the first article page was written (``mid-pages``). Forked helpers (cache writers, the search output)
share the process group, so they die with the build, as they would under ``kill -9`` of a session.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from .. import builds


def die() -> None:
    os.killpg(os.getpgrp(), signal.SIGKILL)


class Dying:
    """A file being written when the build is killed: part of the first write lands (half, or nothing), then SIGKILL."""

    def __init__(self, handle, share: float = 0.5):
        self.handle, self.share = handle, share

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()

    def write(self, data):
        self.handle.write(data[: int(len(data) * self.share)])
        self.handle.flush()
        os.fsync(self.handle.fileno())
        die()

    def __getattr__(self, name):
        return getattr(self.handle, name)


#: point -> does a file of this path, opened for writing, die? (whatever name the code writes it under)
FILES = {
    "events-memo": lambda path: os.path.basename(path).startswith("news_archive.pickle"),
    "search-cache": lambda path: os.path.basename(path).startswith("news_archive-search.marshal"),
    "pages-memo": lambda path: os.path.basename(path).startswith("news_archive-pages.pickle"),
    "timeline-memo": lambda path: os.path.basename(path).startswith("news_archive-timeline.pickle"),
    "pelican-cache": lambda path: os.path.basename(path) == "ArticlesGenerator.stream",  # appending
    "pelican-cache-opened": lambda path: os.path.basename(path) == "ArticlesGenerator.stream",
    "pelican-cache-spool": lambda path: os.path.basename(path).startswith("ArticlesGenerator.stream.partial-"),
    "reader-cache": lambda path: os.path.basename(path).startswith("ArticlesGenerator-Readers"),
    "reader-cache-opened": lambda path: os.path.basename(path).startswith("ArticlesGenerator-Readers"),
    "search-piece": lambda path: path.endswith(".js") and f"{os.sep}search{os.sep}" in path,
}


def sabotage(point: str) -> None:
    import builtins

    from pelican import writers

    if point in FILES:
        real_open = builtins.open

        def open_(file, mode="r", *args, **kwargs):
            handle = real_open(file, mode, *args, **kwargs)
            writing = any(flag in mode for flag in "wax")
            return Dying(handle, 0.0 if point.endswith("-opened") else 0.5) if writing and isinstance(file, (str, os.PathLike)) and FILES[point](os.fspath(file)) else handle

        builtins.open = open_

    if point == "mid-pages":
        real_write_file = writers.Writer.write_file

        def write_file(self, name, *args, **kwargs):
            result = real_write_file(self, name, *args, **kwargs)
            if name.startswith("articles/"):  # the edited article's page is written, its event's not yet
                die()
            return result

        writers.Writer.write_file = write_file


def layer(point: str) -> dict:
    """Pelican's caching layer a point is killed under: the reader layer's own points, else the project's."""
    return {"CONTENT_CACHING_LAYER": "reader"} if point.startswith("reader-") else {}


def main(point: str, content: str, output: str, cache: str) -> None:
    sabotage(point)
    builds.build_site(Path(output), Path(content), CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CACHE_PATH=cache, **layer(point))
    sys.exit(3)  # not killed: the point was never reached


if __name__ == "__main__":
    main(*sys.argv[1:])
