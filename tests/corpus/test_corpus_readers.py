"""Reading every input kind: text, sources, titles, ids, encodings and errors."""

from __future__ import annotations

import os
import socket

import datasets
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from goldsmith.corpus.inputs import expand_inputs
from goldsmith.corpus.readers import RawDoc, read_input
from goldsmith.errors import InputError


def read(path, text_field="text", glob="*.txt,*.md"):
    return [raw for item in expand_inputs([path], glob) for raw in read_input(item, text_field)]


def test_text_file_is_one_document_with_a_title(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Ferry Resumes\n\nThe ferry runs.\n", encoding="utf-8")
    assert read(path) == [
        RawDoc("Ferry Resumes\n\nThe ferry runs.\n", "story.txt", "Ferry Resumes")
    ]


def test_markdown_title_loses_its_heading_marks_text_keeps_them(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("## Ferry Resumes\nThe ferry runs.", encoding="utf-8")
    [raw] = read(path)
    assert (raw.title, raw.text) == ("Ferry Resumes", "## Ferry Resumes\nThe ferry runs.")


def test_bom_is_dropped_and_crlf_and_cr_become_lf(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes("\ufeffFerry Resumes\r\n\r\nTab\there,\u00a0nbsp, 🚢.\rEnd.".encode())
    [raw] = read(path)
    assert raw.text == "Ferry Resumes\n\nTab\there,\u00a0nbsp, 🚢.\nEnd."


def test_not_utf8_text_file_names_the_byte_offset(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café".encode() + b" Gar" + "ç".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin\.txt: not UTF-8 at byte 9"):
        read(path)


def test_jsonl_records_with_id_title_and_sources(write_jsonl):
    path = write_jsonl(
        [{"id": 7, "title": "Ferry\r\nResumes", "text": "A\r\nB"}, "", {"text": "C"}]
    )
    assert read(path) == [
        RawDoc("A\nB", "news.jsonl:1", "Ferry\nResumes", "7"),
        RawDoc("C", "news.jsonl:3"),
    ]


def test_jsonl_text_field_is_settable(write_jsonl):
    path = write_jsonl([{"body": "Ferry runs.", "text": "ignored"}])
    assert [r.text for r in read(path, text_field="body")] == ["Ferry runs."]


def test_jsonl_with_bom(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "A"}\n')
    assert [r.text for r in read(path)] == ["A"]


def test_jsonl_null_text_is_an_empty_document(write_jsonl):
    assert [r.text for r in read(write_jsonl([{"text": None}]))] == [""]


def test_jsonl_missing_field_names_line_and_fields_present(write_jsonl):
    path = write_jsonl([{"text": "A"}, {"body": "B", "id": 2}])
    with pytest.raises(
        InputError, match=r"news\.jsonl:2: no field 'text'; fields present: 'body', 'id'"
    ):
        read(path)


def test_jsonl_invalid_json_names_the_line(write_jsonl):
    path = write_jsonl([{"text": "A"}, '{"text": "B"'])
    with pytest.raises(InputError, match=r"news\.jsonl:2: invalid JSON"):
        read(path)


@pytest.mark.parametrize("line", ['["a list"]', '"a string"'])
def test_jsonl_line_must_be_an_object(write_jsonl, line):
    with pytest.raises(InputError, match=r"news\.jsonl:1: expected a JSON object"):
        read(write_jsonl([line]))


def test_jsonl_text_must_be_a_string(write_jsonl):
    with pytest.raises(InputError, match=r"news\.jsonl:1: field 'text' is a int"):
        read(write_jsonl([{"text": 3}]))


def test_jsonl_not_utf8_names_the_absolute_byte_offset(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"text": "A"}\n{"text": "\xff"}\n')
    with pytest.raises(InputError, match=r"bad\.jsonl: not UTF-8 at byte 24"):
        read(path)


def test_csv_rows_with_quoted_newlines_and_bom(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(
        '\ufeffid,title,text\r\n1,Ferry,"Line one\r\nLine two"\r\n\r\n2,,B\r\n'.encode()
    )
    assert read(path) == [
        RawDoc("Line one\nLine two", "a.csv:row 1", "Ferry", "1"),
        RawDoc("B", "a.csv:row 2", None, "2"),
    ]


def test_csv_missing_column_lists_the_columns(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,body\n1,x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.csv: header has no column 'text'.*'id', 'body'"):
        read(path)


def test_csv_short_row_names_the_row(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,text\n1,x\n2\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.csv:row 2: the row has no cell"):
        read(path)


def test_csv_not_utf8_names_the_byte_offset(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"text\nabc\x80\n")
    with pytest.raises(InputError, match=r"a\.csv: not UTF-8 at byte 8"):
        read(path)


def test_empty_csv_has_no_documents(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("", encoding="utf-8")
    assert read(path) == []


def test_parquet_rows(tmp_path):
    path = tmp_path / "x.parquet"
    table = pa.table({"id": ["a", "b"], "body": ["One\r\ntwo", None], "other": [1, 2]})
    pq.write_table(table, path)
    assert read(path, text_field="body") == [
        RawDoc("One\ntwo", "x.parquet:row 1", None, "a"),
        RawDoc("", "x.parquet:row 2", None, "b"),
    ]


def test_parquet_missing_column(tmp_path):
    path = tmp_path / "x.parquet"
    pq.write_table(pa.table({"body": ["x"]}), path)
    with pytest.raises(InputError, match=r"x\.parquet: no column 'text'; columns present: 'body'"):
        read(path)


def test_broken_parquet_is_an_input_error(tmp_path):
    path = tmp_path / "x.parquet"
    path.write_bytes(b"not parquet at all")
    with pytest.raises(InputError, match=r"x\.parquet: not a readable Parquet file"):
        read(path)


def test_saved_dataset(tmp_path):
    datasets.Dataset.from_dict({"text": ["A\r\nB", "C"], "title": ["T", None]}).save_to_disk(
        tmp_path / "saved"
    )
    assert read(tmp_path / "saved") == [
        RawDoc("A\nB", "saved:row 1", "T"),
        RawDoc("C", "saved:row 2"),
    ]


def test_saved_dataset_dict_reads_every_split(tmp_path):
    datasets.DatasetDict(
        {
            "train": datasets.Dataset.from_dict({"text": ["A"], "id": [10]}),
            "test": datasets.Dataset.from_dict({"text": ["B"], "id": [11]}),
        }
    ).save_to_disk(tmp_path / "saved")
    assert read(tmp_path / "saved") == [
        RawDoc("A", "saved/train:row 1", None, "10"),
        RawDoc("B", "saved/test:row 1", None, "11"),
    ]


def test_saved_dataset_missing_column(tmp_path):
    datasets.Dataset.from_dict({"body": ["A"]}).save_to_disk(tmp_path / "saved")
    with pytest.raises(InputError, match=r"no column 'text'; columns present: 'body'"):
        read(tmp_path / "saved")


def test_unreadable_file_is_an_input_error(tmp_path, monkeypatch):
    path = tmp_path / "story.txt"
    path.write_text("x", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_bytes", refuse)
    with pytest.raises(InputError, match=r"story\.txt: cannot read \(Permission denied\)"):
        read(path)


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('{"text": "Ferry \\ud83d resumes."}', "text"),
        ('{"text": "Ferry resumes.", "title": "\\ude8c Ferry"}', "title"),
        ('{"body": "Ferry \\ud83d resumes."}', "body"),
    ],
)
def test_jsonl_lone_surrogate_names_the_line_and_field(write_jsonl, line, field):
    path = write_jsonl(['{"text": "Fine \\ud83d\\ude8c pair.", "body": "Fine."}', line])
    text_field = "body" if field == "body" else "text"
    with pytest.raises(InputError, match=rf"news\.jsonl:2: {field} holds a lone surrogate U\+D"):
        read(path, text_field=text_field)


@pytest.mark.timeout(20)
def test_a_fifo_named_like_a_text_file_is_refused_by_name(tmp_path):
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"story\.txt: a FIFO \(named pipe\), not a regular file"):
        read(fifo)


@pytest.mark.timeout(20)
def test_a_socket_is_refused_by_name(tmp_path):
    path = tmp_path / "s.jsonl"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(InputError, match=r"s\.jsonl: a socket, not a regular file"):
            read(path)


@pytest.mark.timeout(20)
def test_a_device_is_refused_by_name():
    with pytest.raises(InputError, match=r"/dev/null: a device, not a regular file"):
        expand_inputs(["/dev/null"], "*.txt")


@pytest.mark.parametrize("name", ["story.txt", "news.csv"])
def test_a_surrogate_encoded_in_bytes_is_not_utf8_naming_the_file(tmp_path, name):
    path = tmp_path / name
    header = b"text\n" if name.endswith(".csv") else b""
    path.write_bytes(header + b"Bad \xed\xa0\xbd emoji\n")  # U+D83D as UTF-8 would spell it
    with pytest.raises(InputError, match=rf"{name}: not UTF-8 at byte {len(header) + 4}"):
        read(path)
