"""The Hub folder: loads with datasets, card metadata valid, nothing private, card regenerates."""

from __future__ import annotations

import json
import re

import datasets
import pytest
from huggingface_hub import DatasetCard

from goldsmith.errors import PublishError
from goldsmith.labels import write_jsonl
from goldsmith.labels.features import dataset_to_docs, gold_features
from goldsmith.publish.folder import write_hub_folder

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def test_load_dataset_gives_every_split_with_declared_features(tmp_path, gold_dir, gold_docs):
    report = write_hub_folder(gold_dir, tmp_path / "hub", seed=1)
    loaded = datasets.load_dataset(str(tmp_path / "hub"), cache_dir=str(tmp_path / "hf"))
    assert set(loaded) == set(report.splits)
    expected = gold_features(
        {"source": datasets.Value("string"), "annotator": datasets.Value("string")}
    )
    rows = []
    for split in loaded:
        assert loaded[split].features == expected
        rows += dataset_to_docs(loaded[split], split)
    by_id = {d.doc_id: d for d in gold_docs}
    assert len(rows) == len(gold_docs)
    for doc in rows:
        gold = by_id[doc.doc_id]
        assert (doc.text, doc.entities, doc.quotes, doc.claims) == (
            gold.text,
            gold.entities,
            gold.quotes,
            gold.claims,
        )
        assert "task_id" not in doc.meta  # server ids stay behind


def test_card_metadata_parses_and_declares_each_split(tmp_path, gold_dir):
    report = write_hub_folder(
        gold_dir, tmp_path / "hub", name="Harbour News Gold", license="cc-by-4.0"
    )
    card = DatasetCard.load(tmp_path / "hub" / "README.md")
    data = card.data.to_dict()
    assert data["license"] == "cc-by-4.0"
    assert data["pretty_name"] == "Harbour News Gold"
    assert data["size_categories"] == ["n<1K"]
    files = {f["split"]: f["path"] for f in data["configs"][0]["data_files"]}
    assert set(files) == set(report.splits)
    for split in report.splits:
        assert list((tmp_path / "hub").glob(files[split]))


def test_card_reports_data_not_invented_figures(tmp_path, gold_dir):
    write_hub_folder(gold_dir, tmp_path / "hub")
    card = (tmp_path / "hub" / "README.md").read_text()
    assert "| at_most | 1 |" in card and "| range | 1 |" in card
    assert "Annotators: 2" in card
    assert "Agreement" not in card  # no agreement.json: the section is left out


def test_agreement_figures_come_from_eval_agree_output(tmp_path, gold_dir):
    agreement = {
        "shared_tasks": 4,
        "summed": [
            {"layer": "entities", "label": "ALL", "criterion": "exact", "tasks": 4, "f1": 0.912},
            {"layer": "entities", "label": "GPE", "criterion": "exact", "tasks": 4, "f1": 0.5},
        ],
        "alpha": {
            "entities": {"alpha": 0.8345, "units": 120, "tasks": 4},
            "quotes": {"alpha": None, "units": 120, "tasks": 4},
        },
        "edits": {
            "claims": {
                "predicted": 10,
                "kept_rate": 0.7,
                "changed_rate": 0.2,
                "deleted_rate": 0.1,
                "added": 3,
            }
        },
    }
    (gold_dir / "agreement.json").write_text(json.dumps(agreement))
    write_hub_folder(gold_dir, tmp_path / "hub")
    card = (tmp_path / "hub" / "README.md").read_text()
    assert "| entities | exact | 4 | 91.2 |" in card
    assert "| entities | 0.834 | 120 | 4 |" in card or "| entities | 0.835 | 120 | 4 |" in card
    assert "| quotes | absent | 120 | 4 |" in card
    assert "| claims | 10 | 70.0 | 20.0 | 10.0 | 3 |" in card
    assert "| GPE |" not in card.split("Agreement")[1].split("## Distributions")[0]


def test_hand_written_sections_survive_regeneration(tmp_path, gold_dir):
    out = tmp_path / "hub"
    write_hub_folder(gold_dir, out)
    card = (out / "README.md").read_text()
    mine = "Articles from the Harbour Gazette, annotated in 2026.\n"
    card = re.sub(
        r"(<!-- hand-written:summary -->\n).*?(<!-- /hand-written:summary -->)",
        lambda m: m[1] + mine + m[2],
        card,
        flags=re.S,
    )
    (out / "README.md").write_text(card)
    write_hub_folder(gold_dir, out, seed=5)
    assert mine in (out / "README.md").read_text()


def test_no_private_data_anywhere_in_the_folder(tmp_path, gold_dir, monkeypatch):
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "ls-secret-token-1234567890")
    out = tmp_path / "hub"
    write_hub_folder(gold_dir, out)
    for split in datasets.load_dataset(str(out), cache_dir=str(tmp_path / "hf")).values():
        for row in split:
            assert not EMAIL.search(str(row))
    for path in out.rglob("*"):
        if path.is_file():
            blob = path.read_bytes().decode("utf-8", "replace")
            assert not EMAIL.search(blob), path
            assert "ls-secret-token" not in blob


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [
        ("text", "Contact ines.rook@dunmore.gov for details.", "e-mail address"),
        ("annotator", "ana@example.org", "e-mail address"),
        ("source", "https://bob:hunter2@files.example.org/a.txt", "URL with credentials"),
    ],
)
def test_private_data_is_refused_and_nothing_written(tmp_path, gold_docs, field, value, kind):
    from dataclasses import replace

    doc = gold_docs[0]
    if field == "text":
        doc = replace(doc, text=value, entities=(), quotes=(), claims=())
    else:
        doc = replace(doc, meta={**doc.meta, field: value})
    write_jsonl([doc, *gold_docs[1:]], tmp_path / "gold" / "gold.jsonl")
    with pytest.raises(PublishError, match=kind):
        write_hub_folder(tmp_path / "gold", tmp_path / "hub")
    assert not (tmp_path / "hub" / "README.md").exists()


def test_empty_gold_is_an_error(tmp_path):
    (tmp_path / "gold.jsonl").write_text("")
    with pytest.raises(PublishError, match="empty"):
        write_hub_folder(tmp_path / "gold.jsonl", tmp_path / "hub")
