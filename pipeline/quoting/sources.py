"""Claims attributed by a source phrase instead of a verb: "laut X", "X zufolge",
"nach Angaben X", "gemäß X", "…, so X." and "demnach"."""
from __future__ import annotations

from typing import Iterator

from ..german import (GENITIVE_PREPOSITIONS, SOURCE_ADVERBS, SOURCE_COMMA_ADVERBS, SOURCE_COMPLEMENT_PREPOSITIONS,
                      SOURCE_NOUN_PREPOSITIONS, SOURCE_POSTPOSITIONS, SOURCE_PREPOSITIONS)
from .cues import konjunktiv
from .marks import MARKS
from .phrases import NP, is_adjective, noun_phrase
from .records import NO_SPEAKER, Cue, CueKind, Found, QuoteKind, Speaker, SpeakerMethod
from .speakers import resolve
from .text import Text


def source_quotes(t: Text, s: int, e: int) -> Iterator[Found]:
    """The claims around the source phrases of the sentence [s, e)."""
    ce = t.content_end(s, e)
    for i in t.within(t.source_at, s, ce):
        if t.quote_at[i] >= 0:
            continue
        w = t.lower[i]
        if w in SOURCE_PREPOSITIONS:  # "laut X", "gemäß X"
            np = noun_phrase(t, i + 1, ce)
            if np is not None:
                end, speaker = _apposition(t, np, ce, resolve(t, np, SpeakerMethod.LAUT), closed=True)
                yield _around(t, s, ce, i, end, Cue(w, CueKind.SOURCE, i, i + 1, t.words[i]), speaker)
        elif w in SOURCE_NOUN_PREPOSITIONS:  # "nach Angaben X"
            np = noun_phrase(t, i + 1, ce)
            if np is not None and t.lex.noun_class(t.lower[np.head], "source"):
                np = np._replace(end=_von_phrase_end(t, np.end, ce))
                speaker = _source_speaker(t, np)
                yield _around(t, s, ce, i, np.end, Cue(w, CueKind.SOURCE, i, i + 1, t.words[i]), speaker)
        elif w in SOURCE_POSTPOSITIONS and i > s:  # "X zufolge"
            start = _phrase_before(t, s, i)
            if start < i:
                np = noun_phrase(t, start, i) or NP(start, i, i - 1, "noun", None)
                speaker = _source_speaker(t, np._replace(end=i))
                yield _around(t, s, ce, start, i + 1, Cue(w, CueKind.SOURCE, i, i + 1, t.words[i]), speaker)
        elif w in SOURCE_COMMA_ADVERBS and i > s + 2 and t.words[i - 1] == ",":  # "…, so X"
            np = noun_phrase(t, i + 1, ce)
            rest, speaker = (ce, NO_SPEAKER) if np is None else _apposition(t, np, ce, resolve(t, np, SpeakerMethod.SO))
            if rest < ce and t.lex.has(t.lower[rest], "preposition") and not any(  # "so X gegenüber dem Sender"
                    t.lower[k] in t.lex.verbs or konjunktiv(t, k) for k in range(rest, ce)):
                rest = ce
            if np is not None and ce - rest <= 2 and t.plain_words(s, i - 1) >= 3:
                yield Found(QuoteKind.INDIRECT, s, i - 1, Cue(w, CueKind.SOURCE, i, i + 1, t.words[i]), speaker)
        elif w in SOURCE_ADVERBS and not t.heading[t.sent_of[i]]:
            # "demnach" is the local mention of the source (as a pronoun is); the entity is carried over
            a, b = _segment(t, s, ce, i)
            yield Found(QuoteKind.INDIRECT, a if i > a else i + 1, b, Cue(w, CueKind.SOURCE, i, i + 1, t.words[i]),
                        Speaker(i, i + 1, None, SpeakerMethod.DEMNACH))


def _apposition(t: Text, np: NP, limit: int, speaker: Speaker, closed: bool = False) -> tuple[int, Speaker]:
    """End of a source phrase with its apposition ("so der Sprecher, Max Muster", "laut dem
    Präsidenten des Verbands, Rainer Dulger, …"; `closed`: only with the comma after it) and its
    speaker: the named entity of the apposition, else that of the phrase."""
    if np.end < limit and t.words[np.end] == ",":
        apposition = noun_phrase(t, np.end + 1, limit)
        if apposition is not None and (not closed or apposition.kind == "entity" and apposition.end < limit
                                       and t.words[apposition.end] == ","):
            if apposition.kind == "entity":
                return apposition.end, Speaker(np.start, apposition.end, t.eid(apposition.entity), speaker.method)
            return apposition.end, speaker
    return np.end, speaker


