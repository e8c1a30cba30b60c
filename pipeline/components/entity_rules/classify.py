"""The decision list that types a run of name-like words: an ordered table of named rules, tried in
order, the first that applies wins. A rule's name is the `method` its mention gets in the mentions
table; a rule marked "no mention" ends the list without one.

    rule           label    applies to the run when
    no_name        -        no word of it looks like a name: no mention
    too_long       -        it has more than six words: no mention
    name_word      LOC/ORG  a word inside it types it ("Hudson River"), or a place prefix opens it ("St. Moritz")
    work_title     -        an English word of a title is in it or is it ("Take On Me", "The"): songs, books and films are no mention
    storm          -        a storm's class noun is before it ("Hurrikan Alex", "Orkan Kyrill"): no mention
    cue            any      a class noun or role before it gives the label ("Gemeinde Akkala", "Minister Wadephul")
    party          PER      a party in brackets follows ("Wadephul (CDU)")
    title          PER      a title of the name opens it ("Sir Walter Kettleby"), with a first name before it
    first_name     PER      two or more words that open with a first name ("Jean-Noël Barrot", "Paula Stein") or two with an initial ("W. Fesenko")
    name_pair      PER      two or more words, no common noun, ending in a surname
    apposition     PER      a name before a comma, after a role ("Die Chefin der X, Doris König,") or before one ("Jo Papier, Chef der X,")
    numbered       -        a Roman number follows a name without a first name ("Hartz IV", "Basel III"): no mention
    several_names  -        more than one name-like word and no rule above took it: no mention
    place_tail     LOC      one word with a place-name ending ("Knoopstraße", "Helmarshausen"), or a landform's after an article ("den Kemmelberg", "der Große Feldberg")
    speech         PER      one word between a speech verb and the end of the clause ("…, sagte Richter.")
    place_compound LOC      a town and its district joined by a hyphen ("Bremen-Vegesack", "Berlin-Mitte")
    common_noun    -        it opens with a common noun: no mention
    particle       PER      a family-name particle opens it at a sentence start or after a speech verb ("Von der Leyen sagte")
    surname        PER      a surname, not after an article ("der Preis") or as a place after "in" ("in Bracht")
    speech         PER      right after a speech verb ("sagte Schönberg"): the verb outweighs a place-like word class
    word_class     LOC/ORG  a place or organisation word class, not at a sentence start
    ambiguous      -        a common noun that is also a name ("Stein", "Wolf"): no mention
    first_name     PER      a first name that the word classes list as a first name or surname
    speech         PER      a speech verb follows, not at a sentence start
    verb           PER      one unknown word as the subject of a finite verb ("Zuvor musste Kolbritz", "dass Kolbritz so")
    genitive       PER      a name in the Saxon genitive before a common noun ("Zabels Entscheidung")
    preposition    LOC      after a place preposition ("in Pflückuff") or compass adverb ("südlich (von) Modrava"); after "bei" only a place's ending ("bei Edenbach")

When no rule applies, a run right after a mention found by `cue`, `list`, `preposition` or
`place_tail`, with only list joiners between them, takes its label with method `list` ("die Dörfer
Hokkala, Kumpula und Akkala"); so does a run right after "und"/"oder" after a person's full name
(`first_name`, `name_pair`, `title`: "Paula Brandt und Vendoszek").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import takewhile
from typing import Callable, NamedTuple

from spacy.tokens import Doc, Span

from ...german import (ADJECTIVE_ENDINGS, ARTICLE_PREPOSITIONS, ARTICLES, DEFINITE_GENITIVE_ARTICLES, GENITIVE_PREPOSITIONS,
                       INDEFINITE_ARTICLES, LANDFORM_ADJECTIVE_STEMS, LIST_JOINERS as LIST_WORDS, LOCATIVE_PREPOSITIONS, NAME_PARTICLES, STOP_WORDS,
                       SUBJECT_OPENERS, SUBJECT_PRONOUNS, WEAK_PAST_FORM)
from ...names import strip_genitive
from .lexicons import ADJECTIVE_SHAPE, Lexicons
from .runs import CLAUSE_ENDS, INITIAL, ROMAN, ROMAN_ORDINAL, candidates, particles_before, speaker_slot
from .spans import mention, sentence_initial

LIST_JOINERS = frozenset({","}) | LIST_WORDS  # "die Dörfer A, B und C"
PERSON_HEADS = frozenset({"first_name", "name_pair", "title"})  # a person's full name before "und" ("Jo Brandt und Kessler")
LIST_HEADS = frozenset({"cue", "list", "preposition", "place_tail"})  # methods whose label carries over a list
CLASS_LABELS = {"PLACE": "LOC", "ORG": "ORG"}  # word classes that name places and organisations
SUBJECTS = ARTICLES | SUBJECT_PRONOUNS
DEFINITE_ARTICLES = (ARTICLES - INDEFINITE_ARTICLES) | ARTICLE_PREPOSITIONS
NOUN_SUFFIX = re.compile(r"(?:ung|ungen|heit|keit|schaft|tion|ismus|tät)\Z")  # derivational noun suffixes


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
        return [w for w in self.words if self.lex.name_like(w)]

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
        return [self.lex.is_common(w) for w in self.words]

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

def _no_name(c: Context) -> bool:
    return not c.names


def _too_long(c: Context) -> bool:
    return len(c.words) > 6


def _word_inside(c: Context) -> str | None:
    if len(c.words) < 2:
        return None
    inside = [c.lex.inside.get(w) for w in c.words]
    if inside[-1] or c.first in c.lex.prefixes:
        return inside[-1] or "LOC"
    for label in ("ORG", "LOC"):
        if label in inside and c.first not in c.lex.first_names:
            return label
    return None


def _work_title(c: Context) -> bool:
    return any(w in c.lex.work_words for w in c.words)


def _storm_cue(c: Context) -> bool:
    return c.lex.cue_label(c.cue) == "OTH"


def _cue_before(c: Context) -> str | None:
    lex = c.lex
    label = lex.cue_label(c.cue)
    if label is None and c.before in DEFINITE_GENITIVE_ARTICLES and c.start > 1 \
            and lex.is_role(c.texts[c.start - 2]) and not lex.is_name(c.first) and c.first not in lex.ambiguous \
            and c.word_class(c.first) in (None, "ORG"):
        label = "ORG"  # "Präsident der Bundesärztekammer": the organisation the person heads
    # a person's name opens with no place or organisation ("Regisseur Hayao Miyazaki" may end in a town's name)
    # a place or organisation may end in a word that only ends like a noun ("die Rockband Fold Zandura"), or in a
    # noun after a capitalised adjective that opens it ("die Künstlervereinigung Hamburgische Sezession")
    named = not c.commons[-1] or label != "PER" and (lex.guessed_common(c.words[-1]) or _opens_with_adjective(c))
    if label and named and (label != "PER" or (
            lex.is_name(c.first) or c.word_class(c.first) not in ("PLACE", "ORG"))
            and not any(w in lex.work_words for w in c.words)):  # "Star Wars": a title, not the star
        return label
    return None


def _opens_with_adjective(c: Context) -> bool:
    """An inflected adjective, capitalised inside a sentence, opens a name of several words
    ("Hamburgische Sezession")."""
    return len(c.words) >= 2 and not c.initial and c.lex.is_name_adjective(c.first)


APPOSITION_WORDS = 4  # a name between commas has at most this many words
APPOSITION_REACH = 8  # the role of "Die Präsidentin des Obersten Gerichts, Name," stands at most this far back


def _apposition_end(c: Context) -> int | None:
    """The comma or bracket that closes a name of two or more words, if the words up to it are all
    name-like (a role word among them too: "Doris König")."""
    if not c.lex.name_like(c.first):
        return None
    end = c.start
    while end < len(c.texts) and end - c.start < APPOSITION_WORDS and c.lex.name_like(c.texts[end]):
        end += 1
    return end if end < len(c.texts) and c.texts[end] in (",", "(") and end - c.start >= 2 else None


def _apposition(c: Context) -> str | None:
    end = _apposition_end(c)
    if end is None or c.lex.is_common(c.texts[end - 1]) and not c.lex.is_role(c.texts[end - 1]):
        return None
    after_role = c.before == "," and _role_before_comma(c)
    return "PER" if after_role or (c.before == "," or c.initial) and _role_after(c, end) else None


def _role_before_comma(c: Context) -> bool:
    """"Die Präsidentin des Bundesverfassungsgerichts, …": an article and a role open the phrase before the comma."""
    lex, texts = c.lex, c.texts
    for k in range(c.start - 2, max(c.start - 2 - APPOSITION_REACH, -1), -1):
        if texts[k] in CLAUSE_ENDS:
            return False
        if lex.is_role(texts[k]):
            return k == 0 or texts[k - 1].lower() in ARTICLES or sentence_initial(c.doc, k)
    return False


def _role_after(c: Context, end: int) -> bool:
    """"Hans-Jürgen Papier, Präsident des Bundesverfassungsgerichts, sagte": a role follows the comma."""
    texts, role = c.texts, end + 1
    if role < len(texts) and texts[role].lower() in ARTICLES:
        role += 1
    # the role heads a complement ("Präsident des …", "Chef von …"): not "…, General Dynamics"
    complement = texts[role + 1].lower() if role + 1 < len(texts) else ""
    return texts[end] == "," and role < len(texts) and c.lex.is_role(texts[role]) \
        and (complement in ARTICLES or complement in GENITIVE_PREPOSITIONS or complement == ",")


def _party_after(c: Context) -> str | None:
    texts, end = c.texts, c.end
    party = end + 2 < len(texts) and c.after == "(" and texts[end + 2] == ")" and c.word_class(texts[end + 1]) == "ORG"
    return "PER" if party and not c.commons[-1] else None


def _opens_with_title(c: Context) -> str | None:
    return "PER" if c.first in c.lex.titles and len(c.words) >= 2 else None


def _first_name_before_title(c: Context) -> int:
    """"Karl-Theodor Freiherr von und zu …": the first name before the title is part of the name."""
    return c.start - 1 if c.before in c.lex.first_names and not c.lex.is_common(c.before) else c.start


def _opens_with_first_name(c: Context) -> str | None:
    words, lex = c.words, c.lex
    if len(words) == 2 and INITIAL.match(c.first) and not c.commons[-1]:
        return "PER"  # an initial for the first name: "W. Fesenko"
    # a common noun ends a name after a particle or two first names ("Joseph Victor von Scheffel")
    named_last = len(words) >= 3 and (words[-2] in NAME_PARTICLES or words[-2] in lex.first_names)
    if len(words) >= 2 and all(p in lex.first_names or lex.word_class.get(p) == "FIRSTNAME" for p in c.first.split("-")) \
            and (not c.commons[-1] or named_last or len(words) == 2 and not lex.is_common(c.first)):
        return "PER"
    return None


def _ends_with_surname(c: Context) -> str | None:
    if len(c.words) >= 2 and not any(c.commons) and c.word_class(c.last) == "SURNAME" and not c.initial \
            and (c.last not in c.lex.ambiguous or c.first in c.lex.first_names):
        return "PER"
    return None


def _numbered(c: Context) -> bool:
    """A Roman number after a name that opens with no first name numbers a reform, treaty or sequel ("Hartz IV",
    "Basel III"); a ruler's regnal number follows a first name ("Ludwig XIV.", "Benedikt XVI.")."""
    numbered = ROMAN_ORDINAL.match(c.words[-1]) or len(c.after) > 1 and ROMAN.match(c.after)
    return bool(numbered) and c.first not in c.lex.first_names


