"""The search cache: unchanged articles keep their documents, and the index updated from the last one is a full build's."""

import json
import marshal

from news_archive.cli import load_keyed
from news_archive.events import build_events
from news_archive.rebuild.search import search_index
from news_archive.search.documents import documents
from news_archive.search.index import packed_entries
from tools.corpus import generate


def test_unchanged_articles_keep_their_documents_and_the_result_is_a_full_builds(tmp_path):
    generate(40, tmp_path, seed=9)
    paths = sorted(tmp_path.glob("*.txt"))
    events, dumps = build_events(load_keyed(paths))
    urls = {key: f"articles/{key}.html" for key in dumps}
    entries, index, _, _, texts = search_index(events, dumps, urls, {})
    # kept between builds as the build keeps them: counted fields and postings packed, through marshal
    kept = marshal.loads(marshal.dumps({"articles": packed_entries(entries), "index": index.state(), "texts": texts}))
    first = kept["articles"]
    assert all(isinstance(row, bytes) for _, docs in first.values() for _, row, _, _ in docs)
    # one dump edited: only its article's entry is made again
    edited = paths[len(paths) // 2]
    edited.write_text(edited.read_text(encoding="utf-8").replace(" said", " told reporters", 1), encoding="utf-8")
    events, dumps = build_events(load_keyed(paths))
    urls = {key: f"articles/{key}.html" for key in dumps}
    again, index, records, found, texts = search_index(events, dumps, urls, kept)
    remade = [key for key in again if again[key] is not first[key]]
    assert len(remade) == 1
    _, fresh_index, fresh_records, fresh_found, fresh_texts = search_index(events, dumps, urls, {})
    assert texts == fresh_texts
    assert index.changed is not None and 0 < len(index.changed) < len(index.postings)  # updated, not built again
    assert json.dumps(index.serialize()) == json.dumps(fresh_index.serialize())
    assert index.firsts == fresh_index.firsts and index.lengths == fresh_index.lengths
    assert records == fresh_records and found == fresh_found
    docs = documents(events, dumps, urls)
    assert [json.loads(r) for r in records] == [d.record for d in docs]
