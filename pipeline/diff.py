"""`pipeline diff OLD NEW [--out DIR]`: which extractions changed between two runs (exit 1 if any)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .io import TablesError, load_tables, write_table
from .schema import CHANGES


def add_diff_parser(commands) -> None:
    diff = commands.add_parser("diff", help="compare the tables of two runs (exit status 1 when they differ)")
    diff.add_argument("old", help="output folder of the old run")
    diff.add_argument("new", help="output folder of the new run")
    diff.add_argument("--out", default=None, help="folder to write the changes table to (CSV and Parquet)")
    diff.set_defaults(handler=diff_command)


def diff_command(args: argparse.Namespace) -> int:
    from .compare import diff_tables, summary  # pandas: loaded only when the command runs

    try:
        tables = [load_tables(_folder(path)) for path in (args.old, args.new)]
    except (FileNotFoundError, TablesError) as exc:
        print(f"pipeline diff: {exc}", file=sys.stderr)
        return 2
    changes = diff_tables(*tables)
    if args.out is not None:
        write_table(changes, CHANGES, Path(args.out))
    print(summary(changes))
    return 1 if len(changes) else 0


def _folder(path: str) -> Path:
    folder = Path(path)
    if not folder.is_dir():
        raise FileNotFoundError(f"no such output folder: {path}")
    return folder
