"""``make bench``: build generated archives and compare with plain Pelican, in one run.

    python -m tools.bench [N ...]        (default: 1000 10000; make bench BENCH_N="...")

For each size N it generates N dumps (``news-archive generate``, seed 1), then measures, each
build in a fresh process of its own:

* **baseline**: the same texts as Markdown articles, built by plain Pelican with no plugin;
* **full**: our build of the dumps (content caching on, cache empty), search index included;
* **rebuild**: the same build again after one dump changed (the cache now warm);

with wall time, peak memory of the whole process tree (sampled from /proc, so worker processes
count), our stage timings (parse, events, pages, search) and output size; then the search
figures: bytes downloaded and time to first result in headless Chromium on 127.0.0.1 for a few
typical queries, for the split index and for one monolithic lunr index of the same documents,
and whether both rank the same results first. It prints a table and writes
``bench-results/latest.json`` (and a dated copy). No timing is asserted anywhere.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench-results"

BASELINE_CONF = '''SITENAME = "Baseline"
SITEURL = ""
TIMEZONE = "UTC"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
'''

# --- one build in a child process ---------------------------------------------------------------


def run_build(conf: str, content: str, output: str, overrides: str) -> None:
    """In the child: build with Pelican in-process; print our stage timings as JSON on the last line."""
    import logging

    from pelican import Pelican
    from pelican.settings import read_settings

    timings: dict = {}

    class Catch(logging.Handler):
        def emit(self, record):
            message = record.getMessage()
            if "timings:" in message:
                for part in message.split("timings:", 1)[1].split(","):
                    stage, _, value = part.strip().rpartition(" ")
                    timings[stage] = float(value.rstrip("s"))

    logging.basicConfig(level=logging.ERROR)
    ours = logging.getLogger("news_archive")
    ours.setLevel(logging.INFO)
    ours.addHandler(Catch())
    ours.propagate = False
    settings = read_settings(conf, override={"PATH": content, "OUTPUT_PATH": output, **json.loads(overrides)})
    Pelican(settings).run()
    print(json.dumps(timings))


def _tree(pid: int) -> tuple[list[int], int]:
    """A process and all its descendants, and their resident memory (bytes): cheap to read, whatever
    their size."""
    pids, rss = [], 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        rss += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as handle:
                    todo += [int(c) for c in handle.read().split()]
            pids.append(current)
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return pids, rss


def _tree_pss(pids: list[int]) -> int:
    """The proportional set size (bytes) of these processes. PSS shares each page among the processes
    that map it, so forked workers' shared pages count once. Reading it walks every page the process
    maps: about 50 ms for a process of 2.5 GB, holding the process's memory map lock meanwhile."""
    pss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
                        break
        except OSError:
            pass
    return pss


class Sampler:
    """Peak resident memory and PSS of a process tree, sampled every ``interval`` seconds.

    PSS is read only when it could be a new peak (a tree's PSS is never above its RSS, so while the
    RSS is at most the peak PSS seen, reading PSS can find nothing higher), and then at most
    ``share`` of the time: reading the PSS of a build of 2.7 GB every 0.05 s took half a core of a
    two-core machine and held the build's memory map lock: a one-dump rebuild at 100,000 dumps took
    62 s measured so, 53 s with this sampler and 52 s with none."""

    def __init__(self, pid: int, interval: float = 0.05, share: float = 0.2):
        self.pid, self.interval, self.share = pid, interval, share
        self.peak = self.peak_pss = 0
        self.pss_reads = 0

    def sample(self, now: float, next_pss: float) -> float:
        """One sample; returns when PSS may be read next."""
        pids, rss = _tree(self.pid)
        self.peak = max(self.peak, rss)
        if rss <= self.peak_pss or now < next_pss:
            return next_pss
        started = time.perf_counter()
        self.peak_pss = max(self.peak_pss, _tree_pss(pids))
        self.pss_reads += 1
        spent = time.perf_counter() - started
        return started + spent / self.share

    def run(self, done: threading.Event) -> None:
        next_pss = 0.0
        while not done.is_set():
            next_pss = self.sample(time.perf_counter(), next_pss)
            done.wait(self.interval)


