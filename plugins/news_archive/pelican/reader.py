"""The Pelican reader for raw ``.txt`` dumps: calls the pure parser, returns ``("", metadata)`` with the parsed dump."""

from __future__ import annotations

import html
import pickle
import logging
import functools
import os
from time import perf_counter
from collections.abc import Callable
from datetime import datetime, time, timezone

from pelican.readers import BaseReader

from news_archive.events.features import features, interned_features
from news_archive.events.model import Features
from news_archive.parse import dates
from news_archive.parse.anchors import article_slug
from news_archive.rebuild.store import code_fingerprint
from news_archive.parse import DumpError, parse_file
from news_archive.pelican import settings as plugin_settings
from news_archive.workers import Pool, can_fork

#: Dumps per task handed to a parse worker.
PREFETCH_CHUNK = 32

#: Metadata key of the plugin version that parsed a dump (Pelican caches the metadata).
CODE_KEY = "news_archive_code"


def parse_timed(path: str, limit: int | None) -> tuple:
    """``('ok', dump, seconds)`` or ``('error', message, line, seconds)``: a parse as a worker reports it."""
    started = perf_counter()
    try:
        return ("ok", parse_file(path, max_bytes=limit), perf_counter() - started)
    except DumpError as error:
        return ("error", error.message, error.line, perf_counter() - started)


