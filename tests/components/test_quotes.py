"""Quote detection and speaker attribution on made-up German news sentences.

Entities are set by hand (name -> label) so the tests exercise the quote rules alone; mentions of the
same person share the entity id given by the full name.
"""
import re

import pytest
import spacy
from spacy.tokens import Span

import pipeline.extensions  # noqa: F401
from pipeline.components.quotes import QuoteAttributor
from pipeline.components.sentences import SentenceSegmenter
from pipeline.extensions import QUOTES_KEY

ENTITIES = {
    "Anna Berger": "PER", "Berger": "PER", "Thomas Krüger": "PER", "Krüger": "PER",
    "Paul Haas": "PER", "Haas": "PER", "Lena Vogt": "PER", "Vogt": "PER",
    "Berlin": "LOC", "Wien": "LOC", "Frankreich": "LOC", "Italien": "LOC", "Polen": "LOC",
    "Deutschland": "LOC", "Bundesregierung": "ORG", "Allianz der Nachbarn": "ORG", "Bundestag": "ORG",
    "Leyen": "PER",  # as entity rules tag "Von der Leyen" at a sentence start
    "Berlins": "LOC",
}
FULL = {"Berger": "Anna Berger", "Krüger": "Thomas Krüger", "Haas": "Paul Haas", "Vogt": "Lena Vogt",
        "Berlins": "Berlin"}


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("de")
    quotes = QuoteAttributor(nlp, "quotes", carry_over=True, max_carry_sentences=3)
    quotes.initialize()
    nlp.quotes = quotes
    return nlp


