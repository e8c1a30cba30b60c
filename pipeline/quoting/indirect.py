"""Indirect and reported speech around speech verbs: "Merz sagte, die Lage sei ernst",
"…, teilte das Amt mit", "wie der Sprecher mitteilte", "hieß es", "will … senken"."""
from __future__ import annotations

from typing import Callable, Iterator

from ..german import (COLLECTIVE_SUBJECT_PRONOUNS, IMPERSONAL_SOURCE_PREPOSITIONS, INDEFINITE_SUBJECT_PRONOUNS,
                      INFINITIVE_CONJUNCTIONS, INFINITIVE_PARTICLES, MODAL_VERBS, NEGATIONS, PASSIVE_AUXILIARIES, PERFECT_AUXILIARIES,
                      SEIN_PERFECT_AUXILIARIES, TENSE_AUXILIARIES, TOPIC_PREPOSITIONS, WEAK_PAST_FORM)
from .cues import finite_verb, konjunktiv, main_clause_konjunktiv, verb_cues, zu_infinitive
from .lexicon import Verb
from .marks import MARKS
from .phrases import NounPhrase, PhraseKind, is_adjective, only_noun_phrases, phrases
from .records import NO_SPEAKER, Cue, CueKind, Found, QuoteKind, Speaker, SpeakerMethod
from .speakers import impersonal_source, resolve
from .subjects import is_subject, sentence_subject, subject_near
from .text import SENT_END, Text


