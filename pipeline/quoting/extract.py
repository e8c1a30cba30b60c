"""All quotes of a Doc in order: direct, indirect and reported, with speakers carried over to
quotes without a cue and to Konjunktiv sentences that go on reporting the last speaker."""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.tokens import Doc

from ..german import ANAPHORIC_DEMONSTRATIVES
from .cues import main_clause_konjunktiv, verb_cues
from .direct import direct_quotes
from .indirect import verb_quotes
from .lexicon import QuoteLexicon
from .sources import source_quotes
from .phrases import noun_phrase, phrases
from .records import NO_SPEAKER, Cue, CueKind, Found, QuoteKind, Speaker, SpeakerMethod
from .speakers import SUBJECT_KINDS, previous_subject, resolve
from .text import Text


def extract_quotes(doc: Doc, lex: QuoteLexicon, *, carry_over: bool = True, max_carry_sentences: int = 3) -> list[Found]:
    """The quotes of a Doc with sentences and entities set (`ent._.entity_id`); token ranges as found,
    quotation marks and spaces at the edges included."""
    t = Text(doc, lex)
    direct = {q.open: found for q, found in direct_quotes(t)}
    by_sentence: dict[int, list[Found]] = {}
    for k, (s, e) in enumerate(t.sents):
        if t.heading[k] or not any(t.plain_word[s:e]):
            continue
        found = list(verb_quotes(t, s, e)) + list(source_quotes(t, s, e))
        back = _said_before(t, k)
        if not found:
            found = [claim for claim in [_after_colon(t, k)] if claim is not None]
        if back is not None:
            found = [f for f in found if f.cue != back.cue]
            # a stated plan ("will … streichen") gives way to who announced it ("Das kündigte X an")
            by_sentence[k - 1] = [f for f in by_sentence.get(k - 1, [])
                                  if f.cue is not None and f.cue.kind != CueKind.INTENT] or [back]
        if found:
            by_sentence[k] = found
    for q in t.quotations:
        if q.open in direct:
            by_sentence.setdefault(t.sent_of[q.open], []).append(
                direct[q.open] or Found(QuoteKind.DIRECT, q.open + 1, q.close if q.close is not None else q.end, None,
                                        NO_SPEAKER))
    return _top_level(_carry(t, by_sentence, carry_over=carry_over, max_carry_sentences=max_carry_sentences))


def _carry(t: Text, by_sentence: dict[int, list[Found]], *, carry_over: bool, max_carry_sentences: int) -> Iterator[Found]:
    """The quotes sentence by sentence, each cue-less one given the last speaker within `max_carry_sentences`
    (else the subject of the sentence before), and runs of cue-less Konjunktiv sentences merged into one."""
    last: tuple[int, Speaker] | None = None  # sentence and speaker of the last attributed quote
    pending: Found | None = None
    for k, (s, e) in enumerate(t.sents):
        if t.heading[k]:
            last = None
        in_reach = carry_over and last is not None and k - last[0] <= max_carry_sentences
        # a speech verb names the speaker better than a source phrase on the same claim
        found = sorted(by_sentence.get(k, []), key=lambda f: (f.start, -f.end, f.speaker.method == SpeakerMethod.LAUT))
        out = []
        for f in found:
            if f.speaker.method == SpeakerMethod.DEMNACH or (f.cue is None and f.speaker.method is None):
                carried = last[1] if in_reach else previous_subject(t, k)
                if f.speaker.method == SpeakerMethod.DEMNACH:
                    carried = f.speaker._replace(entity_id=carried.entity_id)
                elif carried.method is not None:
                    carried = carried._replace(method=SpeakerMethod.CARRY_OVER)
                f = f._replace(speaker=carried)
            out.append(f)
            if f.speaker.start is not None and f.cue is not None:
                last = (k, f.speaker)
            elif f.speaker.start is not None:
                last = (k, last[1] if last else f.speaker)
        if not found and not t.heading[k] and main_clause_konjunktiv(t, s, e, strong_only=not in_reach):
            speaker = last[1]._replace(method=SpeakerMethod.CARRY_OVER) if in_reach else previous_subject(t, k)
            if in_reach and last[0] < k - 1 and k - 1 not in by_sentence:
                # "Merz verteidigte den Entwurf. Er sei fair": who acted in the sentence just before
                # speaks, rather than the last speaker further back
                subject = previous_subject(t, k)
                if subject.entity_id is not None and subject.entity_id in {t.eid(j) for _, j in t.per}:
                    speaker = subject
            ce = t.content_end(s, e)
            if pending is not None and pending.end >= s - 1 and pending.speaker == speaker:
                pending = pending._replace(end=ce)
            else:
                if pending is not None:
                    yield pending
                pending = Found(QuoteKind.INDIRECT, s, ce, None, speaker)
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


def _after_colon(t: Text, k: int) -> Found | None:
    """"Cavallo reagierte empört: Der Vorstand habe …": a Konjunktiv main clause after a colon is
    the claim of the subject that opens the sentence."""
    s, e = t.sents[k]
    ce = t.content_end(s, e)
    colon = next((i for i in range(s + 2, ce - 2) if t.words[i] == ":" and t.quote_at[i] < 0), None)
    if colon is None or t.quote_at[colon + 1] >= 0 or not main_clause_konjunktiv(t, colon + 1, ce, strong_only=True):
        return None
    np = next(phrases(t, s, colon), None)
    if np is None or np.start != s or np.kind not in SUBJECT_KINDS:
        return None
    speaker = resolve(t, np)
    return Found(QuoteKind.INDIRECT, colon + 1, ce, Cue(":", CueKind.COLON, colon, colon + 1, ":"), speaker)


def _said_before(t: Text, k: int) -> Found | None:
    """"Das teilte eine Sprecherin der Polizei mit.": the sentence before, in the same paragraph,
    is the claim, and the subject after the speech verb its speaker."""
    s, e = t.sents[k]
    if k == 0 or t.heading[k - 1] or t.para[k - 1] != t.para[k] or t.lower[s] not in ANAPHORIC_DEMONSTRATIVES:
        return None
    cue = next((c for c, verb in verb_cues(t, s, e) if c.start == s + 1 and verb.kind in (CueKind.SPEECH, CueKind.REPORTED)), None)
    if cue is None:
        return None
    speaker = resolve(t, noun_phrase(t, cue.end, t.content_end(s, e)))
    if speaker.start is None:
        return None
    ps, pe = t.sents[k - 1]
    label = QuoteKind.INDIRECT if main_clause_konjunktiv(t, ps, pe, strong_only=False) else QuoteKind.REPORTED
    return Found(label, ps, t.content_end(ps, pe), cue, speaker)


def _top_level(found: Iterable[Found]) -> list[Found]:
    """Drop quotes that lie inside another one ("Ziel sei es, „…“": the indirect quote holds the direct one)."""
    found = list(found)
    ranges = sorted({(f.start, f.end) for f in found}, key=lambda r: (r[0], -r[1]))
    inner, outer, reach = set(), {}, (-1, -1)
    for start, end in ranges:
        if end <= reach[1]:
            inner.add((start, end))
            outer[start, end] = reach
        else:
            reach = (start, end)
    # a reported sentence gives way to the cued quote inside it ("forderte …, in der es heißt, …")
    reported = {(f.start, f.end) for f in found if f.label == QuoteKind.REPORTED}
    indirect = {(f.start, f.end) for f in found if f.label == QuoteKind.INDIRECT}
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
