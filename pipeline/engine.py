"""The per-article function and the engines that run it: in this process, in a pool of processes,
or on an existing Dask cluster. Every engine runs the same `process_batch`, so they write the same tables.
"""
from __future__ import annotations

import gc
import json
import traceback
from collections import deque
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language

from .language import DEFAULT_CONFIG, build_nlp, make_doc
from .reader import Article, Problem
from .schema import TABLES
from .sections import merge, split
from .tables import doc_rows

Rows = dict[str, list[tuple]]  # table name -> rows as tuples in the schema's column order


class Result(NamedTuple):
    """One processed article as the cache stores it."""
    rows: bytes | None  # packed Rows of every table but errors; None: the pipeline failed (see errors)
    errors: list[tuple]  # rows of the errors table


def pack(rows: Rows) -> bytes:
    """Rows as compact JSON: what the cache stores is data that cannot run code when loaded."""
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"), default=date.isoformat).encode("utf-8")


def unpack(blob: bytes) -> Rows:
    """Rows packed by `pack`, with the schema's date columns as `datetime.date` again."""
    rows = json.loads(blob)
    for name, positions in _DATE_COLUMNS.items():
        for row in rows.get(name, ()):
            for position in positions:
                if row[position] is not None:
                    row[position] = date.fromisoformat(row[position])
    return rows


_DATE_COLUMNS = {name: positions for name, table in TABLES.items()
                 if (positions := [i for i, column in enumerate(table.columns) if column.dtype == "date"])}


@dataclass(frozen=True)
class Settings:
    """What a worker needs to build the pipeline and process an article; sent to every worker."""
    model: str | None = None
    config: str = str(DEFAULT_CONFIG)
    model_ents: str | None = None  # keep | ignore | prefer; None: as the config says
    patterns: tuple[str, ...] = ()  # entity pattern files (JSONL) that win over our rules
    lexicons: tuple[str, ...] = ()  # extra word files (TSV: kind, word)

    section_chars: int = 100_000  # longer articles are processed in sections (see sections.py)
    max_new_words: int = 200_000  # a pipeline we built is built afresh after learning this many words
    # a worker that holds a batch longer than this is stopped and its articles retried (workers.py)
    batch_seconds: float = 120.0
    chars_per_second: float = 5_000.0  # plus one second per this many characters: far slower than a worker

    @classmethod
    def of(cls, model: str | Path | None = None, config: str | Path | None = None, *, model_ents: str | None = None,
           patterns=(), lexicons=()) -> "Settings":
        """Settings for `build_nlp`'s arguments as a caller gives them: paths as absolute strings."""
        return cls(model=str(model) if model else None, config=str(config or DEFAULT_CONFIG), model_ents=model_ents,
                   patterns=tuple(str(Path(path).resolve()) for path in patterns),
                   lexicons=tuple(str(Path(path).resolve()) for path in lexicons))

    @property
    def pipeline(self) -> tuple:
        """What the pipeline is built from: a key for the pipelines built in this process."""
        return self.model, self.config, self.model_ents, self.patterns, self.lexicons

    def build(self) -> Language:
        return build_nlp(self.model, self.config, model_ents=self.model_ents, patterns=self.patterns,
                         lexicons=self.lexicons)


_PIPELINES: dict[tuple, Language] = {}  # one pipeline per worker process, built on first use
_BUILT_WITH_WORDS: dict[tuple, int] = {}  # vocabulary size of the pipelines built here, when built


def pipeline_for(settings: Settings) -> Language:
    """The pipeline for `settings` in this process. Memory stays flat over millions of articles: for
    every new word form, spaCy keeps a lexeme and strings and our components cache a verdict (about
    0.5 kB together), so a pipeline built here is replaced by a new one once its vocabulary has
    grown by `max_new_words` (about 100 MB); the rebuild and cold caches cost a second or two."""
    key = settings.pipeline
    nlp = _PIPELINES.get(key)
    if nlp is not None and key in _BUILT_WITH_WORDS \
            and len(nlp.vocab) - _BUILT_WITH_WORDS[key] >= settings.max_new_words:
        del _PIPELINES[key], nlp
        gc.collect()  # components refer to their pipeline: free the old one before building anew
    if key not in _PIPELINES:
        _PIPELINES[key] = settings.build()
        _BUILT_WITH_WORDS[key] = len(_PIPELINES[key].vocab)
    return _PIPELINES[key]


def release_pipeline(settings: Settings) -> None:
    """Free the pipeline built here for `settings` (not one a caller gave to `use_pipeline`): a run
    writes its tables after the articles, and a pipeline whose vocabulary has grown holds hundreds
    of megabytes the corpus step can use."""
    key = settings.pipeline
    if key in _BUILT_WITH_WORDS:
        del _PIPELINES[key], _BUILT_WITH_WORDS[key]
        gc.collect()


