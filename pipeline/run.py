"""The main job: read articles, process the new or changed ones, write the tables.

1. The inputs are read in order, in batches. An article whose content and pipeline version are
   unchanged since an earlier run into the same folder is reused from the cache (cache.py); the
   others go to the engine (engine.py: this process, a pool of processes or a Dask cluster). Every
   result is stored in the cache, which is committed every second and when a run is interrupted:
   a killed run loses at most the batches in flight and the last second of results, and the next
   run picks up where it stopped.
2. The tables are streamed from the cache, in their sort order, into temporary files that replace
   the previous tables at the end (io.py). Then the cache forgets inputs that are gone.

Memory stays flat however large the dump: a few batches in flight and one row group per table.
"""
from __future__ import annotations

import sys
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from tqdm import tqdm

from .cache import Cache, fingerprint, pipeline_version
from .engine import Settings, make_engine, process_article, use_pipeline
from .io import remove_stale_temporaries, writing_tables
from .language import DEFAULT_CONFIG
from .reader import Article, Problem, read_articles
from .schema import ERRORS, TABLES

# A batch is a few tenths of a second of work: enough to make sending it and committing its results
# cheap, small enough that workers finish together at the end of a run (fewer, longer articles each)
BATCH_ARTICLES = 64
BATCH_CHARS = 50_000
COMMIT_SECONDS = 1.0  # a run killed without warning loses about this much work


@dataclass
class Summary:
    articles: int
    mentions: int
    quotes: int
    warnings: int
    errors: int
    seconds: float
    processed: int = 0
    reused: int = 0

    def __str__(self) -> str:
        return (f"{self.articles} articles ({self.processed} processed, {self.reused} unchanged), "
                f"{self.mentions} mentions, {self.quotes} quotes, {self.errors} errors, "
                f"{self.warnings} warnings in {self.seconds:.1f} s")


def run(nlp: Language | None, inputs: Iterable[str | Path], out_dir: str | Path, *, model: str | None = None,
        config: str | Path = DEFAULT_CONFIG, workers: int = 1, engine: str = "local", scheduler: str | None = None,
        force: bool = False, progress: bool | None = None) -> Summary:
    """Write the tables of every article in `inputs` to `out_dir`, reusing unchanged articles from
    an earlier run there unless `force`. `nlp` is the pipeline built from `model` and `config`, or
    None to build it where it is needed (not at all when every article is unchanged)."""
    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(out)
    settings = Settings(model=model, config=str(config))
    if nlp is not None:
        use_pipeline(nlp, settings)
    version = pipeline_version(model, config)
    show = sys.stderr.isatty() if progress is None else progress
    cache = Cache(out)
    try:
        runner = make_engine(engine, settings, workers=workers, scheduler=scheduler)
        try:
            processed, reused = _process(read_articles(inputs), cache, runner, version, force=force, progress=show)
        except BaseException:
            runner.close(failed=True)
            raise
        finally:
            cache.commit()  # results stored before an interruption (Ctrl-C, an exception) are kept
        runner.close()
        summary = _write_tables(cache, out)
        cache.prune()
    finally:
        cache.close()
    summary.processed, summary.reused = processed, reused
    summary.seconds = time.perf_counter() - started
    return summary


def extract(nlp: Language, inputs: Iterable[str | Path], progress: bool | None = None) -> dict[str, list[dict]]:
    """Rows (dicts) of every table for all articles in `inputs`, in memory and without a cache:
    for small folders, such as the golden corpora of tests."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    show = sys.stderr.isatty() if progress is None else progress
    for article, problems in tqdm(read_articles(inputs), desc="articles", unit=" articles", disable=not show):
        if article is None:
            rows["errors"].extend(p._asdict() for p in problems)
            continue
        article_rows, _ = process_article(nlp, article, Settings().section_chars)
        for name, tuples in article_rows.items():
            rows[name].extend(dict(zip(TABLES[name].column_names, row)) for row in tuples)
    return rows


def _batches(entries: Iterator[tuple[Article | None, list[Problem]]]) -> Iterator[list]:
    batch, chars = [], 0
    for article, problems in entries:
        batch.append((article, problems))
        chars += len(article.raw) if article else 0
        if len(batch) >= BATCH_ARTICLES or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _process(entries, cache: Cache, engine, version: str, *, force: bool, progress: bool) -> tuple[int, int]:
    """Send new and changed articles to the engine and store every result; (processed, reused).
    Stored results are committed at least every COMMIT_SECONDS, and when the run stops early."""
    processed = reused = 0
    in_flight: deque = deque()
    committed = time.monotonic()
    with tqdm(desc="articles", unit=" articles", disable=not progress) as bar:
        def store(size: int, todo: list[Article], pending) -> None:
            nonlocal committed
            for article, result in zip(todo, pending.result()):
                done = result.rows is not None  # a failed article gets no fingerprint: retried next run
                cache.put(article.source, article.article_id, fingerprint(version, article) if done else None,
                          result.rows, result.errors)
            if time.monotonic() - committed >= COMMIT_SECONDS:
                cache.commit()
                committed = time.monotonic()
            bar.update(size)

        for batch in _batches(entries):
            todo = []
            for article, problems in batch:
                if article is None:  # nothing to process: the input could not be read
                    cache.put(problems[0].source, problems[0].article_id, None, None, [tuple(p) for p in problems])
                elif not force and cache.reuse(article, fingerprint(version, article)):
                    reused += 1
                else:
                    todo.append(article)
            processed += len(todo)
            in_flight.append((len(batch), todo, engine.submit(todo)))
            if len(in_flight) >= engine.window:
                store(*in_flight.popleft())
        while in_flight:
            store(*in_flight.popleft())
    return processed, reused


def _write_tables(cache: Cache, out: Path) -> Summary:
    severity = ERRORS.column_names.index("severity")
    counts = {"warning": 0, "error": 0}
    with writing_tables(out) as writers:
        for rows in cache.rows():
            for name, table_rows in rows.items():
                writers[name].add(table_rows)
        for errors in cache.errors():
            writers["errors"].add(errors)
            for row in errors:
                counts[row[severity]] += 1
    return Summary(articles=writers["articles"].rows, mentions=writers["mentions"].rows,
                   quotes=writers["quotes"].rows, warnings=counts["warning"], errors=counts["error"], seconds=0.0)
