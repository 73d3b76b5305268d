"""The Python-built index against lunr.js: same terms, same hits, same scores; and the pieces too."""

import json
import math
import random
import re
import subprocess
from pathlib import Path

import pytest

from news_archive.search.documents import FIELDS
from news_archive.search.index import build_index
from news_archive.search.pieces import as_scripts, packed, paired, record_text, split_index, tail_ends, term_text

from ..conftest import ROOT

TIERS = (4, 16, 64)
# lists up to this long (as one tier's text) written whole, longer ones cut: queries meet both kinds
WHOLE_BYTES = 100
PROPERTY_NAMES = Path(__file__).parent / "fixtures" / "property_names.txt"
from .searchdocs import sample_documents

QUERIES = [
    "Vladivostok", "vladivostok", "Thursday", "say", "said", "Putin", "Kim", "summit", "U.S.", "u.s", "Putin’s",
    "Kim-Putin", "denuclearization", "armored train", "Jakarta floods", "Western Journal", "Moon Jae-in",
    "title:putin", "headline:vladivostok", "body:thursday", "source:reuters", "event:summit", "place:jakarta",
    "+putin +kim", "+putin -trump", "-putin kim", "putin^10 kim", "vlad*", "summ*", "den*", "t*", "*stok",
    "vladivostak~1", "putin~2", "north korea", "korean peninsula", "election", "marathon heat", "zzzz",
    "title:", "nosuchfield:putin", "", "-putin",
    # words that name every JavaScript object's properties, in the index (a fixture's) and not
    "constructor", "constructor bridge", "__proto__", "hasOwnProperty council", "valueOf", "toString", "prototype",
    "isPrototypeOf", "constructor isPrototypeOf",
]


# exact ties (odd sixteenths: Python rounds them to even, toFixed would round up), their
# neighbours one ulp away, and ordinary scores
ROUNDING = [0.0625, 0.1875, 0.3125, 1.0625, 2.4375, 7.9375, math.nextafter(0.0625, 1), math.nextafter(0.0625, 0),
            math.nextafter(0.1875, 0), 0.0005, 1.0005, 2.675, 0.1, 1 / 3, 2 / 3, 5.5555, 12.3456789, 0.0004999]
# scores as the index has them, and numbers a hair either side of a half thousandth (the two ways round3 rounds)
_draw = random.Random(3)
ROUNDING += [_draw.uniform(0, 60) for _ in range(4000)] + [_draw.uniform(0, 1) ** 3 for _ in range(1000)]
ROUNDING += [math.nextafter(x, side) for n in range(0, 60000, 37) for x in [(n + 0.5) / 1000] for side in (0, 100)]
ROUNDING += [(n + 0.5) / 1000 + d for n in range(0, 60000, 997) for d in (1e-9, -1e-9, 1e-12, -1e-12)]


@pytest.fixture(scope="module")
def compared(tmp_path_factory):
    work = tmp_path_factory.mktemp("compare")
    docs = sample_documents(extra=[PROPERTY_NAMES])
    index = build_index(docs)
    mono = index.serialize()
    # small chunks and tiers, so that queries have many pieces to choose from; compressed, as a site's
    records = [record_text(d.record) for d in docs]
    split = split_index(index, records, chunk_bytes=1500, bucket=4, tiers=TIERS, whole_bytes=WHOLE_BYTES)
    files = as_scripts(split, compress=True)
    for name, text in files.items():
        (work / "pieces" / name).parent.mkdir(parents=True, exist_ok=True)
        (work / "pieces" / name).write_text(text, encoding="utf-8")
    raw = [{"ref": d.ref, **{name: getattr(d, name) for name, _ in FIELDS}} for d in docs]
    (work / "docs.json").write_text(json.dumps(raw), encoding="utf-8")
    (work / "fields.json").write_text(json.dumps(FIELDS), encoding="utf-8")
    (work / "mono.json").write_text(json.dumps(mono), encoding="utf-8")
    (work / "queries.json").write_text(json.dumps(QUERIES), encoding="utf-8")
    (work / "rounding.json").write_text(json.dumps([[x, round(x, 3)] for x in ROUNDING]), encoding="utf-8")
    done = subprocess.run(["node", str(ROOT / "tests" / "search" / "js" / "compare.js"), str(work)], capture_output=True, text=True, check=True, cwd=ROOT)
    term_bytes = sum(len(text.encode()) for name, text in files.items() if name.startswith("t/"))
    assert sum(name.startswith("p/") for name in files) > 50  # many terms have tails
    # and many lists longer than a head are written whole: a count and no tails
    entries = [entry for name, text in split.items() if name.startswith("t/") for entry in json.loads(text)]
    assert sum(len(entry) > 4 and entry[5] == [] for entry in entries) > 50
    return mono, json.loads(done.stdout), term_bytes, len([n for n in files if n.startswith("t/")])


def test_python_index_has_exactly_lunr_js_terms_and_vectors(compared):
    mono, out, _, _ = compared
    js = out["jsIndex"]
    assert [t for t, _ in mono["invertedIndex"]] == [t for t, _ in js["invertedIndex"]]
    assert mono["invertedIndex"] == js["invertedIndex"]
    assert mono["fieldVectors"] == js["fieldVectors"]
    assert mono["pipeline"] == js["pipeline"] == ["stemmer"]


