"""The closed-class German words every rule of the pipeline tests for, read once from
`data/german_words.tsv`.

Articles, pronouns, prepositions, family-name particles, auxiliaries, the source words of reported
speech ("laut", "zufolge") and the few inflection and derivational endings the rules look at are
closed classes: German grammar fixes their members, the news does not add to them. Several modules
need the same ones, so one file owns them all, one row per word and class (`word, class, note`; a
word with several uses has several rows), and every module takes its words from here instead of
keeping a copy inline. Change a word there, not in code.

The open-class vocabularies -- gazetteer, first names, word classes, role nouns, speech verbs,
class nouns before names -- are not here: they stay in their own data files, loaded by the
components that use them and saved with a pipeline. (The quote component's own function-word
classes, `data/quotes/words.tsv`, are part of its saved lexicon too.) The German stop words are
spaCy's list; modules take that from here as well (`STOP_WORDS`).

`words(cls)` is a class as a frozenset and raises `UnknownWordClass` for a class the file does
not have, so a typo cannot quietly give an empty set. `affixes(cls)` is a class of endings or
stems as a tuple, for `str.endswith`/`str.startswith`. `with_classes(pattern)` expands the
"@class" names in an entity pattern's IN/NOT_IN lists into their words.
"""
from __future__ import annotations

import re
from pathlib import Path

from spacy.lang.de.stop_words import STOP_WORDS as _SPACY_STOP_WORDS

from .lexicon import DATA_DIR, read_tsv

FILE = DATA_DIR / "german_words.tsv"


