"""Pelican glue: every signal the plugin connects, each to a named function (blinker keeps weak refs).

What the archive is made of: the reader (``readers_init``), events into the context
(``article_generator_pretaxonomy``) and the generator of event, timeline and source pages
(``get_generators``). The rest makes builds fast and rebuilds correct; each says why.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile

import pelican
from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup
from pelican import signals
from pelican.contents import Article, Content
from pelican.generators import ArticlesGenerator, CachingGenerator
from pelican.urlwrappers import URLWrapper

from news_archive.pelican import build as builds
from news_archive.pelican import settings as plugin_settings
from news_archive.pelican.context import fix_place
from news_archive.pelican.generator import attach_events, get_generators, order_by_instant
from news_archive.pelican.reader import CODE_KEY, DumpReader
from news_archive.pelican.search import lunr_js_path, sweep_spools
from news_archive.rebuild.contents import SUFFIX as CONTENT_STREAM_SUFFIX
from news_archive.rebuild.contents import ContentStream
from news_archive.rebuild.readers import SUFFIX as STREAM_SUFFIX
from news_archive.rebuild.readers import ReaderStream
from news_archive.rebuild.store import atomic_pelican_save, code_fingerprint, fingerprint, plain, sweep_partials


def add_reader(readers):
    for extension in DumpReader.file_extensions:
        readers.reader_classes[extension] = DumpReader


def start_build(pelican):
    """A build starts (Pelican sends ``get_generators`` once per build, before its generators load their
    caches): its own state, with the cyclic collector paused. Returns no generator."""
    builds.start(pelican.settings, plugin_settings.load(pelican.settings))
    sweep_partials(pelican.settings)
    for folder in {tempfile.gettempdir(), pelican.settings.get("CACHE_PATH") or tempfile.gettempdir()}:
        sweep_spools(folder)  # where a killed build may have left its search spool
    return None


def finish_build(pelican):
    """The build's background jobs are done, the collector is back on."""
    builds.finish(builds.current())


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
    """Before the first dump Pelican reads, the reader is told how to list the dumps it will still
    parse: when a second one needs parsing, they are handed to its workers (a rebuild of one dump
    lists none)."""
    reader = generator.readers.readers.get("txt")
    if not isinstance(reader, DumpReader) or reader.prefetched or reader.unread is not None:
        return
    reader.unread = functools.partial(_unread_dumps, generator)


def _unread_dumps(generator) -> list[str]:
    """The dumps Pelican will parse: its content cache (the generator's or the readers') serves the rest."""
    files = generator.get_files(generator.settings["ARTICLE_PATHS"], exclude=generator.settings["ARTICLE_EXCLUDES"])
    by_generator = bool(getattr(generator, "_cache", None))  # Pelican's generator layer, keyed by the path in the folder
    unread = []
    for f in files:
        if not f.endswith(".txt") or (by_generator and generator.get_cached_data(f, None) is not None):
            continue
        path = os.path.abspath(os.path.join(generator.path, f))
        if generator.readers.get_cached_data(path, (None, None))[0] is None:
            unread.append(path)
    return unread


def save_pelican_caches_safely(generator):
    """Pelican's content caches are written whole or not at all, and the reader cache as a stream.

    Pelican writes each cache in place: a build killed while writing would leave a truncated file
    that the next build fails on. The reader cache (every dump's parse) is kept as a stream of
    entries (``rebuild/readers.py``): written here without a fork, and in a rebuild only what was read
    again. Any other cache is written to a temporary file and renamed; the articles' generator cache
    (``CONTENT_CACHING_LAYER = "generator"``, long to pickle) by a background job while the build goes
    on, which ``finalized`` waits for. Connected to ``generator_init``: every generator and its
    readers, before anything is read or saved.
    """
    build = builds.current()
    if _streams_reader_cache(generator.readers):
        stream_reader_cache(generator.readers)
    in_background = build is not None and isinstance(generator, ArticlesGenerator)
    for cacher in (generator.readers, generator):
        if hasattr(cacher, "save_cache") and "save_cache" not in vars(cacher):
            save = functools.partial(atomic_pelican_save, cacher, type(cacher).save_cache)
            cacher.save_cache = functools.partial(_save_in_background, build, cacher, save) if in_background else save


def _save_in_background(build, cacher, save) -> None:
    """``save`` on a forked process, if Pelican caches at this level (``_cache_data_policy``, set after
    ``generator_init``). Else nothing is forked: a fork of the whole build that only exited again let the
    build copy every page it wrote to while the child lived (up to 0.55 GB more PSS at 100,000 dumps)."""
    if getattr(cacher, "_cache_data_policy", False):
        build.in_background(save)


def _streams_reader_cache(readers) -> bool:
    path = getattr(readers, "_cache_path", None)
    return readers.settings.get("CONTENT_CACHING_LAYER") == "reader" and bool(path and os.path.basename(path))


