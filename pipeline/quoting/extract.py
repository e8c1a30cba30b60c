"""All quotes of a Doc in order: direct, indirect and reported, with speakers carried over to
quotes without a cue and to Konjunktiv sentences that go on reporting the last speaker."""
from __future__ import annotations

from typing import Iterable, Iterator, NamedTuple

from spacy.tokens import Doc

from ..german import (ANAPHORIC_DEMONSTRATIVES, CAUSAL_CONJUNCTIONS, COUNTERFACTUAL_ADVERBS, ORIGIN_PREPOSITIONS,
                      SOURCE_COMMA_ADVERBS)
from .cues import konjunktiv, konjunktiv_clause, main_clause_konjunktiv, verb_cues
from .direct import direct_quotes
from .indirect import verb_quotes
from .lexicon import QuoteLexicon
from .nouns import noun_quotes
from .phrases import NounPhrase, only_noun_phrases, phrases
from .records import NO_SPEAKER, Cue, CueKind, Found, QuoteKind, Speaker, SpeakerMethod
from .sources import source_quotes
from .speakers import SUBJECT_KINDS, previous_subject, resolve
from .subjects import is_subject, subject_near
from .text import Text


class _LastSpeaker(NamedTuple):
    """The speaker of the last attributed quote and the sentence it stands in."""
    sentence: int
    speaker: Speaker


def extract_quotes(doc: Doc, lex: QuoteLexicon, *, carry_over: bool = True, max_carry_sentences: int = 3,
                   text: Text | None = None) -> list[Found]:
    """The quotes of a Doc with sentences and entities set (`ent._.entity_id`); token ranges as found,
    quotation marks and spaces at the edges included. `text`: the Doc's `Text`, if already built."""
    text = text or Text(doc, lex)
    direct = {quotation.open: found for quotation, found in direct_quotes(text)}
    quoted = {text.sent_of[open_at] for open_at in direct}
    by_sentence: dict[int, list[Found]] = {}
    for sentence, (start, end) in enumerate(text.sents):
        if text.heading[sentence] or not any(text.plain_word[start:end]):
            continue
        found = list(verb_quotes(text, start, end)) + list(source_quotes(text, start, end)) \
            + list(noun_quotes(text, start, end))
        back = _said_before(text, sentence, by_sentence, quoted)
        if not found:
            found = [claim for claim in [_after_colon(text, sentence) or _stated_reason(text, sentence)]
                     if claim is not None]
        if back is not None:
            found = [quote for quote in found if quote.cue != back.cue]
            statement = _quoted_statement(text, sentence - 1, direct)
            if statement is not None:  # "„…“ Das sagte X.": the quotation is X's direct quote
                direct[statement] = Found(QuoteKind.DIRECT, statement + 1, _quotation_end(text, statement), back.cue,
                                          back.speaker)
            else:
                # a stated plan ("will … streichen") gives way to who announced it ("Das kündigte X an")
                by_sentence[sentence - 1] = [quote for quote in by_sentence.get(sentence - 1, [])
                                             if quote.cue is not None and quote.cue.kind != CueKind.INTENT] or [back]
        if found:
            by_sentence[sentence] = found
    for quotation in text.quotations:
        if quotation.open in direct:
            by_sentence.setdefault(text.sent_of[quotation.open], []).append(
                direct[quotation.open] or Found(QuoteKind.DIRECT, quotation.open + 1, quotation.end, None, NO_SPEAKER))
    # a speech verb without a claim of its own still names who goes on speaking ("Künast äußerte sich
    # kritisch. Sie rate zum Kauf …")
    used = {quote.cue.start for quotes in by_sentence.values() for quote in quotes if quote.cue is not None}
    announced = {sentence: speaker for sentence, (start, end) in enumerate(text.sents)
                 if sentence not in by_sentence and not text.heading[sentence]
                 for speaker in [_announced_speaker(text, start, end, used)] if speaker.start is not None}
    carried = _carry(text, by_sentence, announced, carry_over=carry_over, max_carry_sentences=max_carry_sentences)
    return _top_level(_nearest_mention(text, quote) for quote in carried)


def _quoted_statement(text: Text, sentence: int, direct: dict[int, Found | None]) -> int | None:
    """The opening mark of a quotation with no attribution that makes up the whole sentence, if there is one."""
    opening, end = text.sents[sentence]  # a sentence starts at its first word (Text.sents)
    if text.is_space[opening] or text.quote_at[opening] < 0 or text.quotations[text.quote_at[opening]].open != opening \
            or direct.get(opening) is not None:
        return None
    return opening if _quotation_end(text, opening) + 1 >= text.content_end(opening, end) else None


def _quotation_end(text: Text, opening: int) -> int:
    return text.quotations[text.quote_at[opening]].end