def verb_quotes(text: Text, sent_start: int, sent_end: int) -> Iterator[Found]:
    """Indirect and reported speech around speech verbs in the sentence [sent_start, sent_end)."""
    content_end = text.content_end(sent_start, sent_end)
    cues = list(verb_cues(text, sent_start, sent_end))
    reported = False  # one reported claim per sentence: "sprach von … und forderte …" is one statement
    shared: tuple[int, NounPhrase | None] | None = None  # (clause start, subject) of a verb the next one shares
    for position, (cue, verb) in enumerate(cues):
        claim_end = _before_semicolon(text, cue.end, _before_next_cue(text, cue.end, cues[position + 1].cue.start,
                                                                      content_end)
                                      if position + 1 < len(cues) else content_end)
        clause_start, clause_end = text.clause(cue.start)
        # "X hatte Fehler eingeräumt und angegeben, …": verbs joined in one clause share its subject
        subject = shared[1] if shared is not None and shared[0] == clause_start \
            else subject_near(text, cue.start, cue.end)
        # "bezeichnete X als „…“ und kündigte an, …": the clause after is the later verb's claim
        later_claims = position + 1 < len(cues) and cues[position + 1].cue.start < clause_end
        shared = (clause_start, subject) if later_claims else None
        if verb.kind == CueKind.IMPERSONAL:
            yield from _impersonal(text, cue, sent_start, claim_end)
            continue
        if _declined(text, cue, verb, clause_start, clause_end):
            continue
        opens_clause = not any(text.is_word(i) and text.quote_at[i] < 0 and not text.lex.has(text.lower[i], "adverb")
                               for i in range(clause_start, cue.start)) \
            or _perfect_after_claim(text, cue, clause_start, clause_end)
        if verb.agent and not _agent(text, subject):
            continue  # "Ihnen drohen lange Haftstrafen": a threat that looms, not one made
        speaker = resolve(text, subject, verb=cue.start)
        if speaker.start is None and _indefinite_subject(text, cue, clause_start, clause_end):
            speaker = _indefinite_speaker(text, cue, clause_start)
        wie_at = (_wie_start(text, sent_start, clause_start)
                  if subject is not None and sent_start <= subject.start < clause_start else clause_start)
        # "wie X mitteilte"
        if text.lex.info.get((text.lower[wie_at], "subordinator")) == "wie" and subject is not None:
            if wie_at == sent_start or text.quote_at[sent_start] >= 0:
                claim_start = _clause_after(text, clause_end - 1, sent_end)
                if claim_start is not None:
                    yield Found(QuoteKind.INDIRECT, claim_start, claim_end, cue, speaker)
            elif wie_at - 1 > sent_start and text.words[wie_at - 1] == ",":
                yield Found(QuoteKind.INDIRECT, sent_start, wie_at - 1, cue, speaker)
            continue
        if verb.kind == CueKind.INTENT:
            after_verb = text.lower[cue.end] if cue.end < clause_end else ""
            if after_verb in INDEFINITE_SUBJECT_PRONOUNS:  # "will man …": the body named in the context
                speaker = _indefinite_speaker(text, cue, clause_start)
            elif after_verb in COLLECTIVE_SUBJECT_PRONOUNS:  # "wollen wir …": no one named
                speaker = NO_SPEAKER
            elif subject is None:
                continue
        elif (opens_clause and clause_start > sent_start and text.words[clause_start - 1] == ","
              and subject is not None and subject.start >= clause_start
              # "…, sagte er."; "…, kommt X zu dem Ergebnis, dass" claims what follows, but a frame word that ends
              # the sentence closes the cue: "…, ließ X über seinen Anwalt mitteilen.", "…, gab X zu bedenken."
              and (not verb.requires or clause_end >= claim_end and text.lower[clause_end - 1] in verb.governed)
              and not _zu_clause_after(text, clause_end, claim_end)  # "Den IWF … forderte er auf, … zu …"
              and not _first_constituent(text, sent_start, clause_start - 1)):
            # (a short clause in Konjunktiv around a quotation too: "Er sei „zutiefst erschüttert“, sagte X")
            if (text.plain_words(sent_start, clause_start - 1) >= 3
                    or main_clause_konjunktiv(text, sent_start, clause_start - 1, strong_only=True)) \
                    and not _quoted_after_colon(text, clause_start - 1):
                yield Found(QuoteKind.INDIRECT, sent_start, clause_start - 1, cue, speaker)
            continue
        infinitive_start = _infinitive_object(text, cue, verb, clause_end)
        if infinitive_start is not None and verb.kind in (CueKind.SPEECH, CueKind.REPORTED) and not later_claims:
            if subject is not None and subject.start >= infinitive_start:
                # "Am Montag hat X angekündigt ihr Amt niederzulegen": the infinitive's object is no subject
                subject = next((phrase for phrase in phrases(text, clause_start, cue.start)
                                if is_subject(text, phrase)), None)
                speaker = resolve(text, subject, verb=cue.start)
            yield Found(QuoteKind.INDIRECT, infinitive_start, clause_end, cue, speaker)
            continue
        claim_start = None if later_claims else \
            _clause_after(text, clause_end - 1 if clause_end > cue.start else cue.start, sent_end)
        if claim_start is not None and clause_start == sent_start and _verb_final(text, cue, clause_start, clause_end):
            # "Nachdem die Anwältin mitgeteilt hatte, dass …, hatte dieser versucht, …": the main clause after
            # the fronted subordinate clause is the writer's
            claim_end = next((i for i in range(claim_start, claim_end) if text.words[i] == ","
                              and text.quote_at[i] < 0), claim_end)
        while (claim_start is not None and text.words[claim_start - 1] == ","
               and (_apposition(text, claim_start, claim_end)  # "sagte X, Chef der Y, …"
                    or _infinitive_insert(text, claim_start, claim_end)  # "sagte X, ohne … zu nennen, dass …"
                    or _particle_segment(text, claim_start, verb))):  # "ging X, die Anwältin, davon aus, dass …"
            claim_start = _clause_after(text, claim_start, sent_end)
        if claim_start is not None and _unquoted(text, claim_start) \
                and _reported_clause(text, claim_start, claim_end, verb.kind):
            # "…, dass das Team gestärkt sei: „Wir haben gelernt …“": the direct quote after the colon is its own
            own_end = next((i for i in range(claim_start, claim_end - 1) if text.words[i] == ":"
                            and text.quote_at[i] < 0 and text.quote_at[i + 1] >= 0), claim_end)
            yield Found(QuoteKind.INDIRECT, claim_start, _before_own_predicate(text, claim_start, own_end), cue,
                        speaker)
        elif (verb.kind in (CueKind.REPORTED, CueKind.JUDGE, CueKind.INTENT)
              and (subject is not None or verb.kind == CueKind.INTENT)
              and (not text.subordinate(clause_start) or _verb_second(text, cue, clause_start, subject))
              and not (cue.end < clause_end and text.lower[cue.end] in INFINITIVE_PARTICLES)  # "verlangen zu können"
              and not _infinitive_under_modal(text, cue, verb, clause_start)
              and not reported):
            reported = True
            quoted = any(text.quote_at[i] >= 0 for i in range(sent_start, claim_end))
            if quoted and any(text.words[i] == ":" and text.words[i + 1] in MARKS
                              for i in range(cue.end, claim_end - 1)):
                continue  # "bestreitet jede Kenntnis: „…“": the direct quote is the claim
            if not quoted or verb.kind in (CueKind.REPORTED, CueKind.INTENT):
                # "X sprach von einem Erfolg", "bezeichnete X als Y": the claim is the whole sentence, unless the
                # object of "von" is quoted ("sprach von einem „Erfolg“": the quotation is the claim)
                topic = next((i for i in range(cue.end, clause_end)
                              if text.lower[i] in TOPIC_PREPOSITIONS and text.lower[i] in verb.governed), sent_start)
                quoted_topic = any(text.quote_at[i] >= 0 for i in range(topic, min(topic + 4, claim_end)))
                # "warnte der Verein vor einem „überhasteten Umbau“.": a quoted object of a preposition
                # that ends the claim is the claim (not "vor einem „Abfluss“ ins Ausland", nor a quoted name)
                quoted_object = verb.kind == CueKind.REPORTED and any(
                    text.lex.has(text.lower[i], "preposition") and text.quote_at[i] < 0
                    and any(_ends_claim(text, j, claim_end) for j in range(i + 1, min(i + 4, claim_end)))
                    for i in range(cue.end, clause_end))
                # (else the quoted words are the claim)
                if not quoted_object and (topic == sent_start or not quoted_topic):
                    # (after another speaker's or claim's cue the claim starts at its own clause: "Sie räumte ein,
                    # …, sprach aber von einem offenen Prozess"; not after a cue in a relative clause)
                    own_clause = position and not _in_relative_clause(text, cues[position - 1].cue.start)
                    yield Found(QuoteKind.REPORTED, clause_start if own_clause else sent_start, claim_end, cue,
                                speaker)


