"""The two sample dumps parse as issue 2 says they must."""

from datetime import date

from news_archive.parse.cascade import parse_file

from ..conftest import AP_SEED, LIVE_SEED


def test_ap_latest_seed():
    dump = parse_file(AP_SEED)
    assert dump.kind == "liveblog"
    assert dump.title.text == "The Latest: Putin, Kim shake hands before start of talks"
    assert [u.time_text for u in dump.updates] == [
        "8:40 p.m.", "8 p.m.", "6:50 p.m.", "6:15 p.m.", "4:15 p.m.", "2:20 p.m.", "2 p.m.", "12:30 p.m.",
    ]
    assert [u.time for u in dump.updates][0::7] == ["20:40", "12:30"]
    assert dump.dateline == "VLADIVOSTOK, Russia (AP)"
    assert (dump.place, dump.city, dump.agency) == ("Vladivostok, Russia", "Vladivostok", "AP")
    assert (dump.timezone, dump.timezone_source) == ("Asia/Vladivostok", "text")
    assert dump.date is None and dump.date_source is None
    assert all(u.datetime is None for u in dump.updates)
    assert dump.order == "newest-first"
    # The syndicator's lines: disclaimer, standards heading and blurb, advertising.
    assert [d.line for d in dump.dropped] == [52, 53, 54, 55]
    assert [d.reason.split(":")[0] for d in dump.dropped] == [
        "syndication_disclaimer", "editorial_standards", "editorial_standards", "advertising",
    ]
    assert dump.source == "The Western Journal"
    last = dump.updates[-1]
    assert last.paragraphs[-1].text.startswith("Kim arrived Wednesday in Vladivostok on his armored train")
    assert not any("Western Journal" in p.text for p in dump.kept_paras)
    assert [p.text for p in dump.intro] == [
        "VLADIVOSTOK, Russia (AP) \u2014 The Latest on the summit between Russian President Vladimir Putin "
        "and North Korean leader Kim Jong Un (all times local):"
    ]


def test_headline_led_seed():
    dump = parse_file(LIVE_SEED)
    assert dump.kind == "liveblog"
    assert dump.dek.line == 2 and dump.dek.text.startswith("Kim-Putin summit LIVE UPDATES: The two leaders")
    assert [p.line for p in dump.intro] == [3, 4, 5, 6, 7]
    assert [u.headline.text for u in dump.updates] == [
        "Kim Jong Un says Russia summit will help assess Korean peninsula issue",
        "Kim-Putin summit in Russia: Russian President arrives in Vladivostok for talks with North Korean leader",
    ]
    first = dump.updates[0]
    assert [p.line for p in first.paragraphs] == [9, 10]
    assert [c.line for c in first.captions] == [11]  # the photo caption is a caption, not an update
    assert (dump.date, dump.date_source, dump.date_line) == (date(2019, 4, 25), "text", 11)
    assert dump.dropped == ()
    assert all(u.time is None for u in dump.updates)
