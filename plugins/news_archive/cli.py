"""``news-archive``: the pure stages from the command line, exactly as the build runs them.

    news-archive inspect FILE          the parse of one dump, as JSON
    news-archive check PATH...         problems and dropped lines of dumps (--strict: exit 1 on any)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .parse import DumpError, parse_file
from .serialize import dump_json


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


def cmd_check(args) -> int:
    problems = 0
    for path in dump_paths(args.paths):
        try:
            dump = parse_file(path)
        except (DumpError, OSError) as error:
            line = getattr(error, "line", None)
            print(f"{path}{f':{line}' if line else ''}: error: {getattr(error, 'message', error)}")
            problems += 1
            continue
        for problem in dump.problems:
            if problem.level == "info":
                continue
            problems += 1
            print(f"{path}{f':{problem.line}' if problem.line else ''}: {problem.level}: {problem.message}")
        if args.dropped:
            for item in dump.dropped:
                print(f"{path}:{item.line}: dropped ({item.reason}): {item.text}")
    print(f"{problems} problem(s)", file=sys.stderr)
    return 1 if (problems and args.strict) else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="news-archive", description="Raw news dumps to a static, searchable archive.")
    commands = parser.add_subparsers(dest="command", required=True)

    inspect = commands.add_parser("inspect", help="print the parse of one dump as JSON")
    inspect.add_argument("file")
    inspect.set_defaults(run=cmd_inspect)

    check = commands.add_parser("check", help="report problems in dumps")
    check.add_argument("paths", nargs="+")
    check.add_argument("--strict", action="store_true", help="exit 1 when any problem is found")
    check.add_argument("--dropped", action="store_true", help="also list every dropped line")
    check.set_defaults(run=cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