def _agent(text: Text, subject: NounPhrase | None) -> bool:
    """Whether the subject can act as a speaker: a person, a named body or a noun of a public body ("Die Polizei geht
    von Brandstiftung aus"; not "Die Gefahr geht von alten Leitungen aus")."""
    return subject is not None and (subject.kind in (PhraseKind.ENTITY, PhraseKind.ROLE, PhraseKind.PERSON,
                                                     PhraseKind.PRONOUN)
                                    or text.lex.noun_class(text.lower[subject.head], "body"))


def _infinitive_object(text: Text, cue: Cue, verb: Verb, clause_end: int) -> int | None:
    """Where a zu-infinitive right after the cue verb starts when it runs to the end of the clause with no comma
    before it ("hat angekündigt die Preise zu erhöhen", "kündigte an bei der Wahl erneut anzutreten"), else None."""
    start = cue.end + 1 if cue.end < clause_end and verb.particle and text.lower[cue.end] == verb.particle else cue.end
    if clause_end - start < 2 or text.quote_at[start] >= 0 or text.lex.has(text.lower[start], "subordinator") \
            or text.lower[start] in INFINITIVE_PARTICLES:  # the cue inside the infinitive: "belegen zu können"
        return None
    return start if zu_infinitive(text, clause_end - 2, clause_end) else None


def _infinitive_under_modal(text: Text, cue: Cue, verb: Verb, clause_start: int) -> bool:
    """An infinitive cue after a finite modal in its clause: "Das Unternehmen wollte mehr verlangen", "Es soll
    die Piloten warnen" state an aim or a use, no claim that anyone made."""
    word = text.lower[cue.start]
    infinitive = word == verb.lemma or bool(verb.particle) and word == verb.lemma.removeprefix(verb.particle)
    return (infinitive and verb.kind != CueKind.INTENT  # (the modal itself: "Die Partei will … boykottieren")
            and any(text.lower[i] in MODAL_VERBS for i in range(clause_start, text.clause(cue.start)[1]) if i != cue.start))


