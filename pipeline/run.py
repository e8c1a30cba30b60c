"""The main job: read articles, process the new or changed ones, write the tables.

1. The inputs are read in order, in batches. An article whose content and pipeline version are
   unchanged since an earlier run into the same folder is reused from the cache (cache.py); the
   others go to the engine (engine.py: this process, a pool of processes (workers.py) or a Dask
   cluster). Every result is stored in the cache, which is committed every second and when a run
   is interrupted: a killed run loses at most the batches in flight and the last second of
   results, and the next run picks up where it stopped.
2. The tables are streamed from the cache, in their sort order, into temporary files that replace
   the previous tables at the end, followed by a manifest naming the set (io.py). Then the cache
   forgets inputs that are gone; inputs that could not be read keep their previous rows.

Nothing is touched when an input does not exist or no article is found at all, and only one run
at a time writes into an output folder (lock.py). Memory stays flat however large the dump: a few
batches in flight and one row group per table.
"""
from __future__ import annotations

import os
import sys
import time
from itertools import chain
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from tqdm import tqdm

from .api import table_rows
from .cache import Cache, fingerprint, pipeline_version
from .corpus import LINKED, CorpusLinker, Staging
from .engine import Settings, make_engine, release_pipeline, use_pipeline
from .io import listed_parquet, remove_stale_temporaries, temporary_folder, writing_tables
from .language import DEFAULT_CONFIG
from .lexicon import user_lexicon_parts, user_patterns_part
from .lock import locked
from .reader import Article, Problem, count_articles, read_articles
from .schema import ERRORS

# A batch is a few tenths of a second of work: enough to make sending it and committing its results
# cheap, small enough that workers finish together at the end of a run (fewer, longer articles each)
BATCH_ARTICLES = 64
BATCH_CHARS = 50_000
COMMIT_SECONDS = 1.0  # a run killed without warning loses about this much work


class InputError(ValueError):
    """The inputs cannot be run at all (a path that does not exist, nothing to read): nothing was changed."""


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
    notices: list[str] = field(default_factory=list)  # things the user must hear about, beyond the counts
    first_problems: list[str] = field(default_factory=list)  # the first few error rows (errors before warnings)
    key_changes: int = 0  # entity keys of the last run no longer used (see entity_keys.log)

    def __str__(self) -> str:
        return (f"{self.articles} articles ({self.processed} processed, {self.reused} unchanged), "
                f"{self.mentions} mentions, {self.quotes} quotes, {self.errors} errors, "
                f"{self.warnings} warnings in {self.seconds:.1f} s")


@dataclass
class _Counts:
    processed: int = 0
    reused: int = 0


def run(nlp: Language | None, inputs: Iterable[str | Path], out_dir: str | Path, *, model: str | None = None,
        config: str | Path = DEFAULT_CONFIG, model_ents: str | None = None, patterns: Iterable[str | Path] = (),
        lexicons: Iterable[str | Path] = (), workers: int = 1, engine: str = "local", scheduler: str | None = None,
        force: bool = False, progress: bool | None = None) -> Summary:
    """Write the tables of every article in `inputs` to `out_dir`, reusing unchanged articles from
    an earlier run there unless `force`. `nlp` is the pipeline built from `model`, `config` and the
    other pipeline settings (`language.build_nlp`), or None to build it where it is needed (not at
    all when every article is unchanged).
    Raises InputError, before touching anything, if an input does not exist or none holds an article."""
    started = time.perf_counter()
    inputs = [Path(path) for path in inputs]
    missing = [str(path) for path in inputs if not os.path.lexists(path)]
    if missing or not inputs:
        raise InputError(f"input does not exist: {', '.join(missing)}" if missing else "no input given")
    for path in [*patterns, *lexicons]:
        if not Path(path).is_file():
            raise InputError(f"no such file: {path}")
    try:  # a bad row is the user's to fix before anything runs, not a worker's failure
        [user_lexicon_parts(path) for path in lexicons]
        user_patterns_part(patterns)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    settings = Settings.of(model, config, model_ents=model_ents, patterns=patterns, lexicons=lexicons)
    if nlp is not None:
        use_pipeline(nlp, settings)
    version = pipeline_version(model, config, model_ents=model_ents, patterns=settings.patterns,
                               lexicons=settings.lexicons)
    show = sys.stderr.isatty() if progress is None else progress
    with locked(out):
        entries = read_articles(inputs)
        first = next(entries, None)
        if first is None:
            raise InputError(f"no articles found in {', '.join(map(str, inputs))} (no *.txt, .jsonl or "
                             f".jsonl.gz files); the tables in {out} were left as they are")
        remove_stale_temporaries(out)
        cache = Cache(out)
        try:
            runner = make_engine(engine, settings, workers=workers, scheduler=scheduler)
            try:
                total = count_articles(inputs) if show else None
                counts = _process(chain([first], entries), cache, runner, version, force=force, progress=show,
                                  total=total)
            except BaseException:
                runner.close(failed=True)
                raise
            finally:
                cache.commit()  # results stored before an interruption (Ctrl-C, an exception) are kept
            runner.close()
            release_pipeline(settings)
            cache.mark_duplicates()
            summary, gone = _write_tables(cache, out)
            summary.key_changes = log_key_changes(out, gone)
            cache.prune()
        finally:
            cache.close()
    summary.processed, summary.reused = counts.processed, counts.reused
    summary.notices = [problem.message for problem in cache.notices]
    if summary.key_changes:
        summary.notices.append(f"{summary.key_changes} entity keys of the last run are no longer used "
                               f"(merged by new evidence, or their articles are gone): see {out / KEY_LOG}")
    summary.seconds = time.perf_counter() - started
    return summary


