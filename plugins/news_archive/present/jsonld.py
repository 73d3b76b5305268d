"""Structured data for article pages: ``LiveBlogPosting`` for live blogs, ``NewsArticle`` for stories. Pure."""

from __future__ import annotations

import json

from news_archive.parse.model import Dump
from news_archive.present.views import source_label


def script_json(value) -> str:
    """JSON safe inside a <script> element: no '<', '>', '&' or line separators left raw."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def article_jsonld(dump: Dump, url: str) -> dict:
    """schema.org data for one article; ``url`` is the page's URL (absolute when SITEURL is set)."""
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting" if dump.updates else "NewsArticle",
        "headline": dump.display_title[:110],
        "url": url,
    }
    if dump.dek:
        data["description"] = dump.dek.text
    if dump.date:
        data["datePublished"] = dump.date.isoformat()
    if dump.dateline:
        data["dateline"] = dump.dateline
    if dump.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in dump.authors]
    if dump.source or dump.agency:
        data["publisher"] = {"@type": "Organization", "name": source_label(dump)}
    if not dump.updates:
        data["articleBody"] = "\n".join(p.text for p in dump.body or dump.intro)
        return data
    stamps = sorted(u.datetime for u in dump.updates if u.datetime and u.datetime.tzinfo)
    if stamps:
        data["coverageStartTime"] = stamps[0].isoformat()
        data["coverageEndTime"] = stamps[-1].isoformat()
        data["datePublished"] = stamps[0].isoformat()
        data["dateModified"] = stamps[-1].isoformat()
    updates = []
    for update in dump.updates:
        item = {"@type": "BlogPosting", "headline": update.lede[:110], "url": f"{url}#{update.id}", "articleBody": update.text}
        if update.datetime and update.datetime.tzinfo:
            item["datePublished"] = update.datetime.isoformat()
        updates.append(item)
    data["liveBlogUpdate"] = updates
    return data