def _declined(text: Text, cue: Cue, verb: Verb, clause_start: int, clause_end: int) -> bool:
    """"Ein Sprecher wollte nicht bestätigen, dass …", "Der Verein konnte weder bestätigen noch …": who declines to
    say something under a modal states nothing (but "wollte nicht ausschließen": the negation is the verb's frame);
    nor does a negated speech verb: "Der Minister sagte nicht, dass …", "…, sagte der Sprecher nicht", "hat nicht
    gesagt" (not a negation of another word of the clause: "sagte nicht nur, dass …", "nicht ohne Stolz")."""
    negations = [i for i in range(clause_start, clause_end)
                 if text.lower[i] in NEGATIONS and text.lower[i] not in verb.governed]
    return bool(negations) and (_infinitive_under_modal(text, cue, verb, clause_start)
                                or any(_negates_verb(text, cue, verb, i, clause_end) for i in negations))


def _negates_verb(text: Text, cue: Cue, verb: Verb, negation: int, clause_end: int) -> bool:
    """Whether the negation stands at the end of the verb's middle field, where it negates the verb: before the
    clause end ("sagte nicht,"), the cue participle ("hat nicht gesagt") or the verb's particle ("teilte nicht mit")."""
    after = negation + 1
    return (after == clause_end or after == cue.start
            or bool(verb.particle) and after < clause_end and text.lower[after] == verb.particle)


def _verb_second(text: Text, cue: Cue, clause_start: int, subject: NounPhrase | None) -> bool:
    """Whether a word that may open a subordinate clause opens a main clause as the head of its first constituent:
    the subject right after the cue verb ("Als Grund nannte der Minister …", "Seit Jahren fordert der Staat …");
    in a subordinate clause it comes before the verb, which stands last ("als der Minister die Kosten nannte").
    Not a word before a noun that names no one (an adjective: "Bis jetzt sind die verdächtigen Stoffe …")."""
    return (text.lex.has(text.lower[clause_start], "subordinator") and subject is not None
            and subject.start == cue.end and not (text.is_capital(cue.end) and text.ent_at[cue.end] < 0))


def _perfect_after_claim(text: Text, cue: Cue, clause_start: int, clause_end: int) -> bool:
    """"Der Plan sei gescheitert, hatte X gesagt": an auxiliary that opens the clause after a claim in Konjunktiv, with
    the cue participle closing it, is the verb in second place after the claim, as "…, sagte X" is (not after a
    clause of condition or time in the indicative: "Falls das Band echt ist, hat X … angedroht")."""
    sent_start = text.sents[text.sent_of[cue.start]][0]
    return (text.lower[clause_start] in TENSE_AUXILIARIES and cue.end == clause_end
            and clause_start - 1 > sent_start and text.words[clause_start - 1] == ","
            and main_clause_konjunktiv(text, sent_start, clause_start - 1, strong_only=True))


def _indefinite_subject(text: Text, cue: Cue, clause_start: int, clause_end: int) -> bool:
    """Whether "man" is the subject next to the cue verb ("man betont", "deutete man an")."""
    return any(clause_start <= i < clause_end and text.lower[i] in INDEFINITE_SUBJECT_PRONOUNS
               for i in (cue.start - 1, cue.end))


def _indefinite_speaker(text: Text, cue: Cue, clause_start: int) -> Speaker:
    """Who "man" stands for: a person or organisation that opens the sentence in a clause of its own ("Die Bank
    hält am Plan fest, allerdings will man …"), else the speaker of the sentence just before (marked for the
    caller, which knows it: a carry-over method with no mention yet)."""
    subject = sentence_subject(text, cue.start)
    if subject is not None and subject.end < clause_start and subject.kind in (PhraseKind.ENTITY, PhraseKind.ROLE):
        return resolve(text, subject)
    return Speaker(None, None, None, SpeakerMethod.CARRY_OVER)


def _quoted_after_colon(text: Text, comma: int) -> bool:
    """Whether a quotation that opens after a colon ends right before the comma of "…, sagte er": "Sie war
    erleichtert: „Ein schöner Erfolg“, sagte sie" quotes the words in the marks, the direct quote is the claim."""
    quote = text.quote_at[comma - 1] if comma > 0 else -1
    if quote < 0 or text.quotations[quote].close != comma - 1:
        return False
    before = text.quotations[quote].open - 1
    while before > 0 and text.is_space[before]:
        before -= 1
    return text.words[before] == ":"


