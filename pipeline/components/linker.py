"""In-article entity linking: mentions of one entity share an id and a canonical name.

"Merz", "Merz'" and "Bundeskanzler Friedrich Merz" are one person named "Friedrich Merz": a short
person mention joins the fullest earlier-or-later name that ends in the same surname. Places and
organisations join on their gazetteer name, or else on their text with a genitive -s removed; an
acronym in brackets after one joins it.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..german import MASCULINE_GENITIVE_ARTICLES
from ..names import lower_particles, strip_genitive

Key = tuple[str, str]  # (label, normalised name) of a mention


class EntityLinker:
    """Sets `span._.entity_id` on every mention in `doc.ents` and fills `doc._.entities`."""

    def __init__(self, nlp: Language, name: str = "entity_linker"):
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Nothing to load: the linker works from the mentions and their gazetteer names."""

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article_id or "doc"
        mentions = list(doc.ents)  # each `doc.ents` builds its Spans anew
        last_words = {mention[-1].text for mention in mentions}
        keys = _particles_as_written(mention_key(mention, last_words) for mention in mentions)
        aliases = _bracketed_acronyms(mentions, keys)
        keys = [aliases.get(key, key) for key in keys]
        full_names = _full_person_names(mentions, keys)
        ids: dict[Key, str] = {}
        entities: dict[str, dict] = {}
        for index, (mention, (label, key)) in enumerate(zip(mentions, keys)):
            if label == "PER":
                key = full_names.get(index, key)
            entity_id = ids.get((label, key))
            if entity_id is None:
                entity_id = ids[(label, key)] = f"{article}:E{len(ids) + 1}"
                entities[entity_id] = {"label": label, "name": key if label == "PER" else "", "key": key}
            if label != "PER":
                form = written_form(mention) if mention._.canonical else key
                entities[entity_id]["name"] = _fuller(entities[entity_id]["name"], form)
            mention._.entity_id = entity_id
        doc._.entities = entities
        return doc


def mention_key(mention: Span, last_words: set[str]) -> Key:
    """(label, normalised name) of a mention before linking. A final -s is a genitive ending when
    the bare form also ends a mention in the article ("Putins", "Putin") or a genitive article
    stands just before ("des sogenannten Weimarer Dreiecks")."""
    if mention._.canonical:
        return mention.label_, mention._.canonical
    words = [token.text for token in mention]
    bare = strip_genitive(words[-1])
    context = {token.lower_ for token in mention.doc[max(mention.start - 2, 0):mention.start]}
    if bare in last_words or context & MASCULINE_GENITIVE_ARTICLES or words[-1].endswith(("'", "’")):
        words[-1] = bare
    return mention.label_, " ".join(words)


def written_form(mention: Span) -> str:
    """A gazetteer mention in its base form: a gazetteer name when the mention only inflects it
    ("Russlands", "der Europäischen Union"), otherwise the words as written ("USA" for the
    gazetteer's "Vereinigte Staaten"), so entity names are the forms the article uses."""
    canonical, words = mention._.canonical, [token.text for token in mention]
    base = canonical.split()
    inflects = len(base) == len(words) and all(word.startswith(base_word[:-1]) for word, base_word in zip(words, base))
    return canonical if inflects else mention.text


def _fuller(name: str, other: str) -> str:
    return max(name, other, key=lambda candidate: (len(candidate.split()), len(candidate)))


def _bracketed_acronyms(mentions: list[Span], keys: list[Key]) -> dict[Key, Key]:
    """"Deutsches Institut für Wirtschaftsforschung (DIW)": an acronym in brackets right after a
    place or organisation with the same first letter names it, here and wherever else the article
    uses the acronym (not "Umweltprogramm der Vereinten Nationen (UNEP)" when only the Vereinte
    Nationen were found)."""
    aliases: dict[Key, Key] = {}
    for (long, key), (short, short_key) in zip(zip(mentions, keys), zip(mentions[1:], keys[1:])):
        doc = long.doc
        if key[0] == short_key[0] != "PER" and len(short) == 1 and short.start == long.end + 1 \
                and short.end < len(doc) and doc[long.end].text == "(" and doc[short.end].text == ")" \
                and short.text.isupper() and short.text[0] == key[1][:1].upper() and key != short_key:
            aliases.setdefault(short_key, key)
    return aliases


def _particles_as_written(keys) -> list[Key]:
    """"Von der Leyen" (a sentence start) is "von der Leyen" when the article also writes it so,
    e.g. in "Ursula von der Leyen"; "Al Gore" stays as it is."""
    keys = list(keys)
    persons = {key for label, key in keys if label == "PER"}
    out = []
    for label, key in keys:
        lowered = " ".join(lower_particles(key.split()))
        if label == "PER" and lowered != key \
                and any(person == lowered or person.endswith(" " + lowered) for person in persons):
            key = lowered
        out.append((label, key))
    return out


def _full_person_names(mentions, keys) -> dict[int, str]:
    """The fullest name in the article sharing each short person mention's surname, by mention index:
    the nearest full name before the mention, else the nearest after it, so that with two people
    of one surname ("Caroline Kennedy", "John F. Kennedy") a bare "Kennedy" is the one named last."""
    persons = [(index, mention.start, key)
               for index, (mention, (label, key)) in enumerate(zip(mentions, keys)) if label == "PER"]
    resolved = {}
    for index, position, name in persons:
        candidates = [(start, full) for _, start, full in persons
                      if full != name and len(full.split()) > len(name.split()) and full.endswith(" " + name)]
        if candidates:
            before = [candidate for candidate in candidates if candidate[0] < position]
            nearest = max(before) if before else min(candidates)
            resolved[index] = max((full for _, full in candidates if full.endswith(nearest[1])), key=len)
    return resolved
