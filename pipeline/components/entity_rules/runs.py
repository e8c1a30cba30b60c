"""Runs of name-like words: the candidates `classify` types. A run is split where a class noun
follows a name, loses the class noun before it (its cue) and a possessed noun after it, and a
person's name takes the family-name particles before it ("Ministerin von der Leyen"); a title of
nobility after the first names stays in the name ("Friedrich Graf von Westphalen")."""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from spacy.tokens import Doc, Span

from ...german import (ARTICLES, CLAUSE_CONJUNCTIONS, INFINITIVE_PARTICLES, LIST_JOINERS, NAME_PARTICLES,
                       NOBILITY_TITLES, NOMINATIVE_ARTICLES, NON_GENITIVE_S_ENDINGS, OPENING_PARTICLES,
                       PARTICLE_ARTICLES, SUBJECT_PRONOUNS)
from ...tokens import flagged
from ...quoting.marks import PAIRS as QUOTE_PAIRS
from .lexicons import INITIAL, ROMAN, Lexicons
from .spans import mention, sentence_initial

ROMAN_ORDINAL = re.compile(r"[IVX]+\.\Z")
TYPED = ("ORG", "LOC")  # labels a class noun gives a name after it ("Gemeinde", "Rockband")
PARTICLE_MARKS = "-'’"  # join a particle to its name: "al-Nuaimi", "d'Estaing"
CLAUSE_ENDS = frozenset({".", ",", ";", ":", "!", "?", "("}) | CLAUSE_CONJUNCTIONS  # "…, sagte Richter und …"


class Candidate(NamedTuple):
    start: int
    end: int
    cue: str | None  # the class noun or role before the name ("Bundeskanzler"), if any


def name_runs(texts: list[str], taken: set[int], lex: Lexicons) -> list[tuple[int, int]]:
    """Maximal runs of name-like tokens, with initials ("George W. Bush"), regnal numbers
    ("Otto II.") and particles between names ("Ernest de Ganay", "Ursula von der Leyen")."""
    runs, end, n = [], 0, len(texts)
    # only tokens whose word form may open a name are looked at: most tokens are not name-like
    for i in flagged(texts, lex.may_open_name):
        if i < end or i in taken or not (lex.name_like(texts[i]) or texts[i] in lex.prefixes
                                         or i + 1 < n and lex.name_like(texts[i + 1])):  # "A. Korsakow"
            continue
        run_end = i + 1
        while run_end < n and run_end not in taken:
            word = texts[run_end]
            if lex.name_like(word) and (not lex.is_role(word) or _surname_after_first_name(texts, run_end, lex)
                                        or _title_in_name(texts, i, run_end, taken, lex)) \
                    or _surname_like_stop_word(texts, run_end, lex) or INITIAL.match(word) \
                    or ROMAN_ORDINAL.match(word) or _particle_compound(word, lex):
                run_end += 1  # a role ends the name: "Paul K. Berger Präsident des Verbands"
                continue
            if ROMAN.match(word) and run_end + 1 < n and texts[run_end + 1] == "." and run_end + 1 not in taken:
                run_end += 2  # a regnal number the tokenizer split from its period: "Leo XIV."
                continue
            after = _after_particles(texts, run_end, taken)  # the word after the family-name particles from here
            if run_end < after < n and texts[run_end] not in PARTICLE_ARTICLES and lex.name_like(texts[after]):
                last = texts[run_end - 1]
                # after a first name or a title of nobility the particles open the family name ("Ludwig Freiherr
                # Harstall von Eschenbrunn", though "-stall" and "-brunn" end like nouns)
                titled = _titled_name(texts, i, run_end, lex)  # (its seat may be a known place: "Prinz von Bayern")
                after_name = _first_name_in([last], lex) or ROMAN_ORDINAL.match(last) or titled
                # "zu" opens a family name only after a first name ("Karl-Theodor zu Guttenberg"); after a surname it
                # is the preposition: "Cantona zu United"
                if (after not in taken or titled) and (after_name or texts[run_end] not in INFINITIVE_PARTICLES
                                                       and not lex.is_common(texts[after]) and not lex.is_common(last)):
                    run_end = after + 1
                    continue
            if _double_family_name(texts, i, run_end, taken, lex):
                run_end += 2
                continue
            break
        runs.append((i, run_end))
        end = run_end
    return runs


def _surname_after_first_name(texts: list[str], j: int, lex: Lexicons) -> bool:
    """A role word that is also a surname, right after a first name and with no complement after it, is the
    surname: "Steffi Graf", not "Friedrich Graf von …" or "Paula Präsidentin des …"."""
    after = texts[j + 1].lower() if j + 1 < len(texts) else ""
    return (lex.word_class.get(texts[j]) == "SURNAME" or texts[j] in lex.ambiguous) \
        and texts[j - 1] in lex.first_names and after not in ARTICLES and after not in NAME_PARTICLES


