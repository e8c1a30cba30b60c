"""`extract_quotes` is the pure function behind the quotes component: the component's spans are
its token ranges without the marks and spaces at the edges, with the same cue and speaker."""
import pytest

from pipeline.extensions import QUOTES_KEY
from pipeline.quoting import extract_quotes


@pytest.mark.parametrize("text, expected", [
    ("Das Treffen begann am Morgen. „Wir werden die Hilfe ausweiten“, sagte Anna Berger.", [("direct", "sagen", "sagte")]),
    ("Die Lage sei ernst, teilte das Ministerium mit.", [("indirect", "mitteilen", "teilte")]),
    ("Laut der Polizei wurde niemand verletzt.", [("indirect", "laut", "Laut")]),
    ("Die Sitzung endete am Abend.", []),
])
def test_extract_matches_component(nlp, process, text, expected):
    doc = process(text)
    found = extract_quotes(doc, nlp.get_pipe("quotes").lex)
    assert [(f.label, f.cue.lemma, f.cue.text) for f in found] == expected
    spans = doc.spans[QUOTES_KEY]
    assert [(s.label_, s._.quote["speaker_entity_id"]) for s in spans] == [(f.label, f.speaker.entity_id) for f in found]
    assert all(f.start <= s.start and s.end <= f.end for f, s in zip(found, spans))


def test_no_carry_over(nlp, process):
    text = "Das Treffen begann am Morgen. „Wir sind bereit“, sagte Anna Berger. „Die Einzelheiten klären wir in den nächsten Wochen.“"
    lex = nlp.get_pipe("quotes").lex
    carried = extract_quotes(process(text), lex)
    alone = extract_quotes(process(text), lex, carry_over=False)
    assert carried[-1].speaker.method == "carry_over"
    assert alone[-1].speaker.method != "carry_over" and alone[-1].cue is None


@pytest.mark.parametrize("text, speaker, method", [
    # a cue-less Konjunktiv sentence after a sentence whose subject is a named actor (a country, a
    # party, a person): that actor, not the last speaker further back
    ("Die Atombehörde warnte, das Risiko sei hoch. Die Inspekteure reisten ab. Der Iran lud sie später "
     "wieder ein. Sein Programm diene friedlichen Zwecken.", "Der Iran", "previous_subject"),
    # ... also after a fronted adverbial, where the subject follows the finite verb; not inside a clause that
    # opens the sentence with a subordinator
    ("Die Atombehörde warnte, das Risiko sei hoch. Die Inspekteure reisten ab. Nach langem Zögern lud der Iran sie "
     "wieder ein. Sein Programm diene friedlichen Zwecken.", "der Iran", "previous_subject"),
    ("Die Atombehörde warnte, das Risiko sei hoch. Die Inspekteure reisten ab. Nachdem der Iran sie eingeladen "
     "hatte, kehrten sie zurück. Das Programm diene friedlichen Zwecken.", "Die Atombehörde", "carry_over"),
    # ... or a described person or body that opens it
    ("Die Atombehörde warnte, das Risiko sei hoch. Die Inspekteure reisten ab. Der Sprecher der Regierung wies die "
     "Kritik zurück. Die Anlage diene friedlichen Zwecken.", "Der Sprecher der Regierung", "description"),
    # a speech verb with no claim of its own names who goes on speaking; any other verb does not
    ("Am Montag äußerte sich die Ministerin zu dem Vorfall. Die Lage sei unter Kontrolle.", "die Ministerin",
     "carry_over"),
    ("Am Montag brannte ein Lager ab. Die Lage sei unter Kontrolle.", None, None),
    # ... though with no speaker before, who acted in the sentence before is the one the claim reports
    ("Am Montag besuchte die Ministerin den Ort. Die Lage sei unter Kontrolle.", "die Ministerin", "description"),
    # the same for a quote without a cue
    ("Die Atombehörde warnte, das Risiko sei hoch. Die Inspekteure reisten ab. Der Iran lud sie später "
     "wieder ein. „Unser Programm dient friedlichen Zwecken.“", "Iran", "carry_over"),
    # ... but a plain noun as subject there does not take the claim from the last speaker
    ("Die Atombehörde warnte, das Risiko sei hoch. Die Anlage wurde gestern besichtigt. Das Programm "
     "diene friedlichen Zwecken.", "Die Atombehörde", "carry_over"),
])
def test_konjunktiv_speaker_nearby(process, text, speaker, method):
    doc = process(text)
    last = doc.spans[QUOTES_KEY][-1]
    assert (last._.quote["speaker_text"], last._.quote["method"]) == (speaker, method)


@pytest.mark.parametrize("text, speaker_text", [
    # the carried speaker is shown at its last mention before the quote
    ("„Wir sind bereit“, sagte Anna Berger. Danach traf Berger die Minister. „Die Einzelheiten klären wir bald.“",
     "Berger"),
    # no later mention: the first one stays
    ("„Wir sind bereit“, sagte Anna Berger. Danach kamen die Minister. „Die Einzelheiten klären wir bald.“",
     "Anna Berger"),
])
def test_carried_speaker_at_its_nearest_mention(process, text, speaker_text):
    doc = process(text)
    quotes = sorted(doc.spans[QUOTES_KEY], key=lambda q: q.start)
    assert quotes[-1]._.quote["method"] == "carry_over"
    assert quotes[-1]._.quote["speaker_text"] == speaker_text


@pytest.mark.parametrize("text, claim", [
    # "zu" before an infinitive opens a zu-infinitive claim ...
    ("Vogt forderte die Bewohner auf, das Haus zu verlassen.", "das Haus zu verlassen"),
    ("Die Männer werden beschuldigt, an dem Anschlag beteiligt gewesen zu sein.",
     "an dem Anschlag beteiligt gewesen zu sein"),
    # ... "zu" before an article is a preposition: an apposition with it claims nothing
    ("Besorgt äußerte sich auch der Sprecher des Vereins, Paul Haas, zu den Vorgängen in der Stadt: „Wir sind entsetzt.“",
     None),
])
def test_zu_before_an_infinitive_not_before_an_article(nlp, process, text, claim):
    doc = process(text)
    found = [doc[f.start:f.end].text for f in extract_quotes(doc, nlp.get_pipe("quotes").lex) if f.label == "indirect"]
    assert found == ([claim] if claim else [])


@pytest.mark.parametrize("text", [
    "Die Bürgermeisterin sagte:",  # a text cut off after its cue (a section's end, a truncated feed)
    "Die Bürgermeisterin sagte: ",
    "Wie das Amt mitteilte,",
    "Der Trainer erklärte am Abend,",
    "„Wir sind bereit“, sagte",
])
def test_text_ending_after_its_cue_gives_no_claim(nlp, text):
    doc = nlp(text)
    assert [quote.label_ for quote in doc.spans[QUOTES_KEY]] == (["direct"] if "„" in text else [])
