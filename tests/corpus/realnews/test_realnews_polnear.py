"""Reading a PolNeAR checkout (a folder or a bare git repository); the test split is refused."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from goldsmith.corpus.realnews.polnear import PolnearSource
from goldsmith.errors import InputError

META = (
    "compartment\tfilename\tlevel\tannotators\tpublisher\n"
    "train\tpaper_2016-01-01_a\tNone\tx1\tpaper\n"
    "dev\tsheet_2016-02-01_b\tNone\tx2|x3\tsheet\n"
    "test\tpaper_2016-03-01_c\tNone\tx1\tpaper\n"
)


def _checkout(root):
    for split, name, text in [
        ("train", "paper_2016-01-01_a", "\ufeffHeadline\r\n\r\nBody said so.\r\n"),
        ("dev", "sheet_2016-02-01_b", "Other headline\n\nMore text.\n"),
    ]:
        (root / "data" / split / "text").mkdir(parents=True)
        (root / "data" / split / "attributions").mkdir(parents=True)
        (root / "data" / split / "text" / f"{name}.txt").write_bytes(text.encode("utf-8"))
    ann = root / "data" / "dev" / "attributions"
    for code in ("x3", "x2"):
        (ann / f"sheet_2016-02-01_b_{code}.ann").write_text(f"T1\tSource 0 5\tOther {code}\n")
    (root / "data" / "metadata.tsv").write_text(META)
    return root


@pytest.fixture(params=["folder", "bare"])
def source(request, tmp_path):
    root = _checkout(tmp_path / "PolNeAR")
    if request.param == "folder":
        return PolnearSource.open(root)
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(root)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "fixture"], check=True)
    bare = tmp_path / "mirror.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(root), str(bare)], check=True)
    shutil.rmtree(root)
    return PolnearSource.open(bare)


def test_metadata_keeps_train_and_dev_rows_only(source):
    metas = source.metadata()
    assert [(m.article_id, m.split, m.annotators) for m in metas] == [
        ("paper_2016-01-01_a", "train", ("x1",)),
        ("sheet_2016-02-01_b", "dev", ("x2", "x3")),
    ]


def test_text_is_what_ingest_sees(source):
    assert source.read_text("train", "paper_2016-01-01_a") == "Headline\n\nBody said so.\n"
    assert source.list_articles("dev") == ["sheet_2016-02-01_b"]


def test_attribution_files_sorted_by_annotator(source):
    assert source.attribution_files("dev", "sheet_2016-02-01_b") == ["x2", "x3"]
    ann = source.read_attributions("dev", "sheet_2016-02-01_b", "x2")
    assert ann == "T1\tSource 0 5\tOther x2\n"


@pytest.mark.parametrize("call", ["list_articles", "read_text", "attribution_files"])
def test_the_test_split_is_refused(source, call):
    args = ("test",) if call == "list_articles" else ("test", "paper_2016-03-01_c")
    with pytest.raises(InputError, match="never read"):
        getattr(source, call)(*args)


def test_not_a_checkout(tmp_path):
    with pytest.raises(InputError, match="not a PolNeAR checkout"):
        PolnearSource.open(tmp_path)
