"""The fast index builder writes exactly what lunr.py's own Builder writes, byte for byte."""

import json

from news_archive.corpus import generate
from news_archive.cli import load_keyed
from news_archive.events import build_events
from news_archive.search.documents import documents
from news_archive.search.index import build_index, lunr_py_index

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
