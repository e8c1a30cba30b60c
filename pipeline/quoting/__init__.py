"""German quotes and their speakers from word forms, punctuation and entity mentions (issues #2, #4).

No parser is needed: German reported speech is marked by a small vocabulary (speech verbs with
their separable particles, "laut", "zufolge", "nach Angaben", ", so X", "hieß es"), by the
Konjunktiv I ("sei", "habe", "werde") and by quotation marks. The speaker is the subject slot next
to the cue: after the verb when the verb opens its clause ("…, sagte der Minister"), before it
otherwise ("Merz sagte, …"). Pronouns and descriptions ("der CDU-Politiker") resolve to the most
recent fitting PER mention; Konjunktiv sentences without a cue carry the last speaker over.

Modules, each reading the token arrays of `text.Text` and passing the records of `records` (Cue,
Speaker, Found and their QuoteKind, CueKind and SpeakerMethod labels):
lexicon (vocabulary) -> marks (quotation marks) -> text -> phrases (noun phrases) -> subjects ->
cues (speech verbs, Konjunktiv) -> speakers (resolution) -> direct / indirect / sources (extractors)
-> extract (`extract_quotes`: all quotes of a Doc, speakers carried over).
"""
from .extract import extract_quotes
from .lexicon import QuoteLexicon, load_lexicon
from .records import Cue, CueKind, Found, QuoteKind, Speaker, SpeakerMethod

__all__ = ["Cue", "CueKind", "Found", "QuoteKind", "QuoteLexicon", "Speaker", "SpeakerMethod", "extract_quotes",
           "load_lexicon"]
