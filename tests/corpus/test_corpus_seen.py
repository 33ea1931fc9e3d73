"""The ids seen during ingestion, kept in SQLite."""

from __future__ import annotations

from pathlib import Path

from goldsmith.corpus.seen import SeenIds


def test_first_source_wins_and_is_counted_once(tmp_path):
    with SeenIds(tmp_path / "seen.sqlite") as seen:
        seen.add("doc-1", "a.txt")
        seen.add("doc-1", "b.txt")
        assert (seen.source_of("doc-1"), seen.source_of("doc-2"), len(seen)) == ("a.txt", None, 1)


def test_a_given_file_keeps_the_ids_for_a_later_run(tmp_path):
    with SeenIds(tmp_path / "seen.sqlite") as seen:
        for number in range(25_000):  # more than one commit's worth
            seen.add(f"doc-{number}", f"news.jsonl:{number + 1}")
    with SeenIds(tmp_path / "seen.sqlite") as again:
        assert len(again) == 25_000
        assert again.source_of("doc-24999") == "news.jsonl:25000"


def test_a_temporary_file_is_removed_on_close():
    seen = SeenIds()
    folder = Path(seen._tmp.name)
    seen.add("doc-1", "a.txt")
    assert (folder / "seen.sqlite").is_file()
    seen.close()
    assert not folder.exists()
