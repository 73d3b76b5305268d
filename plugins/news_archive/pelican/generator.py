"""Pelican glue after reading: events into the context, and the pages no single source file makes.

``attach_events`` runs on ``article_generator_pretaxonomy``: after every dump is read, before
Pelican sorts articles into date archives, so dates filled from an event count everywhere.
:class:`NewsArchiveGenerator` is a plain two-phase generator (``generate_context``,
``generate_output``) for event, timeline and source pages.
"""

from __future__ import annotations

import html
import logging
import os
import shutil
import time
from datetime import datetime, timezone

from pelican.generators import Generator
from pelican.utils import order_content

from news_archive import events as events_stage
from news_archive import heap
from news_archive.parse.anchors import dedupe_slugs
from news_archive.pelican import build as builds
from news_archive.pelican import settings as plugin_settings
from news_archive.pelican.context import Archive, fix_place, place_holds
from news_archive.pelican.reader import article_date, unpacked_features
from news_archive.pelican.search import lunr_js_path, start_search
from news_archive.present import problems as report
from news_archive.present import render, views
from news_archive.rebuild import events as remembered
from news_archive.rebuild.pages import Pages
from news_archive.rebuild.store import Memo, cache_policy

logger = logging.getLogger(__name__)

EVENTS_MEMO = "news_archive.pickle"


def _unique_slugs(articles: list, problems: list) -> None:
    slugs = dedupe_slugs([(a.relative_source_path, a.slug) for a in articles])
    for article in articles:
        wanted = slugs[article.relative_source_path]
        if wanted != article.slug:
            problems.append((article.relative_source_path, None, report.slug_taken(article.slug, wanted)))
            article.slug = wanted


def _events(articles: list, settings: dict, generator, reader) -> tuple:
    """The events stage, answered from the last build's memo where it can be (Pelican's content cache on).

    On this core alone: half of its comparisons on a forked second core saved at most a tenth of the
    stage (32 of 287 s at 100,000 dumps, under 1 s at 10,000), and the two processes, each touching
    the same articles' vectors and clues, copied each other's pages: the fork was the peak of a
    100,000-dump build, 3.6 GB of the tree's PSS against 3.0 GB without it. Its largest step, each
    dump's features, is done on the parse workers instead (``reader.parse_ahead``): for the dumps
    they parsed, the stage is handed the features they made."""
    items = [(a.slug, a.dump) for a in articles]
    # the features the parse workers made of the dumps they parsed (none in a serial build)
    made = reader.take_features() if hasattr(reader, "take_features") else {}
    ready = {a.slug: unpacked_features(made.pop(a.source_path)) for a in articles if a.source_path in made}
    memo = Memo(generator.settings, EVENTS_MEMO)
    if not memo.enabled:
        return events_stage.build_events(items, settings["events"], ready=ready)
    events, dumps = remembered.build_events(items, settings["events"], memo.section("events"), ready=ready)
    if memo.store:
        # here, before the search process starts its work: a forked writer copied every page of the
        # heap its pickler touched, and was the peak of a build (3.1 of 5.2 GB at 100,000 dumps); and
        # saved after the search process had its input (its changes found beside the search's work),
        # the memo held on for that second kept the build 0.3 GB larger while the search peaked
        memo.save()
    return events, dumps


EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


class InstantOrder(str):
    """``ARTICLE_ORDER_BY`` of ``"date"`` or ``"reversed-date"`` as the plugin hands it to Pelican: the
    same string to anything that reads the setting (themes, the page fingerprints), and a key Pelican's
    ``order_content`` sorts by, as it tries a callable order first. The key is each article's UTC
    instant (newest first for ``reversed-date``), so the sort compares timedeltas: Pelican's own sort of
    aware moments of many zones goes through both offsets on every comparison (0.85-0.9 s for 100,000
    articles of eight zones, against 0.06-0.08 s by instant). Equal instants keep their order, as in
    Pelican's sort, so the order is Pelican's (tested), but for two moments of one zone in its repeated
    hour: they come out by their instant, not their local time (as the source listings do). A naive
    moment counts as UTC."""

    def __call__(self, content):
        moment = content.date
        since = (moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)) - EPOCH
        return -since if self == "reversed-date" else since


def order_by_instant(generator) -> None:
    """``ARTICLE_ORDER_BY`` by date becomes its :class:`InstantOrder` (``article_generator_init``:
    before Pelican sorts what it read)."""
    order = generator.settings.get("ARTICLE_ORDER_BY")
    if type(order) is str and order in ("date", "reversed-date"):
        generator.settings["ARTICLE_ORDER_BY"] = InstantOrder(order)


