"""The main job: read articles, run the pipeline, write the tables."""
from __future__ import annotations

import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from tqdm import tqdm

from .io import write_tables
from .language import make_doc
from .reader import Problem, read_articles
from .schema import TABLES
from .tables import doc_rows


@dataclass
class Summary:
    articles: int
    mentions: int
    quotes: int
    warnings: int
    errors: int
    seconds: float

    def __str__(self) -> str:
        return (f"{self.articles} articles, {self.mentions} mentions, {self.quotes} quotes, "
                f"{self.errors} errors, {self.warnings} warnings in {self.seconds:.1f} s")


def extract(nlp: Language, inputs, progress: bool | None = None) -> dict[str, list[dict]]:
    """Rows of every table for all articles in `inputs`; a failing article becomes an error row."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    show = sys.stderr.isatty() if progress is None else progress
    for article, problems in tqdm(read_articles(inputs), desc="articles", unit=" articles", disable=not show):
        if article is None:
            rows["errors"].extend(p._asdict() for p in problems)
            continue
        try:
            doc = nlp(make_doc(nlp, article))
            for name, table_rows in doc_rows(article, doc).items():
                rows[name].extend(table_rows)
        except Exception as exc:  # one bad article must not stop the run
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            rows["errors"].extend(p._asdict() for p in problems)
            rows["errors"].append(Problem(article.source, article.article_id, "processing", "error",
                                          f"pipeline failed on this article: {detail}")._asdict())
    return rows


def run(nlp: Language, inputs, out_dir: str | Path, progress: bool | None = None) -> Summary:
    started = time.perf_counter()
    rows = extract(nlp, inputs, progress)
    frames = {name: TABLES[name].frame(table_rows) for name, table_rows in rows.items()}
    write_tables(frames, out_dir)
    severity = frames["errors"]["severity"]
    return Summary(
        articles=len(frames["articles"]),
        mentions=len(frames["mentions"]),
        quotes=len(frames["quotes"]),
        warnings=int((severity == "warning").sum()),
        errors=int((severity == "error").sum()),
        seconds=time.perf_counter() - started,
    )
