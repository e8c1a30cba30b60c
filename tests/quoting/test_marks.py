"""Pairing quotation marks: (opening mark, closing mark or None when unclosed, quoted words)."""
import pytest
import spacy

from pipeline.quoting.marks import quotations


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("de")


@pytest.mark.parametrize("text, expected", [
    ("„Wir kommen“, sagte er.", [("„", "“", "Wir kommen")]),
    ("»Ja«, sagte sie.", [("»", "«", "Ja")]),
    ('Er nannte das "absurd".', [('"', '"', "absurd")]),
    ("„Eins“ und „Zwei“ gingen.", [("„", "“", "Eins"), ("„", "“", "Zwei")]),
    # unbalanced marks end at a paragraph break or at the next opener of the same kind
    ("Er sagte: „Wir bleiben.\n\nDie Sitzung endete.", [("„", None, "Wir bleiben.")]),
    ("„Erst „so“, dann anders“, sagte er.", [("„", None, "Erst"), ("„", "“", "so")]),
    # no quotations: apostrophes, single marks, plain text
    ("Sie hörten Rock ’n’ Roll.", []),
    ("Der ‚Plan‘ steht.", []),
    ("Kein Zitat hier.", []),
])
def test_quotations(nlp, text, expected):
    doc = nlp.make_doc(text)
    found = [(doc[q.open].text, None if q.close is None else doc[q.close].text,
              doc[q.open + 1:q.end if q.close is None else q.close].text) for q in quotations(doc)]
    assert found == expected

