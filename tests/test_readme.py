"""Every code block of README.md runs: the Python examples as doctests, the test file of the pytest
plugin as a user's test project, the shell commands in a scratch copy of the repository (the quick
start is what `.ci/run` runs). Only a block that needs an uninstalled model is skipped."""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from pipeline.cli import main

from conftest import REPO

README = REPO / "README.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.M | re.S)
MODELS = ("de_core_news_sm", "de_core_news_md", "de_core_news_lg")
PYTHON_BIN = Path(sys.executable).parent


def readme_blocks() -> list:
    text = README.read_text(encoding="utf-8")
    return [pytest.param(lang, body, id=f"line {text.count(chr(10), 0, match.start()) + 1} {lang}")
            for match in BLOCK.finditer(text) for lang, body in [match.groups()]]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A scratch copy of what the README's commands use, as a git repository, with the quick
    start's tables in outputs/."""
    root = tmp_path_factory.mktemp("readme")
    for name in ("corpus", "configs", "tests/test_golden"):
        shutil.copytree(REPO / name, root / name)
    for name in ("pyproject.toml", "tests/conftest.py", "tests/test_golden.py"):
        shutil.copy(REPO / name, root / name)
    git = ["git", "-c", "user.name=readme", "-c", "user.email=readme@example.org"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "scratch"]):
        subprocess.run(git + command, cwd=root, check=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        assert main(["run", "corpus/", "--out", "outputs/", "--no-progress"]) == 0
    return root


def needed_model(body: str) -> str | None:
    """The model a block needs that is not installed, if any (the plugin skips such tests itself)."""
    if "extraction_regression" in body:
        return None
    return next((m for m in MODELS if m in body and not spacy.util.is_package(m)), None)


@pytest.mark.parametrize("lang, body", readme_blocks())
def test_readme_block(lang, body, workspace, cli_nlp, monkeypatch):
    missing = needed_model(body)
    if missing:
        pytest.skip(f"needs the {missing} model, not installed here (python -m spacy download {missing})")
    monkeypatch.chdir(workspace)
    if lang == "python" and ">>>" in body:
        run_doctest(body, workspace)
    elif lang == "python" and "def test_" in body:
        run_user_test_file(body, workspace)
    elif lang == "bash" and "pip install" in body:  # the quick start: .ci/run runs exactly these lines
        ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        assert all(line in ci for line in body.splitlines()), "the README's quick start is not what .ci/run runs"
    elif lang == "bash":
        for line in body.splitlines():
            for command in line.split(" && "):
                run_command(command, workspace)
    else:
        pytest.fail(f"a {lang} block the README test does not know how to run: {body[:80]!r}")


def run_doctest(body: str, workspace: Path) -> None:
    """The examples in a fresh interpreter: they use only what they import themselves."""
    script = workspace / "readme_example.txt"
    script.write_text(body, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "doctest", "-o", "ELLIPSIS", "-o", "NORMALIZE_WHITESPACE",
                           script.name], cwd=workspace, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def run_command(command: str, workspace: Path) -> None:
    """`pipeline ...` in this process (the session's pipeline is reused), anything else in bash."""
    words = shlex.split(command, comments=True)
    if words and words[0] == ".venv/bin/pipeline":
        assert main(words[1:]) == 0, command
        return
    command = re.sub(r"(?<![\w/])\.venv/bin/python\b", sys.executable, command)
    command = re.sub(r"(?<![\w/])\.venv/bin/", f"{PYTHON_BIN}/", command)
    done = subprocess.run(command, shell=True, executable="/bin/bash", cwd=workspace, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"


def run_user_test_file(body: str, workspace: Path) -> None:
    """The README's test file in a project of its own: the first run writes the golden files and
    fails, the second passes."""
    project = workspace / "my-project"
    articles = project / "tests" / "reference_articles"
    shutil.copytree(workspace / "corpus", articles)
    (project / "tests" / "test_my_corpus.py").write_text(body, encoding="utf-8")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_my_corpus.py"]
    first = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300)
    assert first.returncode == 1 and "File not found in data directory, created" in first.stdout, first.stdout
    second = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stdout
    for model in MODELS:
        if model in body and not spacy.util.is_package(model):
            assert f"the spaCy model {model} is not installed" in subprocess.run(
                command + ["-rs"], cwd=project, capture_output=True, text=True, timeout=300).stdout