def measure(conf: Path, content: Path, output: Path, **overrides) -> dict:
    """Wall time, peak tree memory and stage timings of one build in a fresh process."""
    command = [sys.executable, "-m", "tools.bench", "--run", str(conf), str(content), str(output), json.dumps(overrides)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()
    sampler = Sampler(process.pid)
    thread = threading.Thread(target=sampler.run, args=(done,), daemon=True)
    thread.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    thread.join()
    peak, peak_pss = sampler.peak, sampler.peak_pss
    if process.returncode != 0:
        raise RuntimeError(f"build failed ({conf.name}):\n{err[-3000:]}")
    timings = json.loads(out.strip().splitlines()[-1]) if out.strip() else {}
    return {"seconds": round(seconds, 2), "peak_mb": round(peak / 2**20, 1), "peak_pss_mb": round(peak_pss / 2**20, 1), "stages": timings}


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# --- the corpus and its Markdown twin -----------------------------------------------------------


def prepare(count: int, work: Path) -> tuple[Path, Path, list[dict]]:
    from tools.corpus import generate

    content, markdown = work / "content", work / "markdown"
    for folder in (content, markdown):
        shutil.rmtree(folder, ignore_errors=True)
    truth = generate(count, content / "dumps", seed=1)
    (markdown / "articles").mkdir(parents=True)
    for record in truth:
        lines = [line for line in (content / "dumps" / record["file"]).read_text(encoding="utf-8").splitlines() if line.strip()]
        stem = record["file"].rsplit(".", 1)[0]
        body = "\n\n".join(lines[1:])
        (markdown / "articles" / f"{stem}.md").write_text(
            f"Title: {lines[0]}\nDate: {record['day']}\nSlug: {stem}\n\n{body}\n", encoding="utf-8"
        )
    return content, markdown, truth


def typical_queries(truth: list[dict]) -> list[str]:
    """Two-word queries a reader would type: a person and a place, an event and a place."""
    queries = []
    for record in truth[:2]:
        queries += [f"{record['people'][0]} {record['place']}", f"{record['event_kind']} {record['place']}"]
    return queries


#: Queries beside the typical ones, as the issue measured them: a common word, two common words.
COMMON_QUERIES = ["verdict", "officials said"]

# --- search in the browser ----------------------------------------------------------------------

MONO_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>monolithic</title>
<script src="search/lunr.min.js"></script><body><ol id="r"></ol><script>
const q = new URLSearchParams(location.search).get("q");
fetch("search/index.json").then(r => r.json()).then(data => {
  try {
  const index = lunr.Index.load(data);
  const found = index.search(q);
  const list = document.getElementById("r");
  for (const hit of found.slice(0, 10)) { const li = document.createElement("li"); li.textContent = hit.ref; list.appendChild(li); }
  if (!found.length) { const li = document.createElement("li"); li.textContent = "none"; list.appendChild(li); }
  } catch (e) { const li = document.createElement("li"); li.textContent = "error: " + e.message; document.getElementById("r").appendChild(li); }
});
</script></body></html>"""

# Pagefind's own JavaScript API, as its documentation shows it: search, then each shown result's data.
# Shows as many results as our search page does at first (its PAGE), the first as soon as it can.
PAGEFIND_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>pagefind</title><body><ol id="r"></ol>
<script type="module">
const q = new URLSearchParams(location.search).get("q");
const pagefind = await import("./pagefind/pagefind.js");
const search = await pagefind.search(q);
const list = document.getElementById("r");
// as ours: the first result's data asked for alone, the others' once it is shown; each shown as soon as
// it and those above it are there
const results = search.results.slice(0, 20), data = results.slice(0, 1).map(r => r.data());
for (let i = 0; i < results.length; i++) {
  const hit = await data[i];
  const li = document.createElement("li"); li.textContent = hit.url; list.appendChild(li);
  if (i === 0) { performance.mark("search:shown"); data.push(...results.slice(1).map(r => r.data())); }
}
if (!data.length) { const li = document.createElement("li"); li.textContent = "none"; list.appendChild(li); performance.mark("search:shown"); }
performance.mark("search:page");
document.body.dataset.done = "1";
</script></body></html>"""

# Pagefind's own search page, as its documentation sets it up (its UI, started at DOMContentLoaded, the
# address's query run with triggerSearch): page against page, beside our search page, which also draws
# itself (header, form, help) before its results. Its typing debounce (300 ms by default) is off, so it is
# not charged for waiting on a reader who is not typing, and it shows as many results as ours (PAGE, 20).
# "search:shown" when the first result's link is on the page; "search:page" when all of the first page
# are (as many as its message counts, at most 20).
PAGEFIND_UI_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pagefind ui</title>
<link href="./pagefind/pagefind-ui.css" rel="stylesheet"><script src="./pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div><script>
const q = new URLSearchParams(location.search).get("q");
const mark = (name) => { if (!performance.getEntriesByName(name).length) performance.mark(name); };
const watch = new MutationObserver(() => {
  const links = document.querySelectorAll(".pagefind-ui__result-link").length;
  const message = (document.querySelector(".pagefind-ui__message") || {}).textContent || "";
  const none = /^No results/i.test(message), counted = /^([\\d,.\\s]+) results? /.exec(message);
  if (links || none) mark("search:shown");
  if (none || (counted && links >= Math.min(20, Number(counted[1].replace(/\\D/g, ""))))) { mark("search:page"); document.body.dataset.done = "1"; watch.disconnect(); }
});
watch.observe(document.getElementById("search"), { childList: true, subtree: true, characterData: true });
window.addEventListener("DOMContentLoaded", () => {
  const ui = new PagefindUI({ element: "#search", pageSize: 20, debounceTimeoutMs: 0, showImages: false });
  ui.triggerSearch(q);
});
</script></body></html>"""

# Our index in a page as bare as Pagefind's above (no site style, layout or result snippets): the
# engine against the engine, beside our real search page, which costs its page on top.
ENGINE_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>engine</title>
<script src="search/lunr.min.js"></script><script src="theme/js/search-index.js"></script><script src="search/meta.js"></script>
<body><ol id="r"></ol><script>
const q = new URLSearchParams(location.search).get("q");
const early = window.newsArchiveSearch.early, waiting = {};
window.newsArchiveSearch = { piece: (name, data) => { waiting[name](data); delete waiting[name]; } };
const load = (name) => name in early ? Promise.resolve(early[name]) : new Promise((resolve) => {
  waiting[name] = resolve;
  const el = document.createElement("script"); el.src = "search/" + name + ".js"; document.head.appendChild(el);
});
const index = new NewsArchiveIndex.SplitIndex(lunr, load), list = document.getElementById("r");
index.searchTop(q, 20).then(async (answer) => {
  // as the search page: the first result's record asked for alone, the others' once it is shown; each
  // shown as soon as it and those above it are there
  const refs = answer.results.map((r) => r.ref), records = index.recordPromises(refs.slice(0, 1));
  for (let i = 0; i < refs.length; i++) {
    const record = await records[i];
    const li = document.createElement("li"); li.textContent = record.u; list.appendChild(li);
    if (i === 0) { performance.mark("search:shown"); records.push(...index.recordPromises(refs.slice(1))); }
  }
  if (!answer.results.length) { const li = document.createElement("li"); li.textContent = "none"; list.appendChild(li); performance.mark("search:shown"); }
  performance.mark("search:page");
  document.body.dataset.done = "1";
});
</script></body></html>"""

# Every tier of the split index (SplitIndex.search, which the tests hold equal to the monolithic
# index): what the first results must equal, where a monolithic index is too large to load.
WHOLE_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>whole</title>
<script src="search/lunr.min.js"></script><script src="theme/js/search-index.js"></script><body><ol id="r"></ol><script>
const q = new URLSearchParams(location.search).get("q");
const waiting = {};
window.newsArchiveSearch = { piece: (name, data) => { waiting[name](data); delete waiting[name]; } };
const load = (name) => new Promise((resolve) => {
  waiting[name] = resolve;
  const el = document.createElement("script"); el.src = "search/" + name + ".js"; document.head.appendChild(el);
});
const index = new NewsArchiveIndex.SplitIndex(lunr, load);
index.search(q).then((found) => index.recordsOf(found.slice(0, 10).map((r) => r.ref))).then((records) => {
  const list = document.getElementById("r");
  for (const record of records) { const li = document.createElement("li"); li.textContent = record.u; list.appendChild(li); }
  if (!records.length) { const li = document.createElement("li"); li.textContent = "none"; list.appendChild(li); }
});
</script></body></html>"""

PAGEFIND = ROOT / "tools" / "benchdeps" / "node_modules" / ".bin" / "pagefind"
#: Above this many dumps no monolithic index is written (it would not fit in a browser's memory):
#: the first results are compared with the whole split answer only.
MONOLITHIC_MAX = 20_000
RUNS = 5  # each query is timed this many times, each from a cold page, the pages in turn; the median is reported


def pagefind_index(site: Path) -> dict | None:
    """Pagefind (pinned in tools/benchdeps) over the built site: indexing time and bundle size.
    None when it is not installed (``make benchdeps``)."""
    if not PAGEFIND.exists():
        return None
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([str(PAGEFIND), "--site", str(site)], check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    return {"seconds": round(seconds, 1), "bundle_mb": round(sum(p.stat().st_size for p in files) / 2**20, 1), "files": len(files)}


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def _one_query(browser, base: str, path: str, selector: str, prefixes: tuple[str, ...], marked: bool) -> tuple[float, float | None, int, list[str]]:
    """Time to the first results on a cold page, to its whole first page of results, the bytes fetched
    under ``prefixes`` by then, what was shown.

    ``marked`` pages set the user-timing mark ``search:shown`` when their first results are on the
    page, and ``search:page`` when their first page of results is: the times are the marks', from the
    page's navigation (a new browser context's own start-up is not counted); otherwise the wall time
    until ``selector`` shows (and no first page's)."""
    context = browser.new_context()
    page = context.new_page()
    loaded = []
    page.on("response", lambda response: loaded.append(response))
    started = time.perf_counter()
    page.goto(f"{base}/{path}")
    # the page's mark that its first results (or "no match") are shown; pages without one: the results
    page.wait_for_function(f"""performance.getEntriesByName('search:shown').length ||
        (!{json.dumps(marked)} && document.querySelector({json.dumps(selector)}))""", timeout=300_000)
    first = time.perf_counter() - started
    # from the page's navigation to the mark the page sets when its first results are shown
    mark = page.evaluate("(performance.getEntriesByName('search:shown')[0] || {}).startTime || null")
    # then the whole first page, for comparing rankings (results may show one by one)
    whole = None
    if marked:
        page.wait_for_function("""performance.getEntriesByName('search:page').length ||
        /cannot|failed/.test((document.getElementById('search-status') || {}).textContent || '')""", timeout=300_000)
        whole = page.evaluate("(performance.getEntriesByName('search:page')[0] || {}).startTime || null")
    shown = page.eval_on_selector_all(selector, "els => els.slice(0, 10).map(e => e.getAttribute('href') || e.textContent)") or ["none"]
    fetched = 0
    for response in loaded:
        if any(prefix in response.url for prefix in prefixes):
            length = response.headers.get("content-length")
            if length is not None:
                fetched += int(length)
            else:
                try:
                    fetched += len(response.body())
                except Exception:  # noqa: BLE001 - a cancelled request has no body
                    pass
    context.close()
    return (mark / 1000 if mark is not None else first), (whole / 1000 if whole is not None else None), fetched, [s.split(base + "/", 1)[-1] for s in shown]


def search_figures(site: Path, queries: list[str], monolithic: bool = True, pagefind: bool = False) -> list[dict]:
    """Per query: time to first results (median of RUNS cold pages) and bytes fetched, for our search
    page, the monolithic lunr index (once: it is slow) and Pagefind; whether ours and the monolithic
    index show the same first 10. Our bytes count the index pieces, lunr.js and our two scripts (the
    search page carries those three, so the page's whole HTML counts); Pagefind's everything under /pagefind/ (its script, WebAssembly, metadata, index and fragments)."""
    from playwright.sync_api import sync_playwright

    from tools.browser import launch, serve

    (site / "bench-mono.html").write_text(MONO_PAGE, encoding="utf-8")
    (site / "bench-pagefind.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    (site / "bench-whole.html").write_text(WHOLE_PAGE, encoding="utf-8")
    (site / "bench-engine.html").write_text(ENGINE_PAGE, encoding="utf-8")
    (site / "bench-pagefind-ui.html").write_text(PAGEFIND_UI_PAGE, encoding="utf-8")
    # the search page carries lunr.js and its scripts: its own bytes count (style and markup too)
    kinds = [("split", "search.html", "#search-results li a", ("/search/", "/theme/js/search-", "/search.html"), RUNS, True),
             ("engine", "bench-engine.html", "#r li", ("/search/", "/theme/js/search-"), RUNS, True),
             ("whole", "bench-whole.html", "#r li", ("/search/",), 1, False)]
    if monolithic:
        kinds.append(("monolithic", "bench-mono.html", "#r li", ("/search/",), 1, False))
    if pagefind:
        kinds.append(("pagefind", "bench-pagefind.html", "#r li", ("/pagefind/",), RUNS, True))
        kinds.append(("pagefind_ui", "bench-pagefind-ui.html", ".pagefind-ui__result-link", ("/pagefind/",), RUNS, True))
    results = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for query in queries:
            row = {"query": query}
            tops, times, pages, fetched = {}, {kind[0]: [] for kind in kinds}, {kind[0]: [] for kind in kinds}, {}
            # the pages in turn, run after run: a machine whose speed drifts moves ours and Pagefind's alike
            for run in range(max(kind[4] for kind in kinds)):
                for kind, path, selector, prefixes, runs, marked in kinds:
                    if run < runs:
                        first, whole, fetched[kind], tops[kind] = _one_query(
                            browser, base, f"{path}?q={query.replace(' ', '+')}", selector, prefixes, marked)
                        times[kind].append(first)
                        if whole is not None:
                            pages[kind].append(whole)
            for kind in times:
                row[kind] = {"first_result_ms": round(_median(times[kind]) * 1000), "index_kb": round(fetched[kind] / 1024, 1)}
                if pages[kind]:  # the first page of results (20) all shown
                    row[kind]["first_page_ms"] = round(_median(pages[kind]) * 1000)
            row["same_ranking"] = tops["split"] == tops["whole"] and (not monolithic or tops["split"] == tops["monolithic"])
            results.append(row)
        browser.close()
    return results


def write_monolithic_index(content: Path, site: Path) -> None:
    """index.json beside the pieces: one lunr index of the same documents, for comparison only."""
    from news_archive.cli import load_keyed
    from news_archive.events import build_events
    from news_archive.search.documents import documents
    from news_archive.search.index import build_index
    from news_archive.search.pieces import dumps_compact

    events, dumps = build_events(load_keyed(sorted((content / "dumps").glob("*.txt"))))
    urls = {key: f"articles/{key}.html" for key in dumps}
    (site / "search" / "index.json").write_text(dumps_compact(build_index(documents(events, dumps, urls)).serialize()), encoding="utf-8")


# --- the run ------------------------------------------------------------------------------------


def bench(count: int, work: Path) -> dict:
    content, markdown, truth = prepare(count, work)
    baseline_conf = work / "baselineconf.py"
    baseline_conf.write_text(BASELINE_CONF, encoding="utf-8")
    ours_conf = ROOT / "pelicanconf.py"
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    caching = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(cache)}
    for name in ("out-baseline", "out-ours"):
        shutil.rmtree(work / name, ignore_errors=True)

    print(f"[{count}] baseline: plain Pelican, Markdown", file=sys.stderr)
    baseline = measure(baseline_conf, markdown, work / "out-baseline")
    print(f"[{count}] full build", file=sys.stderr)
    full = measure(ours_conf, content, work / "out-ours", **caching)
    victim = content / "dumps" / truth[len(truth) // 2]["file"]
    text = victim.read_text(encoding="utf-8")
    victim.write_text(text.replace(" said", " told reporters", 1), encoding="utf-8")
    print(f"[{count}] rebuild after one dump changed", file=sys.stderr)
    rebuild = measure(ours_conf, content, work / "out-ours", **caching)
    victim.write_text(text, encoding="utf-8")

    site = work / "out-ours"
    search_files = [p for p in (site / "search").rglob("*") if p.is_file() and p.name != "index.json"]
    size = {"ours_mb": round(folder_bytes(site) / 2**20, 1), "baseline_mb": round(folder_bytes(work / "out-baseline") / 2**20, 1),
            "search_mb": round(sum(p.stat().st_size for p in search_files) / 2**20, 1), "search_files": len(search_files)}
    print(f"[{count}] Pagefind over the same output", file=sys.stderr)
    pagefind = pagefind_index(site)
    monolithic = count <= MONOLITHIC_MAX
    if monolithic:
        print(f"[{count}] monolithic index", file=sys.stderr)
        write_monolithic_index(content, site)
        size["monolithic_index_mb"] = round((site / "search" / "index.json").stat().st_size / 2**20, 1)
    print(f"[{count}] search in Chromium", file=sys.stderr)
    search = search_figures(site, typical_queries(truth) + COMMON_QUERIES, monolithic=monolithic, pagefind=pagefind is not None)
    return {
        "dumps": count,
        "baseline": baseline,
        "full": full,
        "rebuild": rebuild,
        "full_vs_baseline": round(full["seconds"] / baseline["seconds"], 2),
        "rebuild_vs_full": round(rebuild["seconds"] / full["seconds"], 2),
        "size": size,
        "pagefind": pagefind,
        "search": search,
    }


def table(results: list[dict]) -> str:
    sizes = [r["dumps"] for r in results]
    rows = [("", *[f"{n:,} dumps" for n in sizes])]

    def add(label, value):
        rows.append((label, *[value(r) for r in results]))

    add("plain Pelican (baseline)", lambda r: f"{r['baseline']['seconds']:.1f} s, {r['baseline']['peak_mb']:.0f} MB")
    add("news-archive full build", lambda r: f"{r['full']['seconds']:.1f} s, {r['full']['peak_mb']:.0f} MB")
    add("  peak memory: RSS / PSS of the tree", lambda r: f"{r['full']['peak_mb']:.0f} MB / {r['full'].get('peak_pss_mb', 0):.0f} MB")
    add("  full / baseline", lambda r: f"{r['full_vs_baseline']:.2f}x")
    add("  one-dump rebuild", lambda r: f"{r['rebuild']['seconds']:.1f} s")
    add("  rebuild / full", lambda r: f"{r['rebuild_vs_full']:.2f}")
    labels = {"parse": "parse (CPU, 2 workers)", "events": "events", "pages": "event/timeline/source pages",
              "search": "search index (other core)"}
    for stage, label in labels.items():
        add(f"  {label}", lambda r, s=stage: f"{r['full']['stages'].get(s, 0):.1f} s")
    add("  waiting for the search index", lambda r: f"{r['full']['stages'].get('search wait', 0):.1f} s")
    add("output size (baseline)", lambda r: f"{r['size']['ours_mb']} MB ({r['size']['baseline_mb']} MB)")
    add("search bundle: ours / Pagefind", lambda r: f"{r['size']['search_mb']} MB / " + (f"{r['pagefind']['bundle_mb']} MB" if r.get("pagefind") else "-"))
    add("  Pagefind indexing", lambda r: f"{r['pagefind']['seconds']:.1f} s" if r.get("pagefind") else "not installed (make benchdeps)")
    add("  monolithic lunr index", lambda r: f"{r['size']['monolithic_index_mb']} MB" if "monolithic_index_mb" in r["size"] else "not written")
    for i in range(max(len(r["search"]) for r in results)):
        add(f"query {i + 1}: ours", lambda r, i=i: _query(r, i, "split"))
        add("         Pagefind", lambda r, i=i: _query(r, i, "pagefind"))
        add("         ours / Pagefind", lambda r, i=i: _ratio(r, i))
        add("         our engine, bare page", lambda r, i=i: _query(r, i, "engine"))
        add("         engine / Pagefind", lambda r, i=i: _ratio(r, i, "engine"))
        add("         Pagefind's own UI page", lambda r, i=i: _query(r, i, "pagefind_ui"))
        add("         ours / Pagefind's UI page", lambda r, i=i: _ratio(r, i, "split", "pagefind_ui"))
        add("         monolithic", lambda r, i=i: _query(r, i, "monolithic"))
    width = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(width[c]) for c, cell in enumerate(row)) for row in rows)