def stream_reader_cache(readers) -> None:
    """The readers' cache from its stream (``LOAD_CONTENT_CACHE``), each entry Pelican caches noted,
    and the stream saved instead of Pelican's pickle (``CACHE_CONTENT``), whose file is removed."""
    stream = ReaderStream(readers._cache_path + STREAM_SUFFIX)
    if readers.settings.get("LOAD_CONTENT_CACHE"):
        readers._cache = stream.load()  # what Pelican loaded from its own file was an earlier version's

    cache_data = readers.cache_data

    def note_and_cache(filename, data):
        stream.cached(filename)
        cache_data(filename, data)

    def save_stream():
        if readers._cache_data_policy:
            stream.save(readers._cache)
            if os.path.exists(readers._cache_path):
                os.remove(readers._cache_path)
        # every dump is read by now: the articles hold what the build needs of each entry
        readers._cache = {}

    readers.cache_data = note_and_cache
    readers.save_cache = save_stream


def stream_generator_cache(generator) -> None:
    """With Pelican's generator layer (``CONTENT_CACHING_LAYER = "generator"``), the generator's cache of
    articles or pages from its stream (``LOAD_CONTENT_CACHE``), each entry pickled as Pelican caches it,
    and the stream saved instead of Pelican's pickle (``CACHE_CONTENT``), whose file is removed
    (``rebuild/contents.py`` says why). Connected to ``article_generator_init`` and
    ``page_generator_init``: Pelican sets up a generator's cache after ``generator_init``."""
    path = getattr(generator, "_cache_path", None)
    if not isinstance(generator, CachingGenerator) or generator.settings.get("CONTENT_CACHING_LAYER") != "generator" or not path:
        return
    settings = generator.settings
    key = ["news_archive generator cache", code_fingerprint(), pelican.__version__, fingerprint(plain(dict(settings)))]
    stream = ContentStream(path + CONTENT_STREAM_SUFFIX, key, {"settings": settings, "context": generator.context})
    if settings.get("LOAD_CONTENT_CACHE"):
        generator._cache = stream.load()
        build = builds.current()
        if build is not None:
            for _, content in generator._cache.values():
                if isinstance(content, Article) and "dump" in content.metadata:
                    share_url_wrappers(content, build.url_wrappers)  # one object per name again, as when read
                    build.placed.add(id(content))  # its place was fixed when read, under the same settings (the key)

    cache_data = generator.cache_data

    def cache_and_pickle(filename, data):
        cache_data(filename, data)
        if generator._cache_data_policy:
            stream.cached(filename, generator._cache[filename])

    def save_stream():
        if generator._cache_data_policy:
            stream.save(generator._cache)
            if os.path.exists(path):
                os.remove(path)

    generator.cache_data = cache_and_pickle
    generator.save_cache = save_stream


def stamp_each_file_once(generator):
    """Each file's stamp (its modification time, or the hash ``CHECK_MODIFIED_METHOD`` names) taken
    once in a build, and shared by a generator and its readers.

    Pelican takes an article's stamp three times: its readers' cache checks it, and the generator's
    own cache checks it and stamps what it made, whether or not it keeps articles. Three ``stat``
    calls of each of 100,000 dumps took 2.2 s of a one-dump rebuild. Taken once, the stamp that
    Pelican keeps with a dump's parse is the one taken before the dump was read: an edit made while
    the build read it makes the next build read it again (a stamp taken after the read would hide
    it). Connected to ``article_generator_init`` and ``page_generator_init``: the generator's own
    cache is set up by then (it is not at ``generator_init``), and nothing is read yet."""
    build = builds.current()
    if build is None:
        return
    for cacher in (generator.readers, generator):
        function = getattr(cacher, "_filestamp_func", None)
        if function is not None and not isinstance(function, functools.partial):
            cacher._filestamp_func = functools.partial(_stamp_once, build.file_stamps, function)


def _stamp_once(stamps: dict, function, filename: str):
    stamp = stamps.get(filename)
    if stamp is None:
        stamp = stamps[filename] = function(filename)  # an error (a file gone) is Pelican's to report, each time
    return stamp


def skip_author_pages(generator):
    """With author pages off (``AUTHOR_SAVE_AS = ""``), skip Pelican's loop that would write them.

    Pelican still matches every article against every author's list to write nothing,
    which is slow in a large archive. The context's ``authors`` is left as it is.
    """
    if not generator.settings.get("AUTHOR_SAVE_AS"):
        generator.authors = []


def cache_compiled_templates(generator):
    """With Pelican's content cache on, templates are compiled once and kept in its cache folder.

    Every generator has its own Jinja environment, and each build compiled every template
    again. Jinja keys each compiled template by its source's checksum, so an edited template
    is compiled again.
    """
    settings = generator.settings
    if generator.env.bytecode_cache is not None or not settings.get("CACHE_PATH"):
        return
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        return
    folder = os.path.join(settings["CACHE_PATH"], "jinja")
    os.makedirs(folder, exist_ok=True)
    generator.env.bytecode_cache = FileSystemBytecodeCache(folder)


