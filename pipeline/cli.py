"""Command line: `pipeline COMMAND ...`; each command module adds its own subparser."""
from __future__ import annotations

import argparse
import sys

from .diff import add_diff_parser
from .language import DEFAULT_CONFIG
from .views.commands import add_report_parser, add_show_parser


def add_run_parser(commands) -> None:
    run = commands.add_parser("run", help="extract entities and quotes from articles into tables")
    run.add_argument("inputs", nargs="+", help="article files, folders (searched for *.txt) or .jsonl[.gz] dumps")
    run.add_argument("--out", default="outputs", help="output folder for the tables (default: outputs)")
    run.add_argument("--model", default=None,
                     help="installed German spaCy pipeline (name or path) to run our components on")
    run.add_argument("--config", default=str(DEFAULT_CONFIG), help="pipeline config (default: the embedded one)")
    run.add_argument("--no-progress", action="store_true", help="no progress bar")
    run.set_defaults(handler=run_command)


def run_command(args: argparse.Namespace) -> int:
    from .language import build_nlp
    from .run import run

    nlp = build_nlp(args.model, args.config)
    summary = run(nlp, args.inputs, args.out, progress=False if args.no_progress else None)
    print(f"{summary} -> {args.out}", file=sys.stderr)
    return 1 if summary.errors else 0


PARSERS = (add_run_parser, add_diff_parser, add_show_parser, add_report_parser)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pipeline", description="German news extraction into tidy tables.")
    commands = p.add_subparsers(dest="command", required=True)
    for add_parser in PARSERS:
        add_parser(commands)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.handler(args)
