"""One run of eval score: report and errors from the same predictions; output files."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import goldsmith.eval
from goldsmith.errors import InputError
from goldsmith.eval.evaluation import check_outputs, evaluate, write_outputs
from goldsmith.eval.score import SystemInput
from goldsmith.labels.records import AnnotatedDoc, Claim, Entity

TEXT = "Mayor Ida Holm said 40 buses will run in Tromso from Monday."


def _at(part: str) -> tuple[int, int, str]:
    start = TEXT.index(part)
    return start, start + len(part), part


GOLD = [
    AnnotatedDoc(
        "d1",
        TEXT,
        entities=(Entity(*_at("Ida Holm"), "PERSON"), Entity(*_at("Tromso"), "GPE")),
        claims=(Claim(*_at("40 buses"), 40, "bus", "exact"),),
    )
]
PRED = [
    AnnotatedDoc(
        "d1",
        TEXT,
        entities=(Entity(*_at("Holm"), "PERSON"), Entity(*_at("Monday"), "DATE")),
        claims=(Claim(*_at("40 buses"), 4, "bus", "exact"),),
    )
]


def test_errors_and_report_come_from_the_same_predictions():
    run = evaluate(GOLD, [SystemInput("m", "p", iter(PRED))], resamples=0, errors=True)
    errors = run.errors["m"]
    entities = run.report.system("m").entities.type.micro.counts
    assert sum(e.layer == "entities" and e.missed for e in errors) == entities.missed == 1
    assert sum(e.layer == "entities" and e.spurious for e in errors) == entities.spurious == 1
    assert [e.kind.value for e in errors if e.layer == "claims"] == ["value"]
    assert run.report.system("m").claims.end_to_end.counts.incorrect == 1
    assert run.predictions["m"] == tuple(PRED)  # the generator was read once, kept


def test_errors_are_listed_only_when_asked():
    assert evaluate(GOLD, [SystemInput("m", "p", PRED)], resamples=0).errors is None


def test_outputs_are_written(tmp_path):
    run = evaluate(GOLD, [SystemInput("m", "p", PRED)], resamples=0, errors=True)
    paths = {
        "json_path": tmp_path / "a" / "r.json",
        "errors_path": tmp_path / "b" / "e.jsonl",
        "html_path": tmp_path / "c" / "r.html",
    }
    written = write_outputs(run, **paths)
    assert [what for what, _ in written] == ["report", "errors", "HTML report"]
    assert json.loads(paths["json_path"].read_text(encoding="utf-8"))["systems"][0]["name"] == "m"
    lines = paths["errors_path"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(run.errors["m"]) and json.loads(lines[0])["system"] == "m"
    assert "Ida Holm" in paths["html_path"].read_text(encoding="utf-8")


@pytest.mark.parametrize("where", ["folder", "under_a_file"])
def test_unwritable_outputs_are_refused_naming_the_path(tmp_path, where):
    blocker = tmp_path / "taken"
    if where == "folder":
        blocker.mkdir()
        path = blocker
    else:
        blocker.write_text("x", encoding="utf-8")
        path = blocker / "report.json"
    with pytest.raises(InputError, match="cannot write") as caught:
        check_outputs(None, path)
    assert str(path) in str(caught.value)
    run = evaluate(GOLD, [SystemInput("m", "p", PRED)], resamples=0, errors=True)
    for option in ("json_path", "errors_path", "html_path"):
        with pytest.raises(InputError, match=str(path)):
            write_outputs(run, **{option: path})


def test_eval_imports_no_other_stage():
    """Dependencies point one way: eval reads labels (and the shared errors, progress,
    outputs and wording modules), nothing else."""
    folder = Path(goldsmith.eval.__file__).parent
    shared = ("goldsmith.errors", "goldsmith.progress", "goldsmith.outputs", "goldsmith.wording")
    allowed = ("goldsmith.eval", "goldsmith.labels", *shared)
    for module in folder.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                if name.startswith("goldsmith"):
                    assert name.startswith(allowed), f"{module.name} imports {name}"


def test_each_document_is_judged_once_for_counts_and_errors(monkeypatch):
    import goldsmith.eval.score as score_module

    calls = {"quotes": 0, "claims": 0}
    real_quotes, real_claims = score_module.quote_pairs, score_module.claim_pairs

    def quotes(*args):
        calls["quotes"] += 1
        return real_quotes(*args)

    def claims(*args):
        calls["claims"] += 1
        return real_claims(*args)

    monkeypatch.setattr(score_module, "quote_pairs", quotes)
    monkeypatch.setattr(score_module, "claim_pairs", claims)
    run = evaluate(GOLD, [SystemInput("m", "p", PRED)], resamples=0, errors=True)
    assert calls == {"quotes": 1, "claims": 1}
    assert [e.kind.value for e in run.errors["m"] if e.layer == "claims"] == ["value"]