def _announced_speaker(text: Text, start: int, end: int, used: set[int]) -> Speaker:
    """The subject of the first speech verb of a sentence that holds no quote, if it has one and is
    not the cue of a quote elsewhere ("„…“, sagte X." after the quotation's own sentence)."""
    for cue, verb in verb_cues(text, start, end):
        if verb.kind == CueKind.SPEECH and cue.start not in used:
            speaker = resolve(text, subject_near(text, cue.start, cue.end), verb=cue.start)
            if speaker.start is not None:
                return speaker._replace(method=SpeakerMethod.CARRY_OVER)
    return NO_SPEAKER


def _carry(text: Text, by_sentence: dict[int, list[Found]], announced: dict[int, Speaker], *, carry_over: bool,
           max_carry_sentences: int) -> Iterator[Found]:
    """The quotes sentence by sentence, each cue-less one given the last speaker within `max_carry_sentences`
    (else the subject of the sentence before), and runs of cue-less Konjunktiv sentences merged into one."""
    last: _LastSpeaker | None = None
    pending: Found | None = None
    for sentence, (start, end) in enumerate(text.sents):
        if text.heading[sentence]:
            last = None
        in_reach = carry_over and last is not None and sentence - last.sentence <= max_carry_sentences
        # a speech verb names the speaker better than a source phrase on the same claim, unless the verb's
        # claim is its whole sentence with the source phrase in it: "Der Verband hält den Plan laut Berger für machbar"
        found = by_sentence.get(sentence, [])
        reported = {(quote.start, quote.end) for quote in found
                    if quote.label == QuoteKind.REPORTED and quote.speaker.method != SpeakerMethod.LAUT}
        # and of two cues on the same claim the one after it, with someone named as its subject, names who said it
        # all: "Die Bahn rechnet mit Verspätungen, teilte ein Sprecher mit" (not "…, befürchtet aber weitere Tote")
        found = sorted(found, key=lambda quote: (quote.start, -quote.end, (quote.speaker.method == SpeakerMethod.LAUT)
                                                 != ((quote.start, quote.end) in reported), not _attributed_after(quote)))
        out = []
        for quote in found:
            if quote.speaker.method == SpeakerMethod.CARRY_OVER and quote.speaker.start is None:
                # "Offiziell sagt die Regierung, … Aber man betont auch, …": "man" is the speaker of the sentence
                # just before, else no one ("Nach der Betäubung will man den Bären abtransportieren")
                quote = quote._replace(speaker=last.speaker._replace(method=SpeakerMethod.CARRY_OVER)
                                       if last is not None and last.sentence >= sentence - 1 else NO_SPEAKER)
            if quote.speaker.method == SpeakerMethod.DEMNACH or (quote.cue is None and quote.speaker.method is None):
                carried = _carried_speaker(text, sentence, last, by_sentence) if in_reach \
                    else previous_subject(text, sentence)
                if quote.speaker.method == SpeakerMethod.DEMNACH:
                    carried = quote.speaker._replace(entity_id=carried.entity_id)
                elif carried.method is not None:
                    carried = carried._replace(method=SpeakerMethod.CARRY_OVER)
                quote = quote._replace(speaker=carried)
            out.append(quote)
            if quote.speaker.method == SpeakerMethod.SPEECH_ACT:
                pass  # "Hinweise, dass …" names no one who goes on speaking
            elif quote.speaker.start is not None and quote.cue is not None:
                last = _LastSpeaker(sentence, quote.speaker)
            elif quote.speaker.start is not None:
                last = _LastSpeaker(sentence, last.speaker if last else quote.speaker)
        clause = None if found or text.heading[sentence] else \
            konjunktiv_clause(text, start, end, strong_only=not in_reach)
        if clause is not None:
            continues = pending is not None and pending.end >= start - 1  # a run of Konjunktiv sentences goes on
            claim_start = start if continues else _claim_start(text, start, clause[0])
            # "Osterloh sieht darin einen Angriff, es stehe im Gegensatz …": who the writer's clause names
            subject = next((phrase for phrase in phrases(text, start, claim_start)
                            if phrase.kind in SUBJECT_KINDS and is_subject(text, phrase)), None)
            speaker = resolve(text, subject) if subject is not None else \
                _carried_speaker(text, sentence, last if in_reach else None, by_sentence)
            content_end = text.content_end(start, end)
            if continues and pending.speaker == speaker:
                pending = pending._replace(end=content_end)
            else:
                if pending is not None:
                    yield pending
                pending = Found(QuoteKind.INDIRECT, claim_start, content_end, None, speaker)
            if in_reach and subject is None:
                last = _LastSpeaker(sentence, last.speaker)
            elif speaker.start is not None:
                last = _LastSpeaker(sentence, speaker)
            continue
        if pending is not None:
            yield pending
            pending = None
        if sentence in announced:
            last = _LastSpeaker(sentence, announced[sentence])
        yield from _dedupe(out)
    if pending is not None:
        yield pending


