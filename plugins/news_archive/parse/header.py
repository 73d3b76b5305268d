"""The optional header block: ``Key: value`` lines at the top, ending at the first blank line.

Only known keys start a header, so a headline with a colon in it is never read as one.
"""

from __future__ import annotations

import logging
import re

from news_archive.parse import vocab
from news_archive.parse.model import Problem

logger = logging.getLogger(__name__)

_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{0,15}?)\s*:\s*(?P<value>.*?)\s*$")


def header_key(line: str) -> tuple[str, str] | None:
    match = _HEADER_LINE.match(line)
    if not match:
        return None
    key = vocab.HEADER_KEYS.get(match["key"].lower())
    return (key, match["value"]) if key else None


def read_header(lines: list[str]) -> tuple[dict[str, tuple[int, str]], list[int], list[Problem]]:
    """(fields as key -> (line, value), header line numbers incl. the closing blank, problems)."""
    if not lines or header_key(lines[0]) is None:
        return {}, [], []
    fields: dict[str, tuple[int, str]] = {}
    used: list[int] = []
    problems: list[Problem] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            used.append(number)  # the blank line that closes the header
            break
        item = header_key(line)
        if item is None:
            problems.append(Problem(number, "the header block ends here without a blank line; put a blank line after the last `Key: value` line"))
            break
        key, value = item
        if key in fields:
            problems.append(Problem(number, f"`{key}` is given twice in the header; the later value is used"))
        fields[key] = (number, value)
        used.append(number)
    logger.debug("read_header: %s", sorted(fields))
    return fields, used, problems