def _after_particles(texts: list[str], start: int, taken: set[int]) -> int:
    """The index after the family-name particles at `start` ("von der", "de la"), "und" between two of them too:
    "von und zu Guttenberg"."""
    after = start
    while after < len(texts) and after not in taken and (
            texts[after] in NAME_PARTICLES
            or texts[after] in LIST_JOINERS and after > start and after + 1 < len(texts)
            and texts[after + 1] in NAME_PARTICLES):
        after += 1
    return after


def _title_in_name(texts: list[str], start: int, j: int, taken: set[int], lex: Lexicons) -> bool:
    """A title of nobility after the first names of a run and before a family name or its particles: "Friedrich Graf
    von Westphalen", "Marion Gräfin Dönhoff", also before a known place, the house's seat ("Albrecht Prinz von
    Bayern"); not a title before the first name: "Graf Friedrich", where it is the name's cue."""
    if texts[j].lower() not in NOBILITY_TITLES or not _first_name_in(texts[start:j], lex):
        return False
    name = _after_particles(texts, j + 1, taken)
    return name < len(texts) and (name not in taken or name > j + 1) and lex.name_like(texts[name])


def _double_family_name(texts: list[str], start: int, end: int, taken: set[int], lex: Lexicons) -> bool:
    """A noble's family name of two joined by "und" ("Gloria Fürstin von Thurn und Taxis"); not a person's first name
    after it, who is another ("Friedrich Graf von Westphalen und Anna …")."""
    name = end + 1
    return name < len(texts) and texts[end] in LIST_JOINERS and name not in taken and lex.name_like(texts[name]) \
        and texts[name] not in lex.first_names and _titled_name(texts, start, end, lex) \
        and any(word in NAME_PARTICLES for word in texts[start:end])


def _titled_name(texts: list[str], start: int, end: int, lex: Lexicons) -> bool:
    """A first name and a title of nobility after it: "Claus Schenk Graf …", "Marion Gräfin …"."""
    title = next((k for k in range(start + 1, end) if texts[k].lower() in NOBILITY_TITLES), None)
    return title is not None and _first_name_in(texts[start:title], lex)


def _first_name_in(words: list[str], lex: Lexicons) -> bool:
    return any(all(part in lex.first_names for part in word.split("-")) for word in words)


def _surname_like_stop_word(texts: list[str], j: int, lex: Lexicons) -> bool:
    """A family name that is a function word too, capitalised after a first name: "Ricarda Lang", "Woody Allen"
    (no stop word is name-like on its own)."""
    return texts[j][:1].isupper() and lex.word_class.get(texts[j]) == "SURNAME" and texts[j - 1] in lex.first_names


def _particle_compound(word: str, lex: Lexicons) -> bool:
    """A family-name particle joined to the name by a hyphen or elided before it: "al-Nuaimi", "d'Estaing"."""
    for mark in PARTICLE_MARKS:
        particle, found, name = word.partition(mark)
        if found and (particle in NAME_PARTICLES or particle + mark in NAME_PARTICLES) and lex.name_like(name):
            return True
    return False


def split_runs(texts: list[str], runs: list[tuple[int, int]], lex: Lexicons) -> list[tuple[int, int]]:
    """A class noun inside a run after a name starts a new one: "Bushs Parteikollege McCain" is
    two names, the second with its cue."""
    out = []
    for start, end in runs:
        if any(word in lex.inside or word in lex.work_words for word in texts[start:end]) \
                or _titled_name(texts, start, end, lex):
            out.append((start, end))  # a foreign multi-word name: "Danish Refugee Council"; a noble's
            continue
        k = start + 1
        while k < end - 1:
            if lex.is_head(texts[k]) and not lex.is_common(texts[k - 1]) \
                    and texts[k - 1] not in lex.prefixes and texts[k - 1] not in lex.titles:
                out.append((start, k))
                start = k
            k += 1
        out.append((start, end))
    return out


