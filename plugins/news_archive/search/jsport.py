"""lunr.js 2.3.9's text pipeline, ported exactly: tokenizer, trimmer, stop words, Porter stemmer.

lunr.py 0.8.0 differs from lunr.js where it matters for a Python-built index searched
by lunr.js: its stemmer turns a final "y" after a vowel into "i" (day, say, Thursday),
its trimmer leaves tokens with inner punctuation untrimmed (``u.s.``), its ``\\W`` is
Unicode-aware where JavaScript's is ASCII-only (``josé``), and its tokenizer splits on
fewer spaces than JavaScript's ``\\s`` (``8:40\\u202fp.m.``). This module follows the
JavaScript source line by line, counting string length in UTF-16 code units as
JavaScript does. ``tests/test_search_terms.py`` runs lunr.js itself in node to prove it.
"""

from __future__ import annotations

import functools
import re

from lunr.stop_word_filter import WORDS as STOP_WORDS

# JavaScript's \s, and lunr.tokenizer.separator = /[\s\-]+/
_JS_SPACE = "\t\n\x0b\x0c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_SEPARATOR = re.compile(f"[{_JS_SPACE}\\-]+")
_LEADING = re.compile(r"^\W+", re.ASCII)
_TRAILING = re.compile(r"\W+\Z", re.ASCII)


def tokenize(text: str) -> list[str]:
    """lunr.tokenizer: lower-case, split on runs of JavaScript whitespace and hyphens."""
    return [piece for piece in _SEPARATOR.split(text.lower()) if piece]


def trim(token: str) -> str:
    """lunr.trimmer: strip leading and trailing ASCII non-word characters."""
    return _TRAILING.sub("", _LEADING.sub("", token, count=1), count=1)


# --- Porter stemmer, as lunr.stemmer writes it ---------------------------------------------------

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
    "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
    "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
    "iviti": "ive", "biliti": "ble", "logi": "log",
}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}

_c = "[^aeiou]"
_v = "[aeiouy]"
_C = _c + "[^aeiouy]*"
_V = _v + "[aeiou]*"
_MGR0 = re.compile("^(" + _C + ")?" + _V + _C)
_MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")
_MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)
_S_V = re.compile("^(" + _C + ")?" + _v)

_RE_1A = re.compile(r"^(.+?)(ss|i)es$")
_RE2_1A = re.compile(r"^(.+?)([^s])s$")
_RE_1B = re.compile(r"^(.+?)eed$")
_RE2_1B = re.compile(r"^(.+?)(ed|ing)$")
_RE_1B_2 = re.compile(r".$")
_RE2_1B_2 = re.compile(r"(at|bl|iz)$")
_RE3_1B_2 = re.compile(r"([^aeiouylsz])\1$")
_RE4_1B_2 = re.compile("^" + _C + _v + "[^aeiouwxy]$")
_RE_1C = re.compile(r"^(.+?[^aeiou])y$")
_RE_2 = re.compile(r"^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$")
_RE_3 = re.compile(r"^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$")
_RE_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$")
_RE2_4 = re.compile(r"^(.+?)(s|t)(ion)$")
_RE_5 = re.compile(r"^(.+?)e$")
_RE_5_1 = re.compile(r"ll$")
_RE3_5 = re.compile("^" + _C + _v + "[^aeiouwxy]$")


def _to_utf16_units(word: str) -> str:
    """Split astral characters into surrogate pairs, so lengths and '.' count as in JavaScript."""
    out = []
    for ch in word:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF)))
        else:
            out.append(ch)
    return "".join(out)


def _from_utf16_units(word: str) -> str:
    return word.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _porter(w: str) -> str:
    if len(w) < 3:
        return w
    firstch = w[0]
    if firstch == "y":
        w = "Y" + w[1:]

    # Step 1a
    if _RE_1A.search(w):
        w = _RE_1A.sub(r"\1\2", w, count=1)
    elif _RE2_1A.search(w):
        w = _RE2_1A.sub(r"\1\2", w, count=1)

    # Step 1b
    match = _RE_1B.search(w)
    if match:
        if _MGR0.search(match.group(1)):
            w = _RE_1B_2.sub("", w, count=1)
    else:
        match = _RE2_1B.search(w)
        if match:
            stem = match.group(1)
            if _S_V.search(stem):
                w = stem
                if _RE2_1B_2.search(w):
                    w = w + "e"
                elif _RE3_1B_2.search(w):
                    w = _RE_1B_2.sub("", w, count=1)
                elif _RE4_1B_2.search(w):
                    w = w + "e"

    # Step 1c: y -> i only after a consonant that is not the first letter (cry -> cri, say -> say)
    match = _RE_1C.search(w)
    if match:
        w = match.group(1) + "i"

    # Step 2
    match = _RE_2.search(w)
    if match and _MGR0.search(match.group(1)):
        w = match.group(1) + _STEP2[match.group(2)]

    # Step 3
    match = _RE_3.search(w)
    if match and _MGR0.search(match.group(1)):
        w = match.group(1) + _STEP3[match.group(2)]

    # Step 4
    match = _RE_4.search(w)
    if match:
        if _MGR1.search(match.group(1)):
            w = match.group(1)
    else:
        match = _RE2_4.search(w)
        if match:
            stem = match.group(1) + match.group(2)
            if _MGR1.search(stem):
                w = stem

    # Step 5
    match = _RE_5.search(w)
    if match:
        stem = match.group(1)
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _RE3_5.search(stem)):
            w = stem
    if _RE_5_1.search(w) and _MGR1.search(w):
        w = _RE_1B_2.sub("", w, count=1)

    if firstch == "y":
        w = "y" + w[1:]
    return w


@functools.lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """lunr.stemmer on one word."""
    if all(ord(ch) <= 0xFFFF for ch in word):
        return _porter(word)
    return _from_utf16_units(_porter(_to_utf16_units(word)))


@functools.lru_cache(maxsize=1 << 18)
def index_term(token: str) -> str | None:
    """The index pipeline on one token: trimmer, stopWordFilter, stemmer. None when it is a stop word."""
    trimmed = trim(token)
    if trimmed in STOP_WORDS:
        return None
    return stem(trimmed)


def index_terms(text: str) -> list[str]:
    """Every term lunr.js would index for a text, in order (repeats kept)."""
    return [term for token in tokenize(text) if (term := index_term(token)) is not None]
