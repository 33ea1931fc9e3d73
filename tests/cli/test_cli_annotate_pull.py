"""``goldsmith annotate pull`` through typer's CliRunner: output paths checked first."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from goldsmith.cli import app

runner = CliRunner()


@pytest.mark.parametrize("where", ["under-a-file", "sysfs"])
def test_unwritable_out_is_one_line_before_any_server_call(tmp_path, where, monkeypatch):
    if where == "sysfs":
        if not Path("/sys/kernel").is_dir():
            pytest.skip("no sysfs")
        out = Path("/sys/goldsmith-test/gold")
    else:
        (tmp_path / "a-file").write_text("x")
        out = tmp_path / "a-file" / "gold"
    monkeypatch.setenv("LABEL_STUDIO_URL", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "unused")
    result = runner.invoke(
        app,
        ["annotate", "pull", "--project", "News", "--out", str(out), "--studio-dir", str(tmp_path)],
    )
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: --out {out}: "), result.output
