"""Who a speaker is: the role, organisation, party and gender of each person, from what the article
writes around its mentions, and of a speaker who is only described ("ein Sprecher der Polizei").

Only evidence in the text counts, so most values are often missing and `gender` is "unknown" unless
the article shows it:
- role: a role noun right before a name ("Bundeskanzler Friedrich Merz", "CDU-Politikerin Anna
  Weber"), in an apposition after it ("Anna Weber, Sprecherin des Ministeriums, …") or before it with
  its genitive ("Die Präsidentin des Bundesverfassungsgerichts, Doris König, …");
- organisation: the genitive or "von" phrase after that role ("Sprecher der Polizei" -> Polizei,
  "Sprecherin des Innenministeriums" -> Innenministerium), or the first part of a hyphenated role
  when the article names it as an organisation ("Siemens-Sprecher");
- party: a party in brackets after the name ("Wadephul (CDU)") or the first part of a role
  ("CDU-Politiker", "SPD-Chef"), from `quotes/parties.tsv`;
- gender: f or m when the feminine or masculine role form ("Sprecherin", "Sprecher"), the article
  before a role that does not show it ("die Abgeordnete"), the pronoun "er" that refers to the
  speaker ("sie" may be a plural or the polite "Sie") or the first name (first_names.tsv) say so,
  and all that is said agrees; otherwise "unknown". "die Kläger" is a group: no gender.
"""
from __future__ import annotations

from typing import Iterable, NamedTuple

from ..german import (ARTICLES, FEMININE_OR_PLURAL_ARTICLES, GENITIVE_ARTICLES, GENITIVE_PREPOSITIONS,
                      MASCULINE_GENITIVE_ARTICLES, MASCULINE_NOMINATIVE_ARTICLES, NON_GENITIVE_S_ENDINGS)
from .phrases import is_adjective
from .records import Found, SpeakerMethod
from .text import Text

UNKNOWN = "unknown"


class Profile(NamedTuple):
    role: str | None = None
    org: str | None = None
    party: str | None = None
    gender: str | None = UNKNOWN  # f | m | unknown (None: there is no speaker)


class _Evidence:
    """What the article says of one person, in text order."""

    def __init__(self):
        self.roles: list[tuple[str, str | None]] = []  # (role as written, its organisation)
        self.parties: list[str] = []
        self.genders: set[str] = set()

    def profile(self) -> Profile:
        role, org = self.roles[0] if self.roles else (None, None)
        org = org or next((o for _, o in self.roles if o), None)
        gender = next(iter(self.genders)) if len(self.genders) == 1 else UNKNOWN
        return Profile(role, org, self.parties[0] if self.parties else None, gender)


def person_profiles(text: Text, quotes: Iterable[Found]) -> dict[str, Profile]:
    """Profile of every PER entity of the Doc, by entity id."""
    evidence: dict[str, _Evidence] = {}
    entities = text.doc._.entities
    for index, ent in enumerate(text.ents):
        if ent.label_ != "PER":
            continue
        entity_id = text.entity_id(index)
        found = evidence.setdefault(entity_id, _Evidence())
        for role_at, org in _roles_around(text, ent.start, ent.end):
            _add_role(text, found, role_at, org)
        party = _bracketed_party(text, ent.end)
        if party:
            found.parties.append(party)
    for entity_id, found in evidence.items():
        names = (entities.get(entity_id) or {}).get("name", "").split()
        if len(names) > 1 and names[0] in text.lex.first_name_gender:
            found.genders.add(text.lex.first_name_gender[names[0]])
    for quote in quotes:  # "sagte sie", "so der CDU-Politiker": a reference to the speaker says more
        speaker = quote.speaker
        if speaker.entity_id not in evidence:
            continue
        if speaker.method == SpeakerMethod.PRONOUN:
            gender = _pronoun_gender(text, speaker.start)
            if gender:
                evidence[speaker.entity_id].genders.add(gender)
        elif speaker.method == SpeakerMethod.DESCRIPTION:
            role_at = next((i for i in range(speaker.start, speaker.end) if _role_word(text, i)), None)
            if role_at is not None:
                _add_role(text, evidence[speaker.entity_id], role_at,
                          _organisation_after(text, role_at + 1, speaker.end))
    return {entity_id: found.profile() for entity_id, found in evidence.items()}


def described_profile(text: Text, start: int, end: int) -> Profile:
    """Profile of a speaker phrase that names no known person: "ein Sprecher der Polizei", "sie"."""
    found = _Evidence()
    for i in range(start, end):
        if _role_word(text, i):
            _add_role(text, found, i, _organisation_after(text, i + 1, end))
            break
    if end - start == 1:
        gender = _pronoun_gender(text, start)
        if gender:
            found.genders.add(gender)
    return found.profile()


