"""Small helpers for German name forms shared by the entity components."""
from __future__ import annotations

from .german import NAME_PARTICLES


def lower_particles(words: list[str]) -> list[str]:
    """"Von der Leyen" -> "von der Leyen": the form that "Ursula von der Leyen" ends in."""
    out = list(words)
    for i, word in enumerate(out[:-1]):
        if word.lower() not in NAME_PARTICLES:
            break
        out[i] = word.lower()
    return out


def strip_genitive(word: str) -> str:
    """'Putins' -> 'Putin', "Merz'" -> 'Merz'; words ending in s, x, z or ß keep their form."""
    # German genitive morphology: -s after a stem, a bare apostrophe after a sibilant
    if word.endswith(("'", "’")):
        return word[:-1]
    if word.endswith("s") and len(word) > 3 and word[-2] not in "sxzß":
        return word[:-1]
    return word
