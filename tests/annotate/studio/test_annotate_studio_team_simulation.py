"""A simulated team on a real Label Studio: three annotators with their own tokens, overlap
2, 30 documents, planted agreements and disagreements on all three layers (see
tests/team_simulation.py); push, status, pull with each rule, adjudicate, a reviewer
submits, pull again. Every document ends in the gold with the right provenance, nothing
submitted is lost, no annotator got a task twice and no task got more than two."""

from __future__ import annotations

import json
import uuid
from collections import Counter

import pytest
from team_simulation import errs, team_documents, version
from team_stream import label_all, submit
from typer.testing import CliRunner

from goldsmith.annotate.studio.adjudicate import adjudicate, review_title
from goldsmith.annotate.studio.convert import from_studio_results, to_studio_results
from goldsmith.annotate.studio.pseudonyms import load_salt, pseudonym
from goldsmith.annotate.studio.pull import pull
from goldsmith.annotate.studio.push import find_project, push
from goldsmith.annotate.studio.status import project_status
from goldsmith.annotate.studio.team import apply_team_settings
from goldsmith.cli import app
from goldsmith.eval.agreement import agreement_report
from goldsmith.labels.gold import read_gold
from goldsmith.publish.folder import write_hub_folder

pytestmark = [pytest.mark.studio, pytest.mark.slow]

ROLES = {"careful": "ana@team.example", "dates": "ben@team.example", "kinds": "cy@team.example"}


