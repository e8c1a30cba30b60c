"""Command line: `pipeline COMMAND ...`; each command module adds its own subparser.

Exit statuses of `pipeline run`: 0 all went well (warnings included), 1 some articles were skipped
(an `error` row), 2 usage error (bad arguments, a missing input, no articles, a bad lexicon or
pattern file: nothing was touched), 3 the run failed (another run holds the folder, the disk is
full or read-only, the workers cannot start)."""
from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from .diff import add_diff_parser
from .views.commands import add_report_parser, add_show_parser


EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


def _worker_count(value: str) -> int:
    count = int(value)
    if count < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (one per CPU core) or more, not {count}")
    return count


def add_run_parser(commands) -> None:
    run = commands.add_parser("run", help="extract entities and quotes from articles into tables",
                              epilog="exit status: 0 all went well (warnings included), 1 some articles were "
                                     "skipped (error rows), 2 usage error (nothing was touched), 3 the run failed")
    run.add_argument("inputs", nargs="+", help="article files, folders (searched for *.txt) or .jsonl[.gz] dumps")
    run.add_argument("--out", default="outputs", help="output folder for the tables (default: outputs)")
    run.add_argument("--model", default=None,
                     help="installed German spaCy pipeline (name or path) to run our components on")
    run.add_argument("--config", default=None, help="pipeline config (default: the embedded pipeline/default.cfg)")
    run.add_argument("--model-ents", choices=("keep", "ignore", "prefer"), default=None,
                     help="the --model's own PER/LOC/ORG entities: keep them where our rules found none "
                          "(the config's default), ignore them, or prefer them over ours")
    run.add_argument("--patterns", action="append", default=[], metavar="FILE.jsonl",
                     help="entity patterns in spaCy's EntityRuler format ({\"label\": \"ORG\", \"pattern\": \"…\", "
                          "\"id\": \"canonical name\"}); they win over our rules (repeatable)")
    run.add_argument("--lexicon", action="append", default=[], metavar="FILE.tsv",
                     help="extra words, a tab-separated file with the columns kind and word (kinds: speech_verb, "
                          "role, first_name, stop_word; optional columns forms, gender) (repeatable)")
    run.add_argument("--no-progress", action="store_true", help="no progress bar")
    run.add_argument("--workers", type=_worker_count, default=1,
                     help="processes for the local engine (default: 1; 0: one per CPU core)")
    run.add_argument("--force", action="store_true",
                     help="process every article again, even those unchanged since the last run into --out")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local (this machine) or dask (an existing dask.distributed cluster)")
    run.add_argument("--scheduler", default=None, help="address of the Dask scheduler, e.g. tcp://host:8786")
    run.set_defaults(handler=run_command)


def run_command(args: argparse.Namespace) -> int:
    if args.scheduler and args.engine != "dask":
        print("pipeline run: --scheduler is for --engine dask; add --engine dask or leave --scheduler out",
              file=sys.stderr)
        return EXIT_USAGE
    if args.config and not Path(args.config).is_file():
        print(f"pipeline run: no such config file: {args.config}", file=sys.stderr)
        return EXIT_USAGE
    import os

    from .language import DEFAULT_CONFIG
    from .run import run

    try:
        summary = run(None, args.inputs, args.out, model=args.model, config=args.config or DEFAULT_CONFIG,
                      model_ents=args.model_ents, patterns=args.patterns, lexicons=args.lexicon, force=args.force,
                      workers=args.workers or os.cpu_count() or 1, engine=args.engine, scheduler=args.scheduler,
                      progress=False if args.no_progress else None)
    except ValueError as exc:  # the inputs or a setting: nothing was touched
        print(f"pipeline run: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except RuntimeError as exc:  # another run, the cluster, workers that cannot start
        print(f"pipeline run: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:  # disk full, a read-only folder, no permission
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"pipeline run: cannot read or write files: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_FAILED
    except sqlite3.Error as exc:
        print(f"pipeline run: cannot write the cache in {args.out}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    for notice in summary.notices:
        print(f"pipeline run: {notice}", file=sys.stderr)
    print(f"{summary} -> {args.out}", file=sys.stderr)
    for problem in summary.first_problems:
        print(f"  {problem}", file=sys.stderr)
    if summary.errors or summary.warnings:
        print(f"see {Path(args.out) / 'errors.csv'} (or errors.parquet) for every error and warning", file=sys.stderr)
    return EXIT_SKIPPED if summary.errors else EXIT_OK


PARSERS = (add_run_parser, add_diff_parser, add_show_parser, add_report_parser)


def parser() -> argparse.ArgumentParser:
    from . import __version__

    root = argparse.ArgumentParser(prog="pipeline", description="German news extraction into tidy tables.")
    root.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = root.add_subparsers(dest="command", required=True)
    for add_parser in PARSERS:
        add_parser(commands)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.handler(args)
