"""The entity rules' data files, the `Lexicons` they load into, and the word tests every rule shares
(is a word name-like, a common noun, a role, a class noun before a name)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ... import lexicon
from ...german import ADJECTIVE_ENDINGS, NOUN_INFLECTION_ENDINGS, STOP_WORDS
from ...names import strip_genitive
from ...tokens import JudgesWords, word_verdict

# under the data folder (pipeline/data/)
FILES = ("gazetteer.jsonl", "first_names.tsv", "word_classes.tsv", "common_nouns.txt",
         "curated/roles.tsv", "curated/role_suffixes.tsv", "curated/name_cues.tsv", "entity_patterns.jsonl",
         "non_entities.txt", "ambiguous_nouns.txt", "lower_words.txt", "verb_forms.txt")
ACRONYM = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,5}\Z")
# capitals, or capitals with one or two small letters of function words between them ("BdB", "RFdS", "KfW", "CeBIT"),
# not a plural or genitive -s of capitals ("PCs")
ORG_ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,5}[0-9]?\Z"
                         r"|(?=\w*[a-zäöü])[A-ZÄÖÜ](?:[a-zäöü]{0,2}[A-ZÄÖÜ]){1,5}[a-rt-zäöü]?\Z")
DATELINE = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜß-]{2,}\Z")  # a place in capitals opening a paragraph ("BERLIN.")
INITIAL = re.compile(r"[A-ZÄÖÜ]\.\Z")
# predicative adjectives and participles ("Verhandlungsfähig ist", "Abgelehnt wurde", "Abschließend wird"):
# adjective suffixes, present participles, comparatives, and a "ge-" participle behind a separable prefix
# (German morphology as a regex, so it stays here rather than in german_words.tsv), also compared ("Rätselhafter")
ADJECTIVE_SHAPE = re.compile(r"(?:.*(?:ig|lich|isch|bar|sam|los|haft|end|erer|weiss|weiß)(?:er|e)?"
                             r"|[a-zäöü]{0,5}ge[a-zäöüß]{3,}(?:en|t))\Z")
NAME_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(e|en|er|es)\Z")  # an inflected adjective, capitalised
ROMAN = re.compile(r"[IVX]+\Z")
# a family name may end in a short noun in -er/-el ("Laukötter", "Kiesewetter"); a compound of a longer one is a
# noun ("Netzanbieter", "Medienvertreter", "Porschesprecher")
SHORT_NAME_TAIL = 6


@dataclass
class Lexicons(JudgesWords):
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
    motion_verbs: set[str] = field(default_factory=set)  # verbs of travel, whose subject is a person ("reiste")
    subsidiaries: set[str] = field(default_factory=set)  # a firm's kin in compounds ("Volkswagen-Tochter")
    shaped_place_prepositions: set[str] = field(default_factory=set)  # a place only with a place's ending after them
    name_tails: tuple[str, ...] = ()  # compound tails of place and family names ("-berg", "-hausen")
    short_name_tails: tuple[str, ...] = ()  # endings of the short nouns a family name may end in ("Laukötter")
    place_tails: tuple[str, ...] = ()  # endings of street and place names ("-straße", "-hausen")
    landform_tails: tuple[str, ...] = ()  # endings of mountains, woods and sites after an article ("den Kemmelberg")
    districts: set[str] = field(default_factory=set)  # parts of a town named after it ("Berlin-Mitte", "Hannover-Süd")
    region_prefixes: tuple[str, ...] = ()  # compass points that open the name of part of a place ("Süditalien")
    work_words: set[str] = field(default_factory=set)  # English words in titles of works ("The", "Of")
    ambiguous: set[str] = field(default_factory=set)  # common nouns that are also names ("Stein", "Wolf")
    verbs: set[str] = field(default_factory=set)  # finite auxiliaries and modals ("hatte", "musste")
    lower_words: set[str] = field(default_factory=set)  # frequent lower-case words ("zuvor", "insgesamt")
    verb_forms: set[str] = field(default_factory=set)  # inflected verb forms ("ging", "übernimmt")

    @word_verdict
    def may_open_name(self, word: str) -> bool:
        """Name-like, the first word of a place name ("San") or an initial: where a run of a name may start."""
        return self.name_like(word) or word in self.prefixes or INITIAL.match(word) is not None

    @word_verdict
    def in_capitals(self, word: str) -> bool:
        """An acronym or a dateline's place in capitals."""
        return DATELINE.match(word) is not None or ORG_ACRONYM.match(word) is not None

    @word_verdict
    def is_role(self, word: str) -> bool:
        """A role noun, also inflected ("den Präsidenten", "des Kanzlers") and in compounds ("Nato-Chef")."""
        return self._role_form(word) or any(
            word.endswith(ending) and len(word) - len(ending) > 3 and self._role_form(word[:-len(ending)])
            for ending in NOUN_INFLECTION_ENDINGS)

    def _role_form(self, word: str) -> bool:
        if word in self.roles:
            return True
        tail = word.rsplit("-", 1)[-1]
        return tail in self.roles or tail.lower().endswith(self.role_suffixes)

    @word_verdict
    def name_like(self, word: str) -> bool:
        """Capitalised like a name ("Merz", "Jean-Noël", "McCain"): no stop word, acronym or Roman number."""
        if len(word) < 2 or not word[0].isupper() or word.lower() in STOP_WORDS or word in self.non_entities:
            return False
        if ACRONYM.match(word) or ROMAN.match(word):
            return False
        parts = word.split("-")
        return all(part[:1].isupper() and part[1:].islower() or part[1:].isalpha() and not part.isupper()
                   for part in parts if part)

    @word_verdict
    def is_name(self, word: str) -> bool:
        """Known as a first name or as a surname-like word class."""
        return any(part in self.first_names or self.word_class.get(part) in ("SURNAME", "FIRSTNAME")
                   for part in strip_genitive(word).split("-"))

    @word_verdict
    def is_common(self, word: str) -> bool:
        """A common noun (or a compound ending in one, "Rundumtonkombination") that is not also a name."""
        head = word.rsplit("-", 1)[-1]  # a German compound is what its last part is
        # a word the word classes know as a whole is no compound of the noun it ends in ("Cambridge", "Indianapolis")
        return not self.is_name(head) and (
            head in self.common_nouns or head not in self.word_class and self._common_tail(head))

    @word_verdict
    def guessed_common(self, word: str) -> bool:
        """Taken for a common noun only by a short noun it ends in ("Herbstrock", "Zandura"): after a class noun
        that types names it is the name ("die Band Herbstrock"); a compound of a longer noun is a noun
        ("der Konzern Synergieeffekte")."""
        head = word.rsplit("-", 1)[-1]
        return self.is_common(word) and head not in self.common_nouns and head not in self.ambiguous \
            and not self._common_tail(head, shortest=6)

    def _common_tail(self, word: str, shortest: int = 4) -> bool:
        for i in range(3, len(word) - shortest + 1):
            tail = word[i:]
            noun = tail[0].upper() + tail[1:]
            if noun in self.common_nouns or noun in self.ambiguous:
                return not (tail.endswith(self.name_tails)
                            or len(tail) <= SHORT_NAME_TAIL and tail.endswith(self.short_name_tails))
        return False

    @word_verdict
    def is_place_compound(self, word: str) -> bool:
        """A town and its district or neighbour joined by a hyphen ("Bremen-Vegesack", "Berlin-Mitte"), not a
        compound of a common noun ("Berlin-Besuch"); or a compass point joined to a place ("Süditalien",
        "Nordhessen")."""
        if self._region(word):
            return True
        parts = word.split("-")
        if len(parts) != 2 or self.word_class.get(parts[0]) != "PLACE" or not parts[1][:1].isupper():
            return False
        last = parts[1]  # a noun it ends in has five letters or more: "Stahlgeschäft", not "Vegesack"
        return last in self.districts or last not in self.common_nouns and last not in self.ambiguous \
            and not self.is_name(last) and not self._common_tail(last, shortest=5)

    def _region(self, word: str) -> bool:
        """"Süditalien", "Ostwestfalens": a compass point and a place written as one word; not an adverb or
        adjective at a sentence start ("Südlich", "Östlich")."""
        prefix = next((prefix for prefix in self.region_prefixes if word.startswith(prefix)), None)
        if prefix is None or len(word) - len(prefix) < 4 or not word[len(prefix)].islower() \
                or word.lower() in self.lower_words:
            return False
        place = word[len(prefix)].upper() + word[len(prefix) + 1:]
        return any(self.word_class.get(form) == "PLACE" for form in (place, strip_genitive(place)))

    def adjective_form(self, lower: str) -> bool:
        """An adjective or participle with its ending ("vergangenes", "verwaltetes", "wesentliches")."""
        ending = next((ending for ending in ADJECTIVE_ENDINGS if lower.endswith(ending)), "")
        stem = lower[:len(lower) - len(ending)]
        return lower in self.lower_words or stem in self.verb_forms or bool(ADJECTIVE_SHAPE.match(stem))

    @word_verdict
    def is_name_adjective(self, word: str) -> bool:
        """An inflected adjective or participle by its suffix, written with a capital as in a name ("Hamburgische",
        "Vereinigten"); no role ("des Heiligen Pankratius")."""
        match = NAME_ADJECTIVE.match(word)
        if match is None or self.is_role(word) or word in self.common_nouns:
            return False  # (nouns of that shape: "Geschichte", "Spartensender", "Vertrauten")
        stem = word[:match.start(1)].lower()
        return stem in self.verb_forms or bool(ADJECTIVE_SHAPE.match(stem))

    @word_verdict
    def is_head(self, word: str) -> bool:
        """A role, class noun or other common noun that can stand before a name ("Gemeinde Akkala")."""
        if word in self.titles or word in self.prefixes:
            return False
        return self.is_role(word) or word in self.heads \
            or self.is_common(word) and not self.is_name(word.rsplit("-", 1)[-1]) \
            or "-" in word and word.rsplit("-", 1)[-1] in self.heads  # "Pop-Band", "Hip-Hop-Label"

    def _firm_kin(self, word: str) -> bool:
        """A firm's kin compounded with an organisation: its acronym, organisation word class or a name no list knows
        as a person's or a noun ("VW-Tochter", "Volkswagen-Tochter"), or a class noun of organisations
        ("Konzerntochter"); not a person's ("Trump-Tochter", "Präsidententochter", "Bauerntochter")."""
        modifier, _, kin = word.rpartition("-")
        if modifier:
            return kin in self.subsidiaries and (ACRONYM.match(modifier) is not None
                                                 or self.word_class.get(modifier) == "ORG"
                                                 or not (self.is_name(modifier) or self.is_role(modifier)
                                                         or self.is_common(modifier)))
        return any(word.endswith(kin.lower()) and self.heads.get(word[:-len(kin)]) == "ORG"
                   for kin in self.subsidiaries)

    @word_verdict
    def cue_label(self, word: str | None) -> str | None:
        """The label a class noun or role before a name gives it ("Gemeinde" LOC, "Außenminister" PER)."""
        if word is None:
            return None
        if word in self.heads:
            return self.heads[word]
        if self._firm_kin(word):
            return "ORG"
        if self.is_role(word):
            return "PER"
        # inflected: "des Technologiekonzerns X", "den Erstligisten X"
        stems = (word[:-len(ending)] for ending in NOUN_INFLECTION_ENDINGS if word.endswith(ending))
        for form in dict.fromkeys((word, *stems)):
            if form in self.heads:
                return self.heads[form]
            lower = form.lower()
            for tail, label in self.head_tails:
                if lower.endswith(tail):
                    return label
        return None


