"""The reader cache's stream on its own: appended, cut, written whole again, and gone from under it."""

from news_archive.rebuild.readers import ReaderStream


def _stream(path):
    stream = ReaderStream(str(path))
    return stream.load(), stream


def test_a_stream_removed_during_a_build_is_written_whole_again(tmp_path):
    path = tmp_path / "cache" / "ArticlesGenerator-Readers.stream"
    cache = {f"/content/dumps/{n}.txt": (float(n), ("", {"title": f"Dump {n}"})) for n in range(5)}
    ReaderStream(str(path)).save(cache)
    loaded, stream = _stream(path)
    assert loaded == cache and stream.records == 5
    path.unlink()  # a user clearing the cache folder while a build runs
    stream.cached("/content/dumps/1.txt")
    cache["/content/dumps/1.txt"] = (9.0, ("", {"title": "Dump 1, edited"}))
    stream.save(cache)
    loaded, again = _stream(path)
    assert loaded == cache and again.records == 5


def test_only_the_entries_cached_this_build_are_appended(tmp_path):
    path = tmp_path / "s.stream"
    cache = {f"/d/{n}.txt": (float(n), ("", {"n": n})) for n in range(4)}
    ReaderStream(str(path)).save(cache)
    loaded, stream = _stream(path)
    before = path.read_bytes()
    cache["/d/2.txt"] = (7.0, ("", {"n": 22}))
    stream.cached("/d/2.txt")
    stream.save(cache)
    assert path.read_bytes().startswith(before)
    loaded, again = _stream(path)
    assert loaded == cache and again.records == 5