def _several_names(c: Context) -> bool:
    return len(c.names) > 1


def _place_ending(c: Context) -> str | None:
    word, lex = c.word, c.lex
    if len(c.words) != 1 or c.initial:
        return None
    if word.endswith(lex.place_tails) and not _generic_place(word, lex) and c.word_class(word) != "SURNAME":
        return "LOC"
    # a person's name takes no definite article: "den Kemmelberg", "dem Rierkogel", "am Friedrichsborn" (not "einen Glasberg");
    # nor an adjective of size or position between article and name, which may then be a family name ("den Großen Feldberg")
    if word.endswith(lex.landform_tails) and word not in lex.common_nouns and word not in lex.ambiguous \
            and (c.before.lower() in DEFINITE_ARTICLES and not lex.is_name(word) or _landform_adjective_before(c)):
        return "LOC"
    return None


def _landform_adjective_before(c: Context) -> bool:
    """"der Große Schaftberg", "am Hohen Kopf": a definite article and a capitalised adjective of size or position
    ("Große", "Kleinen", "Oberer") before the name; the adjective is part of it."""
    adjective = c.before.lower()
    return c.start > 1 and c.texts[c.start - 2].lower() in DEFINITE_ARTICLES and c.before[:1].isupper() \
        and any(adjective.startswith(stem) and adjective[len(stem):] in ADJECTIVE_ENDINGS for stem in LANDFORM_ADJECTIVE_STEMS)


