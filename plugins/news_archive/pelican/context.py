"""What the templates read: the ``news_archive`` entry of Pelican's context, made once per build."""

from __future__ import annotations

import copy
import datetime
import functools
import re
import string
from dataclasses import dataclass, field

from markupsafe import Markup, escape
from pelican.utils import path_to_url

from news_archive.events import Event
from news_archive.parse.dates import as_utc
from news_archive.parse.model import Dump
from news_archive.present import views
from news_archive.present.jsonld import article_jsonld, script_json


@dataclass
class Archive:
    """Everything the templates and the later generator need, computed once per build."""

    settings: dict
    events: list[Event]
    articles: dict  # key (slug) -> Pelican Article
    problems: list[tuple[str, int | None, str]] = field(default_factory=list)  # (path, line, message)
    site_url: str = ""  # the configured SITEURL (absolute when publishing), for structured data

    def __post_init__(self):
        self.event_of = {key: event for event in self.events for key in event.articles}
        self.dumps: dict[str, Dump] = {key: a.dump for key, a in self.articles.items()}
        places = {key: url_and_save_as(a) for key, a in self.articles.items()}
        self.urls = {key: url for key, (url, _) in places.items()}
        self.save_as = {key: save_as for key, (_, save_as) in places.items()}
        self._sources: list | None = None

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

    def coverage_line(self, event: Event) -> str:
        return views.coverage_line(event, self.dumps)

    def copies(self, event: Event) -> dict[str, list]:
        """For each article others copied (one wire story), the articles that published the copies."""
        return {key: [self.articles[k] for k in others] for key, others in views.copies(event, self.dumps).items()}

    @staticmethod
    def copy_slugs(copies: dict[str, list]) -> set[str]:
        return {a.slug for others in copies.values() for a in others}

    def covered_events(self) -> list[Event]:
        """Events more than one article covers, newest first: what a reader looks for first."""
        return [e for e in self.events if len(e.articles) > 1]

    def single_reports(self) -> list[Event]:
        """Events of one article that matched no other coverage, newest first."""
        return [e for e in self.events if len(e.articles) == 1]

    def articles_of(self, event: Event) -> list:
        return [self.articles[key] for key in event.articles]

    def raw_url(self, article) -> str:
        return self.settings["dump_url"].format(path=article.relative_source_path)

    def source_label(self, article) -> str:
        return views.source_label(article.dump)

    def source_url(self, article) -> str:
        return self.settings["source_url"].format(slug=views.source_slug(article.dump))

    @staticmethod
    def archive_years(articles) -> list[tuple[int, list]]:
        """The dated articles by the year of their date, newest year first, each year's newest first
        (ties in the order given): what Jinja's ``rejectattr``, ``groupby`` and ``sort`` made of them,
        in one pass (those filters over 100,000 articles took 1.2 s of a profiled rebuild)."""
        years: dict[int, list] = {}
        for article in articles:
            if not article.undated:
                years.setdefault(article.date.year, []).append(article)
        return [(year, sorted(years[year], key=lambda a: as_utc(a.date), reverse=True)) for year in sorted(years, reverse=True)]

    def archive_rows(self, articles, site_url: str = "") -> Markup:
        """The archive page's row of each dated article (its day, its link, its source), one line
        each: made here in one pass, as a template loop over 100,000 articles took 5 s of a rebuild."""
        rows, base = [], escape(site_url)
        for article in articles:
            day = article.dump.date
            rows.append(
                f'    <li><time datetime="{escape(day.isoformat())}">{escape(views.long_date(day))}</time>\n'
                f'      <a href="{base}/{escape(self.urls[article.slug])}">{article.title}</a> · '
                f"{escape(views.source_label(article.dump))}</li>\n"
            )
        return Markup("".join(rows))

    def url(self, article) -> str:
        """The article's URL, computed once (Pelican's ``article.url`` formats it anew on every call)."""
        return self.urls[article.slug]

    def sources(self) -> list[tuple[str, str, list]]:
        """(label, url, articles newest first) for every source, by label; made once per build (the
        generator and the sources page both ask, and sorting 100,000 articles by date takes a second)."""
        if self._sources is None:
            self._sources = self._sorted_sources()
        return self._sources

    def _sorted_sources(self) -> list[tuple[str, str, list]]:
        found: dict[str, list] = {}
        for article in self.articles.values():
            found.setdefault(views.source_label(article.dump), []).append(article)
        return [
            (label, self.source_url(items[0]), sorted(items, key=lambda a: (as_utc(a.date), a.slug), reverse=True))
            for label, items in sorted(found.items())
        ]


#: The attribute where :func:`fix_place` notes what it set: ``(slug, date, url, save_as)``.
PLACE = "_news_archive_place"


