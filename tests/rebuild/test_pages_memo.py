"""Page fingerprints: kept for the next build, let go by this one once saved."""

import os

from news_archive.rebuild.pages import Pages


def test_fingerprints_are_saved_then_let_go_and_the_next_build_reads_them(tmp_path):
    (tmp_path / "theme").mkdir()
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "THEME": str(tmp_path / "theme")}
    output = tmp_path / "out"
    output.mkdir()
    (output / "a.html").write_text("a", encoding="utf-8")
    pages = Pages(settings, str(output))
    assert not pages.unchanged("a.html", "same")
    assert pages.timeline_rows("event", "print", lambda: ["row"]) == ["row"]
    pages.save()
    pages.release()
    assert pages.new == pages.old == pages.timeline == pages.old_timeline == pages.memo.data == {}
    again = Pages(settings, str(output))
    assert again.unchanged("a.html", "same") and not again.unchanged("a.html", "other")
    assert again.timeline_rows("event", "print", lambda: ["made again"]) == ["row"]
    os.remove(output / "a.html")
    assert not Pages(settings, str(output)).unchanged("a.html", "same")  # its file is gone
