"""Claims after a noun that names a speech act: "die Forderung der SPD, die Bank zu boykottieren", "der Vorwurf,
das Gericht sei nicht legitim", "Vorwürfe werden laut, dass die Firma Daten verkauft"."""
from __future__ import annotations

from typing import Iterator

from ..german import SOURCE_COMPLEMENT_PREPOSITIONS
from .cues import konjunktiv, zu_infinitive
from .phrases import NounPhrase, PhraseKind, is_adjective, noun_phrase, only_noun_phrases, phrases
from .records import Cue, CueKind, Found, QuoteKind, Speaker, SpeakerMethod
from .speakers import SUBJECT_KINDS, resolve
from .subjects import is_subject
from .text import Text

MAX_TRAILING_VERBS = 2  # "eine Mahnung an die Politik ausgesprochen, …": a light verb after the noun's phrases


def noun_quotes(text: Text, sent_start: int, sent_end: int) -> Iterator[Found]:
    """The content clauses of the speech-act nouns of the sentence [sent_start, sent_end): the clause right after
    the comma that closes the noun's own clause, if it is a dass-clause, a zu-infinitive or in Konjunktiv."""
    content_end = text.content_end(sent_start, sent_end)
    nouns = text.within(text.speech_act_at, sent_start, content_end)
    for position, at in enumerate(nouns):
        if text.quote_at[at] >= 0 or text.in_brackets[at]:
            continue
        clause_start, comma = text.clause(at)
        if position + 1 < len(nouns) and nouns[position + 1] < comma:
            continue  # the noun nearest the clause governs it: "Hinweise für die Behauptungen, dass …"
        if comma + 1 >= content_end or text.words[comma] != "," or not _attached(text, at, comma) \
                or not _content_clause(text, comma + 1, content_end):
            continue
        cue = Cue(text.lower[at], CueKind.NOUN, at, at + 1, text.words[at])
        yield Found(QuoteKind.INDIRECT, comma + 1, _claim_end(text, comma + 1, content_end), cue,
                    _speaker(text, at, clause_start, comma))


def _attached(text: Text, at: int, comma: int) -> bool:
    """Whether only the noun's complements stand between it and the comma ("der Verteidigung", "an die Politik"),
    perhaps with a verb that ends the clause ("… den Vorschlag unterbreitet", "Vorwürfe werden laut"); not after a
    preposition then: "Es geht bei diesen Drohungen darum, … zu …" (the clause is the verb's)."""
    trailing = 0
    while trailing < MAX_TRAILING_VERBS and comma - trailing - 1 > at \
            and text.words[comma - trailing - 1].isalpha() and text.words[comma - trailing - 1].islower():
        trailing += 1
    if trailing and any(text.lex.has(text.lower[i], "preposition") for i in range(max(0, at - 3), at)):
        return False
    return only_noun_phrases(text, at + 1, comma - trailing)


def _content_clause(text: Text, start: int, end: int) -> bool:
    """A dass-clause, or a clause with a zu-infinitive or a Konjunktiv (not a relative clause, nor one of purpose
    or time: "…, um … zu …", "…, der … habe")."""
    lex, first = text.lex, text.lower[start]
    if text.quote_at[start] >= 0:
        return False
    if lex.info.get((first, "subordinator")) == "clause":
        return True
    if lex.has(first, "subordinator"):
        return False
    opener = start + 1 if lex.has(first, "preposition") and start + 1 < end else start
    segment_end = _segment_end(text, start, end)
    # a zu-infinitive of the clause itself, not of a purpose inside it ("…, glauben Sie, das dient dazu, um … zu"),
    # nor in a relative clause ("…, welche … zu tun hätten"); an article may open it ("…, dem im nächsten Jahr
    # drohenden Defizit zu begegnen")
    if zu_infinitive(text, start, segment_end) and not _relative_pronoun(text, opener, end, infinitive=True) \
            and not any(lex.has(text.lower[i], "subordinator") for i in range(start, segment_end)):
        return True
    return not _relative_pronoun(text, opener, end) and any(
        konjunktiv(text, i, after_constituent=True) for i in range(start, segment_end) if text.quote_at[i] < 0)


def _relative_pronoun(text: Text, i: int, end: int, infinitive: bool = False) -> bool:
    """A relative pronoun opens a clause at token `i` ("…, welche …", "…, den die Kommission …", "…, auf den …"):
    an article form is one unless a noun or adjective of its own follows ("…, die Bank …"), or, before a
    zu-infinitive (`infinitive`), a preposition that opens an extended attribute ("…, dem im Mai drohenden …")."""
    word, lex = text.lower[i], text.lex
    if lex.has(word, "relative") and not lex.has(word, "det") and not lex.has(word, "det_oblique"):
        return True
    if not (lex.has(word, "relative") or lex.has(word, "det") or lex.has(word, "det_oblique")) or i + 1 >= end:
        return False
    attribute = infinitive and lex.has(text.lower[i + 1], "preposition")
    return text.words[i + 1][:1].islower() and not is_adjective(text, i + 1) and not attribute


def _segment_end(text: Text, start: int, end: int) -> int:
    return next((i for i in range(start, end) if text.words[i] in (",", ";") and text.quote_at[i] < 0), end)


def _claim_end(text: Text, start: int, end: int) -> int:
    """The content clause goes on over the segments that belong to it: subordinate and relative clauses,
    further zu-infinitives and Konjunktiv ("… dabei zu helfen, Menschen … zu bringen"); the writer's main clause
    after it ends it ("Dem Aufruf des Vereins, sich zu melden, folgte niemand")."""
    claim_end = _segment_end(text, start, end)
    while claim_end + 1 < end and text.words[claim_end] == ",":
        segment_start = claim_end + 1
        segment_end = _segment_end(text, segment_start, end)
        if not (text.subordinate(segment_start) or zu_infinitive(text, segment_start, segment_end)
                or any(konjunktiv(text, i) for i in range(segment_start, segment_end))):
            break
        claim_end = segment_end
    return claim_end


def _speaker(text: Text, at: int, clause_start: int, comma: int) -> Speaker:
    """Who made the demand or warning: its genitive or "von" complement ("der Verteidigung", "von Politikern"),
    else a person or organisation that is the subject of its clause ("Calderón erteilte den Befehl"), else the
    noun phrase itself, the local mention ("Dem Appell der Polizei", "Vorwürfe werden laut")."""
    found = list(phrases(text, clause_start, comma))
    own = next((phrase for phrase in found if phrase.start <= at < phrase.end), None)
    if own is None:
        own = NounPhrase(at, at + 1, at, PhraseKind.NOUN, None)
    if own.end > at + 1:  # a genitive: "die Forderung des Vorsitzenden"
        complement = noun_phrase(text, at + 1, own.end)
        if complement is not None:
            return resolve(text, complement)
    if own.end < comma and text.lower[own.end] in SOURCE_COMPLEMENT_PREPOSITIONS:  # "die Forderungen von X"
        complement = noun_phrase(text, own.end + 1, comma)
        if complement is not None:
            return resolve(text, complement)
    subject = next((phrase for phrase in found if phrase.end <= own.start and phrase.kind in SUBJECT_KINDS
                    and is_subject(text, phrase)), None)
    if subject is not None:
        return resolve(text, subject)
    return Speaker(own.start, own.end, None, SpeakerMethod.SPEECH_ACT)
