"""Site template learned from the archive itself: what one page cannot tell, many pages can.

A line that recurs word for word in articles about different events ("Need more space? Subscribe to
our sister title ...", a site's own author bio, "This article has been adapted from its original
source.") is the template of the site they came from, not news: it is dropped from every article
that carries it, and reported like any other dropped line (rule ``site_template``). Wire copy
repeated across articles about the *same* event is news and stays: only lines seen in two events or
more count. A stamp, a headline, a dek and an update's first paragraph are never taken, so nothing
an event's timeline lists goes away. Pure: events and their dumps in, dumps out.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from operator import attrgetter

from news_archive.events.model import Event
from news_archive.parse.model import Dropped, Dump, Para, copy_with

RULE = "site_template: also word for word in articles about other events (the site's template, learned from the archive)"


def template_lines(events: list[Event], dumps: dict[str, Dump], texts: dict[str, list[str]] | None = None) -> frozenset[str]:
    """The lines seen, word for word, in the droppable text of articles of two events or more, that do
    not name what their event is about (background about a strike, repeated in every strike's
    coverage, names the strike: it is news, not the site's template), in two such events at least.
    ``texts``: each article's droppable texts (:func:`droppable_texts`), if already read."""
    texts = droppable_texts(events, dumps) if texts is None else texts
    # each event's lines as one set, counted once per event (set operations and Counter's own loop:
    # almost every line of an archive is in one event, and never looked at one by one)
    in_events: Counter[str] = Counter()
    for event in events:
        in_events.update(set().union(*(texts[key] for key in event.articles)))
    shared = {line for line, count in in_events.items() if count >= 2}
    del in_events
    words = {line: words_in(line) for line in shared}  # each read once, however many events carry it
    foreign_in: Counter[str] = Counter()  # line -> the events it is in and names nothing of
    for event in events:  # each event's set made again, not kept from the first pass: all of them at once
        # would hold every line of the archive once per event carrying it
        lines = set().union(*(texts[key] for key in event.articles))
        lines &= shared
        if lines:
            topic = topic_words(event)
            foreign_in.update([line for line in lines if topic.isdisjoint(words[line])] if topic else lines)
    return frozenset(line for line, count in foreign_in.items() if count >= 2)


def droppable_texts(events: list[Event], dumps: dict[str, Dump]) -> dict[str, list[str]]:
    """Each article's droppable texts (:func:`droppable_text`), by key."""
    return {key: droppable_text(dumps[key]) for event in events for key in event.articles}


def droppable_text(dump: Dump) -> list[str]:
    """The texts a template line may be: the article's text and captions, and an update's later
    paragraphs (never its headline or first paragraph, which the timeline shows)."""
    texts = [*map(TEXT, dump.intro), *map(TEXT, dump.body), *map(TEXT, dump.captions)]
    for update in dump.updates:
        texts += map(TEXT, update.paragraphs[1:])
        texts += map(TEXT, update.captions)
    return texts


def topic_words(event: Event) -> frozenset[str]:
    """The words of an event's name: what its articles are about ("Kim", "Putin", "summit")."""
    return frozenset(w for w in words_in(event.name) if len(w) >= 4)


def words_in(line: str) -> frozenset[str]:
    """A line's words, as its event's topic is looked for in it: a line that has none of them names
    nothing of its event's topic."""
    return frozenset(_WORD.findall(line.lower()))


_WORD = re.compile(r"[a-z]+")
TEXT = attrgetter("text")  # a paragraph's text


def without_template(
    dump: Dump, lines: frozenset[str], topic: frozenset[str] = frozenset(), words: dict | None = None, texts: list[str] | None = None
) -> Dump:
    """The dump with its template lines dropped (and reported), but those that name ``topic``, its
    event's; its digest says so, for the caches. ``words``, if given, holds each line's words, read
    once for every dump that carries it (:func:`line_words`); ``texts``, the dump's droppable texts, if
    already read. Only the parts that lose a line are copied: a blog's other updates stay the same
    objects, and a part is looked through only once it is known to hold such a line (an archive's
    template lines sit in a few paragraphs of a quarter of its dumps, and every build drops them again)."""
    words = line_words(lines) if words is None else words
    if not words:
        return dump
    texts = droppable_text(dump) if texts is None else texts
    going = {text for text in texts if text in words and topic.isdisjoint(words[text])}
    if not going:
        return dump
    gone: list[Para] = []

    def keep(paras: tuple[Para, ...]) -> tuple[Para, ...]:
        if going.isdisjoint(map(TEXT, paras)):
            return paras
        gone.extend(p for p in paras if p.text in going)
        return tuple(p for p in paras if p.text not in going)

    intro, body, captions = keep(dump.intro), keep(dump.body), keep(dump.captions)
    if not dump.updates and not intro and not body:
        return dump  # a story that would keep no text at all keeps it: the line is its news
    updates = []
    for update in dump.updates:
        rest = update.paragraphs[1:]
        kept, update_captions = keep(rest), keep(update.captions)
        paragraphs = update.paragraphs if kept is rest else update.paragraphs[:1] + kept
        changed = paragraphs is not update.paragraphs or update_captions is not update.captions
        updates.append(copy_with(update, paragraphs=paragraphs, captions=update_captions) if changed else update)
    lines_gone = sorted({p.line for p in gone})
    dropped = tuple(sorted(dump.dropped + tuple(Dropped(p.line, p.text, RULE) for p in gone), key=lambda d: d.line))
    digest = hashlib.sha1(f"{dump.digest}\n{lines_gone}".encode()).hexdigest() if dump.digest else dump.digest
    return dump.with_(intro=intro, body=body, captions=captions, updates=tuple(updates), dropped=dropped, digest=digest)


def drop_site_template(events: list[Event], dumps: dict[str, Dump]) -> dict[str, Dump]:
    """Every dump without the lines the archive shows to be site template (and that name nothing of
    the dump's own event)."""
    texts = droppable_texts(events, dumps)
    lines = template_lines(events, dumps, texts)
    if not lines:
        return dumps
    result = dict(dumps)
    words = line_words(lines)
    for event in events:
        topic = topic_words(event)
        for key in event.articles:
            if not lines.isdisjoint(texts[key]):  # else it has nothing to drop
                result[key] = without_template(dumps[key], lines, topic, words, texts[key])
    return result


def line_words(lines: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each template line's words (:func:`words_in`): a site's template line is in thousands of
    articles, and read once."""
    return {line: words_in(line) for line in lines}