def _landform_start(c: Context) -> int:
    return c.start - 1 if _landform_adjective_before(c) else c.start


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


def _in_speaker_slot(c: Context) -> str | None:
    # a noun there would need an article
    if len(c.words) == 1 and speaker_slot(c.texts, c.start, c.lex) and c.word not in c.lex.non_entities \
            and not c.lex.is_role(c.word):
        return "PER"
    return None


def _place_compound(c: Context) -> str | None:
    return "LOC" if len(c.words) == 1 and c.lex.is_place_compound(c.word) else None


def _opens_with_common_noun(c: Context) -> bool:
    return c.commons[0]


def _opened_by_particle(c: Context) -> str | None:
    opener = particles_before(c.doc, c.texts, c.start, c.lex)  # not "von der Sonne"
    # capitalised at a sentence start, or right after a speech verb ("erklärt van der Vaart")
    opens = c.texts[opener][:1].isupper() or opener > 0 and c.lex.cue_words.get(c.texts[opener - 1]) == "PER"
    if opener < c.start and opens and len(c.words) == 1 and not NOUN_SUFFIX.search(c.word) \
            and c.word_class(c.word) in (None, "SURNAME", "FIRSTNAME") and c.word not in c.lex.ambiguous:
        return "PER"
    return None


def _surname(c: Context) -> str | None:
    if (c.word_class(c.word) == "SURNAME" or c.word_class(c.first) == "SURNAME") \
            and c.before.lower() not in ARTICLES and not c.in_place and not _after_attribute(c):
        return "PER"
    return None


