"""``goldsmith eval score`` through typer's CliRunner."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from goldsmith.cli import app
from goldsmith.labels.jsonl import write_jsonl
from goldsmith.labels.records import AnnotatedDoc, Claim, Entity, Quote

runner = CliRunner()

TEXT_1 = "Harbour pilot Teodor Brandt said at least 40 ships were waiting off Bremerhaven."
TEXT_2 = "The Lisbon council approved 12 new tram lines on Tuesday."


def _at(text: str, part: str) -> tuple[int, int, str]:
    start = text.index(part)
    return start, start + len(part), part


def _ent(text: str, part: str, label: str) -> Entity:
    return Entity(*_at(text, part), label)


def _gold() -> list[AnnotatedDoc]:
    brandt = _ent(TEXT_1, "Teodor Brandt", "PERSON")
    return [
        AnnotatedDoc(
            "doc-1",
            TEXT_1,
            entities=(brandt, _ent(TEXT_1, "Bremerhaven", "GPE")),
            quotes=(
                Quote(
                    *_at(TEXT_1, "at least 40 ships were waiting off Bremerhaven."),
                    "indirect",
                    brandt,
                ),
            ),
            claims=(Claim(*_at(TEXT_1, "at least 40 ships"), 40, "ship", "at_least"),),
        ),
        AnnotatedDoc(
            "doc-2",
            TEXT_2,
            entities=(_ent(TEXT_2, "Lisbon", "GPE"), _ent(TEXT_2, "Tuesday", "DATE")),
            claims=(Claim(*_at(TEXT_2, "12 new tram lines"), 12, "line", "exact"),),
        ),
    ]


def _pred() -> list[AnnotatedDoc]:
    return [
        AnnotatedDoc(
            "doc-1",
            TEXT_1,
            entities=(_ent(TEXT_1, "Teodor Brandt", "PERSON"), _ent(TEXT_1, "Bremerhaven", "ORG")),
            quotes=(
                Quote(
                    *_at(TEXT_1, "at least 40 ships were waiting off Bremerhaven."),
                    "indirect",
                    None,
                ),
            ),
            claims=(Claim(*_at(TEXT_1, "least 40 ships"), 40, "ship", "exact"),),
        ),
        AnnotatedDoc("doc-extra", "Not in the gold set."),
    ]


@pytest.fixture()
def files(tmp_path):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    write_jsonl(_gold(), gold)
    write_jsonl(_pred(), pred)
    return gold, pred


def test_score_prints_tables_and_writes_json(files, tmp_path):
    gold, pred = files
    out = tmp_path / "report.json"
    result = runner.invoke(
        app,
        [
            "eval",
            "score",
            str(gold),
            "--system",
            f"mine={pred}",
            "--system",
            f"ref={gold}",
            "--json",
            str(out),
            "--resamples",
            "50",
            "--seed",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Headline figures" in result.output
    assert "Paired bootstrap: mine vs ref" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [s["name"] for s in data["systems"]] == ["mine", "ref"]
    assert data["resamples"] == 50 and data["seed"] == 1
    mine = data["systems"][0]
    assert mine["docs_missing"] == ["doc-2"]
    assert mine["docs_ignored"] == 1
    assert mine["entities"]["strict"]["micro"]["correct"] == 1
    assert mine["entities"]["exact"]["micro"]["correct"] == 2
    assert mine["headline"]["quotes.speaker_accuracy"]["value"] == 0.0
    assert mine["headline"]["claims.qualifier_accuracy"]["value"] == 0.0
    assert data["systems"][1]["headline"]["claims.end_to_end.f1"]["value"] == 1.0


def test_json_is_the_same_for_the_same_seed(files, tmp_path):
    gold, pred = files
    outputs = []
    for name in ("a.json", "b.json"):
        out = tmp_path / name
        result = runner.invoke(
            app,
            [
                "eval",
                "score",
                str(gold),
                "-s",
                f"m={pred}",
                "--json",
                str(out),
                "--resamples",
                "30",
            ],
        )
        assert result.exit_code == 0, result.output
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("spec", ["nonsense", "=x.jsonl", "name="])
def test_bad_system_syntax_exits_2_with_one_line(files, spec):
    gold, _ = files
    result = runner.invoke(app, ["eval", "score", str(gold), "--system", spec])
    assert result.exit_code == 2
    assert "NAME=SOURCE" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_missing_prediction_file_exits_2(files, tmp_path):
    gold, _ = files
    result = runner.invoke(
        app, ["eval", "score", str(gold), "--system", f"m={tmp_path / 'nope.jsonl'}"]
    )
    assert result.exit_code == 2
    assert "no such prediction file" in result.output


def test_prediction_on_other_text_exits_2_naming_the_doc(files, tmp_path):
    gold, _ = files
    bad = tmp_path / "bad.jsonl"
    write_jsonl([AnnotatedDoc("doc-2", "A different text entirely.")], bad)
    result = runner.invoke(app, ["eval", "score", str(gold), "--system", f"m={bad}"])
    assert result.exit_code == 2
    assert "doc-2" in result.output


def test_missing_gold_is_refused(tmp_path):
    result = runner.invoke(app, ["eval", "score", str(tmp_path / "none.jsonl"), "-s", "a=b"])
    assert result.exit_code == 2


def test_html_report_is_written(files, tmp_path):
    gold, pred = files
    out = tmp_path / "report.html"
    result = runner.invoke(
        app,
        ["eval", "score", str(gold), "-s", f"m={pred}", "--html", str(out), "--resamples", "20"],
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "Teodor Brandt" in page


def test_errors_are_listed_with_context_and_written_as_jsonl(files, tmp_path):
    gold, pred = files
    out = tmp_path / "errors.jsonl"
    result = runner.invoke(
        app,
        [
            "eval",
            "score",
            str(gold),
            "--system",
            f"mine={pred}",
            "--resamples",
            "0",
            "--errors",
            "3",
            "--errors-out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records and {r["system"] for r in records} == {"mine"}
    assert {"missed", "qualifier"} <= {r["kind"] for r in records}
    assert f"mine: {len(records)} errors" in result.output
    assert "«" in result.output  # the gold span is marked in its context


@pytest.mark.parametrize("option", ["--json", "--html", "--errors-out"])
def test_unwritable_output_exits_2_with_one_line_naming_it(files, tmp_path, option):
    gold, pred = files
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    for path in (tmp_path, blocker / "out.txt"):  # a folder; a file where a folder should be
        result = runner.invoke(
            app, ["eval", "score", str(gold), "-s", f"m={pred}", option, str(path)]
        )
        assert result.exit_code == 2, result.output
        assert result.output.strip().splitlines() == [result.output.strip()]
        assert str(path) in result.output and "cannot write" in result.output
        assert "Traceback" not in result.output


def test_error_count_is_singular_for_one_error(tmp_path):
    gold, pred = tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    write_jsonl([AnnotatedDoc("d", TEXT_2, entities=(_ent(TEXT_2, "Lisbon", "GPE"),))], gold)
    write_jsonl([AnnotatedDoc("d", TEXT_2)], pred)
    result = runner.invoke(
        app, ["eval", "score", str(gold), "-s", f"m={pred}", "--errors", "5", "--resamples", "0"]
    )
    assert result.exit_code == 0, result.output
    assert "m: 1 error\n" in result.output


def test_bootstrap_over_two_documents_warns_in_terminal_json_and_html(files, tmp_path):
    gold, pred = files
    out, page = tmp_path / "r.json", tmp_path / "r.html"
    result = runner.invoke(
        app,
        ["eval", "score", str(gold), "-s", f"m={pred}", "--json", str(out), "--html", str(page)],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    warning = "bootstrap over 2 documents only"
    assert f"warning: {warning}" in result.output
    assert warning in json.loads(out.read_text(encoding="utf-8"))["warnings"][0]
    assert warning in page.read_text(encoding="utf-8")
