"""The subject of a speech verb, found without a parser: the nominative noun phrase before the verb
unless the verb opens its clause ("…, sagte der Minister"), else the one after it."""
from __future__ import annotations

from ..german import (CAPITALISED_NAME_PARTICLES, DATIVE_FEMININE_ARTICLES, ORIGIN_PREPOSITIONS,
                      PASSIVE_AGENT_PREPOSITIONS, PASSIVE_AUXILIARIES, PERFECT_AUXILIARIES, QUOTED_SUBJECT_VERBS)
from .records import CueKind
from .phrases import NP, noun_phrase, only_noun_phrases, phrases
from .text import SENT_END, Text


def is_subject(t: Text, np: NP) -> bool:
    """A subject is nominative: not after a preposition, not with a dative/accusative article,
    not a medium addressed ("der Zeitung")."""
    lex = t.lex
    if np.start > 0 and lex.has(t.lower[np.start - 1], "preposition") and not _name_particle(t, np):
        return False
    first = t.lower[np.start]
    if lex.has(first, "det_oblique") or lex.has(first, "oblique"):
        return False
    # "sagte der Zeitung": a dative
    return not (first in DATIVE_FEMININE_ARTICLES and lex.noun_class(t.lower[np.head], "addressee"))


def _name_particle(t: Text, np: NP) -> bool:
    """"Von der Leyen", "van Gaal": a capitalised "von"/"van" directly before a person's name belongs to it."""
    return (t.words[np.start - 1] in CAPITALISED_NAME_PARTICLES and np.kind == "entity"
            and t.ents[np.entity].label_ == "PER")


def subject_near(t: Text, v: int, v_end: int) -> NP | None:
    """The subject of the clause of the cue verb at v: before the verb unless the verb opens the
    clause, else after it; an apposition before the clause ("X, Sprecher von Y, teilte mit")."""
    a, b = t.clause(v)
    if a > 1 and t.words[a - 1] == ",":
        if ((t.lex.has(t.lower[a], "det") or t.lex.has(t.lower[a], "relative"))  # "…, der … betonte, …"
                and t.lex.info.get((t.lower[a], "relative")) != "oblique"):  # not "…, denen X vorwirft, …"
            if v >= b - 2 and (v == b - 1 or t.lex.has(t.lower[b - 1], "particle")
                               or t.lower[b - 1] in PERFECT_AUXILIARIES):  # verb-final
                return _relative(t, a)
        opens_with_pronoun = v == a and v_end < b and t.lex.has(t.lower[v_end], "pronoun")  # "…, schrieb er"
        if not opens_with_pronoun and not any(is_subject(t, np) for np in phrases(t, a, v)):
            inserted = _subject_before_insert(t, a - 1)
            if inserted is not None:
                return inserted
    if _passive(t, v, a, b):
        return next((np for k in range(a, b) if t.lower[k] in PASSIVE_AGENT_PREPOSITIONS
                     for np in [noun_phrase(t, k + 1, b)] if np is not None), None)
    before = next((np for np in phrases(t, a, v) if is_subject(t, np)), None)
    pronoun_after = v_end < b and (t.lex.has(t.lower[v_end], "pronoun") or t.lex.has(t.lower[v_end], "pronoun_generic"))
    if before is not None and not (pronoun_after and _bare(t, before)) and not _fronted(t, before, a, v_end, b):
        return before
    if pronoun_after and not t.lex.has(t.lower[v_end], "pronoun"):
        return None  # "sagt man", "hieß es"
    after = next((np for np in phrases(t, v_end, b) if is_subject(t, np)), None)
    if after is None and v - 1 <= a and v > 0 and t.lex.info.get((t.lower[v - 1], "conjunction")) == "and":
        return _sentence_subject(t, v)  # "…, und fügt hinzu: …" shares the subject of the sentence
    if after is None:  # "aus Regierungskreisen verlautete": the circle it came from
        return next((np for k in range(a, b) if t.lower[k] in ORIGIN_PREPOSITIONS and k + 1 < b
                     for np in [noun_phrase(t, k + 1, b)] if np is not None), None)
    return after


def _fronted(t: Text, before: NP, a: int, v_end: int, b: int) -> bool:
    """Whether a plain noun before the verb is part of a fronted adverbial ("Trotz eines Verbots der
    Kommission will Island …", "Darüberhinaus will die SPD …") while a name or role follows the verb."""
    if before.kind != "noun" or (before.start == a and not _bare(t, before)):
        return False
    after = next((np for np in phrases(t, v_end, b) if is_subject(t, np)), None)
    return after is not None and after.kind in ("entity", "role", "person")


def _sentence_subject(t: Text, v: int) -> NP | None:
    s, _ = t.sents[t.sent_of[v]]
    _, b = t.clause(s)
    np = next(phrases(t, s, min(b, v)), None)
    return np if np is not None and np.start == s and is_subject(t, np) else None


def _relative(t: Text, a: int) -> NP:
    """A relative pronoun as subject: the local mention, referring to the phrase before the comma."""
    k = a - 2
    while k >= 0 and t.ent_at[k] < 0 and t.words[k] not in SENT_END:
        k -= 1
    return NP(a, a + 1, a, "entity" if k >= 0 and t.ent_at[k] >= 0 and a - k <= 3 else "noun",
              t.ent_at[k] if k >= 0 and t.ent_at[k] >= 0 and a - k <= 3 else None)


def _passive(t: Text, v: int, a: int, b: int) -> bool:
    """"Ihm wird vorgeworfen, …": a participle cue with a form of "werden" has no speaking subject."""
    verbs = t.lex.verbs[t.lower[v]]
    if t.lower[v] in (verb.lemma for verb in verbs) or any(verb.kind == CueKind.INTENT for verb in verbs):
        return False  # an infinitive ("wird erklären") is future, "will … werden" an aim, neither is passive
    if any(verb.lemma in QUOTED_SUBJECT_VERBS for verb in verbs):
        return False  # "Sie wird mit den Worten zitiert: …": the subject is who spoke
    return any(t.lower[k] in PASSIVE_AUXILIARIES for k in range(a, b))


def _bare(t: Text, np: NP) -> bool:
    """A lone capitalised word opening the sentence: as likely an adverb ("Offiziell") as a noun."""
    return np.kind == "noun" and np.end - np.start == 1 and t.sents[t.sent_of[np.start]][0] == np.start


def _subject_before_insert(t: Text, comma: int) -> NP | None:
    """The subject that opens the sentence before an apposition or relative clause set off by
    commas: "Der Sprecher des Amtes, Max Muster, teilte mit", "X, die … vertritt, nennt …"."""
    k, named = comma, None
    for _ in range(4):
        pa, _ = t.clause(k - 1)
        found = list(phrases(t, pa, k))
        if pa == 0 or t.words[pa - 1] != ",":
            opener = found[0] if found else None
            if t.lex.info.get((t.lower[pa], "subordinator")) == "wie":  # "Wie der Sprecher, X, mitteilte"
                pa += 1
            if opener is not None and opener.start == pa and is_subject(t, opener) and only_noun_phrases(t, pa, k):
                return opener if opener.kind == "entity" and t.ents[opener.entity].label_ == "PER" else named or opener
            return None
        if found and found[0].start == pa and found[-1].end == k and only_noun_phrases(t, pa, k):
            named = named or next((np for np in found if np.kind == "entity"), None)
        elif not (t.lex.has(t.lower[pa], "relative") or t.lex.has(t.lower[pa], "det")):
            return None
        k = pa - 1
    return None