def _first_constituent(text: Text, start: int, end: int) -> bool:
    """Whether [start, end) before "…, sagte X" is the first constituent of the verb-second clause, not a claim:
    a subordinate clause of time, cause or condition ("Nachdem es zu Unruhen gekommen war, forderte X …"), or a
    prepositional phrase with relative clauses on it ("In einer Videobotschaft, die … gezeigt wurde, sagte X, …")."""
    lex, first = text.lex, text.lower[start]
    segment_end = text.clause(start)[1]
    # (not an adverb before the verb in second place: "Damit hatte niemand gerechnet, sagte X")
    if lex.has(first, "subordinator") and not (start + 1 < end and finite_verb(text, start + 1)):
        # with the clauses that depend on it: "Als X bemerkte, dass …, rief sie …"
        return lex.info.get((first, "subordinator")) not in ("clause", "wie") \
            and _segments_all(text, segment_end, end, text.subordinate)
    # each further segment a relative clause ("…, die …", "…, in der …") or a clause on the noun ("Auf die Frage,
    # ob …, antwortete X")
    return lex.has(first, "preposition") and only_noun_phrases(text, start, segment_end) and _segments_all(
        text, segment_end, end, lambda segment: _relative_opener(text, segment)
        or lex.info.get((text.lower[segment], "subordinator")) == "clause"
        or lex.has(text.lower[segment], "preposition") and _relative_opener(text, segment + 1))



def _segments_all(text: Text, segment_end: int, end: int, opens_dependent: Callable[[int], bool]) -> bool:
    """Whether every comma-separated segment from `segment_end` up to `end` opens as `opens_dependent` says."""
    while segment_end < end:
        start = segment_end + 1
        if text.words[segment_end] != "," or not opens_dependent(start):
            return False
        segment_end = text.clause(start)[1]
    return True


def _in_relative_clause(text: Text, i: int) -> bool:
    """Whether token `i` stands in a relative clause: "Die Firma, die ihre Verluste beziffert, …"."""
    start = text.clause(i)[0]
    return start > 0 and text.words[start - 1] == "," and _relative_opener(text, start)


def _relative_opener(text: Text, i: int) -> bool:
    return text.lex.has(text.lower[i], "relative") or text.lex.has(text.lower[i], "det")


def _before_semicolon(text: Text, start: int, end: int) -> int:
    """A claim after its cue ends at a semicolon after which the writer goes on in the indicative ("gab an,
    dass X; es wird geprüft, ob …"), not where the Konjunktiv goes on reporting ("…; die Art habe ihn überrascht")."""
    return next((i for i in range(start, end) if text.words[i] == ";" and text.quote_at[i] < 0
                 and not main_clause_konjunktiv(text, i + 1, end, strong_only=True)), end)


def _before_own_predicate(text: Text, start: int, end: int) -> int:
    """Where the writer goes on with the speaker's own doing: "Er sagte, er sei unschuldig, erkannte das Gericht
    nicht an und weigerte sich …", "…, sie müssten … aufgeben und bemühte das Bild …": a verb in the past
    tense right after a comma or "und" closes the claim."""
    for i in range(start + 2, end - 1):
        if (text.words[i] == "," or text.lex.info.get((text.lower[i], "conjunction")) == "and") \
                and text.quote_at[i] < 0 and WEAK_PAST_FORM.match(text.words[i + 1]) \
                and text.lower[i + 1] in text.lex.verb_forms and not konjunktiv(text, i + 1) \
                and not text.is_capital(i + 2):  # not an adjective before its noun: "…, bestimmte Techniken"
            return i
    return end


def _verb_final(text: Text, cue: Cue, clause_start: int, clause_end: int) -> bool:
    """A subordinate clause with the cue verb (and its auxiliary) at its end: "Nachdem X mitgeteilt hatte",
    "Während X ankündigte", "nachdem bekannt geworden war"; not "Als Begründung wurde angegeben", "Um 11 Uhr
    berichtet X" (prepositions)."""
    auxiliaries = PERFECT_AUXILIARIES | PASSIVE_AUXILIARIES | SEIN_PERFECT_AUXILIARIES
    return (text.subordinate(clause_start) and clause_end - cue.end <= 1
            and all(text.lower[i] in auxiliaries for i in range(cue.end, clause_end))
            and not auxiliaries & set(text.lower[clause_start:cue.start]))