def run(nlp, text):
    doc = nlp.make_doc(text)
    SentenceSegmenter(nlp)(doc)
    spans, taken = [], set()
    for name in sorted(ENTITIES, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            span = doc.char_span(m.start(), m.end())
            if span is None or taken & set(range(span.start, span.end)):
                continue
            taken |= set(range(span.start, span.end))
            span = Span(doc, span.start, span.end, label=ENTITIES[name])
            span._.entity_id = FULL.get(name, name)
            spans.append(span)
    doc.ents = sorted(spans, key=lambda s: s.start)
    doc._.entities = {FULL.get(n, n): {"name": FULL.get(n, n), "label": lab} for n, lab in ENTITIES.items()}
    return nlp.quotes(doc)


def rows(doc):
    return [(s.label_, s.text, s._.quote["speaker_entity_id"]) for s in doc.spans[QUOTES_KEY]]


# construction -> its cases (sentence, expected rows), each checked by test_rows
ROWS: dict[str, list[tuple[str, list[tuple[str, str, str | None]]]]] = {}


@pytest.mark.parametrize("text, expected", [
    # direct quote, speaker after it
    ("„Wir werden die Hilfe deutlich ausweiten“, sagte Berger am Montag in Berlin.",
     [("direct", "Wir werden die Hilfe deutlich ausweiten", "Anna Berger")]),
    # speaker before, colon, guillemets
    ("Krüger erklärte: »Das Gesetz kommt noch in diesem Jahr in den Bundestag.«",
     [("direct", "Das Gesetz kommt noch in diesem Jahr in den Bundestag.", "Thomas Krüger")]),
    # separable particle verb, straight quotes, role noun before the name
    ('"Die Gespräche waren offen und konstruktiv", teilte Außenministerin Lena Vogt nach dem Treffen mit.',
     [("direct", "Die Gespräche waren offen und konstruktiv", "Lena Vogt")]),
    # indirect speech: Konjunktiv clause before "sagte er", pronoun resolved to the last person
    ("Haas besuchte am Dienstag Wien. Die Verhandlungen seien schwierig, sagte er.",
     [("indirect", "Die Verhandlungen seien schwierig", "Paul Haas")]),
    # dass-clause after the cue
    ("Auch Finanzminister Krüger sagte, dass der Haushalt bislang nicht beschlossen sei.",
     [("indirect", "dass der Haushalt bislang nicht beschlossen sei", "Thomas Krüger")]),
    # a place speaking, Konjunktiv clause after "hat erklärt"
    ("Polen hat zuletzt erklärt, man werde die Grenze stärker kontrollieren.",
     [("indirect", "man werde die Grenze stärker kontrollieren", "Polen")]),
    # description resolved to the person introduced with that role
    ("Bundeskanzlerin Anna Berger traf Paul Haas in Wien. „Wir stehen an der Seite unserer Partner“, "
     "sagte die Kanzlerin.",
     [("direct", "Wir stehen an der Seite unserer Partner", "Anna Berger")]),
    # a particle verb whose particle is written apart before the participle; a verb of contradiction
    ("Krüger hat am Montag bekannt gegeben, dass er zurücktritt.",
     [("indirect", "dass er zurücktritt", "Thomas Krüger")]),
    ("Berger widersprach, die Zahlen seien falsch.",
     [("indirect", "die Zahlen seien falsch", "Anna Berger")]),
    # a place in the genitive before a role is not the speaker: the role and its name are
    ("Berlins Innensenator Paul Haas sagte, die Lage sei ernst.",
     [("indirect", "die Lage sei ernst", "Paul Haas")]),
    # "…, schrieb er": the pronoun after the verb is the subject, not a noun phrase opening the claim
    ("Krüger kam am Montag. Die Welt verliere wertvolle Zeit, schrieb er auf der Plattform.",
     [("indirect", "Die Welt verliere wertvolle Zeit", "Thomas Krüger")]),
    # "drohen" reports a threat someone made, not one that looms
    ("Krüger drohte mit einem Rücktritt.", [("reported", "Krüger drohte mit einem Rücktritt", "Thomas Krüger")]),
    # a main clause after the speech verb that opens with an adjective and its noun
    ("Krüger erklärte, niedrigere Zinsen entlasten die Firmen.",
     [("indirect", "niedrigere Zinsen entlasten die Firmen", "Thomas Krüger")]),
    # a Konjunktiv clause after a colon is the claim of the sentence's subject
    ("Berger reagierte empört: Der Vorstand habe die Belegschaft getäuscht.",
     [("indirect", "Der Vorstand habe die Belegschaft getäuscht", "Anna Berger")]),
    # a source phrase with an apposition names the person; an acronym in brackets before "zufolge"
    ("Laut dem Sprecher der Bundesregierung, Paul Haas, steigt die Zahl der Anträge.",
     [("indirect", "steigt die Zahl der Anträge", "Paul Haas")]),
    ("Der Allianz der Nachbarn (AdN) zufolge steigt die Zahl der Anträge.",
     [("indirect", "steigt die Zahl der Anträge", "Allianz der Nachbarn")]),
    # a Konjunktiv sentence reports the person who acted in the sentence just before
    ("Krüger sagte, der Plan sei gut. Haas verteidigte den Entwurf. Er sei ein fairer Kompromiss.",
     [("indirect", "der Plan sei gut", "Thomas Krüger"), ("indirect", "Er sei ein fairer Kompromiss", "Paul Haas")]),
    # an indefinite description brings in someone new, not the person named before
    ("Bundeskanzlerin Anna Berger traf Paul Haas in Wien. „Wir stehen an der Seite unserer Partner“, "
     "sagte eine Sprecherin.",
     [("direct", "Wir stehen an der Seite unserer Partner", None)]),
    # not the dative object: the speaker of "sagte X dem Sender" is X
    ("Die Lage sei ernst, sagte Krüger dem Sender RTL.",
     [("indirect", "Die Lage sei ernst", "Thomas Krüger")]),
    # laut / zufolge
    ("Laut Krüger soll das Projekt im Herbst beginnen.",
     [("indirect", "soll das Projekt im Herbst beginnen", "Thomas Krüger")]),
    ("Der Bau soll den Plänen zufolge zwei Jahre dauern.",
     [("indirect", "Der Bau soll", None)]),
    # ", so X." after a direct quote
    ("„Wir haben keine Zeit mehr zu verlieren“, so Vogt.",
     [("direct", "Wir haben keine Zeit mehr zu verlieren", "Lena Vogt")]),
    # reported speech: "X sprach von Y" claims the sentence
    ("Haas sprach von einem großen Erfolg für die Region.",
     [("reported", "Haas sprach von einem großen Erfolg für die Region", "Paul Haas")]),
    # short judgement after "nannte"
    ("Berger nannte den Vorschlag „völlig verfehlt“.",
     [("direct", "völlig verfehlt", "Anna Berger")]),
    # a claim that opens with a preposition that can also be a subordinator: its verb stands second
    ("Krüger sagte, seit Januar seien die Mieten deutlich gestiegen.",
     [("indirect", "seit Januar seien die Mieten deutlich gestiegen", "Thomas Krüger")]),
    ("Aus dem Ministerium hieß es, bis Ende Mai solle die neue Brücke fertig sein.",
     [("indirect", "bis Ende Mai solle die neue Brücke fertig sein", None)]),
])
def test_quotes(nlp, text, expected):
    found = rows(run(nlp, text))
    for label, snippet, speaker in expected:
        assert any(l == label and snippet in t and s == speaker for l, t, s in found), found


@pytest.mark.parametrize("text", [
    "Neben Frankreich erklärten sich auch Italien und Polen zu solchen Einsätzen bereit.",
    "Wien lehnt ausländische Beobachter, vor allem aus Nachbarstaaten, strikt ab.",
    "Für Deutschland stellte Berger erstmals eine Beteiligung in Aussicht.",
    "Krüger knüpfte seine Zustimmung an klare Bedingungen.",
    "Das Buch „Die stille Stadt“ erschien im Frühjahr.",
    "Die sogenannte „Schuldenbremse“ bleibt umstritten.",
    "Die Regierung sagte das Treffen mit der Stadt kurzfristig ab.",
    "Die Bundesregierung drängt auf Tempo, weil sonst keine Einigung zu erreichen sei.",
    "Den Angeklagten drohen lange Haftstrafen.",  # a threat that looms, not one made
    "Nach einem Hinweis auf eine Lagerhalle fand die Polizei den Reis.",  # a tip-off, not a source of a claim
    # verbs whose speech sense is rare are not cues: a sentence, a rejected motion, a performance
    "Das Gericht verurteilte ihn zu drei Jahren Haft.",
    "Die Richterin wies den Antrag zurück, weil er zu spät kam.",
    "Im Saal war Musik zu hören.",
    "Der Titel des Buches lautet „Die stille Stadt“.",  # a title, not a statement
    # "nennen" names rather than judges: a participle, "nennt sich", a list of examples
    "Maultiere, auch Mulis genannt, sind Mischlinge.",
    "Seitdem nennt er sich „Kapitän Blau“.",
    "Als Beispiele nennt die Firma die Modelle „Alpha“ und „Beta“.",
    # a call or a plea for something is no claim; with a clause it is ("bat …, … zu verlassen")
    "Das Rote Kreuz hat zu Spenden aufgerufen.",
    "Die Polizei bittet um Hinweise.",
    "Er kam, so wie immer, zu spät.",  # "so wie": no source after it
    "Viele gratulierten, so der Präsident, der zuerst anrief.",  # "so" as "for example", a relative clause after it
    "Er hat die Operation erfolgreich ausgeführt.",  # "ausführen" is a cue only with the claim after it
    "Der Chor hat die Ode an die Freude vorgetragen.",
    "Nach der Auszählung aller Stimmen liegt die SPD vorn.",  # a count, not a statement
    "Die Studien nach der Katastrophe zeigen wenig.",  # "nach" before a noun phrase: a time
    "Krüger rechnet damit, dass die Preise steigen.",  # an expectation, not a statement
    "Die Partei will einen Gipfel, um die Lage zu klären.",  # a wish for a thing, with a purpose
    "Die Zahlen wurden gestern bekannt.",  # nothing made known in a clause
    "Krüger wurde als Sänger bekannt, der viele Preise gewann.",  # a noun subject: he became famous
    "Die Firma betrachtet den Markt.",  # "betrachten" without "als" is looking, not judging
    # beside "ich" a form in -e is indicative: an interview answer, not reported speech
    "Ich habe das Gefühl, die Lage ist ernst.",
    "Ich denke es geht eher um das Geld.",
    "Praktisch halte ich es mit dem Senator.",
    "Der Bau dauerte lange – so lange, dass alle warteten.",  # "so" as a degree word after a dash
    "Die Firma ging aus einer Fusion hervor, die im Jahr 2010 stattfand.",  # "hervorgehen" with a noun subject
    "Die Partei ging als Siegerin aus der Wahl hervor, die im Mai stattfand.",
    "Die Stadt teilte, nach langen Tests, die Ergebnisse mit.",  # a particle after an insert, but no claim
    "Die Firma stellt ihre Pläne nach der Sitzung vor.",
    "Der Laden blieb geschlossen, seit die Mieten gestiegen seien.",  # a subordinate clause, its verb last
])
def test_not_quotes(nlp, text):
    assert rows(run(nlp, text)) == []


@pytest.mark.parametrize("text, expected", [
    # source phrases: a quoted name after "laut", "nach" + source noun, sentence-initial "Angaben zufolge"
    ("Laut „Berliner Morgenpost“ soll das Projekt im Herbst beginnen.",
     [("indirect", "soll das Projekt im Herbst beginnen", None)]),
    ("Nach ersten Untersuchungen liegt keine Straftat vor.", [("indirect", "liegt keine Straftat vor", None)]),
    ("Angaben zufolge wurden drei Menschen verletzt.", [("indirect", "wurden drei Menschen verletzt", None)]),
    # source nouns also inflected ("Darstellungen"), and nouns of knowledge and statement
    ("Nach Darstellungen der Reederei lief das Schiff auf ein Riff.", [("indirect", "lief das Schiff auf ein Riff", None)]),
    ("Nach einer Stellungnahme des Ministeriums bleibt die Grenze offen.",
     [("indirect", "bleibt die Grenze offen", None)]),
    ("Nach bisherigem Erkenntnisstand brach das Feuer im Keller aus.",
     [("indirect", "brach das Feuer im Keller aus", None)]),
    # a genitive owner before the source noun; plans, laws and media as sources
    ("Nach Krügers Meinung werden die Preise weiter steigen.",
     [("indirect", "werden die Preise weiter steigen", None)]),
    ("Nach den Planungen der Stadt wird die Brücke im Mai fertig.", [("indirect", "wird die Brücke im Mai fertig", None)]),
    ("Nach dem Grundgesetz ist der Bundespräsident das Staatsoberhaupt.",
     [("indirect", "ist der Bundespräsident das Staatsoberhaupt", None)]),
    ("Nach russischen Medien wurden zwei Soldaten verletzt.", [("indirect", "wurden zwei Soldaten verletzt", None)]),
    # "Seiner Ansicht nach …": the source noun before "nach" opens the sentence
    ("Seiner Ansicht nach ist der Plan gescheitert.", [("indirect", "ist der Plan gescheitert", None)]),
    ("Ihrer Meinung nach muss die Stadt mehr Wohnungen bauen.",
     [("indirect", "muss die Stadt mehr Wohnungen bauen", None)]),
    # a long source phrase inside the claim: the larger side of the claim
    ("Der Verein baut nach Angaben des Landesverbandes Sport-Spiel-Freizeit eine neue Halle für die Jugend.",
     [("indirect", "eine neue Halle für die Jugend", None)]),
    # the source phrase stands in a subordinate clause, the claim ends at the semicolon
    ("Er sitzt in Haft, weil er laut Anklage Geld veruntreut hat.",
     [("indirect", "weil er laut Anklage Geld veruntreut hat", None)]),
    ("Laut Krüger ist das Werk rentabel; die Belegschaft zweifelt daran.",
     [("indirect", "ist das Werk rentabel", "Thomas Krüger")]),
    # ", so X, Apposition."
    ("Die Lage sei angespannt, so der Sprecher der Behörde, Paul Haas.",
     [("indirect", "Die Lage sei angespannt", "Paul Haas")]),
    # ", so X," set off inside the claim
    ("Sein Rivale, so Krüger weiter, würde massiv Spenden erhalten.",
     [("indirect", "Sein Rivale, so Krüger weiter, würde massiv Spenden erhalten", "Thomas Krüger")]),
    ("Alles in allem sei die Wahl, so der Bericht der Beobachter, trotz einiger Mängel frei und fair gewesen.",
     [("indirect", "Alles in allem sei die Wahl, so der Bericht der Beobachter, trotz einiger Mängel frei und fair "
                   "gewesen", None)]),
    # "wie X bekannt gab" with the particle before the verb
    ("Wie die Bundesregierung am Montag bekannt gab, wird das Gesetz verschoben.",
     [("indirect", "wird das Gesetz verschoben", "Bundesregierung")]),
    # a main clause after "sagte X," in the indicative or Konjunktiv II
    ("Am Montag sagte Vogt, die Länder hielten sich an die Absprachen.",
     [("indirect", "die Länder hielten sich an die Absprachen", "Lena Vogt")]),
    # an apposition after the speaker is not the claim
    ("Ebenfalls am Montag sagte Krüger, Chef der Allianz der Nachbarn, dass die Gespräche weitergingen.",
     [("indirect", "dass die Gespräche weitergingen", "Thomas Krüger")]),
    # a second speech verb ends the first claim; "und gab an" shares the subject
    ("Diese bestätigte, dass ein Vertrag vorliegt, und gab an, die Kunden zu benachrichtigen.",
     [("indirect", "dass ein Vertrag vorliegt", None), ("indirect", "die Kunden zu benachrichtigen", None)]),
    # subject before an apposition with a genitive ("seines Zeichens")
    ("Haas, seines Zeichens Direktor der Allianz der Nachbarn, warnte: „Wir verlieren wertvolle Zeit.“",
     [("direct", "Wir verlieren wertvolle Zeit.", "Paul Haas")]),
    # verbs of saying beyond "sagen": particle verbs, irregular forms, a required "darauf"/"dafür"
    ("Die Ministerin hob hervor, dass die Reform Zeit brauche.", [("indirect", "dass die Reform Zeit brauche", None)]),
    ("Der Sprecher merkte an, dass die Zahlen vorläufig seien.", [("indirect", "dass die Zahlen vorläufig seien", None)]),
    ("Anna Berger bezweifelte, dass der Plan aufgeht.", [("indirect", "dass der Plan aufgeht", "Anna Berger")]),
    ("Thomas Krüger plädierte dafür, die Schulen offen zu halten.",
     [("indirect", "die Schulen offen zu halten", "Thomas Krüger")]),
    ("Der Minister führte aus, dass die Kosten stiegen.", [("indirect", "dass die Kosten stiegen", None)]),
    ("Die Polizei bat die Anwohner, ihre Häuser nicht zu verlassen.",
     [("indirect", "ihre Häuser nicht zu verlassen", None)]),
    ("Die Sprecherin ließ mitteilen, man prüfe den Fall.", [("indirect", "man prüfe den Fall", None)]),
    ("„Die Wahl war frei und fair“, lautete das Fazit des Berichts.", [("direct", "Die Wahl war frei und fair", None)]),
    # an indirect claim ends at a colon before a direct quote, which is a quote of its own
    ("Krüger sagte, dass das Team gestärkt sei: „Wir haben viel gelernt.“",
     [("indirect", "dass das Team gestärkt sei", "Thomas Krüger"), ("direct", "Wir haben viel gelernt.", "Thomas Krüger")]),
    # the present plural of a separable verb: "geben … an", "werfen … vor"
    ("Die Ärzte geben an, dass der Patient stabil sei.", [("indirect", "dass der Patient stabil sei", None)]),
    # impersonal cues: "hatte es geheißen", "war zu hören", the source is the place phrase
    ("In der Erklärung der Minister hatte es geheißen, die Lage sei ernst.", [("indirect", "die Lage sei ernst", None)]),
    ("Aus der Regierung war zu hören, der Minister trete zurück.", [("indirect", "der Minister trete zurück", None)]),
    # present plural forms of speech verbs
    ("Fachleute schätzen, dass die Preise weiter steigen.",
     [("indirect", "dass die Preise weiter steigen", None)]),
    # the nested direct quote is part of the indirect quote, not a second row
    ("Ziel sei es, „die Grenzen dauerhaft zu sichern“, erklärte Berger.",
     [("indirect", "Ziel sei es, „die Grenzen dauerhaft zu sichern“", "Anna Berger")]),
    # after a speech verb, a verb in -e right after the first noun phrase is Konjunktiv I
    ("Krüger erklärte, sein Land plane neue Gespräche mit Polen.",
     [("indirect", "sein Land plane neue Gespräche mit Polen", "Thomas Krüger")]),
    ("Berger sagte, die Regierung prüfe eine Klage gegen Frankreich.",
     [("indirect", "die Regierung prüfe eine Klage gegen Frankreich", "Anna Berger")]),
    # "hervorgehen aus": the source of a claim, with "wie", or with a dass-clause
    ("Wie aus einem Bericht der Stadt hervorgeht, ist die Brücke gesperrt.",
     [("indirect", "ist die Brücke gesperrt", None)]),
    ("Aus einem Bericht der Stadt geht hervor, dass die Brücke gesperrt ist.",
     [("indirect", "dass die Brücke gesperrt ist", None)]),
    # a separable verb's particle after an apposition set off by commas; the person named in it speaks
    ("Die Lage sei ernst, teilte der Sprecher der Stadt, Paul Haas, mit.",
     [("indirect", "Die Lage sei ernst", "Paul Haas")]),
    # a clause that runs on into a quotation has no particle at its end ("als ein „…“" is no "ein…" verb)
    ("Berger bezeichnete das Urteil als ein „klares Signal“.",
     [("direct", "klares Signal", "Anna Berger")]),
    # two speech verbs in one clause: the particle at its end and the clause after belong to the later
    # one, the subject to both
    ("Berger bezeichnete den Brief als „Frechheit“ und kündigte an, sie werde vor Gericht ziehen.",
     [("direct", "Frechheit", "Anna Berger"), ("indirect", "sie werde vor Gericht ziehen", "Anna Berger")]),
    ("Krüger hatte Versäumnisse eingeräumt und angegeben, er habe die Post zu spät gelesen.",
     [("indirect", "er habe die Post zu spät gelesen", "Thomas Krüger")]),
    ("Die Zahlen wurden später korrigiert und es heißt nun, dass zwei Menschen starben.",
     [("indirect", "dass zwei Menschen starben", None)]),
    # a quoted object of a preposition that ends the sentence is the claim, not the whole sentence
    ("Krüger warnte die Partei vor einem „populistischen Wahlkampf“.",
     [("direct", "populistischen Wahlkampf", "Thomas Krüger")]),
    ("Krüger warnte vor einem „drohenden Abfluss von Wissen“ ins Ausland.",
     [("reported", "Krüger warnte vor einem „drohenden Abfluss von Wissen“ ins Ausland", "Thomas Krüger")]),
    # the subject: a verb right after "und" shares the sentence's subject (the phrase after it is its
    # object); a focus adverb before the subject ("Selbst die …"); an adverb inside a prepositional phrase
    ("Krüger nannte die Sanktionen „unnötig“ in Wien und rief die Bundesregierung auf, die Grenze zu öffnen.",
     [("direct", "unnötig", "Thomas Krüger"), ("indirect", "die Grenze zu öffnen", "Thomas Krüger")]),
    ("Selbst die Bundesregierung hatte kritisiert, dass die Zahlen falsch seien.",
     [("indirect", "dass die Zahlen falsch seien", "Bundesregierung")]),
    ("Krüger, der Kandidat der Partei, hat in einer gestern veröffentlichten Botschaft angekündigt, auf Gelder zu "
     "verzichten.", [("indirect", "auf Gelder zu verzichten", "Thomas Krüger")]),
    # "– so X –" set off by dashes; "Dem Vernehmen nach"; "Stellung nehmen" names who goes on speaking
    ("Zwar sei der Umbau teuer – so Krüger –, dennoch lohne er sich für die Stadt.",
     [("indirect", "Zwar sei der Umbau teuer – so Krüger –, dennoch lohne er sich für die Stadt",
       "Thomas Krüger")]),
    ("Dem Vernehmen nach soll Krüger das Amt bis zum Frühjahr ausüben.",
     [("indirect", "soll Krüger das Amt bis zum Frühjahr ausüben", None)]),
    ("Auf der Sitzung nahm auch Krüger zu der Frage Stellung. Jeder Lehrer könne das Konto später einlösen.",
     [("indirect", "Jeder Lehrer könne das Konto später einlösen", "Thomas Krüger")]),
    # a cue verb at the end of a fronted subordinate clause: its claim ends where the main clause starts
    ("Nachdem Berger dem Vorstand mitgeteilt hatte, dass das Budget fehle, stoppte die Firma den Bau.",
     [("indirect", "dass das Budget fehle", "Anna Berger")]),
    ("Während Krüger ankündigte, den Vertrag ändern zu lassen, hält der Verein an der Frist fest.",
     [("indirect", "den Vertrag ändern zu lassen", "Thomas Krüger")]),
    # ... "als" opening a main clause is no such clause
    ("Als Begründung wurde angegeben, die Kosten seien gestiegen, weil die Bürger kleinere Tonnen nutzten.",
     [("indirect", "die Kosten seien gestiegen, weil die Bürger kleinere Tonnen nutzten", None)]),
    # reporting and judging verbs: beziffern, anregen, betrachten … als, einschätzen … als
    ("Krüger bezifferte den Schaden auf 50 Millionen Euro.",
     [("reported", "Krüger bezifferte den Schaden auf 50 Millionen Euro", "Thomas Krüger")]),
    ("Krüger regte eine Konferenz der Nachbarländer an.",
     [("reported", "Krüger regte eine Konferenz der Nachbarländer an", "Thomas Krüger")]),
    ("Berger betrachtet die Anrufung des Sicherheitsrates als Eskalation.",
     [("reported", "Berger betrachtet die Anrufung des Sicherheitsrates als Eskalation", "Anna Berger")]),
    # "bekannt werden, dass …": impersonal, no one named
    ("Im April wurde bekannt, dass die Firma schließt.", [("indirect", "dass die Firma schließt", None)]),
    ("Vorher war bereits bekannt geworden, dass in der Region zwei Schulen geschlossen hatten.",
     [("indirect", "dass in der Region zwei Schulen geschlossen hatten", None)]),
    # ", so X" ends the sentence whatever describes X (appositions, phrases, relative clauses) ...
    ("Der Vertrauensverlust schaffe Probleme, so Krüger, Leiter der Abteilung Information bei der Stiftung.",
     [("indirect", "Der Vertrauensverlust schaffe Probleme", "Thomas Krüger")]),
    ("Oftmals habe der Mann vor der Tür gewartet, so Krüger, der auch angab, dass die Polizei gerufen worden sei.",
     [("indirect", "Oftmals habe der Mann vor der Tür gewartet", "Thomas Krüger"),
      ("indirect", "dass die Polizei gerufen worden sei", "Thomas Krüger")]),
    # ... but is an aside when the claim goes on after it
    ("Doch sei es, so Krüger in einem Blog, ein Haufen mächtiger Leute gewesen.",
     [("indirect", "Doch sei es, so Krüger in einem Blog, ein Haufen mächtiger Leute gewesen", "Thomas Krüger")]),
    ("Der Präsident sei, so Krüger, Schuld daran, dass das Land die Kontrolle verloren habe.",
     [("indirect", "Der Präsident sei, so Krüger, Schuld daran, dass das Land die Kontrolle verloren habe",
       "Thomas Krüger")]),
    # "X, wonach …": the relative clause is the claim of the noun phrase before it
    ("Eine Meldung des Senders, wonach der Bürgermeister entlassen worden sein soll, wurde dementiert.",
     [("indirect", "der Bürgermeister entlassen worden sein soll", None)]),
    # the claim ends where the writer goes on with the speaker's own doing in the past tense
    ("Krüger sagte, die Gewerkschaften müssten ihre Zurückhaltung aufgeben und bemühte das Bild vom Boot.",
     [("indirect", "die Gewerkschaften müssten ihre Zurückhaltung aufgeben", "Thomas Krüger")]),
    # ... not at an adjective before its noun
    ("Krüger sagte, man solle nicht erlauben, bestimmte Techniken zu benutzen.",
     [("indirect", "man solle nicht erlauben, bestimmte Techniken zu benutzen", "Thomas Krüger")]),
    # "…, forderte X auf, … zu …": the zu-infinitive after the cue is the claim, not the sentence before it
    ("Den Währungsfonds, dessen Gremien diese Woche tagen, forderte Krüger auf, die Zahlungen auszusetzen.",
     [("indirect", "die Zahlungen auszusetzen", "Thomas Krüger")]),
    # an aim after the subject that follows "plant": "plant X, … zu …"; not a purpose "um … zu"
    ("Nach den Ausschreitungen plant die Bundesregierung, die Befugnisse der Dienste zu erweitern.",
     [("indirect", "die Befugnisse der Dienste zu erweitern", "Bundesregierung")]),
    # "…, heißt es: „…“" after an insert: the quotation is the claim, the phrase before the insert no claim
    ("Im letzten Satz der Anordnung, die der Firma zugestellt wurde, heißt es: „Die Firma darf nichts sagen.“",
     [("direct", "Die Firma darf nichts sagen.", None)]),
    # a claim may open with a quoted name
    ("Krüger sagte, „Sparpakete“ dürfe es nicht mehr geben.",
     [("indirect", "Sparpakete“ dürfe es nicht mehr geben", "Thomas Krüger")]),
    # "sprechen davon, dass …" as "sprechen von"
    ("Vogt spricht davon, dass die Reform ein großer Fehler sei.",
     [("indirect", "dass die Reform ein großer Fehler sei", "Lena Vogt")]),
])
def test_quote_rules(nlp, text, expected):
    found = rows(run(nlp, text))
    assert len(found) == len(expected), found
    for label, snippet, speaker in expected:
        assert any(l == label and t == snippet and s == speaker for l, t, s in found), found


@pytest.mark.parametrize("text, speaker_text", [
    ("Der Fernsehsender „Kanal Neun“ berichtete von der Bergung zahlreicher Opfer.", "Der Fernsehsender „Kanal Neun“"),
    ("Offiziell sagt die Regierung, man gebe den Bauern mehr Freiheiten.", "die Regierung"),
    ("Vor Wochen hatte die Gewerkschaft erklärt, dass die Grenze erreicht sei.", "die Gewerkschaft"),
    ("Der Forscher Haas beschreibt das so: „Es gibt zwei Arten von Teilchen“, und fügt hinzu: „Beide sind aus Eis.“",
     "Der Forscher Haas"),
])
def test_speaker_mentions(nlp, text, speaker_text):
    doc = run(nlp, text)
    quotes = doc.spans[QUOTES_KEY]
    assert quotes and all(q._.quote["speaker_text"] == speaker_text for q in quotes), \
        [(q.text, q._.quote["speaker_text"]) for q in quotes]


@pytest.mark.parametrize("text", [
    "Sieben Todesopfer forderte ein Erdrutsch, der am Freitag ein Bergdorf traf.",
    "Die Hitzewelle hat bislang mindestens 17 Todesopfer gefordert.",
    "Ende April gab es die ersten Verletzten (Wikinews berichtete).",
])
def test_not_quotes_more(nlp, text):
    assert rows(run(nlp, text)) == []


def test_cue_text_is_the_verb_as_written(nlp):
    text = "Die Gespräche seien gut verlaufen, teilte Berger nach dem Treffen mit."
    doc = run(nlp, text)
    (span,) = doc.spans[QUOTES_KEY]
    q = span._.quote
    assert text[q["cue_start_char"]:q["cue_end_char"]] == q["cue_text"] == "teilte" and q["cue"] == "mitteilen"


def test_demnach_is_the_local_mention_of_the_carried_source(nlp):
    doc = run(nlp, "Krüger sagte, das Werk bleibe offen. Auch die Zulieferer sollen demnach bleiben.")
    last = doc.spans[QUOTES_KEY][-1]._.quote
    assert last["speaker_text"] == "demnach" and last["speaker_entity_id"] == "Thomas Krüger"


def test_multi_sentence_quote_is_one_span(nlp):
    doc = run(nlp, "„Das ist ein guter Tag. Wir sind sehr zufrieden. Jetzt beginnt die Arbeit“, sagte Haas.")
    (quote,) = doc.spans[QUOTES_KEY]
    assert quote.text == "Das ist ein guter Tag. Wir sind sehr zufrieden. Jetzt beginnt die Arbeit"
    assert quote._.quote["speaker_entity_id"] == "Paul Haas"
    assert quote._.quote["cue"] == "sagen"


def test_unbalanced_marks_end_at_the_paragraph(nlp):
    doc = run(nlp, "Vogt sagte: „Wir bleiben bei unserer Linie.\n\nDie Sitzung endete am Abend.")
    assert rows(doc) == [("direct", "Wir bleiben bei unserer Linie.", "Lena Vogt")]


def test_second_quote_carries_the_speaker_over(nlp):
    doc = run(nlp, "„Wir sind bereit“, sagte Berger. „Die Einzelheiten klären wir in den nächsten Wochen.“")
    found = rows(doc)
    assert ("direct", "Die Einzelheiten klären wir in den nächsten Wochen.", "Anna Berger") in found
    assert doc.spans[QUOTES_KEY][-1]._.quote["method"] == "carry_over"


def test_konjunktiv_sentences_carry_over_until_a_heading(nlp):
    text = ("Krüger sagte, der Haushalt sei solide. Die Schulden würden sinken. Es gebe keinen Grund zur Sorge.\n\n"
            "Neue Pläne für Wien\n\nDas Ministerium habe keine Kenntnis davon.")
    found = rows(run(nlp, text))
    assert ("indirect", "Die Schulden würden sinken. Es gebe keinen Grund zur Sorge", "Thomas Krüger") in found
    assert ("indirect", "Das Ministerium habe keine Kenntnis davon", None) in found


@pytest.mark.parametrize("text, expected", [
    # a weak Konjunktiv I form ("-e") after a capitalised first constituent goes on reporting
    ("Krüger sagte: „Wir sind zuversichtlich, dass wir das schaffen.“ Zur Panik bestehe keine Veranlassung.",
     ("indirect", "Zur Panik bestehe keine Veranlassung", "Thomas Krüger")),
    ("Berger sagte, die Regierung halte am Plan fest. Daran ändere auch der Streit nichts.",
     ("indirect", "Daran ändere auch der Streit nichts", "Anna Berger")),
    # not the indicative "ich bestehe", and not with no speaker in reach
    ("Krüger sagte: „Wir sind zuversichtlich, dass wir das schaffen.“ Ich bestehe auf einer Antwort.", None),
    ("Der Streit dauert an. Zur Panik bestehe keine Veranlassung.", None),
])
def test_weak_konjunktiv_goes_on_reporting_a_speaker_in_reach(nlp, text, expected):
    found = rows(run(nlp, text))
    if expected:
        assert expected in found
    else:
        assert not [q for q in found if "beste" in q[1]]


@pytest.mark.parametrize("text, expected", [
    # "Das teilte X mit.": the sentence before is the claim, X its speaker
    ("Die Zahl der Anträge steigt deutlich. Das teilte Krüger am Montag mit.",
     [("reported", "Die Zahl der Anträge steigt deutlich", "Thomas Krüger")]),
    ("Er soll mehrere Autos angezündet haben. Dies sagte Berger.",
     [("indirect", "Er soll mehrere Autos angezündet haben", "Anna Berger")]),
    ("Die Stadt will 500 Stellen streichen. Das kündigte Krüger am Montag an.",
     [("reported", "Die Stadt will 500 Stellen streichen", "Thomas Krüger")]),
    # the speaker after phrases of time ("am Abend", "gestern"); a particle after an apposition
    ("Die Zahl der Anträge steigt deutlich. Das bestätigte am Abend Krüger.",
     [("reported", "Die Zahl der Anträge steigt deutlich", "Thomas Krüger")]),
    ("Die Zahl der Anträge steigt deutlich. Das teilte die Sprecherin der Stadt, Lena Vogt, mit.",
     [("reported", "Die Zahl der Anträge steigt deutlich", None)]),
    # "Dies geht aus X hervor": X is the source
    ("Die Zahl der Anträge steigt deutlich. Dies geht aus einem Bericht der Stadt hervor.",
     [("reported", "Die Zahl der Anträge steigt deutlich", None)]),
    # the sentences before it in the paragraph that hold no quote of their own are part of the report
    ("Die Zahl der Anträge steigt. Im Mai waren es doppelt so viele. Das teilte Krüger am Montag mit.",
     [("reported", "Die Zahl der Anträge steigt. Im Mai waren es doppelt so viele", "Thomas Krüger")]),
    ("„Wir sind bereit“, sagte Berger. Die Zahl der Anträge steigt. Das teilte Krüger mit.",
     [("reported", "Die Zahl der Anträge steigt", "Thomas Krüger")]),
    # not across a paragraph break, and not when "das" is no object of the speech verb
    ("Die Zahl der Anträge steigt deutlich.\n\nDas teilte Krüger am Montag mit.", []),
    ("Die Zahl der Anträge steigt deutlich. Das Amt schrieb Krüger einen Brief.", []),
])
def test_das_teilte_x_mit_points_back_to_the_claim(nlp, text, expected):
    found = rows(run(nlp, text))
    assert [q for q in found if any(w in q[1] for w in ("Anträge", "Autos", "Stellen"))] == expected


@pytest.mark.parametrize("text, expected", [
    # an age or nationality noun refers to a person of its gender named in this sentence or the one before
    ("Krüger traf Berger. „Wir sind bereit, das Gesetz zu ändern“, sagte die 45-Jährige.", "Anna Berger"),
    ("Berger traf Haas in Berlin. Die Lage sei ernst, so der Belgier.", "Paul Haas"),
    ("Die Lage sei ernst, so der 45-Jährige.", None),
    # a pronoun skips persons whose first name has the other gender
    ("Berger traf Krüger. Sie sagte, der Plan sei gut.", "Anna Berger"),
])
def test_descriptions_and_pronouns_by_gender(nlp, text, expected):
    assert [q[2] for q in rows(run(nlp, text))] == [expected]


def test_quote_attributes_and_offsets(nlp):
    text = "„Wir schaffen das“, sagte der CDU-Politiker Krüger in Berlin."
    doc = run(nlp, text)
    (span,) = doc.spans[QUOTES_KEY]
    q = span._.quote
    assert text[q["cue_start_char"]:q["cue_end_char"]] == q["cue_text"] == "sagte"
    assert text[q["speaker_start_char"]:q["speaker_end_char"]] == q["speaker_text"]
    assert "Krüger" in q["speaker_text"] and q["method"] == "same_sentence"


def test_to_disk_from_disk(nlp, tmp_path):
    nlp.quotes.to_disk(tmp_path / "quotes")
    loaded = QuoteAttributor(nlp, "quotes", carry_over=True, max_carry_sentences=3).from_disk(tmp_path / "quotes")
    assert loaded.lex.verbs.keys() == nlp.quotes.lex.verbs.keys()
    assert rows(loaded(run(nlp, "Die Lage sei ernst, sagte Krüger."))) == [("indirect", "Die Lage sei ernst", "Thomas Krüger")]


# -- reported speech without a speech verb, noun and passive cues, speakers in harder places --------

@pytest.mark.parametrize("text, expected", [
    # a stated aim ("will" + infinitive) reports the whole sentence, speaker is the subject
    ("Die Bundesregierung will die Steuern im kommenden Jahr senken.",
     [("reported", "Die Bundesregierung will die Steuern im kommenden Jahr senken", "Bundesregierung")]),
    ("Um die Ermittlungen nicht zu gefährden, will Haas keine Einzelheiten nennen.",
     [("reported", "Um die Ermittlungen nicht zu gefährden, will Haas keine Einzelheiten nennen", "Paul Haas")]),
    ("Nach der Wahl will man die Gespräche fortsetzen.",
     [("reported", "Nach der Wahl will man die Gespräche fortsetzen", None)]),
    # "plant, … zu" claims the aim
    ("Die Bundesregierung plant, die Befugnisse der Behörden zu erweitern.",
     [("indirect", "die Befugnisse der Behörden zu erweitern", "Bundesregierung")]),
    # "bezeichnete X als Y" claims the whole sentence
    ("Krüger bezeichnete den Plan als Irrweg.", [("reported", "Krüger bezeichnete den Plan als Irrweg", "Thomas Krüger")]),
    # opinion nouns and adjectives
    ("Haas vertritt die Ansicht, dass die Reform zu spät kommt.",
     [("indirect", "dass die Reform zu spät kommt", "Paul Haas")]),
    ("Vogt ist zuversichtlich, die Wahl gewinnen zu können.", [("indirect", "die Wahl gewinnen zu können", "Lena Vogt")]),
    ("Berger ist der Meinung, der Vertrag sei gescheitert.", [("indirect", "der Vertrag sei gescheitert", "Anna Berger")]),
    ("Berger geht davon aus, dass der Vertrag hält.", [("indirect", "dass der Vertrag hält", "Anna Berger")]),
    ("Nach Wochen kommt der Bundestag zu dem Ergebnis, dass die Mittel fehlen.",
     [("indirect", "dass die Mittel fehlen", "Bundestag")]),
    ("Der Bundestag hat entschieden, die Frist zu verlängern.", [("indirect", "die Frist zu verlängern", "Bundestag")]),
    ("Der Entwurf sieht vor, dass die Steuer sinkt.", [("indirect", "dass die Steuer sinkt", None)]),
    # passive: no speaker
    ("Es wird angenommen, dass der Täter ins Ausland geflohen ist.",
     [("indirect", "dass der Täter ins Ausland geflohen ist", None)]),
    ("Der Mann wird verdächtigt, das Geld gestohlen zu haben.", [("indirect", "das Geld gestohlen zu haben", None)]),
    # speech acts with an object and no clause report the whole sentence
    ("Haas bemängelt die fehlende Unterstützung der Nachbarn.",
     [("reported", "Haas bemängelt die fehlende Unterstützung der Nachbarn", "Paul Haas")]),
    ("Die Bundesregierung begründete den Schritt mit der Lage an der Grenze.",
     [("reported", "Die Bundesregierung begründete den Schritt mit der Lage an der Grenze", "Bundesregierung")]),
    ("Fachleute halten die Reform für einen Fehler.", [("reported", "Fachleute halten die Reform für einen Fehler", None)]),
    # an indicative main clause after a reporting verb is the claim
    ("Krüger kritisiert in der Zeitung, die Aktion erinnert an alte Zeiten.",
     [("indirect", "die Aktion erinnert an alte Zeiten", "Thomas Krüger")]),
    # a cue verb inside the claim does not cut it
    ("Die Zeitung meldet, dass die Firmen neue Aufträge erwarten und bereits Verträge haben.",
     [("indirect", "dass die Firmen neue Aufträge erwarten und bereits Verträge haben", None)]),
    # accusations and requests without a clause
    ("Krüger beschuldigte die Regierung der Wahlfälschung.",
     [("reported", "Krüger beschuldigte die Regierung der Wahlfälschung", "Thomas Krüger")]),
    # a separable speech verb as an infinitive after a modal, particle joined
    ("Haas musste einräumen, dass die Kosten gestiegen seien.",
     [("indirect", "dass die Kosten gestiegen seien", "Paul Haas")]),
    # verbs of criticism, denial and correction with their clause
    ("Berger monierte, dass die Kosten nicht offengelegt worden seien.",
     [("indirect", "dass die Kosten nicht offengelegt worden seien", "Anna Berger")]),
    ("Die Bundesregierung rügte, die Behörde habe die Mittel verschwendet.",
     [("indirect", "die Behörde habe die Mittel verschwendet", "Bundesregierung")]),
    ("Haas hat stets abgestritten, von den Zahlungen gewusst zu haben.",
     [("indirect", "von den Zahlungen gewusst zu haben", "Paul Haas")]),
    ("Vogt stellte richtig, dass sie nie Mitglied der Partei gewesen sei.",
     [("indirect", "dass sie nie Mitglied der Partei gewesen sei", "Lena Vogt")]),
])
def test_reported_and_noun_cues(nlp, text, expected):
    found = rows(run(nlp, text))
    assert sorted(found, key=str) == sorted(expected, key=str), found


@pytest.mark.parametrize("text", [
    "Die Bundesregierung will einen schnellen Gipfel.",  # a wish for a thing, no stated aim
    "Haas sagte, dass er das Projekt fortsetzen will.",  # "will" inside another claim adds no row
    "Anfangs war das Heim für Kinder vorgesehen, die aus ihren Familien genommen wurden.",  # a relative clause
    "Das Angebot wurde am Montag angenommen.",
    "Der Bundestag ist der größte Arbeitgeber der Stadt.",  # "ist" without an opinion word
    "Als Vogt bemerkte, dass die Tür offen stand, rief sie die Polizei.",  # "bemerken" is also to notice
    "Niemand hatte erwartet, dass der Zug so früh ankommt.",  # an expectation, no speech act
])
def test_reported_and_noun_cues_negative(nlp, text):
    found = rows(run(nlp, text))
    assert found == [] or text.startswith("Haas") and [r[0] for r in found] == ["indirect"], found


@pytest.mark.parametrize("text, expected", [
    ("Wie der Sprecher des Amtes, Paul Haas, mitteilte, wurde die Straße gesperrt.",
     ("indirect", "wurde die Straße gesperrt", "Paul Haas")),
    ("Von der Leyen betonte, die Reform sei notwendig.", ("indirect", "die Reform sei notwendig", "Leyen")),
    ("Polen und Italien, denen Krüger vorwirft, die Regeln zu brechen, protestieren heftig.",
     ("indirect", "die Regeln zu brechen", "Thomas Krüger")),  # the main clause's verb ends the claim
    # a fronted adverbial before the verb, the named subject after it
    ("Trotz eines Verbots der Internationalen Kommission will Polen den Walfang erlauben.",
     ("reported", "Trotz eines Verbots der Internationalen Kommission will Polen den Walfang erlauben", "Polen")),
    ("Darüberhinaus will sich die Bundesregierung für höhere Löhne einsetzen.",
     ("reported", "Darüberhinaus will sich die Bundesregierung für höhere Löhne einsetzen", "Bundesregierung")),
    # a source phrase inside a verb's whole-sentence claim names who reports it; inside a dass-clause it does not
    ("Die Gewerkschaft hält den Kompromiss laut Krüger für tragfähig.",
     ("indirect", "Die Gewerkschaft hält den Kompromiss laut Krüger für tragfähig", "Thomas Krüger")),
    ("Berger sagte, dass die Firma laut dem Bericht Geld verloren habe.",
     ("indirect", "dass die Firma laut dem Bericht Geld verloren habe", "Anna Berger")),
    # an aside in brackets ends no clause: the subject before it is not lost
    ("Lena Vogt (SPD) hat bei einem Treffen mit ihrer Amtskollegin (PSL, dt. etwa "
     "Bauernpartei) bekräftigt, das Land halte an dem Abkommen fest.",
     ("indirect", "das Land halte an dem Abkommen fest", "Lena Vogt")),
    # "will … werden" is no passive
    ("Nach dem Umbau will der Bundestag schneller werden.",
     ("reported", "Nach dem Umbau will der Bundestag schneller werden", "Bundestag")),
    # the subject of "wird zitiert" is the speaker
    ("Berger wird mit den Worten zitiert: „Wir geben nicht auf.“", ("direct", "Wir geben nicht auf.", "Anna Berger")),
    # a cue-less Konjunktiv sentence reports the subject of the sentence before it
    ("Haas hat den Diebstahl gestanden. In jedem Fall habe er ohne Helfer gearbeitet.",
     ("indirect", "In jedem Fall habe er ohne Helfer gearbeitet", "Paul Haas")),
])
def test_speakers_in_harder_places(nlp, text, expected):
    assert expected in rows(run(nlp, text))


@pytest.mark.parametrize("text, speaker_text", [
    ("Der 52-Jährige gab an, es gehe ihm allein um seinen Hof.", "Der 52-Jährige"),
    ("Aus Regierungskreisen verlautete, dass die Gespräche gescheitert sind.", "Regierungskreisen"),
    # one constituent before the finite verb: "er" after it, or any subject after a fronted
    # prepositional phrase, is the subject, not the noun before the verb
    ("Dem Verein schlug er vor, die Beiträge zu senken.", "er"),
    ("Als Begründung gab er an, er sei krank gewesen.", "er"),
    ("Um 11 Uhr berichtete die Online-Ausgabe des Magazins, dass der Antrag gestellt sei.",
     "die Online-Ausgabe des Magazins"),
    ("In einer Erklärung der Agentur gab sie an, die Lage sei ruhig.", "sie"),
    # an adverb before a subject set off by an apposition; a finite past form after a passive is active
    ("Auch die Leiterin der Delegation, Anna Berger, äußerte sich zufrieden: „Wir haben viel erreicht.“",
     "Anna Berger"),
    ("Als ihm das Urteil verkündet worden war sagte er: „Ich gehe in Berufung.“", "er"),
    ("„Ich trete an“, strich Krüger heraus.", "Krüger"),
    # in a relative clause a name after the pronoun is the subject: the pronoun is the object
    ("Die Marke, die Thomas Krüger zum Ziel erklärt hatte: „Wir schaffen das.“", "Thomas Krüger"),
    # a verb that opens a clause after a comma with no subject of its own shares the sentence's subject
    ("Die Feuerwehr bestätigte den Brand, teilte jedoch mit, es sei offen, wie das Feuer entstand.", "Die Feuerwehr"),
    # "es" after the verb can be its object; a quantifier opens the subject
    ("Experten halten es allerdings für unwahrscheinlich, dass die Mieten sinken.", "Experten"),
    ("Manche Ökonomen halten es für denkbar, dass die Zinsen fallen.", "Manche Ökonomen"),
    # ... and the subject after it, when the verb opens the clause: "sah es das Gericht als erwiesen an"
    ("Die Beweise waren dünn, dennoch sah es das Gericht als erwiesen an, dass Krüger log.", "das Gericht"),
    ("Am Ende hielt es Berger für möglich, dass die Brücke einstürzt.", "Berger"),
    ("Die Lage sei ernst, betonte es in einer Erklärung.", "es"),
    # a noun that opens the sentence before a colon speaks for the person its "von" names, not a place
    ("Das Fazit von Anna Berger fällt klar aus: „Wir haben unser Ziel erreicht.“", "Anna Berger"),
    ("Zitat von Krüger: „Wir geben nicht auf.“", "Krüger"),
    ("Die Lage von Berlin ist ernst: „Wir brauchen mehr Hilfe.“", "Die Lage"),
    ("Die Verfasser des Gutachtens werfen der Stadt vor: „Die Kontrollen reichen nicht aus.“", "Die Verfasser des Gutachtens"),
    # a sentence-initial adverb or adverbial adjective before the verb is no subject
    ("Dagegen beteuerte die Polizei, ständig auf Streife zu sein.", "die Polizei"),
    ("Unmissverständlich sagt das Gericht, dass es nicht überzeugt sei.", "das Gericht"),
    # ... but not when the subject stands between the finite verb and a participle cue
    ("Am Montag hat die Ministerin erklärt, die Reform komme.", "die Ministerin"),
    # a passive's agent is a "von X" that completes no noun; a place is where it was said, not who
    ("Von der Opposition wird kritisiert, dass die Regeln fehlen.", "der Opposition"),
    ("Der Regierung unter der Führung von Thomas Krüger wird vorgeworfen, die Presse zu gängeln.", None),
    ("Kritisiert wird in Italien besonders, dass die Züge oft verspätet sind.", None),
])
def test_speaker_mentions_more(nlp, text, speaker_text):
    doc = run(nlp, text)
    (quote,) = doc.spans[QUOTES_KEY]
    assert quote._.quote["speaker_text"] == speaker_text


@pytest.mark.parametrize("text", [
    "Auch in der dritten Woche gab es heftige Proteste vor den Fabriken.",  # adjective before its noun
    "In der Stadt kam es zeitweise zu Ausfällen der Stromversorgung.",  # "-weise" adverb
    "Zuletzt wurde es von 800 Menschen bewohnt.",  # past "wurde"
    "Bei dem Beben sollen 3.000 Menschen gestorben sein.",  # hearsay with no speaker in reach
])
def test_no_konjunktiv_claim(nlp, text):
    assert rows(run(nlp, text)) == []


def test_reportive_sollen_continues_a_speaker(nlp):
    found = rows(run(nlp, "Krüger sagte, die Lage sei ernst. Der Täter soll das Geld genommen haben."))
    assert ("indirect", "Der Täter soll das Geld genommen haben", "Thomas Krüger") in found


def test_direct_quote_after_colon_is_the_claim(nlp):
    found = rows(run(nlp, "Vogt bestreitet jede Kenntnis: „Davon wusste ich nichts.“"))
    assert found == [("direct", "Davon wusste ich nichts.", "Lena Vogt")]


def test_quote_opening_the_lede_after_the_blanked_date_header(nlp):
    doc = run(nlp, "                „Wir werden die Hilfe ausweiten“, sagte Berger.")
    assert rows(doc) == [("direct", "Wir werden die Hilfe ausweiten", "Anna Berger")]


@pytest.mark.parametrize("segmented", [False, True])
def test_a_doc_without_sentences_is_warned_about(nlp, segmented, recwarn):
    doc = nlp.make_doc("Merz sagte, die Lage sei ernst.")
    if segmented:
        SentenceSegmenter(nlp)(doc)
    nlp.quotes(doc)
    assert any("has no sentences; add de_sentences_v1" in str(w.message) for w in recwarn) != segmented


@pytest.mark.parametrize("text, snippet, expected", [
    # a derived adjective in -e is no Konjunktiv I ("inklusive", "diesjährige"); a verb in -e after the subject is
    ("Krüger sagte, die Lage sei ernst. Die Zahl stand für alle Spiele, Peking inklusive.", "Peking", None),
    ("Krüger sagte, die Lage sei ernst. Die Firma Zeiss plane neue Werke.", "Zeiss",
     ("indirect", "Die Firma Zeiss plane neue Werke", "Thomas Krüger")),
    # beside "ich" only sein and the modal verbs show the Konjunktiv ...
    ("Krüger sagte, er habe das Geld. Ich sei nie dort gewesen, fügte er hinzu.", "Ich sei nie dort gewesen",
     ("indirect", "Ich sei nie dort gewesen", "Thomas Krüger")),
    ("Krüger sagte, ich könne gehen.", "gehen", ("indirect", "ich könne gehen", "Thomas Krüger")),
    # ... "ich habe", "halte ich", "ich denke" are indicative: no claim goes on after a speaker
    ("Krüger sagte, er komme. Ich habe das Gefühl, der Abend wird lang.", "Gefühl", None),
    ("Krüger sagte, er komme. Praktisch halte ich es mit dem Senator.", "Senator", None),
    ("Krüger sagte, er komme. Ich denke es geht um das Geld.", "Geld", None),
])
def test_first_person_konjunktiv(nlp, text, snippet, expected):
    found = [q for q in rows(run(nlp, text)) if snippet in q[1]]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize("text, expected", [
    # a cue-less Konjunktiv clause after a main clause of the writer's own is the claim, and the subject of
    # that clause its speaker
    ("Am Freitag legte Vogt den Akzent auf die Aussage, es sei ein Rückgang der Armut zu beobachten.",
     ("indirect", "es sei ein Rückgang der Armut zu beobachten", "Lena Vogt")),
    ("Krüger sieht darin einen Angriff, es stehe im Gegensatz zur Verfassung.",
     ("indirect", "es stehe im Gegensatz zur Verfassung", "Thomas Krüger")),
    # ... not after noun phrases only or a subordinate clause: the whole sentence goes on reporting
    ("Berger sagte, die Lage sei ernst. Die Toten, von denen einige gefesselt worden seien, seien identifiziert worden.",
     ("indirect", "Die Toten, von denen einige gefesselt worden seien, seien identifiziert worden", "Anna Berger")),
    ("Berger sagte, die Lage sei ernst. Nachdem er sie verfolgt hat, habe er sie bedroht.",
     ("indirect", "Nachdem er sie verfolgt hat, habe er sie bedroht", "Anna Berger")),
])
def test_konjunktiv_clause_after_the_writers_clause(nlp, text, expected):
    assert expected in rows(run(nlp, text))


# -- decisions, agreements and what documents say: verbs that take a clause as their content ----------

ROWS["decision_and_document_verbs"] = [
    ("Der Bundestag beschloss am Dienstag, die Frist um ein Jahr zu verlängern.",
     [("indirect", "die Frist um ein Jahr zu verlängern", "Bundestag")]),
    ("Die Klausel besagt, dass der Käufer die Anteile zurückgeben muss.",
     [("indirect", "dass der Käufer die Anteile zurückgeben muss", None)]),
    ("Berger erwägt, gegen das Urteil Berufung einzulegen.",
     [("indirect", "gegen das Urteil Berufung einzulegen", "Anna Berger")]),
    ("Polen und Frankreich einigten sich darauf, dass die Grenze offen bleibt.",
     [("indirect", "dass die Grenze offen bleibt", "Frankreich")]),
    ("Die Bundesregierung hat mit den Ländern vereinbart, die Kosten zu teilen.",
     [("indirect", "die Kosten zu teilen", "Bundesregierung")]),
    ("Die Lage sei unter Kontrolle, verlautbarte die Bundesregierung am Abend.",
     [("indirect", "Die Lage sei unter Kontrolle", "Bundesregierung")]),
    # no clause of content: nothing reported
    ("Der Haushalt wurde am Freitag im Bundestag beschlossen.", []),
    ("Die Parteien einigten am Ende die Basis hinter dem Vertrag.", []),
    ("Mit einigen Nachbarn hat Berger einen Vertrag.", []),
]


ROWS["claim_ends_at_a_semicolon_before_the_writers_indicative"] = [
    # the writer goes on in the indicative after a semicolon: the claim ends there
    ("Vogt gab an, dass sie bedroht worden war; die Polizei prüft nun den Fall.",
     [("indirect", "dass sie bedroht worden war", "Lena Vogt")]),
    ("Die Firma wurde beschuldigt, die Daten weitergegeben zu haben; diese bestritt das stets.",
     [("indirect", "die Daten weitergegeben zu haben", None)]),
    # ... the Konjunktiv after it goes on reporting
    ("Krüger sagte, dass die Lage ernst war; die Nachbarn seien besorgt.",
     [("indirect", "dass die Lage ernst war; die Nachbarn seien besorgt", "Thomas Krüger")]),
]


ROWS["heisst_es_after_the_source_that_opens_the_sentence"] = [
    # the sentence opens with where it is said, set off by a relative clause: the claim is what follows "heißt es"
    ("In dem Bericht, der gestern veröffentlicht wurde, heißt es, die Zahl der Unfälle sei gestiegen.",
     [("indirect", "die Zahl der Unfälle sei gestiegen", None)]),
    ("Im Schreiben der Bundesregierung, das am Montag einging, heißt es, dass die Mittel fehlen.",
     [("indirect", "dass die Mittel fehlen", "Bundesregierung")]),
    # ... a claim before "heißt es" stays the claim
    ("Die Zahl der Unfälle sei gestiegen, heißt es in dem Bericht.",
     [("indirect", "Die Zahl der Unfälle sei gestiegen", None)]),
]


ROWS["adverb_that_looks_like_a_subordinator"] = [
    # "damit" before a verb in second place is an adverb opening the reported main clause, no "so that"
    ("Krüger erklärte hingegen, damit solle ein Stillstand vermieden werden.",
     [("indirect", "damit solle ein Stillstand vermieden werden", "Thomas Krüger")]),
    # ... a purpose clause after a speech verb is no claim
    ("Krüger schrieb einen Brief an die Nachbarn, damit sie den Plan kennen.", []),
]


ROWS["criticism_and_denial_need_a_judgement_or_a_clause"] = [
    # criticism reports a claim as a judgement with "als" or as a clause ...
    ("Krüger kritisierte den Beschluss als Fehler.",
     [("reported", "Krüger kritisierte den Beschluss als Fehler", "Thomas Krüger")]),
    ("Berger kritisierte, dass die Mittel zu spät kämen.",
     [("indirect", "dass die Mittel zu spät kämen", "Anna Berger")]),
    ("Haas bestritt, von den Zahlungen gewusst zu haben.", [("indirect", "von den Zahlungen gewusst zu haben", "Paul Haas")]),
    # ... an object alone names what was criticised or denied, not what was said
    ("Krüger kritisierte den Beschluss der Bundesregierung.", []),
    ("Die Bundesregierung hat das Vorgehen der Nachbarn mehrmals kritisiert.", []),
    ("Vogt bestreitet die Anschuldigungen gegen ihre Firma.", []),
    ("Polen bestreitet sein zweites Spiel am Sonntag in Wien.", []),
]


ROWS["first_constituent_before_the_cue_is_no_claim"] = [
    # the first constituent of the verb-second clause before "sagte X" is no claim: a prepositional phrase with a
    # relative clause on it, or a subordinate clause of time or cause; the claim is what follows the verb
    ("In einer Videobotschaft, die am Abend gezeigt wurde, sagte Haas, er gebe nicht auf.",
     [("indirect", "er gebe nicht auf", "Paul Haas")]),
    ("In einer Videobotschaft, die am Abend gezeigt wurde, sagte Haas: „Wir geben nicht auf.“",
     [("direct", "Wir geben nicht auf.", "Paul Haas")]),
    ("Nachdem die Polizei eingetroffen war, erklärte Vogt, die Lage sei ruhig.",
     [("indirect", "die Lage sei ruhig", "Lena Vogt")]),
    ("Wieso die Maschine umkehrte, gab die Bundesregierung nicht bekannt.", []),
    # ... a clause of content before it is the claim
    ("Dass die Maschine umkehrte, gab die Bundesregierung am Abend bekannt.",
     [("indirect", "Dass die Maschine umkehrte", "Bundesregierung")]),
    ("In Berlin sei die Lage ruhig, sagte Vogt.", [("indirect", "In Berlin sei die Lage ruhig", "Lena Vogt")]),
]


ROWS["apposition_before_a_colon_is_no_claim"] = [
    # an apposition to the speaker before a colon is no claim; the quotation after it is
    ("In einem Interview sagte Haas, Gründer der Band: „Wir hören nicht auf.“",
     [("direct", "Wir hören nicht auf.", "Paul Haas")]),
    ("Am Abend sagte Haas, der Chef des Unternehmens: „Wir schließen das Werk nicht.“",
     [("direct", "Wir schließen das Werk nicht.", "Paul Haas")]),
    # ... a claim before a colon stays one
    ("Haas sagte, die Lage sei ernst: Es fehle an allem.", [("indirect", "die Lage sei ernst: Es fehle an allem", "Paul Haas")]),
]


ROWS["verbs_whose_object_is_what_was_said"] = [
    # verbs whose prepositional or accusative object names what was said report the sentence without a clause
    ("Krüger wies auf die Gefahr eines Hochwassers hin.",
     [("reported", "Krüger wies auf die Gefahr eines Hochwassers hin", "Thomas Krüger")]),
    ("Die Bundesregierung riet allen Reisenden zu großer Vorsicht.",
     [("reported", "Die Bundesregierung riet allen Reisenden zu großer Vorsicht", "Bundesregierung")]),
    ("Vogt plädierte für einen raschen Abzug der Truppen.",
     [("reported", "Vogt plädierte für einen raschen Abzug der Truppen", "Lena Vogt")]),
    ("Die Bundesregierung schätzt den Schaden auf zwei Millionen Euro.",
     [("reported", "Die Bundesregierung schätzt den Schaden auf zwei Millionen Euro", "Bundesregierung")]),
    # ... with a clause the clause is the claim
    ("Krüger wies darauf hin, dass die Deiche halten.", [("indirect", "dass die Deiche halten", "Thomas Krüger")]),
    # "wies … zurück" is another verb
    ("Die Polizei wies die Demonstranten zurück.", []),
]


ROWS["ascribing_and_recommending"] = [
    ("Krüger schreibt der Bundesregierung das Verdienst zu, die Krise beendet zu haben.",
     [("indirect", "die Krise beendet zu haben", "Thomas Krüger")]),
    ("Vogt empfahl den Umstieg auf die Bahn.", [("reported", "Vogt empfahl den Umstieg auf die Bahn", "Lena Vogt")]),
    ("Das Gedicht wird einem Mönch zugeschrieben.", []),
]


ROWS["source_nouns_after_nach"] = [
    # "nach" with a noun that names a source, not an event: a plan, a document, a forecast, a draft, a result
    ("Nach einem Dokument der Bundesregierung sollen die Mittel gekürzt werden.",
     [("indirect", "sollen die Mittel gekürzt werden", "Bundesregierung")]),
    ("Nach dem amtlichen Endergebnis bekam die Liste 23 Prozent der Sitze.",
     [("indirect", "bekam die Liste 23 Prozent der Sitze", None)]),
    ("Nach der Vorhersage der Bundesregierung werden die Preise weiter steigen.",
     [("indirect", "werden die Preise weiter steigen", "Bundesregierung")]),
    # ... an event after "nach" is a time
    ("Nach dem Spiel fuhr die Mannschaft nach Hause.", []),
]


@pytest.mark.parametrize("text, speaker_text, expected", [
    # a source word that opens a relative clause: the clause is the claim, the pronoun the local mention
    ("Es gibt zudem Gerüchte, nach denen die Torhüterin den Verein verlassen hatte.", "denen",
     [("indirect", "die Torhüterin den Verein verlassen hatte", None)]),
    ("Dem Gericht liegt ein Gutachten vor, laut dem das Kind misshandelt worden war.", "dem",
     [("indirect", "das Kind misshandelt worden war", None)]),
    ("Er verwies auf die Grundsätze, denen zufolge von der Unschuld auszugehen sei.", "denen",
     [("indirect", "von der Unschuld auszugehen sei", None)]),
    ("Die Bundesregierung stellte einen Antrag, nach welchem die Flagge ersetzt werden sollte.", "welchem",
     [("indirect", "die Flagge ersetzt werden sollte", None)]),
    # ... after "nach" an article opens a clause of time, and "laut dem Bericht" is a noun phrase
    ("Die Sitzung ging in die Mittagspause, nach der die Stimmung besser wurde.", None, []),
    ("Er kam um acht Uhr, nach dem das Spiel begann.", None, []),
])
def test_source_word_opening_a_relative_clause(nlp, text, speaker_text, expected):
    doc = run(nlp, text)
    assert rows(doc) == expected
    assert [s._.quote["speaker_text"] for s in doc.spans[QUOTES_KEY]] == ([speaker_text] if expected else [])


@pytest.mark.parametrize("text, speaker_text", [
    # "deren", "dessen" before a noun are determiners: "nach deren Angaben" names a source
    ("Die Forscher stellten ihre Studie vor. Nach deren Angaben sollten Kinder mehr Obst essen.", "deren Angaben"),
    ("Das Auto des Händlers, das nach dessen Angaben neue Reifen hatte, blieb liegen.", "dessen Angaben"),
    # ... and open no subject of their own: "in dessen Folge das Gericht festgestellt hatte"
    ("Es folgte der Skandal, in dessen Folge das Parlament festgestellt hatte, die Liste sei zulässig.", "das Parlament"),
])
def test_possessive_relatives_as_determiners(nlp, text, speaker_text):
    doc = run(nlp, text)
    assert [s._.quote["speaker_text"] for s in doc.spans[QUOTES_KEY]] == [speaker_text]


@pytest.mark.parametrize("text, speaker_text", [
    # a prepositional phrase or an adverb before the first adjective stays inside the noun phrase
    ("Laut einer am Montag veröffentlichten Mitteilung des Verbandes wurden 300 Menschen versorgt.",
     "einer am Montag veröffentlichten Mitteilung des Verbandes"),
    ("Nach bisher unbestätigten Meldungen wurde dem Verein eine Frist gesetzt.", "bisher unbestätigten Meldungen"),
    ("Die am Montag gewählte Präsidentin sagte, sie sei froh.", "Die am Montag gewählte Präsidentin"),
])
def test_extended_attribute_in_the_source_phrase(nlp, text, speaker_text):
    doc = run(nlp, text)
    assert [s._.quote["speaker_text"] for s in doc.spans[QUOTES_KEY]] == [speaker_text]


def test_adverb_opening_a_sentence_is_no_attribute(nlp):
    doc = run(nlp, "Krüger sagte, die Firmen seien schuld. Die Lage ist ernst. Deshalb sollten Manager persönlich "
                   "haften. Dadurch würde die Verantwortung wachsen.")
    assert "Deshalb sollten Manager" not in [s._.quote["speaker_text"] for s in doc.spans[QUOTES_KEY]]


ROWS["sprechen_von_reports_the_sentence"] = [
    # "X sprach von Y" reports the whole sentence, as "bezeichnete X als Y" does
    ("Der Minister Haas sprach am Montag von einem großen Erfolg für die Region.",
     [("reported", "Der Minister Haas sprach am Montag von einem großen Erfolg für die Region", "Paul Haas")]),
    # ... from its own clause after another speaker's cue, not after a cue in a relative clause
    ("Vogt räumte ein, es gebe Verluste, sprach aber von einem offenen Prozess.",
     [("indirect", "es gebe Verluste", "Lena Vogt"), ("reported", "sprach aber von einem offenen Prozess", "Lena Vogt")]),
    ("Die Bundesregierung, die den Schaden noch beziffert, spricht von tausend gestohlenen Stücken.",
     [("reported", "Die Bundesregierung, die den Schaden noch beziffert, spricht von tausend gestohlenen Stücken",
       "Bundesregierung")]),
    # a quoted object of "von" is the claim itself
    ("Haas sprach von einer „Katastrophe für die Region“.", [("direct", "Katastrophe für die Region", "Paul Haas")]),
]


ROWS["quotation_after_a_colon_before_sagte"] = [
    # a quotation after a colon, then ", sagte er": the quotation is the claim, not the sentence around it
    ("Der Förster Paul Haas war nach der Zählung zufrieden: „Ein gesunder Wald“, sagte er dem Radio.",
     [("direct", "Ein gesunder Wald", "Paul Haas")]),
    ("Krüger äußerte sich zu den Plänen der Bahn: „Wir erwarten klare Antworten“, sagte er am Morgen.",
     [("direct", "Wir erwarten klare Antworten", "Thomas Krüger")]),
    # ... quoted words inside the claim keep the sentence as the claim
    ("Die Lage sei „sehr ernst“, sagte Krüger.", [("indirect", "Die Lage sei „sehr ernst“", "Thomas Krüger")]),
]


@pytest.mark.parametrize("text, speaker_text", [
    # a web address in quotation marks is a quoted name, though in lower case
    ("Laut „tagesschau.de“ gehören auch politische Posten zu den Forderungen.", "„tagesschau.de“"),
    ("Zudem hatte sie laut „tagesschau.de“ kritisiert, dass die Schulen zu wenig Geld bekämen.", "„tagesschau.de“"),
    ("Laut „Spiegel Online“ gehören auch politische Posten zu den Forderungen.", "„Spiegel Online“"),
])
def test_quoted_web_address_is_a_source(nlp, text, speaker_text):
    doc = run(nlp, text)
    assert [s._.quote["speaker_text"] for s in doc.spans[QUOTES_KEY]] == [speaker_text]


ROWS["particle_after_an_apposition_before_the_claim"] = [
    # a separable particle set off by commas after an apposition, before the claim
    ("Jetzt gab der Sprecher der Polizei, Paul Haas, bekannt, dass die Straße gesperrt bleibt.",
     [("indirect", "dass die Straße gesperrt bleibt", "Paul Haas")]),
    ("Am Abend teilte die Sprecherin, Lena Vogt, mit, die Lage sei ruhig.",
     [("indirect", "die Lage sei ruhig", "Lena Vogt")]),
    # ... a particle of another verb does not make the cue
    ("Jetzt gab der Sprecher der Polizei, Paul Haas, dem Reporter das Mikrofon zurück.", []),
]


ROWS["impersonal_cue_in_a_clause_of_time_or_a_relative_clause"] = [
    # "bekannt werden" in a clause of time or a relative clause says that something became known or someone
    # famous: its claim is only a dass-clause right after it, never the main clause around it
    ("Vogt hatte ihr Amt niedergelegt, nachdem bekannt geworden war, dass sie Spenden verschwiegen hatte.",
     [("indirect", "dass sie Spenden verschwiegen hatte", None)]),
    ("Der Sänger, der durch eine Fernsehserie bekannt wurde, ist gestorben.", []),
    ("Das Hotel wird abgerissen, das durch einen Film bekannt geworden war.", []),
    ("Nachdem die Fälschung öffentlich bekannt wurde, trat die Abgeordnete zurück.", []),
    ("Haas, von Beruf Bäcker, wurde landesweit bekannt, als er einen Preis gewann.", []),
    # (as before: what was made known before the cue, or after "wie")
    ("Der Konzern schließt drei Werke in Polen, wurde am Montag bekannt.",
     [("indirect", "Der Konzern schließt drei Werke in Polen", None)]),
    ("Wie heute bekannt wurde, sind im Delta erste Fälle aufgetreten.",
     [("indirect", "sind im Delta erste Fälle aufgetreten", None)]),
    ("Die Lage sei ernst, hieß es am Abend.", [("indirect", "Die Lage sei ernst", None)]),
    ("Als Begründung heißt es, die Gesetze seien ausreichend.",
     [("indirect", "die Gesetze seien ausreichend", None)]),
]


@pytest.mark.parametrize("text, speaker_text, quote", [
    # a quotation governed by the "als" of a judging verb is a judgement at any length; a verb after the quotation
    # ends the clause that holds the "als": its subject, agent or relative pronoun is the speaker
    ("Seine Bilder werden von Kritikern als „Meilensteine in der Geschichte der Malerei“ bezeichnet.",
     "Kritikern", "Meilensteine in der Geschichte der Malerei"),
    ("Am Freitag erschien ein Leitartikel, der das Urteil als „einen schwer verständlichen Fehlgriff“ bezeichnet.",
     "der", "einen schwer verständlichen Fehlgriff"),
    ("Die Firma wurde gestern im „Standard“ als „eine sehr bedeutende Organisation der Stadt“ bezeichnet.",
     "„Standard“", "eine sehr bedeutende Organisation der Stadt"),
    ("Krüger hat den Plan als „großen Unsinn ohne jeden Nutzen“ bezeichnet.", "Krüger",
     "großen Unsinn ohne jeden Nutzen"),
])
def test_long_judgement_after_als(nlp, text, speaker_text, quote):
    doc = run(nlp, text)
    assert [(s.text, s._.quote["speaker_text"]) for s in doc.spans[QUOTES_KEY]] == [(quote, speaker_text)]


@pytest.mark.parametrize("text", [
    # ... not a title after "als" without a judging verb, nor a quotation no verb governs
    "Der Film lief als „Das Leben der anderen Leute im Osten“ in den Kinos.",
    "Die Band spielte als Zugabe „Ein Lied für die Stadt am Fluss“.",
])
def test_long_judgement_after_als_negative(nlp, text):
    assert rows(run(nlp, text)) == []


ROWS["subject_of_a_subordinate_clause_before_an_apposition"] = [
    # "…, wie X, Apposition, mitteilte": the subject opens the wie-clause before the apposition
    ("Die Maschine stand unter Druck, wie Paul Haas, Chef der Firma, mitteilte.",
     [("indirect", "Die Maschine stand unter Druck", "Paul Haas")]),
    ("Die Straße bleibt gesperrt, wie der Sprecher der Polizei, Paul Haas, am Abend mitteilte.",
     [("indirect", "Die Straße bleibt gesperrt", "Paul Haas")]),
    ("Die Firma schließt, nachdem Lena Vogt, die Leiterin der Filiale, erklärt hatte, dass die Zahlen schlecht seien.",
     [("indirect", "dass die Zahlen schlecht seien", "Lena Vogt")]),
    # ... not a comparison inserted right before the verb's clause
    ("Die Lage sei heikel, wenn er, wie auch schon die Kollegin vom Verband, auf die Risiken hinweist.",
     [("indirect", "Die Lage sei heikel, wenn er, wie auch schon die Kollegin vom Verband, auf die Risiken hinweist",
       None)]),
]


ROWS["speech_act_noun_before_its_content_clause"] = [
    # a noun of a speech act before its content clause (dass-clause, zu-infinitive, Konjunktiv): the clause is the
    # claim; its genitive or "von" complement speaks, else the subject of its clause, else the noun itself
    ("Die Partei reagierte auf die Forderung von Krüger, in der Steuerpolitik nachzugeben.",
     [("indirect", "in der Steuerpolitik nachzugeben", "Thomas Krüger")]),
    ("Die Überfahrt gelang trotz einer Warnung der Küstenwache, bei Sturm im Hafen zu bleiben.",
     [("indirect", "bei Sturm im Hafen zu bleiben", None)]),
    ("Dem Appell der Stadt, sich zu melden, folgte kaum jemand.", [("indirect", "sich zu melden", None)]),
    ("Krüger trat dem Vorwurf der Verteidigung, das Gericht sei befangen, entschieden entgegen.",
     [("indirect", "das Gericht sei befangen", None)]),
    ("Am Abend erteilte Berger der Feuerwehr den Befehl, das Gebäude zu räumen und die Straße zu sperren.",
     [("indirect", "das Gebäude zu räumen und die Straße zu sperren", "Anna Berger")]),
    ("Damals hatte der Bundestag eine deutliche Mahnung an die Regierung ausgesprochen, das Gesetz nicht zu umgehen.",
     [("indirect", "das Gesetz nicht zu umgehen", "Bundestag")]),
    ("Vorwürfe werden laut, dass die Firma Daten verkauft habe.",
     [("indirect", "dass die Firma Daten verkauft habe", None)]),
    ("Krüger hat den Vorschlag unterbreitet, dem im kommenden Jahr drohenden Mangel durch Umschulungen zu begegnen.",
     [("indirect", "dem im kommenden Jahr drohenden Mangel durch Umschulungen zu begegnen", "Thomas Krüger")]),
]


@pytest.mark.parametrize("text", [
    # ... not a noun of possibility or aim, a relative clause, a clause of purpose, nor a clause a correlative
    # after a preposition's noun governs
    "Die Firma bietet ihren Kunden die Möglichkeit, Karten im Netz zu kaufen.",
    "Nach einem Aufruf, der am Montag verbreitet wurde, kamen viele Helfer.",
    "Der Vorschlag, den die Kommission gemacht hat, liegt seit Montag vor.",
    "Es geht bei diesen Drohungen darum, die Nachbarn unter Druck zu setzen.",
    "Der Beschluss fiel, um die Kosten zu senken.",
    "Bekannt waren Gerüchte, die sie geschickt zu verbreiten verstand.",
])
def test_speech_act_noun_before_its_content_clause_negative(nlp, text):
    assert rows(run(nlp, text)) == []


ROWS["man_stands_for_the_speaker_in_the_context"] = [
    # "man" as the subject of a speech verb stands for the speaker of the sentence just before, or for a body
    # that opens its own sentence in a clause of its own; else for no one
    ("Offiziell sagt die Bundesregierung, man unterstütze die Bauern großzügig. Aber man betont auch, dass das "
     "Geld knapp sei.",
     [("indirect", "man unterstütze die Bauern großzügig", "Bundesregierung"),
      ("indirect", "dass das Geld knapp sei", "Bundesregierung")]),
    ("Die Bundesregierung hält am Plan fest, allerdings will man auf Kündigungen verzichten.",
     [("reported", "Die Bundesregierung hält am Plan fest, allerdings will man auf Kündigungen verzichten",
       "Bundesregierung")]),
    ("Der Bär wurde gesehen. Nach der Betäubung will man ihn in einen Zoo bringen.",
     [("reported", "Nach der Betäubung will man ihn in einen Zoo bringen", None)]),
    ("Krüger sagte, die Lage sei ernst. Das Wetter war schlecht. Man befürchtete, dass die Ernte ausfällt.",
     [("indirect", "die Lage sei ernst", "Thomas Krüger"), ("indirect", "dass die Ernte ausfällt", None)]),
]


ROWS["source_phrase_inside_a_speech_verbs_claim"] = [
    # a source phrase inside the claim of a speech verb is part of what the speaker said
    ("Ein Sprecher der Feuerwehr, Paul Haas, sagte am Morgen, nach ersten Erkenntnissen habe eine Nachbarin den "
     "Brand entdeckt.",
     [("indirect", "nach ersten Erkenntnissen habe eine Nachbarin den Brand entdeckt", "Paul Haas")]),
    ("Wie Krüger mitteilte, ist die Lage nach Auffassung der Bundesregierung ernst.",
     [("indirect", "ist die Lage nach Auffassung der Bundesregierung ernst", "Thomas Krüger")]),
    # ... but a source phrase before the verb's clause attributes the whole report to the source
    ("Laut „Tagesspiegel“ hat Krüger am Montag verkündet, die Partei wolle die Steuern senken.",
     [("indirect", "hat Krüger am Montag verkündet, die Partei wolle die Steuern senken", None)]),
    # ... and ", so X" that ends the sentence is no phrase inside a claim
    ("Die Nachbarn werden inzwischen aufgefordert, die Grenze zu öffnen, so Krüger.",
     [("indirect", "Die Nachbarn werden inzwischen aufgefordert, die Grenze zu öffnen", "Thomas Krüger"),
      ("indirect", "die Grenze zu öffnen, so Krüger", None)]),
]


@pytest.mark.parametrize("text, quote, speaker_text", [
    # "Einer der X, Name, sagte": "one of" heads the phrase, the name in apposition speaks
    ("Einer der Ärzte, Paul Haas, dankte den Helfern und ergänzte, der Mann sei außer Gefahr.",
     "der Mann sei außer Gefahr", "Paul Haas"),
    ("Eine der größten Parteien des Landes behauptete am Abend, dass viele Beobachter verhaftet worden seien.",
     "dass viele Beobachter verhaftet worden seien", "Eine der größten Parteien des Landes"),
    # the agent right before a passive participle, after the subject noun
    ("Zudem wurde die Bundesregierung vom Bundestag aufgefordert, die Einreise zu verweigern.",
     "die Einreise zu verweigern", "Bundestag"),
    # a demonstrative that stands alone is the subject after the verb
    ("Für Vogt, so schrieb diese in einem Brief, sei der Preis eine Überraschung.", "sei der Preis eine Überraschung", "diese"),
    # an infinitive of manner set off by commas between the speaker and the claim
    ("Am Donnerstag sagte Krüger, Kommandant der Truppe, ohne auf einen Vorfall einzugehen, dass ihn die Vorwürfe "
     "besorgt hätten.", "dass ihn die Vorwürfe besorgt hätten", "Krüger"),
])
def test_speakers_of_partitives_passive_agents_and_demonstratives(nlp, text, quote, speaker_text):
    doc = run(nlp, text)
    assert [(s.text, s._.quote["speaker_text"]) for s in doc.spans[QUOTES_KEY]] == [(quote, speaker_text)]


@pytest.mark.parametrize("text", [
    # ... not a noun's complement before the participle, nor a clause after an infinitive that is no claim
    "Nach dem Sturm wird der Einsturz von Brücken befürchtet.",
    "Bislang hat der Verein nicht geantwortet, um einen Streit zu verhindern, nicht weil er es nicht wüsste.",
])
def test_speakers_of_partitives_passive_agents_and_demonstratives_negative(nlp, text):
    doc = run(nlp, text)
    assert [s._.quote["speaker_text"] for s in doc.spans[QUOTES_KEY]] in ([], [None])


@pytest.mark.parametrize("text", [
    # the infinitive's "zu" before a verb is no separable particle: "zu geben" is no "zugeben"
    "Im Vorstand scheint es weiter Streit darüber zu geben, ob die Halle verkauft wird.",
])
def test_infinitive_zu_is_no_particle(nlp, text):
    assert rows(run(nlp, text)) == []


ROWS["reason_in_konjunktiv_after_the_speakers_clause"] = [
    # a reason in Konjunktiv after a main clause in the indicative is the reason its subject gives
    ("Haas bot einen Rabatt an, da er angeblich noch alte Ware habe.",
     [("indirect", "da er angeblich noch alte Ware habe", "Paul Haas")]),
    ("Auch einer Klage räumte Berger keine Chance ein, weil die Gesetze eingehalten würden.",
     [("indirect", "weil die Gesetze eingehalten würden", "Anna Berger")]),
    # ... not a reason in the indicative, nor one after a subject that names no one
    ("Krüger bot eine Reservierung an, weil er noch einen Tisch hatte.", []),
    ("Die Straße war lange gesperrt, weil dort gebaut werde.", []),
    # ... nor a hypothetical consequence after "sonst"
    ("Krüger drängt auf Tempo, weil sonst keine Einigung zu erreichen sei.", []),
]


ROWS["main_clause_after_a_fronted_phrase_with_als_or_seit"] = [
    # a word that may open a subordinate clause heads the first constituent of a main clause when the subject
    # follows the verb: the sentence reports what the verb's object names
    ("Als Grund nannte Krüger die hohen Kosten der Reform.",
     [("reported", "Als Grund nannte Krüger die hohen Kosten der Reform", "Thomas Krüger")]),
    ("Seit Wochen fordert die Bundesregierung die Freilassung der Geiseln.",
     [("reported", "Seit Wochen fordert die Bundesregierung die Freilassung der Geiseln", "Bundesregierung")]),
    # ... not a subordinate clause, whose verb comes last, nor an adjective before its noun
    ("Als Krüger die hohen Kosten der Reform nannte, wurde es still im Saal.", []),
    ("Bis jetzt sind die verdächtigen Stoffe nicht im Wasser gefunden worden.", []),
]


ROWS["von_etwas_ausgehen"] = [
    # "von X ausgehen" with a person or organisation as subject reports what X names, as "davon ausgehen, dass …"
    ("Die Bundesregierung geht von einem Anschlag aus.",
     [("reported", "Die Bundesregierung geht von einem Anschlag aus", "Bundesregierung")]),
    ("Krüger ging bei dem Brand von Brandstiftung aus.",
     [("reported", "Krüger ging bei dem Brand von Brandstiftung aus", "Thomas Krüger")]),
    # ... not a thing that a danger or an initiative comes from
    ("Die größte Gefahr geht von dem Vulkan aus.", []),
    ("Die Initiative ging von Berlin aus.", []),
]


ROWS["zu_infinitive_after_the_cue_without_a_comma"] = [
    # a zu-infinitive right after the speech verb, with no comma before it, is the claim to the clause's end
    ("Die Bundesregierung hat angekündigt die Steuern im Herbst zu senken.",
     [("indirect", "die Steuern im Herbst zu senken", "Bundesregierung")]),
    ("Am Montag hat Krüger angekündigt sein Mandat niederzulegen.",
     [("indirect", "sein Mandat niederzulegen", "Thomas Krüger")]),
    ("Die Anwohner wurden aufgefordert die Fenster geschlossen zu halten.",
     [("indirect", "die Fenster geschlossen zu halten", None)]),
    # ... not the cue inside an infinitive of its own, which reports nothing either
    ("Die Reporter brachen den Streik ab, um über die Wahl berichten zu können.", []),
    ("Die Regel soll allen Mietern erlauben, vom Vermieter eine Abrechnung verlangen zu können.", []),
]


ROWS["particle_after_an_insert"] = [
    # the particle of a separable verb closes its clause after an insert, with adverbs or the word the verb governs
    # before it: the clause after that is the claim
    ("Zu dieser Zeit ging Lena Vogt, die Anwältin der Familie, noch davon aus, dass der Vertrag hält.",
     [("indirect", "dass der Vertrag hält", "Lena Vogt")]),
    ("Krüger geht nach einem Treffen mit Paul Haas, dem Leiter der Behörde, davon aus, dass die Nachbarn folgen.",
     [("indirect", "dass die Nachbarn folgen", "Thomas Krüger")]),
    # ... not a verb whose particle is missing ("ging … davon" is no "davon ausgehen")
    ("Krüger ging, wie jeden Tag, davon, als die Nachbarn kamen.", []),
]


@pytest.mark.parametrize("text, quote, speaker_text", [
    # a passive cue reports from the document that opens the sentence when a relative clause stands between
    ("In einer Erklärung, die am Freitag in Wien verbreitet wurde, wurde verkündet, dass der Termin steht.",
     "dass der Termin steht", "einer Erklärung"),
    ("In der Stellungnahme, auf die sich viele Zeitungen berufen, wird der Schritt damit begründet, dass die Kosten "
     "steigen.", "dass die Kosten steigen", "der Stellungnahme"),
    # ... not a place, which says where, not who
    ("In Berlin, wo die Sitzung stattfand, wurde verkündet, dass die Frist gilt.", "dass die Frist gilt", None),
])
def test_passive_cue_after_a_document_and_a_relative_clause(nlp, text, quote, speaker_text):
    doc = run(nlp, text)
    assert [(s.text, s._.quote["speaker_text"]) for s in doc.spans[QUOTES_KEY]] == [(quote, speaker_text)]


@pytest.mark.parametrize("text, quote, speaker_text", [
    # a finite auxiliary right after an insert is the verb in second place: the subject stands before the insert,
    # the name after the auxiliary is the object
    ("Der Vorsitzende der Partei, Paul Haas, hatte Krüger gestern aufgefordert, sein Mandat niederzulegen.",
     "sein Mandat niederzulegen", "Paul Haas"),
    ("Die Leiterin, die seit Jahren in Wien lebt, hat Krüger aufgefordert, den Vertrag zu prüfen.",
     "den Vertrag zu prüfen", "Die Leiterin"),
])
def test_subject_before_an_insert_and_the_auxiliary(nlp, text, quote, speaker_text):
    doc = run(nlp, text)
    assert [(s.text, s._.quote["speaker_text"]) for s in doc.spans[QUOTES_KEY]] == [(quote, speaker_text)]


ROWS["perfect_tense_cue_after_the_claim"] = [
    # "…, hatte X gesagt": the auxiliary after a claim in Konjunktiv is the verb in second place, as in "…, sagte X"
    ("Der Plan sei gescheitert, hatte Krüger am Montag gesagt.",
     [("indirect", "Der Plan sei gescheitert", "Thomas Krüger")]),
    ("Die Lage sei unter Kontrolle, hat die Bundesregierung erklärt.",
     [("indirect", "Die Lage sei unter Kontrolle", "Bundesregierung")]),
    # ... not after a clause of condition in the indicative
    ("Falls der Brief echt ist, hat Krüger den Nachbarn gedroht.",
     [("reported", "Falls der Brief echt ist, hat Krüger den Nachbarn gedroht", "Thomas Krüger")]),
]


ROWS["claim_opening_with_a_subordinate_clause"] = [
    # after a speech verb, a subordinate clause may open the claim whose main clause is in Konjunktiv
    ("Krüger sagte, wenn die Preise stiegen, werde er zurücktreten.",
     [("indirect", "wenn die Preise stiegen, werde er zurücktreten", "Thomas Krüger")]),
    ("Berger erklärte, wer so handle, müsse bestraft werden.",
     [("indirect", "wer so handle, müsse bestraft werden", "Anna Berger")]),
    # ... not a clause of time with no claim in Konjunktiv
    ("Krüger sagte, als die Polizei kam, nichts mehr.", []),
]


ROWS["opinion_idioms_with_a_clause"] = [
    # idioms of opinion with a clause: the frame words must all stand in the cue's clause
    ("Krüger war sich sicher, dass die Zahlen stimmen.", [("indirect", "dass die Zahlen stimmen", "Thomas Krüger")]),
    ("Die Bundesregierung ist sich einig, dass die Steuer sinken müsse.",
     [("indirect", "dass die Steuer sinken müsse", "Bundesregierung")]),
    ("Vogt legte großen Wert darauf, dass alle Länder Hilfe leisten.",
     [("indirect", "dass alle Länder Hilfe leisten", "Lena Vogt")]),
    ("Berger zeigte sich zuversichtlich, dass die Verhandlungen bald enden.",
     [("indirect", "dass die Verhandlungen bald enden", "Anna Berger")]),
    ("Haas schloss nicht aus, dass er erneut kandidiert.", [("indirect", "dass er erneut kandidiert", "Paul Haas")]),
    ("Die Bundesregierung hegt den Verdacht, dass die Daten gefälscht wurden.",
     [("indirect", "dass die Daten gefälscht wurden", "Bundesregierung")]),
    ("Vogt sieht es als erwiesen an, dass Haas die Akten vernichtet hat.",
     [("indirect", "dass Haas die Akten vernichtet hat", "Lena Vogt")]),
    # ... not part of the frame alone ("sicher" without "sich"), a feeling about a fact, or the verb in another sense
    ("Sicher ist, dass die Brücke gesperrt bleibt.", []),
    ("Jetzt ist es sicher: Die Brücke bleibt gesperrt.", []),
    ("Die Organisatoren zeigten sich mit der Besucherzahl zufrieden.", []),
    ("Berger zeigte sich überrascht von der Nachricht, dass das Werk schließt.", []),
    ("Es gilt als ausgeschlossen, dass die Brücke bald öffnet.", []),
    ("Die Partei schloss Krüger im Mai aus.", []),
    ("Vogt legte das Buch auf den Tisch.", []),
    ("Krüger sah sich das Spiel in Berlin an.", []),
]


ROWS["infinitive_cue_under_a_modal"] = [
    # an infinitive cue under a finite modal states an aim, a duty or a use: no claim made
    ("Die Bundesregierung wollte mehr Geld verlangen.", []),
    ("Das Gerät soll die Bürger vor Stürmen warnen.", []),
    ("Krüger hätte eine Rückgabe der Gelder verlangen müssen.", []),
    # ... the finite verb is one
    ("Krüger verlangte eine Rückgabe der Gelder.",
     [("reported", "Krüger verlangte eine Rückgabe der Gelder", "Thomas Krüger")]),
    ("Vogt warnte die Bürger vor Stürmen.", [("reported", "Vogt warnte die Bürger vor Stürmen", "Lena Vogt")]),
    # ... and "will" is itself the cue of a stated aim
    ("Die Bundesregierung will die Bürger vor Stürmen warnen.",
     [("reported", "Die Bundesregierung will die Bürger vor Stürmen warnen", "Bundesregierung")]),
]


ROWS["declining_to_say_is_no_claim"] = [
    # who declines to say something under a modal states nothing
    ("Ein Sprecher wollte nicht bestätigen, dass die Zahlen stimmen.", []),
    ("Der Verband konnte zunächst weder bestätigen noch ausschließen, dass Haas das Team verlässt.", []),
    # ... unless the negation is the verb's own frame, or there is none
    ("Krüger wollte nicht ausschließen, dass er erneut kandidiert.",
     [("indirect", "dass er erneut kandidiert", "Thomas Krüger")]),
    ("Vogt konnte bestätigen, dass die Zahlen stimmen.", [("indirect", "dass die Zahlen stimmen", "Lena Vogt")]),
]


ROWS["negated_speech_verb_is_no_claim"] = [
    # a negated speech verb states nothing: the negation ends the verb's middle field
    ("Ob die Halle abgerissen wird, sagte die Sprecherin nicht.", []),
    ("Die Ministerin sagte nicht, dass die Gebühren steigen.", []),
    ("Krüger hat nie behauptet, dass die Zahlen stimmen.", []),
    ("Vogt teilte nicht mit, wann die Schule öffnet.", []),
    # ... but a negation inside the claim, or of another word of the cue's clause, leaves the claim
    ("Krüger sagte, er werde nicht zurücktreten.", [("indirect", "er werde nicht zurücktreten", "Thomas Krüger")]),
    ("Die Gebühren steigen nicht, sagte Vogt.", [("indirect", "Die Gebühren steigen nicht", "Lena Vogt")]),
    ("Nicht nur die Mieten steigen, sagte Haas.", [("indirect", "Nicht nur die Mieten steigen", "Paul Haas")]),
    ("Vogt sagte nicht ohne Stolz, die Schule sei fertig.", [("indirect", "die Schule sei fertig", "Lena Vogt")]),
    ("Haas betonte nicht nur, dass die Mieten steigen.", [("indirect", "dass die Mieten steigen", "Paul Haas")]),
]


ROWS["public_body_as_agent"] = [
    # a public body named by a common noun acts as the source of a verb that needs an agent
    ("Die Polizei geht von einem Einbruch aus.", [("reported", "Die Polizei geht von einem Einbruch aus", None)]),
    ("Die Behörden gehen von einem technischen Defekt aus.",
     [("reported", "Die Behörden gehen von einem technischen Defekt aus", None)]),
    ("Die Staatsanwaltschaft geht von Notwehr aus.", [("reported", "Die Staatsanwaltschaft geht von Notwehr aus", None)]),
    # ... but not a thing the danger comes from
    ("Die Gefahr geht von alten Leitungen aus.", []),
    ("Von der Baustelle geht viel Lärm aus.", []),
]


@pytest.mark.parametrize("text, speaker_text", [
    # a person's name takes no genitive after it: "der Zeitung" after it is the dative addressee
    ("„Wir bleiben“, sagte Bürgermeisterin Keller der Zeitung.", "Bürgermeisterin Keller"),
    ("Die Lage sei ernst, sagte Polizeisprecher Jan Keller der Agentur.", "Polizeisprecher Jan Keller"),
    ("„Wir bleiben“, sagte Ministerin Anna Berger der Zeitung.", "Ministerin Anna Berger"),
    # a bare word after a verb in the singular is a name the rules missed: a singular noun would need an article
    ("„Wir bleiben“, sagte Keller der Zeitung.", "Keller"),
    ("Die Lage sei ernst, sagt Keller dem Sender.", "Keller"),
    # ... but a role noun, a plural after a plural verb, or a place takes one
    ("Die Lage sei ernst, sagten Experten der Universität.", "Experten der Universität"),
    ("Die Lage sei ernst, sagte der Sprecher der Polizei.", "der Sprecher der Polizei"),
    ("„Wir bleiben“, sagte ein Sprecher der Stadt Wien der Zeitung.", "ein Sprecher der Stadt Wien"),
])
def test_dative_addressee_after_a_name_is_no_genitive(nlp, text, speaker_text):
    doc = run(nlp, text)
    assert [q._.quote["speaker_text"] for q in doc.spans[QUOTES_KEY]] == [speaker_text]


@pytest.mark.parametrize("text, expected", [
    # a speech verb after the first place of a claim in Konjunktiv is part of the claim, not a cue that ends it
    ("Der Sprecher sagte am Morgen, nach ersten Erkenntnissen habe eine Nachbarin den Brand gemeldet.",
     [("nach ersten Erkenntnissen habe eine Nachbarin den Brand gemeldet", "Der Sprecher")]),
    ("Die Sprecherin erklärte am Abend, bisher hätten Anwohner den Lärm gemeldet.",
     [("bisher hätten Anwohner den Lärm gemeldet", "Die Sprecherin")]),
    ("Krüger sagte im Interview, er habe den Vorfall sofort angezeigt.",
     [("er habe den Vorfall sofort angezeigt", "Krüger")]),
    # ... but a verb that opens its clause goes on with the speaker's own doing
    ("Krüger sagte, die Gespräche seien schwierig, betonte aber, man sei sich nähergekommen.",
     [("die Gespräche seien schwierig", "Krüger"), ("man sei sich nähergekommen", "Krüger")]),
])
def test_speech_verb_inside_the_claim(nlp, text, expected):
    doc = run(nlp, text)
    assert [(s.text, s._.quote["speaker_text"]) for s in doc.spans[QUOTES_KEY]] == expected


ROWS["pronoun_after_a_name_no_entity_covers"] = [
    # a name the entity rules missed, as the subject of the sentence before, is the pronoun's antecedent: not the
    # person named before it
    ("Krüger traf am Sonntag in Berlin ein. Tedros Adhanom Ghebreyesus reiste am Montag nach Wien. "
     "Er sagte, die Lage sei ernst.", [("indirect", "die Lage sei ernst", None)]),
    ("Krüger traf am Sonntag in Berlin ein. Am Montag reiste Tedros Adhanom Ghebreyesus nach Wien. "
     "Die Lage sei ernst, sagte er.", [("indirect", "Die Lage sei ernst", None)]),
    # ... not a subject with an article, a determiner, a first name of the other gender, nor a plural
    ("Krüger traf am Sonntag in Berlin ein. Die Delegation reiste am Montag nach Wien. Er sagte, die Lage sei ernst.",
     [("indirect", "die Lage sei ernst", "Thomas Krüger")]),
    ("Krüger traf am Sonntag in Berlin ein. Jeder Teilnehmer bekam eine Karte. Er sagte, die Lage sei ernst.",
     [("indirect", "die Lage sei ernst", "Thomas Krüger")]),
    ("Krüger traf am Sonntag in Berlin ein. Anna Maria Lopes reiste nach Wien. Er sagte, die Lage sei ernst.",
     [("indirect", "die Lage sei ernst", "Thomas Krüger")]),
    ("Krüger traf am Sonntag in Berlin ein. Hunderte Menschen reisten nach Wien. Er sagte, die Lage sei ernst.",
     [("indirect", "die Lage sei ernst", "Thomas Krüger")]),
]


@pytest.mark.parametrize("text, expected", [
    # of two cues on the same claim, the one after it with someone named as its subject says who said it all
    ("Die Bundesregierung rechnet mit Verspätungen bis in den Abend, teilte ein Sprecher mit.",
     [("Die Bundesregierung rechnet mit Verspätungen bis in den Abend", "ein Sprecher")]),
    ("Die Bundesregierung fordert mehr Geld für die Schulen, sagte Krüger am Montag.",
     [("Die Bundesregierung fordert mehr Geld für die Schulen", "Krüger")]),
    # ... not a verb after the comma that goes on with the subject before it and has an object of its own
    ("Die Bundesregierung beziffert die Zahl der Toten auf 600, befürchtet aber weitere Tote.",
     [("Die Bundesregierung beziffert die Zahl der Toten auf 600", "Die Bundesregierung")]),
])
def test_cue_after_the_claim_names_its_speaker(nlp, text, expected):
    doc = run(nlp, text)
    assert [(s.text, s._.quote["speaker_text"]) for s in doc.spans[QUOTES_KEY]] == expected


@pytest.mark.parametrize("text, expected", [
    # a frame word that ends the sentence closes the cue's clause: the claim stands before it
    ("Die Preise seien zu hoch, gab Krüger am Montag zu bedenken.", [("Die Preise seien zu hoch", "Krüger")]),
    ("Er habe niemanden verletzen wollen, ließ Krüger über seinen Anwalt mitteilen.",
     [("Er habe niemanden verletzen wollen", "Krüger")]),
    # ... not a frame word inside the clause ("nach Auffassung")
    ("Wie Krüger mitteilte, ist die Lage nach Auffassung der Bundesregierung ernst.",
     [("ist die Lage nach Auffassung der Bundesregierung ernst", "Krüger")]),
])
def test_frame_word_closing_the_cue_after_the_claim(nlp, text, expected):
    doc = run(nlp, text)
    assert [(s.text, s._.quote["speaker_text"]) for s in doc.spans[QUOTES_KEY]] == expected


@pytest.mark.parametrize("text, expected", [
    # a word that may open a subordinate clause is an adverb when the verb follows it: the clause is the claim
    ("Damit hatte niemand gerechnet, sagte Krüger.", [("Damit hatte niemand gerechnet", "Krüger")]),
    ("Da sei nichts mehr zu machen gewesen, sagte Krüger.", [("Da sei nichts mehr zu machen gewesen", "Krüger")]),
    # a question clause on the noun of a fronted prepositional phrase is part of the first constituent, no claim
    ("Auf die Frage, ob er zurücktrete, antwortete Krüger: „Nein.“", [("Nein.", "Krüger")]),
    ("Auf die Frage, ob er zurücktrete, antwortete Krüger, er denke nicht daran.",
     [("er denke nicht daran", "Krüger")]),
    # ... and a subordinate clause with its subject is the first constituent as before
    ("Da ein Rückflug nicht möglich war, entschied Krüger, in Wien zu landen.", [("in Wien zu landen", "Krüger")]),
    ("Nachdem die Polizei eingetroffen war, sagte Krüger, er sei unschuldig.", [("er sei unschuldig", "Krüger")]),
])
def test_first_constituent_or_claim_before_the_cue(nlp, text, expected):
    doc = run(nlp, text)
    assert [(s.text, s._.quote["speaker_text"]) for s in doc.spans[QUOTES_KEY]] == expected


@pytest.mark.parametrize("text, expected", [
    # a source phrase that opens the sentence runs to the finite verb in second place: a name the entity rules
    # missed, or a capitalised adjective before its noun, is part of it and not of the claim
    ("Laut Tedros Adhanom Ghebreyesus ist die Pandemie noch nicht vorbei.",
     [("ist die Pandemie noch nicht vorbei", "Tedros Adhanom Ghebreyesus")]),
    ("Laut Statistischem Bundesamt stiegen die Preise im Juli um zwei Prozent.",
     [("stiegen die Preise im Juli um zwei Prozent", "Statistischem Bundesamt")]),
    # ... not inside the sentence, where no verb in second place follows it
    ("Die Preise stiegen laut Krüger Anfang Juli deutlich.",
     [("Die Preise stiegen laut Krüger Anfang Juli deutlich", "Krüger")]),
])
def test_source_phrase_opening_the_sentence(nlp, text, expected):
    doc = run(nlp, text)
    assert [(s.text, s._.quote["speaker_text"]) for s in doc.spans[QUOTES_KEY]] == expected


ROWS["questions_and_wissen_wollen"] = [
    # "wissen wollen" asks: the question before it or after it is the claim
    ("„Wann kommt endlich die Hilfe?“, wollte Krüger vom Bürgermeister wissen.",
     [("direct", "Wann kommt endlich die Hilfe?", "Thomas Krüger")]),
    ("Krüger wollte wissen, wo die Gelder geblieben seien.",
     [("indirect", "wo die Gelder geblieben seien", "Thomas Krüger")]),
    # an indirect question in Konjunktiv after a speech verb is the claim
    ("Vogt fragte, warum niemand etwas gesagt habe.", [("indirect", "warum niemand etwas gesagt habe", "Lena Vogt")]),
    # ... not one in the indicative, nor a clause of cause after another verb, and "will" alone states an aim
    ("Krüger sagte nicht, wann das Gesetz kommen soll.", []),
    ("Vogt erklärte, warum sie zurücktritt.", []),
    ("Die Bundesregierung will die Steuern senken.",
     [("reported", "Die Bundesregierung will die Steuern senken", "Bundesregierung")]),
]


ROWS["short_konjunktiv_clause_around_a_quotation"] = [
    # a short clause in Konjunktiv around a quotation before "…, sagte X" is the claim, the quotation in it
    ("Er sei „zutiefst erschüttert“, sagte Krüger.", [("indirect", "Er sei „zutiefst erschüttert“", "Thomas Krüger")]),
    ("Sie habe „keine Angst“, sagte Vogt.", [("indirect", "Sie habe „keine Angst“", "Lena Vogt")]),
    # ... a quotation alone is the direct quote, and a short clause in the indicative no claim
    ("„Zutiefst erschüttert“, sagte Krüger.", [("direct", "Zutiefst erschüttert", "Thomas Krüger")]),
    ("Das reicht, sagte Krüger.", []),
]


ROWS["split_quotation"] = [
    # the second part of a split quotation takes the attribution between the parts, ", so X," as "sagte X"
    ("„Wir erwarten“, so Vogt, „dass alle Seiten sich an die Regeln halten.“",
     [("direct", "Wir erwarten", "Lena Vogt"), ("direct", "dass alle Seiten sich an die Regeln halten.", "Lena Vogt")]),
    ("„Wir sind bereit“, sagte Krüger, „aber wir brauchen Partner.“",
     [("direct", "Wir sind bereit", "Thomas Krüger"), ("direct", "aber wir brauchen Partner.", "Thomas Krüger")]),
]


def test_quotation_closing_before_the_hyphen_of_a_compound():
    # "der „Bild“-Zeitung": the quotation closes at its mark, the claim after the comma is the speaker's
    from pipeline.api import extract
    quotes = extract("Krüger sagte der „Bild“-Zeitung, der Täter sei bewaffnet gewesen.")["quotes"]
    assert list(zip(quotes["text"], quotes["speaker_text"])) == [("der Täter sei bewaffnet gewesen", "Krüger")]


ROWS["role_descriptions_by_gender_and_complement"] = [
    # a masculine role noun is masculine though the table gives no gender ("Kollege" beside "Kollegin"): "der
    # Kollege" is not the woman named last
    ("Thomas Krüger traf Anna Berger in Wien. Berger sagte, man sei sich einig. Der Kollege sagte, es gebe noch Fragen.",
     [("indirect", "man sei sich einig", "Anna Berger"), ("indirect", "es gebe noch Fragen", "Thomas Krüger")]),
    # a role with the body it serves is someone introduced with that role, not the last person of its gender
    ("Krüger sprach am Montag. Der Geschäftsführer des Verbands sagte, die Zahlen seien gut.",
     [("indirect", "die Zahlen seien gut", None)]),
    ("Sprecher Thomas Krüger kam am Montag. Der Sprecher des Verbands sagte, die Zahlen seien gut.",
     [("indirect", "die Zahlen seien gut", "Thomas Krüger")]),
    # ... a role alone may still be the person named before
    ("Krüger sprach am Montag. Der Politiker sagte, die Zahlen seien gut.",
     [("indirect", "die Zahlen seien gut", "Thomas Krüger")]),
]


ROWS["zu_infinitive_opening_with_a_preposition"] = [
    # a zu-infinitive after the cue that opens with a preposition ("seit", "bis") is the claim
    ("Vogt gab zu, seit Jahren davon geträumt zu haben.", [("indirect", "seit Jahren davon geträumt zu haben", "Lena Vogt")]),
    ("Krüger versprach, bis Ende Mai einen Plan vorzulegen.",
     [("indirect", "bis Ende Mai einen Plan vorzulegen", "Thomas Krüger")]),
    # ... not an infinitive of purpose ("um … zu")
    ("Krüger sagte, um die Lage zu beruhigen, dass alles gut sei.", [("indirect", "dass alles gut sei", "Thomas Krüger")]),
]


ROWS["person_nouns_as_agents"] = [
    # a person named by nationality or age makes threats and assumptions as a name or a role does
    ("Der Belgier drohte mit einem Boykott.", [("reported", "Der Belgier drohte mit einem Boykott", None)]),
    ("Der 45-Jährige drohte immer wieder mit Selbstmord.",
     [("reported", "Der 45-Jährige drohte immer wieder mit Selbstmord", None)]),
    # ... a threat that looms over them is none they made
    ("Dem 45-Jährigen drohen lange Haftstrafen.", []),
]


ROWS["threats_and_calls"] = [
    # "drohen mit" makes a threat whoever the subject is; "aufrufen zu" calls for something, a reported claim
    ("Die Gewerkschaft drohte mit einem Streik.", [("reported", "Die Gewerkschaft drohte mit einem Streik", None)]),
    ("Die Bundesregierung rief zum Kampf gegen die Kinderarmut auf.",
     [("reported", "Die Bundesregierung rief zum Kampf gegen die Kinderarmut auf", "Bundesregierung")]),
    ("Vogt rief die Bürger dazu auf, Energie zu sparen.", [("indirect", "Energie zu sparen", "Lena Vogt")]),
    # ... a threat that looms is none, and "rufen" alone calls no one to anything
    ("Den Bauern droht eine Missernte.", []),
    ("Die Kinder riefen laut nach ihrer Mutter.", []),
]


ROWS["cue_after_a_quotation_that_closes_its_sentence"] = [
    # after a quotation that closes its sentence, a speech verb further on in the next sentence has a claim of its
    # own: the quotation goes on with the speaker before it
    ("„Wir haben keine Wahl“, sagte Krüger. „Die Kosten steigen jedes Jahr.“ Der Rat müsse jetzt entscheiden.",
     [("direct", "Wir haben keine Wahl", "Thomas Krüger"), ("direct", "Die Kosten steigen jedes Jahr.", "Thomas Krüger"),
      ("indirect", "Der Rat müsse jetzt entscheiden", "Thomas Krüger")]),
    # ... but a quotation with sentences inside it goes on to the cue after its closing mark
    ("„Das ist gut. Das ist richtig. Das ist wichtig“, schrieb Krüger.",
     [("direct", "Das ist gut. Das ist richtig. Das ist wichtig", "Thomas Krüger")]),
]


ROWS["das_sagte_x_after_a_quotation"] = [
    # "„…“ Das sagte X.": a quotation that makes up the sentence before is X's direct quote, not a reported claim
    ("„Wir haben keine Wahl.“ Das sagte Krüger am Montag.", [("direct", "Wir haben keine Wahl.", "Thomas Krüger")]),
    ("„Die Kosten steigen.“ Das betonte auch Vogt.", [("direct", "Die Kosten steigen.", "Lena Vogt")]),
    # ... a sentence without marks stays the reported claim, and an attributed quotation keeps its speaker
    ("Die Kosten steigen. Das sagte Krüger am Montag.", [("reported", "Die Kosten steigen", "Thomas Krüger")]),
]


ROWS["source_phrase_opening_a_verbless_aside"] = [
    # a source phrase that opens an aside without a verb claims the rest of the aside
    ("Der Täter – nach Angaben der Polizei ein 30-jähriger Mann – flüchtete zu Fuß.",
     [("indirect", "ein 30-jähriger Mann", None)]),
    ("Der Mann – laut Krüger ein Rentner aus Wien – wurde schwer verletzt.",
     [("indirect", "ein Rentner aus Wien", "Thomas Krüger")]),
    # ... not an aside that is the source phrase alone, nor one with a verb
    ("Die Polizei nahm, laut Krüger, drei Männer fest.", [("indirect", "Die Polizei nahm, laut Krüger, drei Männer fest",
                                                          "Thomas Krüger")]),
]


ROWS["mahnen_zur"] = [
    # "mahnen zur/zum" urges something, a reported claim as "aufrufen zum" is; "mahnte, …" keeps its clause
    ("Die Bundesregierung mahnte zur Besonnenheit.",
     [("reported", "Die Bundesregierung mahnte zur Besonnenheit", "Bundesregierung")]),
    ("Krüger mahnte, man dürfe nicht nachlassen.", [("indirect", "man dürfe nicht nachlassen", "Thomas Krüger")]),
]


ROWS["sehen_darin"] = [
    # "sehen darin" judges as "bezeichnen als" does: the quoted judgement, else the sentence
    ("Vogt sieht darin „einen Angriff auf die Demokratie“.",
     [("direct", "einen Angriff auf die Demokratie", "Lena Vogt")]),
    ("Vogt sieht darin kein Problem.", [("reported", "Vogt sieht darin kein Problem", "Lena Vogt")]),
    # ... not "sehen" without it
    ("Vogt sieht in der Ferne ein Haus.", []),
]


ROWS["einstufen_als"] = [
    # "einstufen als" judges as "bezeichnen als" does
    ("Die Bundesregierung stufte die Äußerung als „Beleidigung“ ein.",
     [("direct", "Beleidigung", "Bundesregierung")]),
    # ... not "einstufen" without "als"
    ("Die Bundesregierung stufte die Gehälter neu ein.", []),
]


ROWS["relative_clause_on_a_source_phrase"] = [
    # a relative clause on a source phrase that opens the sentence belongs to the source, not to the claim
    ("Nach Ansicht der Bundesregierung, die den Fall seit Monaten prüft, habe die Stadt alles richtig gemacht.",
     [("indirect", "habe die Stadt alles richtig gemacht", "Bundesregierung")]),
    ("Laut einem Bericht der Zeitung, die sich auf Insider beruft, steht der Verkauf bevor.",
     [("indirect", "steht der Verkauf bevor", None)]),
]


ROWS["sich_zuversichtlich_geben"] = [
    # "sich zuversichtlich geben" is an opinion with a clause, as "sich zuversichtlich zeigen"
    ("Krüger gab sich zuversichtlich, dass eine Einigung gelingt.",
     [("indirect", "dass eine Einigung gelingt", "Thomas Krüger")]),
    ("Vogt gab sich große Mühe, dass alles klappt.", []),
]


@pytest.mark.parametrize("text, expected", [pytest.param(text, expected, id=f"{construction}-{number}")
                                            for construction, cases in ROWS.items()
                                            for number, (text, expected) in enumerate(cases)])
def test_rows(nlp, text, expected):
    assert rows(run(nlp, text)) == expected
