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
    marked = sum(1 for t in tokens if t.stamp_at in ("start", "end"))  # a post's stamp, set off from its text
    separators = sum(1 for t in tokens if t.kind == "sep")
    with_text, headlines_only = stamp_sections(tokens)
    if times + inline and headlines_only > with_text:
        times = inline = marked = 0  # stamps over headlines only: a list of other stories ("13 hours ago"), not updates
    wanted = header.get("kind", "").lower()
    if wanted and wanted not in ("liveblog", "story"):
        problems.append(Problem(None, f"unknown Kind {wanted!r}: use 'liveblog' or 'story'"))
        wanted = ""
    if wanted == "story":
        return "story", "story"
    live_title = bool(vocab.LIVE_MARKERS.search(title.text)) or any(
        vocab.LIVE_PAGE_LINE.search(text)
        for text in [t.text for t in tokens[:12] if t.kind == "text"] + [d.text for d in dropped if not d.reason.startswith(vocab.SIGN_UP_PITCHES)]
    )
    labelled = sum(1 for t in tokens if t.stamp_at == "end")  # "...published at 02:31 GMT": explicit
    if times >= 2 or (times and (separators or live_title or post_after_stamp(tokens))) or times + inline >= 3 \
            or (times + inline and live_title) or marked >= 2 or labelled:
        return "liveblog", "timed"
    if wanted == "liveblog" or live_title:
        return "liveblog", "headline"
    return "story", "story"


def stamp_sections(tokens: list) -> tuple[int, int]:
    """(stamps followed by a sentence before the next stamp, stamps followed by headlines only): an update
    reports something; a list of other stories ("13 hours ago" under each headline) does not. A stamp with
    nothing under it (a post whose embed was lost) counts as neither."""
    with_text = headlines_only = 0
    state = None  # None: no stamp yet; else [has a sentence, has any text]
    for token in tokens:
        if token.stamp is not None:
            if state is not None:
                with_text += state[0]
                headlines_only += state[1] and not state[0]
            rest = token.rest if token.kind == "text" else None
            state = [bool(rest) and rules.sentence_like(rest), bool(rest)]
        elif token.kind == "text" and state is not None:
            state = [state[0] or rules.sentence_like(token.text), True]
    if state is not None:
        with_text += state[0]
        headlines_only += state[1] and not state[0]
    return with_text, headlines_only


def post_after_stamp(tokens: list) -> bool:
    """A stamp alone on its line, then a headline, then text: a post. (A byline's time runs straight into
    text; a stamp with its year is the page's own publication stamp.)"""
    for i, token in enumerate(tokens[:-2]):
        if token.kind == "time":
            if vocab.YEAR.search(token.stamp.date_text or ""):
                return False
            following = [t for t in tokens[i + 1 : i + 3] if t.kind == "text"]
            return len(following) == 2 and rules.looks_like_headline(following[0].text) and not rules.looks_like_headline(following[1].text)
    return False