def _after_attribute(c: Context) -> bool:
    """An article and an inflected adjective before it make it a noun: "der rechten Wade", "Den zweiten Preis"."""
    i = c.start
    return i > 1 and c.texts[i - 2].lower() in ARTICLES and c.before[:1].islower() and c.before.endswith(ADJECTIVE_ENDINGS)


def _after_speech_verb(c: Context) -> str | None:
    return "PER" if c.lex.cue_words.get(c.before) == "PER" and c.word not in c.lex.ambiguous else None


def _place_or_org_class(c: Context) -> str | None:
    label = CLASS_LABELS.get(c.word_class(c.first))
    # at a sentence start only a place that is no capitalised lower-case word ("Pfaffenhofen (PK) …"), and not
    # as the subject of a finite verb, which a person's name is as often ("Kageneck wurde …")
    at_start_ok = label == "LOC" and c.first.lower() not in c.lex.lower_words \
        and c.after not in c.lex.verbs and c.after not in c.lex.verb_forms
    return label if label and (not c.initial or at_start_ok) else None


def _ambiguous(c: Context) -> bool:
    return c.word in c.lex.ambiguous


def _first_name(c: Context) -> str | None:
    return "PER" if c.word in c.lex.first_names and c.word_class(c.word) in ("FIRSTNAME", "SURNAME") else None


def _before_speech_verb(c: Context) -> str | None:
    # (after a speech verb the second `speech` rule has decided: a name, or `ambiguous`)
    return "PER" if c.lex.cue_words.get(c.after) == "PER" and not c.initial else None


