import base64
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.io import write_tables
from pipeline.schema import TABLES
from pipeline.views.report import period, render_report, speaker_counts

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
# after the load event, mark the body so the dumped DOM tells whether every image decoded
IMAGE_CHECK = ('<script>window.addEventListener("load", function () { document.body.dataset.images = '
               'Array.from(document.images).every(function (i) { return i.complete && i.naturalWidth > 0; }) '
               '? "ok" : "broken"; });</script>')


def article(article_id, day, n_quotes):
    return {"article_id": article_id, "source": f"{article_id}.txt", "date": day, "lede": "L", "n_paragraphs": 2,
            "n_tokens": 50, "n_sentences": 4, "n_mentions": 3, "n_quotes": n_quotes, "sha256": "0"}


def entity(article_id, n, name, label, mentions):
    return {"article_id": article_id, "entity_id": f"{article_id}:E{n}", "name": name, "label": label,
            "n_mentions": mentions, "first_char": n}


def quote(article_id, n, kind, speaker, text="Wir schaffen das", **extra):
    return {"article_id": article_id, "quote_id": n, "type": kind, "text": text, "start_char": n,
            "end_char": n + 5, "cue": "sagen", "cue_text": "sagte", "speaker": speaker,
            "speaker_entity_id": f"{article_id}:E1" if speaker else None, "speaker_text": speaker,
            "speaker_start_char": 0 if speaker else None, "speaker_end_char": 4 if speaker else None,
            "method": "same_sentence" if speaker else None, "sentence_id": 0, **extra}


def frames(**rows):
    return {name: TABLES[name].frame(rows.get(name, [])) for name in TABLES}


def corpus():
    return frames(
        articles=[article("a", date(2024, 3, 1), 3), article("b", date(2024, 3, 5), 1), article("c", None, 0)],
        entities=[entity("a", 1, "Olaf Scholz", "PER", 4), entity("b", 1, "Olaf Scholz", "PER", 2),
                  entity("a", 2, "Berlin", "LOC", 3), entity("b", 2, "Deutsche Bahn", "ORG", 1)],
        quotes=[quote("a", 1, "direct", "Olaf Scholz"), quote("a", 2, "indirect", "Olaf Scholz"),
                quote("a", 3, "reported", None), quote("b", 1, "direct", "Annalena <Baerbock>")],
        errors=[{"source": "bad.txt", "article_id": "bad", "error": "empty", "severity": "error",
                 "message": "file is empty"},
                {"source": "c.txt", "article_id": "c", "error": "no_date", "severity": "warning",
                 "message": "no date header"}],
    )


@pytest.fixture(scope="module")
def report_html():
    return render_report(corpus(), title="Test report")


def test_speaker_counts_by_type():
    counts = speaker_counts(corpus()["quotes"])
    assert counts.to_dict("records") == [
        {"speaker": "Olaf Scholz", "direct": 1, "indirect": 1, "reported": 0, "total": 2, "articles": 1},
        {"speaker": "Annalena <Baerbock>", "direct": 1, "indirect": 0, "reported": 0, "total": 1, "articles": 1},
    ]


@pytest.mark.parametrize("first, last, unit", [
    ("2024-01-01", "2024-01-01", "day"), ("2024-01-01", "2024-02-20", "day"), ("2024-01-01", "2024-10-01", "week"),
    ("2020-01-01", "2023-06-01", "month"), ("2004-01-01", "2022-01-01", "year"),
])
def test_period_fits_the_span(first, last, unit):
    assert period(pd.Series(pd.to_datetime([first, last])))[1] == unit


