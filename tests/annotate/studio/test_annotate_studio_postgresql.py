"""The push / annotate / pull round trip once more, on Label Studio over PostgreSQL.

This module starts its own second server (``goldsmith studio up --database postgresql``
through the CLI: a local cluster of Debian's postgresql in a temporary data dir), so
the rest of the suite keeps its SQLite server. With ``CI=true`` a missing postgresql or
label-studio fails instead of skipping.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import httpx
import pytest
from studio_session import START_TIMEOUT, free_port
from typer.testing import CliRunner

from goldsmith.annotate.studio.client import Connection, connect
from goldsmith.annotate.studio.database import (
    database_status,
    label_studio_env,
    remove_database,
)
from goldsmith.annotate.studio.postgres import postgres_available
from goldsmith.annotate.studio.pseudonyms import load_salt
from goldsmith.annotate.studio.pull import pull
from goldsmith.annotate.studio.push import push
from goldsmith.annotate.studio.server import (
    LS_DATA,
    label_studio_installed,
    load_credentials,
    server_status,
)
from goldsmith.cli import app
from goldsmith.corpus.documents import Document
from goldsmith.labels.gold import read_gold
from goldsmith.labels.records import AnnotatedDoc

pytestmark = [pytest.mark.studio, pytest.mark.slow]
runner = CliRunner()


def _require(ok: bool, what: str) -> None:
    if ok:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is not installed; CI=true never skips the PostgreSQL round trip")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="module")
def pg_studio():
    """A Label Studio on a local PostgreSQL cluster, started and stopped through the CLI."""
    _require(label_studio_installed(), "label-studio")
    _require(postgres_available(), "Debian's postgresql")
    # not tmp_path: under root the cluster runs as 'postgres', which /tmp/pytest-of-root hides
    root = Path(tempfile.mkdtemp(prefix="goldsmith-pgstudio-"))
    data_dir = root / "studio"
    up = runner.invoke(
        app,
        [
            "studio",
            "up",
            "--data-dir",
            str(data_dir),
            "--port",
            str(free_port()),
            "--database",
            "postgresql",
            "--timeout",
            str(START_TIMEOUT),
        ],
    )
    try:
        assert up.exit_code == 0, up.output
        yield data_dir, up.output
    finally:
        down = runner.invoke(app, ["studio", "down", "--data-dir", str(data_dir)])
        stopped = not server_status(data_dir).running and not database_status(data_dir).running
        remove_database(data_dir)
        shutil.rmtree(root, ignore_errors=True)
        assert down.exit_code == 0 and stopped, down.output


def _user_token(data_dir: Path, email: str) -> str:
    """The user's token, read as an administrator would (``label-studio user``): the
    command needs the database's environment to reach PostgreSQL."""
    env = {**os.environ, "LABEL_STUDIO_LATEST_VERSION_CHECK": "false"}
    env.update(label_studio_env(data_dir))
    out = subprocess.run(
        [sys.executable, "-m", "label_studio.server", "user", "--username", email]
        + ["--data-dir", str(data_dir / LS_DATA)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("{") and "'token'" in x)
    return ast.literal_eval(line)["token"]


def test_up_and_status_name_postgresql_and_never_its_password(pg_studio):
    data_dir, up_output = pg_studio
    password = label_studio_env(data_dir)["POSTGRE_PASSWORD"]
    status = runner.invoke(app, ["studio", "status", "--data-dir", str(data_dir)])
    assert status.exit_code == 0
    for output in (up_output, status.output):
        assert "database: PostgreSQL postgresql://label_studio:***@127.0.0.1:" in output
        assert password not in output
    assert "running" in status.output
    ps = subprocess.run(["ps", "-eww", "-o", "args"], capture_output=True, text=True).stdout
    assert password not in ps
    log = (data_dir / "server.log").read_text(errors="replace")
    assert password not in log
    assert not (data_dir / LS_DATA / "label_studio.sqlite3").exists()


def test_round_trip_on_postgresql(pg_studio, sample_gold_path, tmp_path):
    data_dir, _ = pg_studio
    status = server_status(data_dir)
    creds = load_credentials(data_dir)
    assert status.url and creds is not None
    admin = connect(Connection(status.url, creds.token, "postgresql test"))
    gold = [d.sorted() for d in read_gold(sample_gold_path)]
    docs = [Document(d.doc_id, d.text, source=d.meta.get("source", "")) for d in gold]
    preds = {
        d.doc_id: AnnotatedDoc(
            d.doc_id, d.text, d.entities, d.quotes, d.claims, {"model_version": "sample-gold"}
        )
        for d in gold
    }
    title = f"pg-{uuid.uuid4().hex[:8]}"
    result = push(admin, docs, preds, title, url=status.url)
    assert result.tasks_created == len(gold)
    email = "pg.annotator@example.org"
    response = httpx.post(
        f"{status.url}/api/users/",
        headers={"Authorization": f"Token {creds.token}"},
        json={"email": email, "username": "pg.annotator"},
        timeout=60,
    )
    response.raise_for_status()
    annotator = connect(Connection(status.url, _user_token(data_dir, email), "annotator"))
    for task in admin.tasks.list(project=result.project_id, fields="all"):
        (prediction,) = task.predictions
        annotator.annotations.create(id=task.id, result=prediction.result)
    gold_dir = tmp_path / "gold"
    report = pull(admin, title, gold_dir, load_salt(tmp_path / "salt"), url=status.url)
    assert (report.gold_documents, report.conflicts, report.mismatches, report.invalid) == (
        len(gold),
        (),
        (),
        (),
    )
    pulled = {d.doc_id: d for d in read_gold(gold_dir)}
    for doc in gold:
        back = pulled[doc.doc_id]
        assert (back.entities, back.quotes, back.claims) == (doc.entities, doc.quotes, doc.claims)
    # the work is in PostgreSQL: the projects table there holds the project
    import psycopg

    env = label_studio_env(data_dir)
    with psycopg.connect(
        host=env["POSTGRE_HOST"],
        port=int(env["POSTGRE_PORT"]),
        dbname=env["POSTGRE_NAME"],
        user=env["POSTGRE_USER"],
        password=env["POSTGRE_PASSWORD"],
    ) as conn:
        row = conn.execute("SELECT count(*) FROM project WHERE title = %s", (title,)).fetchone()
    assert row == (1,)


def test_users_add_sets_a_working_password_on_postgresql(pg_studio):
    """``reset_password`` must reach the PostgreSQL database, not an empty SQLite file."""
    from test_annotate_studio_users import NO_TEAM_SERVER, _login

    data_dir, _ = pg_studio
    url = server_status(data_dir).url
    assert url
    email = f"pg-{uuid.uuid4().hex[:6]}@team.example"
    added = runner.invoke(
        app, ["studio", "users", "add", email, "--studio-dir", str(data_dir)], env=NO_TEAM_SERVER
    )
    assert added.exit_code == 0, added.output
    line = next(x for x in added.output.splitlines() if x.startswith(f"added {email}"))
    password = line.rsplit("password ", 1)[1].strip()
    assert _login(url, email, password) == email
