"""Noun phrases read from word forms: an entity, a pronoun, or [det] [adj]* Noun [name] [genitive]."""
from __future__ import annotations

from enum import Enum
from typing import Iterator, NamedTuple

from ..german import (ADJECTIVE_ENDINGS, DEFINITE_GENITIVE_ARTICLES, DEMONSTRATIVE_PRONOUNS, GENITIVE_ARTICLES,
                      PARTITIVE_PRONOUNS, PLURAL_VERB_ENDINGS, TENSE_AUXILIARIES)
from .marks import MARKS
from .text import Text


class PhraseKind(str, Enum):
    ENTITY = "entity"  # a mention, or a phrase around one ("Politologe Wladimir Frolow")
    PRONOUN = "pronoun"
    ROLE = "role"  # "der CDU-Politiker"
    PERSON = "person"  # by age or nationality: "der 52-Jährige", "die Britin"
    DOCUMENT = "document"  # "die Erklärung"
    NOUN = "noun"


class NounPhrase(NamedTuple):
    start: int
    end: int
    head: int
    kind: PhraseKind
    entity: int | None  # index into Text.ents


def noun_phrase(text: Text, start: int, limit: int) -> NounPhrase | None:
    """The noun phrase starting at token `start`, ending by `limit`; None when no phrase starts there."""
    lex, lower = text.lex, text.lower
    if start >= limit or text.quote_at[start] >= 0 and text.words[start] not in MARKS:
        return None
    if lower[start] in TENSE_AUXILIARIES:
        return None  # a finite verb, no adjective: "…, hatte X gesagt"
    close = text.name_quote[start]
    if 0 <= close < limit:  # a quoted name: "laut „BBC News“"
        entity = next((text.ent_at[i] for i in range(start + 1, close) if text.ent_at[i] >= 0), None)
        return NounPhrase(start, close + 1, start + 1, PhraseKind.ENTITY if entity is not None else PhraseKind.NOUN,
                          entity)
    if text.ent_at[start] >= 0 and text.ents[text.ent_at[start]].start == start:
        entity = text.ent_at[start]
        end = min(text.ents[entity].end, limit)
        if text.ents[entity].label_ != "PER" and text.words[end - 1].endswith(("s", "'")) and end < limit \
                and text.ent_at[end] < 0 and (is_adjective(text, end) or text.is_capital(end)):
            owned = noun_phrase(text, end, limit)  # "Dortmunds Sportdirektor Kehl", "Mannheims oberster Bürgermeister"
            if owned is not None and owned.kind in (PhraseKind.ROLE, PhraseKind.PERSON, PhraseKind.ENTITY):
                return owned._replace(start=start)
        return NounPhrase(start, end, start, PhraseKind.ENTITY, entity)
    if lex.has(lower[start], "pronoun"):
        return NounPhrase(start, start + 1, start, PhraseKind.PRONOUN, None)
    if lower[start] in PARTITIVE_PRONOUNS and start + 1 < limit and lower[start + 1] in DEFINITE_GENITIVE_ARTICLES:
        # "Einer der Ärzte": one of those the genitive names (someone new, as after "ein")
        partitive = noun_phrase(text, start + 1, limit)
        if partitive is not None:
            return partitive._replace(start=start)
    end = start
    if lex.has(lower[start], "det") and start + 1 < len(lower) and lower[start + 1] in lex.verbs \
            and text.words[start + 1][:1].islower():  # "Diese bestätigte" (not "deren Angaben": a noun)
        return NounPhrase(start, start + 1, start, PhraseKind.NOUN, None)
    if lex.has(lower[start], "det") or lex.has(lower[start], "det_oblique"):
        end += 1
    end = _attribute_start(text, end, limit)
    while end < limit and is_adjective(text, end):
        end += 1
    if end >= limit or not text.is_capital(end) or not text.is_word(end):
        return _demonstrative(text, start, limit)
    if lex.has(lower[end], "not_subject"):  # "Anfang Februar", "vor Wochen"
        return None
    head, end = end, end + 1
    if end < limit and 0 <= text.name_quote[end] < limit:  # "der Fernsehsender „Silverbird“"
        end = text.name_quote[end] + 1
    entity = None
    while end < limit and text.ent_at[end] >= 0 and entity is None:  # "Politologe Wladimir Frolow"
        entity = text.ent_at[end]
        end = text.ents[entity].end
    if entity is None and lex.role(lower[head]):  # a role noun before a name the rules missed
        while end < limit and text.is_capital(end) and text.is_word(end) and text.ent_at[end] < 0:
            end += 1
    if text.ent_at[head] >= 0:
        entity = text.ent_at[head]
        end = max(end, text.ents[entity].end)
    elif not (end > head + 1 and (lex.role(lower[head]) or entity is not None and text.ents[entity].label_ == "PER")
              or _bare_name_after_verb(text, start, head)):
        # a name takes no genitive after it: "wirft die OSZE der Wahlkommission vor", "sagte Bürgermeisterin Vogt
        # der Zeitung" (a dative object; but a place's: "im Bezirk Weser-Ems der Partei")
        end = _genitive_end(text, end, limit)
    if entity is None:
        entity = next((text.ent_at[i] for i in range(head, end) if text.ent_at[i] >= 0), None)
    word = lower[head]
    kind = (PhraseKind.ROLE if lex.role(word) else PhraseKind.PERSON if lex.person_noun(word)
            else PhraseKind.DOCUMENT if lex.noun_class(word, "document") else PhraseKind.NOUN)
    if entity is not None and (kind not in (PhraseKind.ROLE, PhraseKind.PERSON) or text.ents[entity].label_ == "PER"):
        kind = PhraseKind.ENTITY
    return NounPhrase(start, min(end, limit), head, kind, entity)


