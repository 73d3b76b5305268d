"""Stable per-update anchors: derived from an update's content, never from its position."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")
_PUNCTUATION = re.compile(r"[^\w\s]|_")


def slugify(text: str, max_words: int = 8) -> str:
    """ASCII, lower-case, hyphenated: 'Kim–Putin summit: day 2' -> 'kim-putin-summit-day-2'."""
    spaced = _PUNCTUATION.sub(" ", text.replace("'", "").replace("\u2019", ""))
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode("ascii").lower()
    words = [w for w in _NON_WORD.split(ascii_text) if w]
    return "-".join(words[:max_words])


def base_anchor(time: str | None, headline: str | None, first_text: str) -> str:
    """'t-2040' for a time, else 'h-<headline slug>', else 'p-<hash of the first paragraph>'."""
    if time:
        return "t-" + time.replace(":", "")
    if headline and slugify(headline):
        return "h-" + slugify(headline, max_words=6)
    return "p-" + hashlib.sha1(first_text.strip().encode("utf-8")).hexdigest()[:8]


def unique_anchors(bases: list[str], order: str) -> list[str]:
    """Make anchors unique within an article, numbering repeats from the oldest update up.

    A later scrape of a live blog adds updates at the newest end; numbering from
    the oldest end keeps every anchor an earlier scrape had.
    """
    indices = list(range(len(bases)))
    if order == "newest-first":
        indices.reverse()
    used: set[str] = set()
    result = [""] * len(bases)
    for i in indices:
        result[i] = claim(bases[i], used)
    return result


def claim(base: str, used: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is free first; marks it used."""
    candidate, count = base, 1
    while candidate in used:
        count += 1
        candidate = f"{base}-{count}"
    used.add(candidate)
    return candidate


def article_slug(title: str, explicit: str | None, file_name: str) -> str:
    """An article's slug: its ``Slug:`` header, else its title's first ten words, else its file name."""
    stem = file_name.rsplit(".", 1)[0]
    return explicit or slugify(title, max_words=10) or slugify(stem, max_words=10) or "dump"


def dedupe_slugs(named: list[tuple[str, str]]) -> dict[str, str]:
    """{file name: unique slug}: repeats get ``-2``, ``-3`` in file-name order, so the result
    depends only on the set of files, not on the order they were read in."""
    used: set[str] = set()
    return {name: claim(slug, used) for name, slug in sorted(named, key=lambda item: (item[1], item[0]))}
