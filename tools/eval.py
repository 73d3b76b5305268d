"""``make eval``: the parser and the events stage scored on real dumps (``../shared/realdumps``).

    python -m tools.eval [--realdumps DIR] [-v]        (or: make eval; REALDUMPS=DIR overrides the folder)

Three corpora, each with its answer key (read its README): ``stories/`` (every line labelled),
``liveblogs/`` (updates, stamps, datelines, boilerplate) and ``events/`` (each dump's event, date,
place and zone). Every dump is parsed in this process exactly as ``news-archive inspect`` and
``news-archive events`` would (the same JSON), and scored as the corpus's reference scorer scores it.
Prints one block per corpus and each dump's misses (all of them with ``-v``), and writes
``eval-results/latest.json``. The corpora's text belongs to its publishers: it is read from its
folder and never copied; the results name files and line numbers, not text.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REALDUMPS = ROOT.parent / "shared" / "realdumps"
RESULTS = ROOT / "eval-results"


def realdumps_folder(given: str | None = None) -> Path:
    return Path(given or os.environ.get("REALDUMPS") or DEFAULT_REALDUMPS)


def reference(folder: Path, name: str):
    """A corpus's own reference scorer (``score.py``, ``score_events.py``), for its measures and normalisers:
    the figures here are its figures by construction."""
    spec = importlib.util.spec_from_file_location(f"{folder.name}_{name.removesuffix('.py')}", folder / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ratio(hit: int, total: int) -> float:
    return round(hit / total, 4) if total else 1.0


def inspect(path: Path) -> dict:
    """What ``news-archive inspect`` prints, plus ``lost``: input lines neither kept, nor a stamp, header,
    layout or dropped line (the parser promises 0)."""
    from news_archive.parse import parse_file
    from news_archive.present.serialize import dump_json

    dump = parse_file(path)
    accounted = {line for lines in dump.accounting().values() for line in lines}
    return {**dump_json(dump), "lost": dump.line_count - len(accounted & set(range(1, dump.line_count + 1))),
            "dek_line": dump.dek.line if dump.dek else None,
            "body_lines": [{"line": p.line} for p in (*dump.intro, *dump.body, *(q for u in dump.updates for q in u.paragraphs))],
            "caption_lines": [p.line for p in (*dump.captions, *(q for u in dump.updates for q in u.captions))]}


def archive_drops(folder: Path) -> dict[str, set[int]]:
    """Lines the archive layer drops when the folder is built as one archive (``events/template.py``:
    a line seen in articles of different events is site template), by dump file."""
    from news_archive.cli import load_keyed
    from news_archive.events import build_events
    from news_archive.events.template import RULE

    _, dumps = build_events(load_keyed(sorted((folder / "docs").glob("*.txt"))))
    return {d.name: {x.line for x in d.dropped if x.reason == RULE} for d in dumps.values()}


def _keys(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "key.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


# --- stories: every line labelled -------------------------------------------------------------


def score_stories(folder: Path) -> dict:
    ref = reference(folder, "score.py")
    t: collections.Counter = collections.Counter()
    misses: dict[str, list[str]] = {}
    learned = archive_drops(folder)
    for row in _keys(folder):
        path = folder / "docs" / row["file"]
        got = inspect(path)
        removed = {d["line"] for d in got["dropped"]} | learned.get(row["file"], set())
        miss = []
        for number, label in enumerate(row["line_labels"], 1):
            gone = number in removed
            if label == "boilerplate":
                t["boilerplate"] += 1
                t["boilerplate_removed"] += gone
                if not gone:
                    miss.append(f"kept boilerplate line {number}")
            elif label == "content":
                t["content"] += 1
                t["content_removed"] += gone
                if gone:
                    miss.append(f"REMOVED content line {number}")
        t["docs"] += 1
        # every page of this corpus is a story: one read as a live blog shows its paragraphs as updates
        t["kind_ok"] += got["kind"] == row["kind"]
        if got["kind"] != row["kind"]:
            miss.append(f"kind {got['kind']} (key {row['kind']})")
        t["title_ok"] += ref.norm(got["title"]) == ref.norm(row["title"])
        want, have = ref.dl_norm(row.get("dateline")), ref.dl_norm(got["dateline"])
        if want or have:
            t["datelines"] += 1
            t["dateline_ok"] += want == have
            if want != have:
                miss.append(f"dateline {got['dateline']!r}")
        t["lines_lost"] += got["lost"]
        # photo captions, kept apart from the article's text (as captions, or dropped with the page's chrome)
        text_lines = {p["line"] for p in got.get("body_lines", [])}
        caption_lines = set(got.get("caption_lines", []))
        for number, label in enumerate(row["line_labels"], 1):
            if label == "caption":
                t["captions"] += 1
                t["captions_apart"] += number not in text_lines
            if label == "content" and number in caption_lines:  # the article's text taken for a photo's caption
                t["content_as_captions"] += 1
                miss.append(f"content line {number} taken for a caption")
            if label in ("byline", "date"):  # the byline and the page's date: metadata, out of the text
                t["bylines"] += 1
                t["bylines_apart"] += number not in text_lines
        # the standfirst: the key's dek line (a few mark several lines: any of them), or none
        deks = [n for n, label in enumerate(row["line_labels"], 1) if label == "dek"]
        if deks:
            t["deks"] += 1
            t["dek_ok"] += got["dek_line"] in deks
            if got["dek_line"] not in deks:
                miss.append(f"dek line {got['dek_line']} (key {deks[0]})")
        elif got["dek_line"] is not None:
            t["dek_false"] += 1
            miss.append(f"dek line {got['dek_line']} (key: none)")
        if miss:
            misses[row["file"]] = miss
    return {
        "docs": t["docs"],
        "boilerplate_recall": ratio(t["boilerplate_removed"], t["boilerplate"]),
        "boilerplate": [t["boilerplate_removed"], t["boilerplate"]],
        "content_dropped": ratio(t["content_removed"], t["content"]),
        "content": [t["content_removed"], t["content"]],
        "titles": ratio(t["title_ok"], t["docs"]),
        "captions_apart": ratio(t["captions_apart"], t["captions"]),
        "bylines_apart": ratio(t["bylines_apart"], t["bylines"]),
        "byline_counts": [t["bylines_apart"], t["bylines"]],
        "caption_counts": [t["captions_apart"], t["captions"]],
        "content_as_captions": t["content_as_captions"],
        "deks": ratio(t["dek_ok"], t["deks"]),
        "dek_counts": [t["dek_ok"], t["deks"]],
        "deks_false": t["dek_false"],
        "kind": ratio(t["kind_ok"], t["docs"]),
        "kind_counts": [t["kind_ok"], t["docs"]],
        "datelines": ratio(t["dateline_ok"], t["datelines"]),
        "dateline_counts": [t["dateline_ok"], t["datelines"]],
        "lines_lost": t["lines_lost"],
        "misses": misses,
    }


# --- live blogs: updates, stamps, datelines, boilerplate ------------------------------------------


def score_liveblogs(folder: Path) -> dict:
    ref = reference(folder, "score.py")
    norm = ref.norm
    counts = {name: [0, 0] for name in ("kind", "updates", "stamps", "dateline", "title")}
    drops, wrong, lost, captioned = [0, 0], 0, 0, 0
    misses: dict[str, list[str]] = {}
    learned = archive_drops(folder)
    for row in _keys(folder):
        path = folder / "docs" / row["file"]
        got = inspect(path)
        lines = path.read_text(encoding="utf-8").splitlines()
        live = row["kind"] in ("ap-latest", "liveblog")
        miss: list[str] = []

        def check(name: str, ok: bool, what: str) -> None:
            counts[name][1] += 1
            counts[name][0] += bool(ok)
            if not ok:
                miss.append(what)

        check("kind", (got["kind"] == "liveblog") == live, f"kind {got['kind']} (key {row['kind']})")
        check("title", norm(got["title"]) == norm(row["title"]), "title")
        updates = got["updates"]
        if live:
            check("updates", len(updates) == row["n_updates"], f"updates {len(updates)} (key {row['n_updates']})")
            if row["update_times"]:
                stamps = [norm(u["time_text"]) for u in updates]
                check("stamps", stamps == [norm(x) for x in row["update_times"]], f"stamps {stamps}")
        if row["dateline"] is not None or got["dateline"]:
            have, want = norm(got["dateline"]), norm(row["dateline"])
            check("dateline", have == want or bool(have and want and have.rstrip(" -") == want), f"dateline {got['dateline']!r}")
        dropped = {d["line"] for d in got["dropped"] if d.get("line")} | learned.get(row["file"], set())
        boilerplate = ref.line_numbers(lines, row["boilerplate_lines_to_drop"])
        ambiguous = set(ref.line_numbers(lines, row.get("ambiguous_lines") or []))
        hit = [n for n in boilerplate if n in dropped]
        drops[0] += len(hit)
        drops[1] += len(boilerplate)
        # as the reference scorer: boilerplate kept apart as a caption is out of the text, reported apart
        captions = set(got["caption_lines"])
        apart = [n for n in boilerplate if n not in dropped and n in captions]
        captioned += len(apart)
        if len(hit) + len(apart) < len(boilerplate):
            miss.append(f"kept boilerplate lines {[n for n in boilerplate if n not in dropped and n not in apart]}")
        bad = sorted(n for n in dropped if n not in boilerplate and n not in ambiguous and not ref.SEP.match(lines[n - 1]))
        if bad:
            wrong += len(bad)
            miss.append(f"DROPPED lines {bad}")
        lost += got["lost"]
        if miss:
            misses[row["file"]] = miss
    result = {name: ratio(*pair) for name, pair in counts.items()}
    result.update(
        counts={name: pair for name, pair in counts.items()},
        boilerplate_recall=ratio(*drops), boilerplate=drops, kept_as_captions=captioned, wrong_drops=wrong, lines_lost=lost, misses=misses,
        docs=counts["kind"][1],
    )
    return result


# --- events: grouping, dates, zones, places, names ------------------------------------------------


def events_json(docs: Path) -> list[dict]:
    from news_archive.cli import dump_paths, load_keyed
    from news_archive.events import build_events
    from news_archive.present.serialize import event_json

    events, dumps = build_events(load_keyed(dump_paths([str(docs)])))
    return [event_json(event, dumps) for event in events]


def score_events(folder: Path) -> dict:
    ref = reference(folder, "score_events.py")
    key = ref.load_key(folder / "key.jsonl")
    files = set(key) & {p.name for p in (folder / "docs").glob("*.txt")}
    events = events_json(folder / "docs")
    article = {os.path.basename(a.get("file") or ""): a for event in events for a in event.get("articles", [])}
    gold, pred = ref.gold_clusters(key), ref.predicted_clusters(events, files)
    p, r, f, tp, fp, fn = ref.pairwise(gold, pred, files)
    bp, br, bf = ref.bcubed(gold, pred, files)
    dated = lenient = 0
    misses: dict[str, list[str]] = collections.defaultdict(list)
    for name in sorted(files):
        want, got = key[name], article.get(name, {})
        dated += got.get("date") == want["date"]
        ok = got.get("date") == want["date"] or got.get("date") in (want.get("date_alt") or [])
        lenient += ok
        if not ok:
            misses[name].append(f"date {got.get('date')} ({got.get('date_source')}), key {want['date']}")
    judgements_path = next(iter(sorted(folder.glob("judgements_*.json"))), None)
    judgements = json.loads(judgements_path.read_text(encoding="utf-8")) if judgements_path else {}
    members: dict[str, list[str]] = collections.defaultdict(list)
    for name in files:
        if key[name].get("event"):
            members[key[name]["event"]].append(name)
    size = collections.Counter(pred[f] for f in files)
    names_ok = places_ok = zones_ok = 0
    per_event = {}
    for event_id in sorted(members):
        held = collections.Counter(pred[f] for f in members[event_id])
        best = min(held, key=lambda i: (-held[i], -size[i], i))
        predicted = events[best] if best < len(events) else {}
        first = key[sorted(members[event_id])[0]]
        gold_places = {first.get("event_place")} | {key[f].get("place") for f in members[event_id]}
        judged = judgements.get(event_id)
        if judged and judged.get("pred_name") == predicted.get("name") and judged.get("pred_place") == predicted.get("place"):
            name_ok, place_ok = bool(judged.get("name")), bool(judged.get("place"))
        else:
            name_ok = ref.guess_name_ok(predicted.get("name"), first.get("event_name"))
            place_ok = ref.guess_place_ok(predicted.get("place"), gold_places)
        zone_ok = predicted.get("timezone") == first.get("timezone")
        names_ok += name_ok
        places_ok += place_ok
        zones_ok += zone_ok
        per_event[event_id] = {
            "dumps": len(members[event_id]), "pieces": len(held), "held": held[best],
            "name": predicted.get("name"), "name_ok": name_ok, "key_name": first.get("event_name"),
            "place": predicted.get("place"), "place_ok": place_ok, "timezone": predicted.get("timezone"),
            "zone_ok": zone_ok, "key_timezone": first.get("timezone"),
        }
    names = [e.get("name") for e in events]
    n_events = len(members) or 1
    alone = small_archives(folder, ref, key, files)
    kinds = 0  # each dump read as the kind of page the key says: a live blog (AP's "The Latest" too) or a story
    for name in sorted(files):
        got = inspect(folder / "docs" / name)["kind"]
        want = "liveblog" if key[name].get("kind") in ("liveblog", "ap-latest") else "story"
        kinds += got == want
        if got != want:
            misses[name].append(f"kind {got} (key {key[name].get('kind')})")
    return {
        "docs": len(files),
        "bcubed": {"precision": round(bp, 4), "recall": round(br, 4), "f1": round(bf, 4)},
        "pairwise": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn},
        "predicted_events": len(set(pred.values())),
        "dates": ratio(lenient, len(files)),
        "dates_strict": ratio(dated, len(files)),
        "zones": ratio(zones_ok, n_events),
        "places": ratio(places_ok, n_events),
        "names": ratio(names_ok, n_events),
        "duplicate_names": sorted(n for n, c in collections.Counter(names).items() if c > 1),
        "kind": ratio(kinds, len(files)),
        "kind_counts": [kinds, len(files)],
        "alone_one_event": ratio(sum(1 for e in alone["events"].values() if e == 1), len(alone["events"])),
        "alone_clusters_bcubed_f1": round(sum(alone["clusters"].values()) / (len(alone["clusters"]) or 1), 4),
        "alone": alone,
        "events": per_event,
        "misses": dict(misses),
    }


def small_archives(folder: Path, ref, key: dict, files: set[str]) -> dict:
    """The corpus cut into small archives, as a newsroom's folder about one story would be: each key event's
    dumps alone (into how many events they fall: one is right), and each cluster of hard cases alone
    (related events and the unrelated articles written against them: their B-cubed F1)."""
    import shutil
    import tempfile

    events: dict[str, list[str]] = collections.defaultdict(list)
    clusters: dict[str, list[str]] = collections.defaultdict(list)
    for name in sorted(files):
        if key[name].get("event"):
            events[key[name]["event"]].append(name)
        if key[name].get("cluster"):
            clusters[key[name]["cluster"]].append(name)

    def built(names: list[str]) -> list[dict]:
        with tempfile.TemporaryDirectory() as tmp:
            for name in names:
                shutil.copy(folder / "docs" / name, Path(tmp) / name)
            return events_json(Path(tmp))

    result = {"events": {}, "clusters": {}}
    for event_id, names in sorted(events.items()):
        result["events"][event_id] = len(built(names))
    for cluster, names in sorted(clusters.items()):
        chosen = set(names)
        gold = ref.gold_clusters({n: key[n] for n in chosen})
        result["clusters"][cluster] = round(ref.bcubed(gold, ref.predicted_clusters(built(names), chosen), chosen)[2], 4)
    return result


# --- all of it ---------------------------------------------------------------------------------


SCORERS = {"stories": score_stories, "liveblogs": score_liveblogs, "events": score_events}


def evaluate(realdumps: Path) -> dict:
    return {name: scorer(realdumps / name) for name, scorer in SCORERS.items() if (realdumps / name / "key.jsonl").is_file()}


def report(results: dict, verbose: bool = False) -> str:
    out = []
    s = results.get("stories")
    if s:
        out.append(
            f"stories    {s['docs']} dumps: boilerplate recall {s['boilerplate_recall']:.3f} ({s['boilerplate'][0]}/{s['boilerplate'][1]}), "
            f"content dropped {s['content_dropped']:.4f} ({s['content'][0]}/{s['content'][1]}), datelines {s['datelines']:.3f} "
            f"({s['dateline_counts'][0]}/{s['dateline_counts'][1]}), titles {s['titles']:.3f}, "
            f"kind {s['kind']:.3f} ({s['kind_counts'][0]}/{s['kind_counts'][1]}), deks {s['deks']:.3f} "
            f"({s['dek_counts'][0]}/{s['dek_counts'][1]}, {s['deks_false']} where the key has none), "
            f"captions apart from the text {s['captions_apart']:.3f} ({s['caption_counts'][0]}/{s['caption_counts'][1]}, "
            f"{s['content_as_captions']} content lines taken for captions), "
            f"bylines and dates out of it {s['bylines_apart']:.3f} ({s['byline_counts'][0]}/{s['byline_counts'][1]}), lines lost {s['lines_lost']}"
        )
    b = results.get("liveblogs")
    if b:
        c = b["counts"]
        out.append(
            f"liveblogs  {b['docs']} dumps: kind {b['kind']:.3f} ({c['kind'][0]}/{c['kind'][1]}), update count exact {b['updates']:.3f} "
            f"({c['updates'][0]}/{c['updates'][1]}), stamps exact {b['stamps']:.3f} ({c['stamps'][0]}/{c['stamps'][1]}), "
            f"datelines {b['dateline']:.3f} ({c['dateline'][0]}/{c['dateline'][1]}), boilerplate recall {b['boilerplate_recall']:.3f} "
            f"({b['boilerplate'][0]}/{b['boilerplate'][1]}, +{b['kept_as_captions']} kept apart as captions), wrong drops {b['wrong_drops']}, "
            f"lines lost {b['lines_lost']}"
        )
    e = results.get("events")
    if e:
        out.append(
            f"events     {e['docs']} dumps: B-cubed F1 {e['bcubed']['f1']:.3f} (P {e['bcubed']['precision']:.3f}, R {e['bcubed']['recall']:.3f}), "
            f"pairwise F1 {e['pairwise']['f1']:.3f}, {e['predicted_events']} events, dates {e['dates']:.3f}, zones {e['zones']:.3f}, "
            f"places {e['places']:.3f}, names {e['names']:.3f}, duplicate names {len(e['duplicate_names'])}, "
            f"kind {e['kind']:.3f} ({e['kind_counts'][0]}/{e['kind_counts'][1]})"
        )
        out.append(
            f"           alone: each event's dumps as one archive give one event {e['alone_one_event']:.3f} "
            f"({sum(1 for n in e['alone']['events'].values() if n == 1)}/{len(e['alone']['events'])}), "
            f"each cluster of hard cases alone B-cubed F1 {e['alone_clusters_bcubed_f1']:.3f}"
        )
    for corpus, result in results.items():
        misses = result.get("misses", {})
        if not misses:
            continue
        out.append(f"\n{corpus}: {len(misses)} dump(s) with misses")
        for name in sorted(misses)[: None if verbose else 12]:
            out.append(f"  {name}: " + "; ".join(misses[name][: None if verbose else 4]) + ("" if verbose or len(misses[name]) <= 4 else f" (+{len(misses[name]) - 4})"))
        if not verbose and len(misses) > 12:
            out.append(f"  ... (+{len(misses) - 12} more; -v lists all)")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make eval", description="score the parser and events on real dumps")
    parser.add_argument("--realdumps", help="the realdumps folder (default: $REALDUMPS or ../shared/realdumps)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    folder = realdumps_folder(args.realdumps)
    if not folder.is_dir():
        print(f"no real dumps at {folder}: set REALDUMPS or --realdumps", file=sys.stderr)
        return 2
    import logging

    logging.getLogger("news_archive").setLevel(logging.ERROR)
    results = evaluate(folder)
    print(report(results, args.verbose))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\n(written to {(RESULTS / 'latest.json').relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
