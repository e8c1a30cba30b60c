"""The closed-class German words (pipeline/german.py, data/german_words.tsv), and the rule that no
module keeps German words inline."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from pipeline import german

PACKAGE = Path(german.__file__).resolve().parent
# the words of the lexicon (not its endings and stems, which are parts of words)
WORDS = frozenset().union(*(german.words(c) for c in german.CLASSES if not c.endswith(("_ending", "_stem"))))


@pytest.mark.parametrize("word, cls", [
    ("der", "article"),
    ("eines", "article"),
    ("eines", "indefinite_article"),
    ("des", "genitive_article"),
    ("einer", "genitive_article"),
    ("des", "masculine_genitive_article"),
    ("des", "definite_genitive_article"),
    ("die", "feminine_or_plural_article"),
    ("von", "name_particle"),
    ("zu", "name_particle"),
    ("ibn", "name_particle"),
    ("van", "opening_particle"),
    ("la", "particle_article"),
    ("er", "subject_pronoun"),
    ("man", "subject_pronoun"),
    ("sich", "konjunktiv_subject"),
    ("sowie", "list_joiner"),
    ("laut", "source_preposition"),
    ("zufolge", "source_postposition"),
    ("seitens", "passive_agent_preposition"),
    ("worden", "passive_auxiliary"),
    ("sollen", "reportive_modal"),
    ("zitieren", "quoted_subject_verb"),
    ("ierin", "nationality_ending"),
    ("em", "adjective_ending"),
])
def test_word_has_class(word, cls):
    assert word in german.words(cls)


@pytest.mark.parametrize("word, cls", [
    ("Haus", "article"),
    ("Der", "article"),  # the rules compare lower-case forms
    ("dieser", "article"),  # a demonstrative, no article
    ("die", "genitive_article"),
    ("der", "masculine_genitive_article"),  # "der Koalition": a feminine noun takes no -s
    ("von", "opening_particle"),  # "Von Scholz kam keine Antwort" is a preposition
    ("zu", "opening_particle"),
    ("die", "particle_article"),
    ("ich", "konjunktiv_subject"),  # "ich bestehe" is indicative
    ("und", "source_preposition"),
    ("sagte", "passive_auxiliary"),
])
def test_word_lacks_class(word, cls):
    assert word not in german.words(cls)


def test_classes_nest_as_german_grammar_says():
    assert german.INDEFINITE_ARTICLES < german.ARTICLES
    assert german.GENITIVE_ARTICLES < german.ARTICLES
    assert german.MASCULINE_GENITIVE_ARTICLES < german.GENITIVE_ARTICLES
    assert german.DEFINITE_GENITIVE_ARTICLES < german.GENITIVE_ARTICLES
    assert german.OPENING_PARTICLES < german.NAME_PARTICLES
    assert german.PARTICLE_ARTICLES < german.NAME_PARTICLES
    assert german.CAPITALISED_NAME_PARTICLES == {"Von", "Van", "De", "Zu"}
    assert german.SOURCE_WORDS == {"laut", "gemäß", "nach", "zufolge", "so", "demnach", "wonach"}


def test_unknown_class_raises():
    with pytest.raises(KeyError, match="articel"):
        german.words("articel")
    with pytest.raises(german.UnknownWordClass, match="the classes are: .*article"):
        german.affixes("no_such_ending")


def test_affixes_are_longest_first():
    assert german.NOUN_INFLECTION_ENDINGS[0] == "en"  # "Erklärungen" loses "en", not "n"
    endings = german.affixes("nationality_ending")
    lengths = [len(ending) for ending in endings]
    assert lengths == sorted(lengths, reverse=True) and set(endings) == german.NATIONALITY_ENDINGS


def test_data_file_rows():
    lines = german.FILE.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "word\tclass\tnote"
    seen = set()
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        assert 2 <= len(cells) <= 3, f"line {number}: {line!r}"
        word, cls = cells[:2]
        assert word and word == word.strip() and word == word.lower(), f"line {number}: {word!r}"
        assert cls and cls.replace("_", "").isalpha() and cls.islower(), f"line {number}: {cls!r}"
        assert (word, cls) not in seen, f"line {number}: {word} {cls} listed twice"
        seen.add((word, cls))


def test_every_class_is_named_in_german_py():
    source = Path(german.__file__).read_text(encoding="utf-8")
    unused = sorted(c for c in german.CLASSES if f'"{c}"' not in source)
    assert not unused, f"classes in {german.FILE.name} that pipeline/german.py never names: {unused}"


def test_bad_row_is_an_error(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("word\tclass\tnote\nder\tarticle\n\tarticle\n", encoding="utf-8")
    with pytest.raises(ValueError, match="a row needs a word and a class"):
        german.read_classes(path)


# Our own English labels: kinds of noun phrases and cues, quote types, methods, table columns. Word
# lists of ours, never German; a literal is left alone only when ALL its words are labels like these.
# (Punctuation needs no entry: only alphabetic lower-case strings count as words.)
TECHNICAL_LABELS = frozenset({
    "added", "removed", "changed", "change", "table", "name", "label", "type", "speaker", "cue", "quote",
    "canonical", "method", "list", "preposition",  # compare.py, extensions.py, entity_rules/classify.py
    "gazetteer", "pattern", "acronym", "verb",  # methods of entity mentions (entity_rules/merge.py)
    "speech", "reported", "judge", "intent",  # verb kinds (data/quotes/speech_verbs.tsv)
    "entity", "role", "person", "pronoun",  # noun-phrase kinds (quoting/phrases.py)
    "direct", "indirect",  # quote types
    "keep", "ignore", "prefer",  # --model-ents
    "extract", "load", "speakers",  # the public API (pipeline/__init__.py)
    "org", "party", "gender",  # profile columns (quoting/profiles.py, compare.py)
    "severity", "error", "article", "source", "message", "total", "articles",  # report columns
    "entities", "mentions", "quotes", "aliases",  # table and column names (schema.py: corpus.py, compare.py)
})
# Comparisons with one German word that are labels, not word tests: (module, word) -> why.
LABEL_COMPARISONS = {
    ("language.py", "de"): "spaCy's language code",
}


def _modules():
    return sorted(PACKAGE.rglob("*.py"))


def _lower_words(node: ast.AST) -> list[str]:
    return [e.value for e in getattr(node, "elts", ()) if isinstance(e, ast.Constant) and isinstance(e.value, str)
            and e.value.isalpha() and e.value.islower()]


def test_labels_are_no_german_words():
    assert not TECHNICAL_LABELS & WORDS


def test_no_inline_german_word_lists():
    """No set, frozenset, tuple or list literal of three or more lower-case words in the package,
    unless all of them are our technical labels: German words belong in data/german_words.tsv."""
    found = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
                words = _lower_words(node)
                if len(words) >= 3 and not set(words) <= TECHNICAL_LABELS:
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {words}")
    assert not found, "German words inline (move them to pipeline/data/german_words.tsv):\n" + "\n".join(found)


def test_no_inline_german_word_comparisons():
    """No `x == "laut"` or `x in ("der", "des")` with a word of the lexicon: use its class from pipeline.german."""
    found = []
    for path in _modules():
        module = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Compare):
                continue
            for side in (node.left, *node.comparators):
                constants = [side] if isinstance(side, ast.Constant) else getattr(side, "elts", [])
                for c in constants:
                    if isinstance(c, ast.Constant) and c.value in WORDS and (module, c.value) not in LABEL_COMPARISONS:
                        found.append(f"{module}:{node.lineno}: {c.value!r}")
    assert not found, "German words compared inline (take them from pipeline.german):\n" + "\n".join(found)


@pytest.mark.parametrize("lemma, particle, forms", [
    ("quengeln", "", ["quengelte", "quengelten", "quengelt", "quengeln", "gequengelt"]),
    ("berichten", "", ["berichtete", "berichteten", "berichtet", "berichten"]),  # -e- after t, no ge- after be-
    ("rechnen", "", ["rechnete", "rechneten", "rechnet", "rechnen", "gerechnet"]),  # -e- after a consonant + n
    ("warnen", "", ["warnte", "warnten", "warnt", "warnen", "gewarnt"]),  # but not after r + n
    ("kritisieren", "", ["kritisierte", "kritisierten", "kritisiert", "kritisieren"]),
    ("anmerken", "an", ["merkte", "merkten", "merkt", "merken", "anmerkte", "anmerkten", "anmerkt", "anmerken",
                        "angemerkt", "anzumerken"]),
])
def test_weak_verb_forms(lemma, particle, forms):
    assert german.weak_verb_forms(lemma, particle) == forms


@pytest.mark.parametrize("spec, expected", [
    ({"LOWER": {"NOT_IN": ["@indefinite_article"]}}, {"LOWER": {"NOT_IN": sorted(german.words("indefinite_article"))}}),
    ({"LOWER": {"IN": ["@indefinite_article", "laut"]}, "OP": "?"},
     {"LOWER": {"IN": sorted(german.words("indefinite_article") | {"laut"})}, "OP": "?"}),
    ({"ORTH": {"IN": ["GmbH", "AG"]}}, {"ORTH": {"IN": ["AG", "GmbH"]}}),  # no reference: the words as they are
    ({"TEXT": {"REGEX": "^@"}}, {"TEXT": {"REGEX": "^@"}}),
    ({"ORTH": "@article"}, {"ORTH": "@article"}),  # only lists refer to classes
])
def test_patterns_name_word_classes(spec, expected):
    assert german.with_classes([spec]) == [expected]


def test_pattern_with_an_unknown_class_is_an_error():
    with pytest.raises(german.UnknownWordClass):
        german.with_classes([{"LOWER": {"IN": ["@artikel"]}}])


def test_entity_patterns_copy_no_closed_class():
    """The shapes of data/entity_patterns.jsonl refer to the article class ("@article"), never list its words."""
    articles = german.words("article")
    lines = (PACKAGE / "data" / "entity_patterns.jsonl").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        for spec in json.loads(line)["pattern"]:
            for test in spec.values():
                for values in (test.values() if isinstance(test, dict) else ()):
                    assert not (isinstance(values, list) and articles <= set(values)), f"line {number}: {values}"
