"""Indirect and reported speech around speech verbs: "Merz sagte, die Lage sei ernst",
"…, teilte das Amt mit", "wie der Sprecher mitteilte", "hieß es", "will … senken"."""
from __future__ import annotations

from typing import Iterator

from ..german import COLLECTIVE_SUBJECT_PRONOUNS, INFINITIVE_PARTICLES, TOPIC_PREPOSITIONS
from .cues import konjunktiv, verb_cues
from .marks import MARKS
from .phrases import is_adjective, only_noun_phrases
from .records import NO_SPEAKER, Cue, CueKind, Found, QuoteKind
from .speakers import impersonal_source, resolve
from .subjects import subject_near
from .text import SENT_END, Text


def verb_quotes(t: Text, s: int, e: int) -> Iterator[Found]:
    """Indirect and reported speech around speech verbs in the sentence [s, e)."""
    end = t.content_end(s, e)
    cues = list(verb_cues(t, s, e))
    reported = False  # one reported claim per sentence: "sprach von … und forderte …" is one statement
    for n, (cue, verb) in enumerate(cues):
        v = cue.start
        ce = _before_next_cue(t, cue.end, cues[n + 1][0].start, end) if n + 1 < len(cues) else end
        a, b = t.clause(v)
        if verb.kind == CueKind.IMPERSONAL:
            yield from _impersonal(t, cue, s, ce)
            continue
        opens = not any(t.is_word(k) and t.quote_at[k] < 0 and not t.lex.has(t.lower[k], "adverb")
                        for k in range(a, v))
        subject = subject_near(t, v, cue.end)
        if verb.agent and (subject is None or subject.kind not in ("entity", "role", "pronoun")):
            continue  # "Ihnen drohen lange Haftstrafen": a threat that looms, not one made
        speaker = resolve(t, subject, verb=v)
        wa = _wie_start(t, s, a) if subject is not None and s <= subject.start < a else a
        if t.lex.info.get((t.lower[wa], "subordinator")) == "wie" and subject is not None:  # "wie X mitteilte"
            if wa == s or t.quote_at[s] >= 0:
                c = _clause_after(t, b - 1, e)
                if c is not None:
                    yield Found(QuoteKind.INDIRECT, c, ce, cue, speaker)
            elif wa - 1 > s and t.words[wa - 1] == ",":
                yield Found(QuoteKind.INDIRECT, s, wa - 1, cue, speaker)
            continue
        if verb.kind == CueKind.INTENT:
            if (t.lower[cue.end] if cue.end < b else "") in COLLECTIVE_SUBJECT_PRONOUNS:  # "will man …": no one named
                speaker = NO_SPEAKER
            elif subject is None:
                continue
        elif (opens and a > s and t.words[a - 1] == "," and subject is not None and subject.start >= a
              and not verb.requires):  # "…, sagte er."; "…, kommt X zu dem Ergebnis, dass" claims what follows
            if t.plain_words(s, a - 1) >= 3:
                yield Found(QuoteKind.INDIRECT, s, a - 1, cue, speaker)
            continue
        c = _clause_after(t, b - 1 if b > v else v, e)
        while c is not None and t.words[c - 1] == "," and _apposition(t, c, ce):  # "sagte X, Chef der Y, …"
            c = _clause_after(t, c, e)
        if c is not None and t.quote_at[c] < 0 and _reported_clause(t, c, ce, verb.kind):
            yield Found(QuoteKind.INDIRECT, c, ce, cue, speaker)
        elif (verb.kind in (CueKind.REPORTED, CueKind.JUDGE, CueKind.INTENT) and (subject is not None or verb.kind == CueKind.INTENT)
              and not t.subordinate(a) and not reported):
            reported = True
            quoted = any(t.quote_at[k] >= 0 for k in range(s, ce))
            if quoted and any(t.words[k] == ":" and t.words[k + 1] in MARKS for k in range(cue.end, ce - 1)):
                continue  # "bestreitet jede Kenntnis: „…“": the direct quote is the claim
            if not quoted or verb.kind in (CueKind.REPORTED, CueKind.INTENT):
                # "sprach von einem Erfolg": the claim is the object of "von", not the whole sentence;
                # "bezeichnete X als Y" claims the whole sentence
                start = next((k for k in range(cue.end, b)
                              if t.lower[k] in TOPIC_PREPOSITIONS and t.lower[k] in verb.requires), s)
                if start == s or not any(t.quote_at[k] >= 0 for k in range(start, min(start + 4, ce))):
                    yield Found(QuoteKind.REPORTED, start, ce, cue, speaker)  # else the quoted words are the claim


