"""Pelican glue after reading: events into the context, and the pages no single source file makes.

``attach_events`` runs on ``article_generator_pretaxonomy``: after every dump is read,
before Pelican sorts articles into date archives, so dates filled from an event
count everywhere. :class:`NewsArchiveGenerator` is a plain two-phase generator
(``generate_context``, ``generate_output``) for event, timeline and source pages.
"""

from __future__ import annotations

import hashlib
import html
import logging
import marshal
import multiprocessing
import os
import shutil
import sys
import time
from dataclasses import dataclass, field

from pelican.generators import Generator
from pelican.utils import order_content

from news_archive.rebuild import background
from news_archive.pelican import settings as plugin_options
from news_archive.present import render
from news_archive.present import views
from news_archive.rebuild.store import Memo, code_fingerprint, fingerprint, site_fingerprint, unchanged
from news_archive.present.jsonld import article_jsonld, script_json
from news_archive.parse.anchors import dedupe_slugs
from news_archive.events.build import Event, build_events
from news_archive.parse.model import Dump
from news_archive.pelican.reader import article_date
from news_archive.search.index import article_entries, index_entries, kept_index, packed_entries
from news_archive.search.pieces import dumps_compact, search_files, term_texts

logger = logging.getLogger(__name__)


@dataclass
class Archive:
    """Everything the templates and the later generator need, computed once per build."""

    settings: dict
    events: list[Event]
    articles: dict  # key (slug) -> Pelican Article
    problems: list[tuple[str, int | None, str]] = field(default_factory=list)  # (path, line, message)
    site_url: str = ""  # the configured SITEURL (absolute when publishing), for structured data
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, logged at the end
    memo: Memo | None = None  # what the last build computed and wrote (with Pelican's content cache on)
    search: object = None  # the search index being built: (process, pipe), or its seconds when built here

    def __post_init__(self):
        self.event_of = {key: event for event in self.events for key in event.articles}
        self.dumps: dict[str, Dump] = {key: a.dump for key, a in self.articles.items()}
        places = {key: url_and_save_as(a) for key, a in self.articles.items()}
        self.urls = {key: url for key, (url, _) in places.items()}
        self.save_as = {key: save_as for key, (_, save_as) in places.items()}

    def __getstate__(self):
        """Pelican's generator caching layer pickles articles, and with them this context entry;
        a running search process is not data and does not pickle."""
        return {**self.__dict__, "search": None}

    # for templates
    date_span = staticmethod(views.date_span)
    long_date = staticmethod(views.long_date)

    def event_for(self, article) -> Event | None:
        return self.event_of.get(article.slug)

    def zone_line(self, article) -> str | None:
        return views.zone_line(article.dump)

    def jsonld(self, article) -> str:
        base = f"{self.site_url}/" if self.site_url else ""
        return script_json(article_jsonld(article.dump, base + article.url))

    @staticmethod
    def web_url(url: str | None) -> str | None:
        """A dump's ``URL:`` as a link target only when it is http(s); never javascript: or data:."""
        return url if url and url.lower().startswith(("http://", "https://")) else None

    def event_url(self, event: Event) -> str:
        return self.settings["event_url"].format(slug=event.slug)

    def event_feed_url(self, event: Event) -> str:
        return self.settings["event_feed_url"].format(slug=event.slug)

    def rows(self, event: Event) -> list[views.Row]:
        return views.rows(event.timeline, event, self.dumps, self.urls)

    def untimed_rows(self, event: Event) -> list[views.Row]:
        return views.rows(event.untimed, event, self.dumps, self.urls)

    def key_moment_rows(self, event: Event) -> list[views.Row]:
        return views.rows(event.key_moments, event, self.dumps, self.urls)

    def events_by_year(self) -> list[tuple[str, list[Event]]]:
        """('2019', events newest first), ..., and ('Date unknown', ...) last."""
        groups: dict[int | None, list[Event]] = {}
        for event in self.events:
            groups.setdefault(event.date_start.year if event.date_start else None, []).append(event)
        years = sorted((y for y in groups if y is not None), reverse=True)
        result = [(str(y), groups[y]) for y in years]
        if None in groups:
            result.append(("Date unknown", groups[None]))
        return result

    def articles_of(self, event: Event) -> list:
        return [self.articles[key] for key in event.articles]

    def raw_url(self, article) -> str:
        return self.settings["dump_url"].format(path=article.relative_source_path)

    def source_label(self, article) -> str:
        return views.source_label(article.dump)

    def source_url(self, article) -> str:
        return self.settings["source_url"].format(slug=views.source_slug(article.dump))

    def url(self, article) -> str:
        """The article's URL, computed once (Pelican's ``article.url`` formats it anew on every call)."""
        return self.urls[article.slug]

    def sources(self) -> list[tuple[str, str, list]]:
        """(label, url, articles newest first) for every source, by label."""
        found: dict[str, list] = {}
        for article in self.articles.values():
            found.setdefault(views.source_label(article.dump), []).append(article)
        return [
            (label, self.source_url(items[0]), sorted(items, key=lambda a: (a.date, a.slug), reverse=True))
            for label, items in sorted(found.items())
        ]


