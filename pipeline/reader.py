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
import unicodedata
import zlib
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from .decoding import decode_bytes

DATE_HEADER = re.compile(r"\A[\ufeff\s]*date[ \t]+(\S+)[ \t]*")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t]*\r?\n\s*")
# A file or JSON line above this is an error row, read no further: memory stays flat on gzip bombs
MAX_ARTICLE_BYTES = 16 * 1024 * 1024


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
        for paragraph_break in PARAGRAPH_BREAK.finditer(self.raw, self.body_start):
            spans.append((start, paragraph_break.start()))
            start = paragraph_break.end()
        spans.append((start, len(self.raw.rstrip())))
        return [(start, end) for start, end in spans if self.raw[start:end].strip()]

    @property
    def lede(self) -> str:
        paragraphs = self.paragraphs
        return self.raw[slice(*paragraphs[0])].strip() if paragraphs else ""

    @property
    def text_for_nlp(self) -> str:
        """What the pipeline reads: `raw` with the date header and a BOM blanked out, and the ways of
        writing a word that no word list matches evened out (`normalized`; `raw_offset` maps back)."""
        return self._normalized[0]

    def raw_offset(self, offset: int) -> int:
        """The offset in `raw` of an offset in `text_for_nlp`."""
        raw_at = self._normalized[1]
        return offset if raw_at is None else raw_at[offset]

    @cached_property
    def _normalized(self) -> tuple[str, list[int] | None]:
        head = self.raw[: self.body_start]
        text, raw_at = normalized(re.sub(r"\S", " ", head.replace("\ufeff", " ")) + self.raw[self.body_start:])
        return broken_runs(text), raw_at


# spaCy's tokenizer takes time quadratic in the length of a run of punctuation without a space ("=" 20,000
# times: minutes): a space in place of every 500th character of a longer run bounds it, and keeps the offsets
MAX_RUN = 500
LONG_RUN = re.compile(f"(\\S{{{MAX_RUN - 1}}})\\S(?=\\S)")


def broken_runs(text: str) -> str:
    """`text` with no run of more than MAX_RUN characters without a space (a split is faster than the regex
    on text that has none)."""
    if max(map(len, text.split()), default=0) <= MAX_RUN:
        return text
    return LONG_RUN.sub(r"\1 ", text)


# Written variants that no word list matches: characters invisible inside words (a soft hyphen in
# "Ber\u00adlin", zero-width spaces and joiners) are dropped, spaces that do not break a line ("Friedrich
# Merz" with a no-break space) are spaces, and decomposed letters ("Mu" + combining diaeresis) composed.
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
SPACES = frozenset("\u00a0\u2007\u202f")
VARIANTS = re.compile(f"[{''.join(sorted(INVISIBLE | SPACES))}]")


def normalized(text: str) -> tuple[str, list[int] | None]:
    """`text` with written variants evened out, and the offset in `text` of every character of the
    result and of its end (None when nothing changed: the offsets are the same)."""
    if VARIANTS.search(text) is None and unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    raw_at: list[int] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in INVISIBLE:
            i += 1
            continue
        end = i + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1  # a letter with its combining marks is composed as one
        cluster = " " if char in SPACES else unicodedata.normalize("NFC", text[i:end])
        # a composed letter points to where its decomposed form starts; one left as it was, char by char
        raw_at.extend(range(i, i + len(cluster)) if len(cluster) == end - i else [i] * len(cluster))
        out.append(cluster)
        i = end
    return "".join(out), raw_at + [len(text)]


def duplicate(article: Article, first_source: str) -> Problem:
    """The error row of an article whose id was already read: the first one read is kept."""
    return Problem(article.source, article.article_id, "duplicate_id", "error",
                   f"article_id {article.article_id!r} was already read from {first_source}; skipped")


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
    """The text of a file's bytes (see decoding.py), with the problem found if any."""
    decoded = decode_bytes(data)
    problems = [Problem(source, article_id, decoded.error, decoded.severity, decoded.message)] if decoded.error else []
    return decoded.text, problems


def decomposed(raw: str, source: str, article_id: str | None) -> list[Problem]:
    """A warning when the text is in decomposed Unicode (some CMS exports write "München" as "Mu" plus
    a combining diaeresis): the pipeline reads it composed, the offsets stay those of the text."""
    if unicodedata.is_normalized("NFC", raw):
        return []
    return [Problem(source, article_id, "decomposed", "warning",
                    f"text in decomposed Unicode ({len(raw) - len(unicodedata.normalize('NFC', raw)):,} combining "
                    "marks): read in composed form (NFC); offsets refer to the text as written")]