def _ends_claim(text: Text, i: int, claim_end: int) -> bool:
    """Whether a quotation that is no name opens at token `i` and runs to the end of the claim."""
    quote = text.quote_at[i]
    return (quote >= 0 and text.quotations[quote].open == i and text.name_quote[i] < 0
            and text.quotations[quote].end + 1 >= claim_end)


def _unquoted(text: Text, i: int) -> bool:
    """Whether token `i` stands outside quotation marks, or opens a quoted name after a comma ("sagte,
    „No-Go-Areas“ dürfe es …"; after a colon it is a title: "Das Motto lautet: „Gemeinsam stark“")."""
    return text.quote_at[i] < 0 or text.name_quote[i] >= 0 and text.words[i - 1] == ","


def _clause_after(text: Text, after: int, sent_end: int) -> int | None:
    """First token of the clause after the comma or colon that follows token `after` in its sentence."""
    for i in range(after + 1, sent_end):
        if text.quote_at[i] >= 0:
            return None
        if text.words[i] in (",", ":"):
            return i + 1 if i + 1 < sent_end else None  # a text cut off after "sagte:" has no claim
        if text.words[i] in SENT_END:
            return None
    return None


def _verb_after_object(text: Text, start: int, end: int) -> bool:
    """Whether a noun phrase from `start` (an article, adjectives or numbers, then nouns) is followed by a
    Konjunktiv verb: the object of a preposition that opens a main clause ("seit Januar seien die Preise
    gestiegen", "bis Ende Mai solle …"), not a subordinate clause ("seit die Preise gestiegen seien")."""
    i = start + 1 if start < end and text.lex.has(text.lower[start], "det") else start
    while i < end and (is_adjective(text, i) or text.words[i].isdigit()):
        i += 1
    nouns = i
    while i < end and text.is_capital(i) and text.is_word(i):
        i += 1
    return nouns < i < end and konjunktiv(text, i)


def _reported_clause(text: Text, start: int, end: int, kind: str) -> bool:
    """Whether the clause from `start` is reported content after a verb of `kind`: dass/ob/wonach,
    Konjunktiv, or zu-infinitive."""
    if start >= end:
        return False
    lex, first = text.lex, text.lower[start]
    if lex.info.get((first, "subordinator")) == "clause":
        return True
    if lex.has(first, "subordinator") and start + 1 < end and text.lower[start + 1] in lex.konjunktiv:
        return True  # an adverb before a verb in second place: "erklärte, damit solle ein Vakuum vermieden werden"
    if lex.has(first, "subordinator") and lex.has(first, "preposition") and _verb_after_object(text, start + 1, end):
        return True  # a preposition, its object, then the verb in second place: "sagte, seit Januar seien …"
    if lex.has(first, "subordinator") and lex.has(first, "preposition") and first not in INFINITIVE_CONJUNCTIONS \
            and kind in (CueKind.REPORTED, CueKind.SPEECH) and zu_infinitive(text, start, text.clause(start)[1]):
        return True  # a zu-infinitive that opens with a preposition: "räumte ein, seit Jahren davon geträumt zu haben"
    if lex.has(first, "subordinator") and lex.info.get((first, "subordinator")) != "wie" and kind == CueKind.SPEECH \
            and text.words[start - 1] == "," and main_clause_konjunktiv(text, start, end, strong_only=True):
        return True  # a subordinate clause before the claim's main clause: "sagte, wenn X komme, werde Y …"
    if lex.has(first, "interrogative") and kind == CueKind.SPEECH and text.words[start - 1] == "," and any(
            konjunktiv(text, i) for i in range(start + 1, min(text.clause(start)[1], end)) if text.quote_at[i] < 0):
        return True  # a question in Konjunktiv: "fragte, warum niemand etwas gesagt habe" (not "…, wann es kommt")
    if lex.has(first, "subordinator") or lex.has(first, "relative"):
        return False
    # (a colon ends the segment too: "sagte X, Gründer der Band: „…“" has an apposition, no claim)
    segment_end = next((i for i in range(start, end) if text.words[i] in (",", ";", ":") and text.quote_at[i] < 0), end)
    after_comma = text.words[start - 1] == ","
    if kind == CueKind.INTENT:  # an aim is a zu-infinitive ("plant, die Befugnisse zu erweitern") or a dass-clause
        return after_comma and zu_infinitive(text, start, segment_end)
    if any(konjunktiv(text, i, after_constituent=True) for i in range(start, segment_end) if text.quote_at[i] < 0):
        return True
    if kind in (CueKind.REPORTED, CueKind.SPEECH) and zu_infinitive(text, start, segment_end):
        return True
    if lex.has(first, "det") and start + 1 < segment_end and text.words[start + 1][:1].islower() \
            and not is_adjective(text, start + 1):
        return False  # a relative clause: "…, die sich auf … stützen"
    # "sagte Rice, die USA hielten …": a main clause; "…, niedrigere Zinsen …"
    if kind in (CueKind.SPEECH, CueKind.REPORTED) and after_comma and (
            lex.has(first, "det") or lex.has(first, "pronoun") or lex.has(first, "pronoun_generic")
            or text.is_capital(start)
            or is_adjective(text, start) and start + 1 < segment_end and text.is_capital(start + 1)):
        return not only_noun_phrases(text, start, segment_end)  # not an apposition: "sagte X, Kommandant der Y, …"
    return text.words[start - 1] == ":" and kind != CueKind.JUDGE


