"""German person, place and organisation mentions from gazetteers, lexicons and contextual cues.

German capitalises every noun, so capitalisation alone says little; a capitalised word becomes a
mention only with evidence: a gazetteer entry, a first name, a role noun before it ("Außenminister",
"Nato-Chef"), a party in brackets after it ("Wadephul (CDU)"), a name-like word class, or an
organisation shape ("… AG", "sogenannte Koalition der Willigen"). Common nouns ("Frieden") need
stronger evidence than unknown words.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import lexicon
from ..names import strip_genitive

LABELS = ("PER", "LOC", "ORG")
FILES = ("gazetteer.jsonl", "first_names.tsv", "word_classes.tsv", "common_nouns.txt",
         "curated/roles.tsv", "curated/role_suffixes.tsv", "entity_patterns.jsonl", "non_entities.txt")
NAME_PARTICLES = frozenset({"von", "van", "der", "de", "da", "di", "del", "della", "dos", "du", "la", "le",
                            "ten", "ter", "zu", "bin", "ibn", "al", "el"})
ROMAN = re.compile(r"[IVX]+\Z")
ACRONYM = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,5}\Z")


@dataclass
class Lexicons:
    first_names: set[str] = field(default_factory=set)
    word_class: dict[str, str] = field(default_factory=dict)
    common_nouns: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    role_suffixes: tuple[str, ...] = ()
    non_entities: set[str] = field(default_factory=set)

    def is_role(self, word: str) -> bool:
        if word in self.roles:
            return True
        tail = word.rsplit("-", 1)[-1]
        return tail in self.roles or tail.lower().endswith(self.role_suffixes)


class EntityRules:
    """Writes PER/LOC/ORG mentions to `doc.ents`, with `span._.method` and `span._.canonical`."""

    def __init__(self, nlp: Language, name: str = "entity_rules", *, keep_model_ents: bool = True,
                 propagate_names: bool = True):
        self.nlp = nlp
        self.name = name
        self.keep_model_ents = keep_model_ents
        self.propagate_names = propagate_names
        self.lex = Lexicons()
        self.phrases = PhraseMatcher(nlp.vocab)
        self.patterns = Matcher(nlp.vocab)
        self.canonical: dict[str, tuple[str, str]] = {}  # match key -> (label, canonical name)
        self.data_dir: Path | None = None

    # -- loading -----------------------------------------------------------------------------
    def initialize(self, get_examples=None, *, nlp: Language | None = None, data_dir: str | None = None) -> None:
        self._load(lexicon.resolve_data_dir(data_dir))

    def _load(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.phrases = PhraseMatcher(self.nlp.vocab)
        self.patterns = Matcher(self.nlp.vocab)
        self.canonical = {}
        by_key: dict[str, list[Doc]] = {}
        for entry in lexicon.read_jsonl(lexicon.find(data_dir, "gazetteer.jsonl")):
            key = f"{entry['label']}|{entry.get('id') or entry['pattern']}"
            self.canonical[key] = (entry["label"], entry.get("id") or entry["pattern"])
            by_key.setdefault(key, []).append(self.nlp.make_doc(entry["pattern"]))
        for key, docs in by_key.items():
            self.phrases.add(key, docs)
        for entry in lexicon.read_jsonl(lexicon.find(data_dir, "entity_patterns.jsonl")):
            key = f"{entry['label']}|{entry['id']}"
            self.canonical.setdefault(key, (entry["label"], ""))
            self.patterns.add(key, [entry["pattern"]])
        lex = Lexicons()
        lex.first_names = {row["name"] for row in lexicon.read_tsv(lexicon.find(data_dir, "first_names.tsv"))}
        lex.word_class = {row["word"]: row["class"]
                          for row in lexicon.read_tsv(lexicon.find(data_dir, "word_classes.tsv"))}
        lex.common_nouns = lexicon.read_words(lexicon.find(data_dir, "common_nouns.txt"))
        lex.roles = {row["word"] for row in lexicon.read_tsv(lexicon.find(data_dir, "curated/roles.tsv"))}
        lex.role_suffixes = tuple(sorted({row["suffix"].lstrip("-").lower() for row in
                                          lexicon.read_tsv(lexicon.find(data_dir, "curated/role_suffixes.tsv"))}))
        lex.non_entities = lexicon.read_words(lexicon.find(data_dir, "non_entities.txt"))
        self.lex = lex

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        for name in FILES:
            source = lexicon.find(self.data_dir, name)
            target = path / source.relative_to(self.data_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)

    def from_disk(self, path, *, exclude=()) -> "EntityRules":
        self._load(Path(path))
        return self

    # -- processing --------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        found = self._gazetteer(doc) + self._shapes(doc)
        taken = {i for span in found for i in range(span.start, span.end)}
        found += self._persons(doc, taken)
        if self.propagate_names:
            found += self._propagate(doc, found)
        mentions = filter_spans(found)
        if self.keep_model_ents:
            ours = {i for span in mentions for i in range(span.start, span.end)}
            mentions += [e for e in doc.ents if e.label_ in LABELS and not ours.intersection(range(e.start, e.end))]
            for e in mentions:
                if e._.method is None:
                    e._.method = "model"
        doc.ents = sorted(mentions, key=lambda s: s.start)
        return doc

    def _span(self, doc: Doc, start: int, end: int, label: str, method: str, canonical: str | None) -> Span:
        span = Span(doc, start, end, label=label)
        span._.method = method
        span._.canonical = canonical
        return span

    def _gazetteer(self, doc: Doc) -> list[Span]:
        spans = []
        for key_id, start, end in self.phrases(doc):
            label, canonical = self.canonical[self.nlp.vocab.strings[key_id]]
            if not _inside_word(doc, start, end):
                spans.append(self._span(doc, start, end, label, "gazetteer", canonical))
        return spans

    def _shapes(self, doc: Doc) -> list[Span]:
        spans = []
        for key_id, start, end in self.patterns(doc):
            label, _ = self.canonical[self.nlp.vocab.strings[key_id]]
            if doc[start].lower_.startswith("sogenannt"):
                start += 1  # the cue that introduces a name is not part of it
            spans.append(self._span(doc, start, end, label, "pattern", None))
        return filter_spans(spans)

    # -- persons -----------------------------------------------------------------------------
    def _name_like(self, word: str) -> bool:
        if len(word) < 2 or not word[0].isupper() or word.lower() in STOP_WORDS or word in self.lex.non_entities:
            return False
        if ACRONYM.match(word) or ROMAN.match(word):
            return False
        parts = word.split("-")
        return all(p[:1].isupper() and p[1:].islower() or p[1:].isalpha() and not p.isupper() for p in parts if p)

    def _is_common(self, word: str) -> bool:
        """A common noun that is not also a known name."""
        parts = word.split("-")
        if any(p in self.lex.first_names or self.lex.word_class.get(p) in ("SURNAME", "FIRSTNAME") for p in parts):
            return False
        return any(p in self.lex.common_nouns for p in parts)

    def _chains(self, doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
        """Maximal runs of name-like tokens (with particles like 'von der' inside)."""
        chains, i, n = [], 0, len(doc)
        while i < n:
            if i in taken or not self._name_like(doc[i].text):
                i += 1
                continue
            j = i + 1
            while j < n and j not in taken:
                if self._name_like(doc[j].text) and not self.lex.is_role(doc[j].text):
                    j += 1
                elif doc[j].text in NAME_PARTICLES and j + 1 < n and self._name_like(doc[j + 1].text) \
                        and doc[j + 1].text not in STOP_WORDS:
                    k = j + 1
                    while k < n and doc[k].text in NAME_PARTICLES:
                        k += 1
                    j = k + 1 if k < n and self._name_like(doc[k].text) else j
                    if j <= k:
                        break
                else:
                    break
            chains.append((i, j))
            i = j
        return chains

    def _persons(self, doc: Doc, taken: set[int]) -> list[Span]:
        spans = []
        for start, end in self._chains(doc, taken):
            while start < end and self.lex.is_role(doc[start].text):
                start += 1  # "Bundeskanzler Friedrich Merz": the role is not part of the name
            if start == end:
                continue
            span = self._classify(doc, start, end)
            if span is not None:
                spans.append(span)
        return spans

    def _classify(self, doc: Doc, start: int, end: int) -> Span | None:
        words = [t.text for t in doc[start:end]]
        first, last = words[0], strip_genitive(words[-1])
        cls = self.lex.word_class
        role_before = start > 0 and (self.lex.is_role(doc[start - 1].text) or doc[start - 1].text in ("Herr", "Frau"))
        party_after = end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
            and (cls.get(doc[end + 1].text) == "ORG" or bool(ACRONYM.match(doc[end + 1].text)))
        last_common = self._is_common(words[-1]) and cls.get(last) != "SURNAME"
        if len(words) > 4:
            return None
        if role_before and not last_common and not any(cls.get(w) in ("PLACE", "ORG") for w in words):
            return self._span(doc, start, end, "PER", "role", None)
        if party_after and not last_common:
            return self._span(doc, start, end, "PER", "party", None)
        if len(words) >= 2 and (first in self.lex.first_names or all(
                p in self.lex.first_names for p in first.split("-"))) and not last_common:
            return self._span(doc, start, end, "PER", "first_name", None)
        if len(words) >= 2 and not any(self._is_common(w) for w in words) \
                and cls.get(last) in (None, "SURNAME", "FIRSTNAME") and not _sentence_initial(doc, start):
            return self._span(doc, start, end, "PER", "name_pair", None)
        if len(words) == 1 and cls.get(last) == "SURNAME" and not self._is_common(words[0]):
            return self._span(doc, start, end, "PER", "surname", None)
        if len(words) == 1 and not self._is_common(words[0]) and not _sentence_initial(doc, start):
            label = {"PLACE": "LOC", "ORG": "ORG"}.get(cls.get(words[0]))
            if label:
                return self._span(doc, start, end, label, "word_class", None)
        return None

    def _propagate(self, doc: Doc, found: list[Span]) -> list[Span]:
        """Other occurrences of names found by context: bare surnames ("Merz", "Putins") of persons
        and repeats of multi-word names ("Koalition der Willigen") anywhere in the article."""
        surnames = {strip_genitive(s[-1].text) for s in found if s.label_ == "PER"}
        phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for s in found:
            if len(s) > 1 and s._.method != "gazetteer":
                words = tuple(t.text for t in s)
                phrases.setdefault(words[0], []).append((words, s.label_))
        taken = {i for span in found for i in range(span.start, span.end)}
        spans = []
        for token in doc:
            if token.i in taken or not token.text[:1].isupper():
                continue
            for words, label in phrases.get(token.text, ()):
                end = token.i + len(words)
                if tuple(t.text for t in doc[token.i:end]) == words and not taken.intersection(range(token.i, end)):
                    spans.append(self._span(doc, token.i, end, label, "propagated", None))
                    taken.update(range(token.i, end))
                    break
            else:
                if strip_genitive(token.text) in surnames:
                    spans.append(self._span(doc, token.i, token.i + 1, "PER", "propagated", None))
        return spans


def _sentence_initial(doc: Doc, i: int) -> bool:
    return doc[i].is_sent_start or (i > 0 and doc[i - 1].is_punct and doc[i - 1].text in '„"»«“(')


def _inside_word(doc: Doc, start: int, end: int) -> bool:
    """A match that is glued to letters (no whitespace) belongs to a larger word."""
    before = start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].text[-1:].isalpha()
    after = end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text[:1].isalpha()
    return before or after
