"""Mentions from lists and shapes: gazetteer entries (a PhraseIndex of token texts), the organisation shapes of
`entity_patterns.jsonl` (a Matcher run only around their anchor words) and free-standing acronyms."""
from __future__ import annotations

import re
from bisect import insort
from typing import Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...german import (ARTICLES, DEFINITE_GENITIVE_ARTICLES, LIST_JOINERS, NAME_LINKS, NAME_PARTICLES,
                       NAMING_ADJECTIVE_STEMS, STOP_WORDS, with_classes)
from ...quoting.marks import PAIRS as QUOTE_PAIRS
from ...tokens import JudgesWords, flagged, word_verdict
from .lexicons import DATELINE, NAME_ADJECTIVE, ORG_ACRONYM, ROMAN, Lexicons
from .spans import covered, inside_word, mention

NAME_LIST_JOINERS = LIST_JOINERS | {",", "/"}  # "Allianz und Commerzbank", "Union, SPD und FDP", "Union/FDP"
FIRM_JOINERS = frozenset({"&", "+"}) | LIST_JOINERS  # "Ernst & Young", "Kühne + Nagel", "Brenner, Haase und Partner"
PLAIN_WORD = re.compile(r"[^\W\d_]+")  # letters only: no affix or infix of the tokenizer splits it
# options of an entity pattern that test its match: leading German common nouns are dropped ("trim_common"), its last
# word must be a name ("des Saarlandes", not "des Landes"), the word before "&"/"und" must be a name and none follow
# ("name_before_joiner"), its last word and the one two before it are first names ("first_names_joined"), an
# organisation's class noun before a known name is dropped ("trim_class")
SHAPE_FLAGS = ("trim_common", "name_last", "name_before_joiner", "first_names_joined", "trim_class")
MODEL_NUMBER = re.compile(r"\d{1,3}[a-z]*\Z")  # "135", "4xx", "01"; not years, "1,4" or "2.0"


class PhraseIndex:
    """Phrases as sequences of token texts, found in a Doc's token texts as spaCy's PhraseMatcher
    finds them (every match, by start and then by length), but built without a Doc per phrase:
    making ten thousand Docs added their words to the vocabulary, most of the pipeline's build time."""

    def __init__(self):
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # first word -> (words, key), short first

    def __len__(self) -> int:
        return sum(map(len, self.by_first.values()))

    def add(self, key: str, words: tuple[str, ...]) -> None:
        phrases = self.by_first.setdefault(words[0], [])
        if (words, key) not in phrases:  # after the phrases of its length: matches come out as they went in
            insort(phrases, (words, key), key=lambda phrase: len(phrase[0]))

    def __call__(self, texts: list[str]) -> list[tuple[str, int, int]]:
        """(key, start, end) of every phrase in `texts`."""
        matches, by_first = [], self.by_first
        for start in [i for i, text in enumerate(texts) if text in by_first]:
            for words, key in by_first[texts[start]]:
                end = start + len(words)
                if end <= len(texts) and tuple(texts[start:end]) == words:
                    matches.append((key, start, end))
        return matches


def phrase_words(nlp: Language, phrase: str) -> tuple[str, ...]:
    """The token texts the tokenizer makes of `phrase`: words of letters that are no special case
    of the tokenizer are tokens as they are, so only phrases with other characters are tokenized."""
    words = phrase.split(" ")
    rules = nlp.tokenizer.rules if isinstance(nlp.tokenizer, Tokenizer) else None
    if rules is not None and all(PLAIN_WORD.fullmatch(word) and word not in rules for word in words):
        return tuple(words)
    return tuple(token.text for token in nlp.make_doc(phrase))


