"""Pelican glue: connect the reader and the generators. Named functions only (blinker keeps weak refs)."""

from __future__ import annotations

import os

from pelican import signals

from .generators import attach_events, get_generators
from .reader import DumpReader


def add_reader(readers):
    for extension in DumpReader.file_extensions:
        readers.reader_classes[extension] = DumpReader


def prefetch_dumps(generator):
    """On the first dump Pelican reads, hand every dump it will read to the reader's workers."""
    reader = generator.readers.readers.get("txt")
    if not isinstance(reader, DumpReader) or reader.prefetched:
        return
    if not (generator.settings.get("NEWS_ARCHIVE") or {}).get("parallel", True):
        reader.prefetched = True
        return
    files = generator.get_files(generator.settings["ARTICLE_PATHS"], exclude=generator.settings["ARTICLE_EXCLUDES"])
    paths = [os.path.abspath(os.path.join(generator.path, f)) for f in files if f.endswith(".txt")]
    # only what Pelican will really read: its content cache serves the rest
    reader.prefetch([p for p in paths if generator.readers.get_cached_data(p, (None, None))[0] is None])


def register():
    signals.readers_init.connect(add_reader)
    signals.article_generator_preread.connect(prefetch_dumps)
    signals.article_generator_pretaxonomy.connect(attach_events)
    signals.get_generators.connect(get_generators)
