"""Noun phrases read from word forms: an entity, a pronoun, or [det] [adj]* Noun [name] [genitive]."""
from __future__ import annotations

from typing import Iterator, NamedTuple

from ..german import ADJECTIVE_ENDINGS, GENITIVE_ARTICLES
from .marks import MARKS
from .text import Text


class NP(NamedTuple):
    start: int
    end: int
    head: int
    kind: str  # entity | pronoun | role | person (age, nationality) | document | noun
    entity: int | None  # index into Text.ents


def noun_phrase(t: Text, i: int, limit: int) -> NP | None:
    """The noun phrase starting at token i, ending by `limit`; None when no phrase starts there."""
    lex, low = t.lex, t.lower
    if i >= limit or t.quote_at[i] >= 0 and t.words[i] not in MARKS:
        return None
    close = t.name_quote[i]
    if 0 <= close < limit:  # a quoted name: "laut „BBC News“"
        entity = next((t.ent_at[k] for k in range(i + 1, close) if t.ent_at[k] >= 0), None)
        return NP(i, close + 1, i + 1, "entity" if entity is not None else "noun", entity)
    if t.ent_at[i] >= 0 and t.ents[t.ent_at[i]].start == i:
        k = t.ent_at[i]
        end = min(t.ents[k].end, limit)
        if t.ents[k].label_ != "PER" and t.words[end - 1].endswith(("s", "'")) and end < limit \
                and t.ent_at[end] < 0 and (is_adjective(t, end) or t.is_capital(end)):
            owned = noun_phrase(t, end, limit)  # "Dortmunds Sportdirektor Kehl", "Mannheims oberster Bürgermeister"
            if owned is not None and owned.kind in ("role", "person", "entity"):
                return owned._replace(start=i)
        return NP(i, end, i, "entity", k)
    if lex.has(low[i], "pronoun"):
        return NP(i, i + 1, i, "pronoun", None)
    j = i
    if lex.has(low[i], "det") and i + 1 < len(low) and low[i + 1] in lex.verbs:  # "Diese bestätigte"
        return NP(i, i + 1, i, "noun", None)
    if lex.has(low[i], "det") or lex.has(low[i], "det_oblique"):
        j += 1
    while j < limit and is_adjective(t, j):
        j += 1
    if j >= limit or not t.is_capital(j) or not t.is_word(j):
        return None
    if lex.has(low[j], "not_subject"):  # "Anfang Februar", "vor Wochen"
        return None
    head, j = j, j + 1
    if j < limit and 0 <= t.name_quote[j] < limit:  # "der Fernsehsender „Silverbird“"
        j = t.name_quote[j] + 1
    entity = None
    while j < limit and t.ent_at[j] >= 0 and entity is None:  # "Politologe Wladimir Frolow"
        entity = t.ent_at[j]
        j = t.ents[entity].end
    if entity is None and lex.role(low[head]):  # a role noun before a name the rules missed
        while j < limit and t.is_capital(j) and t.is_word(j) and t.ent_at[j] < 0:
            j += 1
    if t.ent_at[head] >= 0:
        entity = t.ent_at[head]
        j = max(j, t.ents[entity].end)
    j = _genitive_end(t, j, limit)
    if entity is None:
        entity = next((t.ent_at[x] for x in range(head, j) if t.ent_at[x] >= 0), None)
    word = low[head]
    kind = ("role" if lex.role(word) else "person" if lex.person_noun(word)
            else "document" if lex.noun_class(word, "document") else "noun")
    if entity is not None and (kind not in ("role", "person") or t.ents[entity].label_ == "PER"):
        kind = "entity"
    return NP(i, min(j, limit), head, kind, entity)


def is_adjective(t: Text, j: int) -> bool:
    """An inflected lower-case word that is no function word, verb or Konjunktiv form."""
    w = t.lower[j]
    return (t.words[j][:1].islower() and w.endswith(ADJECTIVE_ENDINGS) and len(w) > 3
            and not t.lex.words.get(w) and w not in t.lex.verbs and w not in t.lex.konjunktiv)


def _genitive_end(t: Text, j: int, limit: int) -> int:
    """Extend a phrase over a following genitive ("des Ministeriums", "der Koalition der Willigen")."""
    if j < limit and t.lower[j] in GENITIVE_ARTICLES:
        k = j + 1
        while k < limit and is_adjective(t, k):
            k += 1
        if k < limit and t.is_capital(k):
            k += 1
            if k < limit and t.ent_at[k - 1] >= 0:
                k = max(k, t.ents[t.ent_at[k - 1]].end)
            while k < limit and (t.ent_at[k] >= 0 or "-" in t.words[k][1:-1]) and t.words[k][:1].isupper():
                k = t.ents[t.ent_at[k]].end if t.ent_at[k] >= 0 else k + 1  # "der Gewerkschaft Verdi"
            return min(k, limit)
    return j


def phrases(t: Text, a: int, b: int) -> Iterator[NP]:
    """The noun phrases in [a, b), left to right, skipping brackets."""
    i = a
    while i < b:
        if t.words[i] == "(":  # brackets hold parties and explanations, not subjects
            while i < b and t.words[i] != ")":
                i += 1
            i += 1
            continue
        np = noun_phrase(t, i, b)
        if np is None:
            i += 1
        else:
            yield np
            i = np.end


def only_noun_phrases(t: Text, a: int, b: int) -> bool:
    """Whether [a, b) holds noun phrases and prepositions only (no verb-like lower-case word)."""
    for k in range(a, b):
        w = t.lower[k]
        if t.words[k][:1].islower() and not (t.lex.words.get(w) or (is_adjective(t, k) and k + 1 < b and
                                                                       (t.is_capital(k + 1) or is_adjective(t, k + 1)))):
            return False
    return True
