"""Write tables as Parquet and CSV (streamed, then replaced atomically) and read them back as typed DataFrames.

The tables of one run are one set: each file is renamed into place when every table is complete,
and `manifest.json`, written last, names the run and the rows and bytes of every file (the Parquet
files carry the run id in their schema metadata too). `read_table` and `load_tables` check a file
against the manifest, so a set torn by a run killed between two renames is reported as such,
never read as a mix; the next run into the folder writes a whole set again.
"""
from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from .schema import TABLES, Table, coerce

if TYPE_CHECKING:  # pandas is imported by the readers only: `pipeline run` starts faster without it
    import pandas as pd

FORMATS = ("parquet", "csv")
TEMP_SUFFIX = ".tmp"
MANIFEST = "manifest.json"
RUN_KEY = b"pipeline_run"  # Parquet schema metadata: the run that wrote the file


class TablesError(RuntimeError):
    """The files of an output folder are not one consistent set of tables."""


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

    def __init__(self, table: Table, out_dir: Path, formats=FORMATS, group_rows: int = 5_000, run: str = ""):
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
        parquet_schema = schema.with_metadata({RUN_KEY: run.encode()})
        self.parquet = pq.ParquetWriter(self.files["parquet"][0], parquet_schema) if "parquet" in formats else None
        self.csv = pa_csv.CSVWriter(self.files["csv"][0], schema, write_options=CSV_WRITE) if "csv" in formats else None

    def add(self, rows: list[tuple]) -> None:
        """Rows as tuples in column order, already in their final order."""
        self.buffer.extend(rows)
        if len(self.buffer) >= self.group_rows:
            self.flush()

    def write_frame(self, df: pd.DataFrame) -> None:
        self.write_arrow(to_arrow(df, self.table))

    def write_arrow(self, data: pa.Table | pa.RecordBatch) -> None:
        if data.num_rows == 0:
            return
        self.rows += data.num_rows
        for writer in (self.parquet, self.csv):
            if writer:
                writer.write(data)

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
    """Writers for all tables; on success every file is flushed to disk, renamed into place (one
    rename each, a fraction of a millisecond apart) and then the manifest is updated; on failure
    the temporary files are removed and the previous tables stay as they were."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    run = uuid.uuid4().hex
    writers: dict[str, TableWriter] = {}
    try:
        for table in tables:
            writers[table.name] = TableWriter(table, out_dir, formats, run=run)
        yield writers
        for writer in writers.values():
            writer.close()
            for tmp, _ in writer.files.values():
                _fsync(tmp)
    except BaseException:
        for writer in writers.values():
            writer.discard()
        raise
    listed = {name: {"run": run, "rows": writer.rows,
                     "files": {f"{name}.{fmt}": tmp.stat().st_size for fmt, (tmp, _) in writer.files.items()}}
              for name, writer in writers.items() if name in TABLES}
    for writer in writers.values():
        for tmp, target in writer.files.values():
            os.replace(tmp, target)
    if listed:
        _write_manifest(out_dir, listed)
    _fsync(out_dir)


def _fsync(path: Path) -> None:
    """Flush a file (or a folder's entries) to disk, so that the manifest never names data a power
    cut could still lose."""
    try:
        handle = os.open(path, os.O_RDONLY)
    except OSError:  # folders cannot be opened on Windows
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def read_manifest(out_dir: str | Path) -> dict | None:
    """The manifest of an output folder, or None for a folder written before manifests existed."""
    try:
        return json.loads((Path(out_dir) / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise TablesError(f"{Path(out_dir) / MANIFEST} cannot be read ({exc}); "
                          "run `pipeline run` into this folder again to write the tables anew") from exc


def _write_manifest(out_dir: Path, listed: dict) -> None:
    previous = {}
    try:
        previous = read_manifest(out_dir) or {}
    except TablesError:
        pass
    tables = {name: entry for name, entry in previous.get("tables", {}).items() if name in TABLES}
    tables.update(listed)
    manifest = {"format": 1, "written": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "tables": tables}
    tmp = out_dir / f".{MANIFEST}.{os.getpid()}-{uuid.uuid4().hex[:8]}{TEMP_SUFFIX}"
    tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    _fsync(tmp)
    os.replace(tmp, out_dir / MANIFEST)


def remove_stale_temporaries(out_dir: str | Path) -> None:
    """Temporary files and folders left by a run that was killed while writing."""
    for name in [*TABLES, MANIFEST, *TEMPORARY_FOLDERS]:
        for path in Path(out_dir).glob(f".{name}.*{TEMP_SUFFIX}"):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


TEMPORARY_FOLDERS = ("corpus",)  # the corpus step's staged rows and what DuckDB spills


@contextmanager
def temporary_folder(out_dir: str | Path, name: str) -> Iterator[Path]:
    """A hidden folder in `out_dir` for the duration of a step, removed afterwards however it ends
    (and by the next run's `remove_stale_temporaries` if the process was killed)."""
    assert name in TEMPORARY_FOLDERS
    folder = Path(out_dir) / f".{name}.{os.getpid()}-{uuid.uuid4().hex[:8]}{TEMP_SUFFIX}"
    folder.mkdir()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def listed_parquet(out_dir: str | Path, name: str) -> Path | None:
    """The Parquet file of table `name` in `out_dir` if it is the one the manifest lists (the same
    run, size and rows), without reading its data; None otherwise."""
    path = Path(out_dir) / f"{name}.parquet"
    try:
        listed = (read_manifest(out_dir) or {}).get("tables", {}).get(name)
        if not listed or listed["files"].get(path.name) != path.stat().st_size:
            return None
        meta = pq.read_metadata(path)
        run = (meta.schema.to_arrow_schema().metadata or {}).get(RUN_KEY, b"").decode()
        return path if meta.num_rows == listed["rows"] and run == listed["run"] else None
    except (OSError, TablesError, KeyError, TypeError, pa.ArrowException):
        return None


def write_table(df: pd.DataFrame, table: Table, out_dir: str | Path, formats=FORMATS) -> None:
    with writing_tables(out_dir, [table], formats) as writers:
        writers[table.name].write_frame(df)


def write_tables(frames: dict[str, pd.DataFrame], out_dir: str | Path, formats=FORMATS) -> None:
    with writing_tables(out_dir, [TABLES[name] for name in frames], formats) as writers:
        for name, df in frames.items():
            writers[name].write_frame(df)


def read_table(path: str | Path, name: str) -> pd.DataFrame:
    """One table from an output folder, typed by the schema (Parquet preferred, CSV otherwise).
    Raises TablesError if the file is not the one the folder's manifest lists."""
    return _read_set(Path(path), [name])[name]


def load_tables(path: str | Path) -> dict[str, pd.DataFrame]:
    """All tables of an output folder as typed DataFrames, keyed by table name: one consistent set
    (TablesError if the folder holds files of different runs)."""
    return _read_set(Path(path), list(TABLES))


def _read_set(folder: Path, names: list[str]) -> dict[str, pd.DataFrame]:
    for attempt in (1, 2):  # a run may finish while we read: then read its new files once more
        manifest = read_manifest(folder)
        try:
            return {name: _read_checked(folder, name, manifest) for name in names}
        except TablesError:
            if attempt == 2 or read_manifest(folder) == manifest:
                raise
    raise AssertionError("unreachable")


def _read_checked(folder: Path, name: str, manifest: dict | None) -> pd.DataFrame:
    table = TABLES[name]
    parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
    if parquet.exists():
        file, data = parquet, pq.read_table(parquet)
        run = (data.schema.metadata or {}).get(RUN_KEY, b"").decode()
    elif csv.exists():
        schema = table.arrow_schema()
        convert = pa_csv.ConvertOptions(column_types=schema, strings_can_be_null=True,
                                        quoted_strings_can_be_null=False, include_columns=schema.names)
        try:
            file, data, run = csv, pa_csv.read_csv(csv, convert_options=convert), None
        except (pa.ArrowInvalid, KeyError) as exc:
            raise TablesError(f"{csv} does not have the columns of the {name} table ({exc}): written by an older "
                              "version of the pipeline? run `pipeline run` into this folder again") from exc
    elif any((folder / f"{other}.{fmt}").exists() for other in TABLES for fmt in ("parquet", "csv")):
        raise TablesError(f"{folder} has no {name} table: it was written by an older version of the pipeline; "
                          "run `pipeline run` into this folder again to write the tables anew")
    else:
        raise FileNotFoundError(f"no {name}.parquet or {name}.csv in {folder}")
    missing = [column for column in table.column_names if column not in data.column_names]
    if missing:
        raise TablesError(f"{file} has no column {', '.join(missing)}: it was written by an older version of "
                          "the pipeline; run `pipeline run` into this folder again to write the tables anew")
    listed = (manifest or {}).get("tables", {}).get(name)
    if manifest is not None:
        expected = (listed or {}).get("files", {}).get(file.name)
        if listed is None or expected != file.stat().st_size or data.num_rows != listed["rows"] \
                or (run is not None and run != listed["run"]):
            raise TablesError(f"{file} is not the file that {folder / MANIFEST} lists: the tables there are "
                              "not one consistent set (a run was stopped while replacing them); run "
                              "`pipeline run` into this folder again to repair them")
    return coerce(data.to_pandas()[table.column_names], table)
