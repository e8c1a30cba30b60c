"""Direct quotes: each quotation that reads as speech, with the cue and speaker next to it
("„…“, sagte X", "„…“, so X", "X sagte: „…“", "nannte … „…“")."""
from __future__ import annotations

from typing import Iterator, NamedTuple

from ..german import ARTICLES, GENITIVE_PREPOSITIONS, INDEFINITE_ARTICLES, SOURCE_COMMA_ADVERBS
from .cues import verb_cues
from .marks import Quotation
from .phrases import NounPhrase, PhraseKind, noun_phrase, phrases
from .records import Cue, CueKind, Found, QuoteKind, Speaker, SpeakerMethod
from .speakers import SUBJECT_KINDS, impersonal_source, resolve
from .subjects import is_subject, sentence_subject, subject_near
from .text import SENT_END, Text


class DirectQuote(NamedTuple):
    """A quotation and its attribution; `found` is None for a statement whose speaker is carried over."""
    quotation: Quotation
    found: Found | None


class _Attribution(NamedTuple):
    cue: Cue
    speaker: Speaker


def direct_quotes(text: Text) -> Iterator[DirectQuote]:
    """Each quotation with its attribution: a cue next to it, else None when it reads like a full
    statement (the caller carries a speaker over); titles and scare quotes are left out."""
    for quotation in text.quotations:
        words = [i for i in range(quotation.open + 1, quotation.end) if text.is_word(i)]
        if not words:
            continue
        found = _attributed(text, quotation, len(words))
        if found is not None and (found.cue is None or found.cue.kind != CueKind.JUDGE) \
                and _names_the_noun_before(text, quotation):
            continue
        if found is not None:
            yield DirectQuote(quotation, found)
        elif _statement(text, quotation, words):
            yield DirectQuote(quotation, None)


def _names_the_noun_before(text: Text, quotation: Quotation) -> bool:
    """Whether the quotation stands right after a noun, with no punctuation between, as the name it gives that noun
    ("im Fachblatt „…“", "unter dem Motto „…“", "Kubricks Film „…“"); not after a name, nor after a noun of
    speech ("mit den Worten „…“"), nor a predicate ("dass sein Plan „nicht ohne Risiken“ sei"), nor as the
    judgement of a judging verb (the caller's test)."""
    before = quotation.open - 1
    while before >= 0 and text.is_space[before]:
        before -= 1
    first = quotation.open + 1  # a name opens with a capital or a number ("„Falcon 1“"), a predicate need not
    return (before > 0 and text.words[before].isalpha() and text.is_capital(before) and not text.opens_sentence(before)
            and text.ent_at[before] < 0 and not text.lex.noun_class(text.lower[before], "source")
            and first < len(text.words) and (text.words[first][:1].isupper() or text.words[first][:1].isdigit()))


def _statement(text: Text, quotation: Quotation, words: list[int]) -> bool:
    """A quotation that is a full sentence on its own: opens a sentence (or follows a colon), starts
    with a capital and ends in sentence punctuation."""
    before = quotation.open - 1
    while before >= 0 and text.is_space[before]:
        before -= 1
    starts = (before < 0 or text.words[before] in (":",) or text.words[before] in SENT_END
              or "\n" in text.words[before])
    starts = starts or text.sents[text.sent_of[quotation.open]][0] == quotation.open
    end = quotation.end
    last = _last_word(text, quotation)
    ends = text.words[last] in SENT_END or (end < len(text.words) and text.words[end] in SENT_END
                                            and text.words[end] != "…")
    title = all(text.words[i][:1].isupper() for i in words)
    return starts and ends and len(words) >= 4 and not title


