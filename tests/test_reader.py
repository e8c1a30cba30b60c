import gzip
import json
import unicodedata
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pipeline import reader
from pipeline.reader import count_articles, decode, discover, normalized, parse_article, read_articles, read_file
from pipeline.sections import cut_points


@pytest.mark.parametrize("raw, expected_date, lede, problem", [
    (" date 2026-01-07 Die Lede.\n\nAbsatz eins.", date(2026, 1, 7), "Die Lede.", None),
    ("date 2024-02-30 Lede.", None, "Lede.", "bad_date"),
    ("Kein Datum hier.\n\nAbsatz.", None, "Kein Datum hier.", "no_date"),
    ("\ufeffdate 2024-01-01 Mit BOM.\r\n\r\nZweiter Absatz.", date(2024, 1, 1), "Mit BOM.", None),
])
def test_parse_article(raw, expected_date, lede, problem):
    article = parse_article(raw, "a", "a.txt")
    assert article.date == expected_date
    assert article.lede == lede
    assert [p.error for p in article.problems] == ([problem] if problem else [])
    assert article.raw == raw
    assert len(article.text_for_nlp) == len(raw)
    assert "date" not in article.text_for_nlp[:article.body_start]


def test_paragraphs_are_offsets_into_raw():
    raw = "date 2024-01-01 Lede.\n\nÜberschrift\n\nText hier.\r\n\r\nEnde."
    article = parse_article(raw, "a", "a.txt")
    assert [raw[s:e] for s, e in article.paragraphs] == ["Lede.", "Überschrift", "Text hier.", "Ende."]


