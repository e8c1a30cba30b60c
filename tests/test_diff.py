"""`pipeline diff`: pure comparison of tables (pipeline.compare) and the command on two real runs."""
import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.compare import diff_tables, summary
from pipeline.run import run
from pipeline.schema import TABLES

MERZ = {"article_id": "a", "entity_id": "a:E1", "name": "Friedrich Merz", "label": "PER", "n_mentions": 1,
        "first_char": 0}
MERZ_MENTION = {"article_id": "a", "mention_id": 1, "entity_id": "a:E1", "label": "PER", "text": "Merz",
                "start_char": 0, "end_char": 4}
QUOTE = {"article_id": "a", "quote_id": 1, "type": "direct", "text": "Wir handeln", "start_char": 20,
         "end_char": 31, "cue": "sagen", "speaker": "Friedrich Merz", "speaker_text": "Merz"}


MERZ_KEY = {"entity_key": "PER:friedrich merz", "label": "PER", "name": "Friedrich Merz", "n_articles": 1,
            "n_mentions": 1, "n_quotes": 1}


def tables(corpus_entities=(MERZ_KEY,), **rows) -> dict:
    rows["corpus_entities"] = corpus_entities
    return {name: TABLES[name].frame(list(rows.get(name, []))) for name in TABLES}


def rows(changes, columns: list[str]) -> list[tuple]:
    plain = changes[columns].astype(object)
    return list(plain.where(plain.notna(), None).itertuples(index=False, name=None))


OLD = tables(mentions=[MERZ_MENTION], entities=[MERZ], quotes=[QUOTE])


@pytest.mark.parametrize("new, expected", [
    pytest.param(OLD, [], id="identical"),
    pytest.param(  # a new entity takes E1, Merz becomes E2: ids shift, nothing about Merz changed
        tables(mentions=[{**MERZ_MENTION, "entity_id": "a:E2"},
                         {**MERZ_MENTION, "entity_id": "a:E1", "label": "LOC", "text": "Berlin",
                          "start_char": 10, "end_char": 16}],
               entities=[{**MERZ, "entity_id": "a:E2"},
                         {**MERZ, "entity_id": "a:E1", "name": "Berlin", "label": "LOC"}],
               quotes=[QUOTE]),
        [("mentions", "added", "label", None, "LOC"), ("mentions", "added", "entity", None, "Berlin"),
         ("entities", "added", "n_mentions", None, "1")],
        id="shifted-ids-added-entity"),
    pytest.param(
        tables(mentions=[{**MERZ_MENTION, "label": "ORG"}], entities=[{**MERZ, "label": "ORG"}], quotes=[QUOTE]),
        [("mentions", "changed", "label", "PER", "ORG"),
         ("entities", "added", "n_mentions", None, "1"), ("entities", "removed", "n_mentions", "1", None)],
        id="label-changed"),
    pytest.param(
        tables(mentions=[MERZ_MENTION], entities=[MERZ], quotes=[{**QUOTE, "speaker": None, "type": "indirect"}]),
        [("quotes", "changed", "type", "direct", "indirect"), ("quotes", "changed", "speaker", "Friedrich Merz", None)],
        id="quote-changed"),
    pytest.param(
        tables(mentions=[MERZ_MENTION], entities=[MERZ]),
        [("quotes", "removed", f, QUOTE[f], None) for f in ("type", "speaker", "cue", "speaker_text")],
        id="quote-removed"),
    pytest.param(  # across the corpus: the same key with one more quote
        tables(mentions=[MERZ_MENTION], entities=[MERZ], quotes=[QUOTE], corpus_entities=[{**MERZ_KEY, "n_quotes": 2}]),
        [("corpus_entities", "changed", "n_quotes", "1", "2")],
        id="corpus-entity-changed"),
])
def test_diff_tables(new, expected):
    changes = diff_tables(OLD, new)
    assert rows(changes, ["table", "change", "field", "old", "new"]) == expected
    in_articles = any(table != "corpus_entities" for table, *_ in expected)
    assert summary(changes).startswith("Differences in 1 article(s): a" if in_articles
                                       else "Differences in 0 article(s)" if expected else "No differences.")


