"""The first results of a query, read from the heads of long posting lists (``searchTop``), are the
monolithic index's first results: the same documents, scores and order, on a generated archive
large enough for every common word to have tails."""

import json
import random
import re
from collections import Counter
import subprocess

import pytest

from news_archive.cli import load_keyed
from news_archive.events import build_events
from news_archive.search.documents import documents
from news_archive.search.index import build_index
from news_archive.search.pieces import as_scripts, record_text, split_index
from lunr.stop_word_filter import WORDS as STOP_WORDS
from tools.corpus import generate

from ..conftest import ROOT

# a list of more than 64 documents is cut at each end, a shorter one after its head alone (tail_ends)
TIERS = (16, 32, 64)
# a list up to this long (as one tier's text) is written whole, a longer one cut: about a third of the
# lists longer than a head here, the rarer words (WHOLE_BYTES in search/pieces.py)
WHOLE_BYTES = 400
COUNT = 10


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    work = tmp_path_factory.mktemp("top")
    truth = generate(120, work / "dumps", seed=4)
    events, dumps = build_events(load_keyed(sorted((work / "dumps").glob("*.txt"))))
    docs = documents(events, dumps, {key: f"articles/{key}.html" for key in dumps})
    index = build_index(docs)
    split = split_index(index, [record_text(d.record) for d in docs], tiers=TIERS, whole_bytes=WHOLE_BYTES)
    entries = [entry for name, text in split.items() if name.startswith("t/") for entry in json.loads(text)]
    assert sum(len(entry) > 4 and entry[5] == [] for entry in entries) >= 50  # whole lists, and
    assert sum(len(entry) > 4 and entry[5] != [] for entry in entries) >= 100  # lists with tails
    files = as_scripts(split, compress=True)
    for name, text in files.items():
        (work / "pieces" / name).parent.mkdir(parents=True, exist_ok=True)
        (work / "pieces" / name).write_text(text, encoding="utf-8")
    rng = random.Random(7)
    words = sorted({w for r in truth for w in (*r["people"], r["place"], r["event_kind"])})
    counted = Counter(w for d in docs for w in set(re.findall(r"\b[a-z]{5,}\b", d.body)))
    common = [w for w, _ in counted.most_common(40) if w not in STOP_WORDS][:12]
    queries = [f"{r['people'][0]} {r['place']}" for r in truth[:6]] + [f"{r['event_kind']} {r['place']}" for r in truth[:6]]
    queries += common + [" ".join(rng.sample(common, 2)) for _ in range(8)] + [" ".join(rng.sample(words, rng.choice([1, 2, 3]))) for _ in range(14)]
    queries += [f"body:{common[0]}", f"{common[1]}^5 {common[2]}", f"{common[3]} {common[3]}", f"{words[0]} {common[4]}"]
    (work / "queries.json").write_text(json.dumps(queries), encoding="utf-8")
    (work / "mono.json").write_text(json.dumps(index.serialize()), encoding="utf-8")
    (work / "refs.json").write_text(json.dumps(index.refs), encoding="utf-8")
    found = {}
    for policy, whole in (("default", None), ("tier by tier", "0")):
        done = subprocess.run(["node", str(ROOT / "tests" / "search" / "js" / "top.js"), str(work), str(COUNT), *([whole] if whole else [])],
                              capture_output=True, text=True, check=True, cwd=ROOT)
        found[policy] = json.loads(done.stdout)
    return found, len(docs)


@pytest.mark.parametrize("policy", ["default", "tier by tier"])
def test_first_results_are_the_monolithic_indexs(answers, policy):
    found, _ = answers
    for answer in found[policy]:
        top, mono = answer["top"], answer["mono"]
        assert top["results"] == (mono if top["complete"] else mono[:COUNT]), answer["query"]
        assert mono, answer["query"]
        if top.get("total") is not None:  # known when every tier was loaded
            assert top["total"] == len(mono), answer["query"]
        # the page's prefetch and its search share each piece: none is loaded twice
        assert top["twice"] == [], answer["query"]


