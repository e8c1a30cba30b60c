"""Token-level views of a Doc read from its arrays: creating one Token object per token and
component costs more than the rules that use them."""
from __future__ import annotations

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc


def token_texts(doc: Doc) -> list[str]:
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()]


def sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of the sentences, as `doc.sents` gives them."""
    if not len(doc):
        return []
    starts = numpy.flatnonzero(doc.to_array(SENT_START).astype("int64") == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return list(zip(starts, starts[1:] + [len(doc)]))