def _subject_of_verb(c: Context) -> str | None:
    """A bare unknown word as the subject of a finite auxiliary or speech verb: "Zuvor musste Kolbritz
    aber ...", "Wendoszek wurde ...", "Wendoszek meinte ..."; a noun there would need an article. At a
    sentence start the word must not be a capitalised adverb ("Zuvor", "Insgesamt") or adjective."""
    lex, word, texts, i = c.lex, c.word, c.texts, c.start
    lower = word.lower()
    if len(c.words) != 1 or not word.replace("-", "").isalpha() or word.endswith("-") or lower in lex.lower_words \
            or ADJECTIVE_SHAPE.match(lower):
        return None
    if c.initial:  # the subject is not further on: "Außerdem will sich die Partei", "Damit hatte er"
        clause_rest = takewhile(lambda w: w not in CLAUSE_ENDS, texts[i + 2:i + 4])
        # (a known first name or surname is no adverb: "Lucy gefällt die Idee")
        subject_later = any(w.lower() in SUBJECTS for w in clause_rest) and not lex.is_name(word)
        found = (c.after in lex.verbs or c.after in lex.verb_forms or lex.cue_words.get(c.after) == "PER") \
            and not subject_later
    else:
        # "Zuvor musste Kolbritz aber …", "… führte Bährens eine Praxis", "1990 ging Marusha erstmals …": an
        # auxiliary or another finite verb right before it (not an adjective after an article: "die letzte Bastion")
        before = texts[i - 1] if i > 0 else ""
        verb_before = before in lex.verbs or (WEAK_PAST_FORM.match(before) and before not in STOP_WORDS
                                              or before in lex.verb_forms) \
            and (i < 2 or texts[i - 2].lower() not in ARTICLES) and _short_name_shape(word)
        # "Doch Bermúdez wurde …", "Auch Geillis hat …": a function word opens the sentence, an auxiliary follows
        opened = before.lower() in STOP_WORDS and before.lower() not in ARTICLES and lex.cue_words.get(before.lower()) != "LOC" \
            and i > 0 and sentence_initial(c.doc, i - 1) and c.after in lex.verbs and _short_name_shape(word)
        # "…, dass Kolbritz so Zeit gewinnt", "distanzierte sich Kolbritz von …": a conjunction or reflexive before it
        after_opener = before.lower() in SUBJECT_OPENERS and c.after[:1].islower() and _short_name_shape(word)
        found = verb_before and c.after[:1].islower() or opened or after_opener
    return "PER" if found else None


def _short_name_shape(word: str) -> bool:
    """Shaped like a name rather than a German noun unknown to the dictionary: short, no hyphen, no
    derivational noun suffix ("Pauli", "Goslin"; not "Vernetzung", "Truppentransporter")."""
    return len(word) <= 10 and "-" not in word and not NOUN_SUFFIX.search(word)


def _saxon_genitive(c: Context) -> str | None:
    # not an adjective at a sentence start ("Vergangenes Jahr", "Verwaltetes Vermögen")
    if c.first.endswith("s") and c.word != c.first and c.lex.is_common(c.after) and c.before.lower() not in ARTICLES \
            and not c.lex.adjective_form(c.first.lower()):
        return "PER"
    return None


def _after_place_preposition(c: Context) -> str | None:
    word = c.word
    # capitalised only at a sentence start ("In Garze traf es …"; not "Forever In Love")
    preposition = c.before.lower() if c.start > 0 and sentence_initial(c.doc, c.start - 1) else c.before
    if preposition in GENITIVE_PREPOSITIONS and c.start > 1:
        preposition = c.texts[c.start - 2]  # a compass adverb with "von": "südlich von Modrava"
        preposition = preposition.lower() if sentence_initial(c.doc, c.start - 2) else preposition
    # "bei Sauber", "bei Homer" is where one works or reads as often as a place: only "bei Edenbach" is one
    shaped = preposition not in c.lex.shaped_place_prepositions or word.endswith(c.lex.place_tails + c.lex.landform_tails)
    if c.lex.cue_words.get(preposition) == "LOC" and (c.word_class(c.first) is None or c.in_place) and not c.initial \
            and word.isalpha() and word[1:].islower() and shaped:
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
    Rule("first_name", _opens_with_first_name),
    Rule("name_pair", _ends_with_surname),
    Rule("apposition", _apposition, end=_apposition_end),
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


def classify(c: Context) -> Span | None:
    """The mention of the first rule that applies; None when that rule rejects the run or none applies."""
    for rule in RULES:
        label = rule.test(c)
        if label:
            if rule.reject:
                return None
            start, end = rule.start(c) if rule.start else c.start, rule.end(c) if rule.end else c.end
            return mention(c.doc, start, end, label, rule.name)
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
        if span is None and prev is not None and start > prev.end and not any(lex.is_common(w) for w in texts[start:end]) \
                and (prev._.method in LIST_HEADS and all(w in LIST_JOINERS for w in texts[prev.end:start])
                     or prev._.method in PERSON_HEADS and start == prev.end + 1 and texts[prev.end] in LIST_WORDS):
            span = mention(doc, start, end, prev.label_, "list")  # "die Dörfer Hokkala, Kumpula und …"
        if span is not None:
            spans.append(span)
    return [span for span in spans if span.text not in storms] if storms else spans
