"""Placeholder until the quote component lands (helper is writing it)."""
from spacy.tokens import Doc


class QuoteAttributor:
    def __init__(self, nlp, name="quotes", *, carry_over=True, max_carry_sentences=3):
        self.name = name

    def initialize(self, get_examples=None, *, nlp=None, data_dir=None):
        pass

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["quotes"] = []
        return doc
