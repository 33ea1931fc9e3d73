"""The gold directory: written whole, checked against its manifest, replaced by rule."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import datasets
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goldsmith.errors import InputError
from goldsmith.labels import AnnotatedDoc, Entity, write_jsonl
from goldsmith.labels.gold import (
    GoldContent,
    Origin,
    new_pull_id,
    open_gold_dir,
    prev_dir,
    read_gold,
    read_manifest,
    write_gold_dir,
)
from goldsmith.labels.gold.manifest import public_url

SERVER = "http://127.0.0.1:8080"
NEWS = Origin(SERVER, 3, "News")
SPORT = Origin(SERVER, 4, "Sport")


def _content(text: str = "Ines Rook spoke.", n: int = 2) -> GoldContent:
    docs = [
        AnnotatedDoc(
            f"doc-{i}",
            f"{text} {i}",
            entities=(Entity(0, 9, "Ines Rook", "PERSON"),),
            meta={"task_id": i, "annotation_id": 10 + i, "annotator": "ann-1"},
        )
        for i in range(n)
    ]
    return GoldContent(docs, docs, [], {"tasks": n})


def _write(out, origin=NEWS, **kw):
    return write_gold_dir(out, _content(**kw), origin, new_pull_id())


def test_reads_gold_dir_and_jsonl(tmp_path):
    write_jsonl([AnnotatedDoc("d1", "Hello.")], tmp_path / "gold.jsonl")
    assert read_gold(tmp_path) == read_gold(tmp_path / "gold.jsonl")


def test_directory_without_gold_names_next_command(tmp_path):
    with pytest.raises(InputError, match="annotate pull"):
        read_gold(tmp_path)


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_gold(tmp_path / "missing.jsonl")


def test_written_gold_dir_reads_back_with_its_manifest(tmp_path):
    written = _write(tmp_path / "gold")
    assert [d.doc_id for d in read_gold(tmp_path / "gold")] == ["doc-0", "doc-1"]
    manifest = read_manifest(tmp_path / "gold")
    assert manifest == written.manifest and manifest.origin == NEWS
    names = set(manifest.files)
    assert {"gold.jsonl", "annotations.jsonl", "predictions.jsonl", "report.json"} <= names
    assert any(n.startswith("dataset/gold/") and n.endswith(".arrow") for n in names)
    loaded = datasets.load_from_disk(str(tmp_path / "gold" / "dataset"))["gold"]
    assert loaded.num_rows == 2 and loaded.features["task_id"] == datasets.Value("int64")
    assert written.previous is None


def test_manifest_url_has_no_credentials():
    url = public_url("https://bob:hunter2@studio.example.org:8443/ls/?token=abc#x")
    assert url == "https://studio.example.org:8443/ls"


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("gold.jsonl", lambda p: p.write_text(p.read_text().replace("Ines", "Inez"))),
        ("report.json", lambda p: p.unlink()),
        ("dataset/dataset_dict.json", lambda p: p.write_text("{}")),
    ],
)
def test_a_file_that_does_not_match_the_manifest_is_refused_by_name(tmp_path, name, change):
    _write(tmp_path / "gold")
    change(tmp_path / "gold" / name)
    with pytest.raises(InputError, match=name.replace(".", r"\.")):
        read_gold(tmp_path / "gold")
    with pytest.raises(InputError, match="manifest"):
        open_gold_dir(tmp_path / "gold")


def test_a_mixed_dir_is_refused(tmp_path):
    """gold.jsonl of one pull beside the dataset of another (what a killed pull left)."""
    _write(tmp_path / "a", text="First pull.")
    _write(tmp_path / "b", text="Second pull.")
    shutil.copy(tmp_path / "b" / "gold.jsonl", tmp_path / "a" / "gold.jsonl")
    with pytest.raises(InputError, match=r"gold\.jsonl: does not match manifest\.json"):
        read_gold(tmp_path / "a")


def test_a_stray_file_in_the_dataset_is_refused(tmp_path):
    _write(tmp_path / "gold")
    (tmp_path / "gold" / "dataset" / "gold" / "data-00001-of-00002.arrow").write_bytes(b"x")
    with pytest.raises(InputError, match=r"data-00001-of-00002\.arrow: not made by pull"):
        read_gold(tmp_path / "gold")


def test_notes_beside_the_gold_are_allowed_for_readers(tmp_path):
    _write(tmp_path / "gold")
    (tmp_path / "gold" / "NOTES.md").write_text("ours")
    assert len(read_gold(tmp_path / "gold")) == 2


def test_replacing_keeps_the_previous_gold(tmp_path):
    out = tmp_path / "gold"
    first = _write(out, n=2)
    second = _write(out, n=3)
    assert len(read_gold(out)) == 3
    assert second.previous == prev_dir(out) == tmp_path / "gold.prev"
    assert read_manifest(prev_dir(out)).pull_id == first.manifest.pull_id
    assert len(read_gold(prev_dir(out))) == 2
    third = _write(out, n=1)
    assert read_manifest(prev_dir(out)).pull_id == second.manifest.pull_id
    assert read_manifest(out).pull_id == third.manifest.pull_id
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gold", "gold.prev"]


def test_another_project_is_not_replaced_without_force(tmp_path):
    out = tmp_path / "gold"
    _write(out, NEWS)
    with pytest.raises(InputError, match=r"holds the gold of project 'News' \(id 3\)"):
        _write(out, SPORT)
    assert read_manifest(out).origin == NEWS
    write_gold_dir(out, _content(n=1), SPORT, new_pull_id(), force=True)
    assert read_manifest(out).origin == SPORT
    assert read_manifest(prev_dir(out)).origin == NEWS


def test_the_same_project_on_another_server_is_not_replaced(tmp_path):
    out = tmp_path / "gold"
    _write(out, NEWS)
    with pytest.raises(InputError, match="at http://10.0.0.5:8080"):
        _write(out, Origin("http://10.0.0.5:8080", 3, "News"))


def test_a_folder_that_is_not_a_pull_is_not_replaced(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.tex").write_text("precious")
    with pytest.raises(InputError, match="no manifest.json"):
        _write(out)
    assert (out / "thesis.tex").read_text() == "precious"


def test_files_a_pull_did_not_write_are_not_replaced(tmp_path):
    out = tmp_path / "gold"
    _write(out)
    (out / "NOTES.md").write_text("ours")
    with pytest.raises(InputError, match=r"NOTES\.md"):
        _write(out)


def test_an_empty_folder_is_filled(tmp_path):
    (tmp_path / "gold").mkdir()
    written = _write(tmp_path / "gold")
    assert written.previous is None and len(read_gold(tmp_path / "gold")) == 2


def test_a_stale_agreement_stays_with_its_pull(tmp_path):
    out = tmp_path / "gold"
    _write(out)
    (out / "agreement.json").write_text(json.dumps({"summed": []}))
    _write(out)
    assert not (out / "agreement.json").exists()
    assert (prev_dir(out) / "agreement.json").exists()


def test_an_unwritable_parent_is_one_error_naming_the_path(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match=r"file/gold: cannot write the gold directory"):
        _write(tmp_path / "file" / "gold")


@pytest.fixture(scope="module")
def pulled(tmp_path_factory):
    out = tmp_path_factory.mktemp("pulled") / "gold"
    _write(out)
    return out


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_any_changed_byte_of_any_file_is_refused_naming_that_file(pulled, data):
    names = sorted(read_manifest(pulled).files)
    name = data.draw(st.sampled_from(names), label="file")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "gold"
        shutil.copytree(pulled, copy)
        path = copy / name
        blob = bytearray(path.read_bytes() or b"\n")  # an empty file gains a byte
        at = data.draw(st.integers(0, len(blob) - 1), label="byte")
        blob[at] ^= data.draw(st.integers(1, 255), label="xor")
        path.write_bytes(bytes(blob))
        with pytest.raises(InputError) as caught:
            open_gold_dir(copy)
        assert str(caught.value).startswith(f"{path}: does not match manifest.json")


def test_the_dataset_written_in_batches_equals_the_one_made_whole(tmp_path, monkeypatch):
    from goldsmith.labels.features import docs_to_dataset
    from goldsmith.labels.gold import write as gold_write
    from goldsmith.labels.gold.layout import gold_extra_features

    monkeypatch.setattr(gold_write, "DATASET_BATCH", 2)
    content = _content(n=5)
    parts = GoldContent(list(content.gold), iter(content.annotations), iter([]), {})
    write_gold_dir(tmp_path / "gold", parts, NEWS, new_pull_id())
    loaded = datasets.load_from_disk(str(tmp_path / "gold" / "dataset"))["gold"]
    made = docs_to_dataset(content.gold, extra=gold_extra_features())
    assert loaded.features == made.features and loaded.to_list() == made.to_list()
    assert not list((tmp_path / "gold").glob(".gold.arrow"))
    assert len(read_gold(tmp_path / "gold" / "annotations.jsonl")) == 5
