"""Claims attributed by a source phrase instead of a verb: "laut X", "X zufolge",
"nach Angaben X", "seiner Ansicht nach", "gemäß X", "…, so X." and "demnach"."""
from __future__ import annotations

import re
from typing import Iterator

from ..german import (ARTICLES, GENITIVE_PREPOSITIONS, INDEFINITE_ARTICLES, SOURCE_ADVERBS, SOURCE_COMMA_ADVERBS,
                      SOURCE_COMPLEMENT_PREPOSITIONS, SOURCE_NOUN_PREPOSITIONS, SOURCE_POSTPOSITIONS,
                      SOURCE_PREPOSITIONS, SOURCE_RELATIVES)
from .cues import finite_verb, konjunktiv
from .marks import MARKS
from .phrases import NounPhrase, PhraseKind, is_adjective, noun_phrase, only_noun_phrases
from .records import NO_SPEAKER, Cue, CueKind, Found, QuoteKind, Speaker, SpeakerMethod
from .speakers import resolve
from .text import WEB_ADDRESS, Text

ASIDE_MARKS = frozenset({",", "–", "-", "—"})  # what sets off a source phrase inside the claim


# names that open in lower case: a particle before a capital ("el-Baradei", "al-Sadr") or a web address
# ("bildblog.de", "spiegel.de")
LOWER_CASE_NAME = re.compile(r"[a-z]{1,4}-[A-ZÄÖÜ]\w+|" + WEB_ADDRESS.pattern)


def _lower_case_name(text: Text, at: int, end: int) -> NounPhrase | None:
    """A one-word source the noun phrase rules miss because it is not capitalised."""
    if at < end and LOWER_CASE_NAME.match(text.words[at]):
        return NounPhrase(at, at + 1, at, PhraseKind.NOUN, None)
    return None


def source_quotes(text: Text, sent_start: int, sent_end: int) -> Iterator[Found]:
    """The claims around the source phrases of the sentence [sent_start, sent_end)."""
    content_end = text.content_end(sent_start, sent_end)
    for at in text.within(text.source_at, sent_start, content_end):
        if text.quote_at[at] >= 0:
            continue
        word = text.lower[at]
        cue = Cue(word, CueKind.SOURCE, at, at + 1, text.words[at])
        pronoun = _relative_source(text, sent_start, at)
        if pronoun is not None:
            # "Gerüchte, nach denen X an Krebs litt", "ein Gutachten, laut dem …", "Grundsätze, denen zufolge …":
            # the relative clause is the claim, its pronoun the local mention of the source before the comma
            claim_start = max(at, pronoun) + 1
            speaker = Speaker(pronoun, pronoun + 1, _antecedent_entity(text, sent_start, min(at, pronoun)),
                              SpeakerMethod.LAUT)
            yield Found(QuoteKind.INDIRECT, claim_start, _relative_clause_end(text, claim_start, content_end), cue,
                        speaker)
        elif word in SOURCE_PREPOSITIONS:  # "laut X", "gemäß X"
            phrase = noun_phrase(text, at + 1, content_end) or _lower_case_name(text, at + 1, content_end)
            if phrase is not None and at == sent_start:
                phrase = phrase._replace(end=_before_second_place(text, phrase.end, content_end))
            if phrase is not None:
                end, speaker = _apposition(text, phrase, content_end, resolve(text, phrase, SpeakerMethod.LAUT),
                                           closed=True)
                yield _around(text, sent_start, content_end, at, end, cue, speaker)
        elif word in SOURCE_NOUN_PREPOSITIONS and _source_noun(text, at - 1):
            # "Seiner Ansicht nach sind …": a source noun before it opens the sentence (not "Studien nach
            # der Katastrophe", a time; inside a clause the verb's claim is the better span)
            start = _phrase_before(text, sent_start, at)
            if start == sent_start and start < at - 1 and noun_phrase(text, at + 1, content_end) is None:
                phrase = NounPhrase(start, at, at - 1, PhraseKind.NOUN, None)
                yield _around(text, sent_start, content_end, start, at + 1, cue, _source_speaker(text, phrase))
        elif word in SOURCE_NOUN_PREPOSITIONS:  # "nach Angaben X", "nach Grupps Meinung"
            phrase = _owned_source(text, noun_phrase(text, at + 1, content_end), content_end)
            if phrase is not None and text.lex.noun_class(text.lower[phrase.head], "source"):
                phrase = phrase._replace(end=_von_phrase_end(text, phrase.end, content_end))
                yield _around(text, sent_start, content_end, at, phrase.end, cue, _source_speaker(text, phrase))
        elif word in SOURCE_POSTPOSITIONS and at > sent_start:  # "X zufolge"
            start = _phrase_before(text, sent_start, at)
            if start < at:
                phrase = noun_phrase(text, start, at) or NounPhrase(start, at, at - 1, PhraseKind.NOUN, None)
                speaker = _source_speaker(text, phrase._replace(end=at))
                yield _around(text, sent_start, content_end, start, at + 1, cue, speaker)
        elif word in SOURCE_COMMA_ADVERBS and at > sent_start + 2 and text.words[at - 1] in ASIDE_MARKS:
            # "…, so X", "… – so X – …"
            phrase = noun_phrase(text, at + 1, content_end)
            rest, speaker = (content_end, NO_SPEAKER) if phrase is None else \
                _apposition(text, phrase, content_end, resolve(text, phrase, SpeakerMethod.SO))
            if rest < content_end and text.lex.has(text.lower[rest], "preposition"):  # "so X gegenüber dem Sender"
                comma = next((i for i in range(rest, content_end) if text.words[i] in ASIDE_MARKS), content_end)
                if not any(text.lower[i] in text.lex.verbs or konjunktiv(text, i) for i in range(rest, comma)):
                    rest = comma
            if phrase is None:
                continue
            while rest < content_end and text.lex.has(text.lower[rest], "adverb"):
                rest += 1
            # in the middle of the claim, set off like an aside: "Sein Rival, so Obama weiter, würde …"
            aside = rest < content_end - 2 and text.words[rest] in ASIDE_MARKS and not _relative(text, rest + 1)
            if not aside and text.plain_words(sent_start, at - 1) >= 3 and _source_tail(text, rest, content_end):
                # the source ends the sentence, whatever describes it: "…, so das Ergebnis einer gestern
                # vorgestellten Studie", "…, so Celebi, die auch angab, …"
                yield Found(QuoteKind.INDIRECT, sent_start, at - 1, cue, speaker)
            elif aside and text.plain_words(sent_start, at - 1) >= 1:
                yield _around(text, sent_start, content_end, at, rest, cue, speaker)
        elif word in SOURCE_RELATIVES and at - 1 > sent_start and text.words[at - 1] == ",":
            # "Ein Bericht der Agentur, wonach der Oppositionsführer festgenommen worden sein soll, wurde
            # dementiert": the claim is the clause, its source the noun phrase before the comma
            start = _phrase_before(text, sent_start, at - 1)
            if start < at - 1 and text.is_capital(at - 2):
                speaker = _source_speaker(text, NounPhrase(start, at - 1, at - 2, PhraseKind.NOUN, None))
                yield Found(QuoteKind.INDIRECT, at + 1, _relative_clause_end(text, at + 1, content_end), cue, speaker)
        elif word in SOURCE_ADVERBS and not text.heading[text.sent_of[at]]:
            # "demnach" is the local mention of the source (as a pronoun is); the entity is carried over
            start, end = _segment(text, sent_start, content_end, at)
            yield Found(QuoteKind.INDIRECT, start if at > start else at + 1, end, cue,
                        Speaker(at, at + 1, None, SpeakerMethod.DEMNACH))


