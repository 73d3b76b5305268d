"""Decoding and line splitting: bytes as users have them."""

import pytest

from news_archive.parse.text import NotText, decode, split_lines


def test_utf8_with_bom_is_decoded_and_noted():
    source = decode("Headline\nText".encode("utf-8-sig"))
    assert source.text == "Headline\nText" and source.encoding == "utf-8-sig"


def test_windows_1252_curly_quotes_are_guessed_and_reported():
    source = decode("Kim\u2019s \u201ctalks\u201d\nline two".encode("cp1252"))
    assert source.text.startswith("Kim\u2019s \u201ctalks\u201d")
    assert source.encoding == "windows-1252"
    assert source.problems[0].line == 1 and "decoded as windows-1252" in source.problems[0].message


def test_latin1_is_guessed_and_reported():
    source = decode("Caf\u00e9 opens in M\u00fcnchen\n".encode("latin-1"))
    assert source.text == "Caf\u00e9 opens in M\u00fcnchen\n" and source.encoding == "latin-1"


def test_nul_bytes_mean_binary():
    with pytest.raises(NotText, match="line 2"):
        decode(b"line one\nbin\x00ary")


def test_utf16_with_bom():
    assert decode("Headline\nText".encode("utf-16")).text == "Headline\nText"


@pytest.mark.parametrize("text", ["a\nb\nc", "a\r\nb\r\nc", "a\rb\rc", "a\nb\r\nc\n", "a\rb\nc\r\n"])
def test_every_line_ending_counts_the_same(text):
    assert split_lines(text) == ["a", "b", "c"]


def test_blank_lines_keep_their_numbers():
    assert split_lines("a\n\n\nb\n") == ["a", "", "", "b"]


def test_a_doubled_bom_leaves_no_invisible_character():
    assert decode("\ufeff\ufeffHeadline".encode("utf-8")).text == "Headline"