def attach_events(generator) -> None:
    """Unique slugs, events, dates filled, content rendered lazily; the Archive goes into the context."""
    settings = plugin_settings.options_of(generator.settings)
    build = builds.current()
    articles = [a for a in generator.articles if hasattr(a, "dump")]
    problems: list[tuple[str, int | None, str]] = []
    _unique_slugs(articles, problems)

    reader = generator.readers.readers.get("txt")
    started = time.perf_counter()
    events, dumps = _events(articles, settings, generator, reader)
    for article in articles:
        if getattr(article, "override_save_as", None) == "":
            del article.override_save_as  # a cached Article object from an earlier build (see _skip_unchanged_articles)
        dump = dumps[article.slug]
        # rendered when a page or feed asks (Pelican's ``get_content`` hook): pages the
        # last build already wrote are not rendered again, so most never ask
        article._get_content = render.LazyArticleHtml(dump)
        if dump is not article.dump:
            article.dump = article.metadata["dump"] = dump  # the parsed one is let go
            start = article_date(dump)  # the event may have given a date, or a zone to the date it had
            if start is not None:
                article.date = start
                article.locale_date = start.strftime(article.date_format)
                article.undated = False
        problems += report.of_dump(article.relative_source_path, dump)
        if build is None or id(article) not in build.placed or not place_holds(article):
            fix_place(article)  # a slug or date changed since, or an article of an earlier build (Pelican's cache)
    problems += getattr(reader, "failures", [])

    archive = Archive(
        settings, events, {a.slug: a for a in articles}, report.ordered(problems), generator.settings.get("SITEURL", "")
    )
    generator.context["news_archive"] = archive
    if build is not None:
        build.timings["parse"] = getattr(reader, "parse_seconds", 0.0)
        build.timings["events"] = time.perf_counter() - started
    if settings["search"]["enabled"]:
        # now: on the other core, it overlaps Pelican saving its cache and writing every page
        started = time.perf_counter()
        job = start_search(archive, generator.settings, generator.output_path, *cache_policy(generator.settings),
                           standby=build.take_standby() if build is not None else None)
        if build is not None:
            build.search = job
            build.timings["search start"] = time.perf_counter() - started  # the spool written, or the fork
        else:
            job.result()
    # articles of one date in the order of their files, whatever order they were read in: Pelican's
    # archives list them as they come (their order differed from one process to the next). Once the
    # search has its input (the archive's own articles are not these lists): it waits for none of it
    generator.articles.sort(key=lambda a: a.relative_source_path)
    generator.articles = order_content(generator.articles, generator.settings["ARTICLE_ORDER_BY"])  # an InstantOrder by date
    heap.release()  # the events stage's working memory, freed but held by malloc until now
    if build is not None:
        build.collect_from_here()  # the pages' garbage is collected as they are written


