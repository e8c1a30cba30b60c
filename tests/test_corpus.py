"""Corpus identities: one entity_key per real-world entity across articles, corpus_entities, quote groups."""
import pytest

import pipeline
from pipeline.corpus import local_key


@pytest.fixture
def extract(nlp):
    return lambda texts: pipeline.extract(texts, nlp=nlp)


def keys(tables, name):
    entities = tables["entities"]
    return dict(zip(entities.article_id + "/" + entities.name, entities.entity_key))[name]


@pytest.mark.parametrize("texts, same", [
    # a person in full, then by surname only in another article
    (["date 2025-03-01 Bundeskanzler Friedrich Merz reiste nach Paris.", "date 2025-03-05 Merz sagte, das sei gut."],
     ["1/Friedrich Merz", "2/Merz"]),
    # a place by its gazetteer id
    (["Die USA drohten mit Zöllen.", "In den Vereinigten Staaten wird gewählt."], ["1/USA", "2/Vereinigte Staaten"]),
    # an organisation by an acronym another article introduced
    (["Das Institut für Quastenkunde (IQK) warnte.", "Das IQK warnte erneut."], ["1/Institut für Quastenkunde", "2/IQK"]),
    # a rare first name alone
    (["Der Premier Thaksin Shinawatra kam nach Bangkok.", "Thaksin sagte, das sei gut."], ["1/Thaksin Shinawatra", "2/Thaksin"]),
    # case does not matter
    (["Die NATO tagte in Brüssel.", "Die Nato tagte erneut."], ["1/NATO", "2/Nato"]),
])
def test_the_same_entity_written_differently_gets_one_key(extract, texts, same):
    tables = extract(texts)
    assert len({keys(tables, name) for name in same}) == 1


@pytest.mark.parametrize("texts, different", [
    # two people with the surname: the surname alone stays apart
    (["Friedrich Merz kam nach Berlin.", "Anja Merz kam nach Bonn.", "Merz sagte, das sei gut."],
     ["1/Friedrich Merz", "2/Anja Merz", "3/Merz"]),
    # a common first name alone names no one in particular
    (["Friedrich Merz kam nach Berlin.", "Opa Friedrich sagte, das sei gut."], ["1/Friedrich Merz", "2/Friedrich"]),
    # an acronym no article introduced stays apart
    (["Das Institut für Quastenkunde warnte.", "Das IQK warnte erneut."], ["1/Institut für Quastenkunde", "2/IQK"]),
    # the one person with that surname, but named years apart
    (["date 2019-01-01 Lena Vogt kam nach Berlin.", "date 2025-06-01 Vogt sagte, das sei gut."],
     ["1/Lena Vogt", "2/Vogt"]),
])
def test_different_or_unproven_people_keep_their_own_keys(extract, texts, different):
    tables = extract(texts)
    assert len({keys(tables, name) for name in different}) == len(different)


def test_corpus_entities_counts_names_articles_quotes_and_dates(extract):
    tables = extract(["date 2025-03-01 Bundeskanzler Friedrich Merz sagte, die Lage sei ernst.",
                      "date 2025-03-09 Merz sagte, die Lage sei ernst.", "date 2025-02-01 Olaf Scholz kam."])
    corpus = tables["corpus_entities"].set_index("entity_key")
    merz = corpus.loc["PER:friedrich merz"]
    assert (merz["name"], merz["aliases"], merz["n_articles"], merz["n_quotes"]) == (
        "Friedrich Merz", "Friedrich Merz (1); Merz (1)", 2, 2)
    assert (str(merz["first_date"].date()), str(merz["last_date"].date())) == ("2025-03-01", "2025-03-09")
    assert (merz["role"], merz["gender"]) == ("Bundeskanzler", "m")
    quotes = tables["quotes"]
    assert list(quotes.speaker_key) == ["PER:friedrich merz"] * 2
    assert quotes.quote_group.nunique() == 1  # the same claim in two articles


@pytest.mark.parametrize("texts, key, name", [
    # the name the key was made from, not the fuller inflected form
    (["Die Abgeordneten des Deutschen Bundestages stimmten ab.", "Der Bundestag tagte in Berlin."],
     "ORG:bundestag", "Bundestag"),
    (["Die Regierung der Russischen Föderation warnte.", "Russland warnte erneut."], "LOC:russland", "Russland"),
    # without it, the fullest name
    (["Bundeskanzler Friedrich Merz reiste nach Paris.", "Merz sagte, das sei gut."],
     "PER:friedrich merz", "Friedrich Merz"),
])
def test_the_display_name_is_the_one_the_key_was_made_from(extract, texts, key, name):
    corpus = extract(texts)["corpus_entities"].set_index("entity_key")
    assert corpus.loc[key, "name"] == name


@pytest.mark.parametrize("left, right, same", [
    ("Friedrich Merz sagte: „Die Lage ist ernst.“", "Merz sagte: „die Lage  ist ernst“", True),
    ("Friedrich Merz sagte: „Die Lage ist ernst.“", "Merz sagte: „Die Lage ist gut.“", False),
    ("Friedrich Merz sagte: „Die Lage ist ernst.“", "Olaf Scholz sagte: „Die Lage ist ernst.“", False),
])
def test_quote_groups_ignore_case_spacing_and_end_punctuation(extract, left, right, same):
    quotes = extract([left, right])["quotes"]
    assert quotes["quote_group"].notna().all() and (quotes["quote_group"].nunique() == 1) == same


def test_a_quote_without_a_speaker_entity_has_no_group(extract):
    quotes = extract(["„Die Lage ist ernst“, hieß es."])["quotes"]
    assert len(quotes) == 1 and quotes["quote_group"].isna().all()


def test_local_keys_fold_case_and_spaces():
    assert local_key("PER", "Friedrich  Merz") == local_key("PER", "friedrich merz") == "PER:friedrich merz"


@pytest.mark.parametrize("first, later", [("0001-01-01", "0001-02-01"), ("9999-12-01", "9999-12-31")])
def test_dates_at_the_ends_of_the_calendar(extract, first, later):
    tables = extract([f"date {first} Lena Vogt kam nach Berlin.", f"date {later} Vogt sagte, das sei gut."])
    assert keys(tables, "1/Lena Vogt") == keys(tables, "2/Vogt")
