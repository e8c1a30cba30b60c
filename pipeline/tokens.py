"""Token-level views of a Doc read from its arrays: creating one Token object per token and
component costs more than the rules that use them."""
from __future__ import annotations

from functools import cached_property, update_wrapper
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


class word_verdict:
    """A lexicon's test of a word form (a method decorator), kept per lexicon and word form: the same words
    come back in every article, and a lexicon does not change once loaded. The first call puts the lexicon's
    verdicts (a dict that runs the test for a word it lacks) in place of the method, so a word already
    judged costs one dict lookup and no Python call."""

    def __init__(self, test: Callable[[Any, str], Any]):
        self.test = test
        update_wrapper(self, test)

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, lexicon, owner: type | None = None):
        if lexicon is None:
            return self
        verdicts = _Verdicts(self.test.__get__(lexicon))
        lexicon.__dict__[self.name] = verdicts.__getitem__
        return verdicts.__getitem__


class JudgesWords:
    """Base of a lexicon with `word_verdict` tests: a copy or a pickle leaves the verdicts behind (the copy
    computes its own), since they hold the lexicon they were made for."""

    def __getstate__(self) -> dict:
        return {name: value for name, value in self.__dict__.items()
                if not isinstance(getattr(value, "__self__", None), _Verdicts)}


class _Verdicts(dict):
    """Word form -> the test's verdict, computed on first lookup."""

    def __init__(self, test: Callable[[str], Any]):
        super().__init__()
        self.test = test

    def __missing__(self, word: str):
        verdict = self[word] = self.test(word)
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
