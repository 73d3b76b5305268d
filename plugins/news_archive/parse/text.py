"""Bytes in, lines out: decoding with an honest guess, and line splitting that keeps numbering."""

from __future__ import annotations

import re

from news_archive.parse.model import Problem, SourceText

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]


class NotText(ValueError):
    """The file is not a text dump at all (binary data)."""


def decode(data: bytes) -> SourceText:
    """Decode a dump: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 or Latin-1.

    Raises :class:`NotText` for binary data. Any guess is reported as a problem.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding).replace("\ufeff", "")  # stray BOMs of concatenated files too
                return SourceText(text, encoding, (Problem(None, f"decoded as {encoding} (byte-order mark)", "info"),))
            except UnicodeDecodeError as error:
                raise NotText(f"starts with a {encoding} byte-order mark but is not valid {encoding}: {error.reason}") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise NotText(f"binary data (a NUL byte on line {line}); a dump must be plain text")
    try:
        return SourceText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        bad = data[error.start : error.start + 1]
    if any(0x80 <= b <= 0x9F for b in data):
        try:
            text, encoding = data.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
    else:
        text, encoding = data.decode("latin-1"), "latin-1"
    message = f"not UTF-8 (byte {bad!r} on line {line}); decoded as {encoding}: save the file as UTF-8 to be sure"
    return SourceText(text, encoding, (Problem(line, message),))


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: CRLF, CR and LF all end a line; a final newline adds none."""
    if not text:
        return []
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def line_above(lines: list[str], line: int, skip: set[int] = frozenset()) -> int | None:
    """The number of the nearest line above ``line`` (1-based) that is not blank, nor in ``skip``."""
    return next((n for n in range(line - 1, 0, -1) if lines[n - 1].strip() and n not in skip), None)


def line_below(lines: list[str], line: int, skip: set[int] = frozenset()) -> int | None:
    """The number of the nearest line below ``line`` (1-based) that is not blank, nor in ``skip``."""
    return next((n for n in range(line + 1, len(lines) + 1) if lines[n - 1].strip() and n not in skip), None)