def _attributed(text: Text, quotation: Quotation, n_words: int) -> Found | None:
    """The cue and speaker of a quotation: a cue right after it ("„…“, sagte X"), ", so X", a cue
    before it in its sentence ("X sagte: „…“"), or a judgement verb ("nannte … „…“")."""
    start, end = quotation.open + 1, quotation.end
    after = end + 1 if quotation.close is not None else end
    open_sentence = text.sents[text.sent_of[quotation.open]]
    close_sentence = text.sents[text.sent_of[min(after, len(text.words) - 1)]] if after < len(text.words) \
        else open_sentence
    title = all(text.words[i][:1].isupper() for i in range(start, end) if text.is_word(i))
    colon = quotation.open > 0 and text.words[quotation.open - 1] == ":"
    # "Der Trainer sagte: „Wir kämpfen.“": after a colon, a sentence of its own is speech at any length
    utterance = colon and _ends_a_sentence(text, quotation)
    if not utterance and (n_words < 2 or (title and n_words < 5)):
        return _judgement(text, quotation, open_sentence)
    if after < len(text.words) and (text.words[after] in (",", ":") or text.lower[after] in SOURCE_COMMA_ADVERBS):
        at = after + 1 if text.words[after] in (",", ":") else after
        attribution = _cue_at(text, at, close_sentence[1]) or (
            _verb_and_speaker(text, at, close_sentence[1]) if text.words[after] == "," else None)
        if attribution is not None:
            return Found(QuoteKind.DIRECT, start, end, attribution.cue, attribution.speaker)
    split = _between_parts(text, quotation, open_sentence[0])
    if split is not None:
        return Found(QuoteKind.DIRECT, start, end, split.cue, split.speaker)
    if n_words < 4 and not utterance:
        return _judgement(text, quotation, open_sentence)
    before = [verb_cue for verb_cue in verb_cues(text, open_sentence[0], quotation.open)
              if verb_cue.verb.kind not in (CueKind.IMPERSONAL, CueKind.INTENT) or colon]
    if before:
        cue, verb = before[-1]
        if colon or verb.kind in (CueKind.SPEECH, CueKind.REPORTED, CueKind.JUDGE):
            # "Auf der Homepage heißt es: „…“": an impersonal cue names where, not who
            speaker = impersonal_source(text, cue) if verb.kind == CueKind.IMPERSONAL else _subject_speaker(text, cue)
            return Found(QuoteKind.DIRECT, start, end, cue, speaker)
    if colon:  # "Er wies die Kritik zurück: „Unsinn.“", "Dabei griff sie X an: „…“": the subject said it
        found = [phrase for phrase in phrases(text, open_sentence[0], quotation.open - 1) if is_subject(text, phrase)]
        # a name, role or pronoun; else a plain noun that opens the sentence ("Die Bewohner sehen es gelassen: „…“")
        subject = next((phrase for phrase in found if phrase.kind in SUBJECT_KINDS), None) or next(
            (_owner(text, phrase, quotation.open - 1) or phrase
             for phrase in found[:1] if phrase.start == open_sentence[0] and phrase.kind == PhraseKind.NOUN), None)
        if subject is not None:
            colon_at = quotation.open - 1
            return Found(QuoteKind.DIRECT, start, end, Cue(":", CueKind.COLON, colon_at, colon_at + 1, ":"),
                         resolve(text, subject))
    if after < len(text.words):
        # after a quotation that closes its sentence only a cue that opens the next one speaks for it: one further on
        # has a claim of its own ("„…“ Der Rat müsse jetzt entscheiden")
        limit = after + 1 if after == close_sentence[0] else close_sentence[1]
        for cue, verb in verb_cues(text, after, limit):
            if text.quote_at[cue.start] < 0 and verb.kind not in (CueKind.JUDGE, CueKind.INTENT):
                return Found(QuoteKind.DIRECT, start, end, cue, _subject_speaker(text, cue))
    # "Seine Werke werden als „Meilensteine in der Geschichte der Musik“ bezeichnet": a judgement at any length
    return _judgement(text, quotation, open_sentence)


def _between_parts(text: Text, quotation: Quotation, sent_start: int) -> _Attribution | None:
    """The attribution set off by commas between the parts of a split quotation, for the second part: "„Wir
    erwarten“, so die Ministerin, „dass …“" (a verb cue there, "sagte X, „…“", stands before it in the sentence)."""
    comma = quotation.open - 1
    if comma <= sent_start or text.words[comma] != ",":
        return None
    previous = next((text.quote_at[i] for i in range(comma - 1, sent_start - 1, -1) if text.quote_at[i] >= 0), -1)
    close = text.quotations[previous].close if previous >= 0 else None
    if close is None or close + 2 >= comma or text.words[close + 1] != ",":
        return None
    return _cue_at(text, close + 2, comma)


def _owner(text: Text, phrase: NounPhrase, end: int) -> NounPhrase | None:
    """The person or body a "von" names after a noun, in place of its genitive: "Das Fazit von X fällt klar
    aus: „…“", "Zitat von X: „…“"; else None."""
    if phrase.end + 1 >= end or text.lower[phrase.end] not in GENITIVE_PREPOSITIONS:
        return None
    owner = noun_phrase(text, phrase.end + 1, end)
    if owner is None or owner.kind not in (PhraseKind.ENTITY, PhraseKind.ROLE, PhraseKind.PERSON) \
            or owner.kind == PhraseKind.ENTITY and text.ents[owner.entity].label_ not in ("PER", "ORG"):
        return None
    return owner


def _ends_a_sentence(text: Text, quotation: Quotation) -> bool:
    """Whether the quotation closes on sentence punctuation inside its marks ("„Unsinn.“"): a title,
    a name or a scare quote does not."""
    last = _last_word(text, quotation)
    return last > quotation.open and text.words[last] in SENT_END and text.words[last] != "…"


def _last_word(text: Text, quotation: Quotation) -> int:
    """The last token inside the quotation that is no space (its opening mark if there is none)."""
    last = quotation.end - 1
    while last > quotation.open and text.is_space[last]:
        last -= 1
    return last


