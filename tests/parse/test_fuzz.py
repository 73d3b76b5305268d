"""Property-based fuzzing (hypothesis): random and mutated dumps never crash the parser or the events
stage, anchors stay unique, and every input line is accounted for exactly once.

Derandomized, so CI runs the same few thousand cases every time; sized to take well under a minute.
"""

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from news_archive.parse import rules
from news_archive.events import build_events
from news_archive.parse.header import read_header
from news_archive.parse.cascade import _CONTROL, DumpError, parse_text
from news_archive.present.render import article_html
from news_archive.parse.text import split_lines

from ..conftest import SEEDS

SEED_LINES = [line for path in SEEDS for line in path.read_text(encoding="utf-8").splitlines()]

PARTS = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(["8:40 p.m.", "noon", "midnight", "14:05", "13.40", "10:15 a.m. EDT", "9 P.M.", "25:61", "8:40 p.m. XYZ"]),
    st.sampled_from(["___", "---", "* * *", "", "   ", "\t"]),
    st.sampled_from([
        "Title: A fuzzed title", "Date: 2019-04-25", "Date: nonsense", "Timezone: Asia/Seoul", "Timezone: Nowhere/Else",
        "Event: Fuzz week", "Slug: fuzz", "Kind: liveblog", "Order: oldest-first", "Tags: a, b",
    ]),
    st.sampled_from([
        "Advertise with Example and reach millions.", "Trending: Something else", "Share this article",
        "Truth and Accuracy", "LIVE UPDATES: fuzz", "VLADIVOSTOK, Russia (AP) \u2014 The Latest (all times local):",
        "JAKARTA (Reuters) - text", "(CNN)Text", "A caption. (AP Photo/Someone)", "Short Headline Without Stop",
        "Woman Finds Rare Diamond", "On April 25, 2019 it happened.", "Thursday\u2019s summit", "\ufeffBOM line",
    ]),
    st.text(min_size=0, max_size=80),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=30),
    st.sampled_from(["\x00", "\x0b", "\x0c", "\x1c", "\u2028", "\u2029", "\x85", "<script>x</script>", "{{ x }}", "\r"]),
)
ENDINGS = st.sampled_from(["\n", "\r\n", "\r"])


def check(text: str):
    try:
        dump = parse_text(text, name="fuzz.txt")
    except DumpError:
        # refused only when nothing after the header could be a headline: blank, separator or boilerplate
        lines = split_lines(text)
        _, used, _ = read_header(lines)
        rest = [_CONTROL.sub(" ", line).strip() for line in lines[len(used):]]
        assert all(not line or rules.is_separator(line) or rules.boilerplate(line) for line in rest)
        return None
    ids = [u.id for u in dump.updates]
    assert len(ids) == len(set(ids))
    places = dump.accounting()
    numbers = sorted(n for lines in places.values() for n in lines)
    assert numbers == list(range(1, dump.line_count + 1)) and dump.line_count == len(split_lines(text))
    shown = {int(el["data-line"]) for el in BeautifulSoup(article_html(dump), "html.parser").select("[data-line]")}
    for para in dump.kept_paras:
        if para.line not in (dump.title.line, dump.dek.line if dump.dek else None):
            assert para.line in shown
    return dump


@settings(max_examples=2500, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PARTS, min_size=0, max_size=40), ENDINGS)
def test_generated_dumps(parts, ending):
    check(ending.join(parts))


@settings(max_examples=1000, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), st.lists(st.tuples(st.sampled_from(["drop", "dup", "swap", "insert", "cut"]), st.integers(0, 10_000), PARTS), max_size=12))
def test_mutated_seeds(seed, mutations):
    lines = seed.read_text(encoding="utf-8").splitlines()
    for op, at, part in mutations:
        if not lines:
            break
        i = at % len(lines)
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = (i + 1) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            lines.insert(i, part)
        else:
            lines[i] = lines[i][: at % (len(lines[i]) + 1)]
    check("\n".join(lines))


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(PARTS, min_size=1, max_size=25), min_size=1, max_size=6))
def test_events_of_random_dumps(texts):
    dumps = [d for d in (check("\n".join(parts)) for parts in texts) if d is not None]
    items = [(f"a{i}", d) for i, d in enumerate(dumps)]
    events, filled = build_events(items)
    members = sorted(k for e in events for k in e.articles)
    assert members == sorted(k for k, _ in items) and set(filled) == set(members)
    for event in events:
        refs = [(e.article, e.update) for e in event.timeline + event.untimed]
        assert len(refs) == len(set(refs))