def _roles_around(text: Text, start: int, end: int) -> Iterable[tuple[int, str | None]]:
    """(index of a role word, its organisation) for a name at [start, end)."""
    sent_start, sent_end = text.sents[text.sent_of[start]]
    if start - 1 >= sent_start and _role_word(text, start - 1):  # "Bundeskanzler Friedrich Merz"
        yield start - 1, None
    elif start - 2 >= sent_start and text.words[start - 1] == ",":  # "Die Präsidentin des …gerichts, Doris König"
        for role_at in range(start - 2, max(sent_start, start - 8) - 1, -1):
            if _role_word(text, role_at):
                org_end = _phrase_end(text, role_at + 1, start - 1)
                if org_end == start - 1:
                    yield role_at, _organisation_after(text, role_at + 1, start - 1)
                break
    after = end + 1
    if end < sent_end and text.words[end] == ",":  # "Anna Weber, (die) Sprecherin des Ministeriums, …"
        if after < sent_end and text.lower[after] in ARTICLES:
            after += 1
        if after < sent_end and _role_word(text, after):
            yield after, _organisation_after(text, after + 1, sent_end)


def _role_word(text: Text, i: int) -> bool:
    return text.words[i][:1].isupper() and text.lex.role(text.lower[i]) is not None


def _add_role(text: Text, found: _Evidence, role_at: int, org: str | None) -> None:
    word = text.words[role_at]
    prefix = word.rsplit("-", 1)[0] if "-" in word[1:-1] else None
    if prefix in text.lex.parties:
        found.parties.append(text.lex.parties[prefix])
    elif prefix and org is None and _names_organisation(text, prefix):
        org = prefix
    found.roles.append((word, org))
    role = text.lex.role(text.lower[role_at])
    gender = text.lex.role_gender(role) if role else ""
    article = text.lower[role_at - 1] if role_at > 0 else ""
    if gender == "m" and article in FEMININE_OR_PLURAL_ARTICLES:
        gender = ""  # "die Kläger", "die Sprecher": a group
    elif not gender:  # "die Abgeordnete", "der Abgeordnete"
        gender = "m" if article in MASCULINE_NOMINATIVE_ARTICLES else "f" if article in FEMININE_OR_PLURAL_ARTICLES else ""
    if gender:
        found.genders.add(gender)


def _names_organisation(text: Text, word: str) -> bool:
    return any(ent.label_ == "ORG" and ent.text == word for ent in text.ents)


def _phrase_end(text: Text, start: int, limit: int) -> int:
    """End of a genitive or "von" phrase from `start` (`start` itself if there is none)."""
    if start >= limit or not (text.lower[start] in GENITIVE_ARTICLES or text.lower[start] in GENITIVE_PREPOSITIONS):
        return start
    end = start + 1
    if end < limit and text.lower[end] in ARTICLES:  # "von der Polizei"
        end += 1
    while end < limit and is_adjective(text, end):
        end += 1
    while end < limit and (text.words[end][:1].isupper() or text.ent_at[end] >= 0):
        end = text.ents[text.ent_at[end]].end if text.ent_at[end] >= 0 else end + 1
    return min(end, limit)


def _organisation_after(text: Text, start: int, limit: int) -> str | None:
    """The organisation a role belongs to, from the phrase after it: the entity's name, else the noun
    in its base form ("des Innenministeriums" -> "Innenministerium")."""
    end = _phrase_end(text, start, limit)
    if end == start:
        return None
    for i in range(start, end):
        if text.ent_at[i] >= 0:
            ent = text.ents[text.ent_at[i]]
            if ent.label_ == "PER":
                return None  # "Neffe von Landrat Karl Hofmann": a person, no organisation
            entity = text.doc._.entities.get(text.entity_id(text.ent_at[i])) or {}
            return entity.get("name") or ent.text
    if any(_role_word(text, i) for i in range(start, end)):
        return None
    nouns = [i for i in range(start, end) if text.words[i][:1].isupper()]
    if not nouns:
        return None
    words = [text.words[i] for i in nouns]
    article = text.lower[nouns[0] - 1] if nouns[0] > start else text.lower[start]
    last = words[-1]
    if article in MASCULINE_GENITIVE_ARTICLES and last.endswith("s") and not last.endswith(NON_GENITIVE_S_ENDINGS):
        words[-1] = last[:-2] if last.endswith("es") and len(last) > 5 and last[-3] in "sßzx" else last[:-1]
    return " ".join(words)


def _bracketed_party(text: Text, end: int) -> str | None:
    """"Wadephul (CDU)", "Merz (CDU, Bundeskanzler)": a party in brackets right after a name."""
    if end + 1 < len(text.words) and text.words[end] == "(":
        return text.lex.parties.get(text.words[end + 1])
    return None


def _pronoun_gender(text: Text, i: int) -> str:
    """m for "er"; "sie" says nothing, for it is as often a plural or the polite "Sie" (a hand check
    of 50 profiles found every gender error there)."""
    if i is None:
        return ""
    gender = text.lex.info.get((text.lower[i], "pronoun"), "")
    return gender if gender == "m" else ""
