"""German person, place and organisation mentions from gazetteers, lexicons and contextual cues.

German capitalises every noun, so capitalisation alone says little; a capitalised word becomes a
mention only with evidence, and common nouns (also compounds ending in one: "Rundumtonkombination")
never do on their own. Evidence, in order of trust:
- gazetteer entries and organisation shapes ("… AG", "Bundesamt für …", "Hamburger Mieterverein");
- free-standing acronyms ("ADAC");
- a class noun before the name that gives its type: roles for persons ("Außenminister",
  "Nato-Chef"), "Gemeinde"/"Dörfer" for places, "Ölgesellschaft" for organisations; the type carries
  over a list that follows ("die Dörfer A, B und C");
- words inside a multi-word name ("Jet Airways", "Hudson River", "St. Moritz");
- first names, a party in brackets ("Wadephul (CDU)"), surname and place word classes;
- place-name endings ("-straße", "-hausen"), place prepositions and speech verbs around unknown names.
Names found by context are propagated to their other occurrences in the article.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from itertools import takewhile

from spacy import util
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import lexicon
from ..german import (ARTICLES, CLAUSE_CONJUNCTIONS, DEFINITE_GENITIVE_ARTICLES, LIST_JOINERS as LIST_WORDS,
                      LOCATIVE_PREPOSITIONS, NAME_PARTICLES, NAMING_ADJECTIVE_STEMS, NON_GENITIVE_S_ENDINGS,
                      OPENING_PARTICLES, PARTICLE_ARTICLES, STOP_WORDS, SUBJECT_PRONOUNS)
from ..names import strip_genitive
from ..tokens import token_texts

LABELS = ("PER", "LOC", "ORG")
FILES = ("gazetteer.jsonl", "first_names.tsv", "word_classes.tsv", "common_nouns.txt",
         "curated/roles.tsv", "curated/role_suffixes.tsv", "curated/name_cues.tsv", "entity_patterns.jsonl",
         "non_entities.txt", "ambiguous_nouns.txt", "lower_words.txt")
# the German words (articles, name particles, pronouns, joiners) come from pipeline/german.py; OPENING_PARTICLES
# open a name on their own when capitalised ("Van Gaal", "Al Gore"); "Von" and "Zu" only with an article after
# them ("Von der Leyen"): "Von Scholz kam keine Antwort" is a preposition
ROMAN = re.compile(r"[IVX]+\Z")
ACRONYM = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,5}\Z")
CLAUSE_ENDS = frozenset({".", ",", ";", ":", "!", "?", "("}) | CLAUSE_CONJUNCTIONS  # "…, sagte Richter und …"
LIST_JOINERS = frozenset({","}) | LIST_WORDS  # "die Dörfer A, B und C"
LIST_HEADS = frozenset({"cue", "list", "preposition", "place_tail"})  # methods whose label carries over a list
ORG_ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,5}[0-9]?\Z")
NAME_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(e|en|er|es)\Z")  # inflected adjective (morphology regex)
INITIAL = re.compile(r"[A-ZÄÖÜ]\.\Z")
ROMAN_ORDINAL = re.compile(r"[IVX]+\.\Z")
# predicative adjectives and participles ("Verhandlungsfähig ist", "Abgelehnt wurde", "Abschließend wird"):
# adjective suffixes, present participles, comparatives, and a "ge-" participle behind a separable prefix
# (German morphology as a regex, so it stays here rather than in german_words.tsv)
ADJECTIVE_SHAPE = re.compile(r"(?:.*(?:ig|lich|isch|bar|sam|los|haft|end|erer|weiss|weiß)|[a-zäöü]{0,5}ge[a-zäöüß]{3,}(?:en|t))\Z")
SUBJECTS = ARTICLES | SUBJECT_PRONOUNS
MODEL_NUMBER = re.compile(r"\d{1,3}[a-z]*\Z")  # "135", "4xx", "01"; not years, "1,4" or "2.0"


@dataclass
class Lexicons:
    first_names: set[str] = field(default_factory=set)
    word_class: dict[str, str] = field(default_factory=dict)
    common_nouns: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    role_suffixes: tuple[str, ...] = ()
    non_entities: set[str] = field(default_factory=set)
    heads: dict[str, str] = field(default_factory=dict)  # class noun before a name -> label
    head_tails: tuple[tuple[str, str], ...] = ()  # tail of a compound class noun -> label
    inside: dict[str, str] = field(default_factory=dict)  # word inside a multi-word name -> label
    prefixes: set[str] = field(default_factory=set)  # first word of a place name ("San", "St.")
    titles: set[str] = field(default_factory=set)  # titles that belong to the name ("Lady Gaga")
    cue_words: dict[str, str] = field(default_factory=dict)  # speech verbs (PER), place prepositions (LOC)
    name_tails: tuple[str, ...] = ()  # compound tails of place and family names ("-berg", "-hausen")
    place_tails: tuple[str, ...] = ()  # endings of street and place names ("-straße", "-hausen")
    work_words: set[str] = field(default_factory=set)  # English words in titles of works ("The", "Of")
    ambiguous: set[str] = field(default_factory=set)  # common nouns that are also names ("Stein", "Wolf")
    verbs: set[str] = field(default_factory=set)  # finite auxiliaries and modals ("hatte", "musste")
    lower_words: set[str] = field(default_factory=set)  # frequent lower-case words ("zuvor", "insgesamt")

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
        self.pattern_left: dict[str, str] = {}  # pattern key -> "", "adjective" or "adjective_required"
        self.pattern_trim: set[str] = set()  # pattern keys whose leading German common nouns are dropped
        self.anchors = _Anchors()  # words one of the shape patterns needs; the Matcher runs only around them
        self.files = lexicon.DataFiles()  # filled by `initialize` or `from_bytes`/`from_disk`
        self._common_cache: dict[str, bool] = {}
        self._name_like_cache: dict[str, bool] = {}

    # -- loading -----------------------------------------------------------------------------
    def initialize(self, get_examples=None, *, nlp: Language | None = None, data_dir: str | None = None,
                   extend: list[str] | None = None) -> None:
        """Load the lexicons from `data_dir` (default: the package's data), plus the same-named files
        of every folder in `extend` (a user's extra gazetteer entries, patterns or words)."""
        self._load(lexicon.DataFiles.from_dirs(lexicon.resolve_data_dir(data_dir), FILES, extend or ()))

    def _load(self, files: lexicon.DataFiles) -> None:
        self.files = files
        self.phrases = PhraseMatcher(self.nlp.vocab)
        self.patterns = Matcher(self.nlp.vocab)
        self.canonical, self.pattern_left, self.pattern_trim = {}, {}, set()
        self.anchors = _Anchors()
        by_key: dict[str, list[Doc]] = {}
        for entry in files.jsonl("gazetteer.jsonl"):
            key = f"{entry['label']}|{entry.get('id') or entry['pattern']}"
            self.canonical[key] = (entry["label"], entry.get("id") or entry["pattern"])
            by_key.setdefault(key, []).append(self.nlp.make_doc(entry["pattern"]))
        for key, docs in by_key.items():
            self.phrases.add(key, docs)
        for entry in files.jsonl("entity_patterns.jsonl"):
            key = f"{entry['label']}|{entry['id']}"
            self.canonical.setdefault(key, (entry["label"], ""))
            self.pattern_left[key] = entry.get("left", "")
            if entry.get("trim_common"):
                self.pattern_trim.add(key)
            self.patterns.add(key, [entry["pattern"]])
            self.anchors.add(entry["pattern"])
        lex = Lexicons()
        lex.first_names = {name for name, in files.columns("first_names.tsv", "name")}
        lex.word_class = dict(files.columns("word_classes.tsv", "word", "class"))
        lex.common_nouns = files.words("common_nouns.txt")
        lex.roles = {row["word"] for row in files.tsv("curated/roles.tsv")}
        lex.role_suffixes = tuple(sorted({row["suffix"].lstrip("-").lower() for row in files.tsv("curated/role_suffixes.tsv")}))
        lex.non_entities = files.words("non_entities.txt")
        cues: dict[str, dict[str, str]] = {}  # kind -> word -> label
        for row in files.tsv("curated/name_cues.tsv"):
            cues.setdefault(row["kind"], {})[row["word"]] = row["label"]
        by_kind = lambda kind: cues.get(kind, {})  # noqa: E731
        lex.heads, lex.inside = by_kind("before"), by_kind("inside")
        lex.head_tails = tuple(by_kind("tail").items())
        lex.prefixes, lex.titles = set(by_kind("prefix")), set(by_kind("title"))
        lex.cue_words = {**by_kind("speech"), **by_kind("preposition")}
        lex.name_tails = tuple(by_kind("name_tail"))
        lex.work_words = set(by_kind("work"))
        lex.place_tails = tuple(by_kind("place_tail"))
        lex.ambiguous = files.words("ambiguous_nouns.txt")
        lex.verbs = set(by_kind("verb"))
        lex.lower_words = files.words("lower_words.txt")
        self._common_cache, self._name_like_cache = {}, {}
        self.lex = lex
        if not by_key or not lex.first_names:
            warnings.warn(f"{self.name}: the gazetteer or the first names are empty; few entities will be found",
                          stacklevel=2)

    def to_bytes(self, *, exclude=()) -> bytes:
        return util.to_bytes({"data": self.files.to_bytes}, exclude)

    def from_bytes(self, data: bytes, *, exclude=()) -> "EntityRules":
        util.from_bytes(data, {"data": lambda b: self._load(lexicon.DataFiles.from_bytes(b))}, exclude)
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        util.to_disk(path, {"data": self.files.to_disk}, exclude)

    def from_disk(self, path, *, exclude=()) -> "EntityRules":
        util.from_disk(path, {"data": lambda p: self._load(lexicon.DataFiles.from_disk(p, FILES))}, exclude)
        return self

    # -- processing --------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if not self.files.parts:
            raise ValueError(f"component '{self.name}' has no lexicons: call nlp.initialize() "
                             "(or its initialize()) before using it")
        texts = token_texts(doc)
        found = self._gazetteer(doc) + self._shapes(doc, texts)
        found = [s for s in found if not self._after_first_name(doc, s)]
        taken = {i for span in found for i in range(span.start, span.end)}
        found += self._acronyms(doc, texts, taken)
        found += self._names(doc, texts, {i for span in found for i in range(span.start, span.end)})
        if self.propagate_names:
            found = self._surnames_over_places(doc, found)
            found += self._propagate(doc, texts, found)
        found = [self._with_particles(doc, texts, s) for s in found]
        if doc.has_annotation("SENT_START"):
            found = [s for s in map(_within_sentence, found) if s is not None]
        mentions = _join_club_places(_join_slashed(filter_spans(found)))
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

    def _after_first_name(self, doc: Doc, span: Span) -> bool:
        """A one-word place or brand right after a first name is a surname ("Uta Hagen", "Rudolf Skoda")."""
        if len(span) != 1 or span.start == 0 or span._.method != "gazetteer":
            return False
        before = doc[span.start - 1].text
        return before in self.lex.first_names and not self._is_common(before) and before not in self.lex.ambiguous

    def _shape_matches(self, doc: Doc, texts: list[str]) -> list[tuple[int, int, int]]:
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
                for key, start, end in self.patterns(doc[offset:stop])]

    def _shapes(self, doc: Doc, texts: list[str]) -> list[Span]:
        spans = []
        for key_id, start, end in self._shape_matches(doc, texts):
            key = self.nlp.vocab.strings[key_id]
            label, _ = self.canonical[key]
            if end - start == 2 and texts[start + 1] in self.lex.common_nouns and not self._is_name(texts[start + 1]):
                continue  # a class noun and a common noun: "die Polizei Anfang der 1980er", "Theater Verlag"
            if doc[start].lower_.startswith(NAMING_ADJECTIVE_STEMS):
                start += 1  # the cue that introduces a name is not part of it
            if key in self.pattern_trim and end - start > 2 and self._is_common(texts[start]) \
                    and not self.anchors.has(texts[start]):
                start += 1  # "Fluggesellschaft Southwest Airlines": the German class noun is no part of it
            # a capitalised adjective before the head belongs to the name ("Medizinische Hochschule
            # Hannover", "Passauer Neue Presse"); matched here, not in the pattern, to keep the Matcher fast
            left = self.pattern_left.get(key)
            if left:
                if start > 0 and NAME_ADJECTIVE.match(doc[start - 1].text) \
                        and doc[start - 1].lower_ not in STOP_WORDS:
                    start -= 1
                elif left == "adjective_required":
                    continue
            spans.append(self._span(doc, start, end, label, "pattern", None))
        return filter_spans(spans)

    def _acronyms(self, doc: Doc, texts: list[str], taken: set[int]) -> list[Span]:
        """Free-standing acronyms ("ADAC", "NHK") name organisations far more often than anything else."""
        spans = []
        for i, text in enumerate(texts):
            if i in taken or not ORG_ACRONYM.match(text) or ROMAN.match(text) \
                    or text in self.lex.non_entities or _inside_word(doc, i, i + 1):
                continue
            if i + 1 < len(texts) and MODEL_NUMBER.match(texts[i + 1]):
                continue  # a type designation: "EC 135", "GTX 480", "KEL 1"
            end = i + 1  # with the name it heads: "PKN Orlen", "JFE Holdings"
            while end < len(texts) and end - i < 2 and (ORG_ACRONYM.match(texts[end]) and end not in taken or (
                    self._name_like(texts[end]) and not self._is_common(texts[end]))):
                end += 1
            spans.append(self._span(doc, i, end, "ORG", "acronym", None))
            taken.update(range(i, end))
        return spans

    # -- names from context ------------------------------------------------------------------
    def _name_like(self, word: str) -> bool:
        cached = self._name_like_cache.get(word)
        if cached is None:
            cached = self._name_like_cache[word] = self._looks_like_name(word)
        return cached

    def _looks_like_name(self, word: str) -> bool:
        if len(word) < 2 or not word[0].isupper() or word.lower() in STOP_WORDS or word in self.lex.non_entities:
            return False
        if ACRONYM.match(word) or ROMAN.match(word):
            return False
        parts = word.split("-")
        return all(p[:1].isupper() and p[1:].islower() or p[1:].isalpha() and not p.isupper() for p in parts if p)

    def _is_name(self, word: str) -> bool:
        """Known as a first name or as a surname-like word class."""
        return any(p in self.lex.first_names or self.lex.word_class.get(p) in ("SURNAME", "FIRSTNAME")
                   for p in strip_genitive(word).split("-"))

    def _is_common(self, word: str) -> bool:
        """A common noun (or a compound ending in one, "Rundumtonkombination") that is not also a name."""
        cached = self._common_cache.get(word)
        if cached is None:
            head = word.rsplit("-", 1)[-1]  # a German compound is what its last part is
            cached = self._common_cache[word] = not self._is_name(head) and (
                head in self.lex.common_nouns or self._common_tail(head))
        return cached

    def _common_tail(self, word: str) -> bool:
        for i in range(3, len(word) - 3):
            tail = word[i:]
            noun = tail[0].upper() + tail[1:]
            if noun in self.lex.common_nouns or noun in self.lex.ambiguous:
                return not tail.endswith(self.lex.name_tails)
        return False

    def _runs(self, texts: list[str], taken: set[int]) -> list[tuple[int, int]]:
        """Maximal runs of name-like tokens, with initials ("George W. Bush"), regnal numbers
        ("Otto II.") and particles between names ("Ernest de Ganay", "Ursula von der Leyen")."""
        runs, i, n = [], 0, len(texts)
        while i < n:
            starts_name = self._name_like(texts[i]) or texts[i] in self.lex.prefixes or (
                INITIAL.match(texts[i]) and i + 1 < n and self._name_like(texts[i + 1]))  # "A. Korsakow"
            if i in taken or not starts_name:
                i += 1
                continue
            j = i + 1
            while j < n and j not in taken:
                word = texts[j]
                if self._name_like(word) and not self.lex.is_role(word) or INITIAL.match(word) \
                        or ROMAN_ORDINAL.match(word):
                    j += 1  # a role ends the name: "Julio A. Roca Präsident des Senats"
                    continue
                k = j
                while k < n and k not in taken and texts[k] in NAME_PARTICLES:
                    k += 1
                after_name = texts[j - 1] in self.lex.first_names or ROMAN_ORDINAL.match(texts[j - 1])
                if k > j and k < n and k not in taken and self._name_like(texts[k]) \
                        and (after_name or not self._is_common(texts[k]) and not self._is_common(texts[j - 1])) \
                        and texts[j] not in PARTICLE_ARTICLES:
                    j = k + 1
                    continue
                break
            runs.append((i, j))
            i = j
        return runs

    def _split_runs(self, texts: list[str], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """A class noun inside a run after a name starts a new one: "Bushs Parteikollege McCain" is
        two names, the second with its cue."""
        out = []
        for start, end in runs:
            if any(w in self.lex.inside or w in self.lex.work_words for w in texts[start:end]):
                out.append((start, end))  # a foreign multi-word name: "Danish Refugee Council"
                continue
            k = start + 1
            while k < end - 1:
                if self._is_head(texts[k]) and not self._is_common(texts[k - 1]) \
                        and texts[k - 1] not in self.lex.prefixes and texts[k - 1] not in self.lex.titles:
                    out.append((start, k))
                    start = k
                k += 1
            out.append((start, end))
        return out

    def _names(self, doc: Doc, texts: list[str], taken: set[int]) -> list[Span]:
        spans = []
        for start, end in self._split_runs(texts, self._runs(texts, taken)):
            if end - start == 1 and self._is_common(texts[start]) and not texts[start].endswith(self.lex.place_tails) \
                    and not self._speaker_slot(texts, start):
                continue  # a lone common noun: most runs, and no rule below takes one
            if end - start > 1 and texts[start].lower() in OPENING_PARTICLES and _sentence_initial(doc, start):
                start += 1  # "Van Gaal": classified as "Gaal" and joined with its particle afterwards
            cue = None
            while end - start > 1 and self._is_head(texts[start]):
                cue = texts[start]  # "Bundeskanzler Friedrich Merz", "Ölgesellschaft Petrobras"
                start += 1
            firsts = [i for i in range(start + 1, end - 1) if texts[i] in self.lex.first_names]
            if firsts and cue is None and texts[start] not in self.lex.titles \
                    and not any(self._is_name(w) for w in texts[start:firsts[0]]):
                cue, start = texts[firsts[0] - 1], firsts[0]  # "Rennkanute Adam Seroczynski"
            if cue is None and start > 0 and self._is_head(texts[start - 1]):
                cue = texts[start - 1]
            if end - start > 1 and _genitive(texts[end - 2]) and texts[end - 2] not in self.lex.first_names \
                    and self._is_common(texts[end - 1]):
                end -= 1  # "Ravens Tod": the possessed thing is not part of the name
            span = self._classify(doc, texts, start, end, cue)
            prev = spans[-1] if spans else None
            if span is None and prev is not None and prev._.method in LIST_HEADS and start > prev.end \
                    and all(w in LIST_JOINERS for w in texts[prev.end:start]) \
                    and not any(self._is_common(w) for w in texts[start:end]):
                span = self._span(doc, start, end, prev.label_, "list", None)  # "die Dörfer Hokkala, Kumpula und …"
            if span is not None:
                spans.append(span)
        return spans

    def _is_head(self, word: str) -> bool:
        """A role, class noun or other common noun that can stand before a name ("Gemeinde Akkala")."""
        if word in self.lex.titles or word in self.lex.prefixes:
            return False
        return self.lex.is_role(word) or word in self.lex.heads \
            or self._is_common(word) and not self._is_name(word.rsplit("-", 1)[-1])  # "Williams-Tester"

    def _speaker_slot(self, texts: list[str], i: int) -> bool:
        """A lone word between a speech verb and the end of the clause ("…, sagte Richter.")."""
        return i > 0 and self.lex.cue_words.get(texts[i - 1]) == "PER" and i + 1 < len(texts) \
            and texts[i + 1] in CLAUSE_ENDS

    def _cue_label(self, word: str | None) -> str | None:
        if word is None:
            return None
        if word in self.lex.heads:
            return self.lex.heads[word]
        if self.lex.is_role(word):
            return "PER"
        for form in dict.fromkeys((word, word[:-1] if word.endswith("s") else word)):  # "des Technologiekonzerns X"
            if form in self.lex.heads:
                return self.lex.heads[form]
            lower = form.lower()
            for tail, label in self.lex.head_tails:
                if lower.endswith(tail):
                    return label
        return None

    def _classify(self, doc: Doc, texts: list[str], start: int, end: int, cue: str | None) -> Span | None:
        words = texts[start:end]
        names = [w for w in words if self._name_like(w)]
        if not names or len(words) > 6:
            return None
        first, last = words[0], strip_genitive(words[-1])
        cls, lex = self.lex.word_class, self.lex
        commons = [self._is_common(w) for w in words]
        before = texts[start - 1] if start > 0 else ""
        after = texts[end] if end < len(texts) else ""
        initial = _sentence_initial(doc, start)
        make = lambda label, method: self._span(doc, start, end, label, method, None)  # noqa: E731
        if len(words) >= 2:
            inside = [lex.inside.get(w) for w in words]
            if inside[-1] or first in lex.prefixes:
                return make(inside[-1] or "LOC", "name_word")
            for label in ("ORG", "LOC"):
                if label in inside and first not in lex.first_names:
                    return make(label, "name_word")
            if any(w in lex.work_words for w in words):
                return None  # titles of songs, books and films are not PER/LOC/ORG
        cue_label = self._cue_label(cue)
        if cue_label is None and before in DEFINITE_GENITIVE_ARTICLES and start > 1 and lex.is_role(texts[start - 2]) \
                and not self._is_name(first) and first not in lex.ambiguous and cls.get(first) in (None, "ORG"):
            cue_label = "ORG"  # "Präsident der Bundesärztekammer"
        if cue_label and not commons[-1]:
            if cue_label != "PER" or not any(cls.get(w) in ("PLACE", "ORG") for w in words if not self._is_name(w)):
                return make(cue_label, "cue")
        party_after = end + 2 < len(texts) and after == "(" and texts[end + 2] == ")" \
            and cls.get(texts[end + 1]) == "ORG"
        if party_after and not commons[-1]:
            return make("PER", "party")
        if first in lex.titles and len(words) >= 2:
            if before in lex.first_names and not self._is_common(before):  # "Karl-Theodor Freiherr von und zu …"
                return self._span(doc, start - 1, end, "PER", "title", None)
            return make("PER", "title")
        # a common noun ends a name after a particle or two first names ("Joseph Victor von Scheffel")
        named_last = len(words) >= 3 and (words[-2] in NAME_PARTICLES or words[-2] in lex.first_names)
        if len(words) >= 2 and all(p in lex.first_names for p in first.split("-")) \
                and (not commons[-1] or named_last or len(words) == 2 and not self._is_common(first)):
            return make("PER", "first_name")
        if len(words) >= 2 and not any(commons) and cls.get(last) == "SURNAME" and not initial \
                and (last not in lex.ambiguous or first in lex.first_names):
            return make("PER", "name_pair")
        if len(names) != 1:
            return None
        word = strip_genitive(words[0])
        if len(words) == 1 and word.endswith(lex.place_tails) and word not in lex.common_nouns \
                and cls.get(word) != "SURNAME" and not initial:
            return make("LOC", "place_tail")  # "Knoopstraße", "Helmarshausen": compound place names
        if len(words) == 1 and self._speaker_slot(texts, start) and word not in lex.non_entities \
                and not lex.is_role(word):
            return make("PER", "speech")  # "…, sagte Richter.": a noun there would need an article
        if commons[0]:
            return None
        opener = self._particles_before(doc, texts, start)
        if opener < start and texts[opener][:1].isupper() and len(words) == 1 \
                and cls.get(word) in (None, "SURNAME", "FIRSTNAME") and word not in lex.ambiguous:
            return make("PER", "particle")  # "Von der Leyen sagte", "De Maizière kam" (not "von der Sonne")
        # "in Bracht", not "in Merkels"
        in_place = before in LOCATIVE_PREPOSITIONS and word == words[0] and word not in lex.first_names
        if (cls.get(word) == "SURNAME" or cls.get(words[0]) == "SURNAME") and before.lower() not in ARTICLES \
                and not in_place:
            return make("PER", "surname")  # an article makes it a noun: "der Preis", "die Jungs"
        if lex.cue_words.get(before) == "PER" and word not in lex.ambiguous:
            return make("PER", "speech")  # "sagte Schönberg": the verb outweighs a place-like word class
        label = {"PLACE": "LOC", "ORG": "ORG"}.get(cls.get(words[0]))
        if label and not initial:
            return make(label, "word_class")
        if word in lex.ambiguous:
            return None
        if word in lex.first_names and cls.get(word) in ("FIRSTNAME", "SURNAME"):
            return make("PER", "first_name")
        if lex.cue_words.get(before) == "PER" or (lex.cue_words.get(after) == "PER" and not initial):
            return make("PER", "speech")
        if len(words) == 1 and self._verb_beside(texts, start, initial, word):
            return make("PER", "verb")
        if words[0].endswith("s") and word != words[0] and self._is_common(after) and before.lower() not in ARTICLES:
            return make("PER", "genitive")  # "Zabels Entscheidung": a name in the Saxon genitive
        if lex.cue_words.get(before) == "LOC" and (cls.get(words[0]) is None or in_place) and not initial \
                and word.isalpha() and word[1:].islower():
            return make("LOC", "preposition")
        return None

    def _verb_beside(self, texts: list[str], i: int, initial: bool, word: str) -> bool:
        """A bare unknown word as the subject of a finite auxiliary or speech verb: "Zuvor musste Kolbritz
        aber ...", "Wendoszek wurde ...", "Wendoszek meinte ..."; a noun there would need an article. At a
        sentence start the word must not be a capitalised adverb ("Zuvor", "Insgesamt") or adjective."""
        lex, lower = self.lex, word.lower()
        if word.endswith("-") or lower in lex.lower_words or ADJECTIVE_SHAPE.match(lower):
            return False
        after = texts[i + 1] if i + 1 < len(texts) else ""
        if initial:  # the subject is not further on: "Außerdem will sich die Partei", "Damit hatte er"
            next_two = texts[i + 2:i + 4]
            return (after in lex.verbs or lex.cue_words.get(after) == "PER") \
                and not any(w.lower() in SUBJECTS for w in takewhile(lambda w: w not in CLAUSE_ENDS, next_two))
        return i > 0 and texts[i - 1] in lex.verbs and after[:1].islower()

    def _particles_before(self, doc: Doc, texts: list[str], start: int) -> int:
        """Start of the particles that open the name at `start`: "von der" anywhere ("Ursula von der
        Leyen" is one run already; this is for "Ministerin von der Leyen"), a capitalised particle
        at the start of a sentence ("Von der Leyen", "Van Gaal"). A lone lower-case "von" is left
        out: "ein Brief von Merz" is a preposition."""
        i = start
        if i >= 2 and texts[i - 1] in PARTICLE_ARTICLES and texts[i - 2].lower() in NAME_PARTICLES \
                and texts[i - 2].lower() not in PARTICLE_ARTICLES:
            i -= 2  # "von der", "van den", "de la"
        elif i >= 1 and texts[i - 1].lower() in OPENING_PARTICLES and texts[i - 1][:1].isupper():
            i -= 1  # "Van Gaal", "De Maizière"
        else:
            return start
        opener = texts[i]
        if opener[:1].isupper() and not _sentence_initial(doc, i):
            return start  # a capitalised particle mid-sentence opens a title or work, not a person
        if opener.islower() and i > 0 and texts[i - 1] in self.lex.first_names:
            return start  # "Ursula von der Leyen": already one run
        return i

    def _with_particles(self, doc: Doc, texts: list[str], span: Span) -> Span:
        if span.label_ != "PER":
            return span
        start = self._particles_before(doc, texts, span.start)
        if start == span.start:
            return span
        return self._span(doc, start, span.end, "PER", span._.method, span._.canonical)

    def _surnames_over_places(self, doc: Doc, found: list[Span]) -> list[Span]:
        """A one-word place or organisation known only from a list (gazetteer, word class) that is the
        surname of a person named in the article is that person: "Sebastian Kehl … so Kehl" (not the
        town of Kehl)."""
        surnames = {strip_genitive(s[-1].text) for s in found if s.label_ == "PER" and len(s) > 1}
        return [self._span(doc, s.start, s.end, "PER", "propagated", None)
                if len(s) == 1 and s._.method in ("gazetteer", "word_class") and s.label_ != "PER"
                and strip_genitive(s.text) in surnames else s
                for s in found]

    def _propagate(self, doc: Doc, texts: list[str], found: list[Span]) -> list[Span]:
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
        for i, text in enumerate(texts):
            if i in taken or not text[:1].isupper():
                continue
            for words, label in phrases.get(text, ()):
                end = i + len(words)
                if tuple(texts[i:end]) == words and not taken.intersection(range(i, end)):
                    spans.append(self._span(doc, i, end, label, "propagated", None))
                    taken.update(range(i, end))
                    break
            else:
                if strip_genitive(text) in surnames:
                    spans.append(self._span(doc, i, i + 1, "PER", "propagated", None))
        return spans


def _within_sentence(span: Span) -> Span | None:
    """A mention never runs into the next sentence ("Plattform X. Schneider kam": "X." ends one):
    it keeps its part from the last sentence start inside it."""
    starts = [i for i in range(span.start + 1, span.end) if span.doc[i].is_sent_start]
    if not starts:
        return span
    kept = Span(span.doc, starts[-1], span.end, label=span.label_)
    kept._.method, kept._.canonical = span._.method, None
    return kept


class _Anchors:
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


def _sentence_initial(doc: Doc, i: int) -> bool:
    """First word of a sentence, also after blanks that start it (the blanked date header of a lede)
    or an opening quote or bracket."""
    j = i
    while j > 0 and not doc[j].is_sent_start and doc[j - 1].is_space:
        j -= 1
    return doc[j].is_sent_start or (i > 0 and doc[i - 1].is_punct and doc[i - 1].text in '„"»«“(')


def _join_slashed(spans: list[Span]) -> list[Span]:
    """"München/Hamburg" is one mention: names of one type written with a slash between them."""
    spans = sorted(spans, key=lambda s: s.start)
    joined: list[Span] = []
    for span in spans:
        prev = joined[-1] if joined else None
        doc = span.doc
        if prev is not None and prev.label_ == span.label_ and span.start == prev.end + 1 \
                and doc[prev.end].text == "/" and not doc[prev.end - 1].whitespace_ and not doc[prev.end].whitespace_:
            merged = Span(doc, prev.start, span.end, label=span.label_)
            merged._.method, merged._.canonical = prev._.method, None
            joined[-1] = merged
        else:
            joined.append(span)
    return joined


def _join_club_places(spans: list[Span]) -> list[Span]:
    """A place right after an organisation shape is part of its name ("FC Carl Zeiss Jena", "ESV Lok Zwickau"),
    and so is an acronym right after an organisation: its unit or subsidiary ("Fraunhofer IAO")."""
    joined: list[Span] = []
    for span in spans:
        prev = joined[-1] if joined else None
        if prev is not None and prev.label_ == "ORG" and span.start == prev.end and len(span) == 1 and (
                prev._.method in ("pattern", "acronym") and span.label_ == "LOC"
                or prev._.method == "gazetteer" and span._.method == "acronym" and prev[-1].whitespace_
                and len(prev.text) > 4 and not prev.text.isupper()):  # not two organisations: "Nato ISAF"
            merged = Span(span.doc, prev.start, span.end, label="ORG")
            merged._.method, merged._.canonical = prev._.method, None
            joined[-1] = merged
        else:
            joined.append(span)
    return joined


def _genitive(word: str) -> bool:
    return word.endswith(("s", "'", "’")) and not word.endswith(NON_GENITIVE_S_ENDINGS)  # -s, or ' after a sibilant


def _inside_word(doc: Doc, start: int, end: int) -> bool:
    """A match that is glued to letters (no whitespace) belongs to a larger word."""
    before = start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].text[-1:].isalpha()
    after = end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text[:1].isalpha()
    return before or after