def _query(result: dict, i: int, kind: str) -> str:
    if i >= len(result["search"]) or kind not in result["search"][i]:
        return "-"
    row = result["search"][i]
    same = "" if kind != "split" else (", same top 10" if row["same_ranking"] else ", RANKING DIFFERS")
    page = f" (first page {row[kind]['first_page_ms']} ms)" if "first_page_ms" in row[kind] else ""
    return f"\"{row['query']}\": {row[kind]['index_kb']} KB, {row[kind]['first_result_ms']} ms{page}{same}"


def _ratio(result: dict, i: int, kind: str = "split", against: str = "pagefind") -> str:
    if i >= len(result["search"]) or against not in result["search"][i] or kind not in result["search"][i]:
        return "-"
    ours, theirs = result["search"][i][kind], result["search"][i][against]
    time = ours["first_result_ms"] / max(theirs["first_result_ms"], 1)
    size = ours["index_kb"] / max(theirs["index_kb"], 0.1)
    page = ""
    if "first_page_ms" in ours and "first_page_ms" in theirs:
        page = f", first page {ours['first_page_ms'] / max(theirs['first_page_ms'], 1):.2f}x"
    return f"time {time:.2f}x, bytes {size:.2f}x{page}"


def main(argv: list[str]) -> int:
    if argv[:1] == ["--run"]:
        run_build(*argv[1:5])
        return 0
    sizes = [int(n) for n in argv] or [1000, 10000]
    RESULTS.mkdir(exist_ok=True)
    results = [bench(n, RESULTS / "work" / str(n)) for n in sizes]
    report = {
        "when": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "results": results,
    }
    text = json.dumps(report, indent=1)
    (RESULTS / "latest.json").write_text(text, encoding="utf-8")
    (RESULTS / f"bench-{report['when'][:19].replace(':', '')}.json").write_text(text, encoding="utf-8")
    print(table(results))
    print(f"\n(written to {RESULTS.relative_to(ROOT)}/latest.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
