"""Search documents of the seeds and fixtures, for tests that need a small real index."""

from news_archive.cli import load_keyed
from news_archive.events import build_events
from news_archive.search.documents import documents

from ..conftest import EVENT_FIXTURES, PARSE_FIXTURES, SEEDS


def sample_documents(extra=()):
    paths = SEEDS + sorted(EVENT_FIXTURES.glob("*.txt")) + sorted(PARSE_FIXTURES.glob("*.txt")) + list(extra)
    events, dumps = build_events(load_keyed(paths))
    return documents(events, dumps, {key: f"articles/{key}.html" for key in dumps})
