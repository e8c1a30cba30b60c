"""The subject of a speech verb, found without a parser: the nominative noun phrase before the verb
unless the verb opens its clause ("…, sagte der Minister"), else the one after it."""
from __future__ import annotations

import re

from ..german import (CAPITALISED_NAME_PARTICLES, COLLECTIVE_SUBJECT_PRONOUNS, DATIVE_FEMININE_ARTICLES,
                      GENITIVE_ARTICLES, IMPERSONAL_SOURCE_PREPOSITIONS, NOMINATIVE_ONLY_PRONOUNS, ORIGIN_PREPOSITIONS,
                      PASSIVE_AGENT_PREPOSITIONS, PASSIVE_AUXILIARIES, PERFECT_AUXILIARIES, QUOTED_SUBJECT_VERBS,
                      TENSE_AUXILIARIES, WEAK_PAST_FORM)
from .phrases import NounPhrase, PhraseKind, noun_phrase, only_noun_phrases, phrases
from .records import CueKind
from .text import SENT_END, Text


# an adjective or adverb used as an adverbial ("Unmissverständlich", "Offiziell", "Möglicherweise")
ADVERB_SHAPE = re.compile(r"(?:lich|isch|bar|sam|los|haft|weise|ell)\Z")


def is_subject(text: Text, phrase: NounPhrase) -> bool:
    """A subject is nominative: not after a preposition, not with a dative/accusative article,
    not a medium addressed ("der Zeitung")."""
    lex = text.lex
    before = text.lower[phrase.start - 1] if phrase.start > 0 else ""
    if lex.has(before, "preposition") and not _name_particle(text, phrase) \
            and not (lex.has(before, "subordinator") and text.lower[phrase.start] not in GENITIVE_ARTICLES):
        return False  # (but "Während Juncker ankündigte, …": a conjunction; "Während der Sitzung": a preposition)
    if _after_adverb_in_phrase(text, phrase.start):
        return False
    first = text.lower[phrase.start]
    if lex.has(first, "det_oblique") or lex.has(first, "oblique"):
        return False
    # "sagte der Zeitung": a dative
    return not (first in DATIVE_FEMININE_ARTICLES and lex.noun_class(text.lower[phrase.head], "addressee"))


def _after_adverb_in_phrase(text: Text, start: int) -> bool:
    """"in einer vorgestern veröffentlichten Videobotschaft": the phrase found from the adjective on is the
    rest of one that an adverb split after its preposition or oblique article."""
    before = start - 1
    if before < 1 or not text.lex.has(text.lower[before], "adverb"):
        return False
    opener = text.lower[before - 1]
    if text.lex.has(opener, "det") and before > 1:  # "in einer vorgestern …"
        opener = text.lower[before - 2]
    return text.lex.has(opener, "preposition") or text.lex.has(opener, "det_oblique")


def _name_particle(text: Text, phrase: NounPhrase) -> bool:
    """"Von der Leyen", "van Gaal": a capitalised "von"/"van" directly before a person's name belongs to it."""
    return (text.words[phrase.start - 1] in CAPITALISED_NAME_PARTICLES and phrase.kind == PhraseKind.ENTITY
            and text.ents[phrase.entity].label_ == "PER")


