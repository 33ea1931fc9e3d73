"""Annotator accounts: created on the local server with a password that logs in; a team's
own server is left alone with advice; addresses never reach goldsmith's files."""

from __future__ import annotations

import json
import stat
import uuid

import httpx
import pytest
from typer.testing import CliRunner

from goldsmith.annotate.studio.users import ANNOTATORS_FILE, check_emails
from goldsmith.cli import app

NO_TEAM_SERVER = {"LABEL_STUDIO_URL": None, "LABEL_STUDIO_API_KEY": None}


def test_emails_are_checked_and_deduplicated():
    assert check_emails(["a@x.org", " A@x.org", "b@y.org"]) == ["a@x.org", "b@y.org"]


@pytest.mark.parametrize("bad", ["ana", "ana@", "<a@x.org>", "a b@x.org"])
def test_a_bad_address_is_refused(bad):
    from goldsmith.errors import InputError

    with pytest.raises(InputError, match="not an e-mail address"):
        check_emails([bad])


def _login(url: str, email: str, password: str) -> str:
    """The e-mail address the server says is logged in after a browser-style login."""
    with httpx.Client(base_url=url, follow_redirects=True, timeout=60) as session:
        session.get("/user/login/")
        session.post(
            "/user/login/",
            data={
                "email": email,
                "password": password,
                "csrfmiddlewaretoken": session.cookies.get("csrftoken"),
            },
            headers={"Referer": f"{url}/user/login/"},
        )
        who = session.get("/api/current-user/whoami")
        return who.json().get("email", "") if who.status_code == 200 else ""


@pytest.mark.studio
@pytest.mark.slow
def test_users_add_creates_a_login_and_keeps_the_password_private(studio):
    email = f"new-{uuid.uuid4().hex[:6]}@team.example"
    args = ["studio", "users", "add", email, "--studio-dir", str(studio.data_dir)]
    first = CliRunner().invoke(app, args, env=NO_TEAM_SERVER)
    assert first.exit_code == 0, first.output
    line = next(x for x in first.output.splitlines() if x.startswith(f"added {email}"))
    password = line.rsplit("password ", 1)[1].strip()
    assert _login(studio.url, email, password) == email
    stored = studio.data_dir / ANNOTATORS_FILE
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert json.loads(stored.read_text())[email]["password"] == password

    again = CliRunner().invoke(app, args, env=NO_TEAM_SERVER)
    assert again.exit_code == 0 and "already has an account" in again.output
    assert "password" not in again.output
    listed = CliRunner().invoke(
        app, ["studio", "users", "list", "--studio-dir", str(studio.data_dir)], env=NO_TEAM_SERVER
    )
    assert listed.exit_code == 0 and email in listed.output and "annotator-" in listed.output


@pytest.mark.studio
def test_on_a_team_server_users_add_says_what_to_do(studio):
    email = f"team-{uuid.uuid4().hex[:6]}@team.example"
    env = {"LABEL_STUDIO_URL": studio.url, "LABEL_STUDIO_API_KEY": studio.api_key}
    result = CliRunner().invoke(app, ["studio", "users", "add", email], env=env)
    assert result.exit_code == 1
    assert "does not create accounts" in result.output and "/user/signup/?token=" in result.output
    assert email not in {u.email for u in studio.client.users.list()}