class NewsArchiveGenerator(Generator):
    """Event pages, the site-wide timeline, source pages, and the raw dumps for provenance."""

    def generate_context(self):
        self.archive: Archive | None = self.context.get("news_archive")
        if self.archive is None:
            return
        self.build = builds.current()
        self.pages = Pages(self.settings, self.output_path)
        self.timeline_pages = views.paginate(self._timeline_days(), self.archive.settings["timeline_per_page"])
        self.pages.save_timeline()
        self.context["events"] = self.archive.events
        self._skip_unchanged_articles()

    def _timeline_days(self) -> list[views.Day]:
        """The site timeline's days with light rows (:func:`.views.light_days`); an event's rows
        are kept from the last build while its members (URL, parsed dump) are the same."""
        archive = self.archive
        items: list[tuple] = []
        for event in archive.events:
            # an event and its members' filled dumps are made from the members' parsed dumps
            members = tuple((key, archive.urls[key], archive.dumps[key].digest) for key in event.articles)
            print_ = (event.slug, event.name, members) if all(digest for _, _, digest in members) else None
            items += self.pages.timeline_rows(event.slug, print_, lambda: views.event_items(event, archive.dumps, archive.urls))
        return views.light_days(items)

    def _skip_unchanged_articles(self):
        """An article page the last build wrote from the same dump, event and site is not rendered again."""
        for article in self.archive.articles.values():
            event = self.archive.event_for(article)
            dump = article.dump
            # the page shows the parsed dump (its digest) as the event filled it in (date, zone)
            shown = (
                dump.digest, dump.date, dump.date_source, dump.timezone, dump.timezone_source,
                article.slug, article.title, (event.name, event.slug) if event else None,
            )
            if self.pages.unchanged(self.archive.save_as[article.slug], *shown):
                article.override_save_as = ""  # Pelican writes nothing for an empty save_as

    def _report_problems(self):
        """Every problem, one line each (``path:line: message``), sorted, then the count: what
        ``news-archive check`` lists for the same dumps."""
        problems = report.ordered(self.archive.problems)
        if not problems:
            return
        for problem in problems:
            logger.warning("news_archive: %s", report.line(problem))
        logger.warning("news_archive: %s; `news-archive check content/dumps` lists them", report.summary(problems))
        if self.archive.settings["strict"]:
            listing = "; ".join(f"{path}{f':{line}' if line else ''}: {message}" for path, line, message in problems)
            raise plugin_settings.SettingsError(f"news_archive: strict mode and {len(problems)} problem(s): {listing}")

    def _write(self, writer, name: str, template: str, print_parts: tuple | None = None, **kwargs):
        """Render a page, unless its fingerprint says the last build wrote exactly this page."""
        if print_parts is not None and self.pages.unchanged(name, *print_parts):
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
        started = time.perf_counter()
        self._write_events(writer)
        self._write_timeline(writer)
        archive = self.archive
        for label, url, articles in archive.sources():
            listed = [(a.slug, a.title, a.dump.date, getattr(archive.event_for(a), "name", None)) for a in articles]
            self._write(writer, url, "source", (label, listed), source=label, source_articles=articles)
        self._write(writer, archive.settings["sources_url"], "sources")
        self._copy_raw_dumps()
        timings = self.build.timings if self.build else {}
        timings["pages"] = time.perf_counter() - started
        self._remove_stale_outputs()
        self.pages.save()  # while the search index may still be building
        heap.release()  # the pages' HTML, written and freed, while the search process works
        self._finish_search(timings)
        self._report_problems()
        logger.info("news_archive: timings: %s", ", ".join(f"{stage} {seconds:.2f}s" for stage, seconds in timings.items()))

    def _write_events(self, writer):
        archive = self.archive
        for event in archive.events:
            members = archive.articles_of(event)
            member_prints = [(a.slug, a.title, a.dump.digest, a.dump.date, a.dump.timezone) for a in members]
            # an event is made from its members' parsed dumps (digests) by the code and settings in
            # the site fingerprint; only its slug and name also depend on other events (a "-2" suffix)
            shown = ((event.slug, event.name), member_prints)
            self._write(writer, archive.event_url(event), "event", shown, event=event, articles_of_event=members)
            feed = archive.event_feed_url(event)
            if self.settings.get("FEED_ALL_ATOM") and not self.pages.unchanged(feed, "feed", *shown):  # with the site feed
                writer.write_feed(members, self.context, feed, feed_title=html.escape(event.name))  # Pelican strips tags: escape first
        self._write(writer, archive.settings["events_url"], "events")

    def _write_timeline(self, writer):
        archive = self.archive
        count = len(self.timeline_pages)
        by_slug = {event.slug: event for event in archive.events}
        for number, days in enumerate(self.timeline_pages, start=1):
            name = self.timeline_page_url(number)
            if self.pages.unchanged(name, number, count, *self._timeline_page_print(days)):
                continue
            self._write(
                writer, name, "timeline", None,
                days=views.real_days(days, by_slug, archive.dumps, archive.urls), page_number=number, page_count=count,
                previous_url=self.timeline_page_url(number - 1) if number > 1 else None,
                next_url=self.timeline_page_url(number + 1) if number < count else None,
            )

    def _timeline_page_print(self, days: list[views.Day]) -> tuple:
        """What a timeline page shows: its days, each row named by its event and URL, and the rows of
        each event on it by their digest (``Pages.timeline_digests``). Each row's whole text, as the
        fingerprint's ``repr`` read it, took 1.7 s of a one-dump rebuild at 100,000 dumps (362,000 rows)."""
        shown = [(day.date, day.continued, "\n".join([f"{slug} {seen[2]}" for slug, seen in day.rows])) for day in days]
        slugs = sorted({slug for day in days for slug, _ in day.rows})
        return shown, [(slug, self.pages.timeline_digests[slug]) for slug in slugs]

    def _copy_raw_dumps(self):
        """The raw dump beside its article, byte for byte, for provenance."""
        for article in self.archive.articles.values():
            name = self.archive.raw_url(article)
            if self.pages.unchanged(name, article.dump.digest, site=False):
                continue
            target = os.path.join(self.output_path, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(article.source_path, target)

    def _remove_stale_outputs(self):
        """Pages of ours the last build wrote and this one did not (an event renamed, fewer timeline pages)."""
        for name in self.pages.stale():
            path = os.path.join(self.output_path, name)
            if os.path.isfile(path) and not name.startswith(("articles/",)):
                os.remove(path)

    def _finish_search(self, timings: dict):
        job = getattr(self.build, "search", None)
        if job is None:
            return
        started = time.perf_counter()
        timings["search"] = job.result()
        timings["search wait"] = time.perf_counter() - started
        self.build.search = None
        if lunr_js_path(self.archive.settings, self.settings) is None:
            message = f"lunr.js not found at {self.archive.settings['search']['lunr_js']!r}: run `npm ci` (or `make html`); search will not work"
            logger.error("news_archive: %s", message)
            self.archive.problems.append(("package.json", None, message))


def get_generators(pelican):
    return NewsArchiveGenerator
