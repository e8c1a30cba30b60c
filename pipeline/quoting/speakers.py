"""Who made a claim: the entity of a local mention, or the PER that a pronoun ("er"), a
description ("der CDU-Politiker") or a document ("in der Erklärung") refers to."""
from __future__ import annotations

from bisect import bisect_left
from typing import Callable, NamedTuple

from ..german import (ARTICLES, DERIVATIONAL_NOUN_ENDINGS, FEMININE_OR_PLURAL_ARTICLES, FEMININE_OR_PLURAL_PRONOUNS,
                      GENITIVE_ARTICLES, GENITIVE_PREPOSITIONS, IMPERSONAL_SOURCE_PREPOSITIONS, INDEFINITE_ARTICLES,
                      MASCULINE_NOMINATIVE_ARTICLES, NOUN_INFLECTION_ENDINGS, PLURAL_VERB_ENDINGS, STOP_WORDS)
from .phrases import NounPhrase, PhraseKind, noun_phrase, phrases
from .records import NO_SPEAKER, Cue, Speaker, SpeakerMethod
from .subjects import is_subject
from .text import Text

SUBJECT_KINDS = (PhraseKind.ENTITY, PhraseKind.ROLE, PhraseKind.PERSON, PhraseKind.PRONOUN)


def resolve(text: Text, phrase: NounPhrase | None, method: SpeakerMethod = SpeakerMethod.SAME_SENTENCE,
            verb: int | None = None) -> Speaker:
    """Speaker of a local mention: the person or author a pronoun, description or document refers to
    (by the first rule of REFERENCE_RULES for its kind, which names the method), else its own entity
    (with `method`); `verb` is the token of the cue verb, whose ending tells a plural "sie"."""
    if phrase is None:
        return NO_SPEAKER
    for rule in REFERENCE_RULES:
        if phrase.kind == rule.kind:
            return Speaker(phrase.start, phrase.end, rule.refers_to(text, phrase, verb), rule.method)
    return Speaker(phrase.start, phrase.end, text.entity_id(phrase.entity), method)


def _pronoun(text: Text, phrase: NounPhrase, verb: int | None) -> str | None:
    """"sagte er": the most recent person of the pronoun's gender; no one for a plural "sie sagten"."""
    word = text.lower[phrase.start]
    if word in FEMININE_OR_PLURAL_PRONOUNS and verb is not None and text.lower[verb].endswith(PLURAL_VERB_ENDINGS):
        return None
    gender = text.lex.info.get((word, "pronoun"), "")
    entity_id = _recent_person(text, phrase.start, gender=gender)
    # "Tedros Adhanom Ghebreyesus reiste nach Genf. Er sagte, …": a name the entity rules missed is the antecedent,
    # not a person named before it
    if entity_id is not None:
        unnamed = _unnamed_person(text, phrase.start, gender)
        if unnamed is not None and _last_mention(text, entity_id, phrase.start) < unnamed:
            return None
    return entity_id


def _unnamed_person(text: Text, before: int, gender: str) -> int | None:
    """Start of a name that no entity covers as the subject of the sentence of token `before` (up to it) or of the
    sentence before: two or more capitalised words with no article before a singular verb ("Tedros Adhanom
    Ghebreyesus reiste …") or after the verb in second place ("Am Montag reiste Tedros Adhanom Ghebreyesus …");
    not a first name of the other gender. None if there is none."""
    sentence = text.sent_of[before]
    for start, end in text.sents[max(0, sentence - 1):sentence + 1]:
        end = min(end, before)
        verb = next((i for i in range(start + 1, min(text.clause(start)[1], end)) if _singular_verb(text, i)), None)
        if verb is None:
            continue
        if verb - start >= 2 and _name_run_end(text, start, verb) == verb:
            name_start, name_end = start, verb
        else:
            name_start, name_end = verb + 1, _name_run_end(text, verb + 1, end)
        genders = {text.lex.first_name_gender.get(text.words[i]) for i in range(name_start, name_end)} - {None}
        if name_end - name_start >= 2 and (not gender or not genders or gender in genders):
            return name_start
    return None


def _name_run_end(text: Text, start: int, end: int) -> int:
    """End of the capitalised words from `start` that may be a name: no entity, function word ("Jeder"), verb form
    or derived noun ("Vernetzung")."""
    i = start
    while i < end and text.is_capital(i) and text.is_word(i) and text.ent_at[i] < 0 and text.quote_at[i] < 0 \
            and not text.lex.words.get(text.lower[i]) and text.lower[i] not in STOP_WORDS \
            and text.lower[i] not in text.lex.verb_forms \
            and not text.lower[i].endswith(DERIVATIONAL_NOUN_ENDINGS):
        i += 1
    return i