def _before_second_place(text: Text, end: int, limit: int) -> int:
    """End of a source phrase that opens the sentence: the capitalised words after `end` up to the finite verb in
    second place belong to it, a name the entity rules missed ("Laut Tedros Adhanom Ghebreyesus ist …", "Laut
    Statistischem Bundesamt stiegen …"); else `end`."""
    i = end
    while i < limit and text.is_capital(i) and text.is_word(i) and text.quote_at[i] < 0:
        i += 1
    return i if end < i < limit and finite_verb(text, i) else end


def _relative_source(text: Text, sent_start: int, at: int) -> int | None:
    """The relative pronoun of a source word that opens a relative clause after a comma: "…, nach denen",
    "…, laut dem", "…, denen zufolge" (not "laut dem Bericht": a noun follows the article), else None."""
    if text.lower[at] in SOURCE_POSTPOSITIONS:
        pronoun = at - 1
    elif text.lower[at] in SOURCE_PREPOSITIONS or text.lower[at] in SOURCE_NOUN_PREPOSITIONS:
        pronoun = at + 1
    else:
        return None
    opener, after = min(at, pronoun), max(at, pronoun) + 1
    if opener - 1 <= sent_start or text.words[opener - 1] != "," or after >= len(text.words) \
            or not _relative_pronoun(text, pronoun) or text.is_capital(after) or is_adjective(text, after):
        return None
    # after "nach" an article is as often a time ("die Pause, nach der …", "nach dem" for "nachdem")
    return None if text.lower[at] in SOURCE_NOUN_PREPOSITIONS and not text.lex.has(text.lower[pronoun], "relative") \
        else pronoun


def _relative_pronoun(text: Text, i: int) -> bool:
    word = text.lower[i]
    return text.lex.has(word, "relative") or word in ARTICLES and word not in INDEFINITE_ARTICLES


