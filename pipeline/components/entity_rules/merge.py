"""The mentions found, put together: names found by context propagated to their other occurrences (a
class noun's type over a first name's guess), slashed names and club names joined, each mention kept
within its sentence."""
from __future__ import annotations

import re
from itertools import compress

from spacy.tokens import Doc, Span

from ...german import ARTICLES, NON_GENITIVE_S_ENDINGS, ZERO_PLURAL_NOUN_ENDINGS
from ...names import strip_genitive
from .lexicons import Lexicons
from .spans import covered, mention


def surnames_over_places(doc: Doc, found: list[Span]) -> list[Span]:
    """A one-word place or organisation known only from a list (gazetteer, word class) that is the
    surname of a person named in the article is that person: "Sebastian Kehl … so Kehl" (not the
    town of Kehl); not the seat of a noble's house, a place that was found inside the name ("Albrecht Prinz von
    Bayern … in Bayern")."""
    places = {span.end - 1 for span in found if span.label_ != "PER"}
    surnames = {strip_genitive(span[-1].text) for span in found
                if span.label_ == "PER" and len(span) > 1 and span.end - 1 not in places}
    return [mention(doc, span.start, span.end, "PER", "propagated")
            if len(span) == 1 and span._.method in ("gazetteer", "word_class") and span.label_ != "PER"
            and strip_genitive(span.text) in surnames else span
            for span in found]


WORD_GUESSES = frozenset({"first_name", "name_pair"})  # rules that type a name by its words
CONTEXT_GUESSES = frozenset({"verb", "speech", "preposition"})  # rules that type a bare word by the words around it


def cue_labels_over_names(doc: Doc, found: list[Span]) -> list[Span]:
    """A name that a class noun typed somewhere in the article ("das Satiremagazin Charlie Hebdo", "die
    Ölgesellschaft Petrolux") has that type wherever its words alone made it a person ("Anschlag auf Charlie
    Hebdo"), or the words around it when it is one word ("teilte Petrolux mit")."""
    typed = {_words(span): span.label_ for span in found if span._.method == "cue"}
    return [mention(doc, span.start, span.end, typed[words], "propagated")
            if (span._.method in WORD_GUESSES and len(span) > 1 or span._.method in CONTEXT_GUESSES and len(span) == 1)
            and typed.get(words := _words(span), span.label_) != span.label_
            else span for span in found]


def _words(span: Span) -> tuple[str, ...]:
    return tuple(token.text for token in span)


def propagate(doc: Doc, texts: list[str], found: list[Span]) -> list[Span]:
    """Other occurrences of names found by context: bare surnames ("Merz", "Putins") of persons, repeats
    of multi-word names ("Koalition der Willigen") and of one-word names a class noun typed ("die
    Ölgesellschaft Petrolux") anywhere in the article."""
    surnames = {strip_genitive(span[-1].text) for span in found if span.label_ == "PER"}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for span in found:
        if len(span) > 1 and span._.method != "gazetteer" or span._.method == "cue" and span.label_ != "PER":
            words = _words(span)
            phrases.setdefault(words[0], []).append((words, span.label_))
    taken = covered(found)
    spans = []
    # only tokens that may be one of these (a surname also in its genitive forms) are looked at
    wanted = set(phrases) | {form for name in surnames for form in (name, name + "s", name + "'", name + "’")}
    for i in compress(range(len(texts)), map(wanted.__contains__, texts)):
        text = texts[i]
        if i in taken or not text[:1].isupper():
            continue
        for words, label in phrases.get(text, ()):
            end = i + len(words)
            if tuple(texts[i:end]) == words and not taken.intersection(range(i, end)):
                spans.append(mention(doc, i, end, label, "propagated"))
                taken.update(range(i, end))
                break
        else:
            if strip_genitive(text) in surnames:
                spans.append(mention(doc, i, i + 1, "PER", "propagated"))
    return spans


def within_sentence(span: Span) -> Span:
    """A mention never runs into the next sentence ("Plattform X. Schneider kam": "X." ends one):
    it keeps its part from the last sentence start inside it."""
    starts = [i for i in range(span.start + 1, span.end) if span.doc[i].is_sent_start]
    if not starts:
        return span
    return mention(span.doc, starts[-1], span.end, span.label_, span._.method)


