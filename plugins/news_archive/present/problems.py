"""An archive's problems, as the build reports them and ``news-archive check`` lists them: one line each,
``path:line: message``, sorted, and one closing count; the same list for the same dumps either way."""

from __future__ import annotations

from news_archive.parse.model import Dump

#: (path as the user sees it, line or None, message)
Problem = tuple[str, int | None, str]

UNDATED = "undated: no Date: header, no date in the text, and no dated coverage of the same event; add `Date: YYYY-MM-DD`"


def slug_taken(old: str, new: str) -> str:
    return f"another dump already has the slug {old!r}; this one is {new!r} (set `Slug:` to choose)"


def of_dump(path: str, dump: Dump, filled: Dump | None = None) -> list[Problem]:
    """A parsed dump's problems, and "undated" when neither it nor its event dated it (``filled``)."""
    found = [(path, p.line, p.message) for p in dump.problems if p.level != "info"]
    if (filled or dump).date is None:
        found.append((path, None, UNDATED))
    return found


def line(problem: Problem) -> str:
    path, number, message = problem
    return f"{path}{f':{number}' if number else ''}: {message}"


def ordered(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p[0], p[1] or 0, p[2]))


def summary(problems: list[Problem]) -> str:
    return f"{len(problems)} problem(s) in {len({path for path, _, _ in problems})} dump(s)"
