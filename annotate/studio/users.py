"""Annotator accounts on the local Label Studio server, and the list of a server's users.

What Label Studio 1.23 offers (read in its source, ``users/api.py``, ``server.py``,
``organizations/api.py``, and seen on a real server): ``POST /api/users/`` creates a
member of the caller's organization but ignores ``password``; an invite link
(``GET /api/invite`` -> ``/user/signup/?token=...``) lets anyone holding it sign up;
``label-studio reset_password --data-dir D --username EMAIL`` sets a password, reading it
with ``getpass`` when ``--password`` is not given. The free edition has no roles: every
member can open every project.

Rules of :func:`add_annotators` (the local server started by ``goldsmith studio up`` only):

- an address already known to the server is left alone (no new password);
- a new account is created through the API, then gets a generated password
  (:func:`secrets.token_urlsafe`) through ``reset_password`` in a child process with no
  terminal, the password on its standard input, so it never appears in a process list;
- the passwords are returned once, for the command to show, and kept in
  ``annotators.json`` (mode 0600) in the studio data dir, the same place as the admin's
  credentials;
- a team's own server (``LABEL_STUDIO_URL``) is never changed: its admin invites people
  (:func:`team_server_advice` says how).

Annotators appear as pseudonyms (:mod:`goldsmith.annotate.studio.pseudonyms`) in every
file goldsmith writes; the addresses are only shown on the admin's terminal.

Example:
    >>> added = add_annotators(client, ".goldsmith/studio", ["ana@example.org"])  # doctest: +SKIP
    >>> added[0].password is not None  # doctest: +SKIP
    True
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from label_studio_sdk import LabelStudio

from goldsmith.annotate.studio.client import studio_errors
from goldsmith.annotate.studio.database import label_studio_env
from goldsmith.annotate.studio.pseudonyms import pseudonym
from goldsmith.annotate.studio.server import LS_DATA
from goldsmith.errors import InputError, StudioError

ANNOTATORS_FILE = "annotators.json"
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
PASSWORD_TIMEOUT = 300.0


@dataclass(frozen=True)
class Account:
    """A user of the server: id, e-mail address, pseudonym; ``password`` only when just made."""

    user_id: int
    email: str
    pseudonym: str
    created: bool = False
    password: str | None = None
    last_activity: str | None = None


def check_emails(emails: list[str]) -> list[str]:
    """The addresses, each checked (one at a time, duplicates dropped), or InputError."""
    found: list[str] = []
    for email in emails:
        email = email.strip()
        if not _EMAIL.match(email):
            raise InputError(f"{email!r} is not an e-mail address (name@example.org)")
        if email.lower() not in {e.lower() for e in found}:
            found.append(email)
    if not found:
        raise InputError("no e-mail address given: goldsmith studio users add ana@example.org")
    return found


def list_accounts(client: LabelStudio, salt: str, url: str = "") -> list[Account]:
    """Every user of the server's organization, oldest first, with their pseudonym."""
    with studio_errors(url, "listing the users"):
        users = client.users.list()
    out = [
        Account(
            user_id=int(u.id),
            email=str(u.email or ""),
            pseudonym=pseudonym(salt, int(u.id)),
            last_activity=str(u.last_activity) if getattr(u, "last_activity", None) else None,
        )
        for u in users
    ]
    return sorted(out, key=lambda a: a.user_id)


def add_annotators(
    client: LabelStudio, data_dir: str | Path, emails: list[str], salt: str, url: str = ""
) -> list[Account]:
    """Create the accounts that do not exist yet (rules in the module docstring)."""
    emails = check_emails(emails)
    data_dir = Path(data_dir)
    known = {a.email.lower(): a for a in list_accounts(client, salt, url)}
    with studio_errors(url, "reading the admin's organization"):
        organization = client.users.whoami().active_organization
    out: list[Account] = []
    for email in emails:
        if email.lower() in known:
            out.append(known[email.lower()])
            continue
        with studio_errors(url, f"creating the user {email}"):
            user = client.users.create(
                email=email,
                username=email.split("@")[0] + "-" + secrets.token_hex(3),
                active_organization=organization,
            )
        password = secrets.token_urlsafe(12)
        set_password(data_dir, email, password)
        account = Account(int(user.id), email, pseudonym(salt, int(user.id)), True, password)
        _remember(data_dir, account)
        out.append(account)
    return out