def _verb_and_speaker(text: Text, at: int, sent_end: int) -> _Attribution | None:
    """"„Das ist ein Skandal“, empörte sich Olaf Scholz.": a quotation, a comma, one finite verb
    (known to the lexicon or not), a reflexive pronoun perhaps, and a person or organisation that
    ends the sentence is a quote of that speaker: the shape says it, whatever the verb."""
    if at >= sent_end or not text.words[at].isalpha() or not text.words[at].islower() or text.lex.words.get(text.lower[at]):
        return None
    verb = at
    at += 1
    if at < sent_end and text.lex.has(text.lower[at], "reflexive"):
        at += 1
    phrase = noun_phrase(text, at, sent_end)
    if phrase is None or phrase.kind not in (PhraseKind.ENTITY, PhraseKind.ROLE, PhraseKind.PERSON):
        return None
    if phrase.kind == PhraseKind.ENTITY and text.ents[phrase.entity].label_ not in ("PER", "ORG"):
        return None
    closes = phrase.end >= sent_end or text.words[phrase.end] in SENT_END or text.words[phrase.end] in (",", "(")
    if not closes:
        return None
    cue = Cue(text.lower[verb], CueKind.SPEECH, verb, verb + 1, text.words[verb])
    return _Attribution(cue, resolve(text, phrase, verb=verb))


def _cue_at(text: Text, at: int, sent_end: int) -> _Attribution | None:
    """A cue opening the clause at token `at` and its speaker: "sagte X", "so X", "hieß es", "teilte X mit"."""
    if at >= len(text.words):
        return None
    if text.lower[at] in SOURCE_COMMA_ADVERBS:  # "„…“, so X"
        phrase = noun_phrase(text, at + 1, sent_end)
        if phrase is None:
            return None
        return _Attribution(Cue(text.lower[at], CueKind.SOURCE, at, at + 1, text.words[at]),
                            resolve(text, phrase, SpeakerMethod.SO))
    for cue, verb in verb_cues(text, at, min(at + 1, sent_end)):
        if verb.kind == CueKind.INTENT:
            continue
        if verb.kind == CueKind.IMPERSONAL:
            return _Attribution(cue, impersonal_source(text, cue))
        return _Attribution(cue, _subject_speaker(text, cue))
    return None


def _judgement(text: Text, quotation: Quotation, sentence: tuple[int, int]) -> Found | None:
    """Short quoted judgements after "nannte", "bezeichnete … als", "sprach von"; with the verb's "als"
    right before the quotation the verb may stand anywhere in the sentence ("bezeichnete acht Karten in
    einem Spiel, in dem …, als „übertrieben“", "Als „Fehler“ bezeichnete X …", "wies … als „haltlos“ zurück")."""
    for cue, verb in verb_cues(text, max(sentence[0], quotation.open - 8), quotation.open):
        if verb.kind in (CueKind.JUDGE, CueKind.REPORTED) and (
                not verb.requires or verb.frame_in(set(text.lower[cue.end:quotation.open]))):
            subject = subject_near(text, cue.start, cue.end)
            # a title: "in der Tageszeitung „Neues Deutschland“", "berichtete die „Automobilwoche“"
            if _named_by_noun(text, quotation) or subject is not None and subject.start <= quotation.open < subject.end:
                return None
            return Found(QuoteKind.DIRECT, quotation.open + 1, quotation.end, cue,
                         resolve(text, subject, verb=cue.start))
    governing = set(text.lower[max(sentence[0], quotation.open - 2):quotation.open])  # "als „…“", "als ein „…“"
    for i in text.within(text.verb_at, *sentence):
        verb = next((verb for verb in text.lex.verbs[text.lower[i]] if verb.kind == CueKind.JUDGE
                     and verb.frame_in(governing) and text.quote_at[i] < 0 and text.words[i][:1].islower()
                     and (not verb.particle or verb.joined or verb.particle in text.lower[i + 1:sentence[1]])
                     # a verb after the quotation with an "als" of its own: "kam als „Gast“ und bezeichnete X als Y"
                     and not (i > quotation.open and verb.frame_in(set(text.lower[i + 1:sentence[1]])))), None)
        if verb is not None:
            cue = Cue(verb.lemma, verb.kind, i, i + 1, text.words[i])
            # a verb after the quotation ends the clause that holds the "als" ("…, der X als „…“ bezeichnet",
            # "wurde von X als „…“ bezeichnet"), else it has the subject that opens the sentence
            split_clause = text.clause(quotation.open - 1)[0] if i > quotation.open > sentence[0] else None
            subject = subject_near(text, cue.start, cue.end, split_clause) or sentence_subject(text, cue.start)
            return Found(QuoteKind.DIRECT, quotation.open + 1, quotation.end, cue, resolve(text, subject, verb=i))
    return None


def _named_by_noun(text: Text, quotation: Quotation) -> bool:
    """A quoted name right after the noun it names ("die Tageszeitung „Neues Deutschland“") or after a definite
    article that makes it a noun phrase of its own ("berichtete die „Automobilwoche“"; not "als den „…“")."""
    before = quotation.open - 1
    if text.name_quote[quotation.open] < 0 or before < 1:
        return False
    definite = text.lower[before] in ARTICLES and text.lower[before] not in INDEFINITE_ARTICLES
    return text.is_capital(before) or definite and not text.lex.has(text.lower[before - 1], "preposition") \
        and not text.lex.has(text.lower[before - 1], "subordinator")


def _subject_speaker(text: Text, cue: Cue) -> Speaker:
    return resolve(text, subject_near(text, cue.start, cue.end), verb=cue.start)