def join_slashed(spans: list[Span]) -> list[Span]:
    """"München/Hamburg" is one mention: names of one type written with a slash between them."""
    joined: list[Span] = []
    for span in sorted(spans, key=lambda span: span.start):
        prev = joined[-1] if joined else None
        doc = span.doc
        if prev is not None and prev.label_ == span.label_ and span.start == prev.end + 1 \
                and doc[prev.end].text == "/" and not doc[prev.end - 1].whitespace_ and not doc[prev.end].whitespace_:
            joined[-1] = mention(doc, prev.start, span.end, span.label_, prev._.method)
        else:
            joined.append(span)
    return joined


def join_club_places(spans: list[Span]) -> list[Span]:
    """A place right after an organisation shape is part of its name ("FC Carl Zeiss Jena", "ESV Lok Zwickau"),
    and so is an acronym right after an organisation: its unit or subsidiary ("Fraunhofer IAO"); not a place after
    an abbreviated legal form, the company's seat ("BlackRock, Inc. Wilmington")."""
    joined: list[Span] = []
    for span in spans:
        prev = joined[-1] if joined else None
        if prev is not None and prev.label_ == "ORG" and span.start == prev.end and len(span) == 1 and (
                prev._.method in ("pattern", "acronym") and span.label_ == "LOC" and "." not in prev[-1].text
                or prev._.method == "gazetteer" and span._.method == "acronym" and prev[-1].whitespace_
                and len(prev.text) > 4 and not prev.text.isupper()):  # not two organisations: "Nato ISAF"
            joined[-1] = mention(span.doc, prev.start, span.end, "ORG", prev._.method)
        else:
            joined.append(span)
    return joined


def join_name_words(spans: list[Span], texts: list[str], lex: Lexicons) -> list[Span]:
    """A name of the gazetteer followed by words of multi-word names is part of a longer name, whose type the last
    of them gives: "Mercedes-Benz Arena", "Berlin Airport" (places), "New York Post" (an organisation). A mention of
    such a word alone after it is taken in, and so is an organisation's shape right after an organisation ("Warner
    Bros. Entertainment GmbH": the legal form ends the firm's whole name). Not a German street word, which a
    street's name is joined to ("belegt Timor-Leste Platz 150")."""
    starts = {span.start: span for span in spans}
    joined: list[Span] = []
    taken_until = 0
    for span in spans:
        if span.start < taken_until:
            continue
        end, label = span.end, span.label_
        while span._.method == "gazetteer" and end < len(texts) and texts[end] in lex.inside \
                and not texts[end].lower().endswith(lex.place_tails) and span.doc[end - 1].whitespace_ \
                and (end not in starts or len(starts[end]) == 1):
            end += 1
            label = lex.inside[texts[end - 1]]
        shape = starts.get(end)
        if span._.method == "gazetteer" and label == "ORG" and shape is not None and shape._.method == "pattern" \
                and shape.label_ == "ORG" and span.doc[end - 1].whitespace_:
            end = shape.end
        if end > span.end:
            span = mention(span.doc, span.start, end, label, "gazetteer")
            taken_until = end
        joined.append(span)
    return joined


LIST_METHODS = frozenset({"gazetteer", "pattern", "acronym"})  # a name from a list or shape is no team's nickname


def join_team_names(spans: list[Span], texts: list[str], lex: Lexicons) -> list[Span]:
    """A town followed by an English plural that is no German word is a team ("Vancouver Whitecaps",
    "Chicago Bulls"): the town names the club, not the place. After an article the town is no head of its
    own (a town takes none): one or two name words ending in such a plural after it make the team, even where
    the plural is a German noun's genitive ("die Philadelphia Flyers") or the words were taken as a name
    ("der Detroit Red Wings"). Where a score is reported, an unknown word before a town makes the team too
    ("Panathinaikos Athen")."""
    starts = {span.start: span for span in spans}
    taken = {i: span for span in spans for i in range(span.start, span.end)}  # token -> the span over it
    joined: list[Span] = []
    swallowed: set[int] = set()  # starts of the name spans a team took in
    for span in spans:
        if span.start in swallowed:
            continue
        end = _team_end(span, texts, lex, taken)
        if end > span.end:
            swallowed.update(i for i in range(span.end, end) if i in starts)
            span = mention(span.doc, span.start, end, "ORG", "team")
        elif _club_before_town(span, texts, lex, taken):
            span = mention(span.doc, span.start - 1, span.end, "ORG", "team")
        joined.append(span)
    return joined


