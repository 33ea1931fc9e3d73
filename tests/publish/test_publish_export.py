"""Training exports load back: spaCy DocBin and CoNLL-2003."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import DocBin
from spacy.training.converters import conll_ner_to_docs

from goldsmith.errors import PublishError
from goldsmith.labels import AnnotatedDoc, Entity, write_jsonl
from goldsmith.publish.export import conll_lines, write_docbin, write_export


def test_docbin_loads_back_with_every_layer(tmp_path, gold_docs):
    write_docbin(gold_docs, tmp_path / "train.spacy")
    nlp = spacy.blank("en")
    docs = list(DocBin().from_disk(tmp_path / "train.spacy").get_docs(nlp.vocab))
    assert len(docs) == len(gold_docs)
    for sdoc, gold in zip(docs, gold_docs, strict=True):
        assert [(e.start_char, e.end_char, e.label_) for e in sdoc.ents] == [
            (e.start, e.end, e.label) for e in gold.entities
        ]
        assert [(s.start_char, s.end_char) for s in sdoc.spans["claims"]] == [
            (c.start, c.end) for c in gold.claims
        ]
        attrs = sdoc.user_data["goldsmith"]
        assert [c["qualifier"] for c in attrs["claims"]] == [c.qualifier for c in gold.claims]
        assert [q["kind"] for q in attrs["quotes"]] == [q.kind for q in gold.quotes]


def test_overlapping_entities_are_counted_not_crashing(tmp_path):
    doc = AnnotatedDoc(
        "d",
        "New Dunmore Port",
        entities=(Entity(0, 11, "New Dunmore", "GPE"), Entity(4, 16, "Dunmore Port", "FAC")),
    )
    assert write_docbin([doc], tmp_path / "x.spacy") == 1


def test_conll_reads_back_with_spacy_converter(tmp_path, gold_docs):
    text = "\n".join(conll_lines(gold_docs))
    docs = list(conll_ner_to_docs(text, n_sents=1, no_print=True))
    ents = [(e.text, e.label_) for d in docs for e in d.ents]
    expected = [(e.text, e.label) for g in gold_docs for e in g.entities]
    assert ents == expected


def test_conll_tags_are_iob2():
    doc = AnnotatedDoc(
        "d",
        "Osei Brandt visited Tarrow.",
        entities=(Entity(0, 11, "Osei Brandt", "PERSON"), Entity(20, 26, "Tarrow", "GPE")),
    )
    lines = [line for line in conll_lines([doc]) if line and not line.startswith("-DOC")]
    assert lines == [
        "Osei _ _ B-PERSON",
        "Brandt _ _ I-PERSON",
        "visited _ _ O",
        "Tarrow _ _ B-GPE",
        ". _ _ O",
    ]


def test_write_export_uses_the_same_splits(tmp_path, gold_dir):
    written = write_export(gold_dir, tmp_path / "out", "conll", seed=1).files
    assert set(written) == {"train", "validation", "test"}
    assert all((tmp_path / "out" / f"{s}.conll").exists() for s in written)


@pytest.mark.parametrize("fmt", ["spacy", "conll"])
def test_an_empty_split_is_named_not_dropped_silently(tmp_path, gold_docs, fmt):
    write_jsonl(gold_docs[:2], tmp_path / "gold.jsonl")
    ratios = {"train": 0.5, "validation": 0.5, "test": 0.0001}
    report = write_export(tmp_path / "gold.jsonl", tmp_path / "out", fmt, ratios=ratios)
    assert set(report.files) == {"train", "validation"}
    assert report.warnings == (
        f"split 'test' is empty (too few documents or groups): no test.{fmt} written",
    )


@pytest.mark.parametrize("fmt", ["spacy", "conll"])
def test_an_earlier_export_is_replaced_whole(tmp_path, gold_dir, fmt):
    out = tmp_path / "out"
    write_export(gold_dir, out, fmt, ratios={"train": 0.5, "dev": 0.5})
    report = write_export(gold_dir, out, fmt)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{s}.{fmt}" for s in report.files)


def test_a_folder_with_other_files_is_refused(tmp_path, gold_dir):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(PublishError, match=r"not an earlier 'goldsmith publish' output"):
        write_export(gold_dir, out, "conll")
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
