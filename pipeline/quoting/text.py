"""`Text`: token-level arrays of a Doc, computed once, that every quote extractor reads.

Plain lists indexed by token beat spaCy attribute access in the extractors' inner loops."""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from ..tokens import sentence_ranges, token_texts
from .lexicon import QuoteLexicon
from .marks import MARKS, Quotation, quotations

BOUNDARIES = frozenset({",", ";", ":", "-", "–", "—"}) | MARKS
SENT_END = frozenset({".", "!", "?", "…"})
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


class Text:
    """Words, sentences, paragraphs, entities and quotations of a Doc by token index."""

    def __init__(self, doc: Doc, lex: QuoteLexicon):
        self.doc, self.lex = doc, lex
        self.words = token_texts(doc)
        self.lower = [w.lower() for w in self.words]
        self.sents = sentence_ranges(doc)
        self.sent_of = [0] * len(doc)
        for k, (s, e) in enumerate(self.sents):
            for i in range(s, e):
                self.sent_of[i] = k
        breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(doc.text)]
        self.para = [bisect_right(breaks, doc[s].idx) for s, _ in self.sents]
        self.heading = [self._is_heading(s, e) for s, e in self.sents]
        self.ents = list(doc.ents)
        self.entity_ids = [e._.entity_id for e in self.ents]
        self.ent_at = [-1] * len(doc)
        for k, ent in enumerate(self.ents):
            for i in range(ent.start, ent.end):
                self.ent_at[i] = k
        self.quote_at = [-1] * len(doc)  # index of the enclosing Quotation (marks included)
        self.quotations = list(quotations(doc))
        for k, q in enumerate(self.quotations):
            for i in range(q.open, (q.close if q.close is not None else q.end - 1) + 1):
                self.quote_at[i] = k
        self.name_quote = [-1] * len(doc)  # closing mark of a quoted name ("„Silverbird“") at its opening mark
        for q in self.quotations:
            if self._names(q):
                self.name_quote[q.open] = q.close
        self.in_brackets = [False] * len(doc)  # "(Wikinews berichtete)" is an aside, not a claim
        depth = 0
        for i, w in enumerate(self.words):
            depth = max(0, depth + (w == "(") - (w == ")"))
            self.in_brackets[i] = depth > 0 and "\n" not in w
            if "\n" in w:
                depth = 0
        self.boundary = [w in BOUNDARIES for w in self.words]
        for o, c in enumerate(self.name_quote):
            if c >= 0:  # a quoted name does not end a clause
                self.boundary[o] = self.boundary[c] = False
        self.per = [(e.start, k) for k, e in enumerate(self.ents)
                    if e.label_ == "PER" and self.quote_at[e.start] < 0]
        self.per_starts = [s for s, _ in self.per]
        self.gender = self._entity_genders()
        self.roles = self._entity_roles()

    def _names(self, q: Quotation) -> bool:
        """A short capitalised quotation inside a sentence: a title or name, not a statement."""
        if q.close is None or q.close - q.open > 5:
            return False
        body = self.words[q.open + 1:q.close]
        return bool(body) and body[0][:1].isupper() and not any(w in SENT_END or w in BOUNDARIES for w in body)

    def _is_heading(self, s: int, e: int) -> bool:
        words = [w for w in self.words[s:e] if w.strip()]
        return bool(words) and words[-1][-1] not in ".!?“\"”«»:…)" and len(words) <= 15

    def is_word(self, i: int) -> bool:
        return self.words[i][:1].isalnum()

    def is_capital(self, i: int) -> bool:
        """A capitalised noun or name; at a sentence start function words and verbs are excluded."""
        w = self.words[i]
        if w[:1].isdigit():  # "der 39-Jährige"
            return "-" in w and w.split("-", 1)[1][:1].isupper()
        return w[:1].isupper() and not (self.opens_sentence(i) and self._function(self.lower[i]))

    def opens_sentence(self, i: int) -> bool:
        return i == self.sents[self.sent_of[i]][0] or self.words[i - 1] in MARKS or self.words[i - 1] == ":"

    def _function(self, w: str) -> bool:
        return w in self.lex.words or w in self.lex.verbs

    def eid(self, k: int | None) -> str | None:
        return None if k is None else self.entity_ids[k]

    def clause(self, i: int) -> tuple[int, int]:
        """Token range of the clause around i: between boundary punctuation within the sentence."""
        s, e = self.sents[self.sent_of[i]]
        a = i
        while a > s and not self.boundary[a - 1]:
            a -= 1
        b = i
        while b < e and not self.boundary[b] and self.words[b] not in SENT_END:
            b += 1
        return a, b

    def subordinate(self, a: int) -> bool:
        """Whether the clause from token a is subordinate: "weil …", "…, die …", "…, der …"."""
        w = self.lower[a]
        return self.lex.has(w, "subordinator") or (a > 0 and self.words[a - 1] == "," and
                                                   (self.lex.has(w, "relative") or self.lex.has(w, "det")))

    def content_end(self, s: int, e: int) -> int:
        """End of sentence content: before final punctuation and spaces."""
        while e > s and (self.doc[e - 1].is_space or self.words[e - 1] in SENT_END):
            e -= 1
        return e

    def plain_words(self, a: int, b: int) -> int:
        """Words in [a, b) outside quotation marks."""
        return sum(1 for k in range(a, b) if self.quote_at[k] < 0 and self.is_word(k))

    def _entity_genders(self) -> dict[str, str]:
        """Gender of PER entities from the role nouns or titles written before their mentions."""
        out: dict[str, str] = {}
        for start, k in self.per:
            for j in (start - 1, start - 2):
                if j >= 0:
                    role = self.lex.role(self.lower[j])
                    g = self.lex.roles.get(role, "") if role else ""
                    if g:
                        out.setdefault(self.eid(k), g)
                        break
        return out

    def _entity_roles(self) -> dict[str, set[str]]:
        """Role nouns written just before the mentions of each PER entity."""
        roles: dict[str, set[str]] = {}
        for start, k in self.per:
            for j in range(max(0, start - 3), start):
                role = self.lex.role(self.lower[j])
                if role:
                    roles.setdefault(self.eid(k), set()).add(role)
        return roles
