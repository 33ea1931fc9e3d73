"""Ingestion: ids, duplicates, empty documents, ignore ranges, progress and the report."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goldsmith.corpus import (
    Document,
    Duplicate,
    IngestReport,
    Progress,
    doc_id_for,
    ingest,
    ingest_all,
    normalize_newlines,
)
from goldsmith.errors import InputError


def test_folder_documents_get_ids_sources_titles_and_ignore_ranges(text_folder, article):
    docs, _ = ingest_all([text_folder])
    first = docs[0]
    assert first == Document(
        doc_id=doc_id_for(article),
        text=article,
        source="articles/b.txt",
        title="Ferry Service to Varne Island Resumes",
        ignore=((119, 132),),
    )
    assert article[119:132] == "ADVERTISEMENT"
    assert [d.source for d in docs] == ["articles/b.txt", "articles/nested/a.md"]


def test_id_is_computed_on_the_normalised_text(tmp_path):
    (tmp_path / "crlf.txt").write_bytes(b"Title\r\n\r\nBody.\r\n")
    [doc], _ = ingest_all([tmp_path / "crlf.txt"])
    assert doc.doc_id == doc_id_for("Title\n\nBody.\n")


def test_exact_duplicates_are_dropped_and_reported(tmp_path, write_jsonl):
    (tmp_path / "a.txt").write_text("Same story.\n", encoding="utf-8")
    path = write_jsonl([{"text": "Same story.\r\n"}, {"text": "Other story."}])
    docs, report = ingest_all([tmp_path / "a.txt", path])
    assert [d.source for d in docs] == ["a.txt", "news.jsonl:2"]
    assert report.duplicates == (Duplicate("news.jsonl:1", "a.txt", doc_id_for("Same story.\n")),)


def test_near_duplicates_are_kept(write_jsonl):
    docs, report = ingest_all([write_jsonl([{"text": "Story."}, {"text": "Story. "}])])
    assert len(docs) == 2
    assert report.duplicates == ()


def test_empty_documents_are_skipped_and_counted(write_jsonl):
    path = write_jsonl([{"text": " \n\t"}, {"text": ""}, {"text": None}, {"text": "Kept."}])
    docs, report = ingest_all([path])
    assert [d.text for d in docs] == ["Kept."]
    assert report.empty == ("news.jsonl:1", "news.jsonl:2", "news.jsonl:3")
    assert report.empty_skipped == 3


def test_report_counts(text_folder, write_jsonl, article):
    _, report = ingest_all([text_folder, write_jsonl([{"text": "Two words."}])])
    assert report.to_dict() == {
        "inputs": [str(text_folder), str(text_folder.parent / "news.jsonl")],
        "files": 3,
        "documents": 3,
        "words": len(article.split()) + 11 + 2,
        "ignored_lines": 1,
        "duplicates": [],
        "empty_skipped": 0,
        "empty": [],
        "not_files": [],
    }


def test_events_end_with_the_report_and_progress_counts_files(text_folder):
    events = list(ingest([text_folder]))
    assert isinstance(events[-1], IngestReport)
    progress = [e for e in events if isinstance(e, Progress)]
    assert progress[0] == Progress("files", 0, 2, "0 documents")
    assert progress[-1] == Progress("files", 2, 2, "2 documents (articles/nested/a.md)")


def test_ingestion_is_deterministic(text_folder):
    assert ingest_all([text_folder]) == ingest_all([text_folder])


def test_empty_input_gives_an_empty_report(tmp_path):
    docs, report = ingest_all([tmp_path])
    assert docs == []
    assert (report.files, report.documents) == (0, 0)


def test_error_in_a_later_input_is_raised(tmp_path, write_jsonl):
    bad = write_jsonl(["{oops"], name="bad.jsonl")
    with pytest.raises(InputError, match=r"bad\.jsonl:1"):
        ingest_all([write_jsonl([{"text": "Fine."}]), bad])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"])))
def test_text_file_round_trip_only_normalises_newlines(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "story.txt"
        path.write_bytes(text.encode("utf-8"))
        docs, report = ingest_all([path])
    expected = normalize_newlines(text.removeprefix("\ufeff"))
    if not expected.strip():
        assert (docs, report.empty) == ([], ("story.txt",))
        return
    [doc] = docs
    assert doc.text == expected
    assert doc.doc_id == doc_id_for(expected)
    assert all(0 <= s < e <= len(doc.text) for s, e in doc.ignore)


@pytest.mark.timeout(20)
def test_special_files_in_a_folder_are_skipped_and_listed_never_opened(tmp_path, article):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(article, encoding="utf-8")
    os.mkfifo(folder / "b.txt")  # opening it would block until a writer comes
    docs, report = ingest_all([folder])
    assert [d.source for d in docs] == ["news/a.txt"]
    assert report.not_files == ("news/b.txt (a FIFO (named pipe))",)
    assert report.files == 1


def test_a_lone_surrogate_stops_ingestion_at_its_line(write_jsonl):
    path = write_jsonl([{"text": "Fine."}, '{"text": "Broken \\ud83d emoji."}'])
    with pytest.raises(InputError, match=r"news\.jsonl:2: text holds a lone surrogate U\+D83D"):
        ingest_all([path])
