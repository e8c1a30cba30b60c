"""What marks reported speech: speech verbs with their particles or governed words, and the
Konjunktiv ("sei", "habe", "er gehe") of a main clause."""
from __future__ import annotations

from typing import Iterator, NamedTuple

from ..german import (ARTICLES, FIRST_PERSON_KONJUNKTIV, FIRST_PERSON_SINGULAR_PRONOUNS, INFINITIVE_PARTICLES,
                      KONJUNKTIV_SUBJECTS, MODAL_VERBS, PASSIVE_AUXILIARIES, PASSIVE_PARTICIPLES,
                      PERFECT_INFINITIVE_AUXILIARIES, REPORTIVE_MODALS, TENSE_AUXILIARIES)
from .lexicon import Verb
from .marks import MARKS
from .phrases import only_noun_phrases
from .records import Cue, CueKind
from .text import BOUNDARIES, Text


INSERT_MARKS = frozenset({",", "–", "—", "-"})  # what sets off an apposition or an aside


class VerbCue(NamedTuple):
    """A speech verb in the text (`cue`) and the lexicon entry it was read as (`verb`)."""
    cue: Cue
    verb: Verb


def verb_cues(text: Text, start: int, end: int) -> Iterator[VerbCue]:
    """Speech verbs in [start, end) of a sentence, outside quotations, with their particle or governed word."""
    lex, lower = text.lex, text.lower
    for i in text.within(text.verb_at, start, end):
        if (text.quote_at[i] >= 0 or text.in_brackets[i]
                or (text.words[i][:1].isupper() and not text.opens_sentence(i))):
            continue
        clause_start, clause_end = text.clause(i)
        # a clause that runs on into a quotation ("bezeichnete den Besuch als ein „…“") has no particle at its end
        last = lower[clause_end - 1] if clause_end > i + 1 and not _opens_quotation(text, clause_end) else ""
        objects = {lex.info.get((lower[j].rsplit("-", 1)[-1], "not_claim")) for j in range(clause_start, clause_end)}
        for verb in lex.verbs[lower[i]]:
            if verb.lemma in objects:
                continue  # "forderte zwölf Todesopfer" counts victims, it is no demand
            if verb.kind == CueKind.INTENT and not _stated_aim(text, i, clause_start, clause_end):
                continue
            governed_end = clause_end  # where the words the verb requires may stand
            if verb.particle and not verb.joined:
                # (a "zu" before the verb is its infinitive's: "Zeit zu geben" is no "zugeben")
                before = i > clause_start and lower[i - 1] == verb.particle and verb.particle not in INFINITIVE_PARTICLES
                if last != verb.particle and not before:
                    particle, governed_end = _particle_after_inserts(text, clause_end, verb.governed)
                    if particle != verb.particle:
                        continue  # "teilte … mit", or verb-final "wie das Amt bekannt gab"
            elif lex.has(last, "particle") and clause_end - 1 > i and not _taken_by_later_verb(text, i, clause_end):
                continue  # "sagte ... zu" is zusagen, "erklärten sich ... bereit" a commitment
            # the required word stands after the verb or just before it; an impersonal verb's anywhere in
            # its clause ("Wie es in der Erklärung hieß", "Wie aus dem Bericht hervorgeht")
            window = clause_start if verb.kind == CueKind.IMPERSONAL else max(clause_start, i - 2)
            if verb.requires and not verb.frame_in(set(lower[window:max(clause_end, governed_end)])):
                continue
            yield VerbCue(Cue(verb.lemma, verb.kind, i, i + 1, text.words[i]), verb)
            break


def _opens_quotation(text: Text, i: int) -> bool:
    return i < len(text.words) and text.quote_at[i] >= 0 and text.quotations[text.quote_at[i]].open == i


def _taken_by_later_verb(text: Text, verb_at: int, clause_end: int) -> bool:
    """Whether the particle that ends the clause belongs to a later speech verb ("bezeichnete X als Y und
    kündigte an")."""
    particle = text.lower[clause_end - 1]
    return any(verb.particle == particle for j in text.within(text.verb_at, verb_at + 1, clause_end - 1)
               for verb in text.lex.verbs[text.lower[j]])


