"""Per-article results kept between runs in the output folder, for incremental and resumed runs.

`OUT/.pipeline-cache.sqlite` holds one entry per article (or per input that could not be read):
its rows and error rows as JSON (data that cannot run code when loaded) and a fingerprint of the
pipeline version and the article's content. A run reuses an entry whose fingerprint is unchanged,
commits every second (so a killed run loses at most the batches in flight and a second of results)
and, once its tables are written, drops the entries of inputs it no longer saw. The tables are then
assembled from the entries in the tables' sort order. A cache that cannot be read (not SQLite,
truncated, damaged, or of an older format) is moved aside and rebuilt: it only costs time.
"""
from __future__ import annotations

import hashlib
import heapq
import json
import os
import sqlite3
from pathlib import Path
from typing import Iterable, Iterator

import spacy

from .components.entity_rules import FILES as ENTITY_FILES
from .engine import Rows, unpack
from .lexicon import DATA_DIR, find_data
from .quoting.lexicon import FILES as QUOTE_FILES, SHARED_FILES
from .reader import Article, Problem, duplicate

CACHE_NAME = ".pipeline-cache.sqlite"
ASIDE_SUFFIX = ".unreadable"
PACKAGE = Path(__file__).parent
DATA_FILES = {*ENTITY_FILES, *QUOTE_FILES, *SHARED_FILES}  # every file a component loads
FORMAT_VERSION = 2  # PRAGMA user_version; 0 (the default) was the old pickle format

SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    key TEXT PRIMARY KEY,   -- kind, source and article_id
    kind TEXT NOT NULL,     -- 'article' or 'problem' (an input that could not be read)
    source TEXT NOT NULL,
    article_id TEXT,
    fingerprint TEXT,       -- pipeline version, content hash and date; NULL: process again next time
    run INTEGER NOT NULL,   -- last run that saw the entry
    seq INTEGER NOT NULL,   -- position in that run's reading order: the first of two equal ids wins
    rows BLOB,              -- JSON {table: [rows]} without errors (engine.pack); NULL if not processed
    errors TEXT,            -- JSON [error rows]; NULL if none
    duplicate_of TEXT       -- source of the earlier article with the same article_id in this run
);
CREATE INDEX IF NOT EXISTS entries_by_article ON entries (run, article_id, source);
CREATE INDEX IF NOT EXISTS entries_by_source ON entries (run, source, article_id);
"""


def pipeline_version(model: str | None, config: str | Path, *, model_ents: str | None = None,
                     patterns: Iterable[str | Path] = (), lexicons: Iterable[str | Path] = ()) -> str:
    """Package version plus a hash of exactly what shapes the output: our code, the config with the
    command line's choices (`language.load_config`), the data files our components load (from the
    package, the folders the config names and the user's lexicon and pattern files) and the model's
    files. Editing a gazetteer reprocesses; editing a build-time source does not."""
    from . import __version__
    from .language import load_config

    cfg = load_config(config, model_ents=model_ents, patterns=patterns, lexicons=lexicons)
    digest = hashlib.sha256(f"{model}\0{spacy.__version__}\0".encode())
    digest.update(cfg.to_str().encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes())
    for path in _model_files(model):  # a model retrained and saved at the same path is a new version
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    folders, files = _data_sources(cfg)
    for folder in [DATA_DIR, *folders]:
        for name in sorted(DATA_FILES):
            path = find_data(folder, name)
            if path is not None:
                digest.update(f"{folder}/{name}".encode() + b"\0" + path.read_bytes())
    for path in files:
        digest.update(str(path).encode() + b"\0" + (path.read_bytes() if path.is_file() else b""))
    return f"{__version__}+{digest.hexdigest()[:16]}"


def _model_files(model: str | Path | None) -> list[Path]:
    """The files of a model given by path or installed package name (none for the embedded default)."""
    if not model:
        return []
    folder = Path(model)
    if not folder.is_dir():
        try:
            folder = spacy.util.get_package_path(str(model))
        except Exception:  # not installed: loading it will say so
            return []
    return sorted(path for path in folder.rglob("*") if path.is_file() and "__pycache__" not in path.parts)


def _data_sources(cfg) -> tuple[list[Path], list[Path]]:
    """The folders the config's components load data from (`data_dir`, every `extend` folder) and
    the single files (`lexicons`, `patterns`)."""
    components = cfg.get("initialize", {}).get("components", {})
    settings = [component for component in components.values() if isinstance(component, dict)]
    folders = [Path(folder) for component in settings
               for folder in [component.get("data_dir"), *(component.get("extend") or [])] if folder]
    files = sorted({Path(file) for component in settings for key in ("lexicons", "patterns")
                    for file in component.get(key) or []})
    return folders, files


def fingerprint(version: str, article: Article) -> str:
    return f"{version}:{article.sha256}:{article.date}"


def entry_key(kind: str, source: str, article_id: str | None) -> str:
    return f"{kind}\0{source}\0{article_id or ''}"


class UnusableCache(Exception):
    pass


class Cache:
    def __init__(self, folder: str | Path):
        self.path = Path(folder) / CACHE_NAME
        self.notices: list[Problem] = []  # the cache had to be moved aside: an errors row and a message
        self.damaged: list[Problem] = []  # entries whose stored rows could not be read back
        try:
            self.db = self._open()
        except (sqlite3.DatabaseError, UnusableCache) as exc:
            aside = self._move_aside()
            self.notices.append(Problem(str(self.path), None, "cache_unreadable", "warning",
                                        f"cache could not be read ({exc}); moved to {aside.name} and rebuilt, "
                                        "so every article is processed again"))
            self.db = self._open()
        self.run = self.db.execute("SELECT COALESCE(MAX(run), 0) + 1 FROM entries").fetchone()[0]
        self.seq = 0

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        try:
            tables = db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'entries'").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if tables and version != FORMAT_VERSION:
                raise UnusableCache(f"format {version}, this version writes {FORMAT_VERSION}")
            if tables:
                check = db.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    raise UnusableCache(f"damaged: {check}")
            db.execute("PRAGMA journal_mode=WAL")  # a killed writer leaves the database consistent
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(SCHEMA)
            db.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
            return db
        except BaseException:
            db.close()
            raise

    def _move_aside(self) -> Path:
        aside = self.path.with_name(self.path.name + ASIDE_SUFFIX)
        for suffix in ("", "-wal", "-shm"):
            source = self.path.with_name(self.path.name + suffix)
            if source.exists():
                os.replace(source, aside.with_name(aside.name + suffix))
        return aside

    def next_seq(self) -> int:
        """The position of the next input read, in reading order."""
        self.seq += 1
        return self.seq

    def reuse(self, article: Article, fingerprint: str, seq: int) -> bool:
        """True (and the entry is marked as seen) if the article was processed with this fingerprint."""
        key = entry_key("article", article.source, article.article_id)
        found = self.db.execute("SELECT fingerprint FROM entries WHERE key = ?", (key,)).fetchone()
        if found is None or found[0] != fingerprint:
            return False
        self.db.execute("UPDATE entries SET run = ?, seq = ? WHERE key = ?", (self.run, seq, key))
        return True

    def put(self, source: str, article_id: str | None, fingerprint: str | None, rows: bytes | None,
            errors: list[tuple], *, seq: int, kind: str = "article") -> None:
        """Store an article's rows (packed by `engine.pack`) and error rows, or the error rows of an
        input that could not be read (`kind` "problem": it never replaces an article's entry)."""
        self.db.execute(
            "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
            (entry_key(kind, source, article_id), kind, source, article_id, fingerprint, self.run,
             seq, rows, json.dumps([list(error) for error in errors], ensure_ascii=False) if errors else None))

    def keep(self, source: str) -> None:
        """Keep the articles last read from `source` (a file, a dump or a folder), which could not be
        read this time: a disk or permission problem must not remove them from the tables."""
        self.db.execute(
            "UPDATE entries SET run = ? WHERE kind = 'article' AND run != ? AND (source = ? "
            "OR substr(source, 1, length(?)) = ? OR substr(source, 1, length(?)) = ?)",
            (self.run, self.run, source, source + os.sep, source + os.sep, source + ":", source + ":"))

    def mark_duplicates(self) -> None:
        """Of the articles of this run that share an article_id, all but the first read are marked."""
        self.db.execute("UPDATE entries SET duplicate_of = NULL WHERE run = ? AND duplicate_of IS NOT NULL",
                        (self.run,))
        self.db.execute("""
            UPDATE entries SET duplicate_of = ranked.first_source FROM (
                SELECT key, first_value(source) OVER by_id AS first_source, row_number() OVER by_id AS position
                FROM entries WHERE run = ? AND kind = 'article'
                WINDOW by_id AS (PARTITION BY article_id ORDER BY seq)
            ) AS ranked
            WHERE entries.key = ranked.key AND ranked.position > 1""", (self.run,))

    def commit(self) -> None:
        self.db.commit()

    def rows(self) -> Iterator[Rows]:
        """Rows of this run's articles, ordered by article_id and source; duplicates left out. Rows
        that cannot be read are skipped and recorded as errors."""
        query = ("SELECT key, source, article_id, rows FROM entries WHERE run = ? AND rows IS NOT NULL "
                 "AND duplicate_of IS NULL ORDER BY article_id, source")
        for key, source, article_id, blob in self.db.execute(query, (self.run,)):
            try:
                yield unpack(blob)
            except (ValueError, TypeError, KeyError, IndexError) as exc:  # edited by hand or damaged
                self.damaged.append(Problem(source, article_id, "cache_unreadable", "error",
                                            f"cached rows could not be read ({exc}); processed again next run"))
                self.db.execute("UPDATE entries SET fingerprint = NULL WHERE key = ?", (key,))

    def errors(self) -> Iterator[tuple]:
        """Error rows of this run, ordered by source and article_id (missing ids last, as in pandas)."""
        return heapq.merge(self._stored_errors(), sorted(self.notices + self.damaged, key=_error_order),
                           key=_error_order)

    def _stored_errors(self) -> Iterator[tuple]:
        query = ("SELECT source, article_id, errors, duplicate_of FROM entries WHERE run = ? "
                 "AND (errors IS NOT NULL OR duplicate_of IS NOT NULL) "
                 "ORDER BY source, article_id IS NULL, article_id")
        for source, article_id, blob, duplicate_of in self.db.execute(query, (self.run,)):
            if duplicate_of is not None:
                yield duplicate(Article(article_id, source, ""), duplicate_of)
                continue
            try:
                yield from (tuple(row) for row in json.loads(blob))
            except (ValueError, TypeError) as exc:
                yield Problem(source, article_id, "cache_unreadable", "error",
                              f"cached error rows could not be read ({exc})")

    def prune(self) -> None:
        """Forget inputs this run did not see: articles removed from the inputs leave the tables."""
        self.db.execute("DELETE FROM entries WHERE run != ?", (self.run,))
        self.db.commit()

    def close(self) -> None:
        self.db.close()


def _error_order(row: tuple) -> tuple:
    return row[0], row[1] is None, row[1] or ""
