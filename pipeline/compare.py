"""Compare the tables of two runs: pure functions from DataFrames to one tidy `changes` table.

Rows are matched on article and span (mentions, quotes) or on article and canonical name (entities),
never on mention or entity ids: those are running numbers that shift when an extraction is added.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import pandas as pd

from .schema import CHANGES, coerce

CHANGE_KINDS = ("added", "removed", "changed")


@dataclass(frozen=True)
class Comparison:
    """How one table is compared: the columns that identify a row and the ones whose values count."""
    table: str
    keys: tuple[str, ...]
    fields: tuple[str, ...]
    context: tuple[str, ...] = ()  # shown to readers, not compared


COMPARISONS = (
    Comparison("articles", ("article_id",), ("date", "sha256")),
    Comparison("mentions", ("article_id", "start_char", "end_char"), ("label", "entity", "entity_key"), ("text",)),
    Comparison("entities", ("article_id", "name", "label"), ("n_mentions", "entity_key", "role", "org", "party",
                                                             "gender")),
    Comparison("quotes", ("article_id", "start_char", "end_char"),
               ("type", "speaker", "cue", "speaker_text", "speaker_key", "speaker_role", "speaker_org",
                "speaker_party", "speaker_gender"), ("text",)),
    Comparison("corpus_entities", ("entity_key",), ("label", "name", "aliases", "n_articles", "n_mentions", "n_quotes",
                                                    "first_date", "last_date", "role", "org", "party", "gender")),
)



def _plain(values: pd.Series) -> pd.Series:
    """Values as text so that ints, dates and strings compare and print alike."""
    if pd.api.types.is_datetime64_any_dtype(values):
        text = values.dt.strftime("%Y-%m-%d")
    else:
        text = values.astype(object).map(str)
    return text.where(values.notna()).astype("string")


def with_entity_names(mentions: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """Mentions with an `entity` column: the canonical name of their entity (ids are not comparable)."""
    names = entities[["entity_id", "name"]].drop_duplicates("entity_id").rename(columns={"name": "entity"})
    return mentions.merge(names, on="entity_id", how="left")


def diff_table(old: pd.DataFrame, new: pd.DataFrame, comparison: Comparison) -> pd.DataFrame:
    """Changes of one table, in the columns of CHANGES, ordered by key and then by field."""
    keys, fields, context = list(comparison.keys), list(comparison.fields), list(comparison.context)

    def keyed(df: pd.DataFrame) -> pd.DataFrame:
        df = df[keys + context + fields].copy()
        for column in fields + context:
            df[column] = _plain(df[column])
        df["occurrence"] = df.groupby(keys, dropna=False, sort=False).cumcount()  # duplicate keys pair in order
        return df

    merged = keyed(old).merge(keyed(new), on=keys + ["occurrence"], how="outer",
                              suffixes=("_old", "_new"), indicator=True)
    merged = merged.sort_values(keys + ["occurrence"], kind="stable", ignore_index=True)
    change = merged["_merge"].map({"left_only": "removed", "right_only": "added", "both": "changed"})
    parts = []
    for field in fields:
        old_values, new_values = merged[f"{field}_old"], merged[f"{field}_new"]
        differs = (old_values.fillna("\0") != new_values.fillna("\0")).astype(bool)
        part = merged[keys + ["occurrence"]].assign(table=comparison.table, change=change, field=field,
                                                    old=old_values, new=new_values)
        for column in context:
            part[column] = merged[f"{column}_new"].fillna(merged[f"{column}_old"])
        parts.append(part[differs])  # an added or removed row lists the fields it has a value in
    rows = pd.concat(parts, ignore_index=True).sort_values(keys + ["occurrence"], kind="stable")
    return _changes_frame(rows)


def _changes_frame(rows: pd.DataFrame) -> pd.DataFrame:
    df = rows.reindex(columns=CHANGES.column_names)
    return coerce(df, CHANGES).reset_index(drop=True)


def diff_tables(old: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """All changes between two runs (dicts of tables as from `load_tables`), grouped by article."""
    old = {**old, "mentions": with_entity_names(old["mentions"], old["entities"])}
    new = {**new, "mentions": with_entity_names(new["mentions"], new["entities"])}
    parts = [diff_table(old[comparison.table], new[comparison.table], comparison) for comparison in COMPARISONS]
    changes = pd.concat(parts, ignore_index=True)
    return _changes_frame(changes.sort_values("article_id", kind="stable"))


# one extraction's change
ITEM = ["article_id", "table", "change", "start_char", "end_char", "name", "label", "entity_key"]


def _items(changes: pd.DataFrame) -> pd.DataFrame:
    """One row per changed extraction (a change spans one row per field)."""
    return changes.drop_duplicates(ITEM)[ITEM]


def counts(changes: pd.DataFrame) -> pd.DataFrame:
    """Number of added, removed and changed extractions per table (tables without changes omitted)."""
    order = [comparison.table for comparison in COMPARISONS]
    table = _items(changes).groupby(["table", "change"]).size().unstack(fill_value=0)
    table = table.reindex(index=[name for name in order if name in table.index],
                          columns=list(CHANGE_KINDS), fill_value=0)
    return table.rename_axis(index="table", columns=None)


def _short(value, width: int = 60) -> str:
    text = "-" if pd.isna(value) else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def describe(changes: pd.DataFrame, limit: int = 10) -> list[str]:
    """Readable lines for the first `limit` changed extractions: where, what, and old -> new per field."""
    lines = []
    groups = changes.groupby(ITEM, dropna=False, sort=False)
    for (article_id, table, change, start, end, name, label, entity_key), rows in islice(groups, limit):
        if pd.notna(start):
            where = f"[{start}:{end}] {_short(rows['text'].iloc[0], 40)!r}"
        elif pd.notna(name):
            where = f"{name} ({label})"
        elif pd.notna(entity_key):
            where = entity_key
        else:
            where = ""
        if change == "changed":
            values = [f"{row.field}: {_short(row.old)} -> {_short(row.new)}" for row in rows.itertuples()]
        else:
            values = [f"{row.field}={_short(row.new if change == 'added' else row.old)}" for row in rows.itertuples()]
        place = "corpus" if pd.isna(article_id) else article_id
        lines.append(f"{place}  {table} {change}: " + "  ".join(filter(None, [where, ", ".join(values)])))
    return lines


def summary(changes: pd.DataFrame, limit: int = 10) -> str:
    """Short human summary: counts per table and kind of change, then the first changes."""
    if changes.empty:
        return "No differences."
    items = _items(changes)
    articles = items["article_id"].dropna().unique()
    lines = [f"Differences in {len(articles)} article(s): {', '.join(map(str, articles[:5]))}"
             + (", ..." if len(articles) > 5 else "")]
    for table, row in counts(changes).iterrows():
        lines.append(f"  {table}: " + ", ".join(f"{row[k]} {k}" for k in CHANGE_KINDS if row[k]))
    shown = describe(changes, limit)
    lines.append(f"First {len(shown)} of {len(items)} changes:" if len(items) > len(shown) else "Changes:")
    lines.extend(f"  {line}" for line in shown)
    return "\n".join(lines)