class Gazetteer:
    """The gazetteer's written forms as phrases, each entry with its label and canonical name; a
    second index on lower-case forms finds them written in capitals ("PADERBORN", "NORDDEUTSCHE
    LANDESBANK"). Entries marked `ambiguous` (names that are also common words: "Allianz", "Spiegel",
    "Union") are in a third one and count only in a context that makes them names (`in_context`)."""

    def __init__(self, nlp: Language, entries: Iterable[dict] = ()):
        self.phrases = PhraseIndex()
        self.capitals = PhraseIndex()
        self.ambiguous = PhraseIndex()
        self.canonical: dict[str, tuple[str, str]] = {}  # match key -> (label, canonical name)
        self.titles: set[str] = set()  # keys of ambiguous press titles ("Spiegel")
        for entry in entries:
            name = entry.get("id") or entry["pattern"]
            key = f"{entry['label']}|{name}" + ("|ambiguous" if entry.get("ambiguous") else "")
            self.canonical[key] = (entry["label"], name)
            if entry.get("title"):
                self.titles.add(key)
            words = phrase_words(nlp, entry["pattern"])
            if entry.get("ambiguous"):
                self.ambiguous.add(key, words)
            else:
                self.phrases.add(key, words)
                self.capitals.add(key, tuple(word.lower() for word in words))

    def __len__(self) -> int:
        return len(self.canonical)

    def __call__(self, doc: Doc, texts: list[str]) -> list[Span]:
        matches = self.phrases(texts)
        if any(len(text) > 3 and text.isupper() for text in texts):
            # in capitals: every word of the match, and more than an acronym ("US" is no "Us")
            matches += [(key, start, end) for key, start, end in self.capitals([text.lower() for text in texts])
                        if all(texts[i].isupper() for i in range(start, end)) and sum(map(len, texts[start:end])) > 3]
        spans = []
        for key, start, end in matches:
            label, canonical = self.canonical[key]
            if not inside_word(doc, start, end):
                spans.append(mention(doc, start, end, label, "gazetteer", canonical))
        return spans

    def in_context(self, doc: Doc, texts: list[str], found: list[Span], lex: Lexicons) -> list[Span]:
        """The ambiguous entries where the context makes them names: a press title in quotation marks
        ("Dem „Spiegel“ zufolge"), a name in a list with a mention of its type ("von Allianz und Commerzbank"),
        after a class noun of its type ("die Wochenzeitung Die Zeit"), an organisation after a role and a genitive
        article ("die Fraktionsvorsitzende der Union")."""
        if not len(self.ambiguous):
            return []
        taken = covered(found)
        ends = {span.end: span.label_ for span in found}
        starts = {span.start: span.label_ for span in found}
        spans = []
        for key, start, end in self.ambiguous(texts):
            label, canonical = self.canonical[key]
            if taken.intersection(range(start, end)) or inside_word(doc, start, end) \
                    or end < len(texts) and lex.name_like(texts[end]) and starts.get(end) != "PER" \
                    and texts[end] not in lex.first_names:
                continue  # the start of a longer name ("Jaguar Land Rover", "Swiss Music Radio"), not before a person's
            if key in self.titles and _quoted(texts, start, end) \
                    or _listed_with(texts, start, end, label, ends, starts) \
                    or start > 0 and lex.cue_label(texts[start - 1]) == label \
                    or label == "ORG" and _after_role(texts, start, lex):
                spans.append(mention(doc, start, end, label, "gazetteer", canonical))
                taken.update(range(start, end))
        return spans

    @staticmethod
    def with_town_adjective(doc: Doc, span: Span, lex: Lexicons) -> Span:
        """An organisation named after its town takes the town's adjective before it: "Passauer Neue Presse"
        (the list has "Neue Presse"); not an acronym ("Berliner SPD" is the party in Berlin)."""
        before = doc[span.start - 1].text if span.start > 0 else ""
        if span.label_ != "ORG" or span.text.isupper() or len(before) < 5 or not before.endswith("er") \
                or not before[:1].isupper() or lex.word_class.get(before[:-2]) != "PLACE":
            return span
        return mention(doc, span.start - 1, span.end, "ORG", "gazetteer")