def add_template_globals(generator):
    """``theme_static_text(path)`` in every template: the text of one of the theme's static files
    (``THEME_STATIC_PATHS``), for a page that carries it itself (the search page's style sheet and
    scripts); ``lunr_js_text()``: lunr.js's, for the same page. Connected to ``generator_init``."""
    generator.env.globals.setdefault("theme_static_text", functools.partial(theme_static_text, generator.settings))
    generator.env.globals.setdefault("lunr_js_text", functools.partial(lunr_js_text, generator.settings))


def theme_static_text(settings: dict, path: str) -> Markup:
    """The text of ``path`` in the theme's static folders, as markup (a style sheet or a script is
    not escaped); a clear error when the theme has no such file."""
    for folder in settings.get("THEME_STATIC_PATHS", ["static"]):
        candidate = os.path.join(settings["THEME"], folder, path)
        if os.path.isfile(candidate):
            return _carried_text(candidate)
    raise FileNotFoundError(f"theme_static_text: no {path!r} in the static folders of the theme {settings['THEME']!r}")


def lunr_js_text(settings: dict) -> Markup:
    """lunr.js's own text (from npm, as the search folder's copy), for the search page that carries
    it; empty when it is not installed: the build warns, and the page says search cannot start."""
    path = lunr_js_path(plugin_settings.options_of(settings), settings)
    return _carried_text(path) if path is not None else Markup("")


#: What would end the element a page carries a file's text in, before the file's own end.
_ENDS_ELEMENT = re.compile(r"</(script|style)", re.IGNORECASE)


def _carried_text(path: str) -> Markup:
    """A file's text for a page to carry in its own ``<script>`` or ``<style>`` element: a clear
    error if the text would end that element early."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    found = _ENDS_ELEMENT.search(text)
    if found:
        raise ValueError(f"{path}: holds {found.group(0)!r}, which would end the page element carrying it")
    return Markup(text)


def forget_written_content(path, context=None):
    """Once a file is written, the article HTML Pelican memoized for it is dropped.

    Pelican memoizes every article's content (``Content.get_content``) for the rest of the build,
    so a large archive ended its build holding all of its HTML (76 MB at 10,000 dumps, more than the
    parsed dumps). Feeds are written before the pages; a page or feed that asks again later gets the
    article rendered again. Connected to ``content_written``, sent after each page is written.
    """
    memo = vars(Content).get("get_content")
    cache = getattr(memo, "cache", None)
    if isinstance(cache, dict):
        cache.clear()


def fix_article_place(content):
    """An article made from a dump has its URL and save_as computed once, as it is made
    (``context.fix_place``): Pelican reads them at once to check the article. Connected to
    ``content_object_init``; the events stage fixes them again where it changed a slug or a date."""
    build = builds.current()
    if build is None or not isinstance(content, Article) or "dump" not in content.metadata:
        return
    share_url_wrappers(content, build.url_wrappers)
    fix_place(content)
    build.placed.add(id(content))


def share_url_wrappers(article, shared: dict) -> None:
    """The article's author, authors, category and tags as one object per class and name in the build
    (``shared``). Pelican makes these for each article (every article without an author gets a new
    ``Author`` of the ``AUTHOR`` setting, every article a new ``Category``), and slugifies each again when
    it files the article under it: 100,000 times in a build of 100,000 dumps (about a second)."""
    def one(wrapper):
        return shared.setdefault((type(wrapper), wrapper.name), wrapper)

    for name in ("author", "category"):
        value = getattr(article, name, None)
        if isinstance(value, URLWrapper):
            setattr(article, name, one(value))
    for name in ("authors", "tags"):
        values = getattr(article, name, None)
        if values and all(isinstance(value, URLWrapper) for value in values):
            setattr(article, name, [one(value) for value in values])


def register():
    # the archive
    signals.readers_init.connect(add_reader)
    signals.article_generator_pretaxonomy.connect(attach_events)
    signals.get_generators.connect(get_generators)
    # one build's state, and rebuilds that stay correct
    signals.get_generators.connect(start_build)
    signals.finalized.connect(finish_build)
    signals.article_generator_init.connect(drop_stale_cache)
    signals.article_generator_init.connect(order_by_instant)
    signals.generator_init.connect(save_pelican_caches_safely)
    # speed
    signals.article_generator_preread.connect(prefetch_dumps)
    signals.content_object_init.connect(fix_article_place)
    signals.article_generator_init.connect(stamp_each_file_once)
    signals.article_generator_init.connect(stream_generator_cache)
    signals.page_generator_init.connect(stream_generator_cache)
    signals.page_generator_init.connect(stamp_each_file_once)
    signals.article_generator_finalized.connect(skip_author_pages)
    signals.generator_init.connect(cache_compiled_templates)
    signals.generator_init.connect(add_template_globals)
    # memory
    signals.content_written.connect(forget_written_content)