def _particle_after_inserts(text: Text, clause_end: int, governed: frozenset[str] = frozenset()) -> tuple[str, int]:
    """The particle that closes the clause after noun phrases set off by commas or dashes ("teilte der
    Sprecher, Max Muster, mit", "gab heute – nach langen Tests – Professor Lang bekannt"), and the index after it;
    else ("", clause_end). Adverbs and the words the verb governs may stand before it in its own segment ("ging X,
    die Anwältin, noch davon aus, dass …")."""
    sent_start, sent_end = text.sents[text.sent_of[clause_end - 1]]
    content_end = text.content_end(sent_start, sent_end)
    end = clause_end
    while end < content_end - 1 and text.words[end] in INSERT_MARKS:
        start, end = text.clause(end + 1)
        if end >= content_end:  # the last segment: noun phrases and the particle
            last = content_end - 1
            return (text.lower[last], last + 1) if only_noun_phrases(text, start, last) else ("", clause_end)
        if text.lex.has(text.lower[end - 1], "particle") and all(
                text.lex.has(text.lower[j], "adverb") or text.lower[j] in governed for j in range(start, end - 1)):
            return text.lower[end - 1], end  # "gab der Leiter, X, bekannt, dass …": the particle before the claim
        if not only_noun_phrases(text, start, end):
            return "", clause_end
    return "", clause_end


def zu_infinitive(text: Text, start: int, end: int) -> bool:
    """"zu erweitern" (not the preposition of "zu den Vorgängen": a function word or noun follows), or "zu"
    inside an infinitive in -en ("anzukündigen"; morphology)."""
    lower = text.lower
    return any(lower[i] in INFINITIVE_PARTICLES and i + 1 < end and _infinitive(text, i + 1)
               or (len(lower[i]) > 6 and any(zu in lower[i][2:-2] for zu in INFINITIVE_PARTICLES)
                   and lower[i].endswith("en"))
               for i in range(start, end))


def _infinitive(text: Text, i: int) -> bool:
    """A lower-case word in -n that is no article: "verlassen", "sein", "ändern" (not "den", "ihren")."""
    word = text.lower[i]
    return text.words[i][:1].islower() and word.endswith("n") and not text.lex.has(word, "det_oblique") \
        and word not in ARTICLES


def _stated_aim(text: Text, verb_at: int, clause_start: int, clause_end: int) -> bool:
    """"Die Partei will … festhalten", "plant, … zu …": a main clause with a final infinitive or a
    clause after it; not "will einen Gipfel" (a wish for a thing) nor "…, dass sie … will" (part of
    another claim)."""
    if text.subordinate(clause_start) or (verb_at > 0 and text.lower[verb_at - 1] in INFINITIVE_PARTICLES):
        return False
    if clause_end == verb_at + 1:  # "plant, … zu …": the clause after holds the aim
        return clause_end < len(text.words) and text.words[clause_end] == ","
    if clause_end + 1 < len(text.words) and text.words[clause_end] == "," \
            and not text.lex.has(text.lower[clause_end + 1], "subordinator"):
        # "plant die Bundesregierung, die Befugnisse … zu erweitern" (not "…, um … zu …", a purpose)
        segment_end = text.clause(clause_end + 1)[1]
        if zu_infinitive(text, clause_end + 1, segment_end):
            return True
    last = text.words[clause_end - 1]
    return last[:1].islower() and last.endswith("n") and last.isalpha()


