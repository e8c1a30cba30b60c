"""What marks reported speech: speech verbs with their particles or governed words, and the
Konjunktiv ("sei", "habe", "er gehe") of a main clause."""
from __future__ import annotations

from typing import Iterator

from ..german import (FIRST_PERSON_SINGULAR_PRONOUNS, INFINITIVE_PARTICLES, KONJUNKTIV_SUBJECTS, PASSIVE_PARTICIPLES,
                      PERFECT_INFINITIVE_AUXILIARIES, REPORTIVE_MODALS)
from .lexicon import Verb
from .marks import MARKS
from .records import Cue, CueKind
from .text import BOUNDARIES, Text


def verb_cues(t: Text, s: int, e: int) -> Iterator[tuple[Cue, Verb]]:
    """Speech verbs of a sentence, outside quotations, with their particle or governed word."""
    for i in t.within(t.verb_at, s, e):
        if (t.quote_at[i] >= 0 or t.in_brackets[i]
                or (t.words[i][:1].isupper() and not t.opens_sentence(i))):
            continue
        a, b = t.clause(i)
        last = t.lower[b - 1] if b > i + 1 else ""
        objects = {t.lex.info.get((t.lower[k].rsplit("-", 1)[-1], "not_claim")) for k in range(a, b)}
        for verb in t.lex.verbs[t.lower[i]]:
            if verb.lemma in objects:
                continue  # "forderte zwölf Todesopfer" counts victims, it is no demand
            if verb.kind == CueKind.INTENT and not _stated_aim(t, i, a, b):
                continue
            if verb.particle and not verb.joined:
                if last != verb.particle and not (i > a and t.lower[i - 1] == verb.particle):
                    continue  # "teilte … mit", or verb-final "wie das Amt bekannt gab"
            elif t.lex.has(last, "particle") and b - 1 > i:
                continue  # "sagte ... zu" is zusagen, "erklärten sich ... bereit" a commitment
            if verb.requires and not set(verb.requires) & set(t.lower[max(a, i - 2):b]):
                continue
            yield Cue(verb.lemma, verb.kind, i, i + 1, t.words[i]), verb
            break


def _stated_aim(t: Text, i: int, a: int, b: int) -> bool:
    """"Die Partei will … festhalten", "plant, … zu …": a main clause with a final infinitive or a
    clause after it; not "will einen Gipfel" (a wish for a thing) nor "…, dass sie … will" (part of
    another claim)."""
    if t.subordinate(a) or (i > 0 and t.lower[i - 1] in INFINITIVE_PARTICLES):
        return False
    if b == i + 1:  # "plant, … zu …": the clause after holds the aim
        return b < len(t.words) and t.words[b] == ","
    last = t.words[b - 1]
    return last[:1].islower() and last.endswith("n") and last.isalpha()


def konjunktiv(t: Text, i: int, strong_only: bool = False, after_constituent: bool = False) -> bool:
    """Konjunktiv forms from the lexicon, and 3rd-person singular Konjunktiv I by rule: a verb
    stem + "-e" next to a subject pronoun or "sich" ("er gehe", "gebe es", "handele sich"), or, if
    `after_constituent`, right after a capitalised first constituent ("Zur Panik bestehe keine
    Veranlassung", "Daran ändere das nichts"; not "ich bestehe", an indicative)."""
    mood = t.lex.konjunktiv.get(t.lower[i])
    if mood is not None:
        return mood == 1 or not strong_only
    if not t.lex.may_be_konjunktiv(t.words[i]) or (i + 1 < len(t.words) and t.is_capital(i + 1)):
        return False  # an adjective before its noun: "gab es schwere Kämpfe"
    near = {t.lower[j] for j in (i - 1, i + 1) if 0 <= j < len(t.lower)}
    if near & KONJUNKTIV_SUBJECTS:
        return True
    return after_constituent and i > 0 and t.words[i - 1][:1].isupper() and not near & FIRST_PERSON_SINGULAR_PRONOUNS \
        and not (i + 1 < len(t.words) and t.words[i + 1][:1].isdigit())  # "in Berlin weitere 5.000 Stellen"


def main_clause_konjunktiv(t: Text, s: int, e: int, strong_only: bool) -> bool:
    """Whether a main clause of the sentence (not one after "weil", "dass", a relative pronoun ...)
    is in Konjunktiv, outside quotations; or reports with "soll(en) … haben/sein" unless `strong_only`
    (with no speaker in reach, "3.000 Menschen sollen gestorben sein" is hearsay, not someone's claim)."""
    if not t.within(t.konjunktiv_at, s, e) and (strong_only or not REPORTIVE_MODALS & set(t.lower[s:e])):
        return False  # most sentences: no word that could be Konjunktiv
    for words in _main_clauses(t, s, e):
        if any(konjunktiv(t, i, strong_only, after_constituent=not strong_only) for i in words) \
                or (not strong_only and _reportive_sollen(t, words)):
            return True
    return False


def _main_clauses(t: Text, s: int, e: int) -> Iterator[list[int]]:
    """Word tokens of each comma-separated segment of a sentence that is not a subordinate clause."""
    words: list[int] = []
    for i in range(s, e + 1):
        if i == e or (t.words[i] in BOUNDARIES and t.words[i] not in MARKS):
            if words:
                first = t.lower[words[0]]
                after_comma = words[0] > s and t.words[words[0] - 1] == ","
                if not (t.lex.has(first, "subordinator") or t.lex.has(first, "relative")
                        or (after_comma and t.lex.has(first, "det"))):
                    yield words
            words = []
        elif t.plain_word[i]:
            words.append(i)


def _reportive_sollen(t: Text, words: list[int]) -> bool:
    """"Er soll das Geld genommen haben": sollen with a perfect infinitive reports a claim."""
    if len(words) < 4 or not any(t.lower[i] in REPORTIVE_MODALS for i in words[:-2]):
        return False
    last, before = t.lower[words[-1]], t.lower[words[-2]]
    # a participle before it: "worden", or a form in -t/-en ("genommen", "gesagt"; morphology, kept here)
    return last in PERFECT_INFINITIVE_AUXILIARIES and (before in PASSIVE_PARTICIPLES or before.endswith(("t", "en")))
