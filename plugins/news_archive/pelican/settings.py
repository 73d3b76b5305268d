"""The plugin's one setting, ``NEWS_ARCHIVE``: a dict merged over these defaults, validated once."""

from __future__ import annotations

import copy

from news_archive.events import EventOptions
from news_archive.parse import MAX_DUMP_BYTES
from news_archive.pelican import build as builds
from news_archive.search.pieces import DEFAULT_CHUNK_BYTES, DEFAULT_RECORD_BUCKET

DEFAULTS = {
    "event_url": "events/{slug}.html",
    "events_url": "events/index.html",
    "timeline_url": "timeline/index.html",
    "timeline_page_url": "timeline/page-{number}.html",
    "timeline_per_page": 100,  # entries per site-wide timeline page
    "source_url": "sources/{slug}.html",
    "sources_url": "sources/index.html",
    "dump_url": "{path}",  # the raw dump, copied for provenance ({path}: its path in the content folder)
    "event_feed_url": "feeds/events/{slug}.atom.xml",
    "strict": False,  # any problem in any dump fails the build (for CI)
    "parallel": True,  # use a second core: parse ahead of Pelican, build search while pages are written
    "max_dump_bytes": MAX_DUMP_BYTES,  # larger dumps are refused with a message (None: no limit)
    "prefetch_min": 64,  # parse ahead on two worker processes when a build reads at least this many dumps
    "events": {},  # EventOptions overrides, e.g. {"window_days": 2}
    "search": {},  # see SEARCH_DEFAULTS
}

SEARCH_DEFAULTS = {
    "enabled": True,
    "path": "search",  # where the index pieces, facets and lunr.js go in the output
    "chunk_bytes": DEFAULT_CHUNK_BYTES,  # target size of a term chunk
    "bucket": DEFAULT_RECORD_BUCKET,  # records per record file
    "lunr_js": "node_modules/lunr/lunr.min.js",  # from npm (package.json); relative to the project
    "compress": True,  # pieces gzipped and written in base64 (about a third of the bytes); the browser inflates them
    "monolithic": False,  # also write index.json, one lunr index of everything (benchmarks)
}


class SettingsError(ValueError):
    pass


def options_of(settings: dict) -> dict:
    """The validated options of the build running with these settings (validated when it started),
    else validated now."""
    build = builds.current()
    return build.options if build is not None and build.settings is settings else load(settings)


def load(settings: dict) -> dict:
    """The user's ``NEWS_ARCHIVE`` merged over the defaults; their dict is copied, never changed."""
    given = copy.deepcopy(settings.get("NEWS_ARCHIVE") or {})
    unknown = sorted(set(given) - set(DEFAULTS))
    if unknown:
        raise SettingsError(f"news_archive: unknown NEWS_ARCHIVE keys {unknown}; known keys: {sorted(DEFAULTS)}")
    merged = {**copy.deepcopy(DEFAULTS), **given}
    for key in ("timeline_per_page", "prefetch_min"):
        if not isinstance(merged[key], int) or merged[key] < 1:
            raise SettingsError(f"news_archive: NEWS_ARCHIVE[{key!r}] must be a positive integer")
    unknown = sorted(set(merged["search"]) - set(SEARCH_DEFAULTS))
    if unknown:
        raise SettingsError(f"news_archive: unknown NEWS_ARCHIVE['search'] keys {unknown}; known keys: {sorted(SEARCH_DEFAULTS)}")
    merged["search"] = {**SEARCH_DEFAULTS, **merged["search"]}
    try:
        merged["events"] = EventOptions.from_settings(merged["events"])
    except (TypeError, ValueError) as error:
        raise SettingsError(f"news_archive: NEWS_ARCHIVE['events']: {error}") from None
    return merged
