"""Who made a claim: the entity of a local mention, or the PER that a pronoun ("er"), a
description ("der CDU-Politiker") or a document ("in der Erklärung") refers to."""
from __future__ import annotations

from bisect import bisect_left

from ..german import (FEMININE_OR_PLURAL_ARTICLES, FEMININE_OR_PLURAL_PRONOUNS, IMPERSONAL_SOURCE_PREPOSITIONS,
                      INDEFINITE_ARTICLES, MASCULINE_NOMINATIVE_ARTICLES, NOUN_INFLECTION_ENDINGS)
from .phrases import NP, noun_phrase, phrases
from .records import NO_SPEAKER, Cue, Speaker, SpeakerMethod
from .subjects import is_subject
from .text import Text

SUBJECT_KINDS = ("entity", "role", "person", "pronoun")


def resolve(t: Text, np: NP | None, method: SpeakerMethod = SpeakerMethod.SAME_SENTENCE, verb: int | None = None) -> Speaker:
    """Speaker of a local mention: its own entity, or the PER that a pronoun or description refers to."""
    if np is None:
        return NO_SPEAKER
    if np.kind == "entity":
        return Speaker(np.start, np.end, t.eid(np.entity), method)
    if np.kind == "pronoun":
        word = t.lower[np.start]
        # "sie sagten": a plural verb ending (morphology, kept here)
        plural = word in FEMININE_OR_PLURAL_PRONOUNS and verb is not None and t.lower[verb].endswith(("ten", "en"))
        if plural:
            return Speaker(np.start, np.end, None, SpeakerMethod.PRONOUN)
        gender = t.lex.info.get((word, "pronoun"), "")
        return Speaker(np.start, np.end, _recent_person(t, np.start, gender=gender), SpeakerMethod.PRONOUN)
    if np.kind == "role":
        role = t.lex.role(t.lower[np.head])
        gender = t.lex.roles.get(role, "")
        plural = t.lower[np.start] in FEMININE_OR_PLURAL_ARTICLES and gender != "f"
        # "ein Sprecher des Ministeriums" brings in someone new; "der Sprecher" may be someone named before
        new_person = t.lower[np.start] in INDEFINITE_ARTICLES
        eid = None if plural or new_person else _recent_person(t, np.start, gender=gender, role=role)
        return Speaker(np.start, np.end, eid, SpeakerMethod.DESCRIPTION)
    if np.kind == "person":
        return Speaker(np.start, np.end, _nearby_person(t, np), SpeakerMethod.DESCRIPTION)
    if np.kind == "document":
        return Speaker(np.start, np.end, _document_author(t, np), SpeakerMethod.DOCUMENT)
    return Speaker(np.start, np.end, t.eid(np.entity), method)


def _recent_person(t: Text, before: int, gender: str = "", role: str | None = None) -> str | None:
    """Most recent PER mention before a token: with the same role if one was introduced so, else
    the most recent one of compatible gender."""
    idx = bisect_left(t.per_starts, before)
    candidates = [t.eid(k) for _, k in reversed(t.per[max(0, idx - 40):idx])]
    if role:
        for eid in candidates:
            if any(r.endswith(role) or role.endswith(r) for r in t.roles.get(eid, ())):  # "Bundeskanzlerin"
                return eid
    for eid in candidates:
        if not gender or t.gender.get(eid, gender) == gender:
            return eid
    return None


def _nearby_person(t: Text, np: NP) -> str | None:
    """"so der 52-Jährige", "sagte der Belgier": a definite age or nationality noun refers to a person
    named in this sentence or the one before (further back it is as often someone never named)."""
    word, article = t.lower[np.head], t.lower[np.start]
    masculine, feminine_or_plural = article in MASCULINE_NOMINATIVE_ARTICLES, article in FEMININE_OR_PLURAL_ARTICLES
    if not masculine and not feminine_or_plural:
        return None
    # feminine nouns end in -in ("Britin") or, after "die", in -e ("die 52-Jährige"): morphology, kept here
    gender = "f" if word.endswith("in") or feminine_or_plural and word.endswith("e") else "m" if masculine else ""
    if feminine_or_plural and gender != "f":
        return None  # "die Briten": plural
    k = t.sent_of[np.start]
    since = t.sents[k - 1][0] if k > 0 else t.sents[k][0]
    idx = bisect_left(t.per_starts, np.start)
    for start, e in reversed(t.per[:idx]):
        if start < since:
            break
        eid = t.eid(e)
        if t.gender.get(eid) == gender:
            return eid
    return None


def _document_author(t: Text, np: NP) -> str | None:
    """"in der gemeinsamen Erklärung": who issued the same document earlier in the article."""
    stem = _stem(t.lower[np.head])
    for i in range(np.start - 1, -1, -1):
        if t.words[i][:1].isupper() and _stem(t.lower[i]) == stem:
            s, _ = t.sents[t.sent_of[i]]
            for j in range(i - 1, s - 1, -1):
                if t.ent_at[j] >= 0 and t.ents[t.ent_at[j]].label_ in ("ORG", "PER"):
                    return t.eid(t.ent_at[j])
            return None
    return None


def _stem(word: str) -> str:
    for affix in NOUN_INFLECTION_ENDINGS:  # longest first: "Erklärungen" and "Erklärung" name the same document
        if word.endswith(affix) and len(word) > len(affix) + 3:
            return word[: -len(affix)]
    return word


def impersonal_source(t: Text, cue: Cue) -> Speaker:
    """"hieß es in der Erklärung", "aus dem Ministerium hieß es": the source is a place phrase."""
    v = cue.start
    a, b = t.clause(v)
    for k in list(range(cue.end, b)) + list(range(a, v)):
        if t.lower[k] in IMPERSONAL_SOURCE_PREPOSITIONS:
            source = noun_phrase(t, k + 1, b if k > v else v)
            if source is not None:
                return resolve(t, source, method=SpeakerMethod.DOCUMENT)
    return NO_SPEAKER


def previous_subject(t: Text, k: int) -> Speaker:
    """Who a cue-less Konjunktiv sentence reports when no speaker is in reach: the subject that opens
    the sentence before it in the same paragraph ("Er hat gestanden. In allen Fällen habe er …")."""
    if k == 0 or t.heading[k - 1] or t.para[k - 1] != t.para[k]:
        return NO_SPEAKER
    s, _ = t.sents[k - 1]
    _, b = t.clause(s)
    np = next(phrases(t, s, b), None)
    if np is None or np.start != s or not is_subject(t, np) or np.kind not in SUBJECT_KINDS:
        return NO_SPEAKER
    return resolve(t, np, SpeakerMethod.PREVIOUS_SUBJECT)