def _source_speaker(t: Text, np: NP) -> Speaker:
    """"Angaben der Polizei": the source noun is the local mention, an entity inside names who."""
    entity = next((t.ent_at[k] for k in range(np.start, np.end) if t.ent_at[k] >= 0), None)
    return Speaker(np.start, np.end, t.eid(entity), SpeakerMethod.LAUT)


def _von_phrase_end(t: Text, j: int, limit: int) -> int:
    """End of a "von X"/"aus X" that follows the source noun ("nach Angaben von X"), else j."""
    if j < limit and t.lower[j] in SOURCE_COMPLEMENT_PREPOSITIONS:
        np = noun_phrase(t, j + 1, limit)
        if np is not None:
            return np.end
    return j


def _phrase_before(t: Text, s: int, i: int) -> int:
    """Start of the noun phrase that ends before token i ("den Planungen", "Angaben der Polizei")."""
    k = i
    if k - 3 >= s and t.words[k - 1] == ")" and t.words[k - 3] == "(":  # "dem Institut (IW) zufolge"
        k -= 3
    if k > s and t.words[k - 1][:1].isupper():  # "Angaben zufolge" opening the sentence
        k -= 1
    while k > s and (t.is_capital(k - 1) or _determiner(t, k - 1) or t.lower[k - 1] in GENITIVE_PREPOSITIONS
                     or (is_adjective(t, k - 1) and k - 2 >= s and _determiner(t, k - 2)
                         and (t.is_capital(k) or is_adjective(t, k)))):
        k -= 1
    return k


def _determiner(t: Text, k: int) -> bool:
    return t.lex.has(t.lower[k], "det") or t.lex.has(t.lower[k], "det_oblique")


def _around(t: Text, s: int, ce: int, a: int, b: int, cue: Cue, speaker: Speaker) -> Found:
    """The claim around a source phrase [a, b): its ";"-segment, or its subordinate clause when the
    phrase stands in one, without the phrase. A phrase inside the claim splits it; a quote is one
    span, so it keeps the phrase unless the phrase is a large part of it: then the larger side."""
    s, ce = _segment(t, s, ce, a)
    left = a - (1 if a > s and t.words[a - 1] in (",", "–", "-") else 0)
    right = b + (1 if b < ce and t.words[b] in (",", "–", "-") else 0)
    n_left, n_right, n_source = _chars(t, s, left), _chars(t, right, ce), _chars(t, a, b)
    if not n_left or not n_right:
        return Found(QuoteKind.INDIRECT, s, left, cue, speaker) if n_left else Found(QuoteKind.INDIRECT, right, ce, cue, speaker)
    whole = (n_left + n_right) / (n_left + n_right + n_source)
    if whole >= min(2 / 3, max(n_left, n_right) / (n_left + n_right)):  # keep the sentence readable
        return Found(QuoteKind.INDIRECT, s, ce, cue, speaker)
    return Found(QuoteKind.INDIRECT, s, left, cue, speaker) if n_left >= n_right else Found(QuoteKind.INDIRECT, right, ce, cue, speaker)


def _segment(t: Text, s: int, ce: int, i: int) -> tuple[int, int]:
    """The part of the sentence [s, ce) holding token i: between semicolons, and within a
    subordinate clause ("…, weil er nach Angaben X …") when i stands in one."""
    for k in range(i - 1, s - 1, -1):
        if t.words[k] == ";" and t.quote_at[k] < 0:
            s = k + 1
            break
    ce = next((k for k in range(i, ce) if t.words[k] == ";" and t.quote_at[k] < 0), ce)
    a, _ = t.clause(i)
    if a > s and t.words[a - 1] == "," and t.subordinate(a):
        end = next((k for k in range(i, ce) if t.words[k] == "," and t.quote_at[k] < 0), ce)
        return a, end
    return s, ce


def _chars(t: Text, a: int, b: int) -> int:
    return sum(len(t.words[k]) for k in range(a, b) if not t.is_space[k] and t.words[k] not in MARKS)
