"""Terms exactly as lunr.js makes them: our Python port against lunr.js itself, in node."""

import json
import subprocess

import pytest

from news_archive.search.jsport import STOP_WORDS, index_terms, stem

from ..conftest import ALL_FIXTURE_DUMPS, ROOT
from .wordlist import words

NODE_SCRIPTS = ROOT / "tests" / "search" / "js"


def lunr_js_terms(texts):
    done = subprocess.run(
        ["node", str(NODE_SCRIPTS / "pipeline.js")], input=json.dumps(texts), capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(done.stdout)


def test_word_list_is_large_enough():
    assert len(words()) > 5000


def test_every_word_becomes_the_same_terms_as_in_lunr_js():
    texts = words()
    expected = lunr_js_terms(texts)
    mismatches = [(t, e, index_terms(t)) for t, e in zip(texts, expected) if e != index_terms(t)]
    assert mismatches == []


def test_whole_paragraphs_become_the_same_terms():
    paragraphs = []
    for path in sorted((ROOT / "content" / "dumps").glob("*.txt")) + ALL_FIXTURE_DUMPS:
        paragraphs += path.read_text(encoding="utf-8").splitlines()
    paragraphs += ["8:40\u202fp.m. narrow\u2009spaces\u00a0and\u3000others", "tab\there\x0bvertical\x0cfeed"]
    assert [index_terms(p) for p in paragraphs] == lunr_js_terms(paragraphs)


def test_stop_words_are_lunr_js_stop_words():
    assert lunr_js_terms(sorted(STOP_WORDS)) == [[] for _ in STOP_WORDS]


@pytest.mark.parametrize("word, expected", [("day", "day"), ("say", "say"), ("thursday", "thursday"), ("cry", "cri"), ("money", "money")])
def test_final_y_after_a_vowel_stays_as_in_lunr_js(word, expected):
    # lunr.py 0.8.0 makes these "dai", "sai", "thursdai": lunr.js would never find them
    assert stem(word) == expected


def test_inner_punctuation_is_trimmed_as_in_lunr_js():
    assert index_terms("U.S. a.m.") == ["u.", "a.m"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Thursday\u2019s summit", "Thursday summit"),
        ("Russia's clout", "Russia clout"),
        ("officials' says", "officials' says"),  # the trimmer drops the trailing apostrophe itself
        ("it\u2019s", "it"),
        ("don\u2019t", "don't"),
        ("Kim's' o'sullivan", "Kim' o'sullivan"),
    ],
)
def test_search_text_straightens_apostrophes_and_drops_possessives(text, expected):
    from news_archive.search.index import search_text

    assert search_text(text) == expected