def extract(nlp: Language, inputs: Iterable[str | Path], progress: bool | None = None) -> dict[str, list[dict]]:
    """Rows (dicts) of every table for all articles in `inputs`, in memory and without a cache:
    for small folders, such as the golden corpora of tests."""
    show = sys.stderr.isatty() if progress is None else progress
    return table_rows(nlp, tqdm(read_articles(inputs), desc="articles", unit=" articles", disable=not show))


def _process(entries: Iterator[tuple[Article | None, list[Problem]]], cache: Cache, engine, version: str, *,
             force: bool, progress: bool, total: int | None = None) -> _Counts:
    """Store every input read: reused and unreadable ones at once, new and changed articles once the
    engine has processed them. Stored results are committed at least every COMMIT_SECONDS."""
    counts = _Counts()
    committed = time.monotonic()
    with tqdm(desc="articles", unit=" articles", total=total, disable=not progress) as bar:
        def batches() -> Iterator[tuple[list[int], list[Article]]]:
            """(reading positions, articles) to process, in batches."""
            positions, batch, chars = [], [], 0
            for article, problems in entries:
                seq = cache.next_seq()
                if article is None:  # nothing to process: the input could not be read
                    first = problems[0]
                    cache.put(first.source, first.article_id, None, None, problems, seq=seq, kind="problem")
                    for problem in problems:
                        if problem.error == "unreadable":  # a disk or permission problem: keep what it held
                            cache.keep(problem.source)
                    bar.update(1)
                elif not force and cache.reuse(article, fingerprint(version, article), seq):
                    counts.reused += 1
                    bar.update(1)
                else:
                    positions.append(seq)
                    batch.append(article)
                    chars += len(article.raw)
                    if len(batch) >= BATCH_ARTICLES or chars >= BATCH_CHARS:
                        yield positions, batch
                        positions, batch, chars = [], [], 0
            if batch:
                yield positions, batch

        for positions, articles, results in engine.process(batches()):
            for seq, article, result in zip(positions, articles, results):
                done = result.rows is not None  # a failed article gets no fingerprint: retried next run
                cache.put(article.source, article.article_id, fingerprint(version, article) if done else None,
                          result.rows, result.errors, seq=seq)
            counts.processed += len(articles)
            if time.monotonic() - committed >= COMMIT_SECONDS:
                cache.commit()
                committed = time.monotonic()
            bar.update(len(articles))
    return counts


FIRST_PROBLEMS = 5  # error rows the summary shows


KEY_LOG = "entity_keys.log"


def log_key_changes(out: Path, gone: list[tuple[str, list[str]]]) -> int:
    """Append to OUT/entity_keys.log the keys of the last run that this run no longer uses, each with
    the keys it was merged into or why it is gone; the number of such keys."""
    if gone:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
        with open(out / KEY_LOG, "a", encoding="utf-8") as log:
            for key, merged in gone:
                reason = f"merged into {', '.join(merged)} (new evidence)" if merged else "no article names it any more"
                log.write(f"{stamp}\t{key}\t{reason}\n")
    return len(gone)


def _write_tables(cache: Cache, out: Path) -> tuple[Summary, list[tuple[str, list[str]]]]:
    """Every table, and the corpus keys of the tables now in `out` that the new ones no longer use.
    Articles and errors go straight from the cache to their tables; the rows with entity keys are
    staged first, since corpus keys need every article seen (corpus.py)."""
    columns = ERRORS.column_names
    counts = {"warning": 0, "error": 0}
    first: dict[str, list[str]] = {"warning": [], "error": []}
    earlier = listed_parquet(out, "corpus_entities")
    with writing_tables(out) as writers, temporary_folder(out, "corpus") as folder:
        staging = Staging(folder)
        for rows in cache.rows():
            writers["articles"].add(rows.get("articles", []))
            staging.add(rows)
        staging.close()
        linker = CorpusLinker(staging, spill_dir=folder)
        try:
            for name in LINKED:
                for batch in linker.batches(name):
                    writers[name].write_arrow(batch)
            gone = linker.gone(str(earlier)) if earlier else []
        finally:
            linker.close()
        for row in cache.errors():
            writers["errors"].add([row])
            problem = dict(zip(columns, row))
            counts[problem["severity"]] += 1
            if len(first[problem["severity"]]) < FIRST_PROBLEMS:
                first[problem["severity"]].append(
                    f"{problem['severity']} {problem['error']}: {problem['source']}: {problem['message']}")
    return Summary(articles=writers["articles"].rows, mentions=writers["mentions"].rows,
                   quotes=writers["quotes"].rows, warnings=counts["warning"], errors=counts["error"], seconds=0.0,
                   first_problems=(first["error"] + first["warning"])[:FIRST_PROBLEMS]), gone
