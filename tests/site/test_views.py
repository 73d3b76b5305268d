"""What templates get: source labels, site-wide days, pagination."""

from datetime import date

from news_archive.cli import load_keyed
from news_archive.events import build_events
from news_archive.parse.cascade import parse_text
from news_archive.present import views
from news_archive.present.views import Day, event_items, light_days, paginate, real_days, shown, source_label

from ..conftest import EVENT_FIXTURES, SEEDS



def site_days(events, dumps, urls) -> list[Day]:
    """The reference the site timeline is made to equal: every event's first reports by local day, newest
    day first, newest first within a day, each row ``(event, Row)``, made from whole rows at once."""
    return views._by_day([(day, key, (event, row)) for event in events for day, key, row in views._event_rows(event, dumps, urls)])


def test_source_labels():
    assert source_label(parse_text("Title: T\nSource: The Western Journal\n\nH\np")) == "The Western Journal"
    assert source_label(parse_text("H\nJAKARTA (Reuters) - p")) == "Reuters"
    assert source_label(parse_text("H\np")) == "Unnamed source"


def _days():
    events, dumps = build_events(load_keyed(SEEDS + sorted(EVENT_FIXTURES.glob("*.txt"))))
    return site_days(events, dumps, {k: f"articles/{k}.html" for k in dumps})


def test_site_days_are_newest_first_and_hold_first_reports_only():
    days = _days()
    dated = [d.date for d in days if d.date]
    assert dated == sorted(dated, reverse=True)
    summit_day = next(d for d in days if d.date == date(2019, 4, 25))
    urls = [row.report.url for _, row in summit_day.rows]
    assert len(urls) == len(set(urls))
    assert not any(url.endswith("#h-kim-putin-summit-in-russia-russian") for url in urls)  # folded into AP 12:30
    timed = [row.moment for _, row in summit_day.rows if row.moment]
    assert timed == sorted(timed, reverse=True)


def test_pages_hold_at_most_n_rows_and_split_only_long_days():
    days = [Day(date(2020, 1, n), tuple(range(k))) for n, k in ((4, 3), (3, 2), (2, 7), (1, 2))]
    pages = paginate(days, 4)
    shape = [[(d.date.day, len(d.rows), d.continued) for d in page] for page in pages]
    # day 3 (2 rows) does not fit beside day 4 and is not split; day 2 (7 rows) must be split
    assert shape == [[(4, 3, False)], [(3, 2, False), (2, 2, False)], [(2, 4, True)], [(2, 1, True), (1, 2, False)]]
    assert all(sum(len(d.rows) for d in page) <= 4 for page in pages)
    assert paginate([], 10) == [[]]


def test_light_timeline_days_are_the_site_days_page_for_page(tmp_path):
    """The build pages the timeline from plain per-event items, and makes rows again only for the
    pages it writes: the same days, rows and order as site_days."""
    from tools.corpus import generate

    generate(80, tmp_path, seed=4)
    for paths in (SEEDS + sorted(EVENT_FIXTURES.glob("*.txt")), sorted(tmp_path.glob("*.txt"))):
        events, dumps = build_events(load_keyed(paths))
        urls = {k: f"articles/{k}.html" for k in dumps}
        items = [item for event in events for item in event_items(event, dumps, urls)]
        by_slug = {event.slug: event for event in events}
        for per_page in (3, 25):
            expected = paginate(site_days(events, dumps, urls), per_page)
            light = paginate(light_days(items), per_page)
            assert [real_days(page, by_slug, dumps, urls) for page in light] == expected
            assert len(expected) > 1 or per_page > 3
            assert [[(d.date, d.continued, [s for _, s in d.rows]) for d in page] for page in light] == [
                [(d.date, d.continued, [shown(e, r) for e, r in d.rows]) for d in page] for page in expected
            ]


def test_an_update_is_shown_in_its_own_sources_zone_when_the_source_gives_its_times_in_another():
    """The event's zone is its coverage's (Vladivostok, two AP blogs); a blog datelined Moscow with
    "all times local" keeps its own clock on the event page, named, so it reads as its article does."""
    local = "VLADIVOSTOK, Russia (AP) — The Latest on the summit (all times local):"
    blogs = [
        f"Title: The Latest: Kim and Putin meet\nDate: 2019-04-25\n\nThe Latest: Kim and Putin meet\n{local}\n___\n2:30 p.m.\nKim Jong Un and Vladimir Putin shook hands at the university campus on Russky Island.\n___\n1:10 p.m.\nKim Jong Un arrived at the summit venue in Vladivostok ahead of the talks with Putin.\n",
        f"Title: The Latest: Kim, Putin talks\nDate: 2019-04-25\n\nThe Latest: Kim, Putin talks\n{local}\n___\n3:40 p.m.\nKim Jong Un and Vladimir Putin began talks with their delegations in Vladivostok.\n",
        "Title: Kremlin on the Kim summit\nDate: 2019-04-25\n\nKremlin on the Kim summit\nMOSCOW (AP) — The Kremlin's view of the summit with Kim Jong Un in Vladivostok (all times local):\n___\n8:45 a.m.\nThe Kremlin said Vladimir Putin and Kim Jong Un had finished their talks on Russky Island in Vladivostok.\n",
    ]
    items = [(f"b{n}", parse_text(text, name=f"b{n}.txt")) for n, text in enumerate(blogs)]
    events, dumps = build_events(items)
    event = next(e for e in events if "b2" in e.articles)
    assert event.timezone == "Asia/Vladivostok" and dumps["b2"].timezone == "Europe/Moscow"
    rows = views.rows(event.timeline, event, dumps, {k: f"{k}.html" for k in dumps})
    moscow = next(row for row in rows if row.report.key == "b2")
    assert moscow.time_label == "8:45 a.m. Moscow time"
    assert moscow.moment.tzinfo.key == "Asia/Vladivostok" and moscow.moment.hour == 15  # ordered in the event's zone
    assert all(row.time_label.endswith(("a.m.", "p.m.")) for row in rows if row.report.key != "b2")