class UnknownWordClass(KeyError):
    """A word class that `german_words.tsv` does not have."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0])


def read_classes(path: Path = FILE) -> dict[str, frozenset[str]]:
    """class -> its words, from a `word<TAB>class<TAB>note` file."""
    classes: dict[str, set[str]] = {}
    for row in read_tsv(path):
        word, cls = row.get("word", ""), row.get("class", "")
        if not word or not cls or word.strip() != word or cls.strip() != cls:
            raise ValueError(f"{path.name}: a row needs a word and a class without blanks: {row}")
        classes.setdefault(cls, set()).add(word)
    return {cls: frozenset(members) for cls, members in classes.items()}


_CLASSES = read_classes()
CLASSES = frozenset(_CLASSES)


def words(cls: str) -> frozenset[str]:
    """The words of class `cls`; `UnknownWordClass` (a KeyError) if the file has no such class."""
    try:
        return _CLASSES[cls]
    except KeyError:
        raise UnknownWordClass(f"no German word class {cls!r} in {FILE.name}; "
                               f"the classes are: {', '.join(sorted(_CLASSES))}") from None


def affixes(cls: str) -> tuple[str, ...]:
    """A class of endings or stems as a tuple for `str.endswith`/`str.startswith`, longest first:
    a rule that strips the first ending that fits strips "en" before "n"."""
    return tuple(sorted(words(cls), key=lambda affix: (-len(affix), affix)))


def with_classes(pattern: list[dict]) -> list[dict]:
    """A token pattern with each "@class" in an IN or NOT_IN list replaced by the words of that class, so
    entity patterns name the German word lists they use instead of copying them:
    `{"LOWER": {"NOT_IN": ["@article", "laut"]}}`."""
    def expand(values):
        return sorted({word for value in values
                       for word in (words(value[1:]) if value.startswith("@") else (value,))})

    def spec_with_classes(spec):
        return {attr: {operator: expand(value) if operator in ("IN", "NOT_IN") and isinstance(value, list) else value
                       for operator, value in test.items()} if isinstance(test, dict) else test
                for attr, test in spec.items()}
    return [spec_with_classes(spec) for spec in pattern]


# -- articles
ARTICLES = words("article")  # der die das den dem des ein eine ...
INDEFINITE_ARTICLES = words("indefinite_article")
CAUSAL_CONJUNCTIONS = words("causal_conjunction")  # "…, weil die Abgeordneten keinen Antrag gestellt hätten"
COUNTERFACTUAL_ADVERBS = words("counterfactual_adverb")  # "weil sonst … sei": a hypothetical consequence
INFINITIVE_CONJUNCTIONS = words("infinitive_conjunction")  # "um … zu …", "ohne … zu …"
PARTITIVE_PRONOUNS = words("partitive_pronoun")  # "Einer der Ärzte"
GENITIVE_ARTICLES = words("genitive_article")  # des der eines einer
MASCULINE_GENITIVE_ARTICLES = words("masculine_genitive_article")  # des eines: the noun takes -s
DEFINITE_GENITIVE_ARTICLES = words("definite_genitive_article")  # "Präsident der Bundesärztekammer"
MASCULINE_NOMINATIVE_ARTICLES = words("masculine_nominative_article")  # "sagte der Belgier"
NOMINATIVE_ARTICLES = words("nominative_article")  # "Die Autorin schrieb …": a subject
FEMININE_OR_PLURAL_ARTICLES = words("feminine_or_plural_article")  # "die Britin", "die Briten"
DATIVE_FEMININE_ARTICLES = words("dative_feminine_article")  # "sagte der Zeitung"

# -- family-name particles
NAME_PARTICLES = words("name_particle")  # "von der Leyen", "van Gaal", "de Maizière"
OPENING_PARTICLES = words("opening_particle")  # open a name when capitalised: "Van Gaal", "Al Gore"
PARTICLE_ARTICLES = words("particle_article")  # "von der", "van den", "de la"
TOWN_ARTICLES = words("town_article")  # "in Le Mans", "nach Den Haag"
# written capitalised right before a person's name, the particle belongs to it ("Von der Leyen")
CAPITALISED_NAME_PARTICLES = frozenset(word.capitalize() for word in words("capitalised_name_particle"))
NOBILITY_TITLES = words("nobility_title")  # inside a name after its first name: "Friedrich Graf von Westphalen"

# -- pronouns
SUBJECT_PRONOUNS = words("subject_pronoun")
NOMINATIVE_ONLY_PRONOUNS = words("nominative_only_pronoun")  # "er", "wir": never an object
KONJUNKTIV_SUBJECTS = words("konjunktiv_subject")  # "er gehe", "gebe es", "handele sich"
FIRST_PERSON_SINGULAR_PRONOUNS = words("first_person_singular_pronoun")  # "ich bestehe" is indicative
FIRST_PERSON_KONJUNKTIV = words("first_person_konjunktiv")  # "ich sei", "ich könne"; not "ich habe"
FEMININE_OR_PLURAL_PRONOUNS = words("feminine_or_plural_pronoun")  # "sie sagte" / "sie sagten"
COLLECTIVE_SUBJECT_PRONOUNS = words("collective_subject_pronoun")  # "will man …": no one named
INDEFINITE_SUBJECT_PRONOUNS = words("indefinite_subject_pronoun")  # "man betont": the body named in the context
DEMONSTRATIVE_PRONOUNS = words("demonstrative_pronoun")  # "so schrieb diese in …"
ANAPHORIC_DEMONSTRATIVES = words("anaphoric_demonstrative")  # "Das teilte X mit."

# -- conjunctions
CLAUSE_CONJUNCTIONS = words("clause_conjunction")  # "…, sagte Richter und …"
LIST_JOINERS = words("list_joiner")  # "die Dörfer A, B und C"
SUBJECT_OPENERS = words("subject_opener")  # "…, dass Kolbritz so Zeit gewinnt", "distanzierte sich Kolbritz"
NAME_LINKS = words("name_link")  # "Bewegung für Demokratischen Wandel"

# -- prepositions and particles
LOCATIVE_PREPOSITIONS = words("locative_preposition")  # "in Bracht"
ARTICLE_PREPOSITIONS = words("article_preposition")  # a preposition fused with its article: "am", "zum"
SOURCE_PREPOSITIONS = words("source_preposition")  # "laut X", "gemäß X"
SOURCE_NOUN_PREPOSITIONS = words("source_noun_preposition")  # "nach Angaben X"
SOURCE_POSTPOSITIONS = words("source_postposition")  # "X zufolge"
SOURCE_COMMA_ADVERBS = words("source_comma_adverb")  # "…, so X"
SOURCE_ADVERBS = words("source_adverb")  # "demnach"
# every word that opens a source phrase
SOURCE_RELATIVES = words("source_relative")  # "Berichte, wonach …"
SOURCE_WORDS = (SOURCE_PREPOSITIONS | SOURCE_NOUN_PREPOSITIONS | SOURCE_POSTPOSITIONS | SOURCE_COMMA_ADVERBS
                | SOURCE_ADVERBS | SOURCE_RELATIVES)
SOURCE_COMPLEMENT_PREPOSITIONS = words("source_complement_preposition")  # "nach Angaben von X"
GENITIVE_PREPOSITIONS = words("genitive_preposition")  # "Angaben von X zufolge"
PASSIVE_AGENT_PREPOSITIONS = words("passive_agent_preposition")  # "von X wurde mitgeteilt"
ORIGIN_PREPOSITIONS = words("origin_preposition")  # "aus Regierungskreisen verlautete"
IMPERSONAL_SOURCE_PREPOSITIONS = words("impersonal_source_preposition")  # "hieß es in der Erklärung"
TOPIC_PREPOSITIONS = words("topic_preposition")  # "sprach von einem „Erfolg“": the quotation is the claim
INFINITIVE_PARTICLES = words("infinitive_particle")  # "zu erweitern", "anzukündigen"

# -- auxiliaries, modals and verbs
PERFECT_AUXILIARIES = words("perfect_auxiliary")  # "…, der … betont hat"
SEIN_PERFECT_AUXILIARIES = words("sein_perfect_auxiliary")  # "nachdem bekannt geworden war"
TENSE_AUXILIARIES = PERFECT_AUXILIARIES | SEIN_PERFECT_AUXILIARIES  # finite before a participle: "hatte X gesagt"
PASSIVE_AUXILIARIES = words("passive_auxiliary")  # "Ihm wird vorgeworfen"
PASSIVE_PARTICIPLES = words("passive_participle")  # "worden"
REPORTIVE_MODALS = words("reportive_modal")  # "Er soll das Geld genommen haben"
PERFECT_INFINITIVE_AUXILIARIES = words("perfect_infinitive_auxiliary")  # "… genommen haben"
NEGATIONS = words("negation")  # "wollte nicht bestätigen, dass …": no statement made
MODAL_VERBS = words("modal_verb")  # "Das Unternehmen wollte mehr verlangen": an infinitive cue under a modal
QUOTED_SUBJECT_VERBS = words("quoted_subject_verb")  # lemmas: "Der Trainer wurde später mit den Worten zitiert"
ORDINAL_FOLLOWERS = words("ordinal_follower")  # stop words that may follow an ordinal: "am 1. Tag"

# -- stems and endings (tuples for str.startswith/str.endswith)
NAMING_ADJECTIVE_STEMS = affixes("naming_adjective_stem")  # "sogenannte", "sogenannten"
LANDFORM_ADJECTIVE_STEMS = affixes("landform_adjective_stem")  # "der Große Feldberg", "den Hohen Kopf"
ADJECTIVE_ENDINGS = affixes("adjective_ending")
NOUN_INFLECTION_ENDINGS = affixes("noun_inflection_ending")  # "Erklärungen" -> "Erklärung"
DERIVATIONAL_NOUN_ENDINGS = affixes("derivational_noun_ending")  # "Vernetzung", "Freiheit": a noun, no name
NON_KONJUNKTIV_ENDINGS = affixes("non_konjunktiv_ending")  # "sie", "Idee", "sagte", "wurde", "zeitweise"
ADJECTIVE_SUFFIX_FORMS = affixes("adjective_suffix_form")  # "diesjährige": no Konjunktiv unless a verb form
PLURAL_VERB_ENDINGS = affixes("plural_verb_ending")  # "sie sagten": a plural subject
NON_GENITIVE_S_ENDINGS = affixes("non_genitive_s_ending")  # "Kompass", "Virus", "Paris"
ZERO_PLURAL_NOUN_ENDINGS = affixes("zero_plural_noun_ending")  # "Flyer": its -s form "Flyers" is no plural
NATIONALITY_ENDINGS = words("nationality_ending")  # after a stem: "Brite", "Belgier", "Russin"
INSEPARABLE_PREFIXES = affixes("inseparable_prefix")  # "erklären" -> "erklärt"
NO_GE_PARTICIPLE_ENDINGS = affixes("no_ge_participle_ending")  # "kritisieren" -> "kritisiert"

# -- spaCy's German stop-word list (maintained there, not copied here)
STOP_WORDS = frozenset(_SPACY_STOP_WORDS)


# a weak verb's stem that takes an -e- before its endings (morphology as a regex): after t/d and after a
# consonant + m/n ("berichtete", "rechnete", "atmet"), not after a vowel, l, r or h ("warnte", "lehnte")
LINKING_E_STEM = re.compile(r"(?:[td]|chn|[^aeiouäöüylrmnh][mn])\Z")


# the past tense of a weak verb in lower case ("sagte", "führten"); a ge- form in -ten matches too and may be
# a strong participle ("gebeten")
WEAK_PAST_FORM = re.compile(r"[a-zäöüß]{3,}ten?\Z")


def weak_verb_forms(lemma: str, particle: str = "") -> list[str]:
    """The finite forms and participle of a regular (weak) verb that a quote cue takes:
    "quengeln" -> quengelte, quengelten, quengelt, quengeln, gequengelt; "berichten" -> berichtete, …;
    a separable `particle` also joined to them, as a verb-final clause writes them, with its
    participle and zu-infinitive ("anmerken" -> merkte, …, anmerkte, …, angemerkt, anzumerken).
    Irregular verbs need their forms given (the `forms` column of a lexicon)."""
    base = lemma[len(particle):] if particle and lemma.startswith(particle) else lemma
    stem = base[:-2] if base.endswith("en") else base[:-1]
    linking = "e" if LINKING_E_STEM.search(stem) else ""
    no_ge = base.endswith(NO_GE_PARTICIPLE_ENDINGS) or base.startswith(INSEPARABLE_PREFIXES)
    participle = f"{stem}{linking}t" if no_ge else f"ge{stem}{linking}t"
    finite = [f"{stem}{linking}te", f"{stem}{linking}ten", f"{stem}{linking}t", base]
    if not particle or base == lemma:
        return list(dict.fromkeys(finite + [participle]))
    return list(dict.fromkeys(finite + [particle + form for form in finite]
                              + [particle + participle, f"{particle}zu{base}"]))
