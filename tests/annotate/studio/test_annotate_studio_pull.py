"""The full loop on a real server: push, annotators submit through the API, pull the gold.

Two annotator users (created through the API, tokens from ``label-studio user``) submit
annotations as the labeling UI would: one task each alone, a disagreement, a
disagreement resolved by a ground truth, a skipped task, a draft, a claim without a
qualifier, a region whose text does not match its offsets.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import datasets
import httpx
import pytest
from label_studio_sdk.core.api_error import ApiError

from goldsmith.annotate.studio.convert import to_studio_results
from goldsmith.annotate.studio.pseudonyms import load_salt, pseudonym
from goldsmith.annotate.studio.pull import pull
from goldsmith.annotate.studio.push import push
from goldsmith.corpus.documents import Document, doc_id_for
from goldsmith.labels.gold import read_gold, read_manifest
from goldsmith.labels.jsonl import read_jsonl
from goldsmith.labels.records import AnnotatedDoc, Claim, Entity, Quote

pytestmark = pytest.mark.studio

EMAILS = ("ann.one@example.org", "ann.two@example.org")
TEXTS = {
    "A": '😀 Officials in Brenmoor said 🚢 "the ferry returns" within 2 to 3 weeks.',
    "B": "Councillor Hedda Voss 👩🏽‍⚖️ opened the Kelby library on Monday.",
    "C": "🎈🎈 Tomas Reyk said about 70 volunteers cleaned the Arlen river.",
    "D": "A task the annotator skips. 🙈",
    "E": "A task with only a draft: Pell Harbor 🌊 closed.",
    "F": "The Drummond fund 💶 raised more than 4,000 euros.",
    "G": "Jora Fenn 🎤 spoke at the Ostby festival.",
}


def _span(text: str, word: str, nth: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word), word


def _doc(key: str, **layers) -> AnnotatedDoc:
    text = TEXTS[key]
    return AnnotatedDoc(doc_id_for(text), text, **layers).sorted()


def _gold_a() -> AnnotatedDoc:
    t = TEXTS["A"]
    officials = Entity(*_span(t, "Officials"), "SOURCE")
    return _doc(
        "A",
        entities=(Entity(*_span(t, "Brenmoor"), "GPE"),),
        quotes=(Quote(*_span(t, "the ferry returns"), "direct", officials),),
        claims=(Claim(*_span(t, "2 to 3 weeks"), 2, "week", "range", 3),),
    )


def _person(key: str, name: str, label: str = "PERSON") -> AnnotatedDoc:
    return _doc(key, entities=(Entity(*_span(TEXTS[key], name), label),))


def _claim_f() -> AnnotatedDoc:
    t = TEXTS["F"]
    return _doc(
        "F",
        entities=(Entity(*_span(t, "Drummond fund"), "ORG"),),
        claims=(Claim(*_span(t, "more than 4,000 euros"), 4000, "euro", "exact"),),
    )


def _mismatching_g() -> list[dict]:
    results = to_studio_results(_person("G", "Jora Fenn"))
    results[0]["value"]["text"] = "Jora Fen"
    return results


def _annotate(annotator, task_id: int, results: list[dict], **extra) -> int:
    return annotator.client.annotations.create(
        id=task_id, result=results, lead_time=4.5, **extra
    ).id


@pytest.fixture(scope="module")
def loop(studio, tmp_path_factory):
    """Push the seven tasks, annotate them as two users, pull twice into two folders."""
    docs = [
        Document(doc_id_for(t), t, source=f"{k}.txt", title=f"Story {k}") for k, t in TEXTS.items()
    ]
    preds = {d.doc_id: AnnotatedDoc(d.doc_id, d.text, meta={"model_version": "m1"}) for d in docs}
    title = f"loop-{uuid.uuid4().hex[:8]}"
    result = push(studio.client, docs, preds, title, url=studio.url)
    task = {t.data["doc_id"]: t.id for t in studio.client.tasks.list(project=result.project_id)}
    ids = {k: task[doc_id_for(t)] for k, t in TEXTS.items()}
    one, two = (studio.annotator(email) for email in EMAILS)
    submitted = {
        "A": _annotate(one, ids["A"], to_studio_results(_gold_a())),
        "B1": _annotate(one, ids["B"], to_studio_results(_person("B", "Hedda Voss"))),
        "B2": _annotate(two, ids["B"], to_studio_results(_person("B", "Councillor Hedda Voss"))),
        "C1": _annotate(one, ids["C"], to_studio_results(_person("C", "Tomas Reyk"))),
        "C2": _annotate(two, ids["C"], to_studio_results(_person("C", "Tomas Reyk", "ORG"))),
        "D": _annotate(two, ids["D"], [], was_cancelled=True),
        "F": _annotate(
            two,
            ids["F"],
            [r for r in to_studio_results(_claim_f()) if r.get("from_name") != "qualifier"],
        ),
        "G": _annotate(one, ids["G"], _mismatching_g()),
    }
    studio.client.annotations.update(id=submitted["C2"], ground_truth=True)
    draft = httpx.post(
        f"{studio.url}/api/tasks/{ids['E']}/drafts",
        headers={"Authorization": f"Token {two.token}"},
        timeout=30,
        json={"result": to_studio_results(_person("E", "Pell Harbor", "FAC")), "lead_time": 2.0},
    )
    draft.raise_for_status()
    salt = load_salt(tmp_path_factory.mktemp("salt"))
    out = tmp_path_factory.mktemp("gold")
    report = pull(studio.client, title, out, salt, url=studio.url)
    again = pull(studio.client, title, tmp_path_factory.mktemp("gold2"), salt, url=studio.url)
    return {
        "report": report,
        "again": again,
        "out": out,
        "ids": ids,
        "ann": submitted,
        "users": (one.user_id, two.user_id),
        "salt": salt,
        "title": title,
        "docs": docs,
        "preds": preds,
    }


def _gold_by_task(loop) -> dict[int, AnnotatedDoc]:
    return {d.meta["task_id"]: d for d in read_gold(loop["out"])}


def _layers(doc: AnnotatedDoc) -> tuple:
    return doc.entities, doc.quotes, doc.claims


def test_single_annotation_is_gold_exactly_as_submitted(loop):
    gold = _gold_by_task(loop)[loop["ids"]["A"]]
    assert _layers(gold) == _layers(_gold_a())
    assert gold.meta["annotation_id"] == loop["ann"]["A"]


def test_ground_truth_resolves_a_disagreement(loop):
    gold = _gold_by_task(loop)[loop["ids"]["C"]]
    assert _layers(gold) == _layers(_person("C", "Tomas Reyk", "ORG"))
    assert gold.meta["annotation_id"] == loop["ann"]["C2"]


def test_disagreement_without_ground_truth_is_a_conflict_not_gold(loop):
    report = loop["report"]
    assert [c.task_id for c in report.conflicts] == [loop["ids"]["B"]]
    assert sorted(report.conflicts[0].annotation_ids) == sorted(
        [loop["ann"]["B1"], loop["ann"]["B2"]]
    )
    assert loop["ids"]["B"] not in _gold_by_task(loop)


def test_missing_qualifier_gets_the_default_and_is_reported(loop):
    gold = _gold_by_task(loop)[loop["ids"]["F"]]
    assert _layers(gold) == _layers(_claim_f())
    defaults = loop["report"].defaults
    assert [(i.task_id, i.annotation_id) for i in defaults] == [
        (loop["ids"]["F"], loop["ann"]["F"])
    ]
    assert "no qualifier" in defaults[0].message


def test_region_text_mismatch_is_reported_by_task_and_kept_out(loop):
    report = loop["report"]
    assert [(m.task_id, m.annotation_id) for m in report.mismatches] == [
        (loop["ids"]["G"], loop["ann"]["G"])
    ]
    assert f"task {loop['ids']['G']}" in report.mismatches[0].message
    assert loop["ids"]["G"] not in _gold_by_task(loop)


def test_counts_of_the_report(loop):
    report = loop["report"]
    assert (report.tasks, report.annotations, report.gold_documents) == (7, 7, 3)
    assert (report.skipped, report.drafts, len(report.annotators)) == (1, 1, 2)
    assert sorted(report.empty_tasks) == sorted([loop["ids"]["D"], loop["ids"]["E"]])
    assert report.source == "export"


def test_raw_table_keeps_every_annotation_with_its_status(loop):
    rows = list(read_jsonl(loop["out"] / "annotations.jsonl"))
    statuses = sorted((r.meta["task_id"], r.meta["status"]) for r in rows)
    ids = loop["ids"]
    assert statuses == sorted(
        [
            (ids["A"], "submitted"),
            (ids["B"], "submitted"),
            (ids["B"], "submitted"),
            (ids["C"], "submitted"),
            (ids["C"], "submitted"),
            (ids["D"], "skipped"),
            (ids["E"], "draft"),
            (ids["F"], "submitted"),
        ]
    )
    draft = next(r for r in rows if r.meta["status"] == "draft")
    assert _layers(draft) == _layers(_person("E", "Pell Harbor", "FAC"))


def test_annotators_are_stable_pseudonyms(loop):
    one, two = loop["users"]
    expected = sorted([pseudonym(loop["salt"], one), pseudonym(loop["salt"], two)])
    assert list(loop["report"].annotators) == expected
    assert loop["again"].annotators == loop["report"].annotators
    gold = _gold_by_task(loop)
    assert gold[loop["ids"]["C"]].meta["annotator"] == pseudonym(loop["salt"], two)


def test_no_email_address_is_written(loop):
    email = re.compile(rb"[\w.+-]+@[\w-]+\.[\w.]+")
    for path in Path(loop["out"]).rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for address in (*EMAILS, "admin@goldsmith.local"):
                assert address.encode() not in data, path
            if path.suffix in (".jsonl", ".json"):
                assert not email.search(data), path


def test_dataset_has_gold_split_with_extra_columns(loop):
    dataset = datasets.load_from_disk(str(loop["out"] / "dataset"))
    gold = dataset["gold"]
    assert gold.num_rows == 3
    assert gold.features["task_id"] == datasets.Value("int64")
    assert gold.features["annotation_id"] == datasets.Value("int64")
    assert {gold.features[c].dtype for c in ("annotator", "source", "title")} == {"string"}
    row = next(r for r in gold if r["task_id"] == loop["ids"]["A"])
    assert (row["source"], row["title"]) == ("A.txt", "Story A")


def test_predictions_and_report_files(loop):
    preds = list(read_jsonl(loop["out"] / "predictions.jsonl"))
    assert len(preds) == 7 and {p.meta["model_version"] for p in preds} == {"m1"}
    report = json.loads((loop["out"] / "report.json").read_text())
    assert report["gold_documents"] == 3 and len(report["conflicts"]) == 1


def test_push_after_annotation_adds_nothing(loop, studio):
    result = push(studio.client, loop["docs"], loop["preds"], loop["title"], url=studio.url)
    assert (result.tasks_created, result.predictions_added) == (0, 0)


def test_task_list_is_the_fallback_when_the_export_fails(loop, studio, monkeypatch, tmp_path):
    def broken_export(*args, **kwargs):
        raise ApiError(status_code=500, body="export failed")

    monkeypatch.setattr(studio.client.projects.exports, "create", broken_export)
    report = pull(studio.client, loop["title"], tmp_path, loop["salt"], url=studio.url)
    assert report.source == "task list"
    assert [c.task_id for c in report.conflicts] == [c.task_id for c in loop["report"].conflicts]
    fallback = {d.meta["task_id"]: _layers(d) for d in read_gold(tmp_path)}
    assert fallback == {task_id: _layers(d) for task_id, d in _gold_by_task(loop).items()}


def test_manifest_names_project_and_pull_without_credentials(loop, studio):
    manifest = read_manifest(loop["out"])
    assert manifest.origin.project_title == loop["title"]
    assert manifest.origin.server == studio.url.rstrip("/")
    assert manifest.pull_id == loop["report"].pull_id
    report = json.loads((loop["out"] / "report.json").read_text())
    assert report["pull_id"] == manifest.pull_id
    assert studio.api_key not in (loop["out"] / "manifest.json").read_text()


def test_duplicate_doc_ids_are_reported_and_kept_out_of_the_gold(studio, tmp_path):
    texts = ["Mayor Ines Rook opened the Tarrow bridge.", "Osei Brandt chairs the board."]
    docs = [Document(doc_id_for(t), t) for t in texts]
    title = f"dups-{uuid.uuid4().hex[:8]}"
    project_id = push(studio.client, docs, {}, title, url=studio.url).project_id
    # what two pushes at once left behind: a second task for the first document
    studio.client.projects.import_tasks(
        id=project_id, request=[{"text": texts[0], "doc_id": docs[0].doc_id}]
    )
    tasks = {t.id: t.data["doc_id"] for t in studio.client.tasks.list(project=project_id)}
    for task_id in tasks:
        studio.client.annotations.create(id=task_id, result=[], lead_time=1.0)
    report = pull(studio.client, title, tmp_path / "gold", "salt", url=studio.url)
    twice = sorted(t for t, d in tasks.items() if d == docs[0].doc_id)
    assert [(d.doc_id, list(d.task_ids)) for d in report.duplicates] == [(docs[0].doc_id, twice)]
    assert [d.doc_id for d in read_gold(tmp_path / "gold")] == [docs[1].doc_id]
    assert report.gold_documents == 1


def test_another_projects_gold_is_replaced_only_with_force(loop, studio, tmp_path):
    from goldsmith.errors import InputError

    other = f"other-{uuid.uuid4().hex[:8]}"
    push(
        studio.client, [Document(doc_id_for("Quiet day."), "Quiet day.")], {}, other, url=studio.url
    )
    out = tmp_path / "gold"
    pull(studio.client, loop["title"], out, loop["salt"], url=studio.url)
    with pytest.raises(InputError, match=f"holds the gold of project '{loop['title']}'"):
        pull(studio.client, other, out, loop["salt"], url=studio.url)
    assert read_manifest(out).origin.project_title == loop["title"]
    report = pull(studio.client, other, out, loop["salt"], url=studio.url, force=True)
    assert read_manifest(out).origin.project_title == other
    assert report.previous == str(tmp_path / "gold.prev")
    assert read_manifest(tmp_path / "gold.prev").origin.project_title == loop["title"]


def test_pull_command_reads_as_english(loop, studio, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from goldsmith.cli import app

    monkeypatch.setenv("LABEL_STUDIO_URL", studio.url)
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", studio.api_key)
    args = ["annotate", "pull", "--project", loop["title"], "--out", str(tmp_path / "gold")]
    result = CliRunner().invoke(app, [*args, "--studio-dir", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert "7 tasks, 7 annotations by 2 annotators, 3 gold documents; 1 conflict, " in (
        result.output
    )
    assert "1 draft, 1 mismatch, 0 invalid, 0 duplicates, 2 tasks without" in result.output
    again = CliRunner().invoke(app, [*args, "--studio-dir", str(tmp_path / "s")])
    assert f"the gold it replaced is kept in {tmp_path / 'gold.prev'}" in again.output
