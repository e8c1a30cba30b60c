import pytest


def entities(doc):
    return sorted((v["name"], v["label"], sum(e._.entity_id == k for e in doc.ents)) for k, v in doc._.entities.items())


@pytest.mark.parametrize("text, expected", [
    ("Merz kam. Bundeskanzler Friedrich Merz sprach. Merz ging.", [("Friedrich Merz", "PER", 3)]),
    ("Außenminister Johann Wadephul reiste. Bundesaußenminister Wadephul (CDU) kam.",
     [("CDU", "ORG", 1), ("Johann Wadephul", "PER", 2)]),
    ("Russland und Russlands Nachbarn.", [("Russland", "LOC", 2)]),
    ("Präsident Donald Trump und Präsidentin Melania Trump kamen.",
     [("Donald Trump", "PER", 1), ("Melania Trump", "PER", 1)]),
    # two people with one surname: a bare surname is the one named last before it
    ("Präsident John Kennedy kam. Kennedy sprach. Dann kam Caroline Kennedy. Kennedy sagte, sie sei froh.",
     [("Caroline Kennedy", "PER", 2), ("John Kennedy", "PER", 2)]),
    ("Kennedy kam. Caroline Kennedy sprach. Präsident John Kennedy kam. Kennedy sagte, er sei froh.",
     [("Caroline Kennedy", "PER", 2), ("John Kennedy", "PER", 2)]),
    ("Das Treffen des sogenannten Weimarer Dreiecks.", [("Weimarer Dreieck", "ORG", 1)]),
    # a particle capitalised at a sentence start joins the name written in lower case
    ("Von der Leyen kam. Später sprach Ursula von der Leyen.", [("Ursula von der Leyen", "PER", 2)]),
    ("Van Gaal kam. Trainer Louis van Gaal ging.", [("Louis van Gaal", "PER", 2)]),
    ("Al Gore kam. Dann sprach Al Gore.", [("Al Gore", "PER", 2)]),
    # an acronym in brackets names the organisation before it, there and later
    ("Das Deutsche Institut für Wirtschaftsforschung (DIW) warnt. Das DIW rechnet mit Verlusten.",
     [("Deutsche Institut für Wirtschaftsforschung", "ORG", 3)]),
    # not an acronym of something else, nor a place in brackets
    ("Das Programm der Vereinten Nationen (UNEP) warnt.", [("UNEP", "ORG", 1), ("Vereinte Nationen", "ORG", 1)]),
    ("Die SPD (Berlin) kam.", [("Berlin", "LOC", 1), ("SPD", "ORG", 1)]),
])
def test_entities(process, text, expected):
    assert entities(process(text)) == expected


def test_entity_ids_are_scoped_by_article(process):
    doc = process("Berlin ist groß.", article_id="art-7")
    assert [e._.entity_id for e in doc.ents] == ["art-7:E1"]
