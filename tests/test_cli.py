"""The command line: usage errors are one line and exit 2 before anything runs."""
import pytest

from pipeline import __version__
from pipeline.cli import main

from test_run import write_corpus


def test_version(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0 and capsys.readouterr().out.strip() == f"pipeline {__version__}"


@pytest.mark.parametrize("options, message", [
    (["--workers", "-3"], "--workers: must be 0 (one per CPU core) or more, not -3"),
    (["--workers", "two"], "--workers: invalid"),
    (["--scheduler", "tcp://host:8786"], "--scheduler is for --engine dask"),
])
def test_bad_options_are_usage_errors(tmp_path, capsys, options, message):
    corpus = write_corpus(tmp_path / "in")
    try:
        status = main(["run", str(corpus), "--out", str(tmp_path / "out"), *options])
    except SystemExit as stopped:  # argparse
        status = stopped.code
    assert status == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("files, points_to_errors", [({"empty.txt": b""}, True), ({}, False)])
def test_summary_points_to_the_errors_table(tmp_path, cli_nlp, capsys, files, points_to_errors):
    corpus = write_corpus(tmp_path / "in")
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    main(["run", str(corpus), "--out", str(tmp_path / "out"), "--no-progress"])
    assert ("errors.csv" in capsys.readouterr().err) == points_to_errors