SCORE = re.compile(r"\d{1,2}:\d{1,2}(?:-|\Z)")  # a match result: "5:1", "3:1-Sieg"


def _club_before_town(span: Span, texts: list[str], lex: Lexicons, taken: dict[int, Span]) -> bool:
    """In a sentence that reports a score, a word no lexicon knows right before a town is the club the town names:
    "nach dem 5:1-Sieg über Panathinaikos Athen", "Benfica Lissabon 3:1"."""
    before = span.start - 1
    if span.label_ != "LOC" or len(span) != 1 or before < 0 or before in taken or _genitive_town(span) \
            or span.doc[before].is_sent_start:
        return False
    word = texts[before]
    unknown = lex.name_like(word) and not lex.is_common(word) and word not in lex.ambiguous \
        and word not in lex.first_names and word not in lex.word_class and word.lower() not in lex.lower_words
    return unknown and any(SCORE.match(token.text) for token in span.sent)


def _team_end(span: Span, texts: list[str], lex: Lexicons, taken: dict[int, Span]) -> int:
    """Where the team a town opens ends: after its nickname, or at the town's end when there is none."""
    nickname, doc = span.end, span.doc
    if span.label_ != "LOC" or len(span) > 2 or nickname >= len(texts) or doc[nickname].is_sent_start:
        return span.end
    if _genitive_town(span):
        return span.end  # a town in the genitive before a plural is a place ("Bremerhavens Guards")
    if nickname not in taken and _english_plural(texts[nickname], lex):
        return nickname + 1
    if span.start == 0 or texts[span.start - 1].lower() not in ARTICLES:
        return span.end
    for end in (nickname + 1, nickname + 2):
        words = texts[nickname:end]
        covering = {taken[i] for i in range(nickname, end) if i in taken}
        # the words are free, or one name found by context ("Red Wings" as a person) that ends with them
        free = all(other.end == end and other._.method not in LIST_METHODS for other in covering) and len(covering) < 2
        if end <= len(texts) and free and all(_nickname_word(word, lex) for word in words) \
                and _team_plural(words[-1], lex):
            return end
    return span.end


def _genitive_town(span: Span) -> bool:
    canonical = span._.canonical or ""
    return span.text.endswith("s") and canonical[-1:] not in ("s", "") and span.text != canonical


def _capitalised_ascii(word: str) -> bool:
    """Written like an English name word: "Bulls", "Red" (not "RB", "Löwen")."""
    return word[:1].isupper() and word[1:].islower() and word.isascii()


def _plural_s_shape(word: str) -> bool:
    """Shaped like an English plural: capitalised, in an -s that is no part of the stem ("Bulls", not "Virus")."""
    return len(word) > 3 and _capitalised_ascii(word) and word.endswith("s") \
        and not word.endswith(NON_GENITIVE_S_ENDINGS)


def _nickname_word(word: str, lex: Lexicons) -> bool:
    return len(word) > 2 and _capitalised_ascii(word) and not lex.is_common(word) or _team_plural(word, lex)


def _team_plural(word: str, lex: Lexicons) -> bool:
    """A plural in -s that is no German noun's ("Wings"), or the genitive of one in -er/-el/-en, whose plural
    takes no -s ("Flyers", not "Fans")."""
    stem = word[:-1]
    german = word in lex.common_nouns or stem in lex.common_nouns
    return _plural_s_shape(word) \
        and (not german or stem.endswith(ZERO_PLURAL_NOUN_ENDINGS) and stem in lex.common_nouns)


def _english_plural(word: str, lex: Lexicons) -> bool:
    # the word itself, not its compound tail: "Whitecaps" ends in the German noun "Caps"
    stem = word[:-1]
    return _plural_s_shape(word) and word not in lex.common_nouns and stem not in lex.common_nouns \
        and word.lower() not in lex.lower_words and word not in lex.first_names \
        and lex.word_class.get(word) is None and lex.word_class.get(stem) is None