def _zu_clause_after(text: Text, clause_end: int, claim_end: int) -> bool:
    """Whether a zu-infinitive clause follows the cue's clause after a comma."""
    if clause_end >= claim_end or text.words[clause_end] != ",":
        return False
    segment_end = next((i for i in range(clause_end + 1, claim_end) if text.words[i] == ","), claim_end)
    return zu_infinitive(text, clause_end + 1, segment_end)


def _wie_start(text: Text, sent_start: int, clause_start: int) -> int:
    """The "wie" that opens a cue clause split by an apposition ("Wie der Sprecher, X, mitteilte"),
    else `clause_start`."""
    start = clause_start
    for _ in range(4):
        if start - 2 < sent_start or text.words[start - 1] != ",":
            break
        before = text.clause(start - 2)[0]
        if text.lex.info.get((text.lower[before], "subordinator")) == "wie":
            return before
        if not only_noun_phrases(text, before, start - 1):
            break
        start = before
    return clause_start


def _apposition(text: Text, start: int, claim_end: int) -> bool:
    """Whether the clause from `start` up to the next comma is a noun phrase set off by commas."""
    comma = next((i for i in range(start, claim_end) if text.words[i] == ","), None)
    return (comma is not None and comma > start and text.quote_at[start] < 0
            and not text.lex.has(text.lower[start], "subordinator") and only_noun_phrases(text, start, comma))


def _particle_segment(text: Text, start: int, verb: Verb) -> bool:
    """Whether the segment from `start` to the next comma closes the cue's clause after an insert: the verb's
    particle after adverbs or the words it governs ("ging X, der Sprecher des Vereins, noch davon aus, dass …")."""
    end = text.clause(start)[1]
    return (bool(verb.particle) and end > start and text.lower[end - 1] == verb.particle
            and all(text.lex.has(text.lower[j], "adverb") or text.lower[j] in verb.governed for j in range(start, end - 1)))


def _infinitive_insert(text: Text, start: int, claim_end: int) -> bool:
    """Whether the clause from `start` up to the next comma is an infinitive of manner or purpose set off by commas
    ("…, ohne auf einen Vorfall einzugehen, …", "…, um die Lage zu beruhigen, …")."""
    comma = next((i for i in range(start, claim_end) if text.words[i] == "," and text.quote_at[i] < 0), None)
    if comma is None or text.lower[start] not in INFINITIVE_CONJUNCTIONS or not zu_infinitive(text, start + 1, comma):
        return False
    # the claim after it opens with "dass"/"ob" or a subject ("…, ohne … zu nennen, dass …"; not "…, um … zu
    # vermeiden, nicht weil …")
    after = comma + 1
    return after < claim_end and (text.lex.info.get((text.lower[after], "subordinator")) == "clause"
                                  or text.is_capital(after) or text.lex.has(text.lower[after], "det")
                                  or text.lex.has(text.lower[after], "pronoun"))


