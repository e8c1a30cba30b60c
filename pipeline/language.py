"""Assemble the spaCy pipeline and turn articles into Docs."""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import factories  # noqa: F401  (registers our components)
from .reader import Article

DEFAULT_CONFIG = Path(__file__).parent / "default.cfg"


def build_nlp(model: str | Path | None = None, config: str | Path = DEFAULT_CONFIG) -> Language:
    """The embedded default (blank German + our components, from `config`) or, with `model`, an
    installed German pipeline (package name or path) with our components added on top.

    A pipeline saved by `nlp.to_disk` that already holds our components is loaded as it is."""
    cfg = spacy.util.load_config(config)
    if model is None:
        nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
        nlp.initialize()
        return nlp
    nlp = spacy.load(model)
    if nlp.lang != "de":
        raise ValueError(f"model {model!r} is for language {nlp.lang!r}, not German (de)")
    added = []
    for name in cfg["nlp"]["pipeline"]:
        if name in nlp.pipe_names:
            continue
        settings = dict(cfg["components"][name])
        factory = settings.pop("factory")
        if name == "sentences" and (nlp.has_pipe("parser") or nlp.has_pipe("senter")):
            continue  # a trained parser or senter segments better than our rules
        nlp.add_pipe(factory, name=name, config=settings)
        added.append(name)
    init = cfg["initialize"]["components"]
    for name in added:
        component = nlp.get_pipe(name)
        if hasattr(component, "initialize"):
            component.initialize(nlp=nlp, **init.get(name, {}))
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    """A Doc whose text has the offsets of the raw file, carrying the article's metadata."""
    doc = nlp.make_doc(article.text_for_nlp)
    doc._.article_id = article.article_id
    doc._.source = article.source
    doc._.date = article.date.isoformat() if article.date else None
    return doc