def subject_near(text: Text, verb_start: int, verb_end: int, clause_start: int | None = None) -> NounPhrase | None:
    """The subject of the clause of the cue verb at `verb_start`: before the verb unless the verb
    opens the clause, else after it; an apposition before the clause ("X, Sprecher von Y, teilte mit").
    `clause_start`: where the clause starts when a quotation splits it ("…, der X als „…“ bezeichnet")."""
    lex, lower = text.lex, text.lower
    own_start, clause_end = text.clause(verb_start)
    clause_start = own_start if clause_start is None else clause_start
    if clause_start > 1 and text.words[clause_start - 1] == ",":
        first, last = lower[clause_start], lower[clause_end - 1]
        if ((lex.has(first, "det") or lex.has(first, "relative"))  # "…, der … betonte, …"
                and lex.info.get((first, "relative")) != "oblique"):  # not "…, denen X vorwirft, …"
            if verb_start >= clause_end - 2 and (verb_start == clause_end - 1 or lex.has(last, "particle")
                                                 or last in PERFECT_AUXILIARIES):  # verb-final
                # "…, die Gerhard Schröder … erklärt hatte": a name after the pronoun is the subject
                named = next(phrases(text, clause_start + 1, verb_start), None)
                if named is not None and named.start == clause_start + 1 and is_subject(text, named) \
                        and named.kind in (PhraseKind.ENTITY, PhraseKind.ROLE, PhraseKind.PERSON):
                    return named
                return _relative(text, clause_start)
        opens_with_pronoun = (verb_start == clause_start and verb_end < clause_end
                              and lex.has(lower[verb_end], "pronoun"))  # "…, schrieb er"
        # "X, Chef der Y, hatte Z aufgefordert": a finite auxiliary right after the insert is the verb in second
        # place, the subject stands before the insert (not "…, hatte er gesagt")
        opens_with_auxiliary = lower[clause_start] in TENSE_AUXILIARIES and clause_start + 1 < clause_end \
            and not lex.has(lower[clause_start + 1], "pronoun")
        if not opens_with_pronoun and (opens_with_auxiliary or not any(
                is_subject(text, phrase) for phrase in phrases(text, clause_start, verb_start))):
            inserted = _subject_before_insert(text, clause_start - 1)
            if inserted is not None:
                return inserted
    if _passive(text, verb_start, clause_start, clause_end):  # "von X", else where it was said ("in einer Erklärung")
        agent = _phrase_after(text, PASSIVE_AGENT_PREPOSITIONS, clause_start, clause_end, after_noun=False) \
            or _agent_before(text, clause_start, verb_start)
        source = _phrase_after(text, IMPERSONAL_SOURCE_PREPOSITIONS, clause_start, clause_end, after_noun=False)
        if agent is None and source is not None and source.kind == PhraseKind.ENTITY \
                and text.ents[source.entity].label_ == "LOC":
            return None  # "Kritisiert wird in Deutschland, dass …": a place is where, not who
        return agent or source or _document_opening_the_sentence(text, clause_start)
    found = [phrase for phrase in phrases(text, clause_start, verb_start) if is_subject(text, phrase)]
    before = found[0] if found else None
    if len(found) > 1 and found[-1].end == verb_start \
            and lex.info.get((lower[found[-1].start - 1], "conjunction")) == "and" \
            and not PERFECT_AUXILIARIES & set(lower[clause_start:verb_start]):
        # "Dies war die erste Blockade und die Anwohner befürchten, …": a clause of its own (not "X hatte die
        # Bedeutung der Schul- und Kitaleitungen betont", where the verb closes the first clause)
        before = found[-1]
    pronoun_after = verb_end < clause_end and (lex.has(lower[verb_end], "pronoun")
                                               or lex.has(lower[verb_end], "pronoun_generic"))
    # "Beobachter halten es für möglich, dass …": an "es" that can be the object leaves the noun its subject
    object_after = pronoun_after and lex.info.get((lower[verb_end], "pronoun_generic")) == "accusative"
    if before is not None and (_subject_follows_verb(text, clause_start, verb_end, clause_end)
                               or _inside_first_constituent(text, found[0], clause_start, verb_start, verb_end,
                                                            clause_end)):
        after = next((phrase for phrase in phrases(text, verb_end, clause_end) if is_subject(text, phrase)), None)
        if after is not None:
            return _named_apposition(text, after, clause_end)
    if before is not None and not (pronoun_after and not object_after and _bare(text, before)) \
            and not _fronted(text, before, clause_start, verb_end, clause_end):
        return before
    if pronoun_after and not lex.has(lower[verb_end], "pronoun") and not (object_after and before is not None):
        if object_after:  # "…, sah es das Gericht als erwiesen an": the "es" is the object of the subject after it
            after = next((phrase for phrase in phrases(text, verb_end + 1, clause_end) if is_subject(text, phrase)), None)
            if after is not None:
                return _named_apposition(text, after, clause_end)
        # "sagt man": no one; "stellte es fest": "es" stands for a body named before (an impersonal "hieß es"
        # has its own rule), the local mention
        return None if lower[verb_end] in COLLECTIVE_SUBJECT_PRONOUNS else \
            NounPhrase(verb_end, verb_end + 1, verb_end, PhraseKind.NOUN, None)
    if before is None and verb_start - 1 >= clause_start and lex.has(lower[verb_start - 1], "pronoun_generic") \
            and lower[verb_start - 1] not in COLLECTIVE_SUBJECT_PRONOUNS:
        return NounPhrase(verb_start - 1, verb_start, verb_start - 1, PhraseKind.NOUN, None)  # "Es weist … zurück"
    if before is None and not pronoun_after and lex.info.get((lower[verb_start - 1], "conjunction")) == "and":
        # "X nannte die Sanktionen „…“ in Tripolis und rief die Armee auf": a verb right after "und" shares
        # the subject of the sentence; the phrase after it is its object
        shared = sentence_subject(text, verb_start)
        if shared is not None:
            return shared
    after = next((phrase for phrase in phrases(text, verb_end, clause_end) if is_subject(text, phrase)), None)
    if after is None and verb_start > 0 and (
            verb_start - 1 <= clause_start and lex.info.get((lower[verb_start - 1], "conjunction")) == "and"
            or verb_start == clause_start and text.words[clause_start - 1] == "," and not text.subordinate(clause_start)):
        # "…, und fügt hinzu: …", "X bestätigte den Vorfall, teilte aber mit, …" share the subject of the sentence
        return sentence_subject(text, verb_start)
    if after is None:  # "aus Regierungskreisen verlautete": the circle it came from
        return _phrase_after(text, ORIGIN_PREPOSITIONS, clause_start, clause_end)
    return _named_apposition(text, after, clause_end)


