"""The decision list that types a run of name-like words: an ordered table of named rules, tried in
order, the first that applies wins. A rule's name is the `method` its mention gets in the mentions
table; a rule marked "no mention" ends the list without one.

    rule           label    applies to the run when
    no_name        -        no word of it looks like a name: no mention
    too_long       -        it has more than six words: no mention
    name_word      LOC/ORG  a word inside it types it ("Hudson River"), or a place prefix opens it
                             ("St. Moritz")
    work_title     -        an English word of a title is in it or is it ("Take On Me", "The"): no mention
                             (songs, books and films are none)
    storm          -        a storm's class noun is before it ("Hurrikan Alex", "Orkan Kyrill"): no mention
    cue            any      a class noun or role before it gives the label ("Gemeinde Akkala", "Minister Wadephul")
    party          PER      a party in brackets follows ("Wadephul (CDU)")
    title          PER      a title of the name opens it ("Sir Walter Kettleby"), with a first name before it
    named_after    ORG      a person's full name and an organisation's class noun ("Amadeu Antonio Stiftung",
                             "Albert Schweitzer Gymnasium")
    first_name     PER      two or more words that open with a first name ("Jean-Noël Barrot", "Paula Stein")
                             or two with an initial ("W. Fesenko")
    name_pair      PER      two or more words, no common noun, ending in a surname
    family_name    PER      a name, a capitalised family-name particle that is no German word and a name, none a
                             common noun, place or organisation ("Marine Le Pen", "Jaume Di Carvalho")
    apposition     PER      a name before a comma, after a role ("Die Chefin der X, Doris König,") or before
                             one ("Jo Papier, Chef der X,")
    verb           PER      two to four words no list knows as the subject of a verb of saying or travel, at a
                             sentence start ("Tedros Adhanom Ghebreyesus reiste …") or after it ("Dann reiste …")
    town_article   LOC      two words that a town's article opens, after a place preposition ("in Le Mans", "nach Den
                             Haag")
    numbered       -        a Roman number follows a name without a first name ("Hartz IV", "Basel III"): no mention
    several_names  -        more than one name-like word and no rule above took it: no mention
    place_tail     LOC      one word with a place-name ending ("Knoopstraße", "Helmarshausen"), or a
                             landform's after an article ("den Kemmelberg", "der Große Feldberg")
    speech         PER      one word between a speech verb and the end of the clause ("…, sagte Richter.")
    place_compound LOC      a town and its district joined by a hyphen ("Bremen-Vegesack", "Berlin-Mitte")
    common_noun    -        it opens with a common noun: no mention
    particle       PER      a family-name particle opens it at a sentence start or after a speech verb
                             ("Von der Leyen sagte")
    surname        PER      a surname, not after an article ("der Preis") or as a place after "in" ("in Bracht")
    speech         PER      right after a speech verb ("sagte Schönberg"): the verb outweighs a place-like word class
    word_class     LOC/ORG  a place or organisation word class, not at a sentence start, a place not after an article
    ambiguous      -        a common noun that is also a name ("Stein", "Wolf"): no mention
    first_name     PER      a first name that the word classes list as a first name or surname, not as a noun after an
                             article ("einer Tom", "mit dem Remis")
    speech         PER      a speech verb follows, not at a sentence start
    verb           PER      one unknown word as the subject of a finite verb ("Zuvor musste Kolbritz",
                             "dass Kolbritz so")
    genitive       PER      a name in the Saxon genitive before a common noun ("Zabels Entscheidung")
    preposition    LOC      after a place preposition ("in Pflückuff") or compass adverb ("südlich (von) Modrava");
                             after "bei" only a place's ending ("bei Edenbach")

When no rule applies, a run right after a mention found by `cue`, `list`, `preposition` or
`place_tail`, with only list joiners between them, takes its label with method `list` ("die Dörfer
Hokkala, Kumpula und Akkala"); so does a run right after "und"/"oder" after a person's full name
(`first_name`, `name_pair`, `title`: "Paula Brandt und Vendoszek").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import takewhile
from typing import Callable, NamedTuple

from spacy.tokens import Doc, Span

from ...german import (ADJECTIVE_ENDINGS, ARTICLE_PREPOSITIONS, ARTICLES, DEFINITE_GENITIVE_ARTICLES,
                       DERIVATIONAL_NOUN_ENDINGS, GENITIVE_PREPOSITIONS, INDEFINITE_ARTICLES, LANDFORM_ADJECTIVE_STEMS,
                       LIST_JOINERS as LIST_WORDS, LOCATIVE_PREPOSITIONS, NAME_PARTICLES, NOBILITY_TITLES,
                       PARTICLE_ARTICLES, STOP_WORDS, SUBJECT_OPENERS, SUBJECT_PRONOUNS, TOWN_ARTICLES,
                       WEAK_PAST_FORM)
from ...names import strip_genitive
from .lexicons import ADJECTIVE_SHAPE, Lexicons
from .runs import CLAUSE_ENDS, INITIAL, ROMAN, ROMAN_ORDINAL, candidates, particles_before, speaker_slot
from .spans import mention, sentence_initial

LIST_JOINERS = frozenset({","}) | LIST_WORDS  # "die Dörfer A, B und C"
# a person's full name before "und" ("Jo Brandt und Kessler")
PERSON_HEADS = frozenset({"first_name", "name_pair", "family_name", "title"})
LIST_HEADS = frozenset({"cue", "list", "preposition", "place_tail"})  # methods whose label carries over a list
CLASS_LABELS = {"PLACE": "LOC", "ORG": "ORG"}  # word classes that name places and organisations
SUBJECTS = ARTICLES | SUBJECT_PRONOUNS
DEFINITE_ARTICLES = (ARTICLES - INDEFINITE_ARTICLES) | ARTICLE_PREPOSITIONS


@dataclass
class Context:
    """A run to classify and what the rules look at in and around it (each computed once, when a
    rule first asks)."""
    doc: Doc
    texts: list[str]
    start: int
    end: int
    cue: str | None  # the class noun or role before the run ("Bundeskanzler"), if any
    lex: Lexicons

    @cached_property
    def words(self) -> list[str]:
        return self.texts[self.start:self.end]

    @cached_property
    def names(self) -> list[str]:
        """Its name-like words."""
        return [word for word in self.words if self.lex.name_like(word)]

    @property
    def first(self) -> str:
        return self.words[0]

    @cached_property
    def word(self) -> str:
        """The first word without a genitive ending: the rules for a single name test this."""
        return strip_genitive(self.words[0])

    @cached_property
    def last(self) -> str:
        return strip_genitive(self.words[-1])

    @property
    def before(self) -> str:
        return self.texts[self.start - 1] if self.start > 0 else ""

    @property
    def after(self) -> str:
        return self.texts[self.end] if self.end < len(self.texts) else ""

    @cached_property
    def initial(self) -> bool:
        """At a sentence start, where every word is capitalised."""
        return sentence_initial(self.doc, self.start)

    @cached_property
    def commons(self) -> list[bool]:
        """For each word, whether it is a common noun."""
        return [self.lex.is_common(word) for word in self.words]

    @cached_property
    def in_place(self) -> bool:
        """After a place preposition, and not in the genitive: "in Bracht", not "in Merkels"."""
        word = self.word
        return self.before in LOCATIVE_PREPOSITIONS and word == self.first and word not in self.lex.first_names

    def word_class(self, word: str) -> str | None:
        return self.lex.word_class.get(word)


class Rule(NamedTuple):
    name: str  # the `method` of the mention; of a reject rule, why there is none
    test: Callable[[Context], str | bool | None]  # the label when the rule applies (a reject rule: True)
    reject: bool = False  # when it applies, the run is no mention
    start: Callable[[Context], int] | None = None  # where the mention starts, if not where the run does
    end: Callable[[Context], int] | None = None  # where it ends, if not where the run does


# -- the tests, in the order of the table

def _no_name(run: Context) -> bool:
    return not run.names


def _too_long(run: Context) -> bool:
    return len(run.words) > 6


def _word_inside(run: Context) -> str | None:
    if len(run.words) < 2:
        return None
    inside = [run.lex.inside.get(word) for word in run.words]
    if inside[-1] or run.first in run.lex.prefixes:
        return inside[-1] or "LOC"
    for label in ("ORG", "LOC"):
        if label in inside and run.first not in run.lex.first_names:
            return label
    return None


def _work_title(run: Context) -> bool:
    return any(word in run.lex.work_words for word in run.words)


def _storm_cue(run: Context) -> bool:
    return run.lex.cue_label(run.cue) == "OTH"


def _cue_before(run: Context) -> str | None:
    lex = run.lex
    label = lex.cue_label(run.cue)
    if label is None and run.before in DEFINITE_GENITIVE_ARTICLES and run.start > 1 \
            and lex.is_role(run.texts[run.start - 2]) and not lex.is_name(run.first) \
            and run.first not in lex.ambiguous \
            and run.word_class(run.first) in (None, "ORG"):
        label = "ORG"  # "Präsident der Bundesärztekammer": the organisation the person heads
    # a person's name opens with no place or organisation ("Regisseur Hayao Miyazaki" may end in a town's name)
    # a place or organisation may end in a word that only ends like a noun ("die Rockband Fold Zandura"), or in a
    # noun after a capitalised adjective that opens it ("die Künstlervereinigung Hamburgische Sezession")
    named = not run.commons[-1] or label != "PER" and (lex.guessed_common(run.words[-1]) or _opens_with_adjective(run))
    if label and named and (label != "PER" or (
            lex.is_name(run.first) or run.word_class(run.first) not in ("PLACE", "ORG"))
            and not any(word in lex.work_words for word in run.words)):  # "Star Wars": a title, not the star
        return label
    return None


def _opens_with_adjective(run: Context) -> bool:
    """An inflected adjective, capitalised inside a sentence, opens a name of several words
    ("Hamburgische Sezession")."""
    return len(run.words) >= 2 and not run.initial and run.lex.is_name_adjective(run.first)


APPOSITION_WORDS = 4  # a name between commas has at most this many words
APPOSITION_REACH = 8  # the role of "Die Präsidentin des Obersten Gerichts, Name," stands at most this far back


def _apposition_end(run: Context) -> int | None:
    """The comma or bracket that closes a name of two or more words, if the words up to it are all
    name-like (a role word among them too: "Doris König")."""
    if not run.lex.name_like(run.first):
        return None
    end = run.start
    while end < len(run.texts) and end - run.start < APPOSITION_WORDS and run.lex.name_like(run.texts[end]):
        end += 1
    return end if end < len(run.texts) and run.texts[end] in (",", "(") and end - run.start >= 2 else None


def _apposition(run: Context) -> str | None:
    end = _apposition_end(run)
    if end is None or run.lex.is_common(run.texts[end - 1]) and not run.lex.is_role(run.texts[end - 1]):
        return None
    after_role = run.before == "," and _role_before_comma(run)
    return "PER" if after_role or (run.before == "," or run.initial) and _role_after(run, end) else None


def _role_before_comma(run: Context) -> bool:
    """"Die Präsidentin des Bundesverfassungsgerichts, …": an article and a role open the phrase before the comma."""
    lex, texts = run.lex, run.texts
    for k in range(run.start - 2, max(run.start - 2 - APPOSITION_REACH, -1), -1):
        if texts[k] in CLAUSE_ENDS:
            return False
        if lex.is_role(texts[k]):
            return k == 0 or texts[k - 1].lower() in ARTICLES or sentence_initial(run.doc, k)
    return False


def _role_after(run: Context, end: int) -> bool:
    """"Hans-Jürgen Papier, Präsident des Bundesverfassungsgerichts, sagte": a role follows the comma."""
    texts, role = run.texts, end + 1
    if role < len(texts) and texts[role].lower() in ARTICLES:
        role += 1
    # the role heads a complement ("Präsident des …", "Chef von …"): not "…, General Dynamics"
    complement = texts[role + 1].lower() if role + 1 < len(texts) else ""
    return texts[end] == "," and role < len(texts) and run.lex.is_role(texts[role]) \
        and (complement in ARTICLES or complement in GENITIVE_PREPOSITIONS or complement == ",")


def _party_after(run: Context) -> str | None:
    texts, end = run.texts, run.end
    party = end + 2 < len(texts) and run.after == "(" and texts[end + 2] == ")" \
        and run.word_class(texts[end + 1]) == "ORG"
    return "PER" if party and not run.commons[-1] else None


def _opens_with_title(run: Context) -> str | None:
    return "PER" if run.first in run.lex.titles and len(run.words) >= 2 else None


def _first_name_before_title(run: Context) -> int:
    """"Karl-Theodor Freiherr von und zu …": the first name before the title is part of the name."""
    return run.start - 1 if run.before in run.lex.first_names and not run.lex.is_common(run.before) else run.start


def _named_after_person(run: Context) -> str | None:
    """An organisation named after a person, written without hyphens: a first name and more names open it and a
    class noun of organisations ends it ("Amadeu Antonio Stiftung", "Otto Brenner Gruppe"); not a person whose
    family name is such a noun ("Paul Blatt"), nor an adjective before the noun ("vom Mikrobiologischen Institut")."""
    words, lex = run.words, run.lex
    if len(words) >= 3 and lex.heads.get(words[-1]) == "ORG" and all(
            part in lex.first_names for part in run.first.split("-")) and not any(run.commons[:-1]):
        return "ORG"
    return None


def _opens_with_first_name(run: Context) -> str | None:
    words, lex = run.words, run.lex
    if len(words) == 2 and INITIAL.match(run.first) and not run.commons[-1]:
        return "PER"  # an initial for the first name: "W. Fesenko"
    # a common noun ends a name after a particle or two first names ("Joseph Victor von Scheffel"), or a noble's
    # ("Gloria Fürstin von Thurn und Taxis")
    named_last = len(words) >= 3 and (words[-2] in NAME_PARTICLES or words[-2] in lex.first_names
                                      or any(word.lower() in NOBILITY_TITLES for word in words[1:-1]))
    opens_with_first_name = all(part in lex.first_names or lex.word_class.get(part) == "FIRSTNAME"
                                for part in run.first.split("-")) and not _opened_by_town_article(run)
    if len(words) >= 2 and opens_with_first_name \
            and (not run.commons[-1] or named_last or len(words) == 2 and not lex.is_common(run.first)):
        return "PER"
    return None


def _opened_by_town_article(run: Context) -> bool:
    """A Romance article that is a first name too ("Le") opens towns as often as family names ("Le Mans", "Le
    Havre" / "Le Pen"): a person only next to a speech verb ("sagte Le Pen", "Le Pen erklärte")."""
    return run.first.lower() in PARTICLE_ARTICLES \
        and run.lex.cue_words.get(run.before) != "PER" and run.lex.cue_words.get(run.after) != "PER"


def _ends_with_surname(run: Context) -> str | None:
    if len(run.words) >= 2 and not any(run.commons) and run.word_class(run.last) == "SURNAME" and not run.initial \
            and (run.last not in run.lex.ambiguous or run.first in run.lex.first_names):
        return "PER"
    return None


def _particle_between_names(run: Context) -> str | None:
    """A capitalised particle between a first word and a family name that no list knows ("Marine Le Pen", "Jaume Di
    Carvalho"): a particle written small joins the names of places and clubs as often ("Atlético de Kalvaro"), and
    after a known first name the `first_name` rule takes it ("Kaja von Hohenfels"). Not a particle that is a German
    word as well ("Wechsel Zu …"), and neither name may be a common noun, a place or an organisation."""
    words = run.words
    if len(words) < 3 or run.commons[0] or run.commons[-1] or words[1].lower() not in NAME_PARTICLES \
            or not words[1][:1].isupper() or words[1].lower() in STOP_WORDS:
        return None
    return None if run.word_class(run.word) in CLASS_LABELS or run.word_class(run.last) in CLASS_LABELS else "PER"


SUBJECT_WORDS = 4  # a person's name of unknown words as a subject has at most this many


def _unknown_names_subject(run: Context) -> str | None:
    """Two to four capitalised words that no list knows, as the subject of a verb of saying or travel: before it
    at a sentence start ("Tedros Adhanom Ghebreyesus reiste nach Genf"), or after it and before a lower-case word
    ("Am Montag reiste Tedros Adhanom nach Genf"); a noun phrase there would have an article or a known noun. Not
    a finite verb of any kind: "Jupiter Ascending ist ein Film", "erhält Seed Funding"."""
    if not 2 <= len(run.words) <= SUBJECT_WORDS or not all(_unknown_name(word, run) for word in run.words):
        return None
    if run.initial:
        return "PER" if _personal_verb(run.after, run.lex) else None
    return "PER" if _personal_verb(run.before, run.lex) and run.after[:1].islower() else None


def _unknown_name(word: str, run: Context) -> bool:
    lex = run.lex
    return lex.name_like(word) and word.replace("-", "").isalpha() and not lex.is_common(word) \
        and word not in lex.ambiguous \
        and run.word_class(word) not in CLASS_LABELS and word.lower() not in lex.lower_words \
        and not lex.is_role(word) and not ADJECTIVE_SHAPE.match(word.lower()) \
        and not word.endswith(DERIVATIONAL_NOUN_ENDINGS)


def _personal_verb(word: str, lex: Lexicons) -> bool:
    """A verb of saying or travel, whose subject is a person."""
    return word in lex.motion_verbs or lex.cue_words.get(word) == "PER"


def _town_after_preposition(run: Context) -> str | None:
    return "LOC" if len(run.words) == 2 and run.first.lower() in TOWN_ARTICLES and run.first[:1].isupper() \
        and run.lex.cue_words.get(run.before) == "LOC" else None


def _numbered(run: Context) -> bool:
    """A Roman number after a name that opens with no first name numbers a reform, treaty or sequel ("Hartz IV",
    "Basel III"); a ruler's regnal number follows a first name ("Ludwig XIV.", "Benedikt XVI.")."""
    numbered = ROMAN_ORDINAL.match(run.words[-1]) or len(run.after) > 1 and ROMAN.match(run.after)
    return bool(numbered) and run.first not in run.lex.first_names


def _several_names(run: Context) -> bool:
    return len(run.names) > 1


def _place_ending(run: Context) -> str | None:
    word, lex = run.word, run.lex
    if len(run.words) != 1 or run.initial or run.before.lower() in INDEFINITE_ARTICLES:
        return None  # (a name takes no indefinite article: "ein Katzenheim", "einem Seitental")
    if word.endswith(lex.place_tails) and not _generic_place(word, lex) and run.word_class(word) != "SURNAME":
        return "LOC"
    # a person's name takes no definite article: "den Kemmelberg", "dem Rierkogel", "am Friedrichsborn" (not
    # "einen Glasberg"); nor an adjective of size or position between article and name, which may then be a
    # family name ("den Großen Feldberg")
    if word.endswith(lex.landform_tails) and word not in lex.common_nouns and word not in lex.ambiguous \
            and (run.before.lower() in DEFINITE_ARTICLES and not lex.is_name(word) or _landform_adjective_before(run)):
        return "LOC"
    return None


def _landform_adjective_before(run: Context) -> bool:
    """"der Große Feldberg", "am Hohen Kopf": a definite article and a capitalised adjective of size or position
    ("Große", "Kleinen", "Oberer") before the name; the adjective is part of it."""
    adjective = run.before.lower()
    return run.start > 1 and run.texts[run.start - 2].lower() in DEFINITE_ARTICLES and run.before[:1].isupper() \
        and any(adjective.startswith(stem) and adjective[len(stem):] in ADJECTIVE_ENDINGS
                for stem in LANDFORM_ADJECTIVE_STEMS)


def _landform_start(run: Context) -> int:
    return run.start - 1 if _landform_adjective_before(run) else run.start


def _generic_place(word: str, lex: Lexicons) -> bool:
    """A common noun with a place ending ("Hauptstraße", "Parkplatz", "Quartal"), unless a known
    name stands before the ending ("Magellanstraße", "Alexanderplatz"); or a verb's infinitive as a noun
    that ends like a place ("das Anbringen", "im Kunstspringen")."""
    tail = next(tail for tail in lex.place_tails if word.endswith(tail))
    if word not in lex.common_nouns:
        return _verbal_noun(word, tail, lex)
    return not lex.is_name(word[:-len(tail)])


def _verbal_noun(word: str, tail: str, lex: Lexicons) -> bool:
    """Ends in an infinitive longer than its place ending ("Kunst-springen", "Vor-dringen"; not "Eis-leben"), and
    no town the word classes know ("Sigmaringen")."""
    lower = word.lower()
    return lex.word_class.get(word) != "PLACE" and any(
        lower[i:] in lex.lower_words and lower[i:] not in lex.verb_forms
        for i in range(len(lower) - len(tail)))


def _in_speaker_slot(run: Context) -> str | None:
    # a noun there would need an article
    if len(run.words) == 1 and speaker_slot(run.texts, run.start, run.lex) and run.word not in run.lex.non_entities \
            and not run.lex.is_role(run.word):
        return "PER"
    return None


def _place_compound(run: Context) -> str | None:
    return "LOC" if len(run.words) == 1 and run.lex.is_place_compound(run.word) else None


def _opens_with_common_noun(run: Context) -> bool:
    return run.commons[0]


def _opened_by_particle(run: Context) -> str | None:
    opener = particles_before(run.doc, run.texts, run.start, run.lex)  # not "von der Sonne"
    # capitalised at a sentence start, or right after a speech verb ("erklärt van der Vaart")
    opens = run.texts[opener][:1].isupper() or opener > 0 and run.lex.cue_words.get(run.texts[opener - 1]) == "PER"
    if opener < run.start and opens and len(run.words) == 1 and not run.word.endswith(DERIVATIONAL_NOUN_ENDINGS) \
            and run.word_class(run.word) in (None, "SURNAME", "FIRSTNAME") and run.word not in run.lex.ambiguous:
        return "PER"
    return None


def _surname(run: Context) -> str | None:
    if (run.word_class(run.word) == "SURNAME" or run.word_class(run.first) == "SURNAME") \
            and run.before.lower() not in ARTICLES and not run.in_place and not _after_attribute(run):
        return "PER"
    return None


def _after_attribute(run: Context) -> bool:
    """An article and an inflected adjective before it make it a noun: "der rechten Wade", "Den zweiten Preis"."""
    start = run.start
    return start > 1 and run.texts[start - 2].lower() in ARTICLES and run.before[:1].islower() \
        and run.before.endswith(ADJECTIVE_ENDINGS)


def _after_speech_verb(run: Context) -> str | None:
    return "PER" if run.lex.cue_words.get(run.before) == "PER" and run.word not in run.lex.ambiguous else None


def _place_or_org_class(run: Context) -> str | None:
    label = CLASS_LABELS.get(run.word_class(run.first))
    if label == "LOC" and run.before.lower() in ARTICLES:
        return None  # a town takes no article: "brannte eine Halle", "in der Halle" (but "das alte Halle")
    # at a sentence start only a place that is no capitalised lower-case word ("Pfaffenhofen (PK) …"), and not
    # as the subject of a finite verb, which a person's name is as often ("Kageneck wurde …")
    at_start_ok = label == "LOC" and run.first.lower() not in run.lex.lower_words \
        and run.after not in run.lex.verbs and run.after not in run.lex.verb_forms
    return label if label and (not run.initial or at_start_ok) else None


def _ambiguous(run: Context) -> bool:
    return run.word in run.lex.ambiguous


def _first_name(run: Context) -> str | None:
    return "PER" if run.word in run.lex.first_names and run.word_class(run.word) in ("FIRSTNAME", "SURNAME") \
        and not _noun_phrase(run) else None


def _noun_phrase(run: Context) -> bool:
    """After an article a name is a noun: "einer Tom" (a drum), "im Bios", "mit dem Remis" (an article after a
    preposition); "den" after a comma is a relative pronoun ("…, den Blair erreichte"), "die" after a verb may be
    spoken German for a person ("antwortete die Crawford")."""
    before = run.before.lower()
    return before in INDEFINITE_ARTICLES or before in ARTICLE_PREPOSITIONS or before in ARTICLES and run.start > 1 \
        and run.texts[run.start - 2].lower() in STOP_WORDS


def _before_speech_verb(run: Context) -> str | None:
    # (after a speech verb the second `speech` rule has decided: a name, or `ambiguous`)
    return "PER" if run.lex.cue_words.get(run.after) == "PER" and not run.initial else None


def _subject_of_verb(run: Context) -> str | None:
    """A bare unknown word as the subject of a finite auxiliary or speech verb: "Zuvor musste Kolbritz
    aber ...", "Wendoszek wurde ...", "Wendoszek meinte ..."; a noun there would need an article. At a
    sentence start the word must not be a capitalised adverb ("Zuvor", "Insgesamt") or adjective."""
    lex, word, texts, start = run.lex, run.word, run.texts, run.start
    lower = word.lower()
    if len(run.words) != 1 or not word.replace("-", "").isalpha() or word.endswith("-") or lower in lex.lower_words \
            or ADJECTIVE_SHAPE.match(lower):
        return None
    if run.initial:  # the subject is not further on: "Außerdem will sich die Partei", "Damit hatte er"
        clause_rest = takewhile(lambda later: later not in CLAUSE_ENDS, texts[start + 2:start + 4])
        # (a known first name or surname is no adverb: "Lucy gefällt die Idee")
        subject_later = any(later.lower() in SUBJECTS for later in clause_rest) and not lex.is_name(word)
        found = (run.after in lex.verbs or run.after in lex.verb_forms or lex.cue_words.get(run.after) == "PER") \
            and not subject_later
    else:
        # "Zuvor musste Kolbritz aber …", "… führte Bährens eine Praxis", "1990 ging Marusha erstmals …": an
        # auxiliary or another finite verb right before it (not an adjective after an article: "die letzte Bastion")
        before = texts[start - 1] if start > 0 else ""
        # (an article that is a verb's particle too is the article: "durch ein Bachtal")
        verb_before = before in lex.verbs or (WEAK_PAST_FORM.match(before) and before not in STOP_WORDS
                                              or before in lex.verb_forms and before.lower() not in ARTICLES) \
            and (start < 2 or texts[start - 2].lower() not in ARTICLES) and _short_name_shape(word)
        # "Doch Bermúdez wurde …", "Auch Geillis hat …": a function word opens the sentence, an auxiliary follows
        opened = before.lower() in STOP_WORDS and before.lower() not in ARTICLES \
            and lex.cue_words.get(before.lower()) != "LOC" and start > 0 and sentence_initial(run.doc, start - 1) \
            and run.after in lex.verbs and _short_name_shape(word)
        # "…, dass Kolbritz so Zeit gewinnt", "distanzierte sich Kolbritz von …": a conjunction or reflexive
        # before it
        after_opener = before.lower() in SUBJECT_OPENERS and run.after[:1].islower() and _short_name_shape(word)
        found = verb_before and run.after[:1].islower() or opened or after_opener
    return "PER" if found else None


def _short_name_shape(word: str) -> bool:
    """Shaped like a name rather than a German noun unknown to the dictionary: short, no hyphen, no
    derivational noun suffix ("Pauli", "Goslin"; not "Vernetzung", "Truppentransporter")."""
    return len(word) <= 10 and "-" not in word and not word.endswith(DERIVATIONAL_NOUN_ENDINGS)


def _saxon_genitive(run: Context) -> str | None:
    # not an adjective at a sentence start ("Vergangenes Jahr", "Verwaltetes Vermögen")
    if run.first.endswith("s") and run.word != run.first and run.lex.is_common(run.after) \
            and run.before.lower() not in ARTICLES and not _noun_phrase(run) \
            and not run.lex.adjective_form(run.first.lower()):
        return "PER"
    return None


def _after_place_preposition(run: Context) -> str | None:
    word = run.word
    # capitalised only at a sentence start ("In Garze traf es …"; not "Forever In Love")
    preposition = run.before.lower() if run.start > 0 and sentence_initial(run.doc, run.start - 1) else run.before
    if preposition in GENITIVE_PREPOSITIONS and run.start > 1:
        preposition = run.texts[run.start - 2]  # a compass adverb with "von": "südlich von Modrava"
        preposition = preposition.lower() if sentence_initial(run.doc, run.start - 2) else preposition
    # "bei Sauber", "bei Homer" is where one works or reads as often as a place: only "bei Edenbach" is one
    lex = run.lex
    shaped = preposition not in lex.shaped_place_prepositions or word.endswith(lex.place_tails + lex.landform_tails)
    if lex.cue_words.get(preposition) == "LOC" and (run.word_class(run.first) is None or run.in_place) \
            and not run.initial and word.isalpha() and word[1:].islower() and shaped:
        return "LOC"
    return None


RULES = (
    Rule("no_name", _no_name, reject=True),
    Rule("too_long", _too_long, reject=True),
    Rule("name_word", _word_inside),
    Rule("work_title", _work_title, reject=True),
    Rule("storm", _storm_cue, reject=True),
    Rule("cue", _cue_before),
    Rule("party", _party_after),
    Rule("title", _opens_with_title, start=_first_name_before_title),
    Rule("named_after", _named_after_person),
    Rule("first_name", _opens_with_first_name),
    Rule("name_pair", _ends_with_surname),
    Rule("family_name", _particle_between_names),
    Rule("apposition", _apposition, end=_apposition_end),
    Rule("verb", _unknown_names_subject),
    Rule("town_article", _town_after_preposition),
    Rule("numbered", _numbered, reject=True),
    Rule("several_names", _several_names, reject=True),
    Rule("place_tail", _place_ending, start=_landform_start),
    Rule("speech", _in_speaker_slot),
    Rule("place_compound", _place_compound),
    Rule("common_noun", _opens_with_common_noun, reject=True),
    Rule("particle", _opened_by_particle),
    Rule("surname", _surname),
    Rule("speech", _after_speech_verb),
    Rule("word_class", _place_or_org_class),
    Rule("ambiguous", _ambiguous, reject=True),
    Rule("first_name", _first_name),
    Rule("speech", _before_speech_verb),
    Rule("verb", _subject_of_verb),
    Rule("genitive", _saxon_genitive),
    Rule("preposition", _after_place_preposition),
)


def classify(run: Context) -> Span | None:
    """The mention of the first rule that applies; None when that rule rejects the run or none applies."""
    for rule in RULES:
        label = rule.test(run)
        if label:
            if rule.reject:
                return None
            start, end = rule.start(run) if rule.start else run.start, rule.end(run) if rule.end else run.end
            return mention(run.doc, start, end, label, rule.name)
    return None


def name_mentions(doc: Doc, texts: list[str], taken: set[int], lex: Lexicons) -> list[Span]:
    """The mentions of the runs of name-like words outside `taken`."""
    spans: list[Span] = []
    storms: set[str] = set()  # a storm's name is none anywhere in the text ("Hurrikan Alex …, Alex zog weiter")
    for start, end, cue in candidates(doc, texts, taken, lex):
        context = Context(doc, texts, start, end, cue, lex)
        if _storm_cue(context):
            storms.add(context.word)
        span = classify(context)
        prev = spans[-1] if spans else None
        if span is None and prev is not None and start > prev.end \
                and not any(lex.is_common(word) for word in texts[start:end]) \
                and (prev._.method in LIST_HEADS and all(between in LIST_JOINERS for between in texts[prev.end:start])
                     or prev._.method in PERSON_HEADS and start == prev.end + 1 and texts[prev.end] in LIST_WORDS):
            span = mention(doc, start, end, prev.label_, "list")  # "die Dörfer Hokkala, Kumpula und …"
        if span is not None:
            spans.append(span)
    return [span for span in spans if span.text not in storms] if storms else spans
