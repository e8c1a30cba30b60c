"""German quotes and their speakers from word forms, punctuation and entity mentions (issues #2, #4).

No parser is needed: German reported speech is marked by a small vocabulary (speech verbs with
their separable particles, "laut", "zufolge", "nach Angaben", ", so X", "hieß es"), by the
Konjunktiv I ("sei", "habe", "werde") and by quotation marks. The speaker is the subject slot next
to the cue: after the verb when the verb opens its clause ("…, sagte der Minister"), before it
otherwise ("Merz sagte, …"). Pronouns and descriptions ("der CDU-Politiker") resolve to the most
recent fitting PER mention; Konjunktiv sentences without a cue carry the last speaker over.

Extractors are small functions over a `_Text` view of the Doc; `QuoteAttributor` glues them.
"""
from __future__ import annotations

import re
import shutil
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lexicon
from ..extensions import QUOTES_KEY

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "quotes"
FILES = ("speech_verbs.tsv", "konjunktiv.tsv", "words.tsv", "sources.tsv", "roles.tsv")
SHARED_ROLE_FILES = ("roles.tsv", "role_suffixes.tsv")  # optional, from pipeline/data/curated/

# opening mark -> closing marks; "“" opens English-style quotes but closes German „…“
PAIRS = {"„": "“”\"", "»": "«", "«": "»", "“": "”“", "\"": "\"", "‚": "‘’'", "›": "‹", "‹": "›"}
MARKS = frozenset("„“”\"»«‚‘’›‹")
SINGLE_OPENERS = frozenset("‚›‹")
BOUNDARIES = frozenset({",", ";", ":", "-", "–", "—"}) | MARKS
SENT_END = frozenset({".", "!", "?", "…"})
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")
COMMON_AFFIXES = ("en", "n", "s", "e")


# -- lexicon ------------------------------------------------------------------------------------

class Verb(NamedTuple):
    lemma: str
    particle: str  # separable particle that must close the clause ("teilte ... mit"); "" if none
    requires: tuple[str, ...]  # one of these words must be in the clause ("sprach von", "hieß es", "vertritt die Ansicht")
    kind: str  # speech | reported | judge | impersonal | intent ("will", "plant": the stated aim is the claim)
    joined: bool  # the form already contains the particle ("mitteilte", "mitgeteilt")


@dataclass
class QuoteLexicon:
    verbs: dict[str, list[Verb]] = field(default_factory=dict)
    konjunktiv: dict[str, int] = field(default_factory=dict)  # form -> 1 (Konjunktiv I) or 2 (II)
    words: dict[str, set[str]] = field(default_factory=dict)  # word -> classes
    info: dict[tuple[str, str], str] = field(default_factory=dict)  # (word, class) -> info (gender)
    sources: dict[str, set[str]] = field(default_factory=dict)  # noun suffix -> classes
    roles: dict[str, str] = field(default_factory=dict)  # role noun (lower) -> gender m/f/""

    def has(self, word: str, cls: str) -> bool:
        return cls in self.words.get(word, ())

    def noun_class(self, word: str, cls: str) -> bool:
        """Whether a noun (lower-case) ends in a suffix of class `cls` ("Polizeiangaben" -> source)."""
        tail = word.rsplit("-", 1)[-1]
        return any(tail.endswith(s) and cls in c for s, c in self.sources.items())

    def role(self, word: str) -> str | None:
        """The role a noun names ("bundeskanzler" -> "kanzler", "cdu-politiker" -> "politiker")."""
        tail = word.rsplit("-", 1)[-1]
        best = None
        for i in range(len(tail) - 2):
            if tail[i:] in self.roles:
                best = tail[i:]
                break
        return best


def _read_tsv(path: Path) -> list[dict[str, str]]:
    return [{k: (v or "").strip() for k, v in row.items()} for row in lexicon.read_tsv(path)]


def load_lexicon(data_dir: Path, shared_dir: Path | None = None) -> QuoteLexicon:
    lex = QuoteLexicon()
    for row in _read_tsv(data_dir / "speech_verbs.tsv"):
        for form in row["forms"].split(","):
            form = form.strip().lower()
            joined = bool(row["particle"]) and form.startswith(row["particle"])
            lex.verbs.setdefault(form, []).append(
                Verb(row["lemma"], row["particle"], tuple(w for w in row["requires"].split("|") if w), row["kind"], joined))
    lex.konjunktiv = {row["form"]: int(row["mood"]) for row in _read_tsv(data_dir / "konjunktiv.tsv")}
    for row in _read_tsv(data_dir / "words.tsv"):
        lex.words.setdefault(row["word"], set()).add(row["class"])
        lex.info[row["word"], row["class"]] = row["info"]
    for row in _read_tsv(data_dir / "sources.tsv"):
        lex.sources.setdefault(row["suffix"], set()).add(row["class"])
    for row in _read_tsv(data_dir / "roles.tsv"):
        lex.roles[row["role"].lower()] = row["gender"]
    if shared_dir is not None:  # the project's curated role nouns, when present
        for name in SHARED_ROLE_FILES:
            path = shared_dir / name
            if path.exists():
                for row in _read_tsv(path):
                    word = (row.get("word") or row.get("role") or row.get("suffix") or "").lstrip("-").lower()
                    if len(word) > 3:
                        lex.roles.setdefault(word, "f" if word.endswith("in") else "")
    return lex


# -- the text view ------------------------------------------------------------------------------

class Quotation(NamedTuple):
    """A pair of quotation marks: token indices of the marks; `close` is None when unclosed."""
    open: int
    close: int | None
    end: int  # first token after the quoted content


class NP(NamedTuple):
    start: int
    end: int
    head: int
    kind: str  # entity | pronoun | role | document | noun
    entity: int | None  # index into _Text.ents


class Cue(NamedTuple):
    lemma: str
    kind: str
    start: int  # cue token(s)
    end: int
    text: str


class _Text:
    """Token-level arrays of a Doc that every extractor reads."""

    def __init__(self, doc: Doc, lex: QuoteLexicon):
        self.doc, self.lex = doc, lex
        self.words = [t.text for t in doc]
        self.lower = [w.lower() for w in self.words]
        self.space = [bool(t.whitespace_) for t in doc]
        self.sents = [(s.start, s.end) for s in doc.sents] if len(doc) else []
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

    def content_end(self, s: int, e: int) -> int:
        """End of sentence content: before final punctuation and spaces."""
        while e > s and (self.doc[e - 1].is_space or self.words[e - 1] in SENT_END):
            e -= 1
        return e

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


# -- quotation marks ----------------------------------------------------------------------------

