"""A dump model as an HTML fragment: the article body Pelican stores as ``content``.

Pure and escape-everything: dump text is text, never markup. One function per
piece, so the article page, feeds and tests all show an update the same way.
"""

from __future__ import annotations

from html import escape

from news_archive.parse.model import Dump, Para, Update


def clock(time: str | None) -> str:
    """'20:40' -> '8:40 p.m.', '12:00' -> 'noon', '00:00' -> 'midnight' (AP style)."""
    if not time:
        return ""
    hour, minute = map(int, time.split(":"))
    if (hour, minute) == (12, 0):
        return "noon"
    if (hour, minute) == (0, 0):
        return "midnight"
    suffix = "a.m." if hour < 12 else "p.m."
    hour12 = hour % 12 or 12
    return f"{hour12}:{minute:02d} {suffix}" if minute else f"{hour12} {suffix}"


def _attr(value: str) -> str:
    return escape(value, quote=True)


def para(p: Para, tag: str = "p", cls: str | None = None) -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<{tag}{klass} data-line="{p.line}">{escape(p.text, quote=False)}</{tag}>'


def caption(p: Para) -> str:
    return f'<figure class="caption" data-line="{p.line}"><figcaption>{escape(p.text, quote=False)}</figcaption></figure>'


def time_element(update: Update) -> str:
    if not update.time:  # a stamp with no clock time ("25 min ago") is shown as written
        return f'<span class="stamp">{escape(update.time_text, quote=False)}</span>' if update.time_text else ""
    stamp = update.datetime.isoformat() if update.datetime else update.time
    shown = escape(update.time_text or clock(update.time), quote=False)
    return f'<time datetime="{_attr(stamp)}">{shown}</time>'


def update_html(update: Update, level: int = 2) -> str:
    """One update: an element carrying its anchor id, its time, headline, paragraphs and captions."""
    head = [time_element(update)]
    if update.headline:
        head.append(para(update.headline, tag=f"h{level}", cls="update-headline"))
    permalink = f'<a class="permalink" href="#{_attr(update.id)}" aria-label="Link to this update">#</a>'
    parts = [f'<article class="update" id="{_attr(update.id)}">', f'<header class="update-header">{"".join(head)}{permalink}</header>']
    parts += [para(p) for p in update.paragraphs]
    parts += [caption(c) for c in update.captions]
    parts.append("</article>")
    return "".join(parts)


def article_html(dump: Dump) -> str:
    """The article body: intro (or a story's body), captions, then the updates in source order."""
    out = [f'<div class="dump dump-{dump.kind}" data-order="{dump.order}">']
    if dump.intro:
        out.append('<section class="intro">' + "".join(para(p) for p in dump.intro) + "</section>")
    if dump.body:
        out.append('<section class="story-body">' + "".join(para(p) for p in dump.body) + "</section>")
    if dump.captions:
        out.append('<section class="captions">' + "".join(caption(c) for c in dump.captions) + "</section>")
    if dump.updates:
        out.append('<section class="updates" aria-label="Updates">' + "\n".join(update_html(u) for u in dump.updates) + "</section>")
    out.append("</div>")
    return "\n".join(out)


class LazyArticleHtml:
    """``article_html(dump)`` when called, never kept: Pelican keeps what a page asked for while it
    needs it (``pelican.plugin.forget_written_content`` drops that once the page is written), so an
    archive's HTML is never all in memory at once. Plain and picklable, so Pelican can cache the
    Article it hangs on (``CONTENT_CACHING_LAYER = "generator"``)."""

    def __init__(self, dump: Dump):
        self.dump = dump

    def __call__(self) -> str:
        return article_html(self.dump)
