import copy
import pickle

import pytest

from pipeline.tokens import JudgesWords, flagged, word_verdict


class Capitals(JudgesWords):
    """A lexicon with one word test that counts how often it really runs."""

    def __init__(self):
        self.runs = 0

    @word_verdict
    def is_capitalised(self, word: str) -> bool:
        self.runs += 1
        return word[:1].isupper()


@pytest.mark.parametrize("words, verdicts, runs", [
    (["Haus", "haus", "Haus"], [True, False, True], 2),
    (["", "Ä", "ä"], [False, True, False], 3),
])
def test_word_verdict_runs_the_test_once_per_word_form(words, verdicts, runs):
    lexicon = Capitals()
    assert [lexicon.is_capitalised(word) for word in words] == verdicts
    assert lexicon.runs == runs


def test_word_verdicts_belong_to_their_lexicon():
    first, second = Capitals(), Capitals()
    first.is_capitalised("Haus")
    assert second.is_capitalised("Haus") and (first.runs, second.runs) == (1, 1)


@pytest.mark.parametrize("clone", [copy.deepcopy, lambda lexicon: pickle.loads(pickle.dumps(lexicon))])
def test_a_copy_judges_with_its_own_verdicts(clone):
    lexicon = Capitals()
    lexicon.is_capitalised("Haus")
    copied = clone(lexicon)
    assert copied.is_capitalised("Haus") and copied.runs == 2  # computed again, by and for the copy
    assert lexicon.runs == 1


@pytest.mark.parametrize("texts, flags", [
    (["Die", "Wahl", "am", "Sonntag"], [0, 1, 3]),
    (["am", "im"], []),
])
def test_flagged_gives_the_indices_that_pass(texts, flags):
    known: dict[str, bool] = {}
    assert flagged(texts, known, lambda word: word[:1].isupper()) == flags
    assert flagged(texts, known, lambda word: 1 / 0) == flags  # every form judged already: the test is not run
