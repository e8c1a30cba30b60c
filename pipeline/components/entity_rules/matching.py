"""Mentions from lists and shapes: gazetteer entries (a PhraseMatcher), the organisation shapes of
`entity_patterns.jsonl` (a Matcher run only around their anchor words) and free-standing acronyms."""
from __future__ import annotations

import re
from typing import Iterable

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...german import NAMING_ADJECTIVE_STEMS, STOP_WORDS
from .lexicons import ROMAN, Lexicons
from .spans import inside_word, mention

NAME_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(e|en|er|es)\Z")  # inflected adjective (morphology regex)
ORG_ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,5}[0-9]?\Z")
MODEL_NUMBER = re.compile(r"\d{1,3}[a-z]*\Z")  # "135", "4xx", "01"; not years, "1,4" or "2.0"


class Gazetteer:
    """The gazetteer's written forms in a PhraseMatcher, each entry with its label and canonical name."""

    def __init__(self, nlp: Language, entries: Iterable[dict] = ()):
        self.vocab = nlp.vocab
        self.matcher = PhraseMatcher(nlp.vocab)
        self.canonical: dict[str, tuple[str, str]] = {}  # match key -> (label, canonical name)
        forms: dict[str, list[Doc]] = {}
        for entry in entries:
            name = entry.get("id") or entry["pattern"]
            key = f"{entry['label']}|{name}"
            self.canonical[key] = (entry["label"], name)
            forms.setdefault(key, []).append(nlp.make_doc(entry["pattern"]))
        for key, docs in forms.items():
            self.matcher.add(key, docs)

    def __len__(self) -> int:
        return len(self.canonical)

    def __call__(self, doc: Doc) -> list[Span]:
        spans = []
        for key_id, start, end in self.matcher(doc):
            label, canonical = self.canonical[self.vocab.strings[key_id]]
            if not inside_word(doc, start, end):
                spans.append(mention(doc, start, end, label, "gazetteer", canonical))
        return spans


class UserPatterns:
    """A user's entity patterns (`--patterns`, spaCy's EntityRuler format): phrases in a
    PhraseMatcher, token patterns in a Matcher; a pattern's `id` is its mention's canonical name."""

    def __init__(self, nlp: Language, entries: Iterable[dict] = ()):
        self.vocab = nlp.vocab
        self.phrases = PhraseMatcher(nlp.vocab)
        self.tokens = Matcher(nlp.vocab)
        self.entries: dict[str, tuple[str, str | None]] = {}  # match key -> (label, canonical name)
        for number, entry in enumerate(entries):
            key = f"{number}|{entry['label']}"
            self.entries[key] = (entry["label"], entry.get("id") or None)
            if isinstance(entry["pattern"], str):
                self.phrases.add(key, [nlp.make_doc(entry["pattern"])])
            else:
                self.tokens.add(key, [entry["pattern"]])

    def __len__(self) -> int:
        return len(self.entries)

    def __call__(self, doc: Doc) -> list[Span]:
        if not self.entries:
            return []
        spans = []
        matches = [*(self.phrases(doc) if len(self.phrases) else ()), *(self.tokens(doc) if len(self.tokens) else ())]
        for key_id, start, end in matches:
            label, canonical = self.entries[self.vocab.strings[key_id]]
            spans.append(mention(doc, start, end, label, "user_pattern", canonical))
        return filter_spans(spans)


