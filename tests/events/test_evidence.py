"""Date evidence between articles (``events/evidence.py``), and ``news-archive events --explain``."""

import json
from datetime import date

from news_archive.cli import main
from news_archive.events import evidence
from news_archive.events.evidence import Clues
from news_archive.parse.cascade import parse_text


def test_dated_articles_a_day_apart_count_for_and_days_apart_against():
    assert evidence.between(Clues(date=date(2019, 6, 12)), Clues(date=date(2019, 6, 12))) > 0
    assert evidence.between(Clues(date=date(2019, 6, 12)), Clues(date=date(2019, 6, 13))) > 0
    assert evidence.between(Clues(date=date(2019, 6, 12)), Clues(date=date(2019, 6, 16))) < 0


def test_an_undated_lede_that_names_another_weekday_or_a_later_year_counts_against():
    tuesday = date(2021, 4, 20)
    assert evidence.against_days(Clues(weekdays=frozenset({"tuesday"})), tuesday, tuesday) > 0
    assert evidence.against_days(Clues(weekdays=frozenset({"friday"})), tuesday, tuesday) < 0
    assert evidence.against_days(Clues(days=frozenset({(4, 20)})), tuesday, tuesday) > 0
    assert evidence.against_days(Clues(latest_year=2023), tuesday, tuesday) == evidence.LATER_YEAR
    assert evidence.against_days(Clues(latest_year=2022), tuesday, tuesday) == 0  # next year: plans, deadlines


def test_headlines_of_different_stages_or_kinds_are_different_events():
    verdict = evidence.clues_of(parse_text("Jury finds Lena Ortiz guilty of fraud\nThe jury returned its verdict after two days."))
    sentence = evidence.clues_of(parse_text("Lena Ortiz sentenced to six years for fraud\nThe judge passed sentence after a short hearing."))
    quake = evidence.clues_of(parse_text("Earthquake shakes Porthaven\nThe quake struck at dawn, officials said."))
    strike = evidence.clues_of(parse_text("Dock strike shuts Porthaven\nWorkers walked out at dawn, officials said."))
    assert (verdict.stage, sentence.stage) == ("verdict", "sentence")
    assert evidence.between(verdict, sentence) == evidence.STAGES_DIFFER
    assert evidence.between(quake, strike) == evidence.KINDS_DIFFER
    assert evidence.between(quake, quake) == 0
    assert [why for why, _ in evidence.reasons(verdict, sentence)] == ["their headlines name different stages (verdict, sentence)"]


def test_a_later_generation_of_a_numbered_name_is_a_later_event():
    text = "Orchard unveils the Pear Watch Series 4. It is thinner than the Pear Watch Series 3, and About 50 people saw Arenas 4-2 win on May 22."
    assert evidence.numbered_names(text) == [("series", "4"), ("series", "3")]  # not "About 50", a score or a day
    fourth = Clues(numbered=frozenset({("series", "4")}))
    third = Clues(date=date(2017, 9, 12), numbered=frozenset({("series", "3")}))
    assert evidence.between(third, fourth) == evidence.NUMBERS_LATER  # the undated one writes of a later generation
    assert evidence.numbers_agree(third.numbered, fourth.numbered) == evidence.NUMBERS_BELOW  # it names only the one before
    assert evidence.between(third, Clues(numbered=frozenset({("series", "3"), ("series", "2")}))) == 0
    assert evidence.between(third, Clues(numbered=frozenset({("flight", "9")}))) == 0  # another name: no evidence
    assert [why for why, _ in evidence.reasons(third, fourth)] == ["the later or undated one numbers a name above the other (series 4 against 3)"]
    # dated the same day, either order counts the same
    same_day = Clues(date=date(2017, 9, 12), numbered=frozenset({("series", "4")}))
    assert evidence.between(third, same_day) == evidence.between(same_day, third) < evidence.DAY_GAP[0]


def test_the_lede_is_the_kept_lines_under_the_headline_not_the_page_chrome_between():
    chrome = "".join(f"Markets closed\nINDEX {n}\n" for n in range(6))
    dump = parse_text("Orchard unveils its new watch\n" + chrome + "CUPERTINO - Orchard showed its new watch on Wednesday.\nIt costs more.\n")
    assert "wednesday" in evidence.clues_of(dump).weekdays


