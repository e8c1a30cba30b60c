import gzip
import json
from datetime import date

import pytest

from pipeline.reader import decode, discover, parse_article, read_articles, read_file
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