def after_first_name(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """A one-word place or brand right after a first name is a surname ("Uta Hagen", "Rudolf Skoda")."""
    if len(span) != 1 or span.start == 0 or span._.method != "gazetteer":
        return False
    before = doc[span.start - 1].text
    return before in lex.first_names and not lex.is_common(before) and before not in lex.ambiguous


class ShapePatterns:
    """The organisation shapes ("… AG", "Bundesamt für …") in a Matcher, with what each key needs
    around its match."""

    def __init__(self, nlp: Language, entries: Iterable[dict] = ()):
        self.vocab = nlp.vocab
        self.matcher = Matcher(nlp.vocab)
        self.labels: dict[str, str] = {}  # pattern key -> label
        self.left: dict[str, str] = {}  # pattern key -> "", "adjective" or "adjective_required"
        self.trim: set[str] = set()  # pattern keys whose leading German common nouns are dropped
        self.anchors = Anchors()  # words one of the patterns needs; the Matcher runs only around them
        for entry in entries:
            key = f"{entry['label']}|{entry['id']}"
            self.labels[key] = entry["label"]
            self.left[key] = entry.get("left", "")
            if entry.get("trim_common"):
                self.trim.add(key)
            self.matcher.add(key, [entry["pattern"]])
            self.anchors.add(entry["pattern"])

    def matches(self, doc: Doc, texts: list[str]) -> list[tuple[int, int, int]]:
        """The Matcher's matches, found in windows around anchor words only: running it over every
        token cost half of this component's time, and a match never reaches beyond its window."""
        reach, windows = self.anchors.reach, []
        for i, text in enumerate(texts):
            if self.anchors.has(text):
                start, end = max(i - reach, 0), min(i + reach + 1, len(texts))
                if windows and start <= windows[-1][1]:
                    windows[-1][1] = end
                else:
                    windows.append([start, end])
        return [(key, offset + start, offset + end) for offset, stop in windows
                for key, start, end in self.matcher(doc[offset:stop])]

    def __call__(self, doc: Doc, texts: list[str], lex: Lexicons) -> list[Span]:
        spans = []
        for key_id, start, end in self.matches(doc, texts):
            key = self.vocab.strings[key_id]
            if end - start == 2 and texts[start + 1] in lex.common_nouns and not lex.is_name(texts[start + 1]):
                continue  # a class noun and a common noun: "die Polizei Anfang der 1980er", "Theater Verlag"
            if doc[start].lower_.startswith(NAMING_ADJECTIVE_STEMS):
                start += 1  # the cue that introduces a name is not part of it
            if key in self.trim and end - start > 2 and lex.is_common(texts[start]) \
                    and not self.anchors.has(texts[start]):
                start += 1  # "Fluggesellschaft Southwest Airlines": the German class noun is no part of it
            # a capitalised adjective before the head belongs to the name ("Medizinische Hochschule
            # Hannover", "Passauer Neue Presse"); matched here, not in the pattern, to keep the Matcher fast
            left = self.left.get(key)
            if left:
                if start > 0 and NAME_ADJECTIVE.match(doc[start - 1].text) \
                        and doc[start - 1].lower_ not in STOP_WORDS:
                    start -= 1
                elif left == "adjective_required":
                    continue
            spans.append(mention(doc, start, end, self.labels[key], "pattern"))
        return filter_spans(spans)


class Anchors:
    """For each Matcher pattern, one token it needs exactly once (a word list or regex on ORTH/LOWER),
    and the longest stretch of tokens any pattern can cover."""

    def __init__(self):
        self.words: set[str] = set()
        self.lower: set[str] = set()
        self.regexes: list[str] = []
        self.reach = 0
        self._cache: dict[str, bool] = {}
        self._regex: re.Pattern | None = None

    def add(self, pattern: list[dict]) -> None:
        self.reach = max(self.reach, sum(_max_repeat(spec.get("OP")) for spec in pattern))
        for spec in pattern:
            if spec.get("OP") is not None:
                continue
            for attr, words in (("ORTH", self.words), ("LOWER", self.lower)):
                value = spec.get(attr)
                if isinstance(value, str):
                    value = {"IN": [value]}
                if isinstance(value, dict) and ("IN" in value or "REGEX" in value):
                    words.update(value.get("IN", ()))
                    if "REGEX" in value:
                        self.regexes.append(value["REGEX"] if attr == "ORTH" else f"(?i:{value['REGEX']})")
                    self._cache, self._regex = {}, None
                    return
        raise ValueError(f"entity pattern without a required ORTH/LOWER token: {pattern}")

    def has(self, word: str) -> bool:
        found = self._cache.get(word)
        if found is None:
            if self._regex is None:
                self._regex = re.compile("|".join(f"(?:{r})" for r in self.regexes) or r"(?!)")
            found = self._cache[word] = word in self.words or word.lower() in self.lower \
                or self._regex.search(word) is not None
        return found


def _max_repeat(op: str | None) -> int:
    if op in (None, "?", "!"):  # "!" still takes up a token
        return 1
    if op.startswith("{") and op.endswith("}") and op[-2].isdigit():
        return int(op[1:-1].split(",")[-1])
    raise ValueError(f"entity patterns need a bounded length, not OP {op!r}")


DATELINE = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜß-]{2,}\Z")
DATELINE_ENDS = frozenset({".", "-", "–", "—", "(", "/"})


def dateline(texts: list[str], i: int) -> bool:
    """A place in capitals that opens a paragraph before a period, dash or agency bracket:
    "HANAU. Seit 1740 …", "BERLIN (dpa) –"; not an organisation's acronym."""
    # (the blanked date header before the lede is one space token)
    opens_paragraph = i == 0 or texts[i - 1].isspace() and ("\n" in texts[i - 1] or i == 1)
    return opens_paragraph and bool(DATELINE.match(texts[i])) and i + 1 < len(texts) and texts[i + 1] in DATELINE_ENDS


def acronym_mentions(doc: Doc, texts: list[str], taken: set[int], lex: Lexicons) -> list[Span]:
    """Free-standing acronyms ("ADAC", "NHK") name organisations far more often than anything else;
    a word in capitals opening a paragraph as a dateline names a place."""
    spans, taken = [], set(taken)
    for i, text in enumerate(texts):
        if i not in taken and dateline(texts, i) and text not in lex.non_entities:
            spans.append(mention(doc, i, i + 1, "LOC", "dateline"))
            taken.add(i)
            continue
        if i in taken or not ORG_ACRONYM.match(text) or ROMAN.match(text) \
                or text in lex.non_entities or inside_word(doc, i, i + 1):
            continue
        if i + 1 < len(texts) and MODEL_NUMBER.match(texts[i + 1]):
            continue  # a type designation: "EC 135", "GTX 480", "KEL 1"
        end = i + 1  # with the name it heads: "PKN Orlen", "JFE Holdings"
        while end < len(texts) and end - i < 2 and (ORG_ACRONYM.match(texts[end]) and end not in taken or (
                lex.name_like(texts[end]) and not lex.is_common(texts[end]))):
            end += 1
        spans.append(mention(doc, i, end, "ORG", "acronym"))
        taken.update(range(i, end))
    return spans
