"""Command line: `pipeline COMMAND ...`; each command module adds its own subparser."""
from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from .diff import add_diff_parser
from .views.commands import add_report_parser, add_show_parser


def _worker_count(value: str) -> int:
    count = int(value)
    if count < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (one per CPU core) or more, not {count}")
    return count


def add_run_parser(commands) -> None:
    run = commands.add_parser("run", help="extract entities and quotes from articles into tables")
    run.add_argument("inputs", nargs="+", help="article files, folders (searched for *.txt) or .jsonl[.gz] dumps")
    run.add_argument("--out", default="outputs", help="output folder for the tables (default: outputs)")
    run.add_argument("--model", default=None,
                     help="installed German spaCy pipeline (name or path) to run our components on")
    run.add_argument("--config", default=None, help="pipeline config (default: the embedded pipeline/default.cfg)")
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
        return 2
    import os

    from .language import DEFAULT_CONFIG
    from .run import run

    try:
        summary = run(None, args.inputs, args.out, model=args.model, config=args.config or DEFAULT_CONFIG, force=args.force,
                      workers=args.workers or os.cpu_count() or 1, engine=args.engine, scheduler=args.scheduler,
                      progress=False if args.no_progress else None)
    except (ValueError, RuntimeError) as exc:  # the inputs, a setting, the cluster, another run: not an article
        print(f"pipeline run: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # disk full, a read-only folder, no permission
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"pipeline run: cannot read or write files: {exc.strerror or exc}{where}", file=sys.stderr)
        return 2
    except sqlite3.Error as exc:
        print(f"pipeline run: cannot write the cache in {args.out}: {exc}", file=sys.stderr)
        return 2
    for notice in summary.notices:
        print(f"pipeline run: {notice}", file=sys.stderr)
    print(f"{summary} -> {args.out}", file=sys.stderr)
    if summary.errors or summary.warnings:
        print(f"see {Path(args.out) / 'errors.csv'} (or errors.parquet) for every error and warning", file=sys.stderr)
    return 1 if summary.errors else 0


PARSERS = (add_run_parser, add_diff_parser, add_show_parser, add_report_parser)


def parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(prog="pipeline", description="German news extraction into tidy tables.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = p.add_subparsers(dest="command", required=True)
    for add_parser in PARSERS:
        add_parser(commands)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.handler(args)