def _before_next_cue(text: Text, after: int, next_verb: int, end: int) -> int:
    """Where a claim ends when another speech verb follows: "bestätigte, dass …, und gab an, …"."""
    clause_start, clause_end = text.clause(next_verb)
    if clause_start - 1 > after and text.words[clause_start - 1] == "," and text.quote_at[clause_start - 1] < 0 \
            and not text.subordinate(clause_start) and not _reported_verb(text, next_verb, clause_start, clause_end):
        return clause_start - 1
    # a verb inside the claim ("meldet, dass die Firmen Aufträge erwarten") does not end it
    return end


def _reported_verb(text: Text, verb: int, clause_start: int, clause_end: int) -> bool:
    """Whether a speech verb after the first place of a clause in Konjunktiv is part of a claim: "sagte, nach ersten
    Erkenntnissen habe eine Nachbarin den Brand gemeldet", "…, er habe das dem Amt mitgeteilt" (not "…, betonte
    aber, …": the verb that opens its clause goes on with the speaker's own doing)."""
    return verb > clause_start and main_clause_konjunktiv(text, clause_start, clause_end, strong_only=False)


def _impersonal(text: Text, cue: Cue, sent_start: int, claim_end: int) -> Iterator[Found]:
    """"…, hieß es in der Erklärung." / "In der Erklärung heißt es, …" / "Aus dem Bericht geht hervor, …";
    not with a noun as subject ("Die Firma ging aus einer Fusion hervor": no one says anything)."""
    clause_start, clause_end = text.clause(cue.start)
    opener = next(phrases(text, clause_start, cue.start), None)
    impersonal_subject = any(text.lex.has(text.lower[i], "pronoun_generic") for i in (cue.start - 1, cue.end))
    if opener is not None and opener.start == clause_start and opener.end - opener.start > 1 \
            and opener.kind != PhraseKind.PRONOUN and is_subject(text, opener) and not impersonal_subject:
        return  # (but "Die Zahlen wurden präzisiert und es heißt nun, …")
    speaker = impersonal_source(text, cue)
    # "…, in denen es heißt, dass …": a relative clause introduces the claim after it
    relative = text.lex.has(text.lower[clause_start], "preposition") and text.lex.has(text.lower[clause_start + 1],
                                                                                       "relative")
    colon_after = clause_end < claim_end and text.words[clause_end] == ":"  # "…, heißt es: „…“" says what follows
    # "In dem Bericht, der … wurde, heißt es, …": the sentence opens with where it says it, the claim follows
    source_before = text.lower[sent_start] in IMPERSONAL_SOURCE_PREPOSITIONS and clause_end < claim_end \
        and text.words[clause_end] == ","
    after_comma = clause_start > sent_start and text.words[clause_start - 1] == ","
    if text.lex.info.get((text.lower[clause_start], "subordinator")) not in ("wie", "clause") \
            and _verb_final(text, cue, clause_start, clause_end):
        # "…, der durch eine Serie bekannt wurde", "nachdem bekannt geworden war, dass …": a relative clause or
        # a clause of time claims nothing around it, only a dass-clause right after it
        if clause_end + 1 < claim_end and text.words[clause_end] == "," \
                and text.lex.info.get((text.lower[clause_end + 1], "subordinator")) == "clause":
            yield Found(QuoteKind.INDIRECT, clause_end + 1, claim_end, cue, speaker)
        return
    if after_comma and not relative and not colon_after and not source_before:
        # (not after a noun phrase: "Krüger, von Beruf Landwirt, wurde bekannt, als …")
        if text.plain_words(sent_start, clause_start - 1) >= 3 \
                and not only_noun_phrases(text, sent_start, clause_start - 1):
            yield Found(QuoteKind.INDIRECT, sent_start, clause_start - 1, cue, speaker)
        return
    claim_start = _clause_after(text, clause_end - 1, claim_end + 1)
    as_said = text.lex.info.get((text.lower[clause_start], "subordinator")) == "wie"  # "Wie es hieß, sieht X …"
    if claim_start is not None and text.quote_at[claim_start] < 0 \
            and (as_said or _reported_clause(text, claim_start, claim_end, CueKind.SPEECH)):
        yield Found(QuoteKind.INDIRECT, claim_start, claim_end, cue, speaker)
