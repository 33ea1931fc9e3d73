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
from goldsmith.labels.gold import agreement_record, save_agreement
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
    save_agreement(gold_dir / "agreement.json", agreement_record(gold_dir, agreement))
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


# -- the gold directory's own pull: name, agreement, duplicates --------------------------


def _pulled(tmp_path, gold_docs, title="Harbour news", project_id=7):
    from goldsmith.labels.gold import GoldContent, Origin, new_pull_id, write_gold_dir

    out = tmp_path / "gold"
    origin = Origin("http://127.0.0.1:8080", project_id, title)
    write_gold_dir(out, GoldContent(gold_docs, gold_docs, [], {}), origin, new_pull_id())
    return out


_AGREEMENT = {
    "shared_tasks": 2,
    "summed": [{"layer": "entities", "label": "ALL", "criterion": "exact", "tasks": 2, "f1": 0.8}],
    "alpha": {"entities": {"alpha": 0.7, "units": 30, "tasks": 2}},
    "edits": None,
}


def test_pretty_name_is_the_project_title_not_the_folder(tmp_path, gold_docs):
    gold = _pulled(tmp_path, gold_docs)
    write_hub_folder(gold, tmp_path / "hub")
    card = DatasetCard.load(tmp_path / "hub" / "README.md")
    assert card.data.pretty_name == "Harbour news"
    write_hub_folder(gold, tmp_path / "hub", name="Harbour Gazette gold")
    assert DatasetCard.load(tmp_path / "hub" / "README.md").data.pretty_name == (
        "Harbour Gazette gold"
    )


def test_agreement_of_the_same_pull_is_on_the_card(tmp_path, gold_docs):
    gold = _pulled(tmp_path, gold_docs)
    save_agreement(gold / "agreement.json", agreement_record(gold, _AGREEMENT))
    report = write_hub_folder(gold, tmp_path / "hub")
    card = (tmp_path / "hub" / "README.md").read_text()
    assert "| entities | exact | 2 | 80.0 |" in card
    assert "No pre-annotations were pulled: no edit rate." in card
    assert report.warnings == ()


def test_agreement_of_another_pull_never_reaches_the_card(tmp_path, gold_docs):
    gold = _pulled(tmp_path, gold_docs)
    save_agreement(gold / "agreement.json", agreement_record(gold, _AGREEMENT))
    stale = (gold / "agreement.json").read_text()
    gold = _pulled(tmp_path, gold_docs)  # a new pull of the same project
    (gold / "agreement.json").write_text(stale)  # copied back by hand
    report = write_hub_folder(gold, tmp_path / "hub")
    card = (tmp_path / "hub" / "README.md").read_text()
    assert "Agreement" not in card and "80.0" not in card
    assert any("not this gold's pull" in w for w in report.warnings)


def test_agreement_without_provenance_is_left_out(tmp_path, gold_dir):
    (gold_dir / "agreement.json").write_text(json.dumps(_AGREEMENT))
    report = write_hub_folder(gold_dir, tmp_path / "hub")
    assert "Agreement" not in (tmp_path / "hub" / "README.md").read_text()
    assert any("does not say which pull" in w for w in report.warnings)


def test_pairwise_and_alpha_tables_are_not_empty_without_shared_tasks(tmp_path, gold_dir):
    no_units = {"tasks": 0, "units": 0, "alpha": None, "annotators": 0, "labels": []}
    alpha = {layer: {**no_units, "layer": layer} for layer in ("entities", "quotes", "claims")}
    single = {**_AGREEMENT, "shared_tasks": 0, "summed": [], "alpha": alpha}
    save_agreement(gold_dir / "agreement.json", agreement_record(gold_dir, single))
    write_hub_folder(gold_dir, tmp_path / "hub")
    card = (tmp_path / "hub" / "README.md").read_text()
    assert "No task was annotated by two or more annotators: no pairwise F1." in card
    assert "| layer | match | tasks | pairwise F1 (%) |\n|---|---|---|---|\n\n" not in card
    assert "no Krippendorff's alpha" in card and "| entities | absent | 0 | 0 |" not in card


def test_a_gold_dir_that_does_not_match_its_manifest_is_refused(tmp_path, gold_docs):
    from goldsmith.errors import InputError

    gold = _pulled(tmp_path, gold_docs)
    write_jsonl(gold_docs[:3], gold / "gold.jsonl")
    with pytest.raises(InputError, match=r"gold\.jsonl: does not match manifest\.json"):
        write_hub_folder(gold, tmp_path / "hub")
    assert not (tmp_path / "hub").exists()


def test_duplicate_doc_ids_are_refused_naming_them(tmp_path, gold_docs):
    write_jsonl([*gold_docs, gold_docs[3]], tmp_path / "gold.jsonl")
    with pytest.raises(PublishError, match=r"more than once in the gold set: doc-0003 \(2x\)"):
        write_hub_folder(tmp_path / "gold.jsonl", tmp_path / "hub")
    assert not (tmp_path / "hub").exists()


def test_no_parquet_progress_bars_are_printed(tmp_path, gold_dir, capfd):
    datasets.enable_progress_bars()
    write_hub_folder(gold_dir, tmp_path / "hub")
    captured = capfd.readouterr()
    assert "Creating parquet" not in captured.err + captured.out
    assert not datasets.utils.are_progress_bars_disabled()  # left as it was


# -- the output folder -------------------------------------------------------------------


def test_a_folder_that_is_not_a_publish_output_is_refused(tmp_path, gold_dir):
    out = tmp_path / "project"
    out.mkdir()
    (out / "README.md").write_text("# My project\n")
    (out / "train.py").write_text("print('hi')\n")
    with pytest.raises(PublishError, match=r"--out .*project: not empty and not an earlier"):
        write_hub_folder(gold_dir, out)
    assert (out / "README.md").read_text() == "# My project\n"
    assert not (out / "data").exists()


def test_an_earlier_output_is_replaced_whole(tmp_path, gold_dir):
    out = tmp_path / "hub"
    write_hub_folder(gold_dir, out, ratios={"train": 0.5, "dev": 0.3, "test": 0.2})
    assert (out / "data" / "dev-00000-of-00001.parquet").exists()
    (out / "data" / "validation.jsonl").write_text("{}\n")  # data of an older run
    (out / ".git").mkdir()  # a clone of the Hub repository keeps its .git
    report = write_hub_folder(gold_dir, out)
    assert sorted(p.name for p in (out / "data").iterdir()) == sorted(
        f"{s}-00000-of-00001.parquet" for s in report.splits
    )
    assert set(datasets.load_dataset(str(out))) == set(report.splits)
    assert (out / ".git").is_dir()
    assert sorted(p.name for p in out.iterdir()) == [".git", "README.md", "data"]
