"""``news-archive``: the pure stages from the command line, exactly as the build runs them.

    news-archive inspect FILE          the parse of one dump, as JSON
    news-archive events PATH...        the events of a set of dumps, with merged timelines, as JSON
                  --explain A B       why two of them were or were not grouped
    news-archive check PATH...         problems and dropped lines of dumps (--strict: exit 1 on any)
    news-archive generate N DIR        a synthetic archive of N dumps (--seed S), with truth.json
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from news_archive.parse.anchors import article_slug, dedupe_slugs
from news_archive.events import build_events
from news_archive.parse.cascade import DumpError, parse_file
from news_archive.present import problems as report
from news_archive.present.serialize import dump_json, event_json


def dump_paths(paths: list[str]) -> list[Path]:
    """Files as given, and every ``*.txt`` under folders, sorted."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        found += sorted(path.rglob("*.txt")) if path.is_dir() else [path]
    return found


def _print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_inspect(args) -> int:
    try:
        dump = parse_file(args.file)
    except (DumpError, OSError) as error:
        line = getattr(error, "line", None)
        print(f"{args.file}{f':{line}' if line else ''}: {getattr(error, 'message', error)}", file=sys.stderr)
        return 1
    _print_json(dump_json(dump))
    return 0


def load_keyed(paths: list[Path]) -> list[tuple[str, object]]:
    """Parse dumps and key them by the slug the build gives their articles; report the unreadable."""
    parsed = []
    for path in paths:
        try:
            parsed.append((str(path), parse_file(path)))
        except (DumpError, OSError) as error:
            line = getattr(error, "line", None)
            print(f"{path}{f':{line}' if line else ''}: {getattr(error, 'message', error)} (skipped)", file=sys.stderr)
    slugs = dedupe_slugs([(name, article_slug(d.display_title, d.slug, d.name)) for name, d in parsed])
    return [(slugs[name], dump) for name, dump in parsed]


def cmd_events(args) -> int:
    items = load_keyed(dump_paths(args.paths))
    events, dumps = build_events(items)
    if not args.explain:
        _print_json([event_json(event, dumps) for event in events])
        return 0
    from news_archive.events.explain import explain, lines

    keys = [_key_of(items, given) for given in args.explain]
    if None in keys:
        missing = [given for given, key in zip(args.explain, keys) if key is None]
        print(f"news-archive: --explain: {', '.join(missing)} is not among the dumps given (name a file or its slug)", file=sys.stderr)
        return 2
    report = explain(items, keys[0], keys[1], events=events)
    if args.json:
        _print_json(report)
    else:
        print("\n".join(lines(report)))
    return 0


def _key_of(items: list[tuple[str, object]], given: str) -> str | None:
    """The article key of a dump named by its path, file name or slug."""
    name = Path(given).name
    for key, dump in items:
        if given == key or name == dump.name:
            return key
    return None


def cmd_check(args) -> int:
    """The problems the build would report for these dumps (events date what they can), one line each."""
    problems: list = []
    parsed = []
    for path in dump_paths(args.paths):
        try:
            parsed.append((str(path), parse_file(path)))
        except (DumpError, OSError) as error:
            problems.append((str(path), getattr(error, "line", None), f"error: {getattr(error, 'message', error)}"))
    wanted = [(name, article_slug(d.display_title, d.slug, d.name)) for name, d in parsed]
    slugs = dedupe_slugs(wanted)
    problems += [(name, None, report.slug_taken(slug, slugs[name])) for name, slug in wanted if slugs[name] != slug]
    _, filled = build_events([(slugs[name], dump) for name, dump in parsed])
    for name, dump in parsed:
        problems += report.of_dump(name, dump, filled[slugs[name]])
        if args.dropped:
            for item in dump.dropped:
                print(f"{name}:{item.line}: dropped ({item.reason}): {item.text}")
    for problem in report.ordered(problems):
        print(report.line(problem))
    print(report.summary(problems), file=sys.stderr)
    return 1 if (problems and args.strict) else 0


def _tool(name: str):
    """A module of the project checkout's ``tools/`` (tooling is not shipped in the package)."""
    root = Path(__file__).resolve().parents[2]
    if not (root / "tools" / f"{name}.py").is_file():
        raise SystemExit(f"news-archive: this command needs the project checkout (tools/{name}.py beside plugins/)")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    return importlib.import_module(f"tools.{name}")


def cmd_generate(args) -> int:
    generate = _tool("corpus").generate
    truth = generate(args.count, args.folder, seed=args.seed, events=args.events)
    print(f"wrote {len(truth)} dumps of {len({t['event'] for t in truth})} events to {args.folder}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="news-archive", description="Raw news dumps to a static, searchable archive.")
    commands = parser.add_subparsers(dest="command", required=True)

    inspect = commands.add_parser("inspect", help="print the parse of one dump as JSON")
    inspect.add_argument("file")
    inspect.set_defaults(run=cmd_inspect)

    events = commands.add_parser("events", help="print the events of a set of dumps as JSON")
    events.add_argument("paths", nargs="+", help="dump files or folders of them")
    events.add_argument("--explain", nargs=2, metavar=("A", "B"),
                        help="say why two of the dumps (files or slugs) were or were not grouped: scores, shared names, dates")
    events.add_argument("--json", action="store_true", help="with --explain: the report as JSON")
    events.set_defaults(run=cmd_events)

    check = commands.add_parser("check", help="report problems in dumps")
    check.add_argument("paths", nargs="+")
    check.add_argument("--strict", action="store_true", help="exit 1 when any problem is found")
    check.add_argument("--dropped", action="store_true", help="also list every dropped line")
    check.set_defaults(run=cmd_check)
    generate = commands.add_parser("generate", help="write a synthetic archive for benchmarks")
    generate.add_argument("count", type=int)
    generate.add_argument("folder")
    generate.add_argument("--seed", type=int, default=0)
    generate.add_argument("--events", type=int, default=None, help="how many events (default: one per 12 dumps)")
    generate.set_defaults(run=cmd_generate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # `news-archive events ... | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
