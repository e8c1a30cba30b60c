"""Token-level views of a Doc read from its arrays: creating one Token object per token and
component costs more than the rules that use them."""
from __future__ import annotations

from functools import cached_property, wraps
from itertools import compress
from typing import Any, Callable
from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import IDX, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

# token texts of each Doc, shared by the components: (ORTH array they were read from, texts)
_TEXTS: WeakKeyDictionary[Doc, tuple[numpy.ndarray, list[str]]] = WeakKeyDictionary()


def token_texts(doc: Doc) -> list[str]:
    """The text of every token (a new list each call). Reading them from the StringStore is the
    costly part, so the texts are kept with the Doc while its tokens stay the same."""
    orths = doc.to_array(ORTH)
    known = _TEXTS.get(doc)
    if known is not None and numpy.array_equal(known[0], orths):
        return list(known[1])
    texts = list(map(doc.vocab.strings.__getitem__, orths.tolist()))
    _TEXTS[doc] = (orths, texts)
    return list(texts)


def flagged(texts: list[str], known: dict[str, Any], test: Callable[[str], Any]) -> list[int]:
    """The indices of the tokens whose text passes `test` (a true verdict), each word form tested once:
    `known` keeps the verdicts across Docs (the same words come back in every article)."""
    flags = list(map(known.get, texts))
    if None in flags:
        for i in [i for i, flag in enumerate(flags) if flag is None]:
            flag = known.get(texts[i])
            if flag is None:
                flag = known[texts[i]] = test(texts[i])
            flags[i] = flag
    return list(compress(range(len(flags)), flags))


def word_verdict(test: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    """A lexicon's test of a word form, kept per lexicon and word form: the same words come back in every
    article, and a lexicon does not change once loaded."""
    memo_name = f"_verdicts_{test.__name__}"

    @wraps(test)
    def verdict(lexicon, word: str):
        memo = lexicon.__dict__.get(memo_name)
        if memo is None:
            memo = lexicon.__dict__[memo_name] = {}
        try:
            return memo[word]
        except KeyError:
            found = memo[word] = test(lexicon, word)
            return found

    return verdict


class TokenLayout:
    """Where each token stands: `idx` (character offset; read on first use, few rules need it),
    `space_after` (a space follows it, as `token.whitespace_`) and `is_space` (the token is
    whitespace), as lists by token index."""

    def __init__(self, doc: Doc):
        self.doc = doc
        flags = doc.to_array([SPACY, IS_SPACE]).astype(bool).reshape(-1, 2)
        self.space_after: list[bool] = flags[:, 0].tolist()
        self.is_space: list[bool] = flags[:, 1].tolist()

    @cached_property
    def idx(self) -> list[int]:
        return self.doc.to_array(IDX).tolist()


def sentence_ranges(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of the sentences, as `doc.sents` gives them."""
    if not len(doc):
        return []
    starts = numpy.flatnonzero(doc.to_array(SENT_START).astype("int64") == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return list(zip(starts, starts[1:] + [len(doc)]))