def url_and_save_as(article) -> tuple[str, str]:
    """Pelican's ``article.url`` and ``article.save_as``, from one computation of its URL values.

    Each of Pelican's two properties computes those values anew, a relative path included:
    a second of a rebuild at 10,000 articles. Anything unusual (an override, a translation,
    a draft) is left to Pelican's own properties.
    """
    if hasattr(article, "override_url") or hasattr(article, "override_save_as") or not article.in_default_lang or article.status == "draft":
        return article.url, article.save_as
    values = article.url_format
    return str(article.settings["ARTICLE_URL"]).format(**values), str(article.settings["ARTICLE_SAVE_AS"]).format(**values)


def _where(article, line: int | None = None) -> str:
    return f"{article.relative_source_path}:{line}" if line else article.relative_source_path


def attach_events(generator) -> None:
    """Unique slugs, events, dates filled, content re-rendered; the Archive goes into the context."""
    settings = plugin_options.load(generator.settings)
    articles = [a for a in generator.articles if hasattr(a, "dump")]
    problems: list[tuple[str, int | None, str]] = []

    slugs = dedupe_slugs([(a.relative_source_path, a.slug) for a in articles])
    for article in articles:
        wanted = slugs[article.relative_source_path]
        if wanted != article.slug:
            message = f"another dump already has the slug {article.slug!r}; this one is {wanted!r} (set `Slug:` to choose)"
            logger.warning("news_archive: %s: %s", _where(article), message)
            problems.append((article.relative_source_path, None, message))
            article.slug = wanted

    started = time.perf_counter()
    memo = Memo(generator.settings, "news_archive.pickle")
    events, dumps = build_events(
        [(a.slug, a.dump) for a in articles], settings["events"], memo=memo.section("events"), parallel=settings["parallel"]
    )
    for article in articles:
        if getattr(article, "override_save_as", None) == "":
            del article.override_save_as  # a cached Article object from an earlier build (see _skip_unchanged_articles)
        dump = dumps[article.slug]
        # rendered when a page or feed asks (Pelican's ``get_content`` hook): pages the
        # last build already wrote are not rendered again, so most never ask
        article._get_content = render.LazyArticleHtml(dump)
        if dump is not article.dump:
            article.dump = dump
            start = article_date(dump)  # the event may have given a date, or a zone to the date it had
            if start is not None:
                article.date = start
                article.locale_date = start.strftime(article.date_format)
                article.undated = False
        for problem in dump.problems:
            if problem.level != "info":
                problems.append((article.relative_source_path, problem.line, problem.message))
        if dump.date is None:
            message = "undated: no Date: header, no date in the text, and no dated coverage of the same event; add `Date: YYYY-MM-DD`"
            logger.warning("news_archive: %s: %s", _where(article), message)
            problems.append((article.relative_source_path, None, message))
    reader = generator.readers.readers.get("txt")
    problems += getattr(reader, "failures", [])

    generator.articles = order_content(generator.articles, generator.settings["ARTICLE_ORDER_BY"])
    archive = Archive(
        settings, events, {a.slug: a for a in articles}, sorted(problems, key=str), generator.settings.get("SITEURL", "")
    )
    archive.memo = memo
    archive.timings["parse"] = getattr(reader, "parse_seconds", 0.0)
    archive.timings["events"] = time.perf_counter() - started
    generator.context["news_archive"] = archive
    # the events memo is final now: written on the other core while Pelican goes on
    if memo.store:
        background.run(memo.save, parallel=settings["parallel"])
    if settings["search"]["enabled"]:
        # now: on the other core, it overlaps Pelican saving its cache and writing every page
        archive.search = start_search(archive, generator.settings, generator.output_path)


