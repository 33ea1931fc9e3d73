"""Expanding the paths given to ingestion into inputs."""

from __future__ import annotations

import pytest

from goldsmith.corpus.inputs import InputKind, expand_inputs, is_saved_dataset
from goldsmith.errors import InputError


def test_folder_is_walked_recursively_in_sorted_order(text_folder):
    inputs = expand_inputs([text_folder])
    assert [i.source for i in inputs] == ["articles/b.txt", "articles/nested/a.md"]
    assert [i.kind for i in inputs] == [InputKind.TEXT, InputKind.MARKDOWN]


def test_readme_and_hidden_files_are_skipped_in_folders(text_folder):
    names = {i.path.name for i in expand_inputs([text_folder], glob="*")}
    assert "README.md" not in names
    assert ".hidden.txt" not in names


def test_glob_selects_the_files_read_in_folders(text_folder):
    inputs = expand_inputs([text_folder], glob="*.csv, *.md")
    assert [i.source for i in inputs] == ["articles/nested/a.md", "articles/notes.csv"]


def test_a_readme_named_explicitly_is_read(text_folder):
    assert [i.source for i in expand_inputs([text_folder / "README.md"])] == ["README.md"]


def test_empty_glob_is_an_error(text_folder):
    with pytest.raises(InputError, match="--glob"):
        expand_inputs([text_folder], glob=" , ")


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(InputError, match="nope.txt: no such file or folder"):
        expand_inputs([tmp_path / "nope.txt"])


def test_unsupported_extension_lists_the_supported_ones(tmp_path):
    path = tmp_path / "story.docx"
    path.write_bytes(b"x")
    with pytest.raises(InputError, match=r"story\.docx.*'\.docx'.*\.txt, \.md, \.jsonl"):
        expand_inputs([path])


def test_unsupported_file_matched_by_glob_is_an_error(text_folder):
    (text_folder / "run.py").write_text("print()\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"run\.py: unsupported"):
        expand_inputs([text_folder], glob="*")


def test_saved_dataset_folder_is_one_input(tmp_path):
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "dataset_dict.json").write_text("{}", encoding="utf-8")
    assert is_saved_dataset(tmp_path / "saved")
    [item] = expand_inputs([tmp_path / "saved"])
    assert (item.kind, item.source) == (InputKind.DATASET, "saved")
