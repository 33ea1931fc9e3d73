"""The pull's spool: documents back in order, as often as asked, minus skipped doc_ids."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from goldsmith.annotate.studio.pull_spool import DocSpool
from goldsmith.labels.records import AnnotatedDoc, Entity


def _doc(i: int) -> AnnotatedDoc:
    text = f"Ines Rook spoke in Tarrow, story {i} 🚢."
    return AnnotatedDoc(
        f"doc-{i % 7}",
        text,
        entities=(Entity(0, 9, "Ines Rook", "PERSON", score=0.5),),
        meta={"task_id": i, "annotator": "annotator-1", "region_annotators": {"entities": [1]}},
    )


@settings(max_examples=25, deadline=None)
@given(n=st.integers(0, 40), skip=st.sets(st.integers(0, 6)))
def test_documents_come_back_in_order_every_time_minus_the_skipped(n, skip):
    docs = [_doc(i) for i in range(n)]
    with DocSpool() as spool:
        for doc in docs:
            spool.append(doc)
        spool.skip = frozenset(f"doc-{k}" for k in skip)
        kept = [d for d in docs if d.doc_id not in spool.skip]
        assert list(spool) == kept and list(spool) == kept
        assert spool.count == n


def test_close_removes_the_file():
    spool = DocSpool()
    spool.append(_doc(1))
    folder = Path(spool._path).parent
    assert folder.is_dir()
    spool.close()
    assert not folder.exists()
