"""The dump model pickles as a call of each class with its fields: the same dump back, every field."""

import copy
import pickle

from news_archive.parse import parse_file
from news_archive.parse import model

from ..conftest import EVENT_FIXTURES, SEEDS


def _dumps():
    dumps = [parse_file(str(path)) for path in SEEDS + sorted(EVENT_FIXTURES.glob("*.txt"))]
    return dumps + [model.copy_with(dumps[0], problems=(model.Problem(2, "a problem", "error"),))]


def test_a_parsed_dump_pickles_and_loads_equal_with_every_field():
    dumps = _dumps()
    assert any(d.updates for d in dumps) and any(d.dropped for d in dumps) and any(d.problems for d in dumps)
    for dump in dumps:
        for protocol in (2, pickle.HIGHEST_PROTOCOL):
            again = pickle.loads(pickle.dumps(dump, protocol=protocol))
            assert again == dump
            assert [getattr(again, name) for name in model.Dump.__dataclass_fields__] == [
                getattr(dump, name) for name in model.Dump.__dataclass_fields__]
        assert copy.deepcopy(dump) == dump and copy.copy(dump) == dump


def test_every_class_of_the_model_with_slots_pickles_by_its_fields():
    single = model.Para(3, "A line.")
    assert single.__reduce__() == (model.Para, (3, "A line."))
    classes = [value for value in vars(model).values() if isinstance(value, type) and hasattr(value, "__dataclass_fields__")]
    assert classes and all("__reduce__" in vars(cls) for cls in classes if "__slots__" in vars(cls))


def test_a_date_and_a_zone_given_at_once_date_every_update_in_that_zone():
    """``with_date`` with the zone among its changes (how an event fills an undated, zoneless blog):
    one copy, the updates dated in the new zone, a midnight rolled over, a stamp's own offset kept."""
    from datetime import date

    from news_archive.parse.dates import with_date
    from news_archive.parse.model import Dump, Para, Update

    blog = Dump(name="b", line_count=4, kind="liveblog", title=Para(1, "T"), updates=(
        Update(id="t-0010", line=2, time="00:10", day=1),
        Update(id="t-2350", line=3, time="23:50"),
        Update(id="t-1200", line=4, time="12:00", utc_offset=-300),
        Update(id="t-none", line=5),
    ))
    dated = with_date(blog, date(2024, 3, 9), "event", timezone="Asia/Tokyo", timezone_source="event")
    assert (dated.date, dated.date_source, dated.timezone, dated.timezone_source) == (date(2024, 3, 9), "event", "Asia/Tokyo", "event")
    assert [u.datetime.isoformat() if u.datetime else None for u in dated.updates] == [
        "2024-03-10T00:10:00+09:00", "2024-03-09T23:50:00+09:00", "2024-03-09T12:00:00-05:00", None]
    assert [u.date for u in dated.updates] == [date(2024, 3, 10)] + [date(2024, 3, 9)] * 3
    assert blog.timezone is None and blog.updates[0].datetime is None  # the parsed dump is left as it was
    assert with_date(blog, None, None, timezone="UTC", timezone_source="event") == model.copy_with(blog, timezone="UTC", timezone_source="event")