def _document_opening_the_sentence(text: Text, clause_start: int) -> NounPhrase | None:
    """The document a passive cue's clause reports from when a relative clause separates the two: "In einer
    Erklärung, die am Mittwoch veröffentlicht wurde, wurde verkündet, dass …"."""
    sent_start = text.sents[text.sent_of[clause_start]][0]
    if clause_start <= sent_start + 2 or text.lower[sent_start] not in IMPERSONAL_SOURCE_PREPOSITIONS:
        return None
    document = noun_phrase(text, sent_start + 1, text.clause(sent_start)[1])
    return document if document is not None and document.kind == PhraseKind.DOCUMENT else None


def _named_apposition(text: Text, phrase: NounPhrase, clause_end: int) -> NounPhrase:
    """The person named in apposition to a role that ends the clause after the verb ("gab der Sprecher der
    Polizei, Paul Haas, bekannt": Paul Haas), else the phrase itself."""
    if phrase.kind not in (PhraseKind.ROLE, PhraseKind.NOUN) or phrase.end != clause_end \
            or clause_end >= len(text.words) or text.words[clause_end] != ",":
        return phrase
    sent_end = text.sents[text.sent_of[clause_end]][1]
    named = noun_phrase(text, clause_end + 1, sent_end)
    if named is None or named.kind != PhraseKind.ENTITY or text.ents[named.entity].label_ != "PER" \
            or named.end >= sent_end or text.words[named.end] != ",":
        return phrase
    return named


def _subject_follows_verb(text: Text, clause_start: int, verb_end: int, clause_end: int) -> bool:
    """A main clause has one constituent before its finite verb: when a pronoun that is only ever a
    subject follows the verb ("Der Politik schlug er vor", "Als Begründung gab er an"), or the
    sentence opens with a prepositional phrase ("Um 11 Uhr berichtete die Online-Ausgabe …"), the
    noun before the verb is not its subject."""
    if verb_end >= clause_end:
        return False
    if text.lower[verb_end] in NOMINATIVE_ONLY_PRONOUNS:
        return True
    # (a verb-final clause, "…, in der die Ministerin sagte, …", has no subject after its verb)
    return clause_start == text.sents[text.sent_of[clause_start]][0] and text.lex.has(text.lower[clause_start], "preposition")