def _singular_verb(text: Text, i: int) -> bool:
    """A verb form that may be finite and singular: "reiste", "hat" (not "reisten")."""
    word = text.lower[i]
    return text.words[i][:1].islower() and word in text.lex.verb_forms and not word.endswith(PLURAL_VERB_ENDINGS)


def _last_mention(text: Text, entity_id: str, before: int) -> int:
    """Start of the last mention of a PER entity before token `before`."""
    earlier = bisect_left(text.person_starts, before)
    return next(mention.start for mention in reversed(text.person_mentions[:earlier])
                if text.entity_id(mention.entity) == entity_id)


def _role(text: Text, phrase: NounPhrase, _verb: int | None) -> str | None:
    """"der CDU-Politiker": the most recent person with that role, else of its gender; "der Geschäftsführer der
    Fraktion", a role with the body it serves, only someone introduced with that role."""
    role = text.lex.role(text.lower[phrase.head])
    gender = text.lex.role_gender(role)
    article = text.lower[phrase.start]
    plural = article in FEMININE_OR_PLURAL_ARTICLES and gender != "f"
    # "ein Sprecher des Ministeriums" brings in someone new; "der Sprecher" may be someone named before
    new_person = article in INDEFINITE_ARTICLES
    served = phrase.head + 1 < phrase.end and (text.lower[phrase.head + 1] in GENITIVE_ARTICLES
                                               or text.lower[phrase.head + 1] in GENITIVE_PREPOSITIONS)
    return None if plural or new_person else _recent_person(text, phrase.start, gender=gender, role=role,
                                                            role_only=served)


def _person(text: Text, phrase: NounPhrase, _verb: int | None) -> str | None:
    """"so der 52-Jährige", "sagte der Belgier": a definite age or nationality noun refers to a person
    named in this sentence or the one before (further back it is as often someone never named)."""
    word, article = text.lower[phrase.head], text.lower[phrase.start]
    masculine, feminine_or_plural = article in MASCULINE_NOMINATIVE_ARTICLES, article in FEMININE_OR_PLURAL_ARTICLES
    if not masculine and not feminine_or_plural:
        return None
    # feminine nouns end in -in ("Britin") or, after "die", in -e ("die 52-Jährige"): morphology, kept here
    gender = "f" if word.endswith("in") or feminine_or_plural and word.endswith("e") else "m" if masculine else ""
    if feminine_or_plural and gender != "f":
        return None  # "die Briten": plural
    sentence = text.sent_of[phrase.start]
    since = text.sents[sentence - 1][0] if sentence > 0 else text.sents[sentence][0]
    earlier = bisect_left(text.person_starts, phrase.start)
    for mention in reversed(text.person_mentions[:earlier]):
        if mention.start < since:
            break
        entity_id = text.entity_id(mention.entity)
        if text.entity_gender.get(entity_id) == gender:
            return entity_id
    return None


def _document(text: Text, phrase: NounPhrase, _verb: int | None) -> str | None:
    """"in der gemeinsamen Erklärung": who issued the same document earlier in the article."""
    stem = _stem(text.lower[phrase.head])
    for mention in range(phrase.start - 1, -1, -1):
        if text.words[mention][:1].isupper() and _stem(text.lower[mention]) == stem:
            sent_start, _ = text.sents[text.sent_of[mention]]
            for i in range(mention - 1, sent_start - 1, -1):
                if text.ent_at[i] >= 0 and text.ents[text.ent_at[i]].label_ in ("ORG", "PER"):
                    return text.entity_id(text.ent_at[i])
            return None
    return None


class ReferenceRule(NamedTuple):
    """A mention that refers to someone else: its phrase kind, the method the speaker is found by
    and the rule that finds the entity (None when the mention names no one known)."""
    method: SpeakerMethod
    kind: PhraseKind
    refers_to: Callable[[Text, NounPhrase, int | None], str | None]


# an entity (or a plain noun) is no reference: it names its speaker itself, by the caller's method
REFERENCE_RULES = (
    ReferenceRule(SpeakerMethod.PRONOUN, PhraseKind.PRONOUN, _pronoun),  # "sagte er"
    ReferenceRule(SpeakerMethod.DESCRIPTION, PhraseKind.ROLE, _role),  # "der CDU-Politiker"
    ReferenceRule(SpeakerMethod.DESCRIPTION, PhraseKind.PERSON, _person),  # "der 52-Jährige"
    ReferenceRule(SpeakerMethod.DOCUMENT, PhraseKind.DOCUMENT, _document),  # "in der Erklärung"
)