class NewsArchiveGenerator(Generator):
    """Event pages, the site-wide timeline, source pages, and the raw dumps for provenance."""

    def generate_context(self):
        self.archive: Archive | None = self.context.get("news_archive")
        if self.archive is None:
            return
        # the fingerprints of the pages the last build wrote, and each event's part of the timeline
        self.pages_memo = Memo(self.settings, "news_archive-pages.pickle") if self.archive.memo is not None else None
        self.timeline_pages = views.paginate(self._timeline_days(), self.archive.settings["timeline_per_page"])
        self.context["events"] = self.archive.events
        self.site_print = site_fingerprint(self.settings)
        self.old_outputs = dict(self.pages_memo.section("outputs")) if self.pages_memo and self.pages_memo.load else {}
        self.new_outputs: dict[str, str] = {}
        self._skip_unchanged_articles()

    def _timeline_days(self) -> list[views.Day]:
        """The site timeline's days with light rows (:func:`.views.light_days`); an event's rows
        are kept from the last build while its members (URL, parsed dump) are the same."""
        archive = self.archive
        known = self.pages_memo.section("timeline") if self.pages_memo and self.pages_memo.load else {}
        self.timeline_parts: dict[str, tuple] = {}
        items: list[tuple] = []
        for event in archive.events:
            # an event and its members' filled dumps are made from the members' parsed dumps
            members = tuple((key, archive.urls[key], archive.dumps[key].digest) for key in event.articles)
            print_ = (event.slug, event.name, members) if all(digest for _, _, digest in members) else None
            old = known.get(event.slug)
            part = old[1] if print_ is not None and old is not None and old[0] == print_ else views.event_items(event, archive.dumps, archive.urls)
            self.timeline_parts[event.slug] = (print_, part)
            items += part
        return views.light_days(items)

    def _skip_unchanged_articles(self):
        """An article page the last build wrote from the same dump, event and site is not rendered again."""
        for article in self.archive.articles.values():
            event = self.archive.event_for(article)
            dump = article.dump
            # the page shows the parsed dump (its digest) as the event filled it in (date, zone)
            print_ = fingerprint(
                self.site_print, dump.digest, dump.date, dump.date_source, dump.timezone, dump.timezone_source,
                article.slug, article.title, (event.name, event.slug) if event else None,
            )
            if unchanged(self.old_outputs, self.new_outputs, self.output_path, self.archive.save_as[article.slug], print_):
                article.override_save_as = ""  # Pelican writes nothing for an empty save_as

    def _report_problems(self):
        problems = self.archive.problems
        if not problems:
            return
        files = len({path for path, _, _ in problems})
        logger.warning(
            "news_archive: %d problem(s) in %d dump(s); `news-archive check content/dumps` lists them", len(problems), files
        )
        if self.archive.settings["strict"]:
            listing = "; ".join(f"{path}{f':{line}' if line else ''}: {message}" for path, line, message in problems)
            raise plugin_options.SettingsError(f"news_archive: strict mode and {len(problems)} problem(s): {listing}")

    def _write(self, writer, name: str, template: str, print_parts: tuple | None = None, **kwargs):
        """Render a page, unless its fingerprint says the last build wrote exactly this page."""
        if print_parts is not None and unchanged(
            self.old_outputs, self.new_outputs, self.output_path, name, fingerprint(self.site_print, *print_parts)
        ):
            return
        writer.write_file(
            name, self.get_template(template), self.context,
            relative_urls=self.settings["RELATIVE_URLS"], template_name=template, url=name, **kwargs,
        )

    def timeline_page_url(self, number: int) -> str:
        if number == 1:
            return self.archive.settings["timeline_url"]
        return self.archive.settings["timeline_page_url"].format(number=number)

    def generate_output(self, writer):
        if self.archive is None:
            return
        archive = self.archive
        started = time.perf_counter()
        for event in archive.events:
            members = archive.articles_of(event)
            member_prints = [(a.slug, a.title, a.dump.digest, a.dump.date, a.dump.timezone) for a in members]
            # an event is made from its members' parsed dumps (digests) by the code and settings in
            # site_print; only its slug and name also depend on other events (a "-2" suffix)
            shown = ((event.slug, event.name), member_prints)
            self._write(writer, archive.event_url(event), "event", shown, event=event, articles_of_event=members)
            feed = archive.event_feed_url(event)
            if self.settings.get("FEED_ALL_ATOM") and not unchanged(  # event feeds go with the site feed (publishconf.py)
                self.old_outputs, self.new_outputs, self.output_path, feed, fingerprint(self.site_print, "feed", *shown)
            ):
                writer.write_feed(members, self.context, feed, feed_title=html.escape(event.name))  # Pelican strips tags: escape first
        self._write(writer, archive.settings["events_url"], "events")
        count = len(self.timeline_pages)
        by_slug = {event.slug: event for event in archive.events}
        for number, days in enumerate(self.timeline_pages, start=1):
            printed = [(day.date, day.continued, [seen for _, seen in day.rows]) for day in days]
            name = self.timeline_page_url(number)
            if unchanged(self.old_outputs, self.new_outputs, self.output_path, name, fingerprint(self.site_print, number, count, printed)):
                continue
            self._write(
                writer, name, "timeline", None,
                days=views.real_days(days, by_slug, archive.dumps, archive.urls), page_number=number, page_count=count,
                previous_url=self.timeline_page_url(number - 1) if number > 1 else None,
                next_url=self.timeline_page_url(number + 1) if number < count else None,
            )
        for label, url, articles in archive.sources():
            listed = [(a.slug, a.title, a.dump.date, getattr(archive.event_for(a), "name", None)) for a in articles]
            self._write(writer, url, "source", (label, listed), source=label, source_articles=articles)
        self._write(writer, archive.settings["sources_url"], "sources")
        self._copy_raw_dumps()
        archive.timings["pages"] = time.perf_counter() - started
        self._remove_stale_outputs()
        if self.pages_memo is not None:  # saved while the search index may still be building
            self.pages_memo.data["outputs"] = self.new_outputs
            self.pages_memo.data["timeline"] = self.timeline_parts
            self.pages_memo.save()
        if archive.search is not None:
            started = time.perf_counter()
            self._finish_search()
            archive.timings["search wait"] = time.perf_counter() - started
        self._report_problems()
        logger.info(
            "news_archive: timings: %s", ", ".join(f"{stage} {seconds:.2f}s" for stage, seconds in archive.timings.items())
        )

    def _copy_raw_dumps(self):
        """The raw dump beside its article, byte for byte, for provenance."""
        for article in self.archive.articles.values():
            name = self.archive.raw_url(article)
            if unchanged(self.old_outputs, self.new_outputs, self.output_path, name, article.dump.digest):
                continue
            target = os.path.join(self.output_path, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(article.source_path, target)

    def _remove_stale_outputs(self):
        """Pages of ours the last build wrote and this one did not (an event renamed, fewer timeline pages)."""
        for name in sorted(set(self.old_outputs) - set(self.new_outputs)):
            path = os.path.join(self.output_path, name)
            if os.path.isfile(path) and not name.startswith(("articles/",)):
                os.remove(path)

    def _finish_search(self):
        archive = self.archive
        if isinstance(archive.search, tuple):
            process, receive = archive.search
            seconds = receive.recv() if receive.poll(None) else None
            process.join()
            if process.exitcode != 0 or seconds is None:
                raise RuntimeError(f"news_archive: building the search index failed (exit code {process.exitcode}); see the log above")
            archive.search = seconds
        archive.timings["search"] = archive.search
        if lunr_js_path(archive.settings, self.settings) is None:
            message = f"lunr.js not found at {archive.settings['search']['lunr_js']!r}: run `npm ci` (or `make html`); search will not work"
            logger.error("news_archive: %s", message)
            archive.problems.append(("package.json", None, message))


def lunr_js_path(options: dict, settings: dict) -> str | None:
    """lunr.js from node_modules (npm, pinned in package-lock.json), looked for beside the project."""
    wanted = options["search"]["lunr_js"]
    for base in (os.getcwd(), os.path.dirname(settings["PATH"])):
        candidate = os.path.join(base, wanted)
        if os.path.isfile(candidate):
            return candidate
    return None


def start_search(archive: Archive, settings: dict, output_path: str):
    """Build the search output on the other core while Pelican goes on (fork), or here and now."""
    options = archive.settings["search"]
    memo = archive.memo
    cache = os.path.join(settings["CACHE_PATH"], "news_archive-search.marshal") if memo and memo.enabled else None
    job = (
        os.path.join(output_path, options["path"]), archive.events, archive.dumps,
        archive.urls, options, lunr_js_path(archive.settings, settings), cache,
        bool(memo and memo.load), bool(memo and memo.store),
    )
    if archive.settings["parallel"] and "fork" in multiprocessing.get_all_start_methods():
        receive, send = multiprocessing.Pipe(duplex=False)
        process = multiprocessing.get_context("fork").Process(target=_search_child, args=(send, *job), daemon=True)
        process.start()
        send.close()
        return process, receive
    return write_search(*job)


def write_search(folder: str, events, dumps, urls, options: dict, lunr_js: str | None,
                 cache: str | None = None, load: bool = False, store: bool = False) -> float:
    """The search index in pieces, the filter facets, and lunr.js itself; returns the seconds it took.

    With a cache, each article's documents are kept by what they depend on, the index is updated
    from the last build's where documents changed, and a piece is written only when its text
    changed since the last build (pieces no longer made are removed).
    """
    started = time.perf_counter()
    memo = _load_search_cache(cache) if cache and load else {}
    # an unchanged article's documents are reused as the last build counted them; the last
    # build's index is updated where documents changed, and its term entries reused where not
    kept = memo.get("articles", {})
    entries = article_entries(dumps, urls, events, kept)
    index, records, found = index_entries(entries, kept_index(memo["index"], kept) if "index" in memo else None)
    texts = term_texts(index, memo.get("texts"))
    files = search_files(index, records, found, options["chunk_bytes"], options["bucket"], texts)
    if options["monolithic"]:
        files["index.json"] = dumps_compact(index.serialize())
    written = memo.get("files", {})
    hashes = {}
    for name, text in files.items():
        hashes[name] = hashlib.sha1(text.encode("utf-8")).hexdigest()
        target = os.path.join(folder, name)
        if written.get(name) == hashes[name] and os.path.exists(target):
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    for name in sorted(set(written) - set(hashes)):
        stale = os.path.join(folder, name)
        if os.path.isfile(stale):
            os.remove(stale)
    if lunr_js is not None:
        shutil.copyfile(lunr_js, os.path.join(folder, "lunr.min.js"))
    if cache and store:
        _save_search_cache(cache, {"articles": packed_entries(entries), "index": index.state(), "texts": texts, "files": hashes})
    return time.perf_counter() - started


def _cache_key() -> tuple[str, str]:
    return code_fingerprint(), sys.version  # marshal's format is the interpreter's own


def _load_search_cache(path: str) -> dict:
    """The search cache of the last build, or {} (none, another version of the code, unreadable)."""
    if not os.path.exists(path):
        return {}
    try:
        with open(path, "rb") as handle:
            saved = marshal.loads(handle.read())  # marshal.load(handle) reads object by object: far slower
        return saved["data"] if tuple(saved["key"]) == _cache_key() else {}
    except Exception:  # noqa: BLE001 - a broken cache is rebuilt
        return {}


def _save_search_cache(path: str, data: dict) -> None:
    """Plain data only, written with ``marshal``: at 10,000 dumps it loads in about half pickle's time.
    Each document's counted fields arrive packed (one ``bytes`` object) and each posting list as
    32-bit integers, so loading makes a few objects per document (see ``search.builder.Row``)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".partial", "wb") as handle:
        handle.write(marshal.dumps({"key": _cache_key(), "data": data}))
    os.replace(path + ".partial", path)


def _search_child(send, *job) -> None:
    try:
        send.send(write_search(*job))
    except BaseException:
        logger.exception("news_archive: building the search index failed")
        raise
    finally:
        send.close()


def get_generators(pelican):
    return NewsArchiveGenerator
