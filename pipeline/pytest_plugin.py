"""pytest plugin (entry point `pytest11`): golden-file regression tests of your own articles.

    def test_my_corpus(extraction_regression):
        extraction_regression.check("articles")  # folder relative to this test file

The first run (or `--force-regen`) writes every table as CSV into `<test module>/<test name>/`, a
folder that `pipeline diff` and `pipeline.load_tables` read like any output folder. Later runs fail
with the added, removed and changed extractions when the tables no longer match.
"""
from __future__ import annotations

import difflib
import functools
import re
from pathlib import Path

import pytest

# pytest loads this module in every test run of the environment: pandas, pyarrow and spaCy are
# imported only when the fixture is used.


@functools.lru_cache(maxsize=None)
def _nlp(model: str | Path | None):
    """One pipeline per model per process: building it takes seconds, running it is cheap."""
    from .language import build_nlp
    return build_nlp(model)


def _installed(package: str) -> bool:
    import spacy
    return spacy.util.is_package(package)


def _relative(source: str, folder: Path) -> str:
    try:
        return Path(source).relative_to(folder).as_posix()
    except ValueError:
        return source


def extract_tables(nlp, folder: Path) -> dict:
    """The tables of the articles in `folder`, with sources relative to it and rows sorted."""
    from .run import extract
    from .schema import TABLES

    rows = extract(nlp, [folder], progress=False)
    tables = {}
    for name, table in TABLES.items():
        df = table.frame(rows[name])
        if "source" in df:
            relative = df["source"].map(lambda source: _relative(source, folder), na_action="ignore")
            df["source"] = relative.astype("string")
        tables[name] = df.sort_values(list(table.sort_keys), kind="stable", ignore_index=True)
    return tables


def csv_text(df, table) -> str:
    """A table as the CSV text `pipeline run` writes: plain values, dates as YYYY-MM-DD, '\\n' lines."""
    out = df.copy()
    for column in table.columns:
        if column.dtype == "date":
            out[column.name] = out[column.name].dt.strftime("%Y-%m-%d")
    return out.to_csv(index=False, lineterminator="\n")


def _same_lines(obtained: Path, expected: Path) -> None:
    """Line by line, so that a checkout with CRLF line ends still matches."""
    if obtained.read_text(encoding="utf-8").splitlines() != expected.read_text(encoding="utf-8").splitlines():
        raise AssertionError(f"{obtained} differs from {expected}")


def mismatch_report(golden_dir: Path, tables: dict, differing: list[str], shown_as: str) -> str:
    """What changed, as extractions added, removed or changed (and as CSV lines where that says nothing)."""
    from .compare import diff_tables, summary
    from .io import read_table
    from .schema import TABLES

    golden = {name: read_table(golden_dir, name) if (golden_dir / f"{name}.csv").exists()
              else TABLES[name].frame([]) for name in TABLES}
    changes = diff_tables(golden, tables)
    lines = [f"extraction_regression: {', '.join(differing)} differ from the golden files in {shown_as}"]
    if len(changes):
        lines.append(summary(changes))
    for name in differing:
        if name in set(changes["table"]):
            continue
        old = (golden_dir / f"{name}.csv").read_text(encoding="utf-8").splitlines()
        new = csv_text(tables[name], TABLES[name]).splitlines()
        diff = list(difflib.unified_diff(old, new, f"golden {name}.csv", f"new {name}.csv", lineterm="", n=0))
        lines += diff[:20] + (["..."] if len(diff) > 20 else [])
    lines.append("If the change is intended, regenerate the golden files with --force-regen and review their diff.")
    return "\n".join(lines)


class ExtractionRegression:
    """The `extraction_regression` fixture: runs the pipeline on a folder and checks its tables."""

    def __init__(self, file_regression, original_datadir: Path, request: pytest.FixtureRequest) -> None:
        self._file_regression = file_regression
        self._original_datadir = original_datadir
        self._request = request

    def check(self, folder: str | Path, *, model: str | Path | None = None, basename: str | None = None) -> dict:
        """Check all tables of the articles in `folder` (relative paths: from the test file) against
        the golden files `<basename or test name>/<table>.csv`; return the tables."""
        from .schema import TABLES

        __tracebackhide__ = True
        folder = Path(self._request.path).parent / folder
        if not folder.is_dir():
            raise FileNotFoundError(f"extraction_regression: no folder {folder}")
        if model is not None and not Path(model).exists() and not _installed(str(model)):
            pytest.skip(f"extraction_regression: the spaCy model {model} is not installed "
                        f"(where a network is available: python -m spacy download {model})")
        tables = extract_tables(_nlp(model), folder.resolve())
        base = basename or re.sub(r"\W", "_", self._request.node.name)
        differing, notes = [], []
        for name, df in tables.items():
            try:
                self._file_regression.check(csv_text(df, TABLES[name]), basename=f"{base}/{name}", extension=".csv",
                                            encoding="utf-8", newline="\n", check_fn=_same_lines)
            except AssertionError:
                differing.append(name)
            except pytest.fail.Exception as exc:  # golden file written (first run or --force-regen)
                notes.append(str(exc))
        golden_dir = self._original_datadir / base
        if differing:
            try:
                shown_as = golden_dir.relative_to(self._request.config.rootpath).as_posix()
            except ValueError:
                shown_as = str(golden_dir)
            pytest.fail(mismatch_report(golden_dir, tables, differing, shown_as), pytrace=False)
        if notes:
            pytest.fail("\n".join(notes), pytrace=False)
        return tables


@pytest.fixture
def extraction_regression(file_regression, original_datadir, request) -> ExtractionRegression:
    """Golden-file regression test of the tables extracted from a folder of articles:
    `extraction_regression.check("articles", model=None)`; regenerate with `--force-regen`."""
    return ExtractionRegression(file_regression, original_datadir, request)
