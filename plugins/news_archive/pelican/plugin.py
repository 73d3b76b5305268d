"""Pelican glue: connect the reader and the generators. Named functions only (blinker keeps weak refs)."""

from __future__ import annotations

import functools
import gc
import os

from jinja2 import FileSystemBytecodeCache
from pelican import signals

from news_archive.rebuild import background
from news_archive.pelican.generator import attach_events, get_generators
from news_archive.rebuild.store import code_fingerprint
from news_archive.pelican.reader import CODE_KEY, DumpReader


def add_reader(readers):
    for extension in DumpReader.file_extensions:
        readers.reader_classes[extension] = DumpReader


def drop_stale_cache(generator):
    """Dumps another version of this plugin parsed are dropped from Pelican's loaded content cache.

    Pelican keys that cache by the file's stamp alone, so after an upgrade it would hand back
    the old parse; dropped, those dumps are read again. (The plugin's own caches are keyed by code.)
    Connected to ``article_generator_init``: the cache is loaded, nothing is read yet.
    """
    cache = getattr(generator.readers, "_cache", None)
    if not isinstance(cache, dict) or not cache:
        return
    code = code_fingerprint()
    stale = []
    for path, entry in cache.items():
        try:
            metadata = entry[1][1]
        except (TypeError, IndexError, KeyError):
            continue
        if isinstance(metadata, dict) and "dump" in metadata and metadata.get(CODE_KEY) != code:
            stale.append(path)
    for path in stale:
        del cache[path]


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


#: True while a build has the cyclic collector paused (from ``get_generators`` to ``finalized``).
_paused = {"build": False}


def pause_gc(pelican):
    """No cyclic garbage collection while Pelican builds (reference counting still frees memory).

    A build holds one large, long-lived heap (every article, its parsed dump, the events)
    and keeps adding to it; Python's collector would scan all of it again and again:
    measured at 10,000 dumps, a fifth of a rebuild, and half of loading Pelican's content
    cache. Connected to ``get_generators``, which Pelican sends once at the start of every
    build, before its generators load that cache (``pelican --autoreload`` builds again in
    one process). The heap an earlier build left, frozen when it finished or not when it
    failed, is collected first. Returns no generator.
    """
    background.wait()  # an earlier build's cache writers, if it failed before waiting for them
    if not _paused["build"] and not gc.isenabled():
        return None  # turned off by someone else: theirs to manage
    if gc.get_freeze_count() or _paused["build"]:
        gc.unfreeze()
        gc.collect()
    gc.disable()
    _paused["build"] = True
    return None


def save_content_cache_in_background(generator):
    """Pelican's content cache is written by a forked process while the build goes on.

    Pelican pickles its whole reader cache again at the end of every build's reading (a
    second and more at 10,000 dumps), on the way to writing pages. Connected to
    ``article_generator_pretaxonomy``, just before Pelican saves it; ``finalized`` waits.
    """
    readers = generator.readers
    if not getattr(readers, "_cache_data_policy", False) or "save_cache" in vars(readers):
        return  # no content cache to write, or already handed over
    if not (generator.settings.get("NEWS_ARCHIVE") or {}).get("parallel", True):
        return
    readers.save_cache = functools.partial(background.run, readers.save_cache)


def finish_background(pelican):
    background.wait()


def resume_gc(pelican):
    """Collection back on, with the build's heap frozen: the process is about to exit or build again.

    A finished build leaves its articles, generators and context as one large cycle; the
    interpreter would spend seconds collecting it just before exiting (2.5 s at 10,000 dumps).
    Frozen, it is left to the operating system, or collected by the next build's ``pause_gc``.
    """
    if not _paused["build"]:
        return
    _paused["build"] = False
    gc.freeze()
    gc.enable()


def skip_author_pages(generator):
    """With author pages off (``AUTHOR_SAVE_AS = ""``), skip Pelican's loop that would write them.

    Pelican still matches every article against every author's list to write nothing,
    which costs seconds at 10,000 articles. The context's ``authors`` is left as it is.
    """
    if not generator.settings.get("AUTHOR_SAVE_AS"):
        generator.authors = []


def cache_compiled_templates(generator):
    """With Pelican's content cache on, templates are compiled once and kept in its cache folder.

    Every generator has its own Jinja environment, and each build compiled every template
    again (a tenth of a second and more, most of a small archive's rebuild). Jinja keys each
    compiled template by its source's checksum, so an edited template is compiled again.
    """
    settings = generator.settings
    if generator.env.bytecode_cache is not None or not settings.get("CACHE_PATH"):
        return
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        return
    folder = os.path.join(settings["CACHE_PATH"], "jinja")
    os.makedirs(folder, exist_ok=True)
    generator.env.bytecode_cache = FileSystemBytecodeCache(folder)


def register():
    signals.generator_init.connect(cache_compiled_templates)
    signals.get_generators.connect(pause_gc)
    signals.finalized.connect(finish_background)
    signals.finalized.connect(resume_gc)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(drop_stale_cache)
    signals.article_generator_preread.connect(prefetch_dumps)
    signals.article_generator_pretaxonomy.connect(attach_events)
    signals.article_generator_pretaxonomy.connect(save_content_cache_in_background)
    signals.article_generator_finalized.connect(skip_author_pages)
    signals.get_generators.connect(get_generators)
