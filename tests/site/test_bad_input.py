"""Bad files get a clear message naming the file (and line) and what to do; the rest of the site builds."""

import gc
import logging
import shutil

import pytest
from bs4 import BeautifulSoup

from news_archive.cli import main as cli
from news_archive.pelican.settings import SettingsError

from ..conftest import SEEDS
from ..builds import build_site

STORY = "Floods close schools in Jakarta\nJAKARTA (Reuters) - Schools closed on May 2, 2019 after floods.\n"

CASES = {
    "empty.txt": b"",
    "blank.txt": b"  \n\t\n\n",
    "binary.txt": b"GIF89a\n\x01\x02\n\x00\x00\x10",
    "cp1252.txt": "Kim\u2019s \u201ctalks\u201d end early\nVLADIVOSTOK, Russia (AP) \u2014 The talks ended on April 26, 2019.\n".encode("cp1252"),
    "latin1.txt": "M\u00fcller wins in M\u00fcnchen\nMUNICH (dpa) - M\u00fcller won on June 2, 2019.\n".encode("latin-1"),
    "bom.txt": "\ufeffBOM headline stays clean\nLONDON \u2014 A story on June 3, 2019.\n".encode("utf-8"),
    "crlf.txt": b"Live updates: CRLF blog\r\n10 a.m.\r\nFirst update on June 4, 2019.\r\n___\r\n9 a.m.\r\nEarlier update.\r\n",
    "cr.txt": b"Live updates: CR blog\r11 a.m.\rFirst update on June 5, 2019.\r___\r10 a.m.\rEarlier update.\r",
    "oneline.txt": ("One line of a megabyte\n" + "Putin met Kim in Vladivostok on April 25, 2019. " * 21000 + "\n").encode(),
    "bad_date.txt": b"Date: 25/25/2019\n\nBad date header story\nA story from June 6, 2019.\n",
    "bad_zone.txt": b"Date: 2019-06-07\nTimezone: Mars/Olympus\n\nBad zone story\nA story.\n",
    "far_header.txt": b"Date: 0100-01-01\n\nAncient header story\nA story.\n",
    "far_text.txt": b"Future text story\nA story dated March 3, 2999 by mistake.\n",
    "same_a.txt": STORY.encode(),
    "same_b.txt": STORY.replace("closed", "shut").encode(),
}


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    content = tmp_path_factory.mktemp("bad") / "content"
    (content / "dumps").mkdir(parents=True)
    for seed in SEEDS:
        shutil.copy(seed, content / "dumps")
    for name, data in CASES.items():
        (content / "dumps" / name).write_bytes(data)
    with open(content / "dumps" / "big.txt", "wb") as handle:  # 50 MB
        handle.write(b"A fifty megabyte dump\n")
        line = b"Putin met Kim in Vladivostok on Thursday and they talked for a long time.\n"
        handle.write(line * (50_000_000 // len(line)))
    return content


@pytest.fixture(scope="module")
def bad_build(bad_folder, tmp_path_factory):
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep(level=logging.WARNING)
    logging.getLogger("news_archive").addHandler(handler)
    try:
        out = build_site(tmp_path_factory.mktemp("out"), bad_folder)
    finally:
        logging.getLogger("news_archive").removeHandler(handler)
    return out, [r.getMessage() for r in records]


def _said(messages, *parts):
    return any(all(p in m for p in parts) for m in messages)


@pytest.mark.parametrize(
    "parts",
    [
        ("dumps/empty.txt", "empty dump", "add the headline"),
        ("dumps/blank.txt", "empty dump"),
        ("dumps/binary.txt", "NUL byte on line 3", "convert it to plain text"),
        ("dumps/cp1252.txt:1", "decoded as windows-1252", "save the file as UTF-8"),
        ("dumps/latin1.txt:1", "decoded as latin-1"),
        ("dumps/big.txt", "50.0 MB is over the 10 MB limit", "split it"),
        ("dumps/bad_date.txt:1", "cannot read the date", "YYYY-MM-DD"),
        ("dumps/bad_zone.txt:2", "unknown time zone", "IANA name"),
        ("dumps/far_header.txt:1", "implausible"),
        ("dumps/far_text.txt:2", "2999-03-03", "implausible", "Date:"),
        ("dumps/same_b.txt", "already has the slug", "Slug:"),
        ("problem(s) in", "news-archive check"),
    ],
)
def test_each_bad_file_is_named_with_what_to_do(bad_build, parts):
    _, messages = bad_build
    assert _said(messages, *parts), messages


def test_decodable_dumps_are_built_sensibly(bad_build):
    out, _ = bad_build
    pages = {p.name: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in (out / "articles").glob("*.html")}
    titles = {soup.h1.get_text() for soup in pages.values()}
    assert "Kim\u2019s \u201ctalks\u201d end early" in titles
    assert "M\u00fcller wins in M\u00fcnchen" in titles
    assert "BOM headline stays clean" in titles
    for blog in ("Live updates: CRLF blog", "Live updates: CR blog"):
        soup = next(s for s in pages.values() if s.h1.get_text() == blog)
        assert len(soup.select("article.update")) == 2
    assert "One line of a megabyte" in titles
    assert len(pages) == len(SEEDS) + len(CASES) - 3  # all but empty, blank and binary (big is not in CASES)


def test_strict_mode_fails_on_the_same_folder(bad_folder, tmp_path, expect_warnings):
    with pytest.raises(SettingsError, match=r"strict mode and \d+ problem"):
        build_site(tmp_path / "out", bad_folder, NEWS_ARCHIVE={"strict": True})
    # the failed build never finished; the next one in this process puts the garbage collector back
    build_site(tmp_path / "again", bad_folder)
    assert gc.isenabled()


def test_check_command_lists_the_problems_and_fails_when_strict(bad_folder, capsys):
    assert cli(["check", str(bad_folder / "dumps")]) == 0
    out = capsys.readouterr().out
    assert "binary.txt: error: binary data" in out and "cp1252.txt:1: not UTF-8" in out
    assert cli(["check", "--strict", str(bad_folder / "dumps")]) == 1


def test_the_build_lists_what_check_lists_one_line_each_in_order(bad_build, bad_folder, capsys, monkeypatch):
    """The build's closing list and count are `news-archive check`'s for the same dumps, line for line."""
    _, messages = bad_build
    monkeypatch.chdir(bad_folder)
    cli(["check", "dumps"])
    captured = capsys.readouterr()
    listed = [m.removeprefix("news_archive: ") for m in messages if m.startswith("news_archive: dumps/")]
    built = listed[-len(captured.out.splitlines()):]  # the closing list (errors were also said as each dump was read)
    assert built == captured.out.splitlines()
    assert captured.err.strip().splitlines()[-1] in messages[-1]
