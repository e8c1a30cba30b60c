"""Reading the packaged word lists and pattern files (plain text, TSV with header, JSONL; optionally
gzipped), and `DataFiles`: the named files a component loads at `initialize` and saves with itself."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Iterable, Iterator

import srsly

DATA_DIR = Path(__file__).parent / "data"


def _open(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path), encoding="utf-8")
    return open(path, encoding="utf-8")


class DataFiles:
    """The data files of a component, held as bytes: what it loads, and what `to_bytes`/`to_disk`
    save, so a saved pipeline carries its lexicons. A file may come in parts: the packaged file
    first, then the same-named file of each folder in `extend` (a user's extra words or patterns)."""

    def __init__(self, parts: dict[str, list[tuple[str, bytes]]] | None = None):
        self.parts = parts or {}  # logical name -> [(file name as found, bytes), ...]

    @classmethod
    def from_dirs(cls, data_dir: Path, names: Iterable[str], extend: Iterable[str | Path] = (),
                  optional: Iterable[str] = (), lexicons: Iterable[str | Path] = ()) -> "DataFiles":
        """The files `names` from `data_dir`, each followed by its namesakes in the `extend` folders and
        by the rows of the `lexicons` files (`user_lexicon_parts`) that belong in it."""
        names, optional = list(names), set(optional)
        folders = [Path(data_dir), *map(Path, extend)]
        for folder in folders:
            if not folder.is_dir():
                raise FileNotFoundError(f"lexicon folder {folder} does not exist")
        user_parts = [item for path in lexicons for item in user_lexicon_parts(path).items()]
        parts: dict[str, list[tuple[str, bytes]]] = {}
        for name in names:
            found = [(path.name, path.read_bytes()) for folder in folders if (path := find_data(folder, name))]
            found += [part for part_name, part in user_parts if part_name == name]
            if not found and name not in optional:
                raise FileNotFoundError(f"lexicon {name} not found in {data_dir}")
            if found:
                parts[name] = found
        return cls(parts)

    def texts(self, name: str) -> Iterator[str]:
        for file_name, data in self.parts.get(name, ()):
            yield (gzip.decompress(data) if file_name.endswith(".gz") else data).decode("utf-8")

    def words(self, name: str) -> set[str]:
        return set().union(*(_words(text) for text in self.texts(name)))

    def tsv(self, name: str) -> Iterator[dict[str, str]]:
        for text in self.texts(name):
            yield from _tsv_rows(text)

    def columns(self, name: str, *columns: str) -> list[tuple[str, ...]]:
        return [row for text in self.texts(name) for row in _columns(text, columns)]

    def jsonl(self, name: str) -> Iterator[dict]:
        for text in self.texts(name):
            lines = [line for line in text.splitlines() if line.strip()]
            try:  # one array decodes in a third of the time of one call per line
                yield from json.loads(f"[{','.join(lines)}]")
            except json.JSONDecodeError:  # then line by line, for an error that names its line
                yield from map(json.loads, lines)

    def to_bytes(self) -> bytes:
        return srsly.msgpack_dumps({name: [list(part) for part in parts] for name, parts in self.parts.items()})

    @classmethod
    def from_bytes(cls, data: bytes) -> "DataFiles":
        return cls({name: [tuple(part) for part in parts] for name, parts in srsly.msgpack_loads(data).items()})

    def to_disk(self, path: Path) -> None:
        """Each file as `NAME` (its parts joined: the packaged file and the user's additions are one)."""
        for name in self.parts:
            target = Path(path) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            texts = list(self.texts(name))
            if name.endswith(".tsv") and len(texts) > 1:  # one header: the later parts' headers go
                texts = texts[:1] + [text.partition("\n")[2] for text in texts[1:]]
            target.write_text("".join(text if text.endswith("\n") else text + "\n" for text in texts), encoding="utf-8")

    @classmethod
    def from_disk(cls, path: Path, names: Iterable[str], optional: Iterable[str] = ()) -> "DataFiles":
        return cls.from_dirs(Path(path), names, optional=optional)


# `pipeline run --lexicon FILE.tsv`: a user's words, one per row as `kind<TAB>word` (optional columns
# `forms` and `gender`), each kind added to the packaged file that holds such words
USER_LEXICON_KINDS = {
    "speech_verb": "quotes/speech_verbs.tsv",  # a verb of saying: its quotes get found and attributed
    "role": "curated/roles.tsv",  # a role noun before or after a name: "Pressesprecherin"
    "first_name": "first_names.tsv",  # makes the following capitalised word a person's surname
    "stop_word": "non_entities.txt",  # a capitalised word that is never an entity on its own
}
USER_PATTERNS = "user_patterns.jsonl"  # `--patterns FILE.jsonl`: entity patterns that win over our rules


def user_lexicon_parts(path: str | Path) -> dict[str, tuple[str, bytes]]:
    """The rows of a user's lexicon TSV as parts of the packaged files, by file name.
    Raises ValueError naming the line of a row that cannot be used."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read the lexicon {path}: {exc}") from exc
    lines: dict[str, list[str]] = {}
    header = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            if "kind" not in header or "word" not in header:
                raise ValueError(f"{path}:{number}: a lexicon needs a header line with the columns kind and word "
                                 f"(tab-separated), not {line!r}")
            continue
        row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        kind, word = row["kind"], row["word"]
        if kind not in USER_LEXICON_KINDS:
            raise ValueError(f"{path}:{number}: unknown kind {kind!r}; use one of {', '.join(USER_LEXICON_KINDS)}")
        if not word or " " in word:
            raise ValueError(f"{path}:{number}: a lexicon row needs one word, not {word!r}")
        gender = row.get("gender", "")
        if kind == "speech_verb":  # no forms: the quote lexicon derives those of a regular verb
            lines.setdefault(kind, []).append(f"{word}\t\t\tspeech\t{row.get('forms', '')}\t")
        elif kind == "role":
            lines.setdefault(kind, []).append(f"{word}\tuser\t{gender}")
        elif kind == "first_name":
            lines.setdefault(kind, []).append(f"{word}\t{gender or 'u'}")
        else:
            lines.setdefault(kind, []).append(word)
    headers = {"speech_verb": "lemma\tparticle\trequires\tkind\tforms\tagent", "role": "word\tkind\tgender",
               "first_name": "name\tgender", "stop_word": None}
    parts = {}
    for kind, rows in lines.items():
        name = USER_LEXICON_KINDS[kind]
        body = "\n".join(([headers[kind]] if headers[kind] else []) + rows) + "\n"
        parts[name] = (f"{path.name}:{kind}", body.encode("utf-8"))
    return parts


def user_patterns_part(paths: Iterable[str | Path]) -> list[tuple[str, bytes]]:
    """The `--patterns` files (spaCy's EntityRuler format: label, pattern as a string or a token
    list, optional id) as parts of USER_PATTERNS, checked line by line."""
    parts = []
    for path in map(Path, paths):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ValueError(f"cannot read the patterns {path}: {exc.strerror or exc}") from exc
        for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not a JSON pattern: {exc.msg}") from exc
            if not isinstance(entry, dict) or not isinstance(entry.get("label"), str) \
                    or not isinstance(entry.get("pattern"), (str, list)):
                raise ValueError(f"{path}:{number}: a pattern needs a string label and a pattern (a string or "
                                 "a list of token patterns), as spaCy's EntityRuler reads them")
        parts.append((path.name, data))
    return parts


def find_data(folder: Path, name: str) -> Path | None:
    """`name` in `folder`, or its gzipped twin; None if neither is there."""
    for candidate in (folder / name, folder / f"{name}.gz"):
        if candidate.exists():
            return candidate
    return None


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file with a header line (no quoting; '#' lines are comments)."""
    with _open(path) as lines:
        yield from _tsv_rows(lines.read())


def resolve_data_dir(data_dir: str | Path | None) -> Path:
    return Path(data_dir) if data_dir else DATA_DIR


def _words(text: str) -> set[str]:
    words = set(text.split("\n"))
    words.discard("")
    if text[:1] in ("#", " ", "\t") or any(mark in text for mark in ("\n#", "\n ", " \n", "\n\t", "\t\n", "\r")):
        words = {word.strip() for word in words}  # comments or stray blanks: the slow way
        words = {word for word in words if word and word[0] != "#"}
    return words


def _tsv_rows(text: str) -> Iterator[dict[str, str]]:
    rows = (line.rstrip("\r").split("\t") for line in text.split("\n") if line.strip() and not line.startswith("#"))
    header = next(rows, [])
    for row in rows:
        yield dict(zip(header, row + [""] * (len(header) - len(row))))


def _columns(text: str, names: tuple[str, ...]) -> list[tuple[str, ...]]:
    head, _, body = text.partition("\n")
    header = head.rstrip("\r").split("\t")
    index = [header.index(name) for name in names]
    body = body.rstrip("\n")
    if not body:
        return []
    n_rows, width = body.count("\n") + 1, len(header)
    if "#" not in body[:1] and "\n#" not in body and "\n\n" not in body and "\r" not in body \
            and body.count("\t") == n_rows * (width - 1):
        # every line has exactly the header's columns: slice one flat list (a third of the time)
        cells = body.replace("\n", "\t").split("\t")
        return list(zip(*(cells[i::width] for i in index)))
    lines = [line.rstrip("\r") for line in body.split("\n") if line and not line.startswith("#")]
    need = max(index) + 1
    rows = [line.split("\t") for line in lines]
    return [tuple(row[i] for i in index) for row in rows if len(row) >= need]