def set_password(data_dir: str | Path, email: str, password: str) -> None:
    """Set a user's password with Label Studio's ``reset_password`` (password on stdin).

    The command runs with the data dir's database environment
    (:func:`goldsmith.annotate.studio.database.label_studio_env`): on a PostgreSQL studio
    it would otherwise look for the user in an empty SQLite file.
    """
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("LABEL_STUDIO_", "DJANGO_"))
        and k not in ("USERNAME", "PASSWORD", "USER_TOKEN")
    }
    env.update(LABEL_STUDIO_LATEST_VERSION_CHECK="false", LABEL_STUDIO_COLLECT_ANALYTICS="false")
    env.update(label_studio_env(data_dir))
    command = [
        sys.executable,
        "-m",
        "label_studio.server",
        "reset_password",
        "--username",
        email,
        "--data-dir",
        str(Path(data_dir) / LS_DATA),
    ]
    try:
        done = subprocess.run(
            command,
            input=password + "\n",
            capture_output=True,
            text=True,
            env=env,
            timeout=PASSWORD_TIMEOUT,
            start_new_session=True,  # no terminal: getpass reads the password from stdin
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise StudioError(
            f"setting the password of {email} took over {PASSWORD_TIMEOUT:.0f} s; "
            "run 'goldsmith studio users add' again"
        ) from None
    if "Password successfully changed" not in done.stdout:
        last = (done.stdout.strip().splitlines() or done.stderr.strip().splitlines() or ["?"])[-1]
        raise StudioError(
            f"Label Studio did not set the password of {email} ({last[:200]}); "
            f"run 'label-studio reset_password --data-dir {Path(data_dir) / LS_DATA} "
            f"--username {email}' by hand"
        )


def stored_passwords(data_dir: str | Path) -> dict[str, dict[str, Any]]:
    """The ``annotators.json`` of a data dir (e-mail -> user id, password), or {}."""
    path = Path(data_dir) / ANNOTATORS_FILE
    if not path.exists():
        return {}
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise StudioError(f"{path}: unreadable ({exc}); move it aside and add again") from None
    return found if isinstance(found, dict) else {}


def team_server_advice(url: str, invite_url: str | None) -> str:
    """What to do on a team's own server, where goldsmith creates no accounts."""
    invite = f" or send them the invite link {invite_url}" if invite_url else ""
    return (
        f"{url} is a team's own Label Studio (LABEL_STUDIO_URL): goldsmith does not create "
        f"accounts there. Its admin adds annotators under Organization > Add People{invite}; "
        "they sign up with their own password. 'goldsmith studio users list' shows who is in."
    )


def invite_link(client: LabelStudio, url: str) -> str | None:
    """The server's organization invite link, or None when it cannot be had."""
    try:
        wrapper = client._client_wrapper  # the SDK's own authenticated HTTP client
        response = wrapper.httpx_client.request("api/invite", method="GET")
        path = response.json().get("invite_url") if response.status_code == 200 else None
    except Exception:  # noqa: BLE001 - advice only: no link is a fine answer
        return None
    return f"{url.rstrip('/')}{path}" if isinstance(path, str) else None


def _remember(data_dir: Path, account: Account) -> None:
    path = data_dir / ANNOTATORS_FILE
    found = stored_passwords(data_dir)
    found[account.email] = {"user_id": account.user_id, "password": account.password}
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(found, handle, indent=2)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
