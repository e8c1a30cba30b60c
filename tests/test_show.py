from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.language import make_doc
from pipeline.reader import parse_article, read_file
from pipeline.tables import doc_rows
from pipeline.views.show import MENTION, PARAGRAPH, QUOTE, Mark, is_heading, nest, render_article

SEED = Path(__file__).resolve().parents[1] / "corpus" / "000_031d1bba9356b88f.txt"
LABEL_TEXT = {"tag", "qbadge", "sbadge"}  # decorations, not article text


class Elements(HTMLParser):
    """Every element of the article as (tag, attrs, text without decorations), in document order."""

    def __init__(self):
        super().__init__()
        self.elements, self.open, self.hidden = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        decoration = bool(LABEL_TEXT & set(attrs.get("class", "").split()))
        self.hidden += decoration
        element = {"tag": tag, "attrs": attrs, "text": "", "decoration": decoration}
        self.elements.append(element)
        self.open.append(element)

    def handle_endtag(self, tag):
        element = self.open.pop()
        assert element["tag"] == tag, f"</{tag}> closes <{element['tag']}>"
        self.hidden -= element["decoration"]

    def handle_data(self, data):
        if not self.hidden:
            for element in self.open:
                element["text"] += data


def parse(html: str) -> list[dict]:
    parser = Elements()
    parser.feed(html[html.index('<article class="article">'):html.index("</article>") + len("</article>")])
    assert parser.open == []
    return parser.elements


def with_class(elements, name):
    return [e for e in elements if name in e["attrs"].get("class", "").split()]


@pytest.fixture(scope="module")
def seed(nlp):
    article, _ = read_file(SEED)
    doc = nlp(make_doc(nlp, article))
    return render_article(article, doc), doc_rows(article, doc)


def para(start, end):
    return Mark(start, end, PARAGRAPH, "p")


@pytest.mark.parametrize("raw, marks, expected", [
    ("ab cd", [para(0, 5), Mark(0, 2, MENTION, "b")], "<p><b>ab</b> cd</p>"),
    # crossing marks: the later one is split, its badge and label appear once
    ("abcdef", [para(0, 6), Mark(0, 4, QUOTE, "i", first="[", anchor="q"), Mark(2, 6, MENTION, "b", last="]")],
     '<p><i id="q">[ab<b>cd</b></i><b>ef]</b></p>'),
    # same span: the lower layer is outside
    ("ab", [para(0, 2), Mark(0, 2, MENTION, "b"), Mark(0, 2, QUOTE, "i")], "<p><i><b>ab</b></i></p>"),
    # a quote over two paragraphs is split at the break; text between paragraphs is dropped
    ("ab\n\ncd", [para(0, 2), para(4, 6), Mark(1, 5, QUOTE, "i")], "<p>a<i>b</i></p><p><i>c</i>d</p>"),
    ("a<b & c", [para(0, 7)], "<p>a&lt;b &amp; c</p>"),
    ("header", [], ""),
])
def test_nest(raw, marks, expected):
    assert nest(raw, marks) == expected


@pytest.mark.parametrize("paragraph, expected", [
    ("Ministerin kündigt neue Regeln für Mietwohnungen an", True),
    ("Ministerin kündigt neue Regeln für Mietwohnungen an.", False),
    ('"Wir sind bereit"', False),
    ("Eine Zeile\nund noch eine", False),
    (" ".join(["Wort"] * 16), False),
])
def test_is_heading(paragraph, expected):
    assert is_heading(paragraph) is expected


def test_every_mention_and_quote_is_drawn(seed):
    html, rows = seed
    elements = parse(html)
    mentions = with_class(elements, "ent")
    assert [m["text"] for m in mentions] == [m["text"] for m in rows["mentions"]]
    pieces = defaultdict(str)
    for element in with_class(elements, "quote"):
        pieces[int(element["attrs"]["data-quote"])] += element["text"]
    assert {n: " ".join(t.split()) for n, t in pieces.items()} == \
        {q["quote_id"]: " ".join(q["text"].split()) for q in rows["quotes"]}


@pytest.mark.parametrize("text, label, name", [
    ("Friedrich Merz", "PER", "Friedrich Merz"),
    ("Merz", "PER", "Friedrich Merz"),
    ("Keir Starmer", "PER", "Keir Starmer"),
    ("Ukraine", "LOC", "Ukraine"),
    ("Bundeswehr", "ORG", "Bundeswehr"),
])
def test_mentions_show_label_and_canonical_name(seed, text, label, name):
    mentions = with_class(parse(seed[0]), "ent")
    assert any(m["text"] == text and f"ent-{label}" in m["attrs"]["class"]
               and m["attrs"]["title"].startswith(f"{name} · {label}") for m in mentions), text


