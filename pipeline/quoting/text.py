"""`Text`: token-level arrays of a Doc, computed once, that every quote extractor reads.

Plain lists indexed by token beat spaCy attribute access in the extractors' inner loops."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from ..german import SOURCE_WORDS
from ..tokens import TokenLayout, sentence_ranges, token_texts
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
        self.layout = TokenLayout(doc)
        self.is_space = self.layout.is_space
        self.lower = list(map(str.lower, self.words))
        self.sents = sentence_ranges(doc)
        self.sent_of = [0] * len(doc)
        for k, (s, e) in enumerate(self.sents):
            self.sent_of[s:e] = [k] * (e - s)
        text = "".join([w + " " if space else w for w, space in zip(self.words, self.layout.space_after)])  # doc.text
        breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(text)]
        self.para = [bisect_right(breaks, self.layout.idx[s]) for s, _ in self.sents]
        self.heading = [self._is_heading(s, e) for s, e in self.sents]
        self.ents = list(doc.ents)
        self.entity_ids = [e._.entity_id for e in self.ents]
        self.ent_at = [-1] * len(doc)
        for k, ent in enumerate(self.ents):
            self.ent_at[ent.start:ent.end] = [k] * (ent.end - ent.start)
        self.quote_at = [-1] * len(doc)  # index of the enclosing Quotation (marks included)
        self.quotations = list(quotations(doc, self.words, self.layout))
        for k, q in enumerate(self.quotations):
            last = q.close if q.close is not None else q.end - 1
            self.quote_at[q.open:last + 1] = [k] * (last + 1 - q.open)
        names = [q for q in self.quotations if self._names(q)]
        self.name_quote = [-1] * len(doc)  # closing mark of a quoted name ("„Silverbird“") at its opening mark
        for q in names:
            self.name_quote[q.open] = q.close
        self.in_brackets = self._in_brackets()  # "(Wikinews berichtete)" is an aside, not a claim
        self.boundary = [w in BOUNDARIES for w in self.words]
        self.plain_word = [q < 0 and w[:1].isalnum() for q, w in zip(self.quote_at, self.words)]  # a word outside quotations
        # where the extractors' cue words stand: they look only there instead of at every token
        self.verb_at = [i for i, w in enumerate(self.lower) if w in lex.verbs]
        self.source_at = [i for i, w in enumerate(self.lower) if w in SOURCE_WORDS]
        self.konjunktiv_at = [i for i, w in enumerate(self.lower)  # by rule a Konjunktiv form ends in -e
                              if w in lex.konjunktiv or w[-1:] == "e" and lex.may_be_konjunktiv(self.words[i])]
        for q in names:  # a quoted name does not end a clause
            self.boundary[q.open] = self.boundary[q.close] = False
        self.per = [(e.start, k) for k, e in enumerate(self.ents)
                    if e.label_ == "PER" and self.quote_at[e.start] < 0]
        self.per_starts = [s for s, _ in self.per]
        self.gender = self._entity_genders(doc._.entities)
        self.roles = self._entity_roles()

    def _names(self, q: Quotation) -> bool:
        """A short capitalised quotation inside a sentence: a title or name, not a statement."""
        if q.close is None or q.close - q.open > 5:
            return False
        body = self.words[q.open + 1:q.close]
        return bool(body) and body[0][:1].isupper() and not any(w in SENT_END or w in BOUNDARIES for w in body)

    def _is_heading(self, s: int, e: int) -> bool:
        n_words = e - s - sum(self.is_space[s:e])
        if not n_words or n_words > 15:
            return False
        last = e - 1
        while self.is_space[last]:
            last -= 1
        return self.words[last][-1] not in ".!?“\"”«»:…)"

    def _in_brackets(self) -> list[bool]:
        """Tokens inside round brackets; a line break closes them all."""
        inside = [False] * len(self.words)
        if "(" not in self.words:
            return inside
        depth, plain = 0, 0  # tokens from `plain` to the next bracket or line break are inside if depth > 0
        for i in [i for i, w in enumerate(self.words) if w == "(" or w == ")" or "\n" in w]:
            if depth > 0:
                inside[plain:i] = [True] * (i - plain)
            w = self.words[i]
            depth = 0 if "\n" in w else max(0, depth + (w == "(") - (w == ")"))
            inside[i] = depth > 0
            plain = i + 1
        if depth > 0:
            inside[plain:] = [True] * (len(inside) - plain)
        return inside

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
        while e > s and (self.is_space[e - 1] or self.words[e - 1] in SENT_END):
            e -= 1
        return e

    def plain_words(self, a: int, b: int) -> int:
        """Words in [a, b) outside quotation marks."""
        return sum(self.plain_word[a:b]) if a < b else 0

    @staticmethod
    def within(positions: list[int], a: int, b: int) -> list[int]:
        """The sorted `positions` in [a, b)."""
        return positions[bisect_left(positions, a):bisect_left(positions, b)]

    def _entity_genders(self, entities: dict[str, dict]) -> dict[str, str]:
        """Gender of PER entities from the role nouns or titles written before their mentions, else
        from their first name ("Angela Merkel")."""
        out: dict[str, str] = {}
        for start, k in self.per:
            for j in (start - 1, start - 2):
                if j >= 0:
                    role = self.lex.role(self.lower[j])
                    g = self.lex.roles.get(role, "") if role else ""
                    if g:
                        out.setdefault(self.eid(k), g)
                        break
        for _, k in self.per:
            eid = self.eid(k)
            words = (entities.get(eid) or {}).get("name", "").split()
            if eid not in out and len(words) > 1 and words[0] in self.lex.first_name_gender:
                out[eid] = self.lex.first_name_gender[words[0]]
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