def _inside_first_constituent(text: Text, before: NounPhrase, clause_start: int, verb_start: int, verb_end: int,
                              clause_end: int) -> bool:
    """A main clause has one constituent before its finite verb: a first noun phrase that does not open it
    ("Schon drei Wochen nach der Vorstellung von Müllers neuem Buch meldete der Verlag …") is
    part of that constituent, not the subject, when the verb is no final one of a subordinate clause."""
    start = clause_start
    while start < verb_start and text.lex.has(text.lower[start], "adverb"):
        start += 1
    return (before.start > start and verb_end < clause_end and not text.subordinate(clause_start)
            and clause_start == text.sents[text.sent_of[clause_start]][0])


def _phrase_after(text: Text, prepositions: frozenset[str], start: int, end: int,
                  after_noun: bool = True) -> NounPhrase | None:
    """The first noun phrase in [start, end) right after one of `prepositions` ("von X", "aus X");
    not `after_noun`: not one that completes the noun before it ("unter der Führung von X")."""
    return next((phrase for i in range(start, end) if text.lower[i] in prepositions
                 and (after_noun or i == start or not text.is_capital(i - 1))
                 for phrase in [noun_phrase(text, i + 1, end)] if phrase is not None), None)


def _agent_before(text: Text, start: int, verb_start: int) -> NounPhrase | None:
    """The agent right before the participle of a passive, after a noun, if it names someone ("wurde die Regierung
    vom LSVD aufgefordert"), where "von X" elsewhere completes the noun ("der Ausbruch von Cholera")."""
    return next((phrase for i in range(start, verb_start - 1) if text.lower[i] in PASSIVE_AGENT_PREPOSITIONS
                 for phrase in [noun_phrase(text, i + 1, verb_start)] if phrase is not None and phrase.end == verb_start
                 and phrase.kind in (PhraseKind.ENTITY, PhraseKind.ROLE, PhraseKind.PERSON)), None)


def _fronted(text: Text, before: NounPhrase, clause_start: int, verb_end: int, clause_end: int) -> bool:
    """Whether a plain noun before the verb is part of a fronted adverbial ("Trotz eines Verbots der
    Kommission will Island …", "Darüberhinaus will die SPD …") while a name or role follows the verb."""
    if before.kind != PhraseKind.NOUN or (before.start == clause_start and not _bare(text, before)):
        return False
    after = next((phrase for phrase in phrases(text, verb_end, clause_end) if is_subject(text, phrase)), None)
    if after is None:
        return False
    if _bare(text, before) and (text.lex.has(text.lower[before.start], "adverb")
                                or ADVERB_SHAPE.search(text.lower[before.start])):
        return True  # "Dagegen beteuerte die Polizei", "Unmissverständlich sagt das Gericht"
    return after.kind in (PhraseKind.ENTITY, PhraseKind.ROLE, PhraseKind.PERSON)


def sentence_subject(text: Text, verb_start: int) -> NounPhrase | None:
    """The subject that opens the sentence of token `verb_start`, if one does."""
    sent_start, _ = text.sents[text.sent_of[verb_start]]
    _, clause_end = text.clause(sent_start)
    phrase = next(phrases(text, sent_start, min(clause_end, verb_start)), None)
    return phrase if phrase is not None and phrase.start == sent_start and is_subject(text, phrase) else None


def _relative(text: Text, pronoun: int) -> NounPhrase:
    """A relative pronoun as subject: the local mention, referring to the phrase before the comma."""
    i = pronoun - 2
    while i >= 0 and text.ent_at[i] < 0 and text.words[i] not in SENT_END:
        i -= 1
    entity = text.ent_at[i] if i >= 0 and text.ent_at[i] >= 0 and pronoun - i <= 3 else None
    return NounPhrase(pronoun, pronoun + 1, pronoun, PhraseKind.ENTITY if entity is not None else PhraseKind.NOUN,
                      entity)