def _attributed_after(quote: Found) -> bool:
    """Whether the cue stands after the claim and its subject names a person, a role or an organisation."""
    return quote.cue is not None and quote.cue.start >= quote.end and (
        quote.speaker.entity_id is not None or quote.speaker.method in (SpeakerMethod.DESCRIPTION, SpeakerMethod.PRONOUN))


def _claim_start(text: Text, sent_start: int, clause_start: int) -> int:
    """Where a cue-less Konjunktiv claim starts: at the Konjunktiv clause when a main clause of the writer's
    own stands before it ("… legte den Schwerpunkt auf die Aussage, es sei …"), else at the sentence start
    ("Die Toten, von denen einige …, seien …": noun phrases only; "Nachdem er …, habe er …")."""
    if clause_start > sent_start + 1 and text.words[clause_start - 1] == "," \
            and not text.lex.has(text.lower[sent_start], "subordinator") \
            and not only_noun_phrases(text, sent_start, clause_start - 1):
        return clause_start
    return sent_start


def _nearest_mention(text: Text, quote: Found) -> Found:
    """A speaker carried over is shown where the article last named them before the quote: "Larson
    gab sich optimistisch. Man sei …" points at that "Larson", not at the first one further back."""
    speaker = quote.speaker
    if speaker.method != SpeakerMethod.CARRY_OVER or speaker.entity_id is None or speaker.start is None:
        return quote
    for index in range(len(text.ents) - 1, -1, -1):
        mention = text.ents[index]
        if mention.start >= quote.start or text.quote_at[mention.start] >= 0:
            continue
        if mention.start <= speaker.start:
            break
        if text.entity_id(index) == speaker.entity_id:
            return quote._replace(speaker=speaker._replace(start=mention.start, end=mention.end))
    return quote


def _carried_speaker(text: Text, sentence: int, last: _LastSpeaker | None,
                     by_sentence: dict[int, list[Found]]) -> Speaker:
    """Who a cue-less quote or Konjunktiv sentence reports: the last speaker, if in reach (`last`),
    else the subject of the sentence before."""
    if last is None:
        return previous_subject(text, sentence)
    if last.sentence < sentence - 1 and sentence - 1 not in by_sentence:
        # "Merz verteidigte den Entwurf. Er sei fair": who acted in the sentence just before
        # speaks, rather than the last speaker further back
        subject = previous_subject(text, sentence)
        if subject.entity_id is not None or subject.method == SpeakerMethod.DESCRIPTION:
            return subject
    return last.speaker._replace(method=SpeakerMethod.CARRY_OVER)


def _after_colon(text: Text, sentence: int) -> Found | None:
    """"Cavallo reagierte empört: Der Vorstand habe …": a Konjunktiv main clause after a colon is
    the claim of the subject that opens the sentence."""
    start, end = text.sents[sentence]
    content_end = text.content_end(start, end)
    colon = next((i for i in range(start + 2, content_end - 2) if text.words[i] == ":" and text.quote_at[i] < 0), None)
    if colon is None or text.quote_at[colon + 1] >= 0 \
            or not main_clause_konjunktiv(text, colon + 1, content_end, strong_only=True):
        return None
    subject = next(phrases(text, start, colon), None)
    if subject is None or subject.start != start or subject.kind not in SUBJECT_KINDS:
        return None
    return Found(QuoteKind.INDIRECT, colon + 1, content_end, Cue(":", CueKind.COLON, colon, colon + 1, ":"),
                 resolve(text, subject))


def _stated_reason(text: Text, sentence: int) -> Found | None:
    """"Die Anwohner rechnen nicht mit einer raschen Lösung, weil die Stadt keinen Antrag eingereicht habe": a
    reason in Konjunktiv after a main clause in the indicative is the reason its subject gives."""
    start, end = text.sents[sentence]
    content_end = text.content_end(start, end)
    forms = text.within(text.konjunktiv_at, start, content_end)
    if not forms:  # most sentences
        return None
    comma = next((i for i in range(start + 2, forms[-1] - 1) if text.words[i] == "," and text.quote_at[i] < 0
                  and text.lower[i + 1] in CAUSAL_CONJUNCTIONS), None)
    # (not a hypothetical consequence: "…, weil sonst keine Einigung zu erreichen sei")
    if comma is None or text.lower[comma + 2] in COUNTERFACTUAL_ADVERBS \
            or main_clause_konjunktiv(text, start, content_end, strong_only=False) \
            or not any(konjunktiv(text, i) for i in forms if i > comma + 1 and text.quote_at[i] < 0):
        return None
    subject = next((phrase for phrase in phrases(text, start, comma)
                    if phrase.kind in SUBJECT_KINDS and is_subject(text, phrase)), None)
    if subject is None:
        return None
    return Found(QuoteKind.INDIRECT, comma + 1, content_end, None, resolve(text, subject))