def candidates(doc: Doc, texts: list[str], taken: set[int], lex: Lexicons) -> Iterator[Candidate]:
    """The split runs outside `taken`, each trimmed to the name and with the cue before it."""
    for start, end in split_runs(texts, name_runs(texts, taken, lex), lex):
        if end - start == 1 and lex.is_common(texts[start]) and not texts[start].endswith(lex.place_tails) \
                and not _named_landform(texts[start], lex) \
                and not speaker_slot(texts, start, lex) and not lex.is_place_compound(texts[start]) \
                and not (start > 0 and lex.guessed_common(texts[start]) and lex.cue_label(texts[start - 1]) in TYPED):
            continue  # a lone common noun: most runs, and no rule takes one ("die Band Herbstrock" is a name)
        if end - start > 1 and texts[start].lower() in OPENING_PARTICLES and sentence_initial(doc, start):
            start += 1  # "Van Gaal": classified as "Gaal" and joined with its particle afterwards
        cue = None
        # (before a word of foreign names only a known noun: "Octagon Worldwide" is one name)
        named = lex.inside.get(texts[end - 1]) is not None
        while end - start > 1 and lex.is_head(texts[start]) and not _adjective_of_name(texts, start, lex) \
                and (not named or lex.cue_label(texts[start]) or texts[start] in lex.common_nouns):
            cue = texts[start]  # "Bundeskanzler Friedrich Merz", "Ölgesellschaft Petrobras"
            start += 1
        # (a first name that is a particle too opens a family name: "Marine Le Pen")
        firsts = [i for i in range(start + 1, end - 1)
                  if texts[i] in lex.first_names and texts[i].lower() not in NAME_PARTICLES]
        if firsts and cue is None and texts[start] not in lex.titles \
                and not any(lex.is_name(word) for word in texts[start:firsts[0]]):
            cue, start = texts[firsts[0] - 1], firsts[0]  # "Rennkanute Adam Seroczynski"
        if cue is None and start > 0 and lex.is_head(texts[start - 1]):
            cue = texts[start - 1]
        elif cue is None and start > 1 and end < len(texts) and texts[end] in QUOTE_PAIRS.get(texts[start - 1], "") \
                and lex.is_head(texts[start - 2]):
            cue = texts[start - 2]  # a name in quotation marks after its class noun: "die Zeitschrift „Eckart“"
        if end - start > 1 and _genitive(texts[end - 2]) and texts[end - 2] not in lex.first_names \
                and lex.is_common(texts[end - 1]):
            end -= 1  # "Ravens Tod": the possessed thing is not part of the name
        yield Candidate(start, end, cue)


def _named_landform(word: str, lex: Lexicons) -> bool:
    """A landform's ending after a place's name: "Münsterland" ("im Münsterland"), not "Kapitalmarkt"."""
    if not word.endswith(lex.landform_tails):
        return False
    tail = next(tail for tail in lex.landform_tails if word.endswith(tail))
    return lex.word_class.get(word[:-len(tail)]) == "PLACE"


def _adjective_of_name(texts: list[str], i: int, lex: Lexicons) -> bool:
    """A capitalised adjective before a noun opens a name ("der Künstlervereinigung Hamburgische Sezession"); before
    a name it is a noun itself ("den engsten Vertrauten Merkels")."""
    return lex.is_name_adjective(texts[i]) and lex.is_common(texts[i + 1])


def speaker_slot(texts: list[str], i: int, lex: Lexicons) -> bool:
    """A lone word between a speech verb and the end of the clause ("…, sagte Richter."), unless a subject before
    the verb has taken the subject: the word is its object then, a plural noun without article ("Sie schrieb
    Bücher.", "Die Autorin schrieb Bücher.")."""
    return i > 0 and lex.cue_words.get(texts[i - 1]) == "PER" and i + 1 < len(texts) and texts[i + 1] in CLAUSE_ENDS \
        and not _subject_before_verb(texts, i - 1, lex)


def _subject_before_verb(texts: list[str], verb: int, lex: Lexicons) -> bool:
    """A subject pronoun right before the verb, or an article that opens the sentence and a common noun."""
    if verb > 0 and texts[verb - 1].lower() in SUBJECT_PRONOUNS:
        return True
    return verb > 1 and texts[verb - 2][:1].isupper() and texts[verb - 2].lower() in NOMINATIVE_ARTICLES \
        and lex.is_common(texts[verb - 1])


def particles_before(doc: Doc, texts: list[str], start: int, lex: Lexicons) -> int:
    """Start of the particles that open the name at `start`: "von der" anywhere ("Ursula von der
    Leyen" is one run already; this is for "Ministerin von der Leyen"), a capitalised particle
    at the start of a sentence ("Von der Leyen", "Van Gaal"). A lone lower-case "von" is left
    out: "ein Brief von Merz" is a preposition."""
    i = start
    if i >= 2 and texts[i - 1] in PARTICLE_ARTICLES and texts[i - 2].lower() in NAME_PARTICLES \
            and texts[i - 2].lower() not in PARTICLE_ARTICLES:
        i -= 2  # "von der", "van den", "de la"
    elif i >= 1 and texts[i - 1].lower() in OPENING_PARTICLES and texts[i - 1][:1].isupper():
        # these open a name on their own ("Van Gaal", "De Maizière"); "Von" and "Zu" only with an article
        # after them: "Von Scholz kam keine Antwort" is a preposition
        i -= 1
    else:
        return start
    opener = texts[i]
    if opener[:1].isupper() and not sentence_initial(doc, i):
        return start  # a capitalised particle mid-sentence opens a title or work, not a person
    if opener.islower() and i > 0 and texts[i - 1] in lex.first_names:
        return start  # "Ursula von der Leyen": already one run
    return i


def with_particles(doc: Doc, texts: list[str], span: Span, lex: Lexicons) -> Span:
    """A person's mention with the family-name particles that open it ("von der Leyen")."""
    if span.label_ != "PER":
        return span
    start = particles_before(doc, texts, span.start, lex)
    if start == span.start:
        return span
    return mention(doc, start, span.end, "PER", span._.method, span._.canonical)


def _genitive(word: str) -> bool:
    return word.endswith(("s", "'", "’")) and not word.endswith(NON_GENITIVE_S_ENDINGS)  # -s, or ' after a sibilant
