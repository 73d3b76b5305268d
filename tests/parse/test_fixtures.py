"""Each rule's fixture parses to (a superset of) its expected JSON."""

import json

import pytest

from news_archive.parse.cascade import parse_file
from news_archive.present.serialize import dump_json

from ..conftest import PARSE_FIXTURES, assert_subset

CASES = sorted(p for p in PARSE_FIXTURES.glob("*.txt") if p.with_name(p.stem + ".expected.json").exists())


def test_every_fixture_has_an_expectation():
    orphans = [p.name for p in PARSE_FIXTURES.glob("*.txt") if not p.with_name(p.stem + ".expected.json").exists()]
    assert not orphans


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_fixture_parses_as_expected(path):
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    assert_subset(expected, dump_json(parse_file(path)))
