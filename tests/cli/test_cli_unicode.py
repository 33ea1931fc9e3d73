"""A lone surrogate (JSON's ``"\\ud83d"`` without its pair) never reaches a writer.

Python decodes such an escape into a string that cannot be encoded as UTF-8; written
out it ended in ``UnicodeEncodeError`` and a 0-byte HTML report. Every reader refuses it
with the file and line instead: one line, exit 2.
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

from goldsmith.cli import app

runner = CliRunner()

TEXT = "Mayor Ines Rook said on Monday that 40 buses would run."
BROKEN = "Mayor Ines Rook \\ud83d said on Monday that 40 buses would run."


def _line(text_json: str, doc_id: str = "d1") -> str:
    return f'{{"doc_id": "{doc_id}", "text": "{text_json}", "entities": []}}\n'


def _good(tmp_path):
    gold = tmp_path / "good.jsonl"
    entity = {"start": 6, "end": 15, "label": "PERSON", "text": "Ines Rook"}
    gold.write_text(json.dumps({"doc_id": "d1", "text": TEXT, "entities": [entity]}) + "\n")
    return gold


def test_eval_score_refuses_a_prediction_file_with_a_lone_surrogate(tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text(_line(BROKEN), encoding="utf-8")
    html = tmp_path / "report.html"
    args = ["eval", "score", str(_good(tmp_path)), "-s", f"x={pred}", "--html", str(html)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "pred.jsonl:1: text holds a lone surrogate U+D83D" in lines[0]
    assert not html.exists()


def test_eval_score_refuses_gold_with_a_lone_surrogate(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(_line(TEXT) + _line(BROKEN, "d2"), encoding="utf-8")
    result = runner.invoke(app, ["eval", "score", str(gold), "-s", f"x={_good(tmp_path)}"])
    assert result.exit_code == 2, result.output
    assert "gold.jsonl:2: text holds a lone surrogate" in result.output
