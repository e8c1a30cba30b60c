"""Write tables as Parquet and CSV (atomically) and read them back as typed DataFrames."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .schema import TABLES, Table, coerce

FORMATS = ("parquet", "csv")


def _atomic_write(target: Path, write) -> None:
    """Write through a temporary file in the same folder, then rename: readers never see half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_arrow(df: pd.DataFrame, table: Table) -> pa.Table:
    columns = {}
    for column in table.columns:
        values = df[column.name]
        if column.dtype == "date":
            values = values.dt.date
        columns[column.name] = pa.array(values.astype(object).where(values.notna(), None),
                                        type=table.arrow_schema().field(column.name).type)
    return pa.Table.from_pydict(columns, schema=table.arrow_schema())


def write_table(df: pd.DataFrame, table: Table, out_dir: Path, formats=FORMATS) -> None:
    out_dir = Path(out_dir)
    if "parquet" in formats:
        _atomic_write(out_dir / f"{table.name}.parquet", lambda p: pq.write_table(to_arrow(df, table), p))
    if "csv" in formats:
        csv = df.copy()
        for column in table.columns:
            if column.dtype == "date":
                csv[column.name] = csv[column.name].dt.strftime("%Y-%m-%d")
        _atomic_write(out_dir / f"{table.name}.csv", lambda p: csv.to_csv(p, index=False, encoding="utf-8"))


def write_tables(frames: dict[str, pd.DataFrame], out_dir: str | Path, formats=FORMATS) -> None:
    for name, df in frames.items():
        write_table(df, TABLES[name], Path(out_dir), formats)


def read_table(path: str | Path, name: str) -> pd.DataFrame:
    """One table from an output folder, typed by the schema (Parquet preferred, CSV otherwise)."""
    table, folder = TABLES[name], Path(path)
    parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
    if parquet.exists():
        df = pq.read_table(parquet).to_pandas()
    elif csv.exists():
        dtypes = {c.name: "string" for c in table.columns if c.dtype == "string"}
        df = pd.read_csv(csv, dtype=dtypes, keep_default_na=False, na_values=[""])
    else:
        raise FileNotFoundError(f"no {name}.parquet or {name}.csv in {folder}")
    return coerce(df[table.column_names], table)


def load_tables(path: str | Path) -> dict[str, pd.DataFrame]:
    """All tables of an output folder as typed DataFrames, keyed by table name."""
    return {name: read_table(path, name) for name in TABLES}
