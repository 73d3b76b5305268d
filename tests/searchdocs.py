"""Search documents of the seeds and fixtures, for tests that need a small real index."""

from news_archive.cli import load_keyed
from news_archive.events.build import build_events
from news_archive.search.documents import documents

from .conftest import FIXTURES, SEEDS


def sample_documents(extra=()):
    paths = SEEDS + sorted((FIXTURES / "events").glob("*.txt")) + sorted(FIXTURES.glob("*.txt")) + list(extra)
    events, dumps = build_events(load_keyed(paths))
    return documents(events, dumps, {key: f"articles/{key}.html" for key in dumps})