def test_common_words_are_answered_from_the_heads_of_their_lists(answers):
    found, docs = answers
    found = found["tier by tier"]  # every list longer than a head loaded one tier per round
    assert docs > 500

    def tails(bytes_):
        return bytes_.get("p", 0)

    # answered before every tier of its words was loaded
    early = [a for a in found if tails(a["top"]["bytes"]) < tails(a["whole"])]
    # a word alone is ranked by its own weight, which its list's head holds: never the whole list
    singles = [a for a in found if " " not in a["query"] and ":" not in a["query"] and len(a["mono"]) > 64]
    assert len(singles) >= 10 and all(a in early for a in singles)
    # two words: a document may hold both outside the heads, so some need every tier
    assert len(early) >= len(found) * 0.4
    first = sum(tails(a["top"]["bytes"]) for a in early)
    whole = sum(tails(a["whole"]) for a in early)
    assert first < whole / 2
    # with every tier loaded the first page is still lunr.js run on those documents alone, and the
    # number of matches is known
    assert any(not a["top"]["complete"] and a["top"]["total"] for a in found)


def test_lists_that_the_heads_did_not_settle_come_whole_in_one_round(answers):
    found, _ = answers
    by_query = {a["query"]: a for a in found["tier by tier"]}
    # every list here is shorter than WHOLE_LIST: at most one round of tails, where tier by tier
    # takes up to one round per tier
    assert all(a["top"]["rounds"] <= 1 for a in found["default"])
    assert max(a["top"]["rounds"] for a in by_query.values()) >= 2
    for answer in found["default"]:
        tiered = by_query[answer["query"]]["top"]
        if answer["top"]["rounds"] == 0:  # settled on the heads, as tier by tier
            assert tiered["rounds"] == 0 and answer["top"]["bytes"] == tiered["bytes"], answer["query"]
        else:  # every tier of its words, the whole answer's bytes
            assert tiered["rounds"] >= 1 and answer["top"]["bytes"].get("p") == answer["whole"].get("p"), answer["query"]


def test_with_every_tier_loaded_a_document_that_cannot_reach_the_first_places_is_only_counted(answers):
    found, _ = answers
    whole = [a for a in found["default"] if a["top"]["total"] is not None]
    # total: every matching document (as many as the monolithic index returns, the test above);
    # summed: those whose scores were added up. A common word's documents that hold none of the
    # rarer words cannot reach the first places once the rarer words are summed.
    assert whole and all(a["top"]["summed"] <= a["top"]["total"] for a in whole)
    assert sum(a["top"]["summed"] < a["top"]["total"] for a in whole) >= 3


def test_a_first_page_asks_for_its_first_record_alone_while_lunr_js_ranks_it(answers):
    found, _ = answers
    pages = [a for a in found["default"] if a["top"]["firstRecord"] is not None]
    # the best sum is lunr.js's first result but for ties: its record is asked for before lunr.js has
    # ranked the first page, and only its own (the page asks for the others' once it has come)
    assert len(pages) >= 10 and all(a["top"]["firstRecord"] for a in pages), [a["query"] for a in pages if not a["top"]["firstRecord"]]
    assert all(a["top"]["recordFiles"] == 1 for a in pages), [a["query"] for a in pages if a["top"]["recordFiles"] != 1]
    assert all(a["top"]["firstRecord"] is None for a in found["default"] if a["top"]["complete"])


def test_a_page_runs_each_word_through_the_pipeline_once(answers):
    """A search reads its words' terms a dozen times (the chunks it needs, the terms present, their
    bounds, the ranking), and in a fresh page the stemmer runs cold: each word is stemmed once."""
    found, _ = answers
    for answer in found["default"]:
        piped = answer["top"]["piped"]
        assert piped and set(piped.values()) == {1}, (answer["query"], piped)


@pytest.mark.parametrize("policy", ["default", "tier by tier"])
def test_while_the_first_tails_come_the_page_is_given_a_result_to_warm_up_on(answers, policy):
    found, _ = answers
    needed = [a for a in found[policy] if a["top"]["rounds"] >= 1]
    assert len(needed) >= 10
    for answer in found[policy]:
        warmed = answer["top"]["warmed"]
        # once per page, as its first tails are asked for; never for a query its heads settle
        assert len(warmed) == (1 if answer["top"]["rounds"] >= 1 else 0), answer["query"]
        # a result lunr.js's arithmetic ranked: a document the query matches, and what it matched
        # there (the warm-up threw each time: the results above are unchanged by it)
        for result in warmed:
            assert result["ref"] in {ref for ref, _ in answer["mono"]} and result["terms"], answer["query"]
