"""The fast index builder writes exactly what lunr.py's own Builder writes, byte for byte; updating gives what building gives."""

import json
from dataclasses import replace

import pytest

from tools.corpus import generate
from news_archive.cli import load_keyed
from news_archive.events import build_events
from news_archive.search.documents import documents
from news_archive.search.index import build_index
from news_archive.search.pieces import term_texts

from .lunr_reference import lunr_py_index
from .searchdocs import sample_documents


def _same(docs):
    fast = json.dumps(build_index(docs).serialize(), ensure_ascii=False, separators=(",", ":"))
    reference = json.dumps(lunr_py_index(docs), ensure_ascii=False, separators=(",", ":"))
    assert fast == reference


def test_byte_identical_to_lunr_py_on_the_sample_documents():
    _same(sample_documents())


def test_byte_identical_to_lunr_py_on_generated_news(tmp_path):
    generate(150, tmp_path, seed=5)
    events, dumps = build_events(load_keyed(sorted(tmp_path.glob("*.txt"))))
    docs = documents(events, dumps, {key: f"articles/{key}.html" for key in dumps})
    assert len(docs) > 500
    _same(docs)


def _edited(docs, everywhere=True):
    """Some documents edited: a word swapped for others, a field emptied, a field filled, a title changed."""
    docs = list(docs)
    n = next(n for n, d in enumerate(docs) if n > len(docs) // 2 and " said" in d.body)
    docs[n] = replace(docs[n], body=docs[n].body.replace(" said", " told reporters", 1))
    docs[-1] = replace(docs[-1], body=docs[-1].body + " unheardofword")
    if not everywhere:
        return docs
    docs[10] = replace(docs[10], body="")
    docs[11] = replace(docs[11], headline=docs[11].headline + " Vladivostok quokka zzyzx")
    first = docs[0].ref.split("#")[0]
    return [replace(d, title="A new title for the first article") if d.ref.split("#")[0] == first else d for d in docs]


@pytest.mark.parametrize("everywhere", [False, True])
def test_updating_the_last_builds_index_gives_the_index_a_full_build_gives(everywhere):
    docs = sample_documents()
    edited = _edited(docs, everywhere)
    full = build_index(edited)
    previous = build_index(docs)
    texts = term_texts(previous)
    updated = build_index(edited, previous)
    assert {"told", "report", "unheardofword"} <= updated.changed
    if not everywhere:  # edits late in the archive redo only their own terms
        assert len(updated.changed) < len(full.postings) / 4
    else:  # new words early renumber the terms first seen after them, as lunr numbers terms
        assert {"zzyzx", "quokka"} <= updated.changed
    assert updated.postings == full.postings and updated.lengths == full.lengths and updated.firsts == full.firsts
    assert json.dumps(updated.serialize()) == json.dumps(full.serialize())
    assert term_texts(updated, texts) == term_texts(full)
    # an unchanged build changes nothing
    again = build_index(edited, build_index(edited))
    assert again.changed == set() and again.postings == full.postings


def test_a_document_added_or_removed_builds_the_index_again():
    docs = sample_documents()
    previous = build_index(docs)
    fewer = build_index(docs[1:], previous)
    assert fewer.changed is None
    assert json.dumps(fewer.serialize()) == json.dumps(build_index(docs[1:]).serialize())
