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