def _bare_name_after_verb(text: Text, start: int, head: int) -> bool:
    """A capitalised word with no article right after a verb in the singular, no role noun: a subject name the rules
    missed ("sagte Keller der Zeitung": a singular noun would need an article; "sagten Experten der Universität",
    with the verb's plural ending, keeps its genitive)."""
    lex, before = text.lex, text.lower[start - 1] if start > 0 else ""
    return start == head and before in lex.verbs and not before.endswith(PLURAL_VERB_ENDINGS) \
        and not lex.role(text.lower[head])


def _demonstrative(text: Text, start: int, limit: int) -> NounPhrase | None:
    """A demonstrative that stands alone, no noun of its own after it: "so schrieb diese in einer Erklärung"."""
    if text.lower[start] in DEMONSTRATIVE_PRONOUNS and (start + 1 >= limit or not text.is_word(start + 1)
                                                        or text.lex.has(text.lower[start + 1], "preposition")):
        return NounPhrase(start, start + 1, start, PhraseKind.NOUN, None)
    return None


def _attribute_start(text: Text, i: int, limit: int) -> int:
    """Where the adjectives of a noun phrase start when an adverb or a prepositional phrase qualifies the first
    of them ("bisher unbestätigten Berichten", "einer am Dienstag veröffentlichten Mitteilung"), else `i`."""
    lex = text.lex
    before = text.lower[i - 1] if i > 0 else ""
    governed = lex.has(before, "det") or lex.has(before, "det_oblique") or lex.has(before, "preposition")
    if i + 1 < limit and governed and lex.has(text.lower[i], "adverb") and is_adjective(text, i + 1):
        return i + 1  # (not "Deshalb sollten Unternehmer": no article or preposition before the adverb)
    if i >= limit or not lex.has(text.lower[i], "preposition"):
        return i
    j = i + 1
    if j < limit and (lex.has(text.lower[j], "det") or lex.has(text.lower[j], "det_oblique")):
        j += 1
    while j < limit and is_adjective(text, j):
        j += 1
    if j + 1 < limit and text.is_capital(j) and text.quote_at[j] < 0 and is_adjective(text, j + 1):
        return j + 1
    return i


def is_adjective(text: Text, i: int) -> bool:
    """An inflected lower-case word that is no function word, verb or Konjunktiv form, or a number joined
    to one ("der 84-jährige Küng")."""
    word = text.lower[i]
    if word[:1].isdigit():
        tail = word.partition("-")[2]
        return tail[:1].isalpha() and text.words[i].partition("-")[2][:1].islower() and tail.endswith(ADJECTIVE_ENDINGS)
    return (text.words[i][:1].islower() and word.endswith(ADJECTIVE_ENDINGS) and len(word) > 3
            and not text.lex.words.get(word) and word not in text.lex.verbs and word not in text.lex.konjunktiv)


def _genitive_end(text: Text, start: int, limit: int) -> int:
    """Extend a phrase ending at `start` over a following genitive ("des Ministeriums", "der
    Koalition der Willigen")."""
    if start < limit and text.lower[start] in GENITIVE_ARTICLES:
        end = start + 1
        while end < limit and is_adjective(text, end):
            end += 1
        if end < limit and text.is_capital(end):
            end += 1
            if end < limit and text.ent_at[end - 1] >= 0:
                end = max(end, text.ents[text.ent_at[end - 1]].end)
            while (end < limit and (text.ent_at[end] >= 0 or "-" in text.words[end][1:-1])
                   and text.words[end][:1].isupper()):
                end = text.ents[text.ent_at[end]].end if text.ent_at[end] >= 0 else end + 1  # "der Gewerkschaft Verdi"
            return min(end, limit)
    return start


def phrases(text: Text, start: int, end: int) -> Iterator[NounPhrase]:
    """The noun phrases in [start, end), left to right, skipping brackets."""
    i = start
    while i < end:
        if text.words[i] == "(":  # brackets hold parties and explanations, not subjects
            while i < end and text.words[i] != ")":
                i += 1
            i += 1
            continue
        phrase = noun_phrase(text, i, end)
        if phrase is None:
            i += 1
        else:
            yield phrase
            i = phrase.end


def only_noun_phrases(text: Text, start: int, end: int) -> bool:
    """Whether [start, end) holds noun phrases and prepositions only (no verb-like lower-case word)."""
    for i in range(start, end):
        if text.words[i][:1].islower() and not (text.lex.words.get(text.lower[i]) or (
                is_adjective(text, i) and i + 1 < end and (text.is_capital(i + 1) or is_adjective(text, i + 1)))):
            return False
    return True
