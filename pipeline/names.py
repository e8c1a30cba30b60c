"""Small helpers for German name forms shared by the entity components."""
from __future__ import annotations

GENITIVE_ARTICLES = frozenset({"des", "eines"})


def strip_genitive(word: str) -> str:
    """'Putins' -> 'Putin', "Merz'" -> 'Merz'; words ending in s, x, z or ß keep their form."""
    if word.endswith(("'", "’")):
        return word[:-1]
    if word.endswith("s") and len(word) > 3 and word[-2] not in "sxzß":
        return word[:-1]
    return word
