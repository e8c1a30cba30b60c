import gzip
import json
from datetime import date

import pytest

from pipeline.reader import parse_article, read_articles


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
