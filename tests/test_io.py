from datetime import date

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.io import (TablesError, listed_parquet, load_tables, read_table, remove_stale_temporaries,
                         temporary_folder, write_tables, writing_tables)
from pipeline.schema import TABLES


def sample_frames():
    rows = {name: [] for name in TABLES}
    rows["articles"] = [{"article_id": "b", "source": "b.txt", "date": date(2024, 1, 2), "lede": "Ä „x“",
                         "n_paragraphs": 1, "n_tokens": 3, "n_sentences": 1, "n_mentions": 0, "n_quotes": 0,
                         "sha256": "00"},
                        {"article_id": "a", "source": "a.txt", "date": None, "lede": "L", "n_paragraphs": 0,
                         "n_tokens": 0, "n_sentences": 0, "n_mentions": 0, "n_quotes": 0, "sha256": "11"}]
    rows["quotes"] = [{"article_id": "a", "quote_id": 1, "type": "direct", "text": "Wir, „sagt“ er", "start_char": 5,
                       "end_char": 9, "cue": None, "cue_text": None, "speaker": None, "speaker_entity_id": None,
                       "speaker_text": None, "speaker_start_char": None, "speaker_end_char": None,
                       "method": None, "sentence_id": 0}]
    return {name: TABLES[name].frame(r) for name, r in rows.items()}


@pytest.mark.parametrize("drop", [None, "parquet", "csv"])
def test_tables_round_trip_typed_and_sorted(tmp_path, drop):
    frames = sample_frames()
    write_tables(frames, tmp_path)
    if drop:
        for name in TABLES:
            (tmp_path / f"{name}.{drop}").unlink()
    loaded = load_tables(tmp_path)
    assert set(loaded) == set(TABLES)
    for name, df in frames.items():
        pd.testing.assert_frame_equal(loaded[name], df)
    assert list(loaded["articles"]["article_id"]) == ["a", "b"]
    assert pd.isna(loaded["articles"].loc[0, "date"])
    assert str(loaded["quotes"]["speaker_start_char"].dtype) == "Int64"


def test_no_temporary_files_left(tmp_path):
    write_tables(sample_frames(), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))  == []


def test_a_step_folder_is_removed_however_the_step_ends(tmp_path):
    with pytest.raises(RuntimeError):
        with temporary_folder(tmp_path, "corpus") as folder:
            (folder / "entities.parquet").write_bytes(b"staged")
            raise RuntimeError("failed")
    assert list(tmp_path.iterdir()) == []
    left = tmp_path / ".corpus.4242-0badf00d.tmp"  # a run killed with kill -9 leaves its folder
    left.mkdir()
    (left / "entities.parquet").write_bytes(b"staged")
    remove_stale_temporaries(tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("damage", [None, "missing", "other size", "no manifest"])
def test_listed_parquet_is_the_file_the_manifest_lists(tmp_path, damage):
    write_tables(sample_frames(), tmp_path)
    path = tmp_path / "articles.parquet"
    if damage == "missing":
        path.unlink()
    elif damage == "other size":
        path.write_bytes(path.read_bytes() + b"x")
    elif damage == "no manifest":
        (tmp_path / "manifest.json").unlink()
    assert listed_parquet(tmp_path, "articles") == (path if damage is None else None)


def test_tables_are_streamed_in_row_groups(tmp_path):
    rows = [("a", i, f"a:E{i}", "PER", "Merz", i, i + 4, 0, "role", "PER:merz") for i in range(1, 8)]
    with writing_tables(tmp_path, [TABLES["mentions"]]) as writers:
        writers["mentions"].group_rows = 3
        for start in range(0, 7, 2):
            writers["mentions"].add(rows[start:start + 2])
    assert pq.ParquetFile(tmp_path / "mentions.parquet").num_row_groups == 2  # flushed at 4 and at the end
    for df in (pd.read_parquet(tmp_path / "mentions.parquet"), pd.read_csv(tmp_path / "mentions.csv")):
        assert list(df["mention_id"]) == list(range(1, 8))
    assert list(read_table(tmp_path, "mentions")["mention_id"]) == list(range(1, 8))


def test_failed_write_keeps_the_previous_tables(tmp_path):
    write_tables(sample_frames(), tmp_path)
    with pytest.raises(RuntimeError):
        with writing_tables(tmp_path) as writers:
            writers["articles"].add([("c", "c.txt", None, "", 0, 0, 0, 0, 0, "22")])
            raise RuntimeError("killed")
    assert list(load_tables(tmp_path)["articles"]["article_id"]) == ["a", "b"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_empty_tables_are_valid_files(tmp_path):
    with writing_tables(tmp_path):
        pass
    assert pd.read_parquet(tmp_path / "quotes.parquet").columns.tolist() == TABLES["quotes"].column_names
    assert pd.read_csv(tmp_path / "quotes.csv").empty
    assert all(len(df) == 0 for df in load_tables(tmp_path).values())


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_empty_string_and_missing_value_stay_apart(tmp_path, fmt):
    row = ("a", "a.txt", None, "", 0, 0, 0, 0, 0, "00")  # lede "" and date missing
    with writing_tables(tmp_path, [TABLES["articles"]], formats=(fmt,)) as writers:
        writers["articles"].add([row, ("b", "b.txt", date(2024, 1, 2), None, 1, 2, 1, 0, 0, "11")])
    df = read_table(tmp_path, "articles")
    assert df.loc[0, "lede"] == "" and pd.isna(df.loc[1, "lede"])
    assert pd.isna(df.loc[0, "date"]) and df.loc[1, "date"] == pd.Timestamp("2024-01-02")


def test_csv_quotes_strings_with_commas_quotes_and_newlines(tmp_path):
    lede = 'Er sagte: "Ja, aber\nnein"'
    with writing_tables(tmp_path, [TABLES["articles"]], formats=("csv",)) as writers:
        writers["articles"].add([("a", "a.txt", None, lede, 1, 9, 1, 0, 0, "00")])
    assert pd.read_csv(tmp_path / "articles.csv").loc[0, "lede"] == lede
    assert read_table(tmp_path, "articles").loc[0, "lede"] == lede


@pytest.mark.parametrize("edit", ["drop a column", "drop a table", "drop a csv column"])
def test_tables_of_an_older_version_say_so(tmp_path, edit):
    import pyarrow.parquet as pq

    write_tables(sample_frames(), tmp_path)
    if edit == "drop a column":
        table = pq.read_table(tmp_path / "quotes.parquet")
        pq.write_table(table.drop(["speaker_key"]).replace_schema_metadata(table.schema.metadata),
                       tmp_path / "quotes.parquet")
    elif edit == "drop a table":
        (tmp_path / "corpus_entities.parquet").unlink()
        (tmp_path / "corpus_entities.csv").unlink()
    else:
        for name in ("quotes.parquet", "manifest.json"):
            (tmp_path / name).unlink()
        csv = tmp_path / "quotes.csv"
        csv.write_text("\n".join(line.rsplit(",", 1)[0] for line in csv.read_text().splitlines()) + "\n")
    with pytest.raises(TablesError, match="older version"):
        load_tables(tmp_path)
