"""Anchors are derived from content and survive a later scrape with new updates on top."""

from news_archive.parse.anchors import base_anchor, slugify, unique_anchors
from news_archive.parse.cascade import parse_file, parse_text

from ..conftest import AP_SEED, LIVE_SEED


def _by_id(dump):
    return {u.id: (u.time_text, u.headline.text if u.headline else None, u.text) for u in dump.updates}


def test_base_anchor_prefers_time_then_headline_then_hash():
    assert base_anchor("20:40", "Headline", "text") == "t-2040"
    assert base_anchor(None, "Putin arrives in Vladivostok!", "text") == "h-putin-arrives-in-vladivostok"
    assert base_anchor(None, None, "Some paragraph") == base_anchor(None, None, "  Some paragraph ")
    assert base_anchor(None, None, "Some paragraph").startswith("p-")


def test_repeats_are_numbered_from_the_oldest_update():
    # newest first: the last item is the oldest and keeps the plain anchor
    assert unique_anchors(["t-2040", "t-1200", "t-2040"], "newest-first") == ["t-2040-2", "t-1200", "t-2040"]
    assert unique_anchors(["h-a", "h-a", "h-a-2"], "oldest-first") == ["h-a", "h-a-2", "h-a-2-2"]


def test_slugify_is_ascii():
    assert slugify("Kim–Putin summit: día 2") == "kim-putin-summit-dia-2"


def test_ap_scrape_with_new_updates_on_top_keeps_old_anchors():
    old_text = AP_SEED.read_text(encoding="utf-8")
    lines = old_text.splitlines()
    # Two newer updates on top: one at a new time, one at 8:40 p.m. again (the next evening).
    newer = [
        "9:30 p.m.", "Putin has left Vladivostok for Beijing, where he will attend a forum on China's Belt and Road project.", "___",
        "8:40 p.m.", "A day after the summit, Kim Jong Un has laid a wreath at a memorial in Vladivostok.", "___",
    ]
    new_text = "\n".join(lines[:2] + newer + lines[2:])
    old, new = parse_file(AP_SEED), parse_text(new_text)
    old_ids, new_ids = _by_id(old), _by_id(new)
    assert len(new.updates) == len(old.updates) + 2
    for anchor, content in old_ids.items():
        assert new_ids[anchor] == content, anchor
    assert len(set(new_ids)) == len(new.updates)


def test_headline_blog_scrape_with_new_update_on_top_keeps_old_anchors():
    lines = LIVE_SEED.read_text(encoding="utf-8").splitlines()
    newer = ["Putin and Kim begin one-on-one talks on Russky Island", "The two leaders began talks at the Far Eastern Federal University."]
    new = parse_text("\n".join(lines[:7] + newer + lines[7:]))
    old = parse_file(LIVE_SEED)
    assert len(new.updates) == 3
    for anchor, content in _by_id(old).items():
        assert _by_id(new)[anchor] == content