ARTICLES = {
    "a1": "date 2024-03-05 Bundeskanzler Friedrich Merz hat in Berlin neue Hilfen angekündigt.\n\n"
          "„Wir müssen jetzt handeln“, sagte Merz am Dienstag vor Journalisten.\n",
    "a2": "date 2024-03-06 In Hamburg streiten Senat und Hafenwirtschaft über die Elbvertiefung.\n\n"
          "Die Umweltsenatorin Anna Schmidt sagte, die Stadt werde die Pläne prüfen.\n",
}


@pytest.fixture(scope="module")
def runs(nlp, tmp_path_factory):
    """Output folders of three runs: the articles, the same again, and with a2's senator renamed."""
    root = tmp_path_factory.mktemp("runs")
    edited = {**ARTICLES, "a2": ARTICLES["a2"].replace("Anna Schmidt", "Anna Schulte")}  # same length
    folders = {}
    for name, articles in (("old", ARTICLES), ("same", ARTICLES), ("edited", edited)):
        corpus = root / f"{name}-corpus"
        corpus.mkdir()
        for article_id, text in articles.items():
            (corpus / f"{article_id}.txt").write_text(text, encoding="utf-8")
        run(nlp, [corpus], root / name, progress=False)
        folders[name] = str(root / name)
    return folders


def test_diff_reports_only_the_edited_article(runs, tmp_path, capsys):
    assert main(["diff", runs["old"], runs["edited"], "--out", str(tmp_path)]) == 1
    changes = pd.read_parquet(tmp_path / "changes.parquet")
    assert set(changes["article_id"].dropna()) == {"a2"}
    # the person's corpus entity: the old key removed and the new one added, with every field it has a value in
    corpus = changes[changes["table"] == "corpus_entities"]
    corpus_fields = ["label", "name", "aliases", "n_articles", "n_mentions", "n_quotes", "first_date", "last_date",
                     "role", "gender"]
    assert rows(corpus, ["article_id", "change", "entity_key", "field"]) == [
        *[(None, "removed", "PER:anna schmidt", field) for field in corpus_fields],
        *[(None, "added", "PER:anna schulte", field) for field in corpus_fields]]
    assert pd.read_csv(tmp_path / "changes.csv").shape == changes.shape
    changes = changes[changes["table"] != "corpus_entities"]
    assert rows(changes, ["table", "field"])[0] == ("articles", "sha256")  # the text was edited
    # the entity with every field it has a value in (role, gender), its mention and quote renamed
    entity_fields = ["n_mentions", "entity_key", "role", "gender"]
    assert rows(changes, ["table", "change", "name", "field"])[1:] == [
        ("mentions", "changed", None, "entity"),
        ("mentions", "changed", None, "entity_key"),
        *[("entities", "removed", "Anna Schmidt", field) for field in entity_fields],
        *[("entities", "added", "Anna Schulte", field) for field in entity_fields],
        ("quotes", "changed", None, "speaker"),
        ("quotes", "changed", None, "speaker_text"),  # "Die Umweltsenatorin Anna Schmidt" or the like
        ("quotes", "changed", None, "speaker_key"),
    ]
    renamed = changes.iloc[1:].query("change == 'changed'")
    assert (renamed["new"] == renamed["old"].str.replace("Schmidt", "Schulte").str.replace("schmidt", "schulte")).all()
    out = capsys.readouterr().out
    assert out.startswith("Differences in 1 article(s): a2") and "entities: 1 added, 1 removed" in out
    assert "corpus_entities: 1 added, 1 removed" in out


def test_diff_of_identical_runs_is_empty(runs, tmp_path, capsys):
    assert main(["diff", runs["old"], runs["same"], "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "No differences.\n"
    assert pd.read_parquet(tmp_path / "changes.parquet").empty


@pytest.mark.parametrize("folders", [["missing-old", "missing-new"], [".", "."]])
def test_diff_without_output_folders_is_a_usage_error(folders, tmp_path, capsys):
    assert main(["diff", *(str(tmp_path / f) for f in folders)]) == 2
    assert "pipeline diff:" in capsys.readouterr().err
