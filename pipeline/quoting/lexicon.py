"""The quote vocabulary: speech verbs, Konjunktiv forms, word classes, source nouns and role nouns,
read from the TSV files in pipeline/data/quotes/ (plus the project's curated role nouns)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .. import lexicon
from ..tokens import JudgesWords, word_verdict
from ..german import (ADJECTIVE_SUFFIX_FORMS, NATIONALITY_ENDINGS, NON_KONJUNKTIV_ENDINGS, NOUN_INFLECTION_ENDINGS,
                      weak_verb_forms)

# under the data folder (pipeline/data/): the quote vocabulary, then the entity lexicons it shares
FILES = ("quotes/speech_verbs.tsv", "quotes/konjunktiv.tsv", "quotes/words.tsv", "quotes/sources.tsv",
         "quotes/roles.tsv", "quotes/parties.tsv")
SHARED_ROLE_FILES = ("curated/roles.tsv", "curated/role_suffixes.tsv")
NATIONALITY_FILE = "curated/nationality_adjectives.tsv"
FIRST_NAMES_FILE = "first_names.tsv"
VERB_FORMS_FILE = "verb_forms.txt"  # inflected verb forms (derived; see data/SOURCES.md)
SHARED_FILES = (*SHARED_ROLE_FILES, NATIONALITY_FILE, FIRST_NAMES_FILE, VERB_FORMS_FILE)  # optional in a user's folder
AGE_NOUN = re.compile(r"\d+-jährige[rn]?")  # "der 34-Jährige" (a word shape, so a regex here)


class Verb(NamedTuple):
    lemma: str
    particle: str  # separable particle that must close the clause ("teilte ... mit"); "" if none
    # one of these frames must be in the clause, each one word or several ("sprach von", "hieß es", "vertritt die
    # Ansicht", "war sich sicher": "sich" and "sicher" both, not "Sicher ist, dass …")
    requires: tuple[frozenset[str], ...]
    kind: str  # speech | reported | judge | impersonal | intent ("will", "plant": the stated aim is the claim)
    joined: bool  # the form already contains the particle ("mitteilte", "mitgeteilt")
    agent: bool = False  # a claim only with a person or organisation as subject ("X drohte", not "ihm drohen Strafen")

    @property
    def governed(self) -> frozenset[str]:
        """Every word of the verb's frames."""
        return frozenset().union(*self.requires)

    def frame_in(self, words: set[str]) -> bool:
        """Whether all words of one of the verb's frames are among `words`."""
        return any(frame <= words for frame in self.requires)


