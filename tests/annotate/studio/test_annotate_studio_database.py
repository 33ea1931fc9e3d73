"""The studio's database: URL parsing and masking, the recorded choice, a real local cluster."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from goldsmith.annotate.studio.database import (
    DATABASE_FILE,
    DatabaseConfig,
    DatabaseRequest,
    database_status,
    label_studio_env,
    parse_url,
    redact_url,
    remove_database,
    start_database,
    stop_database,
)
from goldsmith.annotate.studio.database_local import SECRET_FILE
from goldsmith.annotate.studio.postgres import postgres_available
from goldsmith.errors import StudioError


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://ls:s3cret@db:5433/studio", "postgresql://ls:***@db:5433/studio"),
        ("postgresql://ls@db/studio", "postgresql://ls@db/studio"),
        ("postgres://a%40b:p%3Aw@h:1/n", "postgres://a%40b:***@h:1/n"),
    ],
)
def test_redact_url_hides_the_password_only(url, shown):
    assert redact_url(url) == shown


def test_parse_url_takes_the_password_from_the_url_then_pgpassword(monkeypatch):
    monkeypatch.setenv("PGPASSWORD", "from-env")
    config, password = parse_url("postgresql://ls:in%20url@db.example.org:6000/st")
    assert (config.host, config.port, config.name, config.user) == (
        "db.example.org",
        6000,
        "st",
        "ls",
    )
    assert password == "in url"
    assert parse_url("postgresql://ls@db/st")[1] == "from-env"
    assert config.url() == "postgresql://ls:***@db.example.org:6000/st"


@pytest.mark.parametrize(
    "url", ["mysql://u:pw@h/db", "postgresql:///nohost", "postgresql://u:pw@h:x/d"]
)
def test_a_bad_url_is_an_error_without_its_password(url):
    with pytest.raises(StudioError) as caught:
        parse_url(url)
    assert "pw@" not in str(caught.value) and ":pw" not in str(caught.value)


def test_sqlite_is_the_default_and_is_recorded(tmp_path):
    assert start_database(tmp_path) == {}
    assert json.loads((tmp_path / DATABASE_FILE).read_text())["kind"] == "sqlite"
    assert database_status(tmp_path).describe().startswith("SQLite")
    assert label_studio_env(tmp_path) == {}


def test_a_data_dir_keeps_its_database(tmp_path):
    start_database(tmp_path, DatabaseRequest("sqlite"))
    with pytest.raises(StudioError, match="another --data-dir"):
        start_database(tmp_path, DatabaseRequest("postgresql"))


def test_an_old_sqlite_data_dir_is_not_taken_for_postgresql(tmp_path):
    (tmp_path / "label-studio").mkdir()
    (tmp_path / "label-studio" / "label_studio.sqlite3").write_bytes(b"")
    with pytest.raises(StudioError, match="SQLite"):
        start_database(tmp_path, DatabaseRequest("postgresql"))


def test_an_unreachable_external_server_is_one_error_with_the_password_masked(tmp_path):
    # port 9 on loopback: nothing listens there
    request = DatabaseRequest("postgresql", "postgresql://ls:hunter22@127.0.0.1:9/studio")
    with pytest.raises(StudioError) as caught:
        start_database(tmp_path, request)
    message = str(caught.value)
    assert "***@127.0.0.1:9/studio" in message  # user and password masked
    assert "hunter22" not in message
    assert not (tmp_path / DATABASE_FILE).exists()


def test_external_without_any_password_says_where_to_put_it(tmp_path, monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("GOLDSMITH_DATABASE_URL", raising=False)
    with pytest.raises(StudioError, match="PGPASSWORD"):
        start_database(tmp_path, DatabaseRequest("postgresql", "postgresql://ls@127.0.0.1:9/x"))


def test_external_config_describes_itself_masked():
    config = DatabaseConfig("postgresql", False, "db", 5432, "st", "ls")
    assert config.describe() == "PostgreSQL postgresql://ls:***@db:5432/st (external server)"


@pytest.fixture
def pg_data_dir():
    if not postgres_available():
        if os.environ.get("CI") == "true":
            pytest.fail("Debian's postgresql is not installed; CI=true never skips this test")
        pytest.skip("Debian's postgresql is not installed (apt-get install postgresql)")
    # not tmp_path: under root the cluster runs as 'postgres', which /tmp/pytest-of-root hides
    data_dir = Path(tempfile.mkdtemp(prefix="goldsmith-pg-")) / "studio"
    yield data_dir
    remove_database(data_dir)
    shutil.rmtree(data_dir.parent, ignore_errors=True)


@pytest.mark.slow
def test_local_cluster_starts_on_loopback_keeps_its_password_out_of_ps_and_stops(pg_data_dir):
    import psycopg

    env = start_database(pg_data_dir, DatabaseRequest("postgresql"))
    status = database_status(pg_data_dir)
    assert status.running and status.config.managed
    assert env["DJANGO_DB"] == "default" and env["POSTGRE_HOST"] == "127.0.0.1"
    password = env["POSTGRE_PASSWORD"]
    assert len(password) >= 24
    assert stat.S_IMODE((pg_data_dir / SECRET_FILE).stat().st_mode) == 0o600
    assert stat.S_IMODE(Path(status.config.cluster).stat().st_mode) == 0o700
    assert password not in (pg_data_dir / DATABASE_FILE).read_text()
    assert password not in status.describe()
    ps = subprocess.run(["ps", "-eww", "-o", "args"], capture_output=True, text=True).stdout
    assert password not in ps
    assert f"-p {env['POSTGRE_PORT']}" in ps  # the cluster runs, and ps shows its command
    listening = Path("/proc/net/tcp").read_text().lower()
    port_hex = f":{int(env['POSTGRE_PORT']):04x}"
    rows = [ln.split() for ln in listening.splitlines()[1:]]
    # state 0A is LISTEN; other rows on the port are connections (e.g. pg_ctl's probe)
    bound = [row[1] for row in rows if row[1].endswith(port_hex) and row[3] == "0a"]
    assert bound == ["0100007f" + port_hex]  # listens on 127.0.0.1 only
    with psycopg.connect(
        host="127.0.0.1",
        port=int(env["POSTGRE_PORT"]),
        dbname=env["POSTGRE_NAME"],
        user=env["POSTGRE_USER"],
        password=password,
    ) as conn:
        assert conn.execute("SELECT current_database()").fetchone() == (env["POSTGRE_NAME"],)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(
            host="127.0.0.1",
            port=int(env["POSTGRE_PORT"]),
            dbname=env["POSTGRE_NAME"],
            user=env["POSTGRE_USER"],
            password="wrong",
        )
    # a second start reuses the running cluster and the same password
    assert start_database(pg_data_dir) == env
    assert label_studio_env(pg_data_dir) == env
    assert stop_database(pg_data_dir) is True
    assert database_status(pg_data_dir).running is False
    assert stop_database(pg_data_dir) is False
    again = start_database(pg_data_dir)  # restarts the same cluster, data kept
    assert again["POSTGRE_PASSWORD"] == password and database_status(pg_data_dir).running