def parse_ahead(path: str, limit: int | None) -> tuple:
    """A worker's task: ``parse_timed``'s result, and the parsed dump's features for the events stage,
    pickled (``None`` for a dump that could not be read, or whose features fail: the events stage makes
    them, and says why, as it would without workers). Made where the dump was parsed, on the other
    core, they spare the events stage, which runs on this one, its largest step (about two fifths of it).

    They stay pickled until the events stage unpacks them all at once (``unpacked_features``): unpacked
    as they came, between the objects Pelican makes while it reads, they left the finished build 5-10
    MB larger at 10,000 dumps (peak RSS 350-352 MB with the features made by the events stage,
    357-363 MB unpacked as they came, 347-356 MB kept pickled)."""
    result = parse_timed(path, limit)
    if result[0] != "ok":
        return result, None
    try:
        return result, pickle.dumps(features(result[1]), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - made again by the events stage, which reports the error
        return result, None


def unpacked_features(packed: bytes) -> Features:
    """A worker's features, with each word this process's one shared string."""
    return interned_features(pickle.loads(packed))


logger = logging.getLogger(__name__)

#: Pelican needs a date on every article; an undated dump carries this until an event dates it.
#: Templates show "date unknown" for it (``article.undated``), never the placeholder itself.
UNDATED = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _stamps(dump) -> list[datetime]:
    return sorted(u.datetime for u in dump.updates if u.datetime and u.datetime.tzinfo)


def article_date(dump, stamps: list[datetime] | None = None) -> datetime | None:
    """The moment an article starts: its first timed update, else the start of its day."""
    stamps = _stamps(dump) if stamps is None else stamps
    if stamps:
        return stamps[0]
    if dump.date:
        return datetime.combine(dump.date, time(), tzinfo=dates.zone_info(dump.timezone) or timezone.utc)
    return None


def article_metadata(dump, process=None) -> dict:
    """Pelican metadata for a dump; ``dump`` itself rides along for templates and generators."""
    stamps = _stamps(dump)
    start = article_date(dump, stamps)
    metadata = {
        "title": html.escape(dump.display_title),  # Pelican's titles are HTML
        "date": start or UNDATED,
        "undated": start is None,
        "slug": article_slug(dump.display_title, dump.slug, dump.name),
        "dump": dump,
        "summary": html.escape(dump.display_dek or (dump.intro or dump.body or (dump.title,))[0].text),
    }
    if len(stamps) > 1:
        metadata["modified"] = stamps[-1]
    if dump.tags and process:
        metadata["tags"] = process("tags", ", ".join(dump.tags))
    return metadata


class DumpReader(BaseReader):
    """Reads ``content/dumps/*.txt``. A dump that cannot be read is named with its line and skipped."""

    enabled = True
    file_extensions = ["txt"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = plugin_settings.options_of(self.settings)
        self.code: str | None = None  # the plugin's code fingerprint, once per build
        self.failures: list[tuple[str, int | None, str]] = []  # (path, line, message), for the build summary
        self.parse_seconds = 0.0  # time spent parsing, for the build's timing line
        self.prefetched = False
        self._pool: Pool | None = None
        #: the dumps Pelican has still to parse (``plugin.prefetch_dumps`` sets it), listed when needed
        self.unread: Callable[[], list[str]] | None = None
        self.first: str | None = None  # the first dump parsed, before any was listed
        #: source path -> the features a worker made of the dump it parsed, pickled (``take_features``)
        self.features: dict = {}

    def prefetch(self, paths: list[str]) -> None:
        """Parse the dumps this build will read on two worker processes, ahead of Pelican asking."""
        self.prefetched = True
        if not self.options["parallel"] or len(paths) < self.options["prefetch_min"] or not can_fork():
            return
        self._pool = Pool(functools.partial(parse_ahead, limit=self.options["max_dump_bytes"]), paths, PREFETCH_CHUNK)

    def _parse(self, source_path: str):
        if not self.prefetched and self.unread is not None:
            if self.first is None:
                self.first = source_path
            else:
                # a second dump to parse: the rest are listed now, not on every build (listing every
                # dump and looking each up in the cache took 2 s of a one-dump rebuild at 100,000 dumps)
                self.prefetch([path for path in self.unread() if path != self.first])
        ahead = self._pool.get(source_path) if self._pool is not None else None
        if ahead is not None:
            result, found = ahead
            if found is not None:
                self.features[source_path] = found
        else:
            result = parse_timed(source_path, self.options["max_dump_bytes"])
        self.parse_seconds += result[-1]
        if result[0] == "error":
            raise DumpError(result[1], result[2])
        return result[1]

    def where(self, source_path: str, line: int | None) -> str:
        """``dumps/x.txt:3``: the path as the user sees it in the content folder."""
        path = os.path.relpath(source_path, self.settings["PATH"])
        return f"{path}:{line}" if line else path

    def read(self, source_path):
        """``("", metadata)``: the metadata carries the parsed dump; the HTML is rendered from it when a
        page asks (``attach_events`` gives every article a lazy ``_get_content``). Pelican's content
        cache then holds each dump once, not its HTML beside it, and a rebuild renders only the pages
        it writes."""
        try:
            dump = self._parse(source_path)
        except DumpError as error:
            self.failures.append((os.path.relpath(source_path, self.settings["PATH"]), error.line, f"error: {error.message}"))
            logger.error(
                "news_archive: %s: %s (the dump is skipped; the rest of the site still builds)",
                self.where(source_path, error.line), error.message,
            )
            raise
        except Exception:
            # Pelican reports only "Could not process" without DEBUG: say what and where ourselves.
            self.failures.append((os.path.relpath(source_path, self.settings["PATH"]), None, "unexpected error (see the log)"))
            logger.exception("news_archive: %s: unexpected error while reading this dump (a bug: please report it with the file)", self.where(source_path, None))
            raise
        # Pelican keys its content cache by the file's stamp only: the code marker lets the plugin
        # drop entries an earlier version of itself parsed (plugin.drop_stale_cache)
        return "", {**article_metadata(dump, self.process_metadata), CODE_KEY: self._code()}

    def take_features(self) -> dict:
        """The features the workers made, by source path, pickled (``unpacked_features``); the reader
        lets go of them."""
        features, self.features = self.features, {}
        return features

    def _code(self) -> str:
        if self.code is None:
            self.code = code_fingerprint()
        return self.code
