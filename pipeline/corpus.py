"""Corpus identities: one `entity_key` per real-world person, place and organisation across
articles, the `corpus_entities` table (one row per key) and quote groups.

Every article's entities come with a local key from the linker: the label and the entity's
linking name, case-folded ("PER:friedrich merz"; a gazetteer entry's id for places and
organisations, so "USA" and "Vereinigte Staaten" are both "LOC:vereinigte staaten"). A key is
readable and does not depend on which other articles are in the corpus, so it stays the same when
articles are added. Across the corpus, two kinds of local key are then merged into another:

- a person named only by surname ("Merz", "von der Leyen") takes the key of the one person in the
  corpus whose full name ends with it and who is named within HALF_A_YEAR days of the article (when
  both have dates); with none or with two such people ("Anja Merz" and "Friedrich Merz") it keeps
  its own key. A lone first name is linked the same way ("Thaksin" -> Thaksin Shinawatra) unless it
  is in the first-name list: "Friedrich" or "Rita" alone names no one in particular (a hand check
  found a TV character, a hurricane and rescue helicopters merged into people that way);
- an acronym ("ORG:dgb") that some article introduced with its full name ("Deutscher
  Gewerkschaftsbund (DGB)", linked within that article) takes the full name's key, if the corpus
  pairs it with exactly one.

So a key changes only where new articles bring the evidence for such a merge (or make a merge
ambiguous). Quotes with the same speaker key and the same text (case, spacing and the
punctuation at its ends aside) share a `quote_group`, so a claim repeated across outlets counts once:
"G" and the first 12 hex digits of the SHA-1 of the speaker key, a NUL and the quote's words.

The step is SQL run by DuckDB over the articles' rows as they were written with local keys
(`Staging`: Parquet files for `pipeline run`, Arrow tables in memory for `pipeline.extract`), so
its memory is bounded by DuckDB's MEMORY_LIMIT however many articles and keys there are: joins,
aggregates and sorts beyond it spill to a temporary folder.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from .german import NAME_PARTICLES
from .lexicon import DATA_DIR, DataFiles
from .schema import TABLES

HALF_A_YEAR = 183  # days
ACRONYM = "[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,7}"  # a whole mention in capitals: "DGB", "IG BCE" is no acronym
EDGE_PUNCTUATION = " \t\n.,;:!?\"'„“”«»‚‘’()-–—…"
MEMORY_LIMIT = "128MB"  # DuckDB spills to disk beyond this, so the corpus step's memory grows little
LINKED = ("entities", "mentions", "quotes", "corpus_entities")  # the tables the step writes
Rows = dict[str, list[tuple]]

# What is staged of each table: its columns (articles: only what linking needs), then the staging
# order `_seq` (so equal sort keys keep their order), then values computed in Python
STAGED = {
    "articles": ["article_id", "date"],
    "entities": TABLES["entities"].column_names,
    "mentions": TABLES["mentions"].column_names,
    "quotes": TABLES["quotes"].column_names,
}
_NAME, _TEXT = TABLES["entities"].column_names.index("name"), TABLES["quotes"].column_names.index("text")
EXTRA = {
    # a name as keys fold it, and its words as Python counts them: the display name of a key is the
    # name it was made from ("Bundestag", not "Deutschen Bundestages"), else the fullest
    "entities": [("_folded", pa.string(), lambda row: " ".join(row[_NAME].casefold().split())),
                 ("_name_words", pa.int64(), lambda row: len(row[_NAME].split()))],
    # a quote's words as quote groups compare them: case, spacing and end punctuation aside
    "quotes": [("_words", pa.string(),
                lambda row: " ".join((row[_TEXT] or "").casefold().strip(EDGE_PUNCTUATION).split()))],
}


def local_key(label: str, name: str) -> str:
    """The key an entity has from its article alone: "PER:friedrich merz"."""
    return f"{label}:{' '.join(name.casefold().split())}"


class Staging:
    """The articles' rows with their local keys, added article by article in the order the tables
    are sorted in, kept as Parquet files in `folder` (or, without one, as Arrow tables in memory)."""

    def __init__(self, folder: Path | None = None, group_rows: int = 5_000):
        self.folder, self.group_rows = folder, group_rows
        self.seq = 0
        self.buffers: dict[str, list[tuple]] = {name: [] for name in STAGED}
        self.batches: dict[str, list[pa.RecordBatch]] = {name: [] for name in STAGED}
        self.schemas = {name: _staged_schema(name) for name in STAGED}
        self.writers = {name: pq.ParquetWriter(folder / f"{name}.parquet", schema)
                        for name, schema in self.schemas.items()} if folder else {}
        self.positions = {name: [TABLES[name].column_names.index(column) for column in columns]
                          for name, columns in STAGED.items()}

    def add(self, rows: Rows) -> None:
        for name, positions in self.positions.items():
            buffer = self.buffers[name]
            for row in rows.get(name, ()):
                self.seq += 1
                extra = (value(row) for _, _, value in EXTRA.get(name, ()))
                buffer.append((*(row[i] for i in positions), self.seq, *extra))
            if len(buffer) >= self.group_rows:
                self._flush(name)

    def _flush(self, name: str) -> None:
        buffer, schema = self.buffers[name], self.schemas[name]
        if not buffer:
            return
        batch = pa.RecordBatch.from_arrays([pa.array(values, type=field.type) for values, field
                                            in zip(zip(*buffer), schema)], schema=schema)
        self.buffers[name] = []
        if self.writers:
            self.writers[name].write_batch(batch)
        else:
            self.batches[name].append(batch)

    def close(self) -> None:
        for name in STAGED:
            self._flush(name)
        for writer in self.writers.values():
            writer.close()

    def sources(self) -> dict[str, object]:
        """Each staged table as DuckDB reads it: a Parquet path or an Arrow table."""
        if self.folder:
            return {name: str(self.folder / f"{name}.parquet") for name in STAGED}
        return {name: pa.Table.from_batches(self.batches[name], schema=self.schemas[name]) for name in STAGED}


def _staged_schema(name: str) -> pa.Schema:
    schema = TABLES[name].arrow_schema()
    fields = [schema.field(column).remove_metadata() for column in STAGED[name]]
    fields.append(pa.field("_seq", pa.int64()))
    return pa.schema(fields + [pa.field(column, type_) for column, type_, _ in EXTRA.get(name, ())])


# The link tables, in order: small (one row per name, not per mention), so DuckDB keeps them in
# memory while the article rows stream past them
LINKS = {
    # people named in full (two words or more, not opening with a name particle) and when
    "people": """
        SELECT local_key AS key, any_value(words) AS words, min(date) AS first_date, max(date) AS last_date
        FROM dated
        WHERE local_key LIKE 'PER:%' AND len(words) > 1 AND words[1] NOT IN (SELECT word FROM particles)
        GROUP BY local_key""",
    # a surname ("merz", "von der leyen") or a lone first name takes the key of the one person it
    # may stand for near its date, unless only a common first name points to them
    "person_links": f"""
        WITH short_names AS (
            SELECT DISTINCT local_key, date, words FROM dated
            WHERE local_key LIKE 'PER:%' AND (len(words) = 1 OR words[1] IN (SELECT word FROM particles))),
        candidates AS (
            SELECT s.local_key, s.date, s.words, p.key, p.first_date, p.last_date, FALSE AS by_first_name
            FROM short_names s JOIN people p ON p.words[-1] = s.words[-1]
            WHERE len(p.words) >= len(s.words) AND p.words[-len(s.words):] = s.words
            UNION ALL
            SELECT s.local_key, s.date, s.words, p.key, p.first_date, p.last_date, TRUE
            FROM short_names s JOIN people p ON p.words[1] = s.words[1]
            WHERE len(s.words) = 1),
        fits AS (
            SELECT local_key, date, key, any_value(words) AS words, bool_or(by_first_name) AS by_first_name
            FROM candidates
            WHERE date IS NULL OR first_date IS NULL
                  OR date BETWEEN first_date - {HALF_A_YEAR} AND last_date + {HALF_A_YEAR}
            GROUP BY local_key, date, key)
        SELECT local_key, date, any_value(key) AS corpus_key FROM fits
        GROUP BY local_key, date
        HAVING count(*) = 1
           AND NOT (any_value(by_first_name) AND any_value(words)[1] IN (SELECT name FROM common_first_names))""",
    # acronyms that articles introduced with exactly one full name ("Deutscher Gewerkschaftsbund (DGB)")
    "acronym_links": f"""
        SELECT acronym AS local_key, any_value(full_key) AS corpus_key FROM (
            SELECT DISTINCT label || ':' || lower(text) AS acronym, entity_key AS full_key
            FROM staged_mentions
            WHERE label <> 'PER' AND entity_key IS NOT NULL AND regexp_full_match(text, '{ACRONYM}')
                  AND label || ':' || lower(text) <> entity_key)
        GROUP BY acronym HAVING count(*) = 1""",
}

# every entity row with its article's date and the words of its local key
DATED = """
    SELECT e.entity_key AS local_key, a.date,
           string_split(substr(e.entity_key, strpos(e.entity_key, ':') + 1), ' ') AS words
    FROM staged_entities e LEFT JOIN staged_articles a USING (article_id)"""


def _keyed(table: str, key: str) -> str:
    """The staged rows of `table` with their article's `date` and `corpus_key`: the corpus key of
    their local key in column `key` (null where that is null)."""
    return f"""
        SELECT r.*, d.date,
               CASE WHEN r.{key} IS NOT NULL THEN coalesce(p.corpus_key, a.corpus_key, r.{key}) END AS corpus_key
        FROM staged_{table} r
        LEFT JOIN staged_articles d USING (article_id)
        LEFT JOIN person_links p ON p.local_key = r.{key} AND p.date IS NOT DISTINCT FROM d.date
        LEFT JOIN acronym_links a ON a.local_key = r.{key}"""


PROFILE = ("role", "org", "party")  # who a person is: corpus_entities gives the commonest of each

# The linked tables, each with its staging order `_seq` (a tie-breaker for equal sort keys)
OUTPUTS = {
    "entities": f"SELECT * REPLACE (corpus_key AS entity_key) FROM ({_keyed('entities', 'entity_key')})",
    "mentions": f"SELECT * REPLACE (corpus_key AS entity_key) FROM ({_keyed('mentions', 'entity_key')})",
    "quotes": f"""
        SELECT * REPLACE (corpus_key AS speaker_key,
                          CASE WHEN corpus_key <> '' THEN 'G' || sha1(corpus_key || chr(0) || _words)[1:12] END
                          AS quote_group)
        FROM ({_keyed('quotes', 'speaker_key')})""",
    "corpus_entities": f"""
        WITH named AS ({_keyed('entities', 'entity_key')}),
        names AS (
            SELECT corpus_key, name, count(*) AS n, any_value(_name_words) AS words,
                   bool_or(label || ':' || _folded = corpus_key) AS made_key
            FROM named GROUP BY corpus_key, name),
        named_as AS (
            SELECT corpus_key,
                   -- the name the key was made from, else the fullest; then the commonest, the last in order
                   first(name ORDER BY made_key DESC, words DESC, n DESC, name DESC) AS name,
                   string_agg(name || ' (' || n || ')', '; ' ORDER BY n DESC, name) AS aliases  -- commonest first
            FROM names GROUP BY corpus_key),
        counted AS ({" UNION ALL ".join(f"SELECT corpus_key, '{column}' AS kind, {column} AS value, count(*) AS n "
                                        f"FROM named WHERE {column} <> '' GROUP BY ALL" for column in PROFILE)}),
        commonest AS (  -- of each of role, org and party: the commonest value, the first in order among equals
            SELECT corpus_key, {", ".join(f"first(value ORDER BY n DESC, value) FILTER (WHERE kind = '{column}') "
                                          f"AS {column}" for column in PROFILE)}
            FROM counted GROUP BY corpus_key),
        quoted AS (
            SELECT corpus_key, count(*) AS n FROM ({_keyed('quotes', 'speaker_key')})
            WHERE corpus_key IS NOT NULL GROUP BY corpus_key),
        totals AS (
            SELECT corpus_key, first(label ORDER BY _seq) AS label, count(*) AS n_articles,
                   sum(n_mentions) AS n_mentions,
                   min(date) AS first_date, max(date) AS last_date,
                   count(DISTINCT gender) FILTER (WHERE gender IN ('f', 'm')) AS genders,
                   min(gender) FILTER (WHERE gender IN ('f', 'm')) AS gender
            FROM named GROUP BY corpus_key)
        SELECT corpus_key AS entity_key, label, named_as.name, named_as.aliases, n_articles, n_mentions,
               coalesce(quoted.n, 0) AS n_quotes, first_date, last_date, {", ".join(PROFILE)},
               CASE WHEN genders = 1 THEN gender WHEN label = 'PER' THEN 'unknown' END AS gender, 0 AS _seq
        FROM totals JOIN named_as USING (corpus_key) LEFT JOIN quoted USING (corpus_key)
        LEFT JOIN commonest USING (corpus_key)""",
}


class CorpusLinker:
    """The corpus step over staged rows: DuckDB tables of every step, then each linked table in
    order (`batches`) and the keys an earlier run used that this one no longer does (`gone`)."""

    def __init__(self, staging: Staging, spill_dir: Path | None = None):
        if spill_dir:
            self.db = _with_word_lists(duckdb.connect(config={"memory_limit": MEMORY_LIMIT,
                                                             "temp_directory": str(spill_dir)}))
        else:
            self.db = _memory_database(os.getpid()).cursor()  # a cursor has temporary tables of its own
        for name, source in staging.sources().items():
            if isinstance(source, str):
                self.db.read_parquet(source).create_view(f"staged_{name}")
            else:
                self.db.register(f"staged_{name}", source)
        self.db.execute(f"CREATE TEMP VIEW dated AS {DATED}")
        for name, query in LINKS.items():
            self.db.execute(f"CREATE TEMP TABLE {name} AS {query}")

    def batches(self, name: str, rows: int = 5_000) -> Iterator[pa.RecordBatch]:
        """The linked table `name` in its columns and sort order, typed as the schema says."""
        table = TABLES[name]
        order = ", ".join([f'"{key}" ASC NULLS LAST' for key in table.sort_keys] + ["_seq"])
        columns = ", ".join(f'"{column}"' for column in table.column_names)
        reader = self.db.sql(f"SELECT {columns} FROM ({OUTPUTS[name]}) ORDER BY {order}").to_arrow_reader(rows)
        schema = table.arrow_schema()
        for batch in reader:
            yield batch.cast(schema)

    def rows(self, name: str) -> list[tuple]:
        """The linked table as row tuples (for tables held in memory)."""
        data = pa.Table.from_batches(list(self.batches(name)), schema=TABLES[name].arrow_schema())
        return list(zip(*(column.to_pylist() for column in data.columns)))

    def gone(self, earlier: str) -> list[tuple[str, list[str]]]:
        """Keys of the corpus_entities table in the Parquet file `earlier` (an earlier run's) that this
        run no longer uses, each with the keys it was merged into here (none: no article names it)."""
        return [(key, list(targets)) for key, targets in self.db.execute(f"""
            WITH keyed AS ({_keyed('entities', 'entity_key')})
            SELECT old.entity_key,
                   coalesce(list(DISTINCT keyed.corpus_key ORDER BY keyed.corpus_key)
                            FILTER (WHERE keyed.corpus_key IS NOT NULL), [])
            FROM (SELECT DISTINCT entity_key FROM read_parquet(?)) old
            LEFT JOIN keyed ON keyed.entity_key = old.entity_key
            WHERE old.entity_key NOT IN (SELECT corpus_key FROM keyed)
            GROUP BY old.entity_key ORDER BY old.entity_key""", [earlier]).fetchall()]

    def close(self) -> None:
        self.db.close()


@lru_cache(maxsize=1)
def _memory_database(pid: int) -> duckdb.DuckDBPyConnection:
    """This process's in-memory database for rows held in memory (a connection costs tens of
    milliseconds; a cursor of it almost nothing). By process: a forked child must not share it."""
    return _with_word_lists(duckdb.connect(config={"memory_limit": MEMORY_LIMIT}))


def _with_word_lists(db: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The database with the name particles and the common first names the links need (as list
    parameters: registering an Arrow table would import pandas, a quarter of a second)."""
    db.execute("CREATE TABLE particles AS SELECT unnest(?::VARCHAR[]) AS word", [sorted(NAME_PARTICLES)])
    db.execute("CREATE TABLE common_first_names AS SELECT unnest(?::VARCHAR[]) AS name", [common_first_names()])
    return db


@lru_cache(maxsize=1)
def common_first_names() -> list[str]:
    """The first-name list, case-folded: such a name alone ("Friedrich", "Rita", "Christoph 29", a
    helicopter) names no one in particular, so only a rarer one is linked to a full name ("Thaksin")."""
    return sorted({name.casefold() for name, in DataFiles.from_dirs(DATA_DIR, ["first_names.tsv"]).columns(
        "first_names.tsv", "name")})


def link_tables(articles_rows: list[Rows]) -> dict[str, list[tuple]]:
    """The corpus step over rows held in memory (`pipeline.extract`, the test fixture): every linked
    table as row tuples in order."""
    staging = Staging()
    for rows in articles_rows:
        staging.add(rows)
    staging.close()
    linker = CorpusLinker(staging)
    try:
        return {name: linker.rows(name) for name in LINKED}
    finally:
        linker.close()