def readable(name: str) -> str:
    """A path or name as valid text for the tables: bytes that are not UTF-8 (kept by Python as
    surrogate escapes) are shown as backslash escapes ("caf\\xe9.txt")."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # other lone surrogates (a Windows file name)
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def unencodable(text: str) -> str | None:
    """Why `text` cannot be stored as UTF-8 (an unpaired surrogate, say), or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"holds an unpaired surrogate U+{ord(text[exc.start]):04X} at character {exc.start}"
    return None


def read_file(path: Path) -> tuple[Article | None, list[Problem]]:
    source, article_id = readable(str(path)), readable(path.stem)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        return None, [Problem(source, article_id, "unreadable", "error", f"cannot read file: {exc.strerror or exc}")]
    if len(data) > MAX_ARTICLE_BYTES:
        return None, [Problem(source, article_id, "too_large", "error",
                              f"file is larger than {MAX_ARTICLE_BYTES:,} bytes; skipped")]
    raw, problems = decode(data, source, article_id)
    if raw is None:
        return None, problems
    problems += decomposed(raw, source, article_id)
    article = parse_article(raw, article_id, source)
    article.problems[:0] = problems
    return article, article.problems


def _bounded_lines(stream, limit: int) -> Iterator[bytes | None]:
    """The lines of a binary stream; None for a line longer than `limit` bytes, which is skipped
    without ever holding more than `limit` bytes of it (a gzip bomb is one endless line)."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def read_jsonl(path: Path) -> Iterator[tuple[Article | None, list[Problem]]]:
    name = readable(str(path))
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as stream:
            records = 0
            for number, line in enumerate(_bounded_lines(stream, MAX_ARTICLE_BYTES), 1):
                source = f"{name}:{number}"
                if line is None:
                    records += 1
                    yield None, [Problem(source, None, "too_large", "error",
                                         f"JSON line is longer than {MAX_ARTICLE_BYTES:,} bytes; skipped")]
                elif line.strip():
                    records += 1
                    yield _guarded_record(line, source)
            if not records:
                yield None, [Problem(name, None, "empty", "error", "dump holds no JSON lines")]
    except (OSError, EOFError, zlib.error) as exc:
        yield None, [Problem(name, None, "unreadable", "error", f"cannot read dump: {exc}")]


def _guarded_record(line: bytes, source: str) -> tuple[Article | None, list[Problem]]:
    try:
        return _jsonl_record(line, source)
    except Exception as exc:  # one record must never stop the run, whatever it holds
        return None, [Problem(source, None, "bad_record", "error", f"cannot read record: {_one_line(exc)}")]


def _jsonl_record(line: bytes, source: str) -> tuple[Article | None, list[Problem]]:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:  # malformed, undecodable, a 5,000-digit number, deep nesting
        reason = "nested too deeply" if isinstance(exc, RecursionError) else _one_line(exc)
        return None, [Problem(source, None, "bad_json", "error", f"malformed JSON line: {reason}")]
    if not isinstance(record, dict):
        return None, [Problem(source, None, "bad_record", "error",
                              f"JSON line is a {type(record).__name__}, not an object with 'id' and 'text'")]
    identifier, raw, when = record.get("id"), record.get("text"), record.get("date")
    if isinstance(identifier, bool) or not isinstance(identifier, (str, int)) or not str(identifier).strip():
        return None, [Problem(source, None, "bad_record", "error",
                              "JSON line needs an 'id' (a non-empty string or an integer)")]
    article_id = str(identifier)
    if not isinstance(raw, str):
        return None, [Problem(source, readable(article_id), "bad_record", "error", "JSON line needs a string 'text'")]
    for field_name, value in (("id", article_id), ("text", raw)):
        reason = unencodable(value) or ("holds a NUL character" if field_name == "id" and "\0" in value else None)
        if reason:
            return None, [Problem(source, readable(article_id), "bad_text", "error",
                                  f"'{field_name}' {reason}: not valid Unicode text")]
    if not raw.strip():
        return None, [Problem(source, article_id, "empty", "error", "article text is empty")]
    composing = decomposed(raw, source, article_id)
    if when is None:
        article = parse_article(raw, article_id, source)
        article.problems[:0] = composing
        return article, article.problems
    article = Article(article_id=article_id, source=source, raw=raw, problems=composing)
    try:
        if not isinstance(when, str):
            raise ValueError(when)
        article.date = date.fromisoformat(when[:10])
    except ValueError:
        article.problems.append(Problem(source, article_id, "bad_date", "warning",
                                        f"date {_short(when)} is not a YYYY-MM-DD string; date left empty"))
    header = DATE_HEADER.match(raw)  # a dump may keep the file header in its text
    article.body_start = header.end() if header else int(raw.startswith("\ufeff"))
    return article, article.problems


def _one_line(exc: BaseException) -> str:
    return _short(f"{type(exc).__name__}: {exc}".replace("\n", " "))


def _short(value, limit: int = 200) -> str:
    text = readable(repr(value) if not isinstance(value, str) else value)
    return text if len(text) <= limit else text[:limit] + "…"


def is_dump(path: Path) -> bool:
    return path.name.endswith((".jsonl", ".jsonl.gz"))


class _Folder(NamedTuple):
    path: Path


def _walk(root: Path) -> Iterator[Path | Problem]:
    """Article files and dumps below `root` in sorted path order, depth first without recursion
    (folders of any depth), listing one folder at a time so memory stays small however many files
    there are; symlinked folders are not followed, broken links are reported."""
    pending = [_listing(root)]
    while pending:
        item = next(pending[-1], None)
        if item is None:
            pending.pop()
        elif isinstance(item, _Folder):
            pending.append(_listing(item.path))
        else:
            yield item


def _listing(folder: Path) -> Iterator[_Folder | Path | Problem]:
    """Sub-folders, article files, dumps and broken links of one folder, sorted by name."""
    try:
        with os.scandir(folder) as listing:  # entries know their type: no stat call per file
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        yield Problem(readable(str(folder)), None, "unreadable", "error", f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        path = folder / entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                yield _Folder(path)
            elif entry.is_file():
                if entry.name.endswith(".txt") or is_dump(path):
                    yield path
            elif entry.is_symlink() and not os.path.exists(path):
                yield Problem(readable(str(path)), None, "broken_link", "warning",
                              f"symbolic link to a missing target ({readable(os.readlink(path))}); skipped")
        except OSError as exc:
            if entry.is_symlink():  # a link that points to itself or in a circle
                yield Problem(readable(str(path)), None, "broken_link", "warning",
                              f"symbolic link that cannot be followed ({exc.strerror or exc}); skipped")
            else:
                yield Problem(readable(str(path)), None, "unreadable", "error",
                              f"cannot read entry: {exc.strerror or exc}")


def discover(inputs: Iterable[str | Path]) -> Iterator[Path | Problem]:
    """Files to read, in a stable order: folders are searched recursively for *.txt and dumps."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        elif os.path.lexists(path):
            yield Problem(readable(str(path)), None, "unreadable", "error", "input is not a file or folder")
        else:
            yield Problem(readable(str(path)), None, "missing", "error", "input does not exist")


