"""A dump's kind: a live blog whose updates start at stamps, one whose updates start at headlines, or a story.

A rule of the parser's cascade (``cascade.py``), over the tokens it classified.
"""

from __future__ import annotations

from news_archive.parse import rules, vocab
from news_archive.parse.model import Dropped, Para, Problem


def find_kind(header: dict[str, str], title: Para, tokens: list, dropped: list[Dropped], problems: list[Problem]) -> tuple[str, str]:
    """(kind, how its updates are found): "timed" by stamps, "headline" by headlines, or a "story"."""
    times = sum(1 for t in tokens if t.kind == "time")
    inline = sum(1 for t in tokens if t.kind == "text" and t.stamp)
    marked = sum(1 for t in tokens if t.kind == "text" and t.stamp and (rules.stamp_separated(t.text) or rules.stamp_suffix(t.text)))
    separators = sum(1 for t in tokens if t.kind == "sep")
    if times + inline and stamps_with_text(tokens) * 2 < times + inline:
        times = inline = marked = 0  # stamps over headlines only: a list of other stories ("13 hours ago"), not updates
    wanted = header.get("kind", "").lower()
    if wanted and wanted not in ("liveblog", "story"):
        problems.append(Problem(None, f"unknown Kind {wanted!r}: use 'liveblog' or 'story'"))
        wanted = ""
    if wanted == "story":
        return "story", "story"
    live_title = bool(vocab.LIVE_MARKERS.search(title.text)) or any(
        vocab.LIVE_PAGE_LINE.search(text) for text in [t.text for t in tokens[:12] if t.kind == "text"] + [d.text for d in dropped]
    )
    if times >= 2 or (times and (separators or live_title)) or times + inline >= 3 or (times + inline and live_title) \
            or marked >= 2:
        return "liveblog", "timed"
    if wanted == "liveblog" or live_title:
        return "liveblog", "headline"
    return "story", "story"


def stamps_with_text(tokens: list) -> int:
    """How many stamps are followed, before the next stamp, by a sentence: an update reports something."""
    found, has_text = 0, None
    for token in tokens:
        if token.stamp is not None:
            found += bool(has_text)
            has_text = token.kind == "text" and rules.sentence_like(token.rest)
        elif token.kind == "text" and has_text is not None:
            has_text = has_text or rules.sentence_like(token.text)
    return found + bool(has_text)
