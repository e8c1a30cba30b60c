"""The `show` and `report` subcommands; the views (spaCy, matplotlib) load only when a command runs."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def write_page(html: str, out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    print(out)
    return 0


def add_show_parser(commands) -> None:
    show = commands.add_parser("show", help="an article as an HTML page with entities, quotes and speakers marked")
    show.add_argument("article", help="article file (.txt with a 'date YYYY-MM-DD' header)")
    show.add_argument("--html", default=None, help="page to write (default: outputs/show/ARTICLE_ID.html)")
    show.add_argument("--model", default=None,
                      help="installed German spaCy pipeline (name or path) to run our components on")
    show.add_argument("--config", default=None, help="pipeline config (default: the embedded pipeline/default.cfg)")
    show.set_defaults(handler=show_command)


def show_command(args: argparse.Namespace) -> int:
    from ..engine import Settings
    from ..language import DEFAULT_CONFIG, build_nlp
    from ..reader import read_file
    from .show import render

    article, problems = read_file(Path(args.article))
    for problem in problems:
        print(f"{problem.severity}: {problem.source}: {problem.message}", file=sys.stderr)
    if article is None:
        return 1
    nlp = build_nlp(args.model, args.config or DEFAULT_CONFIG)
    html = render(nlp, article, Settings().section_chars)
    return write_page(html, Path(args.html or Path("outputs") / "show" / f"{article.article_id}.html"))


def add_report_parser(commands) -> None:
    report = commands.add_parser("report", help="a one-page HTML overview of an output folder")
    report.add_argument("output_dir", help="folder written by `pipeline run`")
    report.add_argument("--html", default=None, help="page to write (default: OUTPUT_DIR/report.html)")
    report.set_defaults(handler=report_command)


def report_command(args: argparse.Namespace) -> int:
    from ..io import TablesError, load_tables

    try:
        from .report import render_report
    except ImportError as exc:
        if exc.name != "matplotlib":
            raise
        print('pipeline report: the report\'s plots need matplotlib: pip install "german-news-pipeline[report]" '
              '(or pip install matplotlib)', file=sys.stderr)
        return 2

    folder = Path(args.output_dir)
    try:
        tables = load_tables(folder)
    except (FileNotFoundError, TablesError) as exc:  # no tables, or a set torn by a killed run
        print(f"pipeline report: {exc}", file=sys.stderr)
        return 2
    html_path = Path(args.html or folder / "report.html")
    show_dir = html_path.parent / "show"  # `pipeline show` writes its pages there: quotes link to them
    return write_page(render_report(tables, title=f"Corpus report: {folder}", show_dir=show_dir), html_path)