def test_a_year_date_beside_a_day_written_without_one_is_background():
    dump = parse_text(
        "Ortiz sentenced for the harbour fraud\n"
        "Lena Ortiz was sentenced on June 25 for a fraud that began on May 25, 2020, the court said.\n"
        "The judge said the harbour authority had lost more than it could recover.\n"
    )
    assert dump.date is None
    assert any("background" in p.message and "line 2" in p.message for p in dump.problems)


def test_a_day_the_opening_writes_without_a_year_takes_the_year_the_text_writes_it_with():
    dump = parse_text(
        "When is the next vote?\n"
        "Lena Ortiz addresses supporters after the count.\n"
        "The country wakes up to a new government this morning.\n"
        "The Harbour Party passed the threshold shortly after 5am on Friday 13 December.\n"
        "Ms Ortiz first took office on 24 July 2019, after her predecessor resigned.\n"
        "The vote was held on Thursday 12 December, and the winners were named on Friday 13 December 2019.\n"
    )
    assert (dump.date.isoformat(), dump.date_line) == ("2019-12-13", 4)
    assert any("background" in p.message and "line 5" in p.message and "2019" in p.message for p in dump.problems)


def test_explain_says_why_two_dumps_were_or_were_not_grouped(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Lena Ortiz found guilty of harbour fraud\nA jury found Lena Ortiz guilty of the harbour fraud on Tuesday, April 20, 2021.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Lena Ortiz sentenced for harbour fraud\nLena Ortiz was sentenced for the harbour fraud on Friday, June 25, 2021.\n", encoding="utf-8")
    assert main(["events", str(tmp_path), "--explain", "a.txt", str(tmp_path / "b.txt")]) == 0
    out = capsys.readouterr().out
    assert "not grouped together" in out and "different stages (verdict, sentence)" in out
    assert main(["events", str(tmp_path), "--explain", "a.txt", "b.txt", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["same_event"] is False and report["score"] < report["threshold"]
    assert "Ortiz" in report["shared_names"] or "Lena" in report["shared_names"]
    assert main(["events", str(tmp_path), "--explain", "a.txt", "nope.txt"]) == 2


def test_the_reasons_explain_gives_add_up_to_the_score_grouping_uses():
    """``reasons`` (for --explain) and ``between`` (for grouping) are two writings of one set of rules."""
    import itertools
    import math

    days = [None, date(2021, 4, 20), date(2021, 4, 22), date(2021, 6, 25)]
    ledes = [frozenset(), frozenset({"tuesday"}), frozenset({"friday"})]
    clues = [
        Clues(date=d, weekdays=w, days=frozenset({(6, 25)}) if d is None and w else frozenset(), lede_days=frozenset(),
              latest_year=y, stage=s, kinds=frozenset({k}) if k else frozenset(), numbered=frozenset(n))
        for d, w, y, s, k, n in itertools.product(days, ledes, (None, 2021, 2024), (None, "verdict", "sentence"), (None, "trial"),
                                                  ((), (("series", "3"),), (("series", "4"),)))
    ]
    for a, b in itertools.product(clues[::7], clues[::5]):
        assert math.isclose(sum(s for _, s in evidence.reasons(a, b)), evidence.between(a, b), abs_tol=1e-9), (a, b)


def test_clues_that_name_nothing_share_one_empty_set_even_read_back_from_a_pickle():
    import pickle

    clues = evidence.clues_of(parse_text("Bridge closes\nOfficials said the bridge closed for repairs.", name="a.txt"))
    assert clues.weekdays is evidence.NONE and clues.numbered is evidence.NONE
    assert Clues(kinds=frozenset()).kinds is evidence.NONE and Clues(kinds=frozenset({"storm"})).kinds == {"storm"}
    back = pickle.loads(pickle.dumps(clues))
    assert back == clues and back.days is evidence.NONE and back.lede_days is evidence.NONE
