"""`pipeline.load` and `pipeline.extract`: the tables for texts given from Python."""
from datetime import date

import pandas as pd
import pytest

import pipeline
from pipeline.reader import parse_article
from pipeline.schema import TABLES


@pytest.fixture
def extract(nlp):
    return lambda data: pipeline.extract(data, nlp=nlp)


def test_a_text_gives_every_table(extract):
    tables = extract("Bundeskanzler Friedrich Merz sagte in Berlin, die Lage sei ernst.")
    assert set(tables) == set(TABLES)
    assert list(tables["quotes"]["speaker"]) == ["Friedrich Merz"]
    assert list(tables["quotes"]["text"]) == ["die Lage sei ernst"]
    for name, df in tables.items():
        assert list(df.columns) == TABLES[name].column_names


@pytest.mark.parametrize("text, entity, written", [
    # matched as if written plainly; every offset and text is the article's as written
    ("Bundes\u00adkanzler Friedrich Merz sagte in Ber\u00adlin, die Lage sei ernst.", "Berlin", "Ber\u00adlin"),
    ("Friedrich\u00a0Merz sagte in Berlin, die Lage sei ernst.", "Friedrich Merz", "Friedrich\u00a0Merz"),
    ("In Mu\u0308nchen sagte Friedrich Merz, die Lage sei ernst.", "München", "Mu\u0308nchen"),
])
def test_written_variants_are_found_at_their_offsets(extract, text, entity, written):
    tables = extract(text)
    mentions = tables["mentions"].merge(tables["entities"][["entity_id", "name"]], on="entity_id")
    assert written in set(mentions.loc[mentions["name"] == entity, "text"])
    for row in tables["mentions"].itertuples():
        assert text[row.start_char:row.end_char] == row.text
    [quote] = tables["quotes"].itertuples()
    assert (quote.speaker, quote.text) == ("Friedrich Merz", text[quote.start_char:quote.end_char])
    assert text[quote.speaker_start_char:quote.speaker_end_char] == quote.speaker_text


@pytest.mark.parametrize("data, ids, dates", [
    (["Olaf Scholz kam.", "date 2024-05-01 Anna Berger ging."], ["1", "2"], [None, date(2024, 5, 1)]),
    ([parse_article("date 2024-02-03 Merz kam.", "merz", "mine")], ["merz"], [date(2024, 2, 3)]),
    (pd.DataFrame({"id": ["a", 7], "text": ["Scholz kam.", "Merz ging."], "date": ["2024-01-02", None]}),
     ["7", "a"], [None, date(2024, 1, 2)]),
])
def test_texts_articles_and_data_frames(extract, data, ids, dates):
    articles = extract(data)["articles"]
    assert list(articles["article_id"]) == ids
    assert [None if pd.isna(d) else d.date() for d in articles["date"]] == dates


def test_duplicate_ids_and_bad_input(extract):
    tables = extract(pd.DataFrame({"id": ["x", "x"], "text": ["Eins.", "Zwei."], "date": ["gestern", None]}))
    assert list(tables["articles"]["article_id"]) == ["x"]
    assert sorted(tables["errors"]["error"]) == ["bad_date", "duplicate_id", "no_date"]
    with pytest.raises(ValueError, match="'id' and 'text' columns"):
        extract(pd.DataFrame({"text": ["Eins."]}))


def test_load_builds_once(nlp):
    assert pipeline.load() is pipeline.load()


def test_load_takes_the_options_of_pipeline_run(tmp_path):
    patterns = tmp_path / "patterns.jsonl"
    patterns.write_text('{"label": "ORG", "pattern": "Quastenflosser Werke"}\n', encoding="utf-8")
    nlp = pipeline.load(patterns=[patterns])
    assert nlp is not pipeline.load() and nlp is pipeline.load(patterns=[patterns])
    doc = nlp("Die Quastenflosser Werke bauen Boote.")
    assert [(e.text, e.label_, e._.method) for e in doc.ents] == [("Quastenflosser Werke", "ORG", "user_pattern")]


def test_speakers_view(extract):
    tables = extract(["date 2025-03-01 Bundeskanzler Friedrich Merz sagte, die Lage sei ernst.",
                      "date 2025-03-04 „Wir handeln jetzt“, sagte Merz.", "Kurze Meldung aus Hamburg."])
    view = pipeline.speakers(tables)
    assert view[["entity_key", "n_quotes", "direct", "indirect", "reported"]].values.tolist() == [
        ["PER:friedrich merz", 2, 1, 1, 0]]
    assert (str(view["first_quote"][0].date()), str(view["last_quote"][0].date())) == ("2025-03-01", "2025-03-04")