def quotations(doc: Doc) -> Iterator[Quotation]:
    """Pair quotation marks. An opener that meets a new opener or a paragraph break before its
    closer ends there (unbalanced marks); straight quotes open before a word and close after one."""
    open_at: int | None = None
    closers = ""
    for i, tok in enumerate(doc):
        text = tok.text
        if open_at is not None and ("\n\n" in text or (text == "\n" and _blank_line_follows(doc, i))):
            yield Quotation(open_at, None, i)
            open_at = None
        if text not in MARKS:
            continue
        if open_at is not None and text in closers and not (text == "\"" and _opens(doc, i) and not _closes(doc, i)):
            yield Quotation(open_at, i, i)
            open_at = None
        elif text in PAIRS and text not in SINGLE_OPENERS and _opens(doc, i):
            if open_at is not None and text == doc[open_at].text:
                yield Quotation(open_at, None, i)
            if open_at is None or text == doc[open_at].text:
                open_at, closers = i, PAIRS[text]
    if open_at is not None:
        yield Quotation(open_at, None, len(doc))


def _blank_line_follows(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and "\n" in doc[i + 1].text


def _opens(doc: Doc, i: int) -> bool:
    before = i == 0 or doc[i - 1].whitespace_ or doc[i - 1].text in "([/–-" or "\n" in doc[i - 1].text
    return bool(before) and i + 1 < len(doc) and not doc[i].whitespace_


def _closes(doc: Doc, i: int) -> bool:
    return i > 0 and not doc[i - 1].whitespace_


# -- noun phrases -------------------------------------------------------------------------------

def noun_phrase(t: _Text, i: int, limit: int) -> NP | None:
    """The noun phrase starting at token i: an entity, a pronoun, or [det] [adj]* Noun [name]
    [genitive]. Returns None when no phrase starts there."""
    lex, low = t.lex, t.lower
    if i >= limit or t.quote_at[i] >= 0 and t.words[i] not in MARKS:
        return None
    close = t.name_quote[i]
    if 0 <= close < limit:  # a quoted name: "laut „BBC News“"
        entity = next((t.ent_at[k] for k in range(i + 1, close) if t.ent_at[k] >= 0), None)
        return NP(i, close + 1, i + 1, "entity" if entity is not None else "noun", entity)
    if t.ent_at[i] >= 0 and t.ents[t.ent_at[i]].start == i:
        k = t.ent_at[i]
        return NP(i, min(t.ents[k].end, limit), i, "entity", k)
    if lex.has(low[i], "pronoun"):
        return NP(i, i + 1, i, "pronoun", None)
    j = i
    if lex.has(low[i], "det") and i + 1 < len(low) and low[i + 1] in lex.verbs:  # "Diese bestätigte"
        return NP(i, i + 1, i, "noun", None)
    if lex.has(low[i], "det") or lex.has(low[i], "det_oblique"):
        j += 1
    while j < limit and _adjective(t, j):
        j += 1
    if j >= limit or not t.is_capital(j) or not t.is_word(j):
        return None
    if lex.has(low[j], "not_subject"):  # "Anfang Februar", "vor Wochen"
        return None
    head, j = j, j + 1
    if j < limit and 0 <= t.name_quote[j] < limit:  # "der Fernsehsender „Silverbird“"
        j = t.name_quote[j] + 1
    entity = None
    while j < limit and t.ent_at[j] >= 0 and entity is None:  # "Politologe Wladimir Frolow"
        entity = t.ent_at[j]
        j = t.ents[entity].end
    if entity is None and lex.role(low[head]):  # a role noun before a name the rules missed
        while j < limit and t.is_capital(j) and t.is_word(j) and t.ent_at[j] < 0:
            j += 1
    if t.ent_at[head] >= 0:
        entity = t.ent_at[head]
        j = max(j, t.ents[entity].end)
    j = _genitive(t, j, limit)
    if entity is None:
        entity = next((t.ent_at[x] for x in range(head, j) if t.ent_at[x] >= 0), None)
    word = low[head]
    kind = ("role" if lex.role(word) else "document" if lex.noun_class(word, "document") else "noun")
    if entity is not None and (kind != "role" or t.ents[entity].label_ == "PER"):
        kind = "entity"
    return NP(i, min(j, limit), head, kind, entity)


def _adjective(t: _Text, j: int) -> bool:
    w = t.lower[j]
    return (t.words[j][:1].islower() and w.endswith(("e", "en", "er", "es", "em")) and len(w) > 3
            and not t.lex.words.get(w) and w not in t.lex.verbs and w not in t.lex.konjunktiv)


def _genitive(t: _Text, j: int, limit: int) -> int:
    """Extend a phrase over a following genitive ("des Ministeriums", "der Koalition der Willigen")."""
    if j < limit and t.lower[j] in ("des", "der", "eines", "einer"):
        k = j + 1
        while k < limit and _adjective(t, k):
            k += 1
        if k < limit and t.is_capital(k):
            k += 1
            if k < limit and t.ent_at[k - 1] >= 0:
                k = max(k, t.ents[t.ent_at[k - 1]].end)
            while k < limit and (t.ent_at[k] >= 0 or "-" in t.words[k][1:-1]) and t.words[k][:1].isupper():
                k = t.ents[t.ent_at[k]].end if t.ent_at[k] >= 0 else k + 1  # "der Gewerkschaft Verdi"
            return min(k, limit)
    return j


def _is_subject(t: _Text, np: NP) -> bool:
    """A subject is nominative: not after a preposition, not with a dative/accusative article,
    not a medium addressed ("der Zeitung")."""
    lex = t.lex
    if np.start > 0 and lex.has(t.lower[np.start - 1], "preposition") and not _name_particle(t, np):
        return False
    first = t.lower[np.start]
    if lex.has(first, "det_oblique") or lex.has(first, "oblique"):
        return False
    return not (first == "der" and lex.noun_class(t.lower[np.head], "addressee"))  # "sagte der Zeitung"


def _name_particle(t: _Text, np: NP) -> bool:
    """"Von der Leyen", "van Gaal": a capitalised "von"/"van" directly before a person's name belongs to it."""
    return (t.words[np.start - 1] in ("Von", "Van", "De") and np.kind == "entity"
            and t.ents[np.entity].label_ == "PER")


def subject_near(t: _Text, v: int, v_end: int) -> NP | None:
    """The subject of the clause of the cue verb at v: before the verb unless the verb opens the
    clause, else after it; an apposition before the clause ("X, Sprecher von Y, teilte mit")."""
    a, b = t.clause(v)
    if a > 1 and t.words[a - 1] == ",":
        if ((t.lex.has(t.lower[a], "det") or t.lex.has(t.lower[a], "relative"))  # "…, der … betonte, …"
                and t.lex.info.get((t.lower[a], "relative")) != "oblique"):  # not "…, denen X vorwirft, …"
            if v >= b - 2 and (v == b - 1 or t.lex.has(t.lower[b - 1], "particle")
                               or t.lower[b - 1] in ("hat", "hatte", "haben", "hatten")):  # verb-final
                return _relative(t, a)
        if not any(_is_subject(t, np) for np in _phrases(t, a, v)):
            inserted = _subject_before_insert(t, a - 1)
            if inserted is not None:
                return inserted
    if _passive(t, v, a, b):
        return next((np for k in range(a, b) if t.lower[k] in ("von", "vom", "seitens")
                     for np in [noun_phrase(t, k + 1, b)] if np is not None), None)
    before = next((np for np in _phrases(t, a, v) if _is_subject(t, np)), None)
    pronoun_after = v_end < b and (t.lex.has(t.lower[v_end], "pronoun") or t.lex.has(t.lower[v_end], "pronoun_generic"))
    if before is not None and not (pronoun_after and _bare(t, before)) and not _fronted(t, before, a, v_end, b):
        return before
    if pronoun_after and not t.lex.has(t.lower[v_end], "pronoun"):
        return None  # "sagt man", "hieß es"
    after = next((np for np in _phrases(t, v_end, b) if _is_subject(t, np)), None)
    if after is None and v - 1 <= a and v > 0 and t.lex.info.get((t.lower[v - 1], "conjunction")) == "and":
        return _sentence_subject(t, v)  # "…, und fügt hinzu: …" shares the subject of the sentence
    if after is None:  # "aus Regierungskreisen verlautete": the circle it came from
        return next((np for k in range(a, b) if t.lower[k] == "aus" and k + 1 < b
                     for np in [noun_phrase(t, k + 1, b)] if np is not None), None)
    return after


def _fronted(t: _Text, before: NP, a: int, v_end: int, b: int) -> bool:
    """Whether a plain noun before the verb is part of a fronted adverbial ("Trotz eines Verbots der
    Kommission will Island …", "Darüberhinaus will die SPD …") while a name or role follows the verb."""
    if before.kind != "noun" or (before.start == a and not _bare(t, before)):
        return False
    after = next((np for np in _phrases(t, v_end, b) if _is_subject(t, np)), None)
    return after is not None and after.kind in ("entity", "role")


def _sentence_subject(t: _Text, v: int) -> NP | None:
    s, _ = t.sents[t.sent_of[v]]
    _, b = t.clause(s)
    np = next(_phrases(t, s, min(b, v)), None)
    return np if np is not None and np.start == s and _is_subject(t, np) else None


def _relative(t: _Text, a: int) -> NP:
    """A relative pronoun as subject: the local mention, referring to the phrase before the comma."""
    k = a - 2
    while k >= 0 and t.ent_at[k] < 0 and t.words[k] not in SENT_END:
        k -= 1
    return NP(a, a + 1, a, "entity" if k >= 0 and t.ent_at[k] >= 0 and a - k <= 3 else "noun",
              t.ent_at[k] if k >= 0 and t.ent_at[k] >= 0 and a - k <= 3 else None)


def _passive(t: _Text, v: int, a: int, b: int) -> bool:
    """"Ihm wird vorgeworfen, …": a participle cue with a form of "werden" has no speaking subject."""
    verbs = t.lex.verbs[t.lower[v]]
    if t.lower[v] in (verb.lemma for verb in verbs) or any(verb.kind == "intent" for verb in verbs):
        return False  # an infinitive ("wird erklären") is future, "will … werden" an aim, neither is passive
    if any(verb.lemma in QUOTED_SUBJECT for verb in verbs):
        return False  # "Sie wird mit den Worten zitiert: …": the subject is who spoke
    return any(t.lower[k] in ("wird", "wurde", "werden", "wurden", "worden") for k in range(a, b))


def _bare(t: _Text, np: NP) -> bool:
    """A lone capitalised word opening the sentence: as likely an adverb ("Offiziell") as a noun."""
    return np.kind == "noun" and np.end - np.start == 1 and t.sents[t.sent_of[np.start]][0] == np.start


def _subject_before_insert(t: _Text, comma: int) -> NP | None:
    """The subject that opens the sentence before an apposition or relative clause set off by
    commas: "Der Sprecher des Amtes, Max Muster, teilte mit", "X, die … vertritt, nennt …"."""
    k, named = comma, None
    for _ in range(4):
        pa, _ = t.clause(k - 1)
        phrases = list(_phrases(t, pa, k))
        if pa == 0 or t.words[pa - 1] != ",":
            opener = phrases[0] if phrases else None
            if t.lex.info.get((t.lower[pa], "subordinator")) == "wie":  # "Wie der Sprecher, X, mitteilte"
                pa += 1
            if opener is not None and opener.start == pa and _is_subject(t, opener) and _np_only(t, pa, k):
                return opener if opener.kind == "entity" and t.ents[opener.entity].label_ == "PER" else named or opener
            return None
        if phrases and phrases[0].start == pa and phrases[-1].end == k and _np_only(t, pa, k):
            named = named or next((np for np in phrases if np.kind == "entity"), None)
        elif not (t.lex.has(t.lower[pa], "relative") or t.lex.has(t.lower[pa], "det")):
            return None
        k = pa - 1
    return None


def _np_only(t: _Text, a: int, b: int) -> bool:
    """Whether [a, b) holds noun phrases and prepositions only (no verb-like lower-case word)."""
    for k in range(a, b):
        w = t.lower[k]
        if t.words[k][:1].islower() and not (t.lex.words.get(w) or (_adjective(t, k) and k + 1 < b and
                                                                       (t.is_capital(k + 1) or _adjective(t, k + 1)))):
            return False
    return True


def _phrases(t: _Text, a: int, b: int) -> Iterator[NP]:
    i = a
    while i < b:
        if t.words[i] == "(":  # brackets hold parties and explanations, not subjects
            while i < b and t.words[i] != ")":
                i += 1
            i += 1
            continue
        np = noun_phrase(t, i, b)
        if np is None:
            i += 1
        else:
            yield np
            i = np.end


# -- cues ---------------------------------------------------------------------------------------

def verb_cues(t: _Text, s: int, e: int) -> Iterator[tuple[Cue, Verb]]:
    """Speech verbs of a sentence, outside quotations, with their particle or governed word."""
    for i in range(s, e):
        if (t.quote_at[i] >= 0 or t.in_brackets[i] or t.lower[i] not in t.lex.verbs
                or (t.words[i][:1].isupper() and not t.opens_sentence(i))):
            continue
        a, b = t.clause(i)
        last = t.lower[b - 1] if b > i + 1 else ""
        objects = {t.lex.info.get((t.lower[k].rsplit("-", 1)[-1], "not_claim")) for k in range(a, b)}
        for verb in t.lex.verbs[t.lower[i]]:
            if verb.lemma in objects:
                continue  # "forderte zwölf Todesopfer" counts victims, it is no demand
            if verb.kind == "intent" and not _stated_aim(t, i, a, b):
                continue
            if verb.particle and not verb.joined:
                if last != verb.particle and not (i > a and t.lower[i - 1] == verb.particle):
                    continue  # "teilte … mit", or verb-final "wie das Amt bekannt gab"
            elif t.lex.has(last, "particle") and b - 1 > i:
                continue  # "sagte ... zu" is zusagen, "erklärten sich ... bereit" a commitment
            if verb.requires and not set(verb.requires) & set(t.lower[max(a, i - 2):b]):
                continue
            yield Cue(verb.lemma, verb.kind, i, i + 1, t.words[i]), verb
            break


def _stated_aim(t: _Text, i: int, a: int, b: int) -> bool:
    """"Die Partei will … festhalten", "plant, … zu …": a main clause with a final infinitive or a
    clause after it; not "will einen Gipfel" (a wish for a thing) nor "…, dass sie … will" (part of
    another claim)."""
    if _subordinate(t, a) or (i > 0 and t.lower[i - 1] == "zu"):
        return False
    if b == i + 1:  # "plant, … zu …": the clause after holds the aim
        return b < len(t.words) and t.words[b] == ","
    last = t.words[b - 1]
    return last[:1].islower() and last.endswith("n") and last.isalpha()


def konjunktiv(t: _Text, i: int, strong_only: bool = False) -> bool:
    """Konjunktiv forms from the lexicon, and 3rd-person singular Konjunktiv I by rule: a verb
    stem + "-e" next to a subject pronoun or "sich" ("er gehe", "gebe es", "handele sich")."""
    w = t.lower[i]
    mood = t.lex.konjunktiv.get(w)
    if mood is not None:
        return mood == 1 or not strong_only
    if not (w.endswith("e") and len(w) > 3 and t.words[i][:1].islower()) or t.lex.words.get(w):
        return False
    if w.endswith(("ie", "ee", "te", "rde", "weise")) or (i + 1 < len(t.words) and t.is_capital(i + 1)):
        return False  # past "wurde", an adjective before its noun ("gab es schwere Kämpfe"), an adverb ("zeitweise")
    near = {t.lower[j] for j in (i - 1, i + 1) if 0 <= j < len(t.lower)}
    return bool(near & {"er", "sie", "es", "man", "sich"})


def main_clause_konjunktiv(t: _Text, s: int, e: int, strong_only: bool) -> bool:
    """Whether a main clause of the sentence (not one after "weil", "dass", a relative pronoun ...)
    is in Konjunktiv, outside quotations; or reports with "soll(en) … haben/sein" unless `strong_only`
    (with no speaker in reach, "3.000 Menschen sollen gestorben sein" is hearsay, not someone's claim)."""
    for words in _main_clauses(t, s, e):
        if any(konjunktiv(t, i, strong_only) for i in words) or (not strong_only and _reportive_sollen(t, words)):
            return True
    return False


def _main_clauses(t: _Text, s: int, e: int) -> Iterator[list[int]]:
    """Word tokens of each comma-separated segment of a sentence that is not a subordinate clause."""
    words: list[int] = []
    for i in range(s, e + 1):
        if i == e or (t.words[i] in BOUNDARIES and t.words[i] not in MARKS):
            if words:
                first = t.lower[words[0]]
                after_comma = words[0] > s and t.words[words[0] - 1] == ","
                if not (t.lex.has(first, "subordinator") or t.lex.has(first, "relative")
                        or (after_comma and t.lex.has(first, "det"))):
                    yield words
            words = []
        elif t.quote_at[i] < 0 and t.is_word(i):
            words.append(i)


def _reportive_sollen(t: _Text, words: list[int]) -> bool:
    """"Er soll das Geld genommen haben": sollen with a perfect infinitive reports a claim."""
    if len(words) < 4 or not any(t.lower[i] in ("soll", "sollen") for i in words[:-2]):
        return False
    last, before = t.lower[words[-1]], t.lower[words[-2]]
    return last in ("haben", "sein") and (before == "worden" or before.endswith(("t", "en")))


# -- extracted rows -----------------------------------------------------------------------------

class Speaker(NamedTuple):
    start: int | None  # token range of the local mention
    end: int | None
    entity_id: str | None
    method: str | None


class Found(NamedTuple):
    label: str
    start: int  # token range of the quoted content
    end: int
    cue: Cue | None
    speaker: Speaker


NO_SPEAKER = Speaker(None, None, None, None)
QUOTED_SUBJECT = ("zitieren",)  # speech verbs whose passive subject is the speaker
SUBJECT_KINDS = ("entity", "role", "pronoun")  # phrases that can name who a later sentence reports


def resolve(t: _Text, np: NP | None, method: str = "same_sentence", verb: int | None = None) -> Speaker:
    """Speaker of a local mention: its own entity, or the PER that a pronoun or description refers to."""
    if np is None:
        return NO_SPEAKER
    if np.kind == "entity":
        return Speaker(np.start, np.end, t.eid(np.entity), method)
    if np.kind == "pronoun":
        word = t.lower[np.start]
        plural = word == "sie" and verb is not None and t.lower[verb].endswith(("ten", "en"))
        if plural:
            return Speaker(np.start, np.end, None, "pronoun")
        gender = t.lex.info.get((word, "pronoun"), "")
        return Speaker(np.start, np.end, _recent_person(t, np.start, gender=gender), "pronoun")
    if np.kind == "role":
        role = t.lex.role(t.lower[np.head])
        gender = t.lex.roles.get(role, "")
        plural = t.lower[np.start] == "die" and gender != "f"
        eid = None if plural else _recent_person(t, np.start, gender=gender, role=role)
        return Speaker(np.start, np.end, eid, "description")
    if np.kind == "document":
        return Speaker(np.start, np.end, _document_author(t, np), "document")
    return Speaker(np.start, np.end, t.eid(np.entity), method)


def _recent_person(t: _Text, before: int, gender: str = "", role: str | None = None) -> str | None:
    """Most recent PER mention before a token: with the same role if one was introduced so, else
    the most recent one of compatible gender."""
    idx = bisect_left(t.per_starts, before)
    candidates = [t.eid(k) for _, k in reversed(t.per[max(0, idx - 40):idx])]
    if role:
        for eid in candidates:
            if any(r.endswith(role) or role.endswith(r) for r in t.roles.get(eid, ())):  # "Bundeskanzlerin"
                return eid
    for eid in candidates:
        if not gender or t.gender.get(eid, gender) == gender:
            return eid
    return None


def _document_author(t: _Text, np: NP) -> str | None:
    """"in der gemeinsamen Erklärung": who issued the same document earlier in the article."""
    stem = _stem(t.lower[np.head])
    for i in range(np.start - 1, -1, -1):
        if t.words[i][:1].isupper() and _stem(t.lower[i]) == stem:
            s, _ = t.sents[t.sent_of[i]]
            for j in range(i - 1, s - 1, -1):
                if t.ent_at[j] >= 0 and t.ents[t.ent_at[j]].label_ in ("ORG", "PER"):
                    return t.eid(t.ent_at[j])
            return None
    return None


def _stem(word: str) -> str:
    for affix in COMMON_AFFIXES:
        if word.endswith(affix) and len(word) > len(affix) + 3:
            return word[: -len(affix)]
    return word


# -- indirect and reported speech ---------------------------------------------------------------

def _clause_after(t: _Text, i: int, e: int) -> int | None:
    """First token of the clause after the comma or colon that follows token i in its sentence."""
    for k in range(i + 1, e):
        if t.quote_at[k] >= 0:
            return None
        if t.words[k] in (",", ":"):
            return k + 1
        if t.words[k] in SENT_END:
            return None
    return None


def _reported_clause(t: _Text, c: int, e: int, kind: str) -> bool:
    """Whether the clause from c is reported content: dass/ob/wonach, Konjunktiv, or zu-infinitive."""
    if c >= e:
        return False
    w = t.lower[c]
    if t.lex.info.get((w, "subordinator")) == "clause":
        return True
    if t.lex.has(w, "subordinator") or t.lex.has(w, "relative"):
        return False
    seg_end = next((k for k in range(c, e) if t.words[k] in (",", ";") and t.quote_at[k] < 0), e)
    if kind == "intent":  # an aim is a zu-infinitive ("plant, die Befugnisse zu erweitern") or a dass-clause
        return t.words[c - 1] == "," and _zu_infinitive(t, c, seg_end)
    if any(konjunktiv(t, k) for k in range(c, seg_end) if t.quote_at[k] < 0):
        return True
    if kind in ("reported", "speech") and _zu_infinitive(t, c, seg_end):
        return True
    if t.lex.has(w, "det") and c + 1 < seg_end and t.words[c + 1][:1].islower() and not _adjective(t, c + 1):
        return False  # a relative clause: "…, die sich auf … stützen"
    if kind in ("speech", "reported") and t.words[c - 1] == "," and (  # "sagte Rice, die USA hielten …": a main clause
            t.lex.has(w, "det") or t.lex.has(w, "pronoun") or t.lex.has(w, "pronoun_generic") or t.is_capital(c)):
        return not _np_only(t, c, seg_end)  # not an apposition: "sagte X, Kommandant der Y, …"
    return t.words[c - 1] == ":" and kind != "judge"


def _zu_infinitive(t: _Text, a: int, b: int) -> bool:
    return any(t.lower[k] == "zu" or (len(t.lower[k]) > 6 and "zu" in t.lower[k][2:-2] and t.lower[k].endswith("en"))
               for k in range(a, b))


def verb_quotes(t: _Text, s: int, e: int) -> Iterator[Found]:
    """Indirect and reported speech around speech verbs in the sentence [s, e)."""
    end = t.content_end(s, e)
    cues = list(verb_cues(t, s, e))
    reported = False  # one reported claim per sentence: "sprach von … und forderte …" is one statement
    for n, (cue, verb) in enumerate(cues):
        v = cue.start
        ce = _before_next_cue(t, cue.end, cues[n + 1][0].start, end) if n + 1 < len(cues) else end
        a, b = t.clause(v)
        if verb.kind == "impersonal":
            yield from _impersonal(t, cue, s, ce)
            continue
        opens = not any(t.is_word(k) and t.quote_at[k] < 0 and not t.lex.has(t.lower[k], "adverb")
                        for k in range(a, v))
        subject = subject_near(t, v, cue.end)
        speaker = resolve(t, subject, verb=v)
        wa = _wie_start(t, s, a) if subject is not None and s <= subject.start < a else a
        if t.lex.info.get((t.lower[wa], "subordinator")) == "wie" and subject is not None:  # "wie X mitteilte"
            if wa == s or t.quote_at[s] >= 0:
                c = _clause_after(t, b - 1, e)
                if c is not None:
                    yield Found("indirect", c, ce, cue, speaker)
            elif wa - 1 > s and t.words[wa - 1] == ",":
                yield Found("indirect", s, wa - 1, cue, speaker)
            continue
        if verb.kind == "intent":
            if (t.lower[cue.end] if cue.end < b else "") in ("man", "wir"):  # "will man …": no one named
                speaker = NO_SPEAKER
            elif subject is None:
                continue
        elif (opens and a > s and t.words[a - 1] == "," and subject is not None and subject.start >= a
              and not verb.requires):  # "…, sagte er."; "…, kommt X zu dem Ergebnis, dass" claims what follows
            if _plain_words(t, s, a - 1) >= 3:
                yield Found("indirect", s, a - 1, cue, speaker)
            continue
        c = _clause_after(t, b - 1 if b > v else v, e)
        while c is not None and t.words[c - 1] == "," and _apposition(t, c, ce):  # "sagte X, Chef der Y, …"
            c = _clause_after(t, c, e)
        if c is not None and t.quote_at[c] < 0 and _reported_clause(t, c, ce, verb.kind):
            yield Found("indirect", c, ce, cue, speaker)
        elif (verb.kind in ("reported", "judge", "intent") and (subject is not None or verb.kind == "intent")
              and not _subordinate(t, a) and not reported):
            reported = True
            quoted = any(t.quote_at[k] >= 0 for k in range(s, ce))
            if quoted and any(t.words[k] == ":" and t.words[k + 1] in MARKS for k in range(cue.end, ce - 1)):
                continue  # "bestreitet jede Kenntnis: „…“": the direct quote is the claim
            if not quoted or verb.kind in ("reported", "intent"):
                # "sprach von einem Erfolg": the claim is the object of "von", not the whole sentence;
                # "bezeichnete X als Y" claims the whole sentence
                start = next((k for k in range(cue.end, b) if "von" in verb.requires and t.lower[k] == "von"), s)
                if start == s or not any(t.quote_at[k] >= 0 for k in range(start, min(start + 4, ce))):
                    yield Found("reported", start, ce, cue, speaker)  # else the quoted words are the claim


def _wie_start(t: _Text, s: int, a: int) -> int:
    """The "wie" that opens a cue clause split by an apposition ("Wie der Sprecher, X, mitteilte"), else a."""
    k = a
    for _ in range(4):
        if k - 2 < s or t.words[k - 1] != ",":
            break
        pa = t.clause(k - 2)[0]
        if t.lex.info.get((t.lower[pa], "subordinator")) == "wie":
            return pa
        if not _np_only(t, pa, k - 1):
            break
        k = pa
    return a


def _apposition(t: _Text, c: int, ce: int) -> bool:
    """Whether the clause from c up to the next comma is a noun phrase set off by commas."""
    end = next((k for k in range(c, ce) if t.words[k] == ","), None)
    return end is not None and end > c and t.quote_at[c] < 0 and not t.lex.has(t.lower[c], "subordinator") and _np_only(t, c, end)


def _before_next_cue(t: _Text, after: int, v: int, end: int) -> int:
    """Where a claim ends when another speech verb follows: "bestätigte, dass …, und gab an, …"."""
    a, _ = t.clause(v)
    if a - 1 > after and t.words[a - 1] == "," and t.quote_at[a - 1] < 0 and not _subordinate(t, a):
        return a - 1  # a verb inside the claim ("meldet, dass die Firmen Aufträge erwarten") does not end it
    return end


def _subordinate(t: _Text, a: int) -> bool:
    w = t.lower[a]
    return t.lex.has(w, "subordinator") or (a > 0 and t.words[a - 1] == "," and
                                          (t.lex.has(w, "relative") or t.lex.has(w, "det")))


def _plain_words(t: _Text, a: int, b: int) -> int:
    return sum(1 for k in range(a, b) if t.quote_at[k] < 0 and t.is_word(k))


def _impersonal_source(t: _Text, cue: Cue) -> Speaker:
    """"hieß es in der Erklärung", "aus dem Ministerium hieß es": the source is a place phrase."""
    v = cue.start
    a, b = t.clause(v)
    for k in list(range(cue.end, b)) + list(range(a, v)):
        if t.lower[k] in ("in", "im", "aus", "von", "vom", "bei", "seitens"):
            source = noun_phrase(t, k + 1, b if k > v else v)
            if source is not None:
                return resolve(t, source, method="document")
    return NO_SPEAKER


def _impersonal(t: _Text, cue: Cue, s: int, ce: int) -> Iterator[Found]:
    """"…, hieß es in der Erklärung." / "In der Erklärung heißt es, …"."""
    a, b = t.clause(cue.start)
    speaker = _impersonal_source(t, cue)
    if a > s and t.words[a - 1] == ",":
        if _plain_words(t, s, a - 1) >= 3:
            yield Found("indirect", s, a - 1, cue, speaker)
        return
    c = _clause_after(t, b - 1, ce + 1)
    if c is not None and t.quote_at[c] < 0:
        yield Found("indirect", c, ce, cue, speaker)


def source_quotes(t: _Text, s: int, e: int) -> Iterator[Found]:
    """"laut X", "X zufolge", "nach Angaben X", "gemäß X", ", so X.", "demnach"."""
    ce = t.content_end(s, e)
    for i in range(s, ce):
        if t.quote_at[i] >= 0:
            continue
        w = t.lower[i]
        np = None
        if w in ("laut", "gemäß"):
            np = noun_phrase(t, i + 1, ce)
            if np is not None:
                yield _around(t, s, ce, i, np.end, Cue(w, "source", i, i + 1, t.words[i]), resolve(t, np, "laut"))
        elif w == "nach":
            np = noun_phrase(t, i + 1, ce)
            if np is not None and t.lex.noun_class(t.lower[np.head], "source"):
                np = np._replace(end=_von_phrase(t, np.end, ce))
                speaker = _source_speaker(t, np)
                yield _around(t, s, ce, i, np.end, Cue("nach", "source", i, i + 1, t.words[i]), speaker)
        elif w == "zufolge" and i > s:
            start = _phrase_before(t, s, i)
            if start < i:
                np = noun_phrase(t, start, i) or NP(start, i, i - 1, "noun", None)
                speaker = _source_speaker(t, np._replace(end=i))
                yield _around(t, s, ce, start, i + 1, Cue("zufolge", "source", i, i + 1, t.words[i]), speaker)
        elif w == "so" and i > s + 2 and t.words[i - 1] == ",":
            np = noun_phrase(t, i + 1, ce)
            rest = ce if np is None else np.end
            speaker = resolve(t, np, "so")
            if np is not None and rest < ce and t.words[rest] == ",":  # "so der Sprecher, Max Muster"
                apposition = noun_phrase(t, rest + 1, ce)
                if apposition is not None:
                    rest = apposition.end
                    if apposition.kind == "entity":
                        speaker = Speaker(np.start, rest, t.eid(apposition.entity), "so")
            if rest < ce and t.lex.has(t.lower[rest], "preposition") and not any(  # "so X gegenüber dem Sender"
                    t.lower[k] in t.lex.verbs or konjunktiv(t, k) for k in range(rest, ce)):
                rest = ce
            if np is not None and ce - rest <= 2 and _plain_words(t, s, i - 1) >= 3:
                yield Found("indirect", s, i - 1, Cue("so", "source", i, i + 1, t.words[i]), speaker)
        elif w == "demnach" and not t.heading[t.sent_of[i]]:
            # "demnach" is the local mention of the source (as a pronoun is); the entity is carried over
            a, b = _segment(t, s, ce, i)
            yield Found("indirect", a if i > a else i + 1, b, Cue("demnach", "source", i, i + 1, t.words[i]),
                        Speaker(i, i + 1, None, "demnach"))


def _source_speaker(t: _Text, np: NP) -> Speaker:
    """"Angaben der Polizei": the source noun is the local mention, an entity inside names who."""
    entity = next((t.ent_at[k] for k in range(np.start, np.end) if t.ent_at[k] >= 0), None)
    return Speaker(np.start, np.end, t.eid(entity), "laut")


def _von_phrase(t: _Text, j: int, limit: int) -> int:
    if j < limit and t.lower[j] in ("von", "vom", "aus"):
        np = noun_phrase(t, j + 1, limit)
        if np is not None:
            return np.end
    return j


def _phrase_before(t: _Text, s: int, i: int) -> int:
    """Start of the noun phrase that ends before token i ("den Planungen", "Angaben der Polizei")."""
    k = i
    if k > s and t.words[k - 1][:1].isupper():  # "Angaben zufolge" opening the sentence
        k -= 1
    while k > s and (t.is_capital(k - 1) or _determiner(t, k - 1) or t.lower[k - 1] in ("von", "vom")
                     or (_adjective(t, k - 1) and k - 2 >= s and _determiner(t, k - 2)
                         and (t.is_capital(k) or _adjective(t, k)))):
        k -= 1
    return k


def _determiner(t: _Text, k: int) -> bool:
    return t.lex.has(t.lower[k], "det") or t.lex.has(t.lower[k], "det_oblique")


def _around(t: _Text, s: int, ce: int, a: int, b: int, cue: Cue, speaker: Speaker) -> Found:
    """The claim around a source phrase [a, b): its ";"-segment, or its subordinate clause when the
    phrase stands in one, without the phrase. A phrase inside the claim splits it; a quote is one
    span, so it keeps the phrase unless the phrase is a large part of it: then the larger side."""
    s, ce = _segment(t, s, ce, a)
    left = a - (1 if a > s and t.words[a - 1] in (",", "–", "-") else 0)
    right = b + (1 if b < ce and t.words[b] in (",", "–", "-") else 0)
    n_left, n_right, n_source = _chars(t, s, left), _chars(t, right, ce), _chars(t, a, b)
    if not n_left or not n_right:
        return Found("indirect", s, left, cue, speaker) if n_left else Found("indirect", right, ce, cue, speaker)
    whole = (n_left + n_right) / (n_left + n_right + n_source)
    if whole >= min(2 / 3, max(n_left, n_right) / (n_left + n_right)):  # keep the sentence readable
        return Found("indirect", s, ce, cue, speaker)
    return Found("indirect", s, left, cue, speaker) if n_left >= n_right else Found("indirect", right, ce, cue, speaker)


def _segment(t: _Text, s: int, ce: int, i: int) -> tuple[int, int]:
    """The part of the sentence [s, ce) holding token i: between semicolons, and within a
    subordinate clause ("…, weil er nach Angaben X …") when i stands in one."""
    for k in range(i - 1, s - 1, -1):
        if t.words[k] == ";" and t.quote_at[k] < 0:
            s = k + 1
            break
    ce = next((k for k in range(i, ce) if t.words[k] == ";" and t.quote_at[k] < 0), ce)
    a, _ = t.clause(i)
    if a > s and t.words[a - 1] == "," and _subordinate(t, a):
        end = next((k for k in range(i, ce) if t.words[k] == "," and t.quote_at[k] < 0), ce)
        return a, end
    return s, ce


def _chars(t: _Text, a: int, b: int) -> int:
    return sum(len(t.words[k]) for k in range(a, b) if not t.doc[k].is_space and t.words[k] not in MARKS)


# -- direct quotes ------------------------------------------------------------------------------

def direct_quotes(t: _Text) -> Iterator[tuple[Quotation, Found | None]]:
    """Each quotation with its attribution: a cue next to it, else None when it reads like a full
    statement (the caller carries a speaker over); titles and scare quotes are left out."""
    for q in t.quotations:
        body = range(q.open + 1, q.close if q.close is not None else q.end)
        words = [k for k in body if t.is_word(k)]
        if not words:
            continue
        found = _attributed(t, q, len(words))
        if found is not None:
            yield q, found
        elif _statement(t, q, words):
            yield q, None


def _statement(t: _Text, q: Quotation, words: list[int]) -> bool:
    """A quotation that is a full sentence on its own: opens a sentence (or follows a colon), starts
    with a capital and ends in sentence punctuation."""
    before = q.open - 1
    while before >= 0 and t.doc[before].is_space:
        before -= 1
    starts = before < 0 or t.words[before] in (":",) or t.words[before] in SENT_END or "\n" in t.words[before]
    starts = starts or t.sents[t.sent_of[q.open]][0] == q.open
    end = q.close if q.close is not None else q.end
    last = end - 1
    while last > q.open and t.doc[last].is_space:
        last -= 1
    ends = t.words[last] in SENT_END or (end < len(t.words) and t.words[end] in SENT_END
                                         and t.words[end] != "…")
    title = all(t.words[k][:1].isupper() for k in words)
    return starts and ends and len(words) >= 4 and not title


def _attributed(t: _Text, q: Quotation, n_words: int) -> Found | None:
    """The cue and speaker of a quotation: a cue right after it ("„…“, sagte X"), ", so X", a cue
    before it in its sentence ("X sagte: „…“"), or a judgement verb ("nannte … „…“")."""
    end = q.close if q.close is not None else q.end
    after = end + 1 if q.close is not None else end
    s_open = t.sents[t.sent_of[q.open]]
    s_close = t.sents[t.sent_of[min(after, len(t.words) - 1)]] if after < len(t.words) else s_open
    body_end = end
    title = all(t.words[k][:1].isupper() for k in range(q.open + 1, end) if t.is_word(k))
    if n_words < 2 or (title and n_words < 5):
        return _judgement(t, q, s_open, body_end)
    if after < len(t.words) and t.words[after] in (",", ":") or (after < len(t.words) and t.lower[after] == "so"):
        k = after + 1 if t.words[after] in (",", ":") else after
        for found in _cue_at(t, k, s_close):
            return Found("direct", q.open + 1, body_end, found.cue, found.speaker)
    if n_words < 4:
        return _judgement(t, q, s_open, body_end)
    colon = q.open > 0 and t.words[q.open - 1] == ":"
    cues = [c for c in verb_cues(t, s_open[0], q.open) if c[1].kind not in ("impersonal", "intent") or colon]
    if cues:
        cue, verb = cues[-1]
        if colon or verb.kind in ("speech", "reported", "judge"):
            speaker = resolve(t, subject_near(t, cue.start, cue.end), verb=cue.start)
            return Found("direct", q.open + 1, body_end, cue, speaker)
    if after < len(t.words):
        for cue, verb in verb_cues(t, after, s_close[1]):
            if t.quote_at[cue.start] < 0 and verb.kind not in ("judge", "intent"):
                speaker = resolve(t, subject_near(t, cue.start, cue.end), verb=cue.start)
                return Found("direct", q.open + 1, body_end, cue, speaker)
    return None


def _cue_at(t: _Text, k: int, sent: tuple[int, int]) -> Iterator[Found]:
    """A cue opening the clause at token k: "sagte X", "so X", "hieß es", "teilte X mit"."""
    if k >= len(t.words):
        return
    if t.lower[k] == "so":
        np = noun_phrase(t, k + 1, sent[1])
        if np is not None:
            yield Found("direct", 0, 0, Cue("so", "source", k, k + 1, t.words[k]), resolve(t, np, "so"))
        return
    for cue, verb in verb_cues(t, k, min(k + 1, sent[1])):
        if verb.kind == "intent":
            continue
        if verb.kind == "impersonal":
            yield Found("direct", 0, 0, cue, _impersonal_source(t, cue))
        else:
            yield Found("direct", 0, 0, cue, resolve(t, subject_near(t, cue.start, cue.end), verb=cue.start))


def _judgement(t: _Text, q: Quotation, sent: tuple[int, int], body_end: int) -> Found | None:
    """Short quoted judgements after "nannte", "bezeichnete … als", "sprach von"."""
    a = max(sent[0], q.open - 8)
    for cue, verb in verb_cues(t, a, q.open):
        if verb.kind in ("judge", "reported") and (not verb.requires or set(verb.requires) & set(t.lower[cue.end:q.open])):
            speaker = resolve(t, subject_near(t, cue.start, cue.end), verb=cue.start)
            return Found("direct", q.open + 1, body_end, cue, speaker)
    return None


# -- the component ------------------------------------------------------------------------------

class QuoteAttributor:
    """Writes `doc.spans["quotes"]`: direct, indirect and reported quotes with `span._.quote`."""

    def __init__(self, nlp: Language, name: str = "quotes", *, carry_over: bool = True, max_carry_sentences: int = 3):
        self.nlp = nlp
        self.name = name
        self.carry_over = carry_over
        self.max_carry_sentences = max_carry_sentences
        self.data_dir: Path | None = None
        self.lex = QuoteLexicon()

    def initialize(self, get_examples=None, *, nlp: Language | None = None, data_dir: str | None = None) -> None:
        path = Path(data_dir) if data_dir else DATA_DIR
        if (path / "quotes").is_dir():  # the package's data folder rather than its quotes/ part
            path = path / "quotes"
        self._load(path, shared_dir=path.parent / "curated")

    def _load(self, path: Path, shared_dir: Path | None) -> None:
        self.data_dir = path
        self.lex = load_lexicon(path, shared_dir if shared_dir and shared_dir.is_dir() else None)

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            shutil.copyfile(self._data_dir() / name, path / name)
        shared = self._data_dir().parent / "curated"
        for name in SHARED_ROLE_FILES:
            if (shared / name).exists():
                (path / "curated").mkdir(exist_ok=True)
                shutil.copyfile(shared / name, path / "curated" / name)

    def from_disk(self, path, *, exclude=()) -> "QuoteAttributor":
        path = Path(path)
        self._load(path, shared_dir=path / "curated")
        return self

    def _data_dir(self) -> Path:
        if self.data_dir is None:
            self.initialize()
        return self.data_dir

    def __call__(self, doc: Doc) -> Doc:
        if not self.lex.verbs:
            self.initialize()
        t = _Text(doc, self.lex)
        spans = [self._span(doc, t, f) for f in self.extract(t)]
        doc.spans[QUOTES_KEY] = [s for s in spans if s is not None]
        return doc

    def extract(self, t: _Text) -> list[Found]:
        """All quotes of the text in order, speakers carried over where a quote has no cue."""
        direct = {q.open: found for q, found in direct_quotes(t)}
        by_sentence: dict[int, list[Found]] = {}
        for k, (s, e) in enumerate(t.sents):
            if t.heading[k] or all(t.quote_at[i] >= 0 or not t.is_word(i) for i in range(s, e)):
                continue
            found = list(verb_quotes(t, s, e)) + list(source_quotes(t, s, e))
            if found:
                by_sentence[k] = found
        for q in t.quotations:
            if q.open in direct:
                by_sentence.setdefault(t.sent_of[q.open], []).append(
                    direct[q.open] or Found("direct", q.open + 1, q.close if q.close is not None else q.end, None,
                                            NO_SPEAKER))
        return _top_level(self._carry(t, by_sentence))

    def _carry(self, t: _Text, by_sentence: dict[int, list[Found]]) -> Iterator[Found]:
        last: tuple[int, Speaker] | None = None  # sentence and speaker of the last attributed quote
        pending: Found | None = None
        for k, (s, e) in enumerate(t.sents):
            if t.heading[k]:
                last = None
            in_reach = (self.carry_over and last is not None and k - last[0] <= self.max_carry_sentences)
            # a speech verb names the speaker better than a source phrase on the same claim
            found = sorted(by_sentence.get(k, []), key=lambda f: (f.start, -f.end, f.speaker.method == "laut"))
            out = []
            for f in found:
                if f.speaker.method == "demnach" or (f.cue is None and f.speaker.method is None):
                    carried = last[1] if in_reach else _previous_subject(t, k)
                    if f.speaker.method == "demnach":
                        carried = f.speaker._replace(entity_id=carried.entity_id)
                    elif carried.method is not None:
                        carried = carried._replace(method="carry_over")
                    f = f._replace(speaker=carried)
                out.append(f)
                if f.speaker.start is not None and f.cue is not None:
                    last = (k, f.speaker)
                elif f.speaker.start is not None:
                    last = (k, last[1] if last else f.speaker)
            if not found and not t.heading[k] and main_clause_konjunktiv(t, s, e, strong_only=not in_reach):
                speaker = last[1]._replace(method="carry_over") if in_reach else _previous_subject(t, k)
                ce = t.content_end(s, e)
                if pending is not None and pending.end >= s - 1 and pending.speaker == speaker:
                    pending = pending._replace(end=ce)
                else:
                    if pending is not None:
                        yield pending
                    pending = Found("indirect", s, ce, None, speaker)
                if in_reach:
                    last = (k, last[1])
                elif speaker.start is not None:
                    last = (k, speaker)
                continue
            if pending is not None:
                yield pending
                pending = None
            yield from _dedupe(out)
        if pending is not None:
            yield pending

    def _span(self, doc: Doc, t: _Text, f: Found) -> Span | None:
        start, end = f.start, f.end
        while start < end and (doc[start].is_space or doc[start].text in MARKS):
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end <= start:
            return None
        span = Span(doc, start, end, label=f.label)
        sp, cue = f.speaker, f.cue
        span._.quote = {
            "cue": cue.lemma if cue else None,
            "cue_text": cue.text if cue else None,
            "cue_start_char": doc[cue.start].idx if cue else None,
            "cue_end_char": doc[cue.end - 1].idx + len(doc[cue.end - 1]) if cue else None,
            "speaker_text": doc[sp.start:sp.end].text if sp.start is not None else None,
            "speaker_start_char": doc[sp.start].idx if sp.start is not None else None,
            "speaker_end_char": doc[sp.end - 1].idx + len(doc[sp.end - 1]) if sp.start is not None else None,
            "speaker_entity_id": sp.entity_id,
            "method": sp.method,
        }
        return span


def _previous_subject(t: _Text, k: int) -> Speaker:
    """Who a cue-less Konjunktiv sentence reports when no speaker is in reach: the subject that opens
    the sentence before it in the same paragraph ("Er hat gestanden. In allen Fällen habe er …")."""
    if k == 0 or t.heading[k - 1] or t.para[k - 1] != t.para[k]:
        return NO_SPEAKER
    s, _ = t.sents[k - 1]
    _, b = t.clause(s)
    np = next(_phrases(t, s, b), None)
    if np is None or np.start != s or not _is_subject(t, np) or np.kind not in SUBJECT_KINDS:
        return NO_SPEAKER
    return resolve(t, np, "previous_subject")


def _top_level(found: Iterable[Found]) -> list[Found]:
    """Drop quotes that lie inside another one ("Ziel sei es, „…“": the indirect quote holds the direct one)."""
    found = list(found)
    ranges = sorted({(f.start, f.end) for f in found}, key=lambda r: (r[0], -r[1]))
    inner, outer, reach = set(), {}, (-1, -1)
    for start, end in ranges:
        if end <= reach[1]:
            inner.add((start, end))
            outer[start, end] = reach
        elif end > reach[1]:
            reach = (start, end)
    # a reported sentence gives way to the cued quote inside it ("forderte …, in der es heißt, …")
    reported = {(f.start, f.end) for f in found if f.label == "reported"}
    indirect = {(f.start, f.end) for f in found if f.label == "indirect"}
    dropped = {outer[r] for r in inner & indirect if outer[r] in reported}
    return [f for f in found if (f.start, f.end) not in dropped
            and ((f.start, f.end) not in inner or outer[f.start, f.end] in dropped)]


def _dedupe(found: Iterable[Found]) -> Iterator[Found]:
    """Drop a quote that covers the same tokens as one already kept."""
    seen: set[tuple[int, int]] = set()
    for f in found:
        if (f.start, f.end) not in seen:
            seen.add((f.start, f.end))
            yield f