def _antecedent_entity(text: Text, sent_start: int, comma_after: int) -> str | None:
    """The entity named in the noun phrase that ends at the comma before a relative clause, if any."""
    start = _phrase_before(text, sent_start, comma_after - 1)
    return next((text.entity_id(text.ent_at[i]) for i in range(start, comma_after - 1) if text.ent_at[i] >= 0), None)


def _source_tail(text: Text, start: int, end: int) -> bool:
    """Whether what follows a source phrase after ", so X" only describes it: noun phrases, prepositional
    phrases and relative clauses ("…, so Celebi, die auch angab, …"), not the rest of the claim ("…, so X,
    ein Haufen mächtiger Leute gewesen …")."""
    while start < end and text.words[start] != ":":  # (a colon opens what the source says next)
        comma = next((i for i in range(start, end) if text.words[i] in (",", ":") and text.quote_at[i] < 0), end)
        if not _relative(text, start) and not only_noun_phrases(text, start, comma):
            return False
        start = comma + 1 if comma < end and text.words[comma] == "," else comma
    return True


def _relative_clause_end(text: Text, start: int, end: int) -> int:
    """End of a verb-final clause from `start`: the first comma after a lower-case word (its verb), else `end`."""
    return next((i for i in range(start + 2, end) if text.words[i] == "," and text.quote_at[i] < 0
                 and text.words[i - 1][:1].islower()), end)


def _relative(text: Text, start: int) -> bool:
    """Whether a subordinate or relative clause opens at `start` after a comma: "…, die auch angab, …", "…, in
    der …" (not "…, ein Haufen …": an indefinite article opens no relative clause)."""
    if start < 1 or text.words[start - 1] != ",":
        return False
    word = text.lower[start]
    if text.lex.has(word, "preposition") and start + 1 < len(text.words):
        word = text.lower[start + 1]
    return (text.lex.has(word, "subordinator") or text.lex.has(word, "relative")
            or word in ARTICLES and word not in INDEFINITE_ARTICLES)


def _source_noun(text: Text, i: int) -> bool:
    return i >= 0 and text.is_capital(i) and text.lex.noun_class(text.lower[i], "source")


def _owned_source(text: Text, phrase: NounPhrase | None, limit: int) -> NounPhrase | None:
    """"Grupps Meinung", "Schäubles Idee": a name in the genitive before the source noun owns it; the
    phrase is the owner and the noun, with the noun as head."""
    if phrase is not None and phrase.end < limit and text.words[phrase.end - 1].endswith(("s", "'")) \
            and _source_noun(text, phrase.end):
        return phrase._replace(end=phrase.end + 1, head=phrase.end)
    return phrase


def _apposition(text: Text, phrase: NounPhrase, limit: int, speaker: Speaker,
                closed: bool = False) -> tuple[int, Speaker]:
    """End of a source phrase with its apposition ("so der Sprecher, Max Muster", "laut dem
    Präsidenten des Verbands, Rainer Dulger, …"; `closed`: only with the comma after it) and its
    speaker: the named entity of the apposition, else that of the phrase."""
    if phrase.end < limit and text.words[phrase.end] == ",":
        apposition = noun_phrase(text, phrase.end + 1, limit)
        if apposition is not None and apposition.kind == PhraseKind.NOUN and apposition.start == apposition.head:
            apposition = None  # a bare noun goes on with the claim: "Der Präsident sei, so X, Schuld daran"
        named = apposition is not None and apposition.kind == PhraseKind.ENTITY
        if apposition is not None and (not closed or named and apposition.end < limit
                                       and text.words[apposition.end] == ","):
            if named:
                return apposition.end, Speaker(phrase.start, apposition.end, text.entity_id(apposition.entity),
                                               speaker.method)
            return apposition.end, speaker
    return phrase.end, speaker


def _source_speaker(text: Text, phrase: NounPhrase) -> Speaker:
    """"Angaben der Polizei": the source noun is the local mention, an entity inside names who."""
    entity = next((text.ent_at[i] for i in range(phrase.start, phrase.end) if text.ent_at[i] >= 0), None)
    return Speaker(phrase.start, phrase.end, text.entity_id(entity), SpeakerMethod.LAUT)


def _von_phrase_end(text: Text, end: int, limit: int) -> int:
    """End of a "von X"/"aus X" that follows the source noun ending at `end` ("nach Angaben von X"), else `end`."""
    if end < limit and text.lower[end] in SOURCE_COMPLEMENT_PREPOSITIONS:
        phrase = noun_phrase(text, end + 1, limit)
        if phrase is not None:
            return phrase.end
    return end