@dataclass
class QuoteLexicon(JudgesWords):
    verbs: dict[str, list[Verb]] = field(default_factory=dict)
    konjunktiv: dict[str, int] = field(default_factory=dict)  # form -> 1 (Konjunktiv I) or 2 (II)
    words: dict[str, set[str]] = field(default_factory=dict)  # word -> classes
    info: dict[tuple[str, str], str] = field(default_factory=dict)  # (word, class) -> info (gender)
    sources: dict[str, set[str]] = field(default_factory=dict)  # noun suffix -> classes
    roles: dict[str, str] = field(default_factory=dict)  # role noun (lower) -> gender m/f/""
    nationality_stems: frozenset[str] = frozenset()  # "brit" from "britisch", "belg" from "belgisch"
    first_name_gender: dict[str, str] = field(default_factory=dict)  # "Angela" -> "f" (m/f only)
    parties: dict[str, str] = field(default_factory=dict)  # written form -> party ("Grünen" -> "Grüne")
    verb_forms: frozenset[str] = frozenset()  # inflected verb forms ("gehe", "abarbeite"); empty: not known
    # word form -> it may be a Konjunktiv cue; the same words come back in every article
    konjunktiv_forms: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)
    speech_act_forms: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)
    noun_classes: dict[tuple[str, str], bool] = field(default_factory=dict, init=False, repr=False, compare=False)

    def konjunktiv_form(self, word: str) -> bool:
        """A listed Konjunktiv form, or by rule a form in -e that may be one."""
        lower = word.lower()
        return lower in self.konjunktiv or lower[-1:] == "e" and self.may_be_konjunktiv(word)

    def speech_act_noun(self, word: str) -> bool:
        """A capitalised noun that names a speech act ("Forderung", "Warnungen", "Hilfsappell")."""
        return word[:1].isupper() and self.noun_class(word.lower(), "speech_act")

    def has(self, word: str, cls: str) -> bool:
        return cls in self.words.get(word, ())

    def noun_class(self, word: str, cls: str) -> bool:
        """Whether a noun (lower-case) ends in a suffix of class `cls` ("Polizeiangaben" -> source)."""
        known = self.noun_classes.get((word, cls))
        if known is None:
            tail = word.rsplit("-", 1)[-1]
            # also inflected: "Darstellungen" is a "Darstellung"
            stems = [tail] + [tail[:-len(ending)] for ending in NOUN_INFLECTION_ENDINGS
                              if tail.endswith(ending) and len(tail) - len(ending) > 3]
            known = self.noun_classes[word, cls] = any(cls in self.sources.get(stem[start:], ())
                                                       for stem in stems for start in range(len(stem)))
        return known

    @word_verdict
    def may_be_konjunktiv(self, word: str) -> bool:
        """Whether a word form can be Konjunktiv: a listed form, or a lower-case form in -e of four or
        more letters that is no function word, past form ("wurde") or adverb ("zeitweise"), which is
        Konjunktiv I next to a subject pronoun ("er gehe", "gebe es")."""
        lower = word.lower()
        return lower in self.konjunktiv or (lower.endswith("e") and len(lower) > 3 and word[:1].islower()
                                            and not self.words.get(lower) and not lower.endswith(NON_KONJUNKTIV_ENDINGS)
                                            and (lower in self.verb_forms
                                                 or not lower.endswith(ADJECTIVE_SUFFIX_FORMS)))

    @word_verdict
    def person_noun(self, word: str) -> bool:
        """A noun that describes a person by age or nationality ("34-jährige", "belgier", "britin")."""
        if AGE_NOUN.fullmatch(word):
            return True
        return any(word[:cut] in self.nationality_stems and word[cut:] in NATIONALITY_ENDINGS
                   for cut in range(3, len(word)))

    @word_verdict
    def role_gender(self, role: str) -> str:
        """f or m for a role noun's form ("sprecherin", "sprecher": a form whose -in form is a role
        too is masculine), "" when the form says nothing ("abgeordnete")."""
        gender = self.roles.get(role, "")
        if not gender and (role + "in" in self.roles or role.endswith("e") and role[:-1] + "in" in self.roles):
            return "m"
        return gender

    @word_verdict
    def role(self, word: str) -> str | None:
        """The role a noun names ("bundeskanzler" -> "kanzler", "cdu-politiker" -> "politiker")."""
        tail = word.rsplit("-", 1)[-1]
        return next((tail[cut:] for cut in range(len(tail) - 2) if tail[cut:] in self.roles), None)


def _rows(files: lexicon.DataFiles, name: str) -> list[dict[str, str]]:
    return [{column: (value or "").strip() for column, value in row.items()} for row in files.tsv(name)]


def load_lexicon(files: lexicon.DataFiles) -> QuoteLexicon:
    lex = QuoteLexicon()
    for row in _rows(files, "quotes/speech_verbs.tsv"):
        forms = row["forms"].split(",") if row["forms"] else weak_verb_forms(row["lemma"], row["particle"])
        for form in forms:
            form = form.strip().lower()
            joined = bool(row["particle"]) and form.startswith(row["particle"])
            requires = tuple(frozenset(frame.split()) for frame in row["requires"].split("|") if frame.strip())
            lex.verbs.setdefault(form, []).append(
                Verb(row["lemma"], row["particle"], requires, row["kind"], joined, row.get("agent") == "yes"))
    lex.konjunktiv = {row["form"]: int(row["mood"]) for row in _rows(files, "quotes/konjunktiv.tsv")}
    for row in _rows(files, "quotes/words.tsv"):
        lex.words.setdefault(row["word"], set()).add(row["class"])
        lex.info[row["word"], row["class"]] = row["info"]
    for row in _rows(files, "quotes/sources.tsv"):
        lex.sources.setdefault(row["suffix"], set()).add(row["class"])
    for row in _rows(files, "quotes/roles.tsv"):
        lex.roles[row["word"].lower()] = row["gender"]
    for name in SHARED_ROLE_FILES:  # the project's curated role nouns; a gender not given is guessed from -in
        for row in _rows(files, name):
            word = row["word"].lstrip("-").lower()
            if len(word) > 3:
                lex.roles.setdefault(word, row["gender"] or ("f" if word.endswith("in") else ""))
    lex.nationality_stems = frozenset(row["stem"].lower().removesuffix("sch").removesuffix("i")
                                      for row in _rows(files, NATIONALITY_FILE))
    lex.parties = {row["word"]: row["party"] for row in _rows(files, "quotes/parties.tsv")}
    lex.verb_forms = frozenset(files.words(VERB_FORMS_FILE))
    lex.first_name_gender = {name: gender for name, gender in files.columns(FIRST_NAMES_FILE, "name", "gender")
                             if gender in ("m", "f")}
    return lex