def _quoted(texts: list[str], start: int, end: int) -> bool:
    """Right inside a pair of quotation marks: "„Spiegel“", "\"Bild\"-Zeitung"."""
    return start > 0 and end < len(texts) and texts[end] in QUOTE_PAIRS.get(texts[start - 1], "")


def _listed_with(texts: list[str], start: int, end: int, label: str,
                 ends: dict[int, str], starts: dict[int, str]) -> bool:
    """Joined by "und", "oder" or a comma to a mention of its type: "Allianz und Commerzbank", "SPD und Linken"."""
    before = start >= 2 and texts[start - 1] in NAME_LIST_JOINERS and ends.get(start - 1) == label
    return before or end + 1 < len(texts) and texts[end] in NAME_LIST_JOINERS and starts.get(end + 1) == label


def _after_role(texts: list[str], start: int, lex: Lexicons) -> bool:
    """"Die Fraktionsvorsitzende der Union", "ein Sprecher der Bahn": the organisation a person heads or speaks for."""
    return start >= 2 and texts[start - 1] in DEFINITE_GENITIVE_ARTICLES and lex.is_role(texts[start - 2])


class UserPatterns:
    """A user's entity patterns (`--patterns`, spaCy's EntityRuler format): phrases in a
    PhraseIndex, token patterns in a Matcher; a pattern's `id` is its mention's canonical name."""

    def __init__(self, nlp: Language, entries: Iterable[dict] = ()):
        self.vocab = nlp.vocab
        self.phrases = PhraseIndex()
        self.tokens = Matcher(nlp.vocab)
        self.entries: dict[str, tuple[str, str | None]] = {}  # match key -> (label, canonical name)
        for number, entry in enumerate(entries):
            key = f"{number}|{entry['label']}"
            self.entries[key] = (entry["label"], entry.get("id") or None)
            if isinstance(entry["pattern"], str):
                self.phrases.add(key, phrase_words(nlp, entry["pattern"]))
            else:
                self.tokens.add(key, [entry["pattern"]])

    def __len__(self) -> int:
        return len(self.entries)

    def __call__(self, doc: Doc, texts: list[str]) -> list[Span]:
        if not self.entries:
            return []
        matches = [*self.phrases(texts), *((self.vocab.strings[key_id], start, end)
                                           for key_id, start, end in (self.tokens(doc) if len(self.tokens) else ()))]
        spans = []
        for key, start, end in matches:
            label, canonical = self.entries[key]
            spans.append(mention(doc, start, end, label, "user_pattern", canonical))
        return filter_spans(spans)