def test_report_contents(report_html):
    html = report_html
    for expected in ("Run summary", "Most mentioned", "Most quoted speakers", "Quotes per article over time",
                     "2024-03-01 to 2024-03-05, 1 undated", "3 of 4 quotes", "1 quote without a speaker entity",
                     "1 article without a date", "file is empty", "no_date", "Annalena &lt;Baerbock&gt;"):
        assert expected in html, expected
    assert "<Baerbock>" not in html
    images = re.findall(r'<img class="plot" alt="[^"]*" src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert len(images) == 3 and all(b"<svg" in base64.b64decode(data) for data in images)
    assert "<b>Olaf Scholz</b>" in html  # speaker table


def test_a_placeholder_date_is_no_first_date_of_the_corpus():
    tables = frames(articles=[article("a", date(1, 1, 1), 0), article("b", date(2024, 3, 5), 0)])
    html = render_report(tables)
    assert "2024-03-05, 1 undated" in html and "1-01-01" not in html


def test_report_on_empty_tables():
    html = render_report(frames())
    for expected in ("No entities found.", "No quotes found.", "No article has a date.", "No errors or warnings."):
        assert expected in html
    assert "<img" not in html


def test_report_without_attributed_quotes():
    html = render_report(frames(articles=[article("a", None, 1)], quotes=[quote("a", 1, "indirect", None)]))
    assert "No quote is attributed to a speaker entity." in html and "No article has a date." in html


def test_cli_writes_report(tmp_path, capsys):
    write_tables(frames(errors=corpus()["errors"].to_dict("records")), tmp_path / "out")
    assert main(["report", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "out" / "report.html")
    assert "file is empty" in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert main(["report", str(tmp_path / "missing")]) == 2
    assert "no articles.parquet" in capsys.readouterr().err


def open_in_browser(html: str, folder: Path) -> tuple[str, list[str]]:
    """The DOM after loading `html` in headless Chromium, and its console messages (errors, warnings)."""
    page = folder / "page.html"
    page.write_text(html.replace("</body>", IMAGE_CHECK + "</body>"), encoding="utf-8")
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={folder / 'profile'}", "--enable-logging=stderr", "--v=0", "--dump-dom",
         page.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, [line for line in result.stderr.splitlines() if ":CONSOLE" in line]


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)")
@pytest.mark.parametrize("page", ["report", "article"])
def test_page_loads_in_chromium(page, request, tmp_path):
    if page == "report":
        html = request.getfixturevalue("report_html")
    else:
        from pipeline.language import make_doc
        from pipeline.reader import parse_article
        from pipeline.views.show import render_article

        article = parse_article('date 2024-03-01 "Wir schaffen das", sagte Kanzler Olaf Scholz in Berlin.', "x", "x")
        nlp = request.getfixturevalue("nlp")
        html = render_article(article, nlp(make_doc(nlp, article)))
    dom, console = open_in_browser(html, tmp_path)
    assert console == []
    assert 'data-images="ok"' in dom and "Olaf Scholz" in dom


def test_report_without_matplotlib_says_which_extra_to_install(tmp_path, capsys, monkeypatch):
    import sys

    write_tables(frames(), tmp_path / "out")
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # not installed
    monkeypatch.delitem(sys.modules, "pipeline.views.report", raising=False)
    assert main(["report", str(tmp_path / "out")]) == 2
    assert 'pip install "german-news-pipeline[report]"' in capsys.readouterr().err


# typed into the explorer after the page has loaded: a search, then a click on the first speaker
EXPLORER_ACTIONS = """<script>window.addEventListener("load", function () {
  var out = {}, search = document.getElementById("search");
  search.value = "klima";
  search.dispatchEvent(new Event("input"));
  out.count = document.getElementById("count").textContent;
  out.rows = Array.from(document.querySelectorAll("#quote-rows td.text")).map(function (td) { return td.textContent; });
  document.querySelector("#quote-rows .speaker-link").click();
  out.panel = document.getElementById("speaker-panel").textContent;
  out.after = document.getElementById("count").textContent;
  out.link = document.querySelector("#quote-rows a[href^='show/']").getAttribute("href");
  document.body.dataset.result = JSON.stringify(out);
});</script>"""


def explorer_corpus():
    scholz = {"speaker_key": "PER:olaf scholz", "speaker_gender": "m", "speaker_org": "SPD"}
    baerbock = {"speaker_key": "PER:annalena baerbock", "speaker_gender": "f"}
    tables = frames(
        articles=[article("a", date(2024, 3, 1), 2), article("b", date(2024, 5, 5), 2)],
        quotes=[quote("a", 1, "direct", "Olaf Scholz", "Wir müssen das Klima schützen.", **scholz),
                quote("a", 2, "indirect", "Olaf Scholz", "die Bahn fahre pünktlich", **scholz),
                quote("b", 1, "direct", "Annalena Baerbock", "Das Klima ist unsere Aufgabe.", **baerbock),
                quote("b", 2, "reported", None, "es gebe Streit")],
        corpus_entities=[{"entity_key": "PER:olaf scholz", "label": "PER", "name": "Olaf Scholz",
                          "aliases": "Olaf Scholz (1); Scholz (1)", "n_articles": 2, "n_mentions": 3, "n_quotes": 2,
                          "role": "Bundeskanzler", "party": "SPD", "gender": "m"},
                         {"entity_key": "PER:annalena baerbock", "label": "PER", "name": "Annalena Baerbock",
                          "aliases": "Annalena Baerbock (1)", "n_articles": 1, "n_mentions": 1, "n_quotes": 1,
                          "gender": "f"}])
    return tables


def test_explorer_data_is_compact_and_links_existing_show_pages(tmp_path):
    from pipeline.views.explore import explorer_data

    (tmp_path / "a.html").write_text("page", encoding="utf-8")
    data = explorer_data(explorer_corpus(), show_dir=tmp_path)
    assert [s[:3] for s in data["speakers"]] == [["PER:annalena baerbock", "Annalena Baerbock", "PER"],
                                                 ["PER:olaf scholz", "Olaf Scholz", "PER"]]
    assert data["articles"] == [["a", "show/a.html"], ["b", ""]]
    assert data["quotes"][0][:5] == ["Wir müssen das Klima schützen.", "direct", 1, "2024-03-01", 0]
    assert data["quotes"][3][2] == -1  # no speaker entity


def test_report_shows_shares_over_time_with_gaps():
    html = render_report(explorer_corpus())
    assert "Who is quoted over time" in html and "of those whose gender the text shows are by women" in html


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)")
def test_explorer_search_and_speaker_panel_in_chromium(tmp_path):
    import json
    from html import unescape

    (tmp_path / "show").mkdir()
    (tmp_path / "show" / "a.html").write_text("page", encoding="utf-8")
    html = render_report(explorer_corpus(), show_dir=tmp_path / "show")
    dom, console = open_in_browser(html.replace("</body>", EXPLORER_ACTIONS + "</body>"), tmp_path)
    assert console == []
    result = json.loads(unescape(re.search(r'data-result="([^"]*)"', dom).group(1)))
    assert result["count"] == "2 of 4 quotes"
    assert result["rows"] == ["Wir müssen das Klima schützen.", "Das Klima ist unsere Aufgabe."]
    assert "Olaf Scholz" in result["panel"] and "Bundeskanzler" in result["panel"] and "SPD" in result["panel"]
    assert result["after"] == "1 of 4 quotes"  # the search and the speaker together
    assert result["link"] == "show/a.html"


def test_explorer_lists_quotes_by_date_undated_and_placeholders_last():
    from pipeline.views.explore import explorer_data

    tables = frames(
        articles=[article("z-old", date(2023, 1, 2), 1), article("a-new", date(2024, 6, 1), 1),
                  article("m-undated", None, 1), article("b-placeholder", date(1, 1, 1), 1)],
        quotes=[quote("a-new", 1, "direct", None, "erste"), quote("a-new", 2, "direct", None, "zweite"),
                quote("b-placeholder", 1, "direct", None, "Platzhalter"),
                quote("m-undated", 1, "direct", None, "ohne Datum"), quote("z-old", 1, "direct", None, "alt")])
    quotes = explorer_data(tables)["quotes"]
    assert [row[0] for row in quotes] == ["alt", "erste", "zweite", "Platzhalter", "ohne Datum"]
    assert [row[3] for row in quotes] == ["2023-01-02", "2024-06-01", "2024-06-01", "", ""]  # a placeholder is no date
