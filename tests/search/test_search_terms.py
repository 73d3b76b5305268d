"""Terms exactly as lunr.js makes them: our Python port against lunr.js itself, in node."""

import json
import random
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


def test_a_result_marks_the_words_it_matched_stemming_only_those_that_can_match():
    """matchingWords (search-index.js) against every word run through lunr.js's pipeline."""
    rng = random.Random(3)
    vocabulary = words()
    decorated = ["(", "“", "‘", "'", "—", "..."], [",", ".", "”", "’s", "'s", "’", ")", ":"]
    texts = []
    for start in range(0, len(vocabulary), 60):
        texts.append(" ".join(rng.choice(decorated[0]) * rng.randint(0, 1) + w + rng.choice(decorated[1]) * rng.randint(0, 1)
                              for w in vocabulary[start : start + 60]))
    # and words that are names of every JavaScript object's properties: a match only when searched for
    texts += ["'s. — ’s", "x-ray self-defence well-known", "", "U.S. officials’ statement", "Ñandú über café naïve",
              "The constructor's toString valueOf __proto__ hasOwnProperty"]
    queries = [" ".join(rng.sample(vocabulary, rng.randint(1, 3))) for _ in range(40)]
    queries += ["—", "’s", "u.s", "self-defence", "running ran runs", "café", "the of", "constructor", "cats", "__proto__"]
    done = subprocess.run(["node", str(NODE_SCRIPTS / "highlight.js")], input=json.dumps({"texts": texts, "queries": queries}),
                          capture_output=True, text=True, check=True, cwd=ROOT)
    out = json.loads(done.stdout)
    assert out["mismatches"] == []
    assert out["compared"] > 3000 and out["hits"] > 100
    assert out["stemmed"] < out["words"] / 5  # most words never reach the stemmer