def _phrase_before(text: Text, sent_start: int, end: int) -> int:
    """Start of the noun phrase that ends before token `end` ("den Planungen", "Angaben der Polizei")."""
    start = end
    if start - 3 >= sent_start and text.words[start - 1] == ")" and text.words[start - 3] == "(":
        start -= 3  # "dem Institut (IW) zufolge"
    if start > sent_start and text.words[start - 1][:1].isupper():  # "Angaben zufolge" opening the sentence
        start -= 1
    while start > sent_start and (
            text.is_capital(start - 1) or _determiner(text, start - 1) or text.lower[start - 1] in GENITIVE_PREPOSITIONS
            or (is_adjective(text, start - 1) and start - 2 >= sent_start and _determiner(text, start - 2)
                and (text.is_capital(start) or is_adjective(text, start)))):
        start -= 1
    return start


def _determiner(text: Text, i: int) -> bool:
    return text.lex.has(text.lower[i], "det") or text.lex.has(text.lower[i], "det_oblique")


def _around(text: Text, sent_start: int, content_end: int, start: int, end: int, cue: Cue, speaker: Speaker) -> Found:
    """The claim around a source phrase [start, end): its ";"-segment, or its subordinate clause when
    the phrase stands in one, without the phrase. A phrase inside the claim splits it; a quote is one
    span, so it keeps the phrase unless the phrase is a large part of it: then the larger side."""
    end = _after_relative_clause(text, end, content_end)
    aside_end = _verbless_aside_end(text, sent_start, content_end, start, end)
    if aside_end is not None:  # "Der Täter – nach Angaben der Polizei ein 30-Jähriger – flüchtete"
        return Found(QuoteKind.INDIRECT, end, aside_end, cue, speaker)
    segment_start, segment_end = _segment(text, sent_start, content_end, start)
    left = start - (1 if start > segment_start and text.words[start - 1] in (",", "–", "-") else 0)
    right = end + (1 if end < segment_end and text.words[end] in (",", "–", "-") else 0)
    n_left, n_right = _chars(text, segment_start, left), _chars(text, right, segment_end)
    before = Found(QuoteKind.INDIRECT, segment_start, left, cue, speaker)
    after = Found(QuoteKind.INDIRECT, right, segment_end, cue, speaker)
    if not n_left or not n_right:
        return before if n_left else after
    whole = (n_left + n_right) / (n_left + n_right + _chars(text, start, end))
    if whole >= min(2 / 3, max(n_left, n_right) / (n_left + n_right)):  # keep the sentence readable
        return Found(QuoteKind.INDIRECT, segment_start, segment_end, cue, speaker)
    return before if n_left >= n_right else after


def _after_relative_clause(text: Text, end: int, limit: int) -> int:
    """The comma that closes a relative clause on the source phrase ending at `end` ("nach Ansicht des
    Bürgermeisters, der seit 2020 im Amt ist, habe …"), else `end`; not an article before its noun ("…, die Lage")."""
    if end + 2 < limit and text.words[end] == "," and _relative_pronoun(text, end + 1) \
            and not text.is_capital(end + 2) and not is_adjective(text, end + 2):
        close = _relative_clause_end(text, end + 1, limit)
        if close < limit:
            return close
    return end


def _verbless_aside_end(text: Text, sent_start: int, content_end: int, start: int, end: int) -> int | None:
    """Where an aside set off by dashes or commas ends when a source phrase [start, end) opens it and words with no
    finite verb follow it there: those words are the claim ("– nach Zeugenaussagen der Ehemann –"); else None."""
    if start <= sent_start or text.words[start - 1] not in ASIDE_MARKS:
        return None
    close = next((i for i in range(end, content_end) if text.words[i] == text.words[start - 1]
                  and text.quote_at[i] < 0), None)
    if close is None or not any(text.is_word(i) for i in range(end, close)) \
            or any(finite_verb(text, i) for i in range(end, close)):
        return None
    return close


def _segment(text: Text, sent_start: int, content_end: int, at: int) -> tuple[int, int]:
    """The part of the sentence [sent_start, content_end) holding token `at`: between semicolons, and
    within a subordinate clause ("…, weil er nach Angaben X …") when `at` stands in one."""
    start = sent_start
    for i in range(at - 1, sent_start - 1, -1):
        if text.words[i] == ";" and text.quote_at[i] < 0:
            start = i + 1
            break
    end = next((i for i in range(at, content_end) if text.words[i] == ";" and text.quote_at[i] < 0), content_end)
    clause_start, _ = text.clause(at)
    if clause_start > start and text.words[clause_start - 1] == "," and text.subordinate(clause_start):
        return clause_start, next((i for i in range(at, end) if text.words[i] == "," and text.quote_at[i] < 0), end)
    return start, end


def _chars(text: Text, start: int, end: int) -> int:
    return sum(len(text.words[i]) for i in range(start, end) if not text.is_space[i] and text.words[i] not in MARKS)