def _said_before(text: Text, sentence: int, by_sentence: dict[int, list[Found]], quoted: set[int]) -> Found | None:
    """"Das teilte eine Sprecherin der Polizei mit.": the sentence before, in the same paragraph,
    is the claim, and the subject after the speech verb its speaker; with the sentences before it in the
    paragraph that hold no quote of their own (none found so far, no direct one: the report the pronoun sums up)."""
    start, end = text.sents[sentence]
    if sentence == 0 or text.heading[sentence - 1] or text.lower[start] not in ANAPHORIC_DEMONSTRATIVES \
            or text.paragraph[sentence - 1] != text.paragraph[sentence]:
        return None
    cue = next((cue for cue, verb in verb_cues(text, start, end)
                if cue.start == start + 1
                and verb.kind in (CueKind.SPEECH, CueKind.REPORTED, CueKind.IMPERSONAL)), None)
    if cue is None:
        return None
    speaker = resolve(text, _subject_after(text, cue.end, text.clause(cue.start)[1]))
    if speaker.start is None:
        return None
    claim_start, claim_end = text.sents[sentence - 1]
    label = QuoteKind.INDIRECT if main_clause_konjunktiv(text, claim_start, claim_end, strong_only=False) \
        else QuoteKind.REPORTED
    first = sentence - 1
    while first > 0 and first - 1 not in by_sentence and first - 1 not in quoted and not text.heading[first - 1] \
            and text.paragraph[first - 1] == text.paragraph[sentence]:
        first -= 1
    return Found(label, text.sents[first][0], text.content_end(claim_start, claim_end), cue, speaker)


def _subject_after(text: Text, start: int, end: int) -> NounPhrase | None:
    """The subject after the verb of "Das erklärte gestern ein Sprecher …" (adverbs and the phrases of
    time or place before it skipped), else the source of "Dies geht aus einem Bericht hervor"."""
    found = list(phrases(text, start, end))
    return next((phrase for phrase in found if is_subject(text, phrase)), None) or next(
        (phrase for phrase in found if text.lower[phrase.start - 1] in ORIGIN_PREPOSITIONS), None)


def _top_level(found: Iterable[Found]) -> list[Found]:
    """Drop quotes that lie inside another one ("Ziel sei es, „…“": the indirect quote holds the direct one)."""
    found = list(found)
    ranges = sorted({(quote.start, quote.end) for quote in found}, key=lambda span: (span[0], -span[1]))
    inner, outer, reach = set(), {}, (-1, -1)
    for start, end in ranges:
        if end <= reach[1]:
            inner.add((start, end))
            outer[start, end] = reach
        else:
            reach = (start, end)
    # a reported sentence gives way to the cued quote inside it ("forderte …, in der es heißt, …"), and so does the
    # sentence around a source phrase to a speech verb's claim that holds the phrase ("Ein Sprecher sagte, nach
    # neuesten Erkenntnissen habe …": the phrase is part of what the speaker said)
    reported = {(quote.start, quote.end) for quote in found if quote.label == QuoteKind.REPORTED}
    indirect = {(quote.start, quote.end) for quote in found if quote.label == QuoteKind.INDIRECT}
    # (not "…, so X." after its claim, which ends the sentence, not the verb's claim)
    source_at = {(quote.start, quote.end): quote.cue.start for quote in found
                 if quote.cue is not None and quote.cue.kind == CueKind.SOURCE
                 and not (quote.cue.lemma in SOURCE_COMMA_ADVERBS and quote.end <= quote.cue.start)}
    said = {(quote.start, quote.end) for quote in found if quote.label == QuoteKind.INDIRECT and quote.cue is not None
            and quote.cue.kind in (CueKind.SPEECH, CueKind.REPORTED, CueKind.IMPERSONAL)}
    dropped = {outer[span] for span in inner & indirect if outer[span] in reported} \
        | {span for span, at in source_at.items() if span not in said and any(start <= at < end for start, end in said)}
    return [quote for quote in found if (quote.start, quote.end) not in dropped
            and ((quote.start, quote.end) not in inner or outer[quote.start, quote.end] in dropped)]


def _dedupe(found: Iterable[Found]) -> Iterator[Found]:
    """Drop a quote that covers the same tokens as one already kept."""
    seen: set[tuple[int, int]] = set()
    for quote in found:
        if (quote.start, quote.end) not in seen:
            seen.add((quote.start, quote.end))
            yield quote
