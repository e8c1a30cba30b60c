"""The single source of truth for every output table: column names, dtypes and meanings.

Writers build explicit pyarrow schemas from here, CSV readers take their pandas dtypes from here,
and `sort_keys` fixes the row order so outputs are stable across runs and machines.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyarrow as pa

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # one of the keys of _ARROW / _PANDAS
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    sort_keys: tuple[str, ...]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def arrow_schema(self) -> pa.Schema:
        return pa.schema(
            [pa.field(column.name, _ARROW[column.dtype], nullable=True, metadata={"description": column.description})
             for column in self.columns],
            metadata={"table": self.name, "description": self.description},
        )

    def frame(self, rows: list[dict]) -> pd.DataFrame:
        """Rows (dicts with exactly this table's columns) as a typed, stably sorted DataFrame."""
        import pandas as pd

        df = pd.DataFrame(rows, columns=self.column_names)
        df = coerce(df, self)
        return df.sort_values(list(self.sort_keys), kind="stable", ignore_index=True)


_ARROW = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}
_PANDAS = {"string": "string", "int": "Int64", "float": "Float64", "date": "datetime64[s]"}


def coerce(df: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Cast the columns of `df` to the table's pandas dtypes (nullable everywhere)."""
    import pandas as pd

    out = df.copy()
    for column in table.columns:
        if column.dtype == "date":
            out[column.name] = pd.to_datetime(out[column.name], errors="coerce").astype("datetime64[s]")
        else:
            out[column.name] = out[column.name].astype(_PANDAS[column.dtype])
    return out


ARTICLES = Table(
    "articles",
    "One row per article read.",
    (
        Column("article_id", "string", "File stem or the `id` of a JSON Lines record."),
        Column("source", "string", "Path of the file the article came from (JSON Lines: path:line)."),
        Column("date", "date", "Publication date from the `date YYYY-MM-DD` header; null if missing."),
        Column("lede", "string", "The lede: the text after the date on the first line."),
        Column("n_paragraphs", "int", "Paragraphs (blocks separated by blank lines), lede included."),
        Column("n_tokens", "int", "Tokens (spaCy, whitespace excluded)."),
        Column("n_sentences", "int", "Sentences (headings count as sentences)."),
        Column("n_mentions", "int", "Entity mentions found."),
        Column("n_quotes", "int", "Quotes found."),
        Column("sha256", "string", "SHA-256 of the article's raw bytes."),
    ),
    ("article_id", "source"),
)

MENTIONS = Table(
    "mentions",
    "Every mention of a person, place or organisation.",
    (
        Column("article_id", "string", "Article the mention is in."),
        Column("mention_id", "int", "Running number of the mention within its article, in text order."),
        Column("entity_id", "string", "Entity the mention belongs to (article_id:E<n>); join with entities."),
        Column("label", "string", "PER, LOC or ORG."),
        Column("text", "string", "The mention as written; raw[start_char:end_char] == text."),
        Column("start_char", "int", "Start offset (Python string index into the decoded file)."),
        Column("end_char", "int", "End offset (exclusive)."),
        Column("sentence_id", "int", "Sentence number within the article, from 0."),
        Column("method", "string", "Rule that found the mention (gazetteer, pattern, acronym, dateline, team, or a "
               "rule of the table in pipeline/components/entity_rules/classify.py: cue, first_name, apposition, ...)."),
        Column("entity_key", "string", "The entity across the corpus (see corpus_entities): the same for the same "
                                       "person, place or organisation in every article."),
    ),
    ("article_id", "start_char", "end_char", "label"),
)

ENTITIES = Table(
    "entities",
    "One row per distinct entity per article.",
    (
        Column("article_id", "string", "Article the entity is in."),
        Column("entity_id", "string", "Entity identifier (article_id:E<n>), unique across articles."),
        Column("name", "string", "Canonical name: the fullest form in the article or the gazetteer's name."),
        Column("label", "string", "PER, LOC or ORG."),
        Column("n_mentions", "int", "Number of mentions of the entity in the article."),
        Column("first_char", "int", "Start offset of the first mention."),
        Column("role", "string", "PER: the role the article gives the person ('Bundeskanzler', 'CDU-Politikerin', "
                                 "'Sprecherin'), as written; else null."),
        Column("org", "string", "PER: the organisation that role belongs to ('Sprecher der Polizei' -> Polizei), "
                                "or null."),
        Column("party", "string", "PER: the party ('Wadephul (CDU)', 'SPD-Chef'), or null."),
        Column("gender", "string", "PER: f or m only from evidence in the text (a feminine or masculine role form, a "
                                   "pronoun that refers to the person, a first name from the name list), all of it "
                                   "agreeing; unknown otherwise (the honest default); null for LOC and ORG."),
        Column("entity_key", "string", "The entity across the corpus: label and case-folded name ('PER:friedrich "
                                       "merz'), a gazetteer id for places and organisations; surnames, first names "
                                       "and acronyms merged into the one full name the corpus has for them "
                                       "(pipeline/corpus.py). Join with corpus_entities."),
    ),
    ("article_id", "first_char", "entity_id"),
)

QUOTES = Table(
    "quotes",
    "Quoted claims with their cue and speaker.",
    (
        Column("article_id", "string", "Article the quote is in."),
        Column("quote_id", "int", "Running number of the quote within its article, in text order."),
        Column("type", "string", "direct (in quotation marks), indirect (Konjunktiv, dass, laut...) or reported."),
        Column("text", "string", "The quoted content; raw[start_char:end_char] == text."),
        Column("start_char", "int", "Start offset of the quoted content."),
        Column("end_char", "int", "End offset (exclusive)."),
        Column("cue", "string", "Lemma of the cue (sagen, laut, zufolge, ...) or null."),
        Column("cue_text", "string", "The cue as written, or null."),
        Column("speaker", "string", "Canonical name of the speaker entity, or null when it could not be resolved."),
        Column("speaker_entity_id", "string", "Entity of the speaker (join with entities), or null."),
        Column("speaker_text", "string", "Speaker as written locally: a name, 'er', 'der CDU-Politiker'."),
        Column("speaker_start_char", "int", "Start offset of speaker_text, or null."),
        Column("speaker_end_char", "int", "End offset of speaker_text, or null."),
        Column("method", "string", "How the speaker was found (same_sentence, carry_over, pronoun, ...)."),
        Column("sentence_id", "int", "Sentence in which the quote starts."),
        Column("speaker_role", "string", "The speaker's role as written ('Bundeskanzler', 'Sprecherin'): the "
                                         "entity's role (see entities.role) or the role in a description "
                                         "('ein Sprecher der Polizei'); null if none is written."),
        Column("speaker_org", "string", "The organisation of that role ('Polizei', 'Innenministerium'), or null."),
        Column("speaker_party", "string", "The speaker's party ('CDU'), or null."),
        Column("speaker_gender", "string", "f, m or unknown, from evidence in the text only (see entities.gender); "
                                           "null when there is no speaker or it is a place or organisation."),
        Column("speaker_key", "string", "entity_key of the speaker entity, or null."),
        Column("quote_group", "string", "Quotes of the same speaker key with the same text (case, spacing and the "
                                        "punctuation at its ends aside) share it, across articles; null without a "
                                        "speaker entity."),
    ),
    ("article_id", "start_char", "end_char"),
)

CORPUS_ENTITIES = Table(
    "corpus_entities",
    "One row per person, place and organisation across the corpus (entity_key), after the run.",
    (
        Column("entity_key", "string", "The corpus key (entities.entity_key)."),
        Column("label", "string", "PER, LOC or ORG."),
        Column("name", "string", "Display name: the name its key was made from when an article writes it "
                                 "('Bundestag', not 'Deutschen Bundestages'), else the fullest, then the commonest."),
        Column("aliases", "string", "Every name it has in the articles with the number of articles: "
                                    "'Vereinigte Staaten (12); USA (18)', commonest first."),
        Column("n_articles", "int", "Articles it is named in."),
        Column("n_mentions", "int", "Mentions in all articles."),
        Column("n_quotes", "int", "Quotes attributed to it (quotes.speaker_key)."),
        Column("first_date", "date", "Date of the first article naming it (null if none is dated)."),
        Column("last_date", "date", "Date of the last article naming it."),
        Column("role", "string", "PER: the commonest role the articles give (entities.role), or null."),
        Column("org", "string", "PER: the commonest organisation of that role, or null."),
        Column("party", "string", "PER: the commonest party, or null."),
        Column("gender", "string", "PER: f or m when every article with evidence says so, unknown otherwise; "
                                   "null for LOC and ORG."),
    ),
    ("entity_key",),
)

ERRORS = Table(
    "errors",
    "Problems met while reading or processing; the run goes on.",
    (
        Column("source", "string", "File (or file:line) concerned."),
        Column("article_id", "string", "Article concerned, if known."),
        Column("error", "string", "Kind of problem (unreadable, not_utf8, empty, no_date, processing, ...)."),
        Column("severity", "string", "warning (article processed) or error (article skipped)."),
        Column("message", "string", "What happened, in plain words."),
    ),
    ("source", "article_id", "error"),
)

# Written by `pipeline diff`, not by a run; so not in TABLES.
CHANGES = Table(
    "changes",
    "One row per changed field of an extraction that was added, removed or changed between two runs.",
    (
        Column("article_id", "string", "Article concerned (null for corpus_entities)."),
        Column("table", "string", "articles, mentions, entities, quotes or corpus_entities."),
        Column("change", "string", "added (only in the new run), removed (only in the old run) or changed."),
        Column("start_char", "int", "Key of mentions and quotes: start offset of the span."),
        Column("end_char", "int", "Key of mentions and quotes: end offset of the span."),
        Column("name", "string", "Key of entities: canonical name."),
        Column("label", "string", "Key of entities: PER, LOC or ORG."),
        Column("entity_key", "string", "Key of corpus_entities: the corpus key (article_id is null there)."),
        Column("text", "string", "Mentions and quotes: the span as written (new run if present)."),
        Column("field", "string", "Compared column (mentions: `entity` is the canonical name of the entity)."),
        Column("old", "string", "Value in the old run as text; null when added or missing."),
        Column("new", "string", "Value in the new run as text; null when removed or missing."),
    ),
    ("article_id",),
)

TABLES: dict[str, Table] = {table.name: table
                             for table in (ARTICLES, MENTIONS, ENTITIES, QUOTES, CORPUS_ENTITIES, ERRORS)}