def _passive(text: Text, verb_start: int, clause_start: int, clause_end: int) -> bool:
    """"Ihm wird vorgeworfen, …": a participle cue with a form of "werden" has no speaking subject."""
    verbs = text.lex.verbs[text.lower[verb_start]]
    if text.lower[verb_start] in (verb.lemma for verb in verbs) or any(verb.kind == CueKind.INTENT for verb in verbs):
        return False  # an infinitive ("wird erklären") is future, "will … werden" an aim, neither is passive
    if any(verb.lemma in QUOTED_SUBJECT_VERBS for verb in verbs):
        return False  # "Der Trainer wurde später mit den Worten zitiert: …": the subject is who spoke
    if WEAK_PAST_FORM.match(text.lower[verb_start]) and not text.lower[verb_start].startswith("ge"):
        return False  # "… eröffnet worden war sagte er": a finite past form is no participle ("gebeten" is one)
    return any(text.lower[i] in PASSIVE_AUXILIARIES for i in range(clause_start, clause_end))


def _bare(text: Text, phrase: NounPhrase) -> bool:
    """A lone capitalised word opening the sentence: as likely an adverb ("Offiziell") as a noun."""
    return (phrase.kind == PhraseKind.NOUN and phrase.end - phrase.start == 1
            and text.sents[text.sent_of[phrase.start]][0] == phrase.start)


def _before_brackets(text: Text, start: int, end: int) -> int:
    """End of [start, end) without a bracket that closes it ("Präsident des Verbands (DFB)")."""
    if end - start > 2 and text.words[end - 1] == ")":
        opening = next((i for i in range(end - 2, start, -1) if text.words[i] == "("), None)
        if opening is not None:
            return opening
    return end


def _adjective_insert(text: Text, start: int, end: int) -> bool:
    """An insert that opens with an uninflected adjective and goes on with noun and prepositional phrases only
    ("zuständig für das US-Geschäft", "verantwortlich für die Planung")."""
    word = text.lower[start]
    return (end - start > 1 and text.words[start][:1].islower() and not text.lex.words.get(word)
            and word not in text.lex.verbs and word not in text.lex.verb_forms
            and only_noun_phrases(text, start + 1, end))


def _subject_before_insert(text: Text, comma: int) -> NounPhrase | None:
    """The subject that opens the sentence before an apposition or relative clause set off by
    commas: "Der Sprecher des Amtes, Max Muster, teilte mit", "X, die … vertritt, nennt …"."""
    end, named = comma, None
    for _ in range(4):
        start, _ = text.clause(end - 1)
        found = list(phrases(text, start, end))
        # a subordinate clause opens before an apposition: "Wie der Sprecher, X, mitteilte", "…, wie X, Chef der Y,
        # mitteilte" (not an insert right before the verb's clause: "wenn sie, wie auch der Kollege, darauf hinweist")
        subordinate = text.lex.has(text.lower[start], "subordinator") and (end < comma or start == 0
                                                                             or text.words[start - 1] != ",")
        if start == 0 or text.words[start - 1] != "," or subordinate:
            if subordinate:
                start += 1
            while start < end - 1 and text.lex.has(text.lower[start], "adverb"):  # "Auch die Leiterin, X, …"
                start += 1
            opener = next((phrase for phrase in found if phrase.start >= start), None)
            if opener is not None and opener.start == start and is_subject(text, opener) \
                    and only_noun_phrases(text, start, end):
                if opener.kind == PhraseKind.ENTITY and text.ents[opener.entity].label_ == "PER":
                    return opener
                return named or opener
            # "Vor kurzem hatte ein Vereinschef aus dem Nachbarort, Peter Lindner, erklärt": a name in
            # apposition to the role that is the subject of the clause before it
            if named is not None and text.ents[named.entity].label_ == "PER" and any(
                    phrase.kind in (PhraseKind.ROLE, PhraseKind.PERSON) and is_subject(text, phrase)
                    for phrase in found):
                return named
            return None
        if found and found[0].start == start and found[-1].end == _before_brackets(text, start, end) \
                and only_noun_phrases(text, start, end):
            named = named or next((phrase for phrase in found if phrase.kind == PhraseKind.ENTITY), None)
        elif _adjective_insert(text, start, end):
            pass  # "Firmen-Vorstand X, zuständig für das Asien-Geschäft, hatte angekündigt"
        elif not (text.lex.has(text.lower[start], "relative") or text.lex.has(text.lower[start], "det")):
            return None
        end = start - 1
    return None
