"""The records the quote modules pass each other: a cue, a speaker and a found quote, with the
labels they carry. The labels are `str` enums, so they compare equal to their values; the values
are what the quotes table holds (the component writes them as plain strings)."""
from __future__ import annotations

from enum import Enum
from typing import NamedTuple


class QuoteKind(str, Enum):
    """The `type` of a quote (its span label)."""
    DIRECT = "direct"  # in quotation marks
    INDIRECT = "indirect"  # a clause in reported speech: "Merz sagte, die Lage sei ernst"
    REPORTED = "reported"  # a sentence whose verb reports what its object names: "X sprach von einem Erfolg"


class CueKind(str, Enum):
    """What a cue is: a speech verb of one of the kinds of data/quotes/speech_verbs.tsv, a source
    phrase or a colon. (Verb kinds stay strings as the file has them; they compare equal.)"""
    SPEECH = "speech"
    REPORTED = "reported"
    JUDGE = "judge"  # "nannte … „…“", "bezeichnete … als"
    IMPERSONAL = "impersonal"  # "hieß es"
    INTENT = "intent"  # "will", "plant": the stated aim is the claim
    SOURCE = "source"  # "laut", "zufolge", "nach Angaben", ", so", "demnach"
    COLON = "colon"  # "Cavallo reagierte empört: Der Vorstand habe …"


class SpeakerMethod(str, Enum):
    """How the speaker was found: the `method` column of the quotes table."""
    SAME_SENTENCE = "same_sentence"  # an entity next to the cue
    SO = "so"  # "…, so X"
    LAUT = "laut"  # a source phrase: "laut X", "X zufolge", "nach Angaben X"
    PRONOUN = "pronoun"  # "sagte er": the most recent person of its gender
    DESCRIPTION = "description"  # "der CDU-Politiker", "der 52-Jährige": a person named before
    DOCUMENT = "document"  # "in der Erklärung": who issued it
    DEMNACH = "demnach"  # "demnach" stands for the source named before
    CARRY_OVER = "carry_over"  # a cue-less quote: the last speaker in reach
    PREVIOUS_SUBJECT = "previous_subject"  # the subject that opens the sentence before


class Cue(NamedTuple):
    """What marks a claim as someone's: a speech verb, a source word or a colon."""
    lemma: str
    kind: str  # a CueKind value
    start: int  # token range of the cue
    end: int
    text: str


class Speaker(NamedTuple):
    """Who made a claim: the local mention (a token range) and the entity it refers to."""
    start: int | None
    end: int | None
    entity_id: str | None
    method: SpeakerMethod | None


NO_SPEAKER = Speaker(None, None, None, None)


class Found(NamedTuple):
    """A quote: its kind, the token range of its content, its cue (None when carried over) and speaker."""
    label: QuoteKind
    start: int
    end: int
    cue: Cue | None
    speaker: Speaker