def test_same_hits_and_scores_as_a_lunr_js_built_index(compared):
    _, out, _, _ = compared
    for result in out["results"]:
        assert result["mono"] == result["js"], result["query"]


def test_pieces_give_the_monolithic_results_and_scores(compared):
    _, out, _, chunks = compared
    assert chunks > 10
    for result in out["results"]:
        assert result["split"] == result["mono"], result["query"]
    found = {r["query"]: r["mono"] for r in out["results"]}
    assert found["Thursday"] and found["say"] and found["Vladivostok"] and found["vlad*"]
    assert {"error": "QueryParseError"} in (found["title:"], found["nosuchfield:putin"])


def test_first_results_are_the_monolithic_first_results_without_every_tier(compared):
    """searchTop: the same documents, scores and order as the monolithic index's first results."""
    _, out, _, _ = compared
    early = 0
    for result in out["results"]:
        mono = result["mono"]
        for count, top in result["tops"].items():
            if isinstance(mono, dict):
                assert top == mono, result["query"]
                continue
            assert top["results"] == (mono if top["complete"] else mono[: int(count)]), (result["query"], count)
            early += not top["complete"]
    assert early > 10
    tops = {r["query"]: r["tops"] for r in out["results"]}
    # a common word's first result needs only the heads of its list: fewer tails than all of them
    whole = {r["query"]: r["bytes"] for r in out["results"]}
    for word in ("Putin", "summit"):
        assert not tops[word]["1"]["complete"] and tops[word]["1"]["bytes"]["tails"] < whole[word]["tails"], word
    # a query lunr.js must see whole (required words, wildcards) is answered whole
    assert tops["+putin +kim"]["3"]["complete"] and tops["vlad*"]["3"]["complete"]


def test_pieces_give_every_vector_value_of_the_monolithic_index(compared):
    """The browser computes each score from the pieces' term frequencies and field lengths."""
    mono, out, _, _ = compared
    number = {ref: n for n, ref in enumerate(sorted({v[0].split("/", 1)[1] for v in mono["fieldVectors"]}))}
    expected = {f"{key.split('/', 1)[0]}/d{number[key.split('/', 1)[1]]}": flat for key, flat in mono["fieldVectors"] if flat}
    assert dict(out["splitVectors"]) == expected
    assert len(expected) > 300


def test_browser_rounding_is_pythons_on_ties_too(compared):
    _, out, _, _ = compared
    assert out["rounded"] == [round(x, 3) for x in ROUNDING]
    assert round(0.0625, 3) == 0.062 and round(0.1875, 3) == 0.188  # ties to even: the cases toFixed gets wrong


def test_a_plain_query_loads_a_small_part_of_the_index(compared):
    _, out, total, _ = compared
    loaded = {r["query"]: r["bytes"]["terms"] for r in out["results"]}
    assert loaded["Vladivostok"] < total / 10
    assert loaded["armored train"] < total / 5
    # fuzzy terms, leading wildcards and negation-only queries load every chunk, as documented
    assert loaded["putin~2"] == loaded["*stok"] == loaded["-putin"] == total


def test_index_is_byte_identical_whatever_the_document_order():
    docs = sample_documents()
    assert json.dumps(build_index(docs).serialize()) == json.dumps(build_index(list(reversed(docs))).serialize())


def test_thursday_finds_every_ap_update_that_says_thursday(compared):
    _, out, _, _ = compared
    found = next(r["mono"] for r in out["results"] if r["query"] == "Thursday")
    ap = sorted(ref.rsplit("#", 1)[1] for ref, _ in found if "the-latest-putin-kim" in ref and "#" in ref)
    # "Thursday's" in 8:40, 8, 2 and 12:30; "Thursday" in 6:15, 4:15 and 2:20
    assert ap == ["t-1230", "t-1400", "t-1420", "t-1615", "t-1815", "t-2000", "t-2040"]


def test_an_event_as_the_search_process_gets_it_makes_the_same_documents_and_prints():
    from news_archive.cli import load_keyed
    from news_archive.events import build_events
    from news_archive.search.documents import article_print, as_searched, documents

    from ..conftest import EVENT_FIXTURES

    events, dumps = build_events(load_keyed(sorted(EVENT_FIXTURES.glob("*.txt"))))
    urls = {key: f"articles/{key}.html" for key in dumps}
    lean = [as_searched(event) for event in events]
    assert any(event.timeline for event in events) and not any(event.timeline or event.untimed for event in lean)
    assert documents(lean, dumps, urls) == documents(events, dumps, urls)
    by_key = {key: (full, thin) for full, thin in zip(events, lean) for key in full.articles}
    assert all(article_print(urls[k], dumps[k], full) == article_print(urls[k], dumps[k], thin) for k, (full, thin) in by_key.items())


