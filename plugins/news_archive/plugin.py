"""Pelican glue: connect the reader and the generators. Named functions only (blinker keeps weak refs)."""

from __future__ import annotations

import gc
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


#: The build (its shared context, by id) that paused the collector; None when none has.
_paused_by: dict[str, int | None] = {"context": None}


def pause_gc(generator):
    """No cyclic garbage collection while Pelican builds (reference counting still frees memory).

    A build holds one large, long-lived heap (every article, its parsed dump, the events)
    and keeps adding to it; Python's collector would scan all of it again and again:
    measured at 10,000 dumps, a fifth of a rebuild. Connected to ``generator_init``, so it
    runs at the start of every build (``pelican --autoreload`` builds again in one process).
    The heap an earlier build left, frozen when it finished or not when it failed, is
    collected first.
    """
    build = id(generator.context)  # every generator of one build shares the context
    if _paused_by["context"] == build:
        return
    if _paused_by["context"] is None and not gc.isenabled():
        return  # turned off by someone else: theirs to manage
    if gc.get_freeze_count() or _paused_by["context"] is not None:
        gc.unfreeze()
        gc.collect()
    gc.disable()
    _paused_by["context"] = build


def resume_gc(pelican):
    """Collection back on, with the build's heap frozen: the process is about to exit or build again.

    A finished build leaves its articles, generators and context as one large cycle; the
    interpreter would spend seconds collecting it just before exiting (2.5 s at 10,000 dumps).
    Frozen, it is left to the operating system, or collected by the next build's ``pause_gc``.
    """
    if _paused_by["context"] is None:
        return
    _paused_by["context"] = None
    gc.freeze()
    gc.enable()


def skip_author_pages(generator):
    """With author pages off (``AUTHOR_SAVE_AS = ""``), skip Pelican's loop that would write them.

    Pelican still matches every article against every author's list to write nothing,
    which costs seconds at 10,000 articles. The context's ``authors`` is left as it is.
    """
    if not generator.settings.get("AUTHOR_SAVE_AS"):
        generator.authors = []


def register():
    signals.generator_init.connect(pause_gc)
    signals.finalized.connect(resume_gc)
    signals.readers_init.connect(add_reader)
    signals.article_generator_preread.connect(prefetch_dumps)
    signals.article_generator_pretaxonomy.connect(attach_events)
    signals.article_generator_finalized.connect(skip_author_pages)
    signals.get_generators.connect(get_generators)
