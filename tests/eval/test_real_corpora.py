"""Accuracy on real dumps (``make eval``), with floors that may only rise.

The corpora live in ``../shared/realdumps`` (``REALDUMPS`` overrides the folder); when it is absent
the tests skip and say why. Figures and each dump's misses: ``make eval``.
"""

import pytest

from tools import eval as evaluation

FOLDER = evaluation.realdumps_folder()

pytestmark = pytest.mark.skipif(not FOLDER.is_dir(), reason=f"no real dumps at {FOLDER} (set REALDUMPS to score them)")

#: corpus -> measure -> floor (a measure "…_max" is a ceiling); raised as the parser improves, never lowered
FLOORS = {
    "stories": {"boilerplate_recall": 0.946, "datelines": 1.0, "titles": 1.0, "kind": 1.0, "content_dropped_max": 0.005, "lines_lost_max": 0,
                "deks": 0.85, "deks_false_max": 2, "captions_apart": 0.825, "content_as_captions_max": 0, "bylines_apart": 0.99},
    "liveblogs": {"kind": 1.0, "updates": 1.0, "stamps": 1.0, "dateline": 1.0, "boilerplate_recall": 0.94, "wrong_drops_max": 1, "lines_lost_max": 0},
    "events": {"bcubed_f1": 0.96, "dates": 0.85, "zones": 1.0, "places": 0.94, "names": 1.0, "alone_one_event": 1.0, "kind": 0.97,
               "alone_clusters_bcubed_f1": 0.92},
}


@pytest.fixture(scope="module")
def results():
    return evaluation.evaluate(FOLDER)


def _measure(result: dict, name: str) -> float:
    if name == "bcubed_f1":
        return result["bcubed"]["f1"]
    return result[name.removesuffix("_max")]


@pytest.mark.parametrize("corpus, measure", [(c, m) for c, floors in FLOORS.items() for m in floors])
def test_real_corpus_measure_holds_its_floor(results, corpus, measure):
    if corpus not in results:
        pytest.skip(f"no {corpus}/key.jsonl in {FOLDER}")
    value, bound = _measure(results[corpus], measure), FLOORS[corpus][measure]
    if measure.endswith("_max"):
        assert value <= bound, f"{corpus} {measure}: {value} > {bound}"
    else:
        assert value >= bound, f"{corpus} {measure}: {value} < {bound}"
