"""Checks on the lexical resources built by scripts/build_resources.py."""
from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "pipeline" / "data"


def _jsonl(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _tsv(name: str) -> dict[str, str]:
    with (DATA / name).open(encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return {r[0]: r[1] for r in rows[1:]}


@pytest.fixture(scope="module")
def all_entries() -> list[dict]:
    return _jsonl("gazetteer.jsonl")


@pytest.fixture(scope="module")
def gazetteer(all_entries) -> list[dict]:
    """The entries taken wherever they match."""
    return [p for p in all_entries if not p.get("ambiguous")]


@pytest.fixture(scope="module")
def ambiguous(all_entries) -> dict[str, dict]:
    """The entries that are also common words, taken only in context."""
    return {p["pattern"]: p for p in all_entries if p.get("ambiguous")}


@pytest.fixture(scope="module")
def gaz_index(gazetteer) -> dict[str, tuple[str, str]]:
    return {p["pattern"]: (p["label"], p["id"]) for p in gazetteer}


@pytest.fixture(scope="module")
def first_names() -> dict[str, str]:
    return _tsv("first_names.tsv")


@pytest.fixture(scope="module")
def word_classes() -> dict[str, str]:
    return _tsv("word_classes.tsv")


@pytest.fixture(scope="module")
def common_nouns() -> set[str]:
    with gzip.open(DATA / "common_nouns.txt.gz", "rt", encoding="utf-8") as f:
        return set(f.read().split("\n")) - {""}


def test_pattern_format(all_entries):
    for p in all_entries:
        marks = {"ambiguous", "title"} if p.get("title") else {"ambiguous"} if p.get("ambiguous") else set()
        assert set(p) == {"label", "pattern", "id"} | marks
        assert p["label"] in {"PER", "LOC", "ORG"}
        assert isinstance(p["pattern"], str) and p["pattern"].strip() == p["pattern"] != ""


def test_no_duplicate_patterns(all_entries):
    patterns = [p["pattern"] for p in all_entries]
    assert len(patterns) == len(set(patterns))


@pytest.mark.parametrize("pattern,label,ident", [
    ("Russland", "LOC", "Russland"),
    ("Russlands", "LOC", "Russland"),
    ("Russische Föderation", "LOC", "Russland"),
    ("Deutschlands", "LOC", "Deutschland"),
    ("Moskaus", "LOC", "Moskau"),
    ("Bayern", "LOC", "Bayern"),
    ("Nordrhein-Westfalen", "LOC", "Nordrhein-Westfalen"),
    ("Vereinigten Staaten", "LOC", "Vereinigte Staaten"),
    ("USA", "LOC", "Vereinigte Staaten"),
    ("Kyjiw", "LOC", "Kiew"),
    ("Gazastreifen", "LOC", "Gazastreifen"),
    ("CDU", "ORG", "Christlich Demokratische Union Deutschlands"),
    ("Bundesregierung", "ORG", "Bundesregierung"),
    ("Bundestages", "ORG", "Bundestag"),
    ("Bundestags", "ORG", "Bundestag"),
    ("Europäischen Union", "ORG", "Europäische Union"),
    ("Vereinten Nationen", "ORG", "Vereinte Nationen"),
    ("Weißen Hauses", "ORG", "Weißes Haus"),
    ("Nato", "ORG", "Nato"),
    ("Borussia Dortmund", "ORG", "Borussia Dortmund"),
    ("Punta Arenas", "LOC", "Punta Arenas"),  # a world city of several words (GeoNames)
    ("Niederlanden", "LOC", "Niederlande"),  # the dative of a place name that is a plural
])
def test_gazetteer_entries(gaz_index, pattern, label, ident):
    assert gaz_index.get(pattern) == (label, ident)


@pytest.mark.parametrize("part, whole", [
    # a region, a chamber, a parent company or a sister station is an entity of its own, not a variant
    ("Osteuropa", "Europa"), ("Nordafrika", "Afrika"), ("Oberfranken", "Mittelfranken"), ("Niederbayern", "Oberbayern"),
    ("Nordatlantik", "Atlantik"), ("Ost-Jerusalem", "Jerusalem"), ("Westsahara", "Sahara"),
    ("US-Senat", "US-Kongress"), ("UN-Generalversammlung", "UN-Sicherheitsrat"), ("House of Lords", "House of Commons"),
    ("Rotes Kreuz", "DRK"), ("Alphabet", "Google"), ("Deutschlandradio", "Deutschlandfunk"),
    ("Handball-Bundesliga", "Bundesliga"), ("2. Bundesliga", "Bundesliga"), ("Fresenius Medical Care", "Fresenius"),
    ("SPD-Fraktion", "SPD"), ("Unionsfraktion", "CDU/CSU"), ("Linksfraktion", "Linkspartei"),  # a party's group in parliament
])
def test_variants_name_the_same_entity(gaz_index, part, whole):
    assert gaz_index[part][1] != gaz_index[whole][1]


def test_a_class_noun_is_no_variant(gaz_index):
    assert "Kanton" not in gaz_index  # the Swiss canton before a name, far more often than Guangzhou's old name


def test_no_wrong_inflections(gaz_index):
    for bad in ["Bundesregierungs", "Ukraines", "Türkeis", "Schweizs", "Schweizen", "Russischen Föderations",
                "Europäischen Unions", "Krims"]:
        assert bad not in gaz_index


def test_ambiguous_words_not_in_main_gazetteer(gaz_index, ambiguous):
    for word in ["Zeit", "Welt", "Union", "Essen", "Main"]:
        assert word not in gaz_index
        assert word in ambiguous
    # press titles are written in quotation marks ("„Spiegel“"); a party or a place is not
    assert ambiguous["Spiegel"].get("title") and ambiguous["Welt"].get("title")
    assert not ambiguous["Union"].get("title") and not ambiguous["Essen"].get("title")


def test_common_nouns_veto(common_nouns, first_names, word_classes, gaz_index):
    for word in ["Frieden", "Zukunft", "Boden", "Haus", "Friedens"]:
        assert word in common_nouns
        assert word not in first_names
        assert word not in word_classes
        assert word not in gaz_index
    # names are not vetoed
    for word in ["Merz", "Berlin", "Angela", "Müller"]:
        assert word not in common_nouns


def test_first_names(first_names):
    assert first_names["Friedrich"] == "m"
    assert first_names["Angela"] == "f"
    assert "Keir" in first_names
    # nam_dict spells the Ukrainian president's name the English way only
    assert "Volodymyr" in first_names
    assert all(g in {"m", "f", "u"} for g in first_names.values())


def test_word_classes(word_classes):
    assert word_classes.get("Merz") == "SURNAME"
    assert word_classes.get("Putin") == "SURNAME"
    assert word_classes.get("Wadephul") == "SURNAME"
    assert word_classes.get("Paris") == "PLACE"
    assert word_classes.get("Michael") == "FIRSTNAME"
    # world cities of one word are places unless the clusters or the dictionary know the word otherwise
    assert word_classes.get("Kalamazoo") == "PLACE"
    assert word_classes.get("Baldwin") == "SURNAME"
    for word in ("Hof", "Nice", "Jupiter"):
        assert word not in word_classes
    # ... nor are English words, which the clusters and GeoNames give as places
    for word in ("Street", "Hook", "District", "Alliance", "Hill"):
        assert word_classes.get(word) != "PLACE"
    assert word_classes.get("Boston") == "PLACE"
    assert set(word_classes.values()) <= {"SURNAME", "FIRSTNAME", "PLACE", "ORG"}


def test_verb_forms():
    forms = set((DATA / "verb_forms.txt").read_text(encoding="utf-8").split())
    assert {"ging", "übernimmt", "beschäftigte", "wurde"} <= forms
    assert not {"offenen", "letzte", "neuen", "sagen"} & forms  # adjectives and infinitives are none


def test_roles():
    roles = _tsv("curated/roles.tsv")
    for w in ["Bundeskanzler", "Bundeskanzlerin", "Präsident", "Präsidentin", "Sondergesandte",
              "Vorsitzende", "Trainer", "Papst", "Herr", "Frau"]:
        assert w in roles
    suffixes = _tsv("curated/role_suffixes.tsv")
    for s in ["minister", "chef", "präsidentin", "gesandte", "politiker"]:
        assert s in suffixes


def test_sorted_outputs():
    for name in ["first_names.tsv", "word_classes.tsv"]:
        keys = list(_tsv(name))
        assert keys == sorted(keys)



def test_role_files_share_one_layout():
    for name in ["curated/roles.tsv", "curated/role_suffixes.tsv", "quotes/roles.tsv"]:
        lines = [line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        assert lines[0] == "word\tkind\tgender", name
        assert all(len(line.split("\t")) == 3 and line.split("\t")[2] in ("", "m", "f") for line in lines[1:]), name
