"""The typed report: stable keys, JSON round trip, refusing other files."""

from __future__ import annotations

import json

import pytest

from goldsmith.errors import InputError
from goldsmith.eval.report import REPORT_FORMAT, Report, read_report, write_report
from goldsmith.eval.score import SystemInput, score
from goldsmith.labels.records import AnnotatedDoc, Entity, Quote

TEXT = "Ines Moreau said the bridge in Lyon would reopen."
GOLD = [
    AnnotatedDoc(
        "d1",
        TEXT,
        entities=(Entity(0, 11, "Ines Moreau", "PERSON"), Entity(31, 35, "Lyon", "GPE")),
        quotes=(Quote(17, 48, TEXT[17:48], "indirect", Entity(0, 11, "Ines Moreau", "PERSON")),),
    )
]
PRED = [AnnotatedDoc("d1", TEXT, entities=(Entity(31, 35, "Lyon", "GPE"),))]


@pytest.fixture(scope="module")
def report() -> Report:
    return score(
        GOLD,
        [SystemInput("gold", "gold.jsonl", GOLD), SystemInput("pred", "pred.jsonl", PRED)],
        resamples=40,
        seed=3,
        gold_source="gold.jsonl",
    )


def test_top_level_keys_are_stable(report):
    assert list(report.to_dict()) == [
        "format",
        "gold",
        "n_docs",
        "resamples",
        "seed",
        "confidence",
        "value_tolerance",
        "systems",
        "comparisons",
        "warnings",
    ]
    assert report.to_dict()["format"] == REPORT_FORMAT


def test_system_keys_are_stable(report):
    system = report.to_dict()["systems"][1]
    assert list(system) == [
        "name",
        "source",
        "layers",
        "docs_scored",
        "docs_missing",
        "docs_ignored",
        "warnings",
        "headline",
        "entities",
        "quotes",
        "claims",
    ]
    assert list(system["entities"]) == ["strict", "exact", "partial", "type"]
    assert list(system["entities"]["strict"]) == ["micro", "macro_f1", "macro_f1_ci", "per_label"]
    assert list(system["quotes"]["span"]) == ["exact", "overlap_80", "overlap_30"]
    assert list(system["claims"]["span"]) == ["exact", "overlap_50"]
    assert system["headline"]["entities.strict.f1"]["value"] == pytest.approx(2 / 3)


def test_absent_figures_are_null_in_json(report):
    data = json.loads(report.to_json())
    claims = data["systems"][0]["claims"]
    assert claims["end_to_end"]["f1"] is None
    assert claims["end_to_end"]["f1_ci"] is None


def test_report_round_trips_through_a_file(report, tmp_path):
    path = tmp_path / "out" / "report.json"
    write_report(report, path)
    assert read_report(path) == report


def test_reading_something_else_is_an_input_error(tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(InputError, match="not a goldsmith eval report"):
        read_report(path)
