"""Write tables as Parquet and CSV (streamed, then replaced atomically) and read them back as typed DataFrames."""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from .schema import TABLES, Table, coerce

FORMATS = ("parquet", "csv")
TEMP_SUFFIX = ".tmp"


def to_arrow(df: pd.DataFrame, table: Table) -> pa.Table:
    columns = {}
    for column in table.columns:
        values = df[column.name]
        if column.dtype == "date":
            values = values.dt.date
        columns[column.name] = values.astype(object).where(values.notna(), None)
    return pa.Table.from_pydict(columns, schema=table.arrow_schema())


def rows_to_arrow(rows: list[tuple], table: Table) -> pa.Table:
    """Row tuples in column order (Python str, int, datetime.date or None) as an Arrow table."""
    schema = table.arrow_schema()
    columns = list(zip(*rows)) if rows else [()] * len(schema)
    return pa.Table.from_arrays([pa.array(values, type=field.type) for values, field in zip(columns, schema)],
                                schema=schema)


# Strings are always quoted, so an empty string ("") and a missing value (nothing) stay apart
CSV_WRITE = pa_csv.WriteOptions(quoting_style="needed")


class TableWriter:
    """Streams one table into temporary files next to its targets, Parquet one row group per
    `group_rows` rows and CSV appended; `writing_tables` renames them into place, so a reader sees
    the previous complete file until then, never half a file. Memory holds at most one row group."""

    def __init__(self, table: Table, out_dir: Path, formats=FORMATS, group_rows: int = 5_000):
        self.table, self.group_rows = table, group_rows
        self.buffer: list[tuple] = []
        self.rows = 0
        self.files = {}  # format -> (temporary path, target path)
        for fmt in formats:
            target = Path(out_dir) / f"{table.name}.{fmt}"
            # not mkstemp: its files are private (0600), the tables get the usual permissions
            tmp = target.with_name(f".{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}{TEMP_SUFFIX}")
            self.files[fmt] = (tmp, target)
        schema = table.arrow_schema()
        self.parquet = pq.ParquetWriter(self.files["parquet"][0], schema) if "parquet" in formats else None
        self.csv = pa_csv.CSVWriter(self.files["csv"][0], schema, write_options=CSV_WRITE) if "csv" in formats else None

    def add(self, rows: list[tuple]) -> None:
        """Rows as tuples in column order, already in their final order."""
        self.buffer.extend(rows)
        if len(self.buffer) >= self.group_rows:
            self.flush()

    def write_frame(self, df: pd.DataFrame) -> None:
        self.write_arrow(to_arrow(df, self.table))

    def write_arrow(self, data: pa.Table) -> None:
        if data.num_rows == 0:
            return
        self.rows += data.num_rows
        for writer in (self.parquet, self.csv):
            if writer:
                writer.write_table(data)

    def flush(self) -> None:
        if self.buffer:
            data = rows_to_arrow(self.buffer, self.table)
            self.buffer = []
            self.write_arrow(data)

    def close(self) -> None:
        self.flush()
        for handle in (self.parquet, self.csv):
            if handle:
                handle.close()

    def discard(self) -> None:
        for handle in (self.parquet, self.csv):
            if handle:
                handle.close()
        for tmp, _ in self.files.values():
            tmp.unlink(missing_ok=True)


@contextmanager
def writing_tables(out_dir: str | Path, tables: Iterable[Table] = TABLES.values(),
                   formats=FORMATS) -> Iterator[dict[str, TableWriter]]:
    """Writers for all tables; on success every table is renamed into place at the end (one rename
    each, a fraction of a millisecond apart), on failure the temporary files are removed."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    writers: dict[str, TableWriter] = {}
    try:
        for table in tables:
            writers[table.name] = TableWriter(table, out_dir, formats)
        yield writers
        for writer in writers.values():
            writer.close()
    except BaseException:
        for writer in writers.values():
            writer.discard()
        raise
    for writer in writers.values():
        for tmp, target in writer.files.values():
            os.replace(tmp, target)


def remove_stale_temporaries(out_dir: str | Path) -> None:
    """Temporary files left by a run that was killed while writing."""
    for name in TABLES:
        for path in Path(out_dir).glob(f".{name}.*{TEMP_SUFFIX}"):
            path.unlink(missing_ok=True)


def write_table(df: pd.DataFrame, table: Table, out_dir: str | Path, formats=FORMATS) -> None:
    with writing_tables(out_dir, [table], formats) as writers:
        writers[table.name].write_frame(df)


def write_tables(frames: dict[str, pd.DataFrame], out_dir: str | Path, formats=FORMATS) -> None:
    with writing_tables(out_dir, [TABLES[name] for name in frames], formats) as writers:
        for name, df in frames.items():
            writers[name].write_frame(df)


def read_table(path: str | Path, name: str) -> pd.DataFrame:
    """One table from an output folder, typed by the schema (Parquet preferred, CSV otherwise)."""
    table, folder = TABLES[name], Path(path)
    parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
    if parquet.exists():
        df = pq.read_table(parquet).to_pandas()
    elif csv.exists():
        schema = table.arrow_schema()
        convert = pa_csv.ConvertOptions(column_types=schema, strings_can_be_null=True,
                                        quoted_strings_can_be_null=False, include_columns=schema.names)
        df = pa_csv.read_csv(csv, convert_options=convert).to_pandas()
    else:
        raise FileNotFoundError(f"no {name}.parquet or {name}.csv in {folder}")
    return coerce(df[table.column_names], table)


def load_tables(path: str | Path) -> dict[str, pd.DataFrame]:
    """All tables of an output folder as typed DataFrames, keyed by table name."""
    return {name: read_table(path, name) for name in TABLES}