def load_lexicons(files: lexicon.DataFiles) -> Lexicons:
    cues: dict[str, dict[str, str]] = {}  # kind -> word -> label
    for row in files.tsv("curated/name_cues.tsv"):
        cues.setdefault(row["kind"], {})[row["word"]] = row["label"]

    def by_kind(kind: str) -> dict[str, str]:
        return cues.get(kind, {})

    return Lexicons(
        first_names={name for name, in files.columns("first_names.tsv", "name")},
        word_class=dict(files.columns("word_classes.tsv", "word", "class")),
        common_nouns=files.words("common_nouns.txt"),
        roles={row["word"] for row in files.tsv("curated/roles.tsv")},
        role_suffixes=tuple(sorted({row["word"].lstrip("-").lower()
                                    for row in files.tsv("curated/role_suffixes.tsv")})),
        non_entities=files.words("non_entities.txt"),
        heads=by_kind("before"),
        head_tails=tuple(by_kind("tail").items()),
        inside=by_kind("inside"),
        prefixes=set(by_kind("prefix")),
        titles=set(by_kind("title")),
        cue_words={**by_kind("speech"), **by_kind("preposition")},
        motion_verbs=set(by_kind("motion")),
        subsidiaries=set(by_kind("subsidiary")),
        shaped_place_prepositions=set(by_kind("shaped_place_preposition")),
        name_tails=tuple(by_kind("name_tail")),
        short_name_tails=tuple(by_kind("short_name_tail")),
        place_tails=tuple(by_kind("place_tail")),
        landform_tails=tuple(by_kind("landform_tail")),
        districts=set(by_kind("district")),
        region_prefixes=tuple(sorted(by_kind("region"), key=len, reverse=True)),  # "Südost" before "Süd"
        work_words=set(by_kind("work")),
        ambiguous=files.words("ambiguous_nouns.txt"),
        verbs=set(by_kind("verb")),
        lower_words=files.words("lower_words.txt"),
        verb_forms=files.words("verb_forms.txt"),
    )