def _clause_after(t: Text, i: int, e: int) -> int | None:
    """First token of the clause after the comma or colon that follows token i in its sentence."""
    for k in range(i + 1, e):
        if t.quote_at[k] >= 0:
            return None
        if t.words[k] in (",", ":"):
            return k + 1
        if t.words[k] in SENT_END:
            return None
    return None


def _reported_clause(t: Text, c: int, e: int, kind: str) -> bool:
    """Whether the clause from c is reported content: dass/ob/wonach, Konjunktiv, or zu-infinitive."""
    if c >= e:
        return False
    w = t.lower[c]
    if t.lex.info.get((w, "subordinator")) == "clause":
        return True
    if t.lex.has(w, "subordinator") or t.lex.has(w, "relative"):
        return False
    seg_end = next((k for k in range(c, e) if t.words[k] in (",", ";") and t.quote_at[k] < 0), e)
    if kind == CueKind.INTENT:  # an aim is a zu-infinitive ("plant, die Befugnisse zu erweitern") or a dass-clause
        return t.words[c - 1] == "," and _zu_infinitive(t, c, seg_end)
    if any(konjunktiv(t, k) for k in range(c, seg_end) if t.quote_at[k] < 0):
        return True
    if kind in (CueKind.REPORTED, CueKind.SPEECH) and _zu_infinitive(t, c, seg_end):
        return True
    if t.lex.has(w, "det") and c + 1 < seg_end and t.words[c + 1][:1].islower() and not is_adjective(t, c + 1):
        return False  # a relative clause: "…, die sich auf … stützen"
    if kind in (CueKind.SPEECH, CueKind.REPORTED) and t.words[c - 1] == "," and (  # "sagte Rice, die USA hielten …": a main clause
            t.lex.has(w, "det") or t.lex.has(w, "pronoun") or t.lex.has(w, "pronoun_generic") or t.is_capital(c)
            or is_adjective(t, c) and c + 1 < seg_end and t.is_capital(c + 1)):  # "…, niedrigere Zinsen …"
        return not only_noun_phrases(t, c, seg_end)  # not an apposition: "sagte X, Kommandant der Y, …"
    return t.words[c - 1] == ":" and kind != CueKind.JUDGE


def _zu_infinitive(t: Text, a: int, b: int) -> bool:
    """"zu erweitern", or "zu" inside an infinitive in -en ("anzukündigen"; morphology)."""
    return any(w in INFINITIVE_PARTICLES or (len(w) > 6 and any(p in w[2:-2] for p in INFINITIVE_PARTICLES)
                                             and w.endswith("en"))
               for w in t.lower[a:b])


def _wie_start(t: Text, s: int, a: int) -> int:
    """The "wie" that opens a cue clause split by an apposition ("Wie der Sprecher, X, mitteilte"), else a."""
    k = a
    for _ in range(4):
        if k - 2 < s or t.words[k - 1] != ",":
            break
        pa = t.clause(k - 2)[0]
        if t.lex.info.get((t.lower[pa], "subordinator")) == "wie":
            return pa
        if not only_noun_phrases(t, pa, k - 1):
            break
        k = pa
    return a


def _apposition(t: Text, c: int, ce: int) -> bool:
    """Whether the clause from c up to the next comma is a noun phrase set off by commas."""
    end = next((k for k in range(c, ce) if t.words[k] == ","), None)
    return (end is not None and end > c and t.quote_at[c] < 0 and not t.lex.has(t.lower[c], "subordinator")
            and only_noun_phrases(t, c, end))


def _before_next_cue(t: Text, after: int, v: int, end: int) -> int:
    """Where a claim ends when another speech verb follows: "bestätigte, dass …, und gab an, …"."""
    a, _ = t.clause(v)
    if a - 1 > after and t.words[a - 1] == "," and t.quote_at[a - 1] < 0 and not t.subordinate(a):
        return a - 1  # a verb inside the claim ("meldet, dass die Firmen Aufträge erwarten") does not end it
    return end


def _impersonal(t: Text, cue: Cue, s: int, ce: int) -> Iterator[Found]:
    """"…, hieß es in der Erklärung." / "In der Erklärung heißt es, …"."""
    a, b = t.clause(cue.start)
    speaker = impersonal_source(t, cue)
    if a > s and t.words[a - 1] == ",":
        if t.plain_words(s, a - 1) >= 3:
            yield Found(QuoteKind.INDIRECT, s, a - 1, cue, speaker)
        return
    c = _clause_after(t, b - 1, ce + 1)
    if c is not None and t.quote_at[c] < 0:
        yield Found(QuoteKind.INDIRECT, c, ce, cue, speaker)