def konjunktiv(text: Text, i: int, strong_only: bool = False, after_constituent: bool = False) -> bool:
    """Konjunktiv forms from the lexicon, and 3rd-person singular Konjunktiv I by rule: a verb
    stem + "-e" next to a subject pronoun or "sich" ("er gehe", "gebe es", "handele sich"), or, if
    `after_constituent`, right after a capitalised first constituent ("Zur Panik bestehe keine
    Veranlassung", "Daran ändere das nichts"; not "ich bestehe", an indicative)."""
    words = text.words
    mood = text.lex.konjunktiv.get(text.lower[i])
    if mood is not None:
        # beside "ich" only sein and the modals show the Konjunktiv: "ich habe", "halte ich" are indicative
        first_person = any(text.lower[j] in FIRST_PERSON_SINGULAR_PRONOUNS
                           for j in (i - 1, i + 1) if 0 <= j < len(words))
        return (mood == 1 or not strong_only) and (not first_person or text.lower[i] in FIRST_PERSON_KONJUNKTIV)
    if not text.lex.may_be_konjunktiv(words[i]) or (i + 1 < len(words) and text.is_capital(i + 1)):
        return False  # an adjective before its noun: "gab es schwere Kämpfe"
    neighbours = {text.lower[j] for j in (i - 1, i + 1) if 0 <= j < len(words)}
    if neighbours & KONJUNKTIV_SUBJECTS and not neighbours & FIRST_PERSON_SINGULAR_PRONOUNS:  # not "Ich denke es …"
        return True
    return (after_constituent and i > 0 and words[i - 1][:1].isupper() and not neighbours & FIRST_PERSON_SINGULAR_PRONOUNS
            and not (i + 1 < len(words) and words[i + 1][:1].isdigit()))  # "in Berlin weitere 5.000 Stellen"


def finite_verb(text: Text, i: int) -> bool:
    """An auxiliary, a modal, a Konjunktiv form or a lower-case verb form that is no function word ("ein"): what may
    stand in second place."""
    word = text.lower[i]
    return (word in TENSE_AUXILIARIES or word in MODAL_VERBS or word in PASSIVE_AUXILIARIES or konjunktiv(text, i)
            or text.words[i][:1].islower() and word in text.lex.verb_forms and not text.lex.words.get(word))


def main_clause_konjunktiv(text: Text, start: int, end: int, strong_only: bool) -> bool:
    """Whether a main clause of the sentence [start, end) (not one after "weil", "dass", a relative
    pronoun ...) is in Konjunktiv, outside quotations; or reports with "soll(en) … haben/sein" unless
    `strong_only` (with no speaker in reach, "3.000 Menschen sollen gestorben sein" is hearsay, not
    someone's claim)."""
    return konjunktiv_clause(text, start, end, strong_only) is not None


def konjunktiv_clause(text: Text, start: int, end: int, strong_only: bool) -> list[int] | None:
    """The word tokens of the first main clause of [start, end) in Konjunktiv (as `main_clause_konjunktiv`
    tests it), or None."""
    if not text.within(text.konjunktiv_at, start, end) and (
            strong_only or not REPORTIVE_MODALS & set(text.lower[start:end])):
        return None  # most sentences: no word that could be Konjunktiv
    return next((clause for clause in _main_clauses(text, start, end)
                 if any(konjunktiv(text, i, strong_only, after_constituent=not strong_only) for i in clause)
                 or (not strong_only and _reportive_sollen(text, clause))), None)


def _main_clauses(text: Text, start: int, end: int) -> Iterator[list[int]]:
    """Word tokens of each comma-separated segment of a sentence that is not a subordinate clause."""
    lex = text.lex
    clause: list[int] = []
    for i in range(start, end + 1):
        if i == end or (text.words[i] in BOUNDARIES and text.words[i] not in MARKS):
            if clause:
                first = text.lower[clause[0]]
                after_comma = clause[0] > start and text.words[clause[0] - 1] == ","
                if not (lex.has(first, "subordinator") or lex.has(first, "relative")
                        or (after_comma and lex.has(first, "det"))):
                    yield clause
            clause = []
        elif text.plain_word[i]:
            clause.append(i)


def _reportive_sollen(text: Text, clause: list[int]) -> bool:
    """"Er soll das Geld genommen haben": sollen with a perfect infinitive reports a claim."""
    if len(clause) < 4 or not any(text.lower[i] in REPORTIVE_MODALS for i in clause[:-2]):
        return False
    last, before = text.lower[clause[-1]], text.lower[clause[-2]]
    # a participle before it: "worden", or a form in -t/-en ("genommen", "gesagt"; morphology, kept here)
    return last in PERFECT_INFINITIVE_AUXILIARIES and (before in PASSIVE_PARTICIPLES or before.endswith(("t", "en")))
