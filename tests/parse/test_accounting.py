"""Nothing lost: every input line is kept (and shown), a time stamp, header, layout, or reported as dropped."""

from html import escape

import pytest
from bs4 import BeautifulSoup

from news_archive.parse.cascade import parse_file
from news_archive.present.render import article_html

from ..conftest import ALL_FIXTURE_DUMPS, SEEDS

ALL_DUMPS = SEEDS + ALL_FIXTURE_DUMPS


@pytest.mark.parametrize("path", ALL_DUMPS, ids=lambda p: p.stem)
def test_every_line_is_accounted_for_once(path):
    dump = parse_file(path)
    places = dump.accounting()
    numbers = sorted(n for lines in places.values() for n in lines)
    assert numbers == list(range(1, dump.line_count + 1))


@pytest.mark.parametrize("path", ALL_DUMPS, ids=lambda p: p.stem)
def test_kept_lines_appear_in_the_article(path):
    dump = parse_file(path)
    html = article_html(dump)
    soup = BeautifulSoup(html, "html.parser")
    shown = {int(el["data-line"]): el.get_text() for el in soup.select("[data-line]")}
    body = [p for p in dump.kept_paras if p.line not in (dump.title.line, dump.dek.line if dump.dek else None)]
    for para in body:
        assert shown.get(para.line) == para.text, f"line {para.line} is not shown as written"
    lines = path.read_text(encoding="utf-8").splitlines()
    for update in dump.updates:
        if update.time_text:  # the stamp as written is shown (labels around it, "UPDATE:", "-", are not)
            assert update.time_text in lines[update.line - 1] and escape(update.time_text, quote=False) in html
    for item in dump.dropped:
        assert item.text == lines[item.line - 1].strip() and item.reason
