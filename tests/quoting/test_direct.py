"""Direct quotes by their shape: after a colon at any length, and „…“, VERB SPEAKER whatever the verb."""
import pytest

from pipeline.extensions import QUOTES_KEY


def quotes(doc):
    return [(q.text, q._.quote["speaker_text"], q._.quote["cue_text"]) for q in doc.spans[QUOTES_KEY]]


@pytest.mark.parametrize("text, expected", [
    # a sentence of its own after a colon is speech, however short
    ("Der Trainer sagte: „Wir kämpfen.“", [("Wir kämpfen.", "Der Trainer", "sagte")]),
    ("Die Ministerin erklärte: „Nein!“", [("Nein!", "Die Ministerin", "erklärte")]),
    # ... with no speech verb in the lexicon, the subject that opens the sentence said it
    ("Er wies die Kritik zurück: „Unsinn.“", [("Unsinn.", "Er", ":")]),
    ("Dabei griff sie den Präsidenten direkt an: „Das ist eine Schande für das Land.“",
     [("Das ist eine Schande für das Land.", "sie", ":")]),
    # a quotation, a comma, one verb, and a person or organisation closing the sentence
    ("„Das ist ein Skandal“, empörte sich Olaf Scholz.", [("Das ist ein Skandal", "Olaf Scholz", "empörte")]),
    ("„Wir bleiben hart“, polterte der Minister.", [("Wir bleiben hart", "der Minister", "polterte")]),
    # a judgement "als „…“": the judging verb anywhere in the sentence, before or after the quotation
    ("Jonas Wendler bezeichnete drei Strafzettel an einem Tag, an dem er kaum gefahren war, als „Schikane“.",
     [("Schikane", "Jonas Wendler", "bezeichnete")]),
    ("Als „großen Rückschritt“ bezeichnet die Ökonomin Marlene Hausmann die Reform.",
     [("großen Rückschritt", "die Ökonomin Marlene Hausmann", "bezeichnet")]),
    ("Die Bundesregierung hatte den Bericht umgehend als „falsch“ zurückgewiesen.",
     [("falsch", "Die Bundesregierung", "zurückgewiesen")]),
    ("Die Bundesregierung verurteilte den Angriff als „feigen Anschlag“.",
     [("feigen Anschlag", "Die Bundesregierung", "verurteilte")]),
    # a name after a preposition or "als" can still be the judgement
    ("Anna Berger sprach von der „Katastrophe“.", [("Katastrophe", "Anna Berger", "sprach")]),
    # ... not the "als" of another verb
    ("Anna Berger kam als „Beobachterin“ nach Wien und bezeichnete die Lage später als ernst.", []),
    ("Das Werk gilt als „Meilenstein“ der Musik.", []),
    # negative: titles, names and scare quotes
    ("Der Film heißt „Die Brücke“.", []),
    ("Sie las: „Faust“.", []),
    ("Das Motto lautet: „Gemeinsam stark“ und gilt weiter.", []),
    ("„Nie wieder“, steht auf dem Schild.", []),
    ("Die Zeitung „Die Welt“, gegründet 1946, erscheint in Berlin.", []),
])
def test_direct_quote_shapes(process, text, expected):
    assert quotes(process(text)) == expected


@pytest.mark.parametrize("text", [
    # a quoted name after the noun it names, or as the subject of the reporting verb, is no quoted judgement
    "Der Redakteur Max Muster kritisiert in der Tageszeitung „Neues Deutschland“, die Aktion sei fatal.",
    "Die Brauerei will ihre Abfüllung verlegen. Das berichtete die „Getränkezeitung“ in ihrer Wochenausgabe.",
])
def test_quoted_names_are_no_judgements(process, text):
    doc = process(text)
    assert not [q for q in doc.spans[QUOTES_KEY] if q.label_ == "direct"]


@pytest.mark.parametrize("text, expected", [
    # a quotation right after a noun, no punctuation between, is the name it gives that noun, whatever the cue
    ("Anna Berger wurde im Fachblatt „Deutsche Bauzeitung Heute“ zitiert.", []),
    ("Die Gruppen demonstrierten unter dem Motto „Kein Krieg in unserem Namen und nirgendwo!“ Die Polizei sagte, "
     "es sei ruhig geblieben.", []),
    ("Nach dem Fehlstart der Rakete „Orion 2“ will die Firma die Ursache prüfen.", []),
    # ... not the words of a noun of speech, nor a judgement
    ("Sie wird mit den Worten „Wir machen weiter, bis alles geklärt ist“ zitiert.",
     ["Wir machen weiter, bis alles geklärt ist"]),
    ("Der Trainer nannte die Entscheidung „völlig überzogen und falsch“.", ["völlig überzogen und falsch"]),
])
def test_quoted_name_after_its_noun(process, text, expected):
    doc = process(text)
    assert [q.text for q in doc.spans[QUOTES_KEY] if q.label_ == "direct"] == expected


@pytest.mark.parametrize("text, expected", [
    # after a colon, with no speech verb, a plain noun that opens the sentence as its subject said it
    ("Die Fischer des Hafens nehmen es gelassen: „Das ist doch nur ein bisschen Wind.“",
     [("Das ist doch nur ein bisschen Wind.", "Die Fischer des Hafens", ":")]),
    # ... but a name, role or pronoun after the verb is the subject of a sentence that opens with its object
    ("Die Kritik wies der Minister zurück: „Das ist völliger Unsinn.“",
     [("Das ist völliger Unsinn.", "der Minister", ":")]),
])
def test_colon_after_a_noun_subject(process, text, expected):
    assert quotes(process(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # "skandieren" (to chant) is a speech verb: its quotation is what the crowd said
    ("Vor dem Rathaus skandierten die Demonstranten: „Wir bleiben hier!“",
     [("Wir bleiben hier!", "die Demonstranten", "skandierten")]),
    # ... no quote without a quotation or a claim
    ("Die Demonstranten skandierten vor dem Rathaus.", []),
    # "ausrufen" (to exclaim), the separable verb of "rief … aus"
    ("Die Menge skandierte „Nieder mit dem Krieg!“ und die Sprecherin rief vor den Demonstranten aus: „Das ist unser Tag!“",
     [("Nieder mit dem Krieg!", "Die Menge", "skandierte"), ("Das ist unser Tag!", "die Sprecherin", "rief")]),
])
def test_chanted_slogans(process, text, expected):
    assert quotes(process(text)) == expected