def count_articles(inputs: Iterable[str | Path]) -> int | None:
    """How many records `read_articles` will yield, for a progress bar's total and ETA: files are
    counted from their folders' listings and plain dumps by their lines; None when a gzipped dump
    is among the inputs (counting it would mean decompressing it twice)."""
    total = 0
    for path in discover(inputs):
        if isinstance(path, Path) and path.name.endswith(".jsonl.gz"):
            return None
        if isinstance(path, Path) and is_dump(path):
            try:
                with open(path, "rb") as dump:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: dump.read(1 << 20), b""))
            except OSError:
                total += 1
        else:
            total += 1
    return total


def read_articles(inputs: Iterable[str | Path]) -> Iterator[tuple[Article | None, list[Problem]]]:
    """Yield (article or None, problems) for every article found in `inputs`; never raises on bad input."""
    for path in discover(inputs):
        if isinstance(path, Problem):
            yield None, [path]
        elif is_dump(path):
            yield from read_jsonl(path)
        else:
            yield _guarded_file(path)


def _guarded_file(path: Path) -> tuple[Article | None, list[Problem]]:
    try:
        return read_file(path)
    except Exception as exc:  # one file must never stop the run, whatever it holds
        return None, [Problem(readable(str(path)), readable(path.stem), "unreadable", "error",
                              f"cannot read file: {_one_line(exc)}")]