def use_pipeline(nlp: Language, settings: Settings) -> None:
    """Reuse an already built pipeline for `settings` (forked workers inherit it too). It is the
    caller's, so it is never replaced: its vocabulary grows with the words it sees."""
    key = settings.pipeline
    _PIPELINES[key] = nlp
    _BUILT_WITH_WORDS.pop(key, None)


def process_article(nlp: Language, article: Article, section_chars: int) -> tuple[Rows, bool]:
    """Rows of every table for one article, each table sorted by its keys, and whether the
    pipeline succeeded. A failure becomes an error row: one bad article must not stop the run."""
    problems = list(article.problems)
    try:
        limit = min(section_chars, nlp.max_length)
        if len(article.raw) <= limit:
            rows = doc_rows(article, nlp(make_doc(nlp, article)))
        else:
            sections = split(article, limit)
            rows = merge(article, [(start, doc_rows(part, nlp(make_doc(nlp, part)))) for start, part in sections])
            problems.append(Problem(article.source, article.article_id, "long_article", "warning",
                                    f"article has {len(article.raw):,} characters; processed in {len(sections)} "
                                    f"sections of at most {limit:,} characters cut at paragraph breaks, so "
                                    "entities are linked and quotes attributed within a section only"))
        ok = True
    except Exception as exc:
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        problems.append(Problem(article.source, article.article_id, "processing", "error",
                                f"pipeline failed on this article: {detail}"))
        rows, ok = {}, False
    rows["errors"] = [problem._asdict() for problem in problems]
    return {name: sorted_tuples(name, rows.get(name, [])) for name in TABLES}, ok


def sorted_tuples(name: str, rows: list[dict]) -> list[tuple]:
    """Rows as tuples in column order, sorted by the table's keys with missing values last (as pandas)."""
    table = TABLES[name]
    columns = table.column_names
    positions = [columns.index(k) for k in table.sort_keys]
    tuples = [tuple([row[column] for column in columns]) for row in rows]
    if len(tuples) < 2:
        return tuples
    return sorted(tuples, key=lambda row: [(row[i] is None, row[i]) for i in positions])


def process_batch(articles: list[Article], settings: Settings) -> list[Result]:
    """Results packed where they are made: a worker process encodes its rows once, and the main
    process passes the bytes on to the cache instead of decoding and encoding them again."""
    nlp = pipeline_for(settings)
    results = []
    for article in articles:
        rows, ok = process_article(nlp, article, settings.section_chars)
        errors = rows.pop("errors")
        results.append(Result(pack(rows) if ok else None, errors))
    return results


class InlineEngine:
    """One process: each batch is processed when it is read."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def process(self, batches):
        """(tag, articles, results) for every (tag, articles) batch, in order."""
        for tag, articles in batches:
            yield tag, articles, process_batch(articles, self.settings) if articles else []

    def close(self, failed: bool = False) -> None:
        pass


class DaskEngine:
    """Batches go to an existing dask.distributed cluster; each worker builds the pipeline once.
    The workers need this package installed (same version) and the input files are read here."""

    def __init__(self, settings: Settings, scheduler: str):
        try:
            from distributed import Client
        except ImportError as exc:
            raise RuntimeError("the dask engine needs dask.distributed: "
                               "pip install 'german-news-pipeline[dask]'") from exc
        self.settings = settings
        self.client = Client(scheduler)
        self.window = 2 * max(sum(self.client.nthreads().values()), 1)  # batches in flight: bounds memory

    def process(self, batches):
        """(tag, articles, results) for every (tag, articles) batch, in order."""
        in_flight: deque = deque()
        for tag, articles in batches:
            future = self.client.submit(process_batch, articles, self.settings, pure=False) if articles else None
            in_flight.append((tag, articles, future))
            if len(in_flight) >= self.window:
                yield _collect(*in_flight.popleft())
        while in_flight:
            yield _collect(*in_flight.popleft())

    def close(self, failed: bool = False) -> None:
        self.client.close()


def _collect(tag, articles, future):
    return tag, articles, future.result() if future is not None else []


ENGINES = ("local", "dask")


def make_engine(engine: str, settings: Settings, *, workers: int = 1, scheduler: str | Path | None = None):
    if engine == "dask":
        if not scheduler:
            raise ValueError("--engine dask needs --scheduler ADDRESS (e.g. tcp://host:8786)")
        return DaskEngine(settings, str(scheduler))
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if workers <= 1:
        return InlineEngine(settings)
    from .workers import PoolEngine

    return PoolEngine(settings, workers)
