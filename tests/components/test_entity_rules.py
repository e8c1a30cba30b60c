import pytest


def mentions(doc):
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text, expected", [
    # role nouns before names
    ("Bundeskanzler Friedrich Merz reiste ab.", [("Friedrich Merz", "PER")]),
    ("Der britische Premier Keir Starmer sprach.", [("Keir Starmer", "PER")]),
    ("Das sagte Nato-Chef Mark Rutte am Abend.", [("Mark Rutte", "PER")]),
    ("Es kam US-Unterhändler Witkoff.", [("Witkoff", "PER")]),
    ("Dann sprach EU-Ratspräsident António Costa.", [("António Costa", "PER")]),
    ("Gekommen war der russische Politologe Wladimir Frolow.", [("Wladimir Frolow", "PER")]),
    # party in brackets after a name
    ("Gestern trat Wadephul (CDU) auf.", [("Wadephul", "PER"), ("CDU", "ORG")]),
    # first names, hyphenated and accented
    ("Er traf Jean-Noël Barrot in der Stadt.", [("Jean-Noël Barrot", "PER")]),
    # places: countries, inflected forms, cities
    ("Russlands Armee steht in der Ukraine.", [("Russlands", "LOC"), ("Ukraine", "LOC")]),
    ("Moskau lehnt das ab.", [("Moskau", "LOC")]),
    # organisations: gazetteer and shapes
    ("Die Bundeswehr und der Bundestag beraten.", [("Bundeswehr", "ORG"), ("Bundestag", "ORG")]),
    ("Es geht um die sogenannte Koalition der Willigen.", [("Koalition der Willigen", "ORG")]),
    ("Die Siemens AG meldete Gewinne.", [("Siemens AG", "ORG")]),
    # compounds are not mentions of the entity inside them
    ("Truppen aus Nato-Staaten kommen.", []),
    ("Der CDU-Politiker sprach.", []),
    # common nouns never become entities
    ("Frieden und Zukunft auf ukrainischem Boden.", []),
    ("Am Montag im Januar zahlte er 100 Euro.", []),
])
def test_mentions(process, text, expected):
    assert mentions(process(text)) == expected


def test_later_surname_joins_full_name(process):
    doc = process("Präsident Wladimir Putin feierte. Putins Sprecher und Putin selbst schwiegen.")
    assert mentions(doc) == [("Wladimir Putin", "PER"), ("Putins", "PER"), ("Putin", "PER")]
    assert len({e._.entity_id for e in doc.ents}) == 1
    assert doc._.entities[doc.ents[0]._.entity_id]["name"] == "Wladimir Putin"
