"""`Text`: token-level arrays of a Doc, computed once, that every quote extractor reads.

Plain lists indexed by token beat spaCy attribute access in the extractors' inner loops. What
nearly every Doc needs is built up front; what only some rules ask for (paragraphs, entity ids,
the genders and roles of persons) is built on first use."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import NamedTuple

from spacy.tokens import Doc

from ..german import SOURCE_WORDS
from ..tokens import TokenLayout, flagged, sentence_ranges, token_texts
from .lexicon import QuoteLexicon
from .marks import MARKS, Quotation, quotations

BOUNDARIES = frozenset({",", ";", ":", "-", "–", "—"}) | MARKS
SENT_END = frozenset({".", "!", "?", "…"})
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")
WEB_ADDRESS = re.compile(r"[a-z][\w-]*\.(?:de|com|org|net|at|ch|eu|info)\Z")  # "spiegel.de": a name in lower case


class PersonMention(NamedTuple):
    start: int  # first token
    entity: int  # index into Text.ents


def _first_word(is_space: list[bool], start: int, end: int) -> int:
    while start < end - 1 and is_space[start]:
        start += 1
    return start


class Text:
    """Words, sentences, paragraphs, entities and quotations of a Doc by token index."""

    def __init__(self, doc: Doc, lex: QuoteLexicon):
        self.doc, self.lex = doc, lex
        self.words = words = token_texts(doc)
        self.lower = lower = list(map(str.lower, words))
        self.layout = TokenLayout(doc)
        self.is_space = self.layout.is_space
        ranges = sentence_ranges(doc)
        self.sent_of = [0] * len(doc)
        for sentence, (start, end) in enumerate(ranges):
            self.sent_of[start:end] = [sentence] * (end - start)
        # a sentence starts at its first word, not at the spaces before it (the blanked date header
        # before the lede, a line break): "the phrase that opens the sentence" means that word
        self.sents = [(_first_word(self.is_space, start, end), end) for start, end in ranges]
        self.heading = [self._is_heading(start, end) for start, end in self.sents]
        self.ents = list(doc.ents)
        self.ent_at = [-1] * len(doc)
        for index, ent in enumerate(self.ents):
            self.ent_at[ent.start:ent.end] = [index] * (ent.end - ent.start)
        self.quotations = list(quotations(doc, words, self.layout))
        self.quote_at = [-1] * len(doc)  # index of the enclosing Quotation (marks included)
        for index, quotation in enumerate(self.quotations):
            last = quotation.close if quotation.close is not None else quotation.end - 1
            self.quote_at[quotation.open:last + 1] = [index] * (last + 1 - quotation.open)
        self.name_quote = [-1] * len(doc)  # closing mark of a quoted name ("„Silverbird“") at its opening mark
        self.boundary = [word in BOUNDARIES for word in words]
        for quotation in self.quotations:
            if self._names(quotation):
                self.name_quote[quotation.open] = quotation.close
                self.boundary[quotation.open] = self.boundary[quotation.close] = False  # a name ends no clause
        self.in_brackets = self._in_brackets()  # "(Wikinews berichtete)" is an aside, not a claim
        for i in [i for i, inside in enumerate(self.in_brackets) if inside and self.boundary[i]]:
            self.boundary[i] = False  # "X (Awoda, dt. Arbeiterpartei) hat bekräftigt": an aside ends no clause
        # a word outside quotations
        self.plain_word = [quote < 0 and word[:1].isalnum() for quote, word in zip(self.quote_at, words)]
        # where the extractors' cue words stand: they look only there instead of at every token
        self.verb_at = [i for i, word in enumerate(lower) if word in lex.verbs]
        self.source_at = [i for i, word in enumerate(lower) if word in SOURCE_WORDS]
        self.konjunktiv_at = flagged(words, lex.konjunktiv_forms, lex.konjunktiv_form)

    @cached_property
    def paragraph(self) -> list[int]:
        """The paragraph number of each sentence."""
        # a break is whitespace, which the tokenizer keeps in space tokens (`doc.text` would join every token)
        idx = self.layout.idx
        breaks = [idx[i] + match.start() for i, word in enumerate(self.words) if self.is_space[i] and "\n" in word
                  for match in PARAGRAPH_BREAK.finditer(word)]
        return [bisect_right(breaks, self.layout.idx[start]) for start, _ in self.sents]

    @cached_property
    def speech_act_at(self) -> list[int]:
        """Where nouns of speech acts stand ("Forderung", "Vorwürfe"): few rules ask, so built on first use."""
        return flagged(self.words, self.lex.speech_act_forms, self.lex.speech_act_noun)

    @cached_property
    def entity_ids(self) -> list[str | None]:
        return [ent._.entity_id for ent in self.ents]

    @cached_property
    def person_mentions(self) -> list[PersonMention]:
        """PER mentions outside quotations."""
        return [PersonMention(ent.start, index) for index, ent in enumerate(self.ents)
                if ent.label_ == "PER" and self.quote_at[ent.start] < 0]

    @cached_property
    def person_starts(self) -> list[int]:
        return [mention.start for mention in self.person_mentions]

    @cached_property
    def person_entity_ids(self) -> set[str | None]:
        return {self.entity_id(mention.entity) for mention in self.person_mentions}

    @cached_property
    def entity_gender(self) -> dict[str, str]:
        """Gender of PER entities from the role nouns or titles written before their mentions, else
        from their first name ("Angela Merkel")."""
        genders: dict[str, str] = {}
        for start, index in self.person_mentions:
            for before in (start - 1, start - 2):
                if before >= 0:
                    role = self.lex.role(self.lower[before])
                    gender = self.lex.role_gender(role) if role else ""
                    if gender:
                        genders.setdefault(self.entity_id(index), gender)
                        break
        entities = self.doc._.entities
        for _, index in self.person_mentions:
            entity_id = self.entity_id(index)
            names = (entities.get(entity_id) or {}).get("name", "").split()
            if entity_id not in genders and len(names) > 1 and names[0] in self.lex.first_name_gender:
                genders[entity_id] = self.lex.first_name_gender[names[0]]
        return genders

    @cached_property
    def entity_roles(self) -> dict[str, set[str]]:
        """Role nouns written just before the mentions of each PER entity."""
        roles: dict[str, set[str]] = {}
        for start, index in self.person_mentions:
            for before in range(max(0, start - 3), start):
                role = self.lex.role(self.lower[before])
                if role:
                    roles.setdefault(self.entity_id(index), set()).add(role)
        return roles

    def _names(self, quotation: Quotation) -> bool:
        """A short capitalised quotation inside a sentence: a title or name, not a statement."""
        if quotation.close is None or quotation.close - quotation.open > 5:
            return False
        body = self.words[quotation.open + 1:quotation.close]
        return bool(body) and (body[0][:1].isupper() or bool(WEB_ADDRESS.match(body[0]))) \
            and not any(word in SENT_END or word in BOUNDARIES for word in body)

    def _is_heading(self, start: int, end: int) -> bool:
        n_words = end - start - sum(self.is_space[start:end])
        if not n_words or n_words > 15:
            return False
        last = end - 1
        while self.is_space[last]:
            last -= 1
        return self.words[last][-1] not in ".!?“\"”«»:…)"

    def _in_brackets(self) -> list[bool]:
        """Tokens inside round brackets; a line break closes them all."""
        inside = [False] * len(self.words)
        if "(" not in self.words:
            return inside
        depth, plain = 0, 0  # tokens from `plain` to the next bracket or line break are inside if depth > 0
        for i in [i for i, word in enumerate(self.words) if word == "(" or word == ")" or "\n" in word]:
            if depth > 0:
                inside[plain:i] = [True] * (i - plain)
            word = self.words[i]
            depth = 0 if "\n" in word else max(0, depth + (word == "(") - (word == ")"))
            inside[i] = depth > 0
            plain = i + 1
        if depth > 0:
            inside[plain:] = [True] * (len(inside) - plain)
        return inside

    def is_word(self, i: int) -> bool:
        return self.words[i][:1].isalnum()

    def is_capital(self, i: int) -> bool:
        """A capitalised noun or name; at a sentence start function words and verbs are excluded."""
        word = self.words[i]
        if word[:1].isdigit():  # "der 39-Jährige"
            return "-" in word and word.split("-", 1)[1][:1].isupper()
        return word[:1].isupper() and not (self.opens_sentence(i) and self._function(self.lower[i]))

    def opens_sentence(self, i: int) -> bool:
        return i == self.sents[self.sent_of[i]][0] or self.words[i - 1] in MARKS or self.words[i - 1] == ":"

    def _function(self, word: str) -> bool:
        return word in self.lex.words or word in self.lex.verbs

    def entity_id(self, index: int | None) -> str | None:
        """The entity id of `ents[index]` (None for None)."""
        return None if index is None else self.entity_ids[index]

    def clause(self, i: int) -> tuple[int, int]:
        """Token range of the clause around i: between boundary punctuation within the sentence."""
        sent_start, sent_end = self.sents[self.sent_of[i]]
        start = i
        while start > sent_start and not self.boundary[start - 1]:
            start -= 1
        end = i
        while end < sent_end and not self.boundary[end] and self.words[end] not in SENT_END:
            end += 1
        return start, end

    def subordinate(self, start: int) -> bool:
        """Whether the clause from token `start` is subordinate: "weil …", "…, die …", "…, der …"."""
        word = self.lower[start]
        return self.lex.has(word, "subordinator") or (start > 0 and self.words[start - 1] == "," and
                                                      (self.lex.has(word, "relative") or self.lex.has(word, "det")))

    def content_end(self, start: int, end: int) -> int:
        """End of sentence content: before final punctuation and spaces."""
        while end > start and (self.is_space[end - 1] or self.words[end - 1] in SENT_END):
            end -= 1
        return end

    def plain_words(self, start: int, end: int) -> int:
        """Words in [start, end) outside quotation marks."""
        return sum(self.plain_word[start:end]) if start < end else 0

    @staticmethod
    def within(positions: list[int], start: int, end: int) -> list[int]:
        """The sorted `positions` in [start, end)."""
        return positions[bisect_left(positions, start):bisect_left(positions, end)]
