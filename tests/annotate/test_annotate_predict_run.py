"""A whole predict run: events, the report, resuming from a partial file."""

from __future__ import annotations

import json

import pytest

from goldsmith.annotate.predict_run import Done, PredictReport, Skipped, Started, predict_file
from goldsmith.errors import InputError
from goldsmith.labels import read_jsonl
from goldsmith.labels.jsonl import kept_path

TEXTS = [
    "Harbor pilots in Valmora stopped work on Tuesday, union leader Petra Lind said.",
    "The Pentagon said on Friday that 400 engineers had reached eastern Poland.",
    "Mayor Rui Sousa of Lisbon said more than 90 homes were flooded last week.",
]


@pytest.fixture
def news(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in TEXTS), encoding="utf-8")
    return path


def test_events_are_started_done_per_document_and_the_report_last(nlp, news, tmp_path):
    events = list(predict_file(news, tmp_path / "p.jsonl", nlp=nlp))
    assert isinstance(events[0], Started) and events[0].resumed == 0
    assert [e.documents for e in events if isinstance(e, Done)] == [1, 2, 3]
    report = events[-1]
    assert isinstance(report, PredictReport)
    assert report.documents == 3 and report.words == sum(len(t.split()) for t in TEXTS)
    assert report.regions["entities"] == sum(len(d.entities) for d in read_jsonl(report.out))


def test_a_skipped_document_is_an_event_and_a_line(nlp, tmp_path, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 200)
    path = tmp_path / "news.jsonl"
    rows = [{"text": TEXTS[0]}, {"text": "q" * 300}, {"text": TEXTS[1]}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    events = list(predict_file(path, tmp_path / "p.jsonl", nlp=nlp))
    skipped = [e for e in events if isinstance(e, Skipped)]
    assert len(skipped) == 1 and skipped[0].source == "news.jsonl:2"
    assert events[-1].skipped == tuple(skipped)
    assert len(list(read_jsonl(tmp_path / "p.jsonl"))) == 3


def test_nothing_is_resumed_from_another_model_version(nlp, news, tmp_path):
    full = tmp_path / "full.jsonl"
    list(predict_file(news, full, nlp=nlp))
    out = tmp_path / "p.jsonl"
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    other = json.loads(lines[0]) | {"model_version": "someone-else-1.0"}
    kept_path(out).write_text(json.dumps(other) + "\n" + lines[1], encoding="utf-8")
    report = list(predict_file(news, out, nlp=nlp))[-1]
    assert report.resumed == 0
    assert out.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")


def test_records_with_layers_not_asked_for_are_not_resumed(nlp, news, tmp_path):
    full = tmp_path / "full.jsonl"
    list(predict_file(news, full, nlp=nlp))  # all layers
    out = tmp_path / "p.jsonl"
    kept_path(out).write_text(full.read_text(encoding="utf-8"), encoding="utf-8")
    events = list(predict_file(news, out, nlp=nlp, layers=("entities",)))
    assert events[-1].resumed == 0
    assert all(d.quotes == () and d.claims == () for d in read_jsonl(out))


def test_a_resumed_run_reports_what_it_kept(nlp, news, tmp_path):
    full = tmp_path / "full.jsonl"
    list(predict_file(news, full, nlp=nlp))
    out = tmp_path / "p.jsonl"
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    kept_path(out).write_text("".join(lines[:2]), encoding="utf-8")
    events = list(predict_file(news, out, nlp=nlp))
    assert events[0].resumed == 2 and events[0].resumed_from == kept_path(out)
    assert events[-1].resumed == 2 and events[-1].documents == 3
    assert out.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")
    assert not kept_path(out).exists()


def test_an_unwritable_out_fails_before_the_model_loads(news, tmp_path, monkeypatch):
    import goldsmith.annotate.predict_run as run

    def no_model(name=None):
        raise AssertionError("the model was loaded before --out was checked")

    monkeypatch.setattr(run, "load_model", no_model)
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"afile/p\.jsonl: cannot write"):
        list(predict_file(news, tmp_path / "afile" / "p.jsonl"))