def test_a_long_lists_documents_name_their_tf_and_length_from_a_table_of_pairs():
    # documents 3, 7 and 9: (tf 1, length 5), (2, 4), (1, 5); the table in ascending pair order
    assert paired([3, 7, 9], [1 << 32 | 5, 2 << 32 | 4, 1 << 32 | 5]) == [[1, 5, 2, 4], [3, 0, 4, 1, 2, 0]]
    assert paired([], []) == [[], []]


def test_a_list_is_cut_at_each_end_only_when_it_is_longer_than_the_last():
    assert tail_ends((128, 1024, 8192, 65536), 129) == [128]
    assert tail_ends((128, 1024, 8192, 65536), 65536) == [128]
    assert tail_ends((128, 1024, 8192, 65536), 65537) == [128, 1024, 8192, 65536]
    assert tail_ends((128, 1024, 8192, 65536), 400000) == [128, 1024, 8192, 65536]


def _postings(fields: list) -> list[tuple[int, int, int]]:
    """Every (document, tf, length) of tiers' fields as written (:func:`paired`), all in field 0."""
    found = []
    for field, pairs, flat in fields:
        table = list(zip(pairs[0::2], pairs[1::2]))
        assert field == 0 and table == sorted(set(table))  # each pair once, ascending
        doc = 0
        for gap, pair in zip(flat[0::2], flat[1::2]):
            doc += gap
            found.append((doc, *table[pair]))
    return sorted(found)


def test_a_terms_head_and_tails_are_tabled_and_a_short_list_is_written_as_it_was():
    from array import array

    title = array("i", [d for doc in range(40) for d in (doc, 1 + doc % 2, 6)])  # 40 documents, two pairs
    text, tails = term_text("wildfire", (7, 1.5, [title, array("i")]), [2.0, 1.0], tiers=(16, 32), whole_bytes=0)
    entry = json.loads(text)
    head = entry[3]
    assert [len(field) for field in head] == [3] and head[0][0] == 0  # [field, pairs, [gap, pair, ...]]
    assert entry[4] == 40 and len(tails) == 2
    # every (document, tf, length) back from the head and the tails
    back = _postings([head[0]] + [json.loads(tail)[0] for tail in tails.values()])
    assert back == [(doc, 1 + doc % 2, 6) for doc in range(40)]
    # a list of at most the last end's documents has one tail (the browser loads it whole): 30 here
    thirty = (7, 1.5, [title[: 3 * 30], array("i")])
    text, tails = term_text("wildfire", thirty, [2.0, 1.0], tiers=(16, 24, 32), whole_bytes=0)
    assert json.loads(text)[4] == 30 and len(tails) == 1 and len(json.loads(text)[5]) == 1
    assert sum(len(field[2]) // 2 for field in json.loads(next(iter(tails.values())))) == 14
    short, none = term_text("nairobi", (8, 2.0, [array("i", [2, 1, 6, 5, 2, 6])]), [2.0], tiers=(16, 32))
    assert none == {} and json.loads(short)[3] == [[0, [2, 1, 6, 3, 2, 6]]]  # gaps, tf, length: triples


def test_a_list_whose_whole_text_is_short_enough_has_no_tails():
    from array import array

    title = array("i", [d for doc in range(40) for d in (doc, 1 + doc % 2, 6)])  # 40 documents, two pairs
    entry_of = (7, 1.5, [title, array("i")])
    text, tails = term_text("wildfire", entry_of, [2.0, 1.0], tiers=(16, 32), whole_bytes=10_000)
    entry = json.loads(text)
    # the whole list as one tier, tabled as a head is; its count; no tails
    assert tails == {} and entry[4] == 40 and entry[5] == []
    assert _postings(entry[3]) == [(doc, 1 + doc % 2, 6) for doc in range(40)]
    # at the limit, whole; a character under it, cut into a head and its tails as before
    size = len(json.dumps(entry[3], separators=(",", ":")))
    assert term_text("wildfire", entry_of, [2.0, 1.0], tiers=(16, 32), whole_bytes=size) == (text, {})
    cut, tails = term_text("wildfire", entry_of, [2.0, 1.0], tiers=(16, 32), whole_bytes=size - 1)
    assert len(tails) == 2 and json.loads(cut)[4] == 40 and len(json.loads(cut)[5]) == 2
    assert (cut, tails) == term_text("wildfire", entry_of, [2.0, 1.0], tiers=(16, 32), whole_bytes=0)
    # a list of at most a head's documents is written as it was, whatever the limit
    short = (8, 2.0, [array("i", [2, 1, 6, 5, 2, 6])])
    as_was = term_text("nairobi", short, [2.0], tiers=(16, 32), whole_bytes=0)
    assert term_text("nairobi", short, [2.0], tiers=(16, 32), whole_bytes=10_000) == as_was


def test_the_page_warms_its_inflating_up_on_a_piece_as_the_build_packs_it():
    # search-index.js inflates EMPTY while a page's first chunks are on their way: an empty list, packed
    text = (ROOT / "theme" / "static" / "js" / "search-index.js").read_text(encoding="utf-8")
    assert re.search(r'var EMPTY = "([^"]+)";', text).group(1) == packed("[]")
