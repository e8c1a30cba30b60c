"""Assemble the spaCy pipeline and turn articles into Docs."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import spacy
from thinc.api import Config
from spacy.language import Language
from spacy.tokens import Doc

from . import factories  # noqa: F401  (registers our components)
from .reader import Article

DEFAULT_CONFIG = Path(__file__).parent / "default.cfg"


def load_config(config: str | Path = DEFAULT_CONFIG, *, model_ents: str | None = None,
                patterns: Iterable[str | Path] = (), lexicons: Iterable[str | Path] = ()) -> Config:
    """The pipeline config with the command line's choices written into it: `model_ents` for the
    entity rules, and the `patterns` (JSONL) and `lexicons` (TSV) files added to those the config
    names for every component of ours that loads them."""
    cfg = spacy.util.load_config(config)
    components, init = cfg.get("components", {}), cfg.setdefault("initialize", {}).setdefault("components", {})
    for name, settings in components.items():
        factory = settings.get("factory")
        if factory == "de_entity_rules_v1":
            if model_ents is not None:
                settings["model_ents"] = model_ents
            _add_files(init.setdefault(name, {}), "patterns", patterns)
        if factory in ("de_entity_rules_v1", "de_quotes_v1"):
            _add_files(init.setdefault(name, {}), "lexicons", lexicons)
    return cfg


def _add_files(settings: dict, key: str, paths: Iterable[str | Path]) -> None:
    paths = [str(Path(path).resolve()) for path in paths]  # workers may run elsewhere
    if paths:
        settings[key] = [*(settings.get(key) or []), *paths]


def build_nlp(model: str | Path | None = None, config: str | Path = DEFAULT_CONFIG, *,
              model_ents: str | None = None, patterns: Iterable[str | Path] = (),
              lexicons: Iterable[str | Path] = ()) -> Language:
    """The embedded default (blank German + our components, from `config`) or, with `model`, an
    installed German pipeline (package name or path) with our components added on top; see
    `load_config` for the other settings.

    A pipeline saved by `nlp.to_disk` that already holds our components is loaded as it is. A
    model's trained parser or senter segments sentences in place of our rules; without one (a
    rule-based `sentencizer`, or nothing) our rules set the sentences."""
    cfg = load_config(config, model_ents=model_ents, patterns=patterns, lexicons=lexicons)
    if model is None:
        nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
        nlp.initialize()
        return nlp
    try:
        nlp = spacy.load(model)
    except (OSError, ValueError) as exc:  # not installed, not a pipeline folder, damaged files
        raise ValueError(f"cannot load the model {model}: {exc}") from exc
    if nlp.lang != "de":
        raise ValueError(f"model {model!r} is for language {nlp.lang!r}, not German (de)")
    added = []
    for name in cfg["nlp"]["pipeline"]:
        if name in nlp.pipe_names:  # a saved pipeline with our components: as saved, but for model_ents
            if model_ents is not None and hasattr(nlp.get_pipe(name), "model_ents"):
                nlp.get_pipe(name).model_ents = model_ents
            continue
        settings = dict(cfg["components"][name])
        factory = settings.pop("factory")
        if name == "sentences":
            if nlp.has_pipe("parser") or nlp.has_pipe("senter"):
                continue  # a trained parser or senter segments better than our rules
            settings["overwrite"] = True  # a sentencizer splits at every period: "Dr. Merz", "am 3. Mai"
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