def _recent_person(text: Text, before: int, gender: str = "", role: str | None = None,
                   role_only: bool = False) -> str | None:
    """Most recent PER mention before a token: with the same role if one was introduced so, else (unless
    `role_only`) the most recent one of compatible gender."""
    earlier = bisect_left(text.person_starts, before)
    recent = text.person_mentions[max(0, earlier - 40):earlier]
    candidates = [text.entity_id(mention.entity) for mention in reversed(recent)]
    if role:
        for entity_id in candidates:  # "Bundeskanzlerin"
            if any(known.endswith(role) or role.endswith(known) for known in text.entity_roles.get(entity_id, ())):
                return entity_id
    if role_only:
        return None
    for entity_id in candidates:
        if not gender or text.entity_gender.get(entity_id, gender) == gender:
            return entity_id
    return None


def _stem(word: str) -> str:
    for affix in NOUN_INFLECTION_ENDINGS:  # longest first: "Erklärungen" and "Erklärung" name the same document
        if word.endswith(affix) and len(word) > len(affix) + 3:
            return word[: -len(affix)]
    return word


def impersonal_source(text: Text, cue: Cue) -> Speaker:
    """"hieß es in der Erklärung", "aus dem Ministerium hieß es": the source is a place phrase."""
    clause_start, clause_end = text.clause(cue.start)
    for i in list(range(cue.end, clause_end)) + list(range(clause_start, cue.start)):
        if text.lower[i] in IMPERSONAL_SOURCE_PREPOSITIONS:
            if i == clause_start and text.words[i - 1] == "," and (
                    text.lex.has(text.lower[i + 1], "relative") or text.lower[i + 1] in ARTICLES):
                break  # "…, in denen es heißt": the antecedent before the comma (below)
            source = noun_phrase(text, i + 1, clause_end if i > cue.start else cue.start)
            if source is not None:
                return resolve(text, source, method=SpeakerMethod.DOCUMENT)
    # "Im letzten Satz der Anordnung, die … zugestellt wurde, heißt es": the phrase that opens the sentence;
    # "… Medien auf, in denen es heißt": the antecedent of the relative clause
    sent_start = text.sents[text.sent_of[cue.start]][0]
    opener = sent_start if text.lower[sent_start] in IMPERSONAL_SOURCE_PREPOSITIONS else None
    if clause_start > sent_start and text.words[clause_start - 1] == "," and text.lower[clause_start] in \
            IMPERSONAL_SOURCE_PREPOSITIONS:
        antecedent = _last_phrase(text, sent_start, clause_start - 1)
        if antecedent is not None:
            return resolve(text, antecedent, method=SpeakerMethod.DOCUMENT)
    elif opener is not None and clause_start > sent_start:
        source = noun_phrase(text, opener + 1, cue.start)
        if source is not None:
            return resolve(text, source, method=SpeakerMethod.DOCUMENT)
    return NO_SPEAKER


def _last_phrase(text: Text, start: int, end: int) -> NounPhrase | None:
    """The last noun phrase in [start, end) ("den Tenor chinesischer Medien auf": "chinesischer Medien")."""
    found = list(phrases(text, start, end))
    return found[-1] if found else None


def previous_subject(text: Text, sentence: int) -> Speaker:
    """Who a cue-less Konjunktiv sentence reports when no speaker is in reach: the subject that opens
    the sentence before it in the same paragraph ("Er hat gestanden. In allen Fällen habe er …")."""
    if sentence == 0 or text.heading[sentence - 1] or text.paragraph[sentence - 1] != text.paragraph[sentence]:
        return NO_SPEAKER
    sent_start, _ = text.sents[sentence - 1]
    _, clause_end = text.clause(sent_start)
    found = [phrase for phrase in phrases(text, sent_start, clause_end) if is_subject(text, phrase)]
    phrase = found[0] if found and found[0].start == sent_start else None
    if phrase is None and (text.lex.has(text.lower[sent_start], "preposition")
                           or text.lex.has(text.lower[sent_start], "adverb")):
        # "Gegen den Verein ermittelt seit Mai die Staatsanwaltschaft": after a fronted adverbial the first
        # nominative phrase that names someone (not in a clause that opens with a subordinator: "Nachdem er …")
        phrase = next((phrase for phrase in found
                       if phrase.kind in (PhraseKind.ENTITY, PhraseKind.ROLE, PhraseKind.PERSON)), None)
    if phrase is None or phrase.kind not in SUBJECT_KINDS:
        return NO_SPEAKER
    return resolve(text, phrase, SpeakerMethod.PREVIOUS_SUBJECT)
