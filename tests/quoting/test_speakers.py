"""Who said it, on whole sentences through the full pipeline: the speaker as written and its method."""
import pytest

from pipeline.extensions import QUOTES_KEY


@pytest.mark.parametrize("text, speaker, method", [
    # impersonal and passive cues: where it was said stands for who said it
    ("Auf der Homepage des Vereins heißt es, man sei zufrieden.", "der Homepage des Vereins", "document"),
    ("Im Bericht der Kommission heißt es, die Lage sei ernst.", "Bericht der Kommission", "document"),
    ("In einer Presseerklärung wurde verkündet, dass die Firma schließt.", "einer Presseerklärung", "document"),
    ("Von der Regierung wurde mitgeteilt, dass die Grenze offen bleibt.", "der Regierung", "same_sentence"),
    ("Auf der Homepage des Festivals heißt es: „Wir freuen uns auf alle Gäste.“", "der Homepage des Festivals",
     "document"),
    # the phrase that opens the sentence before an insert, or the antecedent of "in denen es heißt"
    ("Im letzten Satz der Anordnung, die der Firma zugestellt wurde, heißt es: „Die Firma darf nichts sagen.“",
     "letzten Satz der Anordnung", "document"),
    ("Sie nahm damit den Ton norwegischer Zeitungen auf, in denen es ebenfalls heißt, dass der Hafen überlastet sei.",
     "norwegischer Zeitungen", "document"),
    # ... and no one when nothing says where: "man", "es"
    ("Es hieß, die Lage sei ernst.", None, None),
    # a source that opens in lower case: a particle name or a web address
    ("Die Arbeit sei laut el-Baradei gestoppt worden.", "el-Baradei", "laut"),
    ("Laut bildblog.de veröffentlichte das Ministerium eine falsche Liste.", "bildblog.de", "laut"),
    # appositions: the name, not the role, is the speaker
    ("Die Präsidentin des Bundesverfassungsgerichts, Doris König, sagte, das Urteil sei klar.", "Doris König",
     "same_sentence"),
    ("Der Leiter der Studie, Paulo Pinheiro, erklärte, Gewalt sei verbreitet.", "Paulo Pinheiro", "same_sentence"),
    ("Henrike Asmussen, Präsidentin des Deutschen Segelflug-Bundes (DSB), stellte fest, die Saison sei gelungen.",
     "Henrike Asmussen", "same_sentence"),
    # "und" opens a main clause of its own when the phrase before the verb follows it
    ("Dies war nicht die erste Blockade und die Anwohner befürchten, dass es weitere geben werde.", "die Anwohner",
     "same_sentence"),
    # a verb right after "und" shares the subject of the sentence
    ("Die Gewerkschaft nannte das Angebot unzureichend und rief die Mitglieder auf, die Arbeit niederzulegen.",
     "Die Gewerkschaft", "same_sentence"),
    # one constituent before the finite verb: a noun phrase inside it is no subject
    ("Schon drei Wochen nach dem Start von Hausmanns neuem Podcast meldete der Verlag, dass die Werbeplätze "
     "ausgebucht seien.", "der Verlag", "same_sentence"),
    ("Bezüglich des Termins meldet die Nachrichtenagentur, die Wahl sei verschoben worden.", "die Nachrichtenagentur",
     "same_sentence"),
    # ... but two subjects joined by "und" are one constituent
    ("Die Regierung und die Opposition werfen dem Präsidenten vor, die Wahl gefälscht zu haben.", "die Opposition",
     "same_sentence"),
    # an age joined to its number is an adjective: "der 84-jährige …"
    ("Der 84-jährige Rentner hofft aber, dass der Plan scheitert.", "Der 84-jährige Rentner", "same_sentence"),
    # a name in apposition to the role that ends the clause before it is the subject
    ("Gestern hatte sich die Vorsitzende des Verbands, Anna Berger, gegen den Plan ausgesprochen und behauptet, die "
     "Schulen kämen nur durch Tricks zustande.", "Anna Berger", "same_sentence"),
    ("Erst gestern hatte der Sprecher, Thomas Krüger, behauptet, die Schulen kämen nur durch Tricks zustande.",
     "Thomas Krüger", "same_sentence"),
    # ... also when a prepositional phrase follows the role; an insert may open with an adjective
    ("Vor kurzem hatte ein Sprecher auf pakistanischer Seite, Thomas Krüger, erklärt, die Truppen würden abziehen.",
     "Thomas Krüger", "same_sentence"),
    ("Thomas Krüger, zuständig für das Geschäft in Asien, hatte im Juni angekündigt, neue Werke bauen zu wollen.",
     "Thomas Krüger", "same_sentence"),
    # "es" as the subject of a speech verb stands for a body named before: the local mention; "man" names no one
    ("Das Landesamt reagierte schriftlich auf die Anfrage. Es weist die Kritik als unbegründet zurück, man habe die "
     "Proben zu spät geprüft.", "Es", "same_sentence"),
    ("Das Gericht tagte lange. Hier stellte es fest, dass die Beweise nicht reichten.", "es", "same_sentence"),
    ("Offiziell betont man, dass die Lage ruhig sei.", None, None),
])
def test_speaker(process, text, speaker, method):
    doc = process(text)
    [quote] = doc.spans[QUOTES_KEY]
    assert (quote._.quote["speaker_text"], quote._.quote["method"]) == (speaker, method)