def fix_place(article) -> None:
    """The article's URL and save_as, computed once (:func:`url_and_save_as`) and set as Pelican's own
    overrides (``override_url``, ``override_save_as``), so Pelican does not compute them again each
    time either is read: four times per article in a build, about 10 s of a one-dump rebuild at 100,000
    dumps. An article whose URL Pelican already overrides, a translation or a draft is left alone."""
    forget_place(article)
    if _pelicans_own(article):
        return
    url, save_as = url_and_save_as(article)
    article.override_url, article.override_save_as = url, save_as
    setattr(article, PLACE, (article.slug, article.date, url, save_as))


def forget_place(article) -> None:
    """Undo :func:`fix_place`: what Pelican computes is the article's URL again (an override set since, left)."""
    place = getattr(article, PLACE, None)
    if place is None:
        return
    if getattr(article, "override_url", None) == place[2]:
        del article.override_url
    if getattr(article, "override_save_as", None) == place[3]:
        del article.override_save_as
    delattr(article, PLACE)


def place_holds(article) -> bool:
    """Whether the place :func:`fix_place` set still fits the article's slug, and its date where the
    URL or save_as formats the date (by default neither does: the events stage fills most dates)."""
    place = getattr(article, PLACE, None)
    if place is None or place[0] != article.slug:
        return False
    if "date" not in formatted_fields(str(article.settings["ARTICLE_URL"]), str(article.settings["ARTICLE_SAVE_AS"])):
        return True
    # the same instant in another zone is another day or hour to a URL that formats the date
    return place[1] == article.date and _zone(place[1]) == _zone(article.date)


@functools.lru_cache(maxsize=16)
def formatted_fields(*patterns: str) -> frozenset[str]:
    """The values Pelican's URL patterns (``str.format`` strings) read: ``{date:%Y}`` and
    ``{date.year}`` read ``date``, ``{{date}}`` nothing."""
    return frozenset(
        re.split(r"[.\[]", name, maxsplit=1)[0]
        for pattern in patterns for _, name, _, _ in string.Formatter().parse(pattern) if name is not None
    )


def _zone(moment) -> object:
    return getattr(moment, "tzinfo", None)


def url_and_save_as(article) -> tuple[str, str]:
    """Pelican's ``article.url`` and ``article.save_as``, from one computation of its URL values.

    Each of Pelican's two properties computes those values anew, a relative path included:
    a large part of a rebuild in a large archive. Anything unusual (an override, a translation,
    a draft) is left to Pelican's own properties.
    """
    if _pelicans_own(article):
        return article.url, article.save_as
    url, save_as = str(article.settings["ARTICLE_URL"]), str(article.settings["ARTICLE_SAVE_AS"])
    values = url_values(article, formatted_fields(url, save_as))
    return url.format(**values), save_as.format(**values)


def _pelicans_own(article) -> bool:
    """An article whose URL is left to Pelican's properties: one with an override, a translation, a draft."""
    return hasattr(article, "override_url") or hasattr(article, "override_save_as") or not article.in_default_lang or article.status == "draft"


def url_values(article, fields: frozenset[str] | None = None) -> dict:
    """Pelican's ``Content.url_format``, with the source path relative to the content folder as Pelican
    stored it when it made the article (``url_format`` works it out again: half of its time, 4 s of a
    one-dump rebuild at 100,000 dumps). Tested equal to ``url_format``.

    With ``fields`` (what the URL patterns read, :func:`formatted_fields`), only those values: the
    author's and category's slugs, computed anew for each article's own objects, were 2 s of that
    rebuild with URLs that show neither."""
    whole = fields is None
    fields = _COMPUTED if whole else fields
    values = copy.copy(article.metadata) if whole or not fields <= _COMPUTED else {}
    if "path" in fields:
        values["path"] = path_to_url(_relative_path(article))
    if "slug" in fields:
        values["slug"] = getattr(article, "slug", "")
    if "lang" in fields:
        values["lang"] = getattr(article, "lang", "en")
    if "date" in fields:
        values["date"] = article.date if hasattr(article, "date") else datetime.datetime.now()
    if "author" in fields:
        values["author"] = article.author.slug if hasattr(article, "author") else ""
    if "category" in fields:
        values["category"] = article.category.slug if hasattr(article, "category") else ""
    return values


#: The values :func:`url_values` computes (any other a URL pattern reads is the article's metadata).
_COMPUTED = frozenset({"path", "slug", "lang", "date", "author", "category"})


def _relative_path(article) -> str:
    if "path" in article.metadata:
        return article.metadata["path"]
    return getattr(article, "relative_source_path", None) or article.get_relative_source_path()
