"""Corpus identities: one `entity_key` per real-world person, place and organisation across
articles, the `corpus_entities` table (one row per key) and quote groups.

Every article's entities come with a local key from the linker: the label and the entity's
linking name, case-folded ("PER:friedrich merz"; a gazetteer entry's id for places and
organisations, so "USA" and "Vereinigte Staaten" are both "LOC:vereinigte staaten"). A key is
readable and does not depend on which other articles are in the corpus, so it stays the same when
articles are added. Across the corpus, two kinds of local key are then merged into another, in one
deterministic pass over all articles (`observe`), before the tables are written (`link`):

- a person named only by surname ("Merz", "von der Leyen") takes the key of the one person in the
  corpus whose full name ends with it and who is named within HALF_A_YEAR days of the article (when
  both have dates); with none or with two such people ("Anja Merz" and "Friedrich Merz") it keeps
  its own key. A lone first name is linked the same way ("Thaksin" -> Thaksin Shinawatra) unless it
  is in the first-name list: "Friedrich" or "Rita" alone names no one in particular (a hand check
  found a TV character, a hurricane and rescue helicopters merged into people that way);
- an acronym ("ORG:dgb") that some article introduced with its full name ("Deutscher
  Gewerkschaftsbund (DGB)", linked within that article) takes the full name's key, if the corpus
  pairs it with exactly one.

So a key changes only where new articles bring the evidence for such a merge (or make a merge
ambiguous). Quotes with the same speaker key and the same text (case, spacing and the
punctuation at its ends aside) share a `quote_group`, so a claim repeated across outlets counts once.
Memory grows with the number of distinct keys and names, not with the number of articles.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from .german import NAME_PARTICLES
from .lexicon import DATA_DIR, DataFiles
from .schema import TABLES

HALF_A_YEAR = 183  # days
ACRONYM = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,7}\Z")
EDGE_PUNCTUATION = " \t\n.,;:!?\"'„“”«»‚‘’()-–—…"
Rows = dict[str, list[tuple]]


def local_key(label: str, name: str) -> str:
    """The key an entity has from its article alone: "PER:friedrich merz"."""
    return f"{label}:{' '.join(name.casefold().split())}"


def quote_group(speaker_key: str | None, text: str) -> str | None:
    """Same speaker, same words: one group id (None without a speaker)."""
    if not speaker_key:
        return None
    words = " ".join(text.casefold().strip(EDGE_PUNCTUATION).split())
    return "G" + hashlib.sha1(f"{speaker_key}\0{words}".encode()).hexdigest()[:12]


def _columns(table: str, *names: str) -> list[int]:
    columns = TABLES[table].column_names
    return [columns.index(name) for name in names]


_ARTICLE = _columns("articles", "article_id", "date")
_ENTITY = _columns("entities", "entity_id", "name", "label", "n_mentions", "entity_key", "role", "org", "party",
                   "gender")
_MENTION = _columns("mentions", "entity_id", "label", "text", "entity_key")
_QUOTE = _columns("quotes", "speaker_entity_id", "text", "speaker_key", "quote_group")


@dataclass
class _Person:
    first: date | None = None
    last: date | None = None

    def seen(self, when: date | None) -> None:
        if when is not None:
            self.first = when if self.first is None else min(self.first, when)
            self.last = when if self.last is None else max(self.last, when)

    def near(self, when: date | None) -> bool:
        if when is None or self.first is None:
            return True
        days = when.toordinal()  # day numbers: a date near year 1 or 9999 must not overflow
        return self.first.toordinal() - HALF_A_YEAR <= days <= self.last.toordinal() + HALF_A_YEAR


@dataclass
class _Totals:
    label: str
    names: Counter = field(default_factory=Counter)
    n_articles: int = 0
    n_mentions: int = 0
    n_quotes: int = 0
    first: date | None = None
    last: date | None = None
    roles: Counter = field(default_factory=Counter)
    orgs: Counter = field(default_factory=Counter)
    parties: Counter = field(default_factory=Counter)
    genders: Counter = field(default_factory=Counter)


class CorpusLinker:
    """Two passes over the articles' rows: `observe` each article, then `link` each (in any order)
    to get its rows with corpus keys; `corpus_rows` gives the corpus_entities table afterwards."""

    def __init__(self):
        self.people: dict[str, _Person] = {}  # full-name key -> when it is named
        self.by_last_word: dict[str, set[str]] = {}  # last word of a full name -> full-name keys
        self.by_first_word: dict[str, set[str]] = {}
        self.acronyms: dict[str, set[str]] = {}  # "ORG:dgb" -> keys of the full names it was introduced with
        self.totals: dict[str, _Totals] = {}

    def observe(self, rows: Rows) -> None:
        when = _article_date(rows)
        keys = {}
        for row in rows.get("entities", ()):
            entity_id, key = row[_ENTITY[0]], row[_ENTITY[4]]
            keys[entity_id] = key
            words = key.partition(":")[2].split()
            if row[_ENTITY[2]] == "PER" and len(words) > 1 and words[0] not in NAME_PARTICLES:
                self.people.setdefault(key, _Person()).seen(when)
                self.by_last_word.setdefault(words[-1], set()).add(key)
                self.by_first_word.setdefault(words[0], set()).add(key)
        for row in rows.get("mentions", ()):
            entity_id, label, text = row[_MENTION[0]], row[_MENTION[1]], row[_MENTION[2]]
            key = keys.get(entity_id)
            if label != "PER" and key and ACRONYM.match(text) and local_key(label, text) != key:
                self.acronyms.setdefault(local_key(label, text), set()).add(key)

    def corpus_key(self, key: str, when: date | None) -> str:
        """The corpus key of a local key, in an article of date `when` (not cached: the answer
        depends on the date, and a cache by key and date would grow with the corpus)."""
        label, _, name = key.partition(":")
        if label != "PER":
            full = self.acronyms.get(key, ())
            return next(iter(full)) if len(full) == 1 else key
        words = name.split()
        if key in self.people or not words or not (len(words) == 1 or words[0] in NAME_PARTICLES):
            return key
        surname_of = {full for full in self.by_last_word.get(words[-1], ())
                      if full.partition(":")[2].split()[-len(words):] == words}
        first_name_of = self.by_first_word.get(words[0], set()) if len(words) == 1 else set()
        fits = {full for full in surname_of | first_name_of if self.people[full].near(when)}
        if len(fits) != 1 or (fits <= first_name_of and words[0] in common_first_names()):
            return key  # none, several ("Thomas": Sven Thomas or Thomas Enders?), or a common first name alone
        return next(iter(fits))

    def link(self, rows: Rows) -> Rows:
        """The article's rows with corpus keys in entities, mentions and quotes and its quote groups;
        counted for `corpus_rows`."""
        when = _article_date(rows)
        keys, linked = {}, dict(rows)
        entities = []
        for row in rows.get("entities", ()):
            row = list(row)
            row[_ENTITY[4]] = keys[row[_ENTITY[0]]] = self.corpus_key(row[_ENTITY[4]], when)
            entities.append(tuple(row))
            self._count_entity(row, when)
        linked["entities"] = entities
        linked["mentions"] = [_with(row, _MENTION[3], keys.get(row[_MENTION[0]])) for row in rows.get("mentions", ())]
        quotes = []
        for row in rows.get("quotes", ()):
            speaker_key = keys.get(row[_QUOTE[0]])
            row = _with(row, _QUOTE[2], speaker_key)
            quotes.append(_with(row, _QUOTE[3], quote_group(speaker_key, row[_QUOTE[1]])))
            if speaker_key:
                self.totals[speaker_key].n_quotes += 1
        linked["quotes"] = quotes
        return linked

    def _count_entity(self, row: list, when: date | None) -> None:
        _, name, label, n_mentions, key, role, org, party, gender = (row[i] for i in _ENTITY)
        totals = self.totals.get(key)
        if totals is None:
            totals = self.totals[key] = _Totals(label)
        totals.names[name] += 1
        totals.n_articles += 1
        totals.n_mentions += n_mentions
        if when is not None:
            totals.first = when if totals.first is None else min(totals.first, when)
            totals.last = when if totals.last is None else max(totals.last, when)
        for counter, value in ((totals.roles, role), (totals.orgs, org), (totals.parties, party)):
            if value:
                counter[value] += 1
        if gender in ("f", "m"):
            totals.genders[gender] += 1

    def corpus_rows(self) -> list[tuple]:
        """One row per corpus key, in the column order of `corpus_entities`, sorted by key."""
        rows = []
        for key in sorted(self.totals):
            totals = self.totals[key]
            name = max(totals.names, key=lambda n: (len(n.split()), totals.names[n], n))  # fullest, then commonest
            aliases = "; ".join(f"{alias} ({count})" for alias, count in
                                sorted(totals.names.items(), key=lambda item: (-item[1], item[0])))
            gender = next(iter(totals.genders)) if len(totals.genders) == 1 else (
                "unknown" if totals.label == "PER" else None)
            rows.append((key, totals.label, name, aliases, totals.n_articles, totals.n_mentions, totals.n_quotes,
                         totals.first, totals.last, _commonest(totals.roles), _commonest(totals.orgs),
                         _commonest(totals.parties), gender))
        return rows


@lru_cache(maxsize=1)
def common_first_names() -> frozenset[str]:
    """The first-name list, case-folded: such a name alone ("Friedrich", "Rita", "Christoph 29", a
    helicopter) names no one in particular, so only a rarer one is linked to a full name ("Thaksin")."""
    return frozenset(name.casefold() for name, _ in DataFiles.from_dirs(DATA_DIR, ["first_names.tsv"]).columns(
        "first_names.tsv", "name", "gender"))


def _commonest(counter: Counter) -> str | None:
    return min(counter, key=lambda value: (-counter[value], value)) if counter else None


def _article_date(rows: Rows) -> date | None:
    articles = rows.get("articles") or [None]
    return articles[0][_ARTICLE[1]] if articles[0] else None


def _with(row, position: int, value) -> tuple:
    row = list(row)
    row[position] = value
    return tuple(row)


def link_tables(articles_rows: list[Rows]) -> tuple[list[Rows], list[tuple]]:
    """Both passes over rows held in memory (`pipeline.extract`, the test fixture)."""
    linker = CorpusLinker()
    for rows in articles_rows:
        linker.observe(rows)
    linked = [linker.link(rows) for rows in articles_rows]
    return linked, linker.corpus_rows()
