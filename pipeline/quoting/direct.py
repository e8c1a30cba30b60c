"""Direct quotes: each quotation that reads as speech, with the cue and speaker next to it
("„…“, sagte X", "„…“, so X", "X sagte: „…“", "nannte … „…“")."""
from __future__ import annotations

from typing import Iterator

from ..german import SOURCE_COMMA_ADVERBS
from .cues import verb_cues
from .marks import Quotation
from .phrases import noun_phrase
from .records import Cue, CueKind, Found, QuoteKind, Speaker, SpeakerMethod
from .speakers import impersonal_source, resolve
from .subjects import subject_near
from .text import SENT_END, Text


def direct_quotes(t: Text) -> Iterator[tuple[Quotation, Found | None]]:
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


def _statement(t: Text, q: Quotation, words: list[int]) -> bool:
    """A quotation that is a full sentence on its own: opens a sentence (or follows a colon), starts
    with a capital and ends in sentence punctuation."""
    before = q.open - 1
    while before >= 0 and t.is_space[before]:
        before -= 1
    starts = before < 0 or t.words[before] in (":",) or t.words[before] in SENT_END or "\n" in t.words[before]
    starts = starts or t.sents[t.sent_of[q.open]][0] == q.open
    end = q.close if q.close is not None else q.end
    last = end - 1
    while last > q.open and t.is_space[last]:
        last -= 1
    ends = t.words[last] in SENT_END or (end < len(t.words) and t.words[end] in SENT_END
                                         and t.words[end] != "…")
    title = all(t.words[k][:1].isupper() for k in words)
    return starts and ends and len(words) >= 4 and not title


def _attributed(t: Text, q: Quotation, n_words: int) -> Found | None:
    """The cue and speaker of a quotation: a cue right after it ("„…“, sagte X"), ", so X", a cue
    before it in its sentence ("X sagte: „…“"), or a judgement verb ("nannte … „…“")."""
    end = q.close if q.close is not None else q.end
    after = end + 1 if q.close is not None else end
    s_open = t.sents[t.sent_of[q.open]]
    s_close = t.sents[t.sent_of[min(after, len(t.words) - 1)]] if after < len(t.words) else s_open
    title = all(t.words[k][:1].isupper() for k in range(q.open + 1, end) if t.is_word(k))
    if n_words < 2 or (title and n_words < 5):
        return _judgement(t, q, s_open, end)
    if after < len(t.words) and (t.words[after] in (",", ":") or t.lower[after] in SOURCE_COMMA_ADVERBS):
        k = after + 1 if t.words[after] in (",", ":") else after
        for cue, speaker in _cue_at(t, k, s_close):
            return Found(QuoteKind.DIRECT, q.open + 1, end, cue, speaker)
    if n_words < 4:
        return _judgement(t, q, s_open, end)
    colon = q.open > 0 and t.words[q.open - 1] == ":"
    cues = [c for c in verb_cues(t, s_open[0], q.open) if c[1].kind not in (CueKind.IMPERSONAL, CueKind.INTENT) or colon]
    if cues:
        cue, verb = cues[-1]
        if colon or verb.kind in (CueKind.SPEECH, CueKind.REPORTED, CueKind.JUDGE):
            speaker = resolve(t, subject_near(t, cue.start, cue.end), verb=cue.start)
            return Found(QuoteKind.DIRECT, q.open + 1, end, cue, speaker)
    if after < len(t.words):
        for cue, verb in verb_cues(t, after, s_close[1]):
            if t.quote_at[cue.start] < 0 and verb.kind not in (CueKind.JUDGE, CueKind.INTENT):
                speaker = resolve(t, subject_near(t, cue.start, cue.end), verb=cue.start)
                return Found(QuoteKind.DIRECT, q.open + 1, end, cue, speaker)
    return None


def _cue_at(t: Text, k: int, sent: tuple[int, int]) -> Iterator[tuple[Cue, Speaker]]:
    """A cue opening the clause at token k and its speaker: "sagte X", "so X", "hieß es", "teilte X mit"."""
    if k >= len(t.words):
        return
    if t.lower[k] in SOURCE_COMMA_ADVERBS:  # "„…“, so X"
        np = noun_phrase(t, k + 1, sent[1])
        if np is not None:
            yield Cue(t.lower[k], CueKind.SOURCE, k, k + 1, t.words[k]), resolve(t, np, SpeakerMethod.SO)
        return
    for cue, verb in verb_cues(t, k, min(k + 1, sent[1])):
        if verb.kind == CueKind.INTENT:
            continue
        if verb.kind == CueKind.IMPERSONAL:
            yield cue, impersonal_source(t, cue)
        else:
            yield cue, resolve(t, subject_near(t, cue.start, cue.end), verb=cue.start)


def _judgement(t: Text, q: Quotation, sent: tuple[int, int], body_end: int) -> Found | None:
    """Short quoted judgements after "nannte", "bezeichnete … als", "sprach von"."""
    a = max(sent[0], q.open - 8)
    for cue, verb in verb_cues(t, a, q.open):
        if verb.kind in (CueKind.JUDGE, CueKind.REPORTED) and (not verb.requires or set(verb.requires) & set(t.lower[cue.end:q.open])):
            speaker = resolve(t, subject_near(t, cue.start, cue.end), verb=cue.start)
            return Found(QuoteKind.DIRECT, q.open + 1, body_end, cue, speaker)
    return None