def test_a_team_of_three_from_push_to_adjudicated_gold(studio, tmp_path):
    docs, truth, number = team_documents(uuid.uuid4().hex[:6])
    title = f"team sim {uuid.uuid4().hex[:8]}"
    pushed = push(studio.client, docs, {}, title, url=studio.url)
    apply_team_settings(studio.client, pushed.project_id, 2, url=studio.url)
    people = {role: studio.annotator(email) for role, email in ROLES.items()}
    role_of = {a.user_id: role for role, a in people.items()}

    def answer(role: str, task: dict) -> list:
        doc_id = task["data"]["doc_id"]
        return to_studio_results(version(role, truth[doc_id], number[doc_id]))

    tokens = {role: a.token for role, a in people.items()}
    handed = label_all(studio.url, tokens, pushed.project_id, answer)

    # the label stream: nobody twice, every task exactly two distinct annotators
    for role, ids in handed.items():
        assert len(ids) == len(set(ids)), f"{role} got a task twice"
    tasks = list(studio.client.tasks.list(project=pushed.project_id, fields="all"))
    by_doc = {
        t.data["doc_id"]: sorted(role_of[a["completed_by"]] for a in t.annotations) for t in tasks
    }
    assert len(by_doc) == 30 and all(len(set(r)) == len(r) == 2 for r in by_doc.values())
    disputed = {d for d, roles in by_doc.items() if any(errs(r, number[d]) for r in roles)}
    assert 0 < len(disputed) < 30

    salt = load_salt(studio.data_dir)
    status = project_status(studio.client, title, salt, url=studio.url, rule="unanimous")
    assert (status.tasks_done, status.tasks_waiting, status.tasks_not_started) == (30, 0, 0)
    assert sum(a.submitted for a in status.annotators) == 60
    assert {a.annotator: a.submitted for a in status.annotators} == {
        pseudonym(salt, people[r].user_id): len(ids) for r, ids in handed.items()
    }
    assert len(status.conflicts) == len(disputed)

    # pull with each rule (two annotators: majority is unanimous)
    pulled = {}
    for rule in ("ground-truth", "unanimous", "majority"):
        out = tmp_path / rule
        report = pull(studio.client, title, out, salt, url=studio.url, rule=rule)
        pulled[rule] = (report, {d.doc_id: d for d in read_gold(out)})
    assert pulled["ground-truth"][1] == {} and len(pulled["ground-truth"][0].conflicts) == 30
    for rule in ("unanimous", "majority"):
        report, gold = pulled[rule]
        assert set(gold) == set(truth) - disputed
        assert {c.doc_id for c in report.conflicts} == disputed
        for doc_id, doc in gold.items():
            assert doc.meta["provenance"] == "consensus"
            assert (doc.entities, doc.quotes, doc.claims) == (
                truth[doc_id].entities,
                truth[doc_id].quotes,
                truth[doc_id].claims,
            )
            assert doc.meta["region_annotators"] == {
                "entities": [2] * 4,
                "quotes": [2],
                "claims": [2],
            }

    # agreement: what status said is what eval agree says of the pulled annotations
    agree = agreement_report(tmp_path / "unanimous")
    for layer in status.agreement:
        assert layer.alpha == agree.alpha[layer.layer].alpha
        assert layer.f1["exact"] == agree.summed(layer.layer).f1
    assert all(layer.f1["exact"] < 1 for layer in status.agreement)  # planted on every layer

    # adjudicate: idempotent; the reviewer starts from the consensus and fixes it
    first = adjudicate(studio.client, title, salt, rule="unanimous", url=studio.url)
    again = adjudicate(studio.client, title, salt, rule="unanimous", url=studio.url)
    assert set(first.unsettled) == disputed and first.tasks_added == len(disputed)
    assert (again.tasks_added, again.tasks_existing) == (0, len(disputed))
    review_id = find_project(studio.client, review_title(title), studio.url)
    for task in studio.client.tasks.list(project=review_id, fields="all"):
        doc_id = task.data["doc_id"]
        predictions = [p.model_dump() if hasattr(p, "model_dump") else p for p in task.predictions]
        versions = {p["model_version"] for p in predictions}
        assert "consensus" in versions and len(versions) == 3  # consensus + both annotators
        assert "marked by 1 of 2" in task.data["disagreements"]
        start = next(p for p in predictions if p["model_version"] == "consensus")
        begun = from_studio_results(task.data["text"], start["result"])
        agreed = [e for e in truth[doc_id].entities if e in begun.entities]
        assert agreed == list(begun.entities)  # the starting point holds only agreed regions
        submit(studio.url, studio.api_key, task.id, to_studio_results(truth[doc_id]))

    after = status = project_status(studio.client, title, salt, url=studio.url, rule="unanimous")
    assert after.conflicts == () and after.adjudicated == len(disputed)
    out = tmp_path / "final"
    report = pull(studio.client, title, out, salt, url=studio.url, rule="unanimous")
    gold = {d.doc_id: d for d in read_gold(out)}
    assert set(gold) == set(truth) and report.conflicts == ()
    provenance = Counter(d.meta["provenance"] for d in gold.values())
    assert provenance == {"consensus": 30 - len(disputed), "adjudicated": len(disputed)}
    for doc_id, doc in gold.items():
        assert (doc.entities, doc.quotes, doc.claims) == (
            truth[doc_id].entities,
            truth[doc_id].quotes,
            truth[doc_id].claims,
        )
        assert (doc.meta["provenance"] == "adjudicated") is (doc_id in disputed)
    # eval agree and the dataset card report this team's agreement and provenance
    agreed = CliRunner().invoke(app, ["eval", "agree", str(out)])
    assert agreed.exit_code == 0, agreed.output
    made = f"{provenance['adjudicated']} adjudicated, {provenance['consensus']} consensus"
    assert f"gold documents: {made}" in agreed.output
    saved = json.loads((out / "agreement.json").read_text())
    entities_f1 = next(
        r["f1"] for r in saved["summed"] if r["layer"] == "entities" and r["label"] == "ALL"
    )
    assert entities_f1 == agree.summed("entities").f1 < 1
    hub = tmp_path / "hub"
    write_hub_folder(out, hub, seed=3)
    card = (hub / "README.md").read_text()
    assert "### Agreement between annotators" in card
    assert f"{100 * entities_f1:.1f}" in card
    assert f"Gold documents by provenance: {made}." in card

    # nothing submitted is lost: 60 annotations in the raw table
    lines = [json.loads(x) for x in (out / "annotations.jsonl").read_text().splitlines()]
    assert Counter(x["annotator"] for x in lines if x["status"] == "submitted") == {
        pseudonym(salt, people[r].user_id): len(ids) for r, ids in handed.items()
    }