def test_read_articles_from_files_folders_and_dumps(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("date 2024-01-02 Zwei.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("date 2024-01-01 Eins.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("date 2024-01-03 Grüße aus Köln.".encode("cp1252"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    records = [{"id": "j1", "text": "Text eins.", "date": "2024-03-01"}, "kaputt", {"id": "j2", "text": "Zwei."}]
    with gzip.open(tmp_path / "dump.jsonl.gz", "wt", encoding="utf-8") as f:
        for r in records:
            f.write((json.dumps(r) if isinstance(r, dict) else "{kaputt") + "\n")
    results = list(read_articles([tmp_path, tmp_path / "missing.txt"]))
    articles = {a.article_id: a for a, _ in results if a}
    errors = sorted(p.error for _, problems in results for p in problems)
    assert set(articles) == {"a", "b", "latin", "j1", "j2"}
    assert articles["j1"].date == date(2024, 3, 1)
    assert articles["latin"].raw.endswith("Grüße aus Köln.")
    assert errors == ["bad_json", "binary", "empty", "missing", "no_date", "not_utf8"]


@pytest.mark.parametrize("data, error, severity", [
    ("date 2024-01-01 Grüße aus Köln.".encode("utf-8"), None, None),
    ("date 2024-01-01 Grüße aus Köln, sagte Müller.".encode("cp1252"), "not_utf8", "warning"),
    ("date 2024-01-01 Привет из Москвы, сказал он.".encode("cp1251"), "not_utf8", "error"),
    (b"\x89PNG\r\n\x1a\n" + bytes([200, 17, 3, 250] * 64), "not_utf8", "error"),
    (b"GIF89a\x00\x01\x00", "binary", "error"),
    (b"", "empty", "error"),
    (b"\r\n \n", "empty", "error"),
])
def test_decode(data, error, severity):
    text, problems = decode(data, "x.txt", "x")
    assert [(p.error, p.severity) for p in problems] == ([(error, severity)] if error else [])
    assert (text is None) == (severity == "error")
    if severity == "warning":
        assert "CP1252" in problems[0].message and text.endswith("Müller.")


@pytest.mark.parametrize("raw", ["\ufeffKein Datum.\n\nAbsatz.", "\ufeffdate 2024-01-01 Kein Datum."])
def test_bom_is_not_part_of_the_text(raw):
    article = parse_article(raw, "a", "a.txt")
    assert not article.lede.startswith("\ufeff")
    assert article.text_for_nlp[0] == " " and len(article.text_for_nlp) == len(raw)


def test_ten_megabyte_article_is_read_and_cut_into_sections(tmp_path):
    paragraph = "Bundeskanzler Friedrich Merz sprach in Berlin über die Lage. " * 20
    (tmp_path / "huge.txt").write_text("date 2024-01-01 Lede.\n\n" + "\n\n".join([paragraph] * 8400), encoding="utf-8")
    article, problems = read_file(tmp_path / "huge.txt")
    assert problems == [] and len(article.raw) > 10_000_000
    spans = cut_points(article.raw, 100_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(article.raw)
    assert all(end == next_start for (_, end), (next_start, _) in zip(spans, spans[1:]))
    assert all(end - start <= 100_000 for start, end in spans)
    assert all(article.raw[start - 2:start] == "\n\n" for start, _ in spans[1:])  # cut at paragraph breaks


def test_cut_points_without_paragraph_breaks():
    raw = "wort " * 100
    spans = cut_points(raw, 42)
    assert "".join(raw[s:e] for s, e in spans) == raw
    assert all(raw[s - 1] == " " for s, _ in spans[1:])
    assert cut_points("x" * 100, 30) == [(0, 30), (30, 60), (60, 90), (90, 100)]


def test_folders_are_read_in_sorted_path_order(tmp_path):
    for name in ["b.txt", "a/z.txt", "a/b/c.txt", "a.txt", "ab.txt", "a/x.jsonl", "skip.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert found == ["a/b/c.txt", "a/x.jsonl", "a/z.txt", "a.txt", "ab.txt", "b.txt"]


# --- hostile input: every bad line, file or folder is one row, the rest is still read ---

def _assert_readable(problem):
    problem.source.encode("utf-8")  # valid text for the tables: no lone surrogates
    if problem.article_id is not None:
        problem.article_id.encode("utf-8")


BEFORE = b'{"id": "before", "text": "Vorher.", "date": "2024-01-01"}'
AFTER = b'{"id": "after", "text": "Nachher.", "date": "2024-01-02"}'
DEEP = b"[" * 10_000 + b"]" * 10_000
BIG_NUMBER = b"1" * 5_000


@pytest.mark.parametrize("line, error, severity, article_id", [
    # text or id that is no valid Unicode: the JSON escape of a lone surrogate, written literally
    pytest.param(rb'{"id": "x", "text": "a\ud800b"}', "bad_text", "error", "x", id="text-lone-high-surrogate"),
    pytest.param(rb'{"id": "x", "text": "a\udc00b"}', "bad_text", "error", "x", id="text-lone-low-surrogate"),
    pytest.param(rb'{"id": "a\ud800", "text": "Text."}', "bad_text", "error", "a\\ud800", id="id-lone-surrogate"),
    pytest.param(rb'{"id": "a\u0000b", "text": "Text."}', "bad_text", "error", "a\x00b", id="id-nul"),
    # Python's int limit (4,300 digits) and recursion limit: malformed JSON, not a crash
    pytest.param(b'{"id": "n", "text": "T.", "n": ' + BIG_NUMBER + b"}", "bad_json", "error", None,
                 id="5000-digit-value"),
    pytest.param(b'{"id": ' + BIG_NUMBER + b', "text": "T."}', "bad_json", "error", None, id="5000-digit-id"),
    pytest.param(DEEP, "bad_json", "error", None, id="10000-nested-arrays-line"),
    pytest.param(b'{"id": "deep", "text": ' + DEEP + b"}", "bad_json", "error", None, id="10000-nested-arrays-text"),
    pytest.param(b'{"a": ' * 10_000 + b"1" + b"}" * 10_000, "bad_json", "error", None, id="10000-nested-objects"),
    pytest.param(b"{kaputt", "bad_json", "error", None, id="malformed"),
    pytest.param(b'{"id": "t", "text": "abgeschnitt', "bad_json", "error", None, id="truncated-line"),
    pytest.param(b'{"id": "u", "text": "\xff\xfe"}', "bad_json", "error", None, id="invalid-utf8-bytes"),
    # wrong types
    pytest.param(b'{"id": ["l"], "text": "T."}', "bad_record", "error", None, id="id-list"),
    pytest.param(b'{"id": {"a": 1}, "text": "T."}', "bad_record", "error", None, id="id-object"),
    pytest.param(b'{"id": true, "text": "T."}', "bad_record", "error", None, id="id-true"),
    pytest.param(b'{"id": false, "text": "T."}', "bad_record", "error", None, id="id-false"),
    pytest.param(b'{"id": 1.5, "text": "T."}', "bad_record", "error", None, id="id-float"),
    pytest.param(b'{"id": null, "text": "T."}', "bad_record", "error", None, id="id-null"),
    pytest.param(b'{"id": "", "text": "T."}', "bad_record", "error", None, id="id-empty"),
    pytest.param(b'{"id": " \\t", "text": "T."}', "bad_record", "error", None, id="id-blank"),
    pytest.param(b'{"text": "T."}', "bad_record", "error", None, id="id-missing"),
    pytest.param(b'{"id": "tn", "text": 5}', "bad_record", "error", "tn", id="text-number"),
    pytest.param(b'{"id": "tn", "text": null}', "bad_record", "error", "tn", id="text-null"),
    pytest.param(b'{"id": "tn", "text": ["a"]}', "bad_record", "error", "tn", id="text-list"),
    pytest.param(b'{"id": "tn"}', "bad_record", "error", "tn", id="text-missing"),
    pytest.param(b'["id", "text"]', "bad_record", "error", None, id="line-is-list"),
    pytest.param(b'"nur ein String"', "bad_record", "error", None, id="line-is-string"),
    pytest.param(b"42", "bad_record", "error", None, id="line-is-number"),
    pytest.param(b"null", "bad_record", "error", None, id="line-is-null"),
    pytest.param(b'{"id": "e", "text": " \\n "}', "empty", "error", "e", id="text-blank"),
    # a bad date is a warning: the article is still read
    pytest.param(b'{"id": "d", "text": "Datum.", "date": 20240101}', "bad_date", "warning", "d", id="date-number"),
    pytest.param(b'{"id": "d", "text": "Datum.", "date": ["2024-01-01"]}', "bad_date", "warning", "d", id="date-list"),
    pytest.param(b'{"id": "d", "text": "Datum.", "date": "gestern"}', "bad_date", "warning", "d", id="date-word"),
    pytest.param(b'{"id": "d", "text": "Datum.", "date": "2024-02-30"}', "bad_date", "warning", "d", id="date-invalid"),
    # controls: good lines with odd but allowed values
    pytest.param(b'{"id": 7, "text": "Zahl als id.", "date": "2024-01-01"}', None, None, "7", id="id-integer"),
    pytest.param(b'{"id": "z", "text": "T.", "date": "2024-03-01T10:00:00Z", "n": 1e999}', None, None, "z",
                 id="datetime-and-huge-float"),
])
def test_jsonl_bad_line_is_one_row_and_its_neighbours_are_read(tmp_path, line, error, severity, article_id):
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b"\n".join([BEFORE, line, AFTER]) + b"\n")
    results = list(read_articles([dump]))
    assert len(results) == 3
    (first, first_problems), (article, problems), (last, last_problems) = results
    assert (first.article_id, first_problems, last.article_id, last_problems) == ("before", [], "after", [])
    assert [(p.error, p.severity, p.article_id) for p in problems] == ([(error, severity, article_id)] if error else [])
    assert (article is None) == (severity == "error")
    if article is not None:
        assert article.article_id == article_id
    for problem in problems:
        assert problem.source == f"{dump}:2"
        _assert_readable(problem)


def test_jsonl_many_bad_lines_in_one_dump(tmp_path):
    bad = [rb'{"id": "x", "text": "a\ud800b"}', DEEP, b'{"id": ' + BIG_NUMBER + b"}", b'{"id": true, "text": "T."}',
           b'"nur ein String"', b'{"id": "tn", "text": null}', b"{kaputt"]
    lines = []
    for i, line in enumerate(bad):
        lines += [b'{"id": "g%d", "text": "Gut.", "date": "2024-01-01"}' % i, line]
    (tmp_path / "dump.jsonl").write_bytes(b"\n".join(lines) + b"\n\n   \n")  # blank lines are no rows
    results = list(read_articles([tmp_path]))
    assert [a.article_id for a, _ in results if a] == [f"g{i}" for i in range(len(bad))]
    errors = [p for _, problems in results for p in problems]
    assert [p.error for p in errors] == ["bad_text", "bad_json", "bad_json", "bad_record", "bad_record", "bad_record",
                                         "bad_json"]
    assert [p.source.rsplit(":", 1)[1] for p in errors] == [str(n) for n in range(2, 2 * len(bad) + 1, 2)]


def _record(length: int) -> bytes:
    """A JSON line of exactly `length` bytes (without its newline)."""
    head, tail = b'{"id": "big", "text": "', b'", "date": "2024-01-01"}'
    return head + b"x" * (length - len(head) - len(tail)) + tail


@pytest.mark.parametrize("length, error", [(999, None), (1000, None), (1001, "too_large"), (50_000, "too_large")])
@pytest.mark.parametrize("last", [False, True], ids=["then-a-line", "last-without-newline"])
def test_jsonl_line_above_the_limit_is_too_large(tmp_path, monkeypatch, length, error, last):
    monkeypatch.setattr(reader, "MAX_ARTICLE_BYTES", 1000)
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(BEFORE + b"\n" + _record(length) + (b"" if last else b"\n" + AFTER + b"\n"))
    results = list(read_articles([dump]))
    assert [article.article_id if article else None for article, _ in results] \
        == ["before", None if error else "big"] + ["after"] * (not last)
    assert [(problem.error, problem.source) for _, problems in results for problem in problems] \
        == ([(error, f"{dump}:2")] if error else [])


@pytest.mark.parametrize("size, error", [(1000, None), (1001, "too_large"), (100_000, "too_large")])
def test_txt_file_above_the_limit_is_too_large(tmp_path, monkeypatch, size, error):
    monkeypatch.setattr(reader, "MAX_ARTICLE_BYTES", 1000)
    head = b"date 2024-01-01 "
    (tmp_path / "big.txt").write_bytes(head + b"x" * (size - len(head)))
    (tmp_path / "small.txt").write_text("date 2024-01-01 Klein.", encoding="utf-8")
    results = list(read_articles([tmp_path]))
    assert sorted(a.article_id for a, _ in results if a) == (["small"] if error else ["big", "small"])
    assert [(problem.error, problem.severity, problem.article_id) for _, problems in results for problem in problems] \
        == ([(error, "error", "big")] if error else [])


@pytest.mark.parametrize("parts, content, source_end, article_id", [
    pytest.param([b"caf\xe9.txt"], b"date 2024-01-01 Caf\xc3\xa9.", "caf\\xe9.txt", "caf\\xe9", id="txt"),
    pytest.param([b"ordner\xff", b"a.txt"], b"date 2024-01-01 Ordner.", "ordner\\xff/a.txt", "a", id="folder"),
    pytest.param([b"caf\xe9.jsonl"], b'{"id": "j", "text": "T.", "date": "2024-01-01"}\n', "caf\\xe9.jsonl:1", "j",
                 id="jsonl"),
])
def test_file_name_that_is_not_utf8(tmp_path, parts, content, source_end, article_id):
    path = os.fsencode(str(tmp_path))
    for part in parts[:-1]:
        path = os.path.join(path, part)
        os.mkdir(path)
    with open(os.path.join(path, parts[-1]), "wb") as handle:
        handle.write(content)
    results = list(read_articles([tmp_path]))
    assert len(results) == 1
    article, problems = results[0]
    assert problems == [] and article.article_id == article_id and article.source.endswith(source_end)
    article.source.encode("utf-8"), article.article_id.encode("utf-8")  # no lone surrogates reach the tables


def _make_chain(root, depth: int) -> None:
    """root/d/d/.../d (depth folders) with an article at the bottom, made through folder fds: the
    path may be longer than PATH_MAX, and os.makedirs recurses once per level (RecursionError)."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=fd)
            fd, parent = os.open("d", os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd), fd
            os.close(parent)
        handle = os.open("bottom.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
        os.write(handle, b"date 2024-01-01 Ganz unten.")
        os.close(handle)
    finally:
        os.close(fd)


def _remove_chain(root, depth: int) -> None:
    """Undo _make_chain without recursion (shutil.rmtree recurses once per level on Python 3.11)."""
    fds = [os.open(root, os.O_RDONLY | os.O_DIRECTORY)]
    try:
        for _ in range(depth):
            fds.append(os.open("d", os.O_RDONLY | os.O_DIRECTORY, dir_fd=fds[-1]))
        os.unlink("bottom.txt", dir_fd=fds[-1])
        for level in range(depth, 0, -1):
            os.close(fds.pop())
            os.rmdir("d", dir_fd=fds[level - 1])
    finally:
        for fd in fds:
            os.close(fd)


def test_article_1200_folders_deep(tmp_path):
    root = tmp_path / "deep"
    root.mkdir()
    (tmp_path / "z.txt").write_text("date 2024-01-01 Oben.", encoding="utf-8")
    _make_chain(root, 1200)
    try:
        results = list(read_articles([tmp_path]))  # no RecursionError
    finally:
        _remove_chain(root, 1200)
    assert [(a.article_id, problems) for a, problems in results] == [("bottom", []), ("z", [])]
    assert results[0][0].source == str(root) + "/d" * 1200 + "/bottom.txt"


def test_folders_deeper_than_path_max(tmp_path):
    # 2,100 levels: the path grows past PATH_MAX (4,096 bytes), so os.scandir of the first folder
    # whose path is too long fails with ENAMETOOLONG: that folder is one "unreadable" row, nothing
    # below it is read, and the walk goes on with the rest
    root = tmp_path / "deep"
    root.mkdir()
    (tmp_path / "z.txt").write_text("date 2024-01-01 Oben.", encoding="utf-8")
    _make_chain(root, 2100)
    try:
        results = list(read_articles([tmp_path]))
    finally:
        _remove_chain(root, 2100)
    assert [a.article_id for a, _ in results if a] == ["z"]
    problems = [p for _, ps in results for p in ps]
    assert [(p.error, p.severity) for p in problems] == [("unreadable", "error")]
    assert problems[0].message.startswith("cannot list folder") and len(problems[0].source.encode()) >= 4096


@pytest.mark.parametrize("target, error, severity, message", [
    pytest.param("gone.txt", "broken_link", "warning", "symbolic link to a missing target (gone.txt)",
                 id="missing-file"),
    pytest.param("missing/folder", "broken_link", "warning", "(missing/folder)", id="missing-folder"),
    # a link to itself cannot be followed (ELOOP): a broken link too
    pytest.param("b.txt", "broken_link", "warning", "cannot be followed (Too many levels of symbolic links)",
                 id="loop"),
])
def test_broken_symlink_is_one_row(tmp_path, target, error, severity, message):
    for name in ("a.txt", "c.txt"):
        (tmp_path / name).write_text("date 2024-01-01 Text.", encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(target)
    (tmp_path / "ok.txt").symlink_to("a.txt")  # a link to a file is read
    results = list(read_articles([tmp_path]))
    assert [a.article_id for a, _ in results if a] == ["a", "c", "ok"]
    problems = [p for _, ps in results for p in ps]
    assert [(p.error, p.severity, p.source, p.article_id) for p in problems] == [
        (error, severity, str(tmp_path / "b.txt"), None)]
    assert message in problems[0].message


def _unlistable_folder(tmp_path):
    for name in ("a.txt", "locked/inside.txt", "z.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("date 2024-01-01 Text.", encoding="utf-8")
    return tmp_path / "locked"


def _assert_one_unlistable_row(results, locked):
    assert [a.article_id for a, _ in results if a] == ["a", "z"]
    assert [(p.error, p.severity, p.source) for _, ps in results for p in ps] == [("unreadable", "error", str(locked))]


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists a folder whatever its mode")
def test_folder_that_cannot_be_listed(tmp_path):
    locked = _unlistable_folder(tmp_path)
    locked.chmod(0)
    try:
        results = list(read_articles([tmp_path]))
    finally:
        locked.chmod(0o755)
    _assert_one_unlistable_row(results, locked)


def test_folder_that_cannot_be_listed_simulated(tmp_path, monkeypatch):
    # the same as above when running as root: os.scandir refuses the folder as it would for chmod 000
    locked = _unlistable_folder(tmp_path)
    scandir = os.scandir

    def refusing(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(reader.os, "scandir", refusing)
    results = list(read_articles([tmp_path]))
    monkeypatch.undo()
    _assert_one_unlistable_row(results, locked)


LINES = b"".join(b'{"id": "l%d", "text": "Zeile %d mit etwas Text.", "date": "2024-01-01"}\n' % (i, i)
                 for i in range(200))


@pytest.mark.parametrize("cut", [0.5, 0.25, 0.999], ids=["half", "quarter", "trailer-cut"])
def test_truncated_gzip_dump_reads_the_lines_before(tmp_path, cut):
    compressed = gzip.compress(LINES)
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(compressed[: int(len(compressed) * cut)])
    results = list(read_articles([dump]))
    ids = [a.article_id for a, _ in results if a]
    assert 0 < len(ids) <= 200 and ids == [f"l{i}" for i in range(len(ids))]  # the lines before, in order
    assert results[-1][0] is None and len(results) == len(ids) + 1
    problem, = results[-1][1]
    assert (problem.error, problem.severity, problem.source) == ("unreadable", "error", str(dump))
    assert "ended before the end-of-stream marker" in problem.message


@pytest.mark.parametrize("data", [
    pytest.param(b"garbage bytes, not gzip\n" * 20, id="garbage"),
    pytest.param(LINES, id="uncompressed-jsonl"),
    pytest.param(gzip.compress(LINES)[:5], id="header-only"),
    pytest.param(b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4, id="gzip-magic-then-garbage"),
])
def test_garbage_gzip_dump_is_one_error_row(tmp_path, data):
    (tmp_path / "dump.jsonl.gz").write_bytes(data)
    (tmp_path / "next.txt").write_text("date 2024-01-01 Danach.", encoding="utf-8")
    results = list(read_articles([tmp_path]))
    assert [(a.article_id if a else None, [(p.error, p.severity, p.source) for p in ps]) for a, ps in results] == [
        (None, [("unreadable", "error", str(tmp_path / "dump.jsonl.gz"))]), ("next", [])]


BOMB_READER = r"""
import resource, sys
soft, hard = resource.getrlimit(resource.RLIMIT_AS)
resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, hard))
import pipeline.reader

def peak_kib():  # VmHWM: this process's peak; ru_maxrss would carry the forking parent's over exec
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

before = peak_kib()
results = list(pipeline.reader.read_articles([sys.argv[1]]))
print(",".join(p.error for _, problems in results for p in problems))
print(",".join(a.article_id for a, _ in results if a))
print(before, peak_kib())
"""


def test_gzip_bomb_is_one_too_large_row_in_flat_memory(tmp_path):
    # ~300 KB on disk, 300 MiB of one endless line once decompressed: 300 gzip members of 1 MiB of "a"
    member = gzip.compress(b"a" * (1 << 20))
    bomb = tmp_path / "bomb.jsonl.gz"
    with open(bomb, "wb") as handle:
        handle.write(gzip.compress(b'{"id": "ok", "text": "Hallo Welt.", "date": "2024-01-01"}\n'))
        for _ in range(300):
            handle.write(member)
        handle.write(gzip.compress(b'\n{"id": "after", "text": "Danach.", "date": "2024-01-01"}\n'))
    assert bomb.stat().st_size < 400_000
    done = subprocess.run([sys.executable, "-c", BOMB_READER, str(bomb)], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    errors, ids, rss = done.stdout.splitlines()
    assert (errors, ids) == ("too_large", "ok,after")
    before, peak = map(int, rss.split())  # KiB; importing the package (pandas, pyarrow) is ~110 MiB of it
    assert peak < 400 * 1024
    assert peak - before < 100 * 1024  # the 16 MiB line limit, not the 300 MiB line


@pytest.mark.parametrize("name, data", [("empty.jsonl", b""), ("blank.jsonl", b"\n \n"),
                                        ("empty.jsonl.gz", gzip.compress(b""))])
def test_dump_without_lines_is_one_empty_row(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    results = list(read_articles([tmp_path / name]))
    assert [(article, [(p.error, p.severity) for p in problems]) for article, problems in results] == [
        (None, [("empty", "error")])]


@pytest.mark.parametrize("files, expected", [
    ({"a.txt": b"date 2024-01-01 Eins.", "sub/b.txt": b"Zwei.", "notes.md": b"x"}, 2),
    ({"a.txt": b"Eins.", "dump.jsonl": b'{"id": 1, "text": "a"}\n{"id": 2, "text": "b"}\n'}, 3),
    ({"dump.jsonl.gz": gzip.compress(b'{"id": 1, "text": "a"}\n')}, None),  # unknown without decompressing
])
def test_count_articles_gives_the_progress_total(tmp_path, files, expected):
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    assert count_articles([tmp_path]) == expected
    if expected is not None:
        assert count_articles([tmp_path]) == len(list(read_articles([tmp_path])))


@pytest.mark.parametrize("text, expected, raw_at", [
    ("Berlin", "Berlin", None),  # nothing to even out: the same offsets
    ("Ber\u00adlin kam", "Berlin kam", [0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11]),  # a soft hyphen is dropped
    ("Friedrich\u00a0Merz", "Friedrich Merz", list(range(15))),  # a no-break space is a space
    ("Mu\u0308nchen", "München", [0, 1, 3, 4, 5, 6, 7, 8]),  # a letter and its combining mark: one letter
    ("a\u200bb\u202fc", "ab c", [0, 2, 3, 4, 5]),
])
def test_written_variants_are_evened_out_with_their_offsets(text, expected, raw_at):
    assert normalized(text) == (expected, raw_at)


@pytest.mark.parametrize("name, text, problems", [
    ("nfd.txt", unicodedata.normalize("NFD", "date 2024-01-01 In München tagte der Rat."), ["decomposed"]),
    ("nfc.txt", "date 2024-01-01 In München tagte der Rat.", []),
    ("nfd.jsonl", json.dumps({"id": "j", "text": unicodedata.normalize("NFD", "In München."), "date": "2024-01-01"}),
     ["decomposed"]),
])
def test_decomposed_text_is_composed(tmp_path, name, text, problems):
    (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    [(article, found)] = list(read_articles([tmp_path / name]))
    assert [p.error for p in found] == problems and "München" in article.text_for_nlp
    assert unicodedata.is_normalized("NFC", article.raw) == (not problems)  # offsets: the text as written


@pytest.mark.parametrize("body, runs", [
    ("=" * 1200, [499, 499, 200]),  # a separator or a blob: spaCy's tokenizer is quadratic in such a run
    ("Der Rat tagte.", [3, 3, 6]),
    ("a" * 500, [500]),
])
def test_long_runs_without_a_space_are_broken_at_the_same_offsets(body, runs):
    article = parse_article("date 2024-01-01\n\n" + body, "runs", "test")
    assert [len(run) for run in article.text_for_nlp.split()] == runs
    assert len(article.text_for_nlp) == len(article.raw) and article.raw_offset(len(article.raw)) == len(article.raw)