def test_quotes_link_to_their_speakers(seed):
    html, rows = seed
    elements = parse(html)
    ids = {e["attrs"]["id"]: e for e in elements if "id" in e["attrs"]}
    attributed = [q for q in rows["quotes"] if q["speaker_start_char"] is not None]
    assert attributed, "the seed article has attributed quotes"
    for q in attributed:
        quote = ids[f"q{q['quote_id']}"]
        assert f"q-{q['type']}" in quote["attrs"]["class"]
        target = f"speaker-{q['speaker_start_char']}-{q['speaker_end_char']}"
        assert f'href="#{target}"' in html
        speaker = ids[target]
        assert speaker["text"] == q["speaker_text"]
        assert str(q["quote_id"]) in speaker["attrs"]["data-quotes"].split()
        if q["speaker"] is not None:
            assert q["speaker"] in speaker["attrs"]["title"] and q["speaker"] in quote["attrs"]["title"]


def test_seed_quote_by_a_description_names_the_person(seed):
    html, rows = seed
    merz = [q for q in rows["quotes"] if q["speaker_text"] == "der CDU-Politiker"]
    assert merz and merz[0]["speaker"] == "Friedrich Merz" and merz[0]["type"] == "direct"
    element = next(e for e in parse(html) if e["attrs"].get("id", "").startswith(
        f"speaker-{merz[0]['speaker_start_char']}-"))
    assert element["text"] == "der CDU-Politiker" and "Friedrich Merz" in element["attrs"]["title"]
    assert "<b>Friedrich Merz</b>" in html  # in the quotes table


def test_page_is_self_contained(seed):
    html = seed[0]
    assert "http://" not in html and "https://" not in html and "<link" not in html


def test_article_without_quotes_or_entities(nlp):
    article = parse_article("date 2024-01-01 Es regnet.\n\nMorgen wird es wieder warm.", "plain", "test")
    html = render_article(article, nlp(make_doc(nlp, article)))
    assert "No quotes found." in html and "No entities found." in html
    assert "Morgen wird es wieder warm." in html and "date 2024" not in html


def test_cli_writes_default_path(nlp, tmp_path, monkeypatch, capsys):
    import pipeline.engine  # noqa: F401  (the command imports it; imported under the patch, it would keep the stub)
    monkeypatch.setattr("pipeline.language.build_nlp", lambda *args: nlp)
    monkeypatch.chdir(tmp_path)
    assert main(["show", str(SEED)]) == 0
    out = Path("outputs/show/000_031d1bba9356b88f.html")
    assert capsys.readouterr().out.strip() == str(out) and "Friedrich Merz" in out.read_text(encoding="utf-8")
    assert main(["show", str(SEED), "--html", "x/page.html"]) == 0 and Path("x/page.html").exists()


def test_cli_unreadable_article(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["show", str(empty), "--html", str(tmp_path / "out.html")]) == 1
    assert "empty" in capsys.readouterr().err and not (tmp_path / "out.html").exists()


def test_cli_shows_an_article_longer_than_the_pipeline_takes_at_once(nlp, tmp_path, monkeypatch, capsys):
    """Over spaCy's max_length (E088 before): processed in sections like `pipeline run`."""
    monkeypatch.setattr("pipeline.language.build_nlp", lambda *args: nlp)
    monkeypatch.setattr(nlp, "max_length", 2_000)
    paragraph = "„Wir handeln jetzt“, sagte Bundeskanzler Friedrich Merz in Berlin."
    long = tmp_path / "lang.txt"
    long.write_text("date 2024-01-01 Lede.\n\n" + "\n\n".join([paragraph] * 80), encoding="utf-8")
    assert main(["show", str(long), "--html", str(tmp_path / "lang.html")]) == 0
    elements = parse((tmp_path / "lang.html").read_text(encoding="utf-8"))
    assert len(with_class(elements, "quote")) == 80
    assert {e["text"] for e in with_class(elements, "cue")} == {"sagte"}


def test_cli_shows_an_article_of_over_a_million_characters(tmp_path, sentences_config):
    paragraph = "In Berlin tagte am Montag der Bundestag, und viele Abgeordnete sprachen lange."
    long = tmp_path / "lang.txt"
    long.write_text("date 2024-01-01 Lede.\n\n" + "\n\n".join([paragraph] * 14_000), encoding="utf-8")
    assert len(long.read_text(encoding="utf-8")) > 1_100_000
    page = tmp_path / "lang.html"
    assert main(["show", str(long), "--html", str(page), "--config", str(sentences_config)]) == 0
    assert page.read_text(encoding="utf-8").count(paragraph) == 14_000
