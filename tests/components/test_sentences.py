import pytest


@pytest.mark.parametrize("text, expected", [
    ("Er kam. Sie ging.", ["Er kam.", "Sie ging."]),
    ("„Wir sind bereit.“ Dann ging er.", ["„Wir sind bereit.“", "Dann ging er."]),
    ("„Was soll das?“, fragte er.", ["„Was soll das?“, fragte er."]),
    ("Am 1. Januar kam er z.B. nach Berlin.", ["Am 1. Januar kam er z.B. nach Berlin."]),
    ("Der Wert lag bei 7,1. Nach Angaben der Behörde sinkt er.", ["Der Wert lag bei 7,1.", "Nach Angaben der Behörde sinkt er."]),
    ("Am 1.3. kam er.", ["Am 1.3. kam er."]),
    ("Überschrift ohne Punkt\n\nDer Text folgt.", ["Überschrift ohne Punkt", "Der Text folgt."]),
    ('"Ziel sei es, zu helfen." Auch weitere Staaten', ['"Ziel sei es, zu helfen."', "Auch weitere Staaten"]),
    # a letter with a period ends a sentence after an article and a noun, and is an initial elsewhere
    ("Er schrieb auf der Plattform X. Der Minister sagte nichts.",
     ["Er schrieb auf der Plattform X.", "Der Minister sagte nichts."]),
    ("Präsident George W. Bush kam. Malcolm X. Little sprach.", ["Präsident George W. Bush kam.", "Malcolm X. Little sprach."]),
    # a number with its period before a capitalised function word ends the sentence; an ordinal takes a noun
    ("Sie regiert das Land seit 2019. Sie darf nicht mehr antreten.",
     ["Sie regiert das Land seit 2019.", "Sie darf nicht mehr antreten."]),
    ("Gekommen waren etwa 2.000. Zu dem Protest riefen zehn Gruppen auf.",
     ["Gekommen waren etwa 2.000.", "Zu dem Protest riefen zehn Gruppen auf."]),
    ("Das Spiel endete 3:1. Damit steigt der Verein auf.", ["Das Spiel endete 3:1.", "Damit steigt der Verein auf."]),
    ("Am 2. Tag kam er. Zum 3. Mal siegte sie. Die 4. Große Kammer tagt.",
     ["Am 2. Tag kam er.", "Zum 3. Mal siegte sie.", "Die 4. Große Kammer tagt."]),
])
def test_sentence_boundaries(process, text, expected):
    doc = process(text)
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences == expected


@pytest.mark.parametrize("words, max_tokens, lengths", [
    # a run without a sentence end is cut after its last clause mark within the limit ...
    (["Punkt", ","] * 7, 5, [4, 4, 4, 2]),
    (["eins", "zwei", ";", "drei"] * 3, 6, [3, 4, 5]),
    # ... else at the limit; a sentence within it is left as it is
    (["Wort"] * 12, 5, [5, 5, 2]),
    (["Er", "kam", "."] * 2, 3, [3, 3]),
])
def test_overlong_sentences_are_cut(nlp, words, max_tokens, lengths):
    from spacy.tokens import Doc

    from pipeline.components.sentences import SentenceSegmenter

    doc = SentenceSegmenter(nlp, max_tokens=max_tokens)(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
    assert [len(sentence) for sentence in doc.sents] == lengths


def test_a_run_without_punctuation_takes_linear_time(process):
    doc = process(" ".join(["„Das ist"] * 3000))  # cut into sentences of 300 tokens: rules stay linear
    assert max(len(sentence) for sentence in doc.sents) <= 300
