"""Pelican glue: connect the reader and the generators. Named functions only (blinker keeps weak refs)."""

from __future__ import annotations

from pelican import signals

from .generators import attach_events, get_generators
from .reader import DumpReader


def add_reader(readers):
    for extension in DumpReader.file_extensions:
        readers.reader_classes[extension] = DumpReader


def register():
    signals.readers_init.connect(add_reader)
    signals.article_generator_pretaxonomy.connect(attach_events)
    signals.get_generators.connect(get_generators)
