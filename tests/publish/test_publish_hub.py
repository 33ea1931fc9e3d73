"""Uploading: clear one-line failures, never a traceback, never the token."""

from __future__ import annotations

import pytest

from goldsmith.errors import PublishError
from goldsmith.publish.folder import write_hub_folder
from goldsmith.publish.hub import push_folder


def test_without_token_says_what_to_set(tmp_path, gold_dir, monkeypatch):
    monkeypatch.delenv("HF_TOKEN", raising=False)
    write_hub_folder(gold_dir, tmp_path / "hub")
    with pytest.raises(PublishError, match="HF_TOKEN is not set"):
        push_folder(tmp_path / "hub", "org/name")


def test_unreachable_hub_is_one_clear_error(tmp_path, gold_dir, monkeypatch):
    # A closed port on loopback stands in for "no network": nothing leaves the machine.
    monkeypatch.setenv("HF_TOKEN", "hf_" + "x" * 34)
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    import huggingface_hub.constants as constants

    monkeypatch.setattr(constants, "ENDPOINT", "http://127.0.0.1:9")
    write_hub_folder(gold_dir, tmp_path / "hub")
    with pytest.raises(PublishError) as err:
        push_folder(tmp_path / "hub", "org/name")
    assert "org/name" in str(err.value)
    assert "hf_xxx" not in str(err.value)


def test_not_a_published_folder(tmp_path):
    with pytest.raises(PublishError, match="goldsmith publish"):
        push_folder(tmp_path, "org/name")
