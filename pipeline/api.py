"""The library in two calls: `pipeline.load()` gives the spaCy pipeline, `pipeline.extract(...)` the
tables (the same typed DataFrames as `load_tables`) for a text, texts, `Article`s or a DataFrame."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from spacy.language import Language

from .corpus import link_tables
from .engine import Settings, pipeline_for, process_article
from .reader import Article, Problem, duplicate, parse_article
from .schema import TABLES

if TYPE_CHECKING:
    import pandas as pd

def load(model: str | Path | None = None, config: str | Path | None = None, *, model_ents: str | None = None,
         patterns: Iterable[str | Path] = (), lexicons: Iterable[str | Path] = ()) -> Language:
    """The embedded default pipeline, or an installed German spaCy pipeline (name or path) with our
    components on top; built once per process and then reused (as the run's engines do). The
    options are those of `pipeline run`: `model_ents` keep|ignore|prefer, entity `patterns` files
    (JSONL) and `lexicons` files (TSV)."""
    return pipeline_for(Settings.of(model, config, model_ents=model_ents, patterns=patterns, lexicons=lexicons))


def extract(data: str | Iterable[str] | Iterable[Article] | pd.DataFrame, *, nlp: Language | None = None
            ) -> dict[str, pd.DataFrame]:
    """Every table for `data`: a text, a list of texts (ids "1", "2", …), `Article`s, or a DataFrame
    with `id` and `text` columns and an optional `date` column (YYYY-MM-DD or a date). A text may
    start with the article header `date YYYY-MM-DD`. Bad records are rows of `errors`."""
    rows = table_rows(nlp or load(), ((article, article.problems) for article in _articles(data)))
    return {name: table.frame(rows[name]) for name, table in TABLES.items()}


def table_rows(nlp: Language, entries: Iterable[tuple[Article | None, list[Problem]]]) -> dict[str, list[dict]]:
    """Rows (dicts) of every table for (article or None, problems) entries, in memory and without a
    cache; of two articles with the same id the first is kept, the second is an error row."""
    errors: list[dict] = []
    processed = []
    first_source: dict[str, str] = {}
    for article, problems in entries:
        if article is not None and article.article_id in first_source:
            problems, article = [duplicate(article, first_source[article.article_id])], None
        if article is None:
            errors.extend(problem._asdict() for problem in problems)
            continue
        first_source[article.article_id] = article.source
        processed.append(process_article(nlp, article, Settings().section_chars)[0])
    tuples: dict[str, list[tuple]] = {"articles": [], "errors": []}  # what the corpus step leaves as it is
    for article_rows in processed:
        for name in tuples:
            tuples[name].extend(article_rows.get(name, ()))
    tuples.update(link_tables(processed))
    rows = {name: [dict(zip(TABLES[name].column_names, row)) for row in tuples[name]] for name in TABLES}
    rows["errors"][:0] = errors
    return rows


def _articles(data) -> Iterable[Article]:
    if isinstance(data, str):
        yield parse_article(data, "1", "text")
        return
    if hasattr(data, "to_dict") and hasattr(data, "columns"):  # a DataFrame
        if not {"id", "text"} <= set(data.columns):
            raise ValueError("a DataFrame for extract() needs 'id' and 'text' columns (and may have 'date')")
        for record in data.to_dict("records"):
            yield _record(str(record["id"]), record["text"], record.get("date"))
        return
    for number, item in enumerate(data, 1):
        yield item if isinstance(item, Article) else parse_article(str(item), str(number), "text")


def _record(article_id: str, text: str, when) -> Article:
    article = parse_article(text, article_id, "dataframe")
    if when is not None and when == when:  # not missing (NaN is not equal to itself)
        try:
            article.date = when if isinstance(when, date) else date.fromisoformat(str(when)[:10])
            article.problems = [problem for problem in article.problems if problem.error != "no_date"]
        except ValueError:
            article.problems.append(Problem("dataframe", article_id, "bad_date", "warning",
                                            f"date {when!r} is not YYYY-MM-DD; date left empty"))
    return article


def speakers(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The speakers view of `corpus_entities`: every entity quoted at least once, most quoted first,
    with its quotes counted by type (direct, indirect, reported) and its first and last quote's date."""
    import pandas as pd

    quotes = tables["quotes"].dropna(subset=["speaker_key"]).merge(
        tables["articles"][["article_id", "date"]], on="article_id", how="left")
    by_type = pd.crosstab(quotes["speaker_key"], quotes["type"]).reindex(
        columns=["direct", "indirect", "reported"], fill_value=0)
    dates = quotes.groupby("speaker_key")["date"].agg(first_quote="min", last_quote="max")
    view = tables["corpus_entities"].set_index("entity_key").join(by_type, how="inner").join(dates)
    view = view.reset_index().sort_values(["n_quotes", "entity_key"], ascending=[False, True], ignore_index=True)
    return view.astype({kind: "Int64" for kind in ("direct", "indirect", "reported")})
