"""Read raw articles from files, folders and JSON Lines dumps.

An article file is UTF-8 text whose first line is `date YYYY-MM-DD` followed by the lede; paragraphs
are separated by blank lines. Offsets everywhere refer to `raw`, the file's bytes decoded as UTF-8 with
no newline translation, so `raw[start:end]` gives back every extracted text.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

DATE_HEADER = re.compile(r"\A[\ufeff\s]*date[ \t]+(\S+)[ \t]*")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t]*\r?\n\s*")


class Problem(NamedTuple):
    """One row of the errors table."""
    source: str
    article_id: str | None
    error: str
    severity: str  # "warning": article still processed; "error": article skipped
    message: str


@dataclass
class Article:
    article_id: str
    source: str
    raw: str
    date: date | None = None
    body_start: int = 0  # first character after the date header
    problems: list[Problem] = field(default_factory=list)

    # computed once: the run's cache key, the tables and the show page all ask for these
    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw.encode("utf-8")).hexdigest()

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) offsets of the non-empty paragraphs, the lede first."""
        spans, start = [], self.body_start
        for m in PARAGRAPH_BREAK.finditer(self.raw, self.body_start):
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, len(self.raw.rstrip())))
        return [(s, e) for s, e in spans if self.raw[s:e].strip()]

    @property
    def lede(self) -> str:
        paragraphs = self.paragraphs
        return self.raw[slice(*paragraphs[0])].strip() if paragraphs else ""

    @property
    def text_for_nlp(self) -> str:
        """`raw` with the date header and a BOM blanked out, keeping every offset."""
        head = self.raw[: self.body_start]
        return re.sub(r"\S", " ", head.replace("\ufeff", " ")) + self.raw[self.body_start:]


def parse_article(raw: str, article_id: str, source: str) -> Article:
    article = Article(article_id=article_id, source=source, raw=raw)
    header = DATE_HEADER.match(raw)
    if header is None:
        article.body_start = int(raw.startswith("\ufeff"))  # the body starts after a BOM
        article.problems.append(Problem(source, article_id, "no_date", "warning",
                                        "no 'date YYYY-MM-DD' header on the first line; date left empty"))
        return article
    article.body_start = header.end()
    value = header.group(1)
    try:
        if not ISO_DATE.match(value):
            raise ValueError(value)
        article.date = date.fromisoformat(value)
    except ValueError:
        article.problems.append(Problem(source, article_id, "bad_date", "warning",
                                        f"date header {value!r} is not a valid YYYY-MM-DD date; date left empty"))
    return article


def decode(data: bytes, source: str, article_id: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8; fall back to CP1252 only for text that is clearly a Western 8-bit encoding."""
    if not data.strip():
        return None, [Problem(source, article_id, "empty", "error", "file is empty")]
    if b"\x00" in data:
        return None, [Problem(source, article_id, "binary", "error", "file contains NUL bytes: not a text file")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_like_text(text):
        return text, [Problem(source, article_id, "not_utf8", "warning",
                              f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}); decoded as CP1252, "
                              "so offsets refer to the CP1252-decoded text")]
    return None, [Problem(source, article_id, "not_utf8", "error",
                          f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and not clearly CP1252")]


def _looks_like_text(text: str) -> bool:
    """Clearly Western text: nearly all printable and mostly ASCII (Cyrillic or Greek 8-bit text is not)."""
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
    ascii_share = sum(ch.isascii() for ch in text) / len(text)
    return printable / len(text) > 0.99 and ascii_share > 0.9


def read_file(path: Path) -> tuple[Article | None, list[Problem]]:
    source, article_id = str(path), path.stem
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(source, article_id, "unreadable", "error", f"cannot read file: {exc.strerror or exc}")]
    raw, problems = decode(data, source, article_id)
    if raw is None:
        return None, problems
    article = parse_article(raw, article_id, source)
    article.problems[:0] = problems
    return article, article.problems


def read_jsonl(path: Path) -> Iterator[tuple[Article | None, list[Problem]]]:
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    yield _jsonl_record(line, f"{path}:{number}")
    except (OSError, EOFError) as exc:
        yield None, [Problem(str(path), None, "unreadable", "error", f"cannot read dump: {exc}")]


def _jsonl_record(line: bytes, source: str) -> tuple[Article | None, list[Problem]]:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return None, [Problem(source, None, "bad_json", "error", f"malformed JSON line: {exc}")]
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or "id" not in record:
        return None, [Problem(source, None, "bad_record", "error", "JSON line needs an 'id' and a string 'text'")]
    article_id, raw = str(record["id"]), record["text"]
    if not raw.strip():
        return None, [Problem(source, article_id, "empty", "error", "article text is empty")]
    if record.get("date") is None:
        article = parse_article(raw, article_id, source)
        return article, article.problems
    article = Article(article_id=article_id, source=source, raw=raw)
    try:
        article.date = date.fromisoformat(str(record["date"])[:10])
    except ValueError:
        article.problems.append(Problem(source, article_id, "bad_date", "warning",
                                        f"date {record['date']!r} is not YYYY-MM-DD; date left empty"))
    header = DATE_HEADER.match(raw)  # a dump may keep the file header in its text
    article.body_start = header.end() if header else int(raw.startswith("\ufeff"))
    return article, article.problems


def is_dump(path: Path) -> bool:
    return path.name.endswith((".jsonl", ".jsonl.gz"))


def _walk(folder: Path) -> Iterator[Path | Problem]:
    """Article files and dumps below `folder` in sorted path order, listing one folder at a time
    (memory stays small however many files there are); symlinked folders are not followed."""
    try:
        with os.scandir(folder) as listing:  # entries know their type: no stat call per file
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        yield Problem(str(folder), None, "unreadable", "error", f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        path = folder / entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif entry.is_file() and (entry.name.endswith(".txt") or is_dump(path)):
            yield path


def discover(inputs: Iterable[str | Path]) -> Iterator[Path | Problem]:
    """Files to read, in a stable order: folders are searched recursively for *.txt and dumps."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        else:
            yield Problem(str(path), None, "missing", "error", "input does not exist")


def read_articles(inputs: Iterable[str | Path]) -> Iterator[tuple[Article | None, list[Problem]]]:
    """Yield (article or None, problems) for every article found in `inputs`; never raises on bad input."""
    for path in discover(inputs):
        if isinstance(path, Problem):
            yield None, [path]
        elif is_dump(path):
            yield from read_jsonl(path)
        else:
            yield read_file(path)
