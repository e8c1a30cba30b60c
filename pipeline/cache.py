"""Per-article results kept between runs in the output folder, for incremental and resumed runs.

`OUT/.pipeline-cache.sqlite` holds one entry per article (or per input that could not be read):
its rows, its error rows and a fingerprint of the pipeline version and the article's content. A run
reuses an entry whose fingerprint is unchanged, commits every second (so a killed run loses at
most the batches in flight and a second of results) and, once its tables are written, drops the
entries of inputs it no longer saw. The tables are then assembled from the entries in the tables' sort order.
"""
from __future__ import annotations

import hashlib
import pickle
import sqlite3
from pathlib import Path
from typing import Iterator

import spacy

from .engine import Rows, unpack
from .reader import Article

CACHE_NAME = ".pipeline-cache.sqlite"
PACKAGE = Path(__file__).parent

SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    key TEXT PRIMARY KEY,   -- source and article_id
    source TEXT NOT NULL,
    article_id TEXT,
    fingerprint TEXT,       -- pipeline version, content hash and date; NULL: process again next time
    run INTEGER NOT NULL,   -- last run that saw the entry
    rows BLOB,              -- pickled {table: [row tuples]} without errors; NULL if not processed
    errors BLOB             -- pickled [error row tuples]; NULL if none
);
CREATE INDEX IF NOT EXISTS entries_by_article ON entries (run, article_id, source);
CREATE INDEX IF NOT EXISTS entries_by_source ON entries (run, source, article_id);
"""


def pipeline_version(model: str | None, config: str | Path) -> str:
    """Package version plus a hash of everything that shapes the output: our code and data files,
    the config (and any data folder it names) and the model name. Editing a gazetteer reprocesses."""
    from . import __version__

    digest = hashlib.sha256(f"{model}\0{spacy.__version__}\0".encode())
    config_text = Path(config).read_bytes()
    digest.update(config_text)
    folders = [PACKAGE] + [Path(value) for value in _data_dirs(config)]
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def _data_dirs(config: str | Path) -> list[str]:
    components = spacy.util.load_config(config).get("initialize", {}).get("components", {})
    return [str(c["data_dir"]) for c in components.values() if isinstance(c, dict) and c.get("data_dir")]


def fingerprint(version: str, article: Article) -> str:
    return f"{version}:{article.sha256}:{article.date}"


def entry_key(source: str, article_id: str | None) -> str:
    return f"{source}\0{article_id or ''}"


class Cache:
    def __init__(self, folder: str | Path):
        self.db = sqlite3.connect(Path(folder) / CACHE_NAME)
        self.db.execute("PRAGMA journal_mode=WAL")  # a killed writer leaves the database consistent
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self.run = self.db.execute("SELECT COALESCE(MAX(run), 0) + 1 FROM entries").fetchone()[0]

    def reuse(self, article: Article, fingerprint: str) -> bool:
        """True (and the entry is marked as seen) if the article was processed with this fingerprint."""
        key = entry_key(article.source, article.article_id)
        found = self.db.execute("SELECT fingerprint FROM entries WHERE key = ?", (key,)).fetchone()
        if found is None or found[0] != fingerprint:
            return False
        self.db.execute("UPDATE entries SET run = ? WHERE key = ?", (self.run, key))
        return True

    def put(self, source: str, article_id: str | None, fingerprint: str | None, rows: bytes | None,
            errors: list[tuple]) -> None:
        """Store an article's rows (packed by `engine.pack`) and error rows."""
        self.db.execute(
            "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)",
            (entry_key(source, article_id), source, article_id, fingerprint, self.run, rows,
             pickle.dumps(errors, protocol=pickle.HIGHEST_PROTOCOL) if errors else None))

    def commit(self) -> None:
        self.db.commit()

    def rows(self) -> Iterator[Rows]:
        """Rows of this run's articles, ordered by article_id and source."""
        query = ("SELECT rows FROM entries WHERE run = ? AND rows IS NOT NULL "
                 "ORDER BY article_id, source")
        for (blob,) in self.db.execute(query, (self.run,)):
            yield unpack(blob)

    def errors(self) -> Iterator[list[tuple]]:
        """Error rows of this run, ordered by source and article_id."""
        query = ("SELECT errors FROM entries WHERE run = ? AND errors IS NOT NULL "
                 "ORDER BY source, article_id IS NULL, article_id")  # missing ids last, as in pandas
        for (blob,) in self.db.execute(query, (self.run,)):
            yield pickle.loads(blob)

    def prune(self) -> None:
        """Forget inputs this run did not see: articles removed from the inputs leave the tables."""
        self.db.execute("DELETE FROM entries WHERE run != ?", (self.run,))
        self.db.commit()

    def close(self) -> None:
        self.db.close()
