"""Comparing two annotators: goldsmith's agreement figures and the disagreement list."""

from __future__ import annotations

import json

from goldsmith.corpus.realnews.adjudicate import compare
from goldsmith.corpus.realnews.annotations import convert

TEXT = "Coach Ivo Brandt said on Sunday that 12 players were injured."


def _doc(data):
    result = convert(TEXT, data)
    assert result.problems == ()
    return result.doc


def test_identical_files_agree_fully_and_have_no_disagreement():
    data = {
        "entities": [["Ivo Brandt", None, "PERSON"], ["Sunday", None, "DATE"]],
        "claims": [["12 players", None, 12, "player", "exact"]],
    }
    result = compare("a1", {"x": _doc(data)}, "a2", {"x": _doc(data)})
    assert result.disagreements == ()
    f1 = {(p.layer, p.label, p.criterion): p.f1 for p in result.pairs}
    assert f1[("entities", "ALL", "exact")] == 1.0
    assert result.alpha["entities"].alpha == 1.0


def test_differences_are_listed_per_layer():
    a = {
        "entities": [["Ivo Brandt", None, "PERSON"], ["Sunday", None, "DATE"]],
        "quotes": [["12 players were injured", None, "indirect", "Ivo Brandt", None, "PERSON"]],
    }
    b = {
        "entities": [["Ivo Brandt", None, "PERSON"]],
        "quotes": [["12 players were injured", None, "indirect", None, None, None]],
    }
    result = compare("a1", {"x": _doc(a), "only_a": _doc(a)}, "a2", {"x": _doc(b)})
    assert result.articles == ("x",)
    kinds = sorted((e.layer, e.kind.value) for e in result.disagreements)
    assert kinds == [("entities", "missed"), ("quotes", "speaker")]
    f1 = {(p.layer, p.label, p.criterion): p.f1 for p in result.pairs}
    assert f1[("entities", "ALL", "exact")] == 2 / 3
    speaker = result.attributes["quote speaker"]
    assert (speaker.correct, speaker.total) == (0, 1)


def test_main_reads_a_draw_outside_the_repository_manifest(tmp_path, capsys):
    from goldsmith.corpus.realnews.adjudicate import main
    from goldsmith.corpus.realnews.manifest import Entry, text_sha256, write_manifest

    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "draw-x.txt").write_text(TEXT, encoding="utf-8")
    manifest = tmp_path / "manifest.tsv"
    entry = Entry("draw-x", "train", "outlet", "heldout-3", text_sha256(TEXT), len(TEXT))
    write_manifest([entry], manifest)
    for name, ents in (("a1", [["Ivo Brandt", None, "PERSON"]]), ("a2", [])):
        (tmp_path / name).mkdir()
        data = {"entities": ents, "quotes": [], "claims": []}
        (tmp_path / name / "draw-x.json").write_text(json.dumps(data), encoding="utf-8")
    args = [str(tmp_path / "a1"), str(tmp_path / "a2"), "--texts", str(tmp_path / "texts")]
    assert main([*args, "--manifest", str(manifest)]) == 0
    out = capsys.readouterr()
    assert "1 article(s) annotated by both a1 and a2" in out.out
    assert "entities: 1 disagreement(s)" in out.out
    # without it the article is not the repository's: both files are named and left out
    assert main(args) == 0
    out = capsys.readouterr()
    assert "0 article(s)" in out.out and out.err.count("left out:") == 2