def after_first_name(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """A one-word place or brand right after a first name is a surname ("Uta Hagen", "Rudolf Skoda")."""
    if len(span) != 1 or span.start == 0 or span._.method != "gazetteer":
        return False
    before = doc[span.start - 1].text
    return before in lex.first_names and not lex.is_common(before) and before not in lex.ambiguous


NAME_AFTER_PLACE = 3  # words a name that opens with a place's name has after it ("Tokio Hotel")


def organisations_named_after_places(doc: Doc, spans: list[Span], lex: Lexicons) -> list[Span]:
    """A place of the gazetteer after an organisation's class noun, with capitalised words after it that no longer
    name of the gazetteer takes ("Hannover Rück"), opens the organisation's name: "die Band Tokio Hotel", "die Firma
    Berlin Chemie"; a place alone stays one ("die Stadtwerke München", "die Band aus Tokio")."""
    ends = {span.start: span.end for span in sorted(spans, key=len)}  # start -> end of the longest match there
    return [_named_after_place(doc, span, lex) if ends[span.start] == span.end else span for span in spans]


def _named_after_place(doc: Doc, span: Span, lex: Lexicons) -> Span:
    if span.label_ != "LOC" or span.start == 0 or lex.cue_label(doc[span.start - 1].text) != "ORG":
        return span
    end = span.end
    while end < len(doc) and end - span.end < NAME_AFTER_PLACE and lex.name_like(doc[end].text) \
            and not doc[end].is_sent_start:
        end += 1
    return mention(doc, span.start, end, "ORG", "cue") if end > span.end else span


class ShapePatterns(JudgesWords):
    """The organisation shapes ("… AG", "Bundesamt für …"), each in a Matcher of its own, with what
    each key needs around its match."""

    def __init__(self, nlp: Language, entries: Iterable[dict] = ()):
        self.vocab = nlp.vocab
        self.shapes: list[Shape] = []
        self.labels: dict[str, str] = {}  # pattern key -> label
        self.left: dict[str, str] = {}  # pattern key -> "", "adjective" or "adjective_required"
        self.flags: dict[str, frozenset[str]] = {}  # pattern key -> its options of SHAPE_FLAGS that are set
        self.context: dict[str, int] = {}  # pattern key -> how many leading tokens only give context
        for entry in entries:
            key = f"{entry['label']}|{entry['id']}"
            self.labels[key] = entry["label"]
            self.left[key] = entry.get("left", "")
            self.flags[key] = frozenset(flag for flag in SHAPE_FLAGS if entry.get(flag))
            self.context[key] = entry.get("context", 0)
            self.shapes.append(Shape(nlp, key, with_classes(entry["pattern"]), self.context[key]))
        # a new word form's shapes: anchor words by table, and the regexes of the shapes that have one
        self._by_word: dict[str, list[int]] = {}
        self._by_lower: dict[str, list[int]] = {}
        for number, shape in enumerate(self.shapes):
            for word in shape.anchor.words:
                self._by_word.setdefault(word, []).append(number)
            for word in shape.anchor.lower:
                self._by_lower.setdefault(word, []).append(number)
        self._regex_shapes = [number for number, shape in enumerate(self.shapes) if shape.anchor.regex]

    def is_anchor(self, word: str) -> bool:
        """The word is the required token of one of the shapes."""
        return bool(self.shapes_anchored_by(word))

    @word_verdict
    def shapes_anchored_by(self, word: str) -> tuple[int, ...]:
        """The indices of the shapes the word is an anchor of."""
        numbers = {*self._by_word.get(word, ()), *self._by_lower.get(word.lower(), ())}
        numbers.update(n for n in self._regex_shapes if self.shapes[n].anchor.regex.search(word))
        return tuple(sorted(numbers))

    def matches(self, doc: Doc, texts: list[str]) -> list[tuple[int, int, int]]:
        """The matches of each shape, found in windows around its anchor words only: running a
        Matcher of all shapes over every token cost half of this component's time, and a match
        never reaches beyond its anchor's window."""
        windows: dict[int, list[list[int]]] = {}  # shape index -> its windows
        for i in flagged(texts, self.shapes_anchored_by):
            for number in self.shapes_anchored_by(texts[i]):
                shape = self.shapes[number]
                start, end = max(i - shape.before, 0), min(i + shape.after + 1, len(texts))
                spans = windows.setdefault(number, [])
                if spans and start <= spans[-1][1]:
                    spans[-1][1] = end
                else:
                    spans.append([start, end])
        found = {(offset + start, offset + end, number, key) for number, spans in windows.items()
                 for offset, stop in spans for key, start, end in self.shapes[number].matcher(doc[offset:stop])}
        # in the order of the text; at the same offsets the shape listed first wins ("Preußen Münster": club,
        # not road)
        return [(key, start, end) for start, end, _, key in sorted(found)]

    def __call__(self, doc: Doc, texts: list[str], lex: Lexicons) -> list[Span]:
        spans = []
        for key_id, start, end in self.matches(doc, texts):
            key = self.vocab.strings[key_id]
            start += self.context[key]  # "auf der A7": the article only tells the road from a paper size
            if end - start == 2 and texts[start + 1] in lex.common_nouns and not lex.is_name(texts[start + 1]):
                continue  # a class noun and a common noun: "die Polizei Anfang der 1980er", "Theater Verlag"
            flags = self.flags[key]
            if "name_last" in flags and texts[end - 1] in lex.common_nouns:
                continue
            if "name_before_joiner" in flags and not _names_joined(texts, start, end, lex):
                continue
            if "first_names_joined" in flags and not _saints_joined(texts, end, lex):
                continue
            if end - start > 2 and lex.is_common(texts[end - 1]) and not self.is_anchor(texts[end - 1]) \
                    and texts[end - 2].endswith("s") and texts[end - 2].lower() not in ARTICLES:
                end -= 1  # a name in the genitive before the noun it governs: "Borussia Dortmunds Spieler" (not the
                # article of a genitive that ends the name: "Hochschule für Technik des Emslandes")
            while end - start > 1 and texts[end - 1].islower() and texts[end - 1] in STOP_WORDS:
                end -= 1  # no name ends in a function word left by optional parts: "Bundesministerium für X und die"
            if end < len(texts) and lex.is_name_adjective(texts[end - 1]) and lex.name_like(texts[end]):
                end += 1  # a name does not end in an adjective: "Landkreis Mecklenburgische Seenplatte"
            if doc[start].lower_.startswith(NAMING_ADJECTIVE_STEMS):
                start += 1  # the cue that introduces a name is not part of it
            while end - start > 2 and doc[start].lower_ in STOP_WORDS and not self.is_anchor(texts[start]):
                start += 1  # a function word opening the sentence: "Bei Siemens AG arbeiten …"
            if "trim_common" in flags and end - start > 2 and lex.is_common(texts[start]) \
                    and not self.is_anchor(texts[start]):
                start += 1  # "Fluggesellschaft Southwest Airlines": the German class noun is no part of it
            if "trim_class" in flags and end - start > 2 and _class_noun_before_name(texts[start], texts[start + 1], lex):
                start += 1  # "die Spedition Müller GmbH": the class noun says what the firm is; not "Stadtwerke München"
            # a capitalised adjective before the head belongs to the name ("Medizinische Hochschule
            # Hannover", "Passauer Neue Presse"); matched here, not in the pattern, to keep the Matcher fast
            left = self.left.get(key)
            if left:
                # (not a place ending like one: "belegt Brasilien Platz 1")
                if start > 0 and NAME_ADJECTIVE.match(doc[start - 1].text) \
                        and doc[start - 1].lower_ not in STOP_WORDS and lex.word_class.get(texts[start - 1]) != "PLACE":
                    start -= 1
                elif left == "adjective_required":
                    continue
            spans.append(mention(doc, start, end, self.labels[key], "pattern"))
        return filter_spans(spans)


def through_places(shapes: list[Span], found: list[Span]) -> list[Span]:
    """An organisation's shape that ends inside a place's name of several words takes the whole name ("Landgericht
    Frankfurt am Main", "Staatsanwaltschaft Frankfurt (Oder)": the shape takes one name word after its class noun,
    and the longer place would win over it)."""
    places = {i: place for place in found if place.label_ == "LOC" and len(place) > 1
              for i in range(place.start, place.end - 1)}  # token -> the place it is inside, not at its end
    out = []
    for shape in shapes:
        place = places.get(shape.end - 1)
        if shape.label_ == "ORG" and place is not None and place.start > shape.start:
            shape = mention(shape.doc, shape.start, place.end, "ORG", "pattern")
        out.append(shape)
    return out


def _class_noun_before_name(first: str, second: str, lex: Lexicons) -> bool:
    """An organisation's class noun before a word known as a person's or a firm's name ("Unternehmen Rheinmetall",
    "Spedition Müller"); a place or a common noun after it makes it part of the name ("Stadtwerke München", "Deutsche
    Presse-Agentur")."""
    return lex.cue_label(first) == "ORG" and lex.is_common(first) and not lex.is_common(second) \
        and (lex.is_name(second) or lex.word_class.get(second) == "ORG")


def _names_joined(texts: list[str], start: int, end: int, lex: Lexicons) -> bool:
    """A firm's name of names joined by "&" or "und" ("Ernst & Young", "Brenner, Haase und Partner"), not of two
    nouns ("Forschung & Entwicklung", "Kunden und Partner", "Rock & Roll", "Rhythm & Blues"), and no name after the
    match, which would make its last word a role ("Merkel und Partner Schulz")."""
    joiner = next(i for i in range(end - 1, start, -1) if texts[i] in FIRM_JOINERS)
    return not _noun_pair(texts[joiner - 1], texts[joiner + 1], lex) \
        and not (end < len(texts) and lex.name_like(texts[end]))


def _noun_pair(before: str, after: str, lex: Lexicons) -> bool:
    """Two words joined as nouns are: a common noun first, or a first word known as no name that is a noun as well
    ("Rock") or before a common noun ("Blues"); a partner or a family name's particle after it makes the first a
    name ("Stein & Partner", "Herzog & de Meuron")."""
    return lex.is_common(before) or not lex.is_name(before) and not lex.is_role(after) \
        and after not in NAME_PARTICLES and (before in lex.ambiguous or lex.is_common(after))


def _saints_joined(texts: list[str], end: int, lex: Lexicons) -> bool:
    """A church of two patron saints ("St. Peter und Paul", "Sankt Ulrich und Afra"): first names on both sides of
    "und", not a place ("St. Gallen und Zürich"), and no surname after them ("St. Peter und Paul Müller")."""
    return texts[end - 3] in lex.first_names and texts[end - 1] in lex.first_names \
        and not (end < len(texts) and lex.name_like(texts[end]))


class Shape:
    """One pattern in a Matcher of its own, its anchor (the one token it needs exactly once: a word
    list or regex on ORTH/LOWER, after the `context` tokens that only stand before the name) and how
    many tokens a match can reach before and after it."""

    def __init__(self, nlp: Language, key: str, pattern: list[dict], context: int = 0):
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add(key, [pattern])
        position = next((i for i, spec in enumerate(pattern)
                         if i >= context and spec.get("OP") is None and _anchor_words(spec)), None)
        if position is None:
            raise ValueError(f"entity pattern without a required ORTH/LOWER token: {pattern}")
        self.anchor = Anchor(*_anchor_words(pattern[position]))
        self.before = sum(_max_repeat(spec.get("OP")) for spec in pattern[:position])
        self.after = sum(_max_repeat(spec.get("OP")) for spec in pattern[position + 1:])


def _anchor_words(spec: dict) -> tuple[set[str], set[str], list[str]] | None:
    """(words, lower-case words, regexes) a token spec accepts, if it is an ORTH/LOWER word list or regex."""
    for attr in ("ORTH", "LOWER"):
        value = spec.get(attr)
        if isinstance(value, str):
            value = {"IN": [value]}
        if isinstance(value, dict) and ("IN" in value or "REGEX" in value):
            words = set(value.get("IN", ()))
            regexes = [value["REGEX"] if attr == "ORTH" else f"(?i:{value['REGEX']})"] if "REGEX" in value else []
            return (words, set(), regexes) if attr == "ORTH" else (set(), words, regexes)
    return None


class Anchor:
    def __init__(self, words: set[str], lower: set[str], regexes: list[str]):
        self.words, self.lower = words, lower
        self.regex = re.compile("|".join(f"(?:{regex})" for regex in regexes)) if regexes else None


def _max_repeat(operator: str | None) -> int:
    if operator in (None, "?", "!"):  # "!" still takes up a token
        return 1
    if operator.startswith("{") and operator.endswith("}") and operator[-2].isdigit():
        return int(operator[1:-1].split(",")[-1])
    raise ValueError(f"entity patterns need a bounded length, not OP {operator!r}")


DATELINE_ENDS = frozenset({".", "-", "–", "—", "(", "/"})


def dateline(texts: list[str], i: int) -> int:
    """The end of a place in capitals (up to three words) that opens a paragraph before a period,
    dash or agency bracket: "HANAU. Seit 1740 …", "NEW YORK (dpa-AFX) –"; `i` when there is none
    (an organisation's acronym)."""
    # (the blanked date header before the lede is one space token)
    if not (i == 0 or texts[i - 1].isspace() and ("\n" in texts[i - 1] or i == 1)):
        return i
    end = i
    while end < len(texts) and end - i < 3 and DATELINE.match(texts[end]):
        end += 1
    return end if i < end < len(texts) and texts[end] in DATELINE_ENDS else i


def acronym_mentions(doc: Doc, texts: list[str], taken: set[int], lex: Lexicons) -> list[Span]:
    """Free-standing acronyms ("ADAC", "NHK") name organisations far more often than anything else;
    a word in capitals opening a paragraph as a dateline names a place."""
    spans, taken = [], set(taken)
    # only words in capitals can be either: most tokens are not
    for i in flagged(texts, lex.in_capitals):
        text = texts[i]
        place_end = dateline(texts, i)
        if place_end > i and not taken.intersection(range(i, place_end)) and text not in lex.non_entities:
            spans.append(mention(doc, i, place_end, "LOC", "dateline"))
            taken.update(range(i, place_end))
            continue
        if i in taken or not ORG_ACRONYM.match(text) or ROMAN.match(text) \
                or text in lex.non_entities or inside_word(doc, i, i + 1):
            continue
        if len(text) > 2 and text.lower() in STOP_WORDS:
            continue  # a German function word in capitals, "HIER", "ZUR FOTOSHOW": no organisation
        if i + 1 < len(texts) and MODEL_NUMBER.match(texts[i + 1]):
            continue  # a type designation: "EC 135", "GTX 480", "KEL 1"
        end = i + 1  # with the name it heads: "PKN Orlen", "JFE Holdings" (a word of organisation names, though a noun)
        while end < len(texts) and end - i < 2 and (ORG_ACRONYM.match(texts[end]) and end not in taken or (
                lex.name_like(texts[end]) and (not lex.is_common(texts[end]) or lex.inside.get(texts[end]) == "ORG"))):
            end += 1
        if len(text) == 2 and end == i + 1:
            # two capitals alone are mostly a unit, a state, a type or initials ("KV", "NY", "VR"), not "TH Zürich"
            continue
        spans.append(mention(doc, i, end, "ORG", "acronym"))
        taken.update(range(i, end))
    return spans


def defined_acronyms(doc: Doc, texts: list[str], found: list[Span], lex: Lexicons) -> list[Span]:
    """The name an organisation's acronym in brackets stands for: the capitalised words right before it
    ("Die Europäische Fußball-Union (UEFA)", "der Südstormarnschen Kreisbahn (VKSt)"), none of them a mention,
    without a class noun before them, and neither a mention nor a word that joins a longer name right before
    them ("NATO Response Force (NRF)", "Bewegung für Demokratischen Wandel (MDC)")."""
    taken = covered(found)
    spans = []
    for acronym in found:
        start = acronym.start - 1
        if acronym.label_ != "ORG" or len(acronym) != 1 or not ORG_ACRONYM.match(acronym.text) or start < 2 \
                or texts[start] != "(" or acronym.end >= len(texts) or texts[acronym.end] != ")":
            continue
        first = start
        while first > 0 and first - 1 not in taken and texts[first - 1][:1].isupper() \
                and texts[first - 1].lower() not in STOP_WORDS and not lex.is_role(texts[first - 1]):
            first -= 1
        while first < start and texts[first] in lex.common_nouns and not NAME_ADJECTIVE.match(texts[first]):
            first += 1  # a class noun before the name: "der Spezialeinheit Recherche Assistance Intervention (RAID)"
        if start - first >= 2 and first - 1 not in taken and texts[first - 1] not in NAME_LINKS \
                and not doc[first].is_sent_start:
            spans.append(mention(doc, first, start, "ORG", "acronym"))
            taken.update(range(first, start))
    return spans
