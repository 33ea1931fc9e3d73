"""Reading gold from a gold directory or a JSONL file."""

from __future__ import annotations

import pytest

from goldsmith.errors import InputError
from goldsmith.labels import AnnotatedDoc, write_jsonl
from goldsmith.labels.gold import read_gold


def test_reads_gold_dir_and_jsonl(tmp_path):
    write_jsonl([AnnotatedDoc("d1", "Hello.")], tmp_path / "gold.jsonl")
    assert read_gold(tmp_path) == read_gold(tmp_path / "gold.jsonl")


def test_directory_without_gold_names_next_command(tmp_path):
    with pytest.raises(InputError, match="annotate pull"):
        read_gold(tmp_path)


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_gold(tmp_path / "missing.jsonl")
