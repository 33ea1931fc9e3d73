"""The database behind the local Label Studio: SQLite, a named PostgreSQL, or a local one.

Three choices, recorded (without secrets) in ``DATA_DIR/database.json`` on the first
start and kept for the life of the data dir, so a restart finds the same projects:

- ``sqlite`` (the default): Label Studio's own file in ``DATA_DIR/label-studio``;
- ``postgresql`` with a URL (``--database-url postgresql://USER@HOST:PORT/NAME``, or
  ``GOLDSMITH_DATABASE_URL``): a server the user runs. The password comes from the URL
  or from ``PGPASSWORD`` (libpq's own name); it is never stored, printed or logged:
  every message shows the URL as ``postgresql://USER:***@HOST:PORT/NAME``;
- ``postgresql`` without a URL: a private cluster of Debian's ``postgresql`` package
  that goldsmith initialises, starts and stops with the server. It listens on
  127.0.0.1 only (no unix socket), on a free port, with a generated password
  (scram-sha-256) kept in ``DATA_DIR/postgres.secret`` (mode 0600) and handed to
  ``initdb`` in a 0600 file and to Label Studio in its environment, never in argv.
  ``initdb``/``pg_ctl`` refuse to run as root, so under root they run as the
  ``postgres`` user, and the cluster lives where that user can reach it, in its home
  (``/var/lib/postgresql/goldsmith/...``, Debian's place for clusters; the data dir
  holds a ``postgres`` symlink to it). Otherwise it is ``DATA_DIR/postgres``. Either
  way the cluster folder is mode 0700.

Label Studio reads ``DJANGO_DB=default`` and ``POSTGRE_NAME/USER/PASSWORD/HOST/PORT``.
The local cluster's folder, password and start are in
:mod:`goldsmith.annotate.studio.database_local`.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from goldsmith.annotate.studio.database_local import (
    LOCAL_NAME,
    LOCAL_USER,
    PG_LINK,
    cluster_of,
    read_secret,
    start_local,
)
from goldsmith.errors import StudioError

DATABASE_FILE = "database.json"
URL_ENV = "GOLDSMITH_DATABASE_URL"
PASSWORD_ENV = "PGPASSWORD"
SQLITE = "sqlite"
POSTGRESQL = "postgresql"


@dataclass(frozen=True)
class DatabaseRequest:
    """What ``studio up`` asked for: a kind (``None``: whatever the data dir used, else
    SQLite) and, for a server the user runs, its URL (may hold the password)."""

    kind: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class DatabaseConfig:
    """The database of a data dir, without secrets (what ``database.json`` holds)."""

    kind: str
    managed: bool = False
    host: str = ""
    port: int = 0
    name: str = ""
    user: str = ""
    cluster: str = ""

    def url(self) -> str:
        """``postgresql://USER:***@HOST:PORT/NAME`` (the password always masked)."""
        if self.kind != POSTGRESQL:
            return ""
        return f"postgresql://{quote(self.user)}:***@{self.host}:{self.port}/{quote(self.name)}"

    def describe(self) -> str:
        """One line for ``studio status``: kind, where, and who runs it."""
        if self.kind == SQLITE:
            return "SQLite (label-studio/label_studio.sqlite3)"
        if self.managed:
            return f"PostgreSQL {self.url()} (local cluster in {self.cluster})"
        return f"PostgreSQL {self.url()} (external server)"


@dataclass(frozen=True)
class DatabaseStatus:
    """The configured database and whether a local cluster is running."""

    config: DatabaseConfig
    running: bool

    def describe(self) -> str:
        if self.config.managed:
            state = "running" if self.running else "stopped"
            return f"{self.config.describe()}, {state}"
        return self.config.describe()


def redact_url(url: str) -> str:
    """``url`` with its password replaced by ``***`` (for every message that shows one)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return url.replace(parts.netloc, f"{user}:***@{netloc[1]}", 1)


def parse_url(url: str) -> tuple[DatabaseConfig, str]:
    """The config and password of a ``postgresql://`` URL (password: URL, else ``PGPASSWORD``).

    Example:
        >>> parse_url("postgresql://ls:pw@db.example.org:5433/studio")[0].url()
        'postgresql://ls:***@db.example.org:5433/studio'
    """
    try:
        parts = urlsplit(url)
        port = parts.port or 5432
    except ValueError as exc:
        raise StudioError(f"--database-url {redact_url(url)}: {exc}") from None
    if parts.scheme not in ("postgresql", "postgres") or not parts.hostname:
        raise StudioError(
            f"--database-url {redact_url(url)}: expected postgresql://USER@HOST:PORT/NAME "
            f"(the password in {PASSWORD_ENV} or in {URL_ENV})"
        )
    name = unquote(parts.path.lstrip("/")) or "postgres"
    user = unquote(parts.username or "") or os.environ.get("PGUSER", "") or "postgres"
    password = unquote(parts.password or "") or os.environ.get(PASSWORD_ENV, "")
    config = DatabaseConfig(POSTGRESQL, False, parts.hostname, port, name, user)
    return config, password


def load_config(data_dir: str | Path) -> DatabaseConfig | None:
    """The recorded database of ``data_dir``; ``None`` before the first start."""
    path = Path(data_dir) / DATABASE_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return DatabaseConfig(**raw)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as exc:
        raise StudioError(f"{path}: unreadable database settings ({exc})") from None


def database_status(data_dir: str | Path) -> DatabaseStatus:
    """The data dir's database (SQLite when none was recorded) and whether it runs."""
    config = load_config(data_dir) or DatabaseConfig(SQLITE)
    running = config.managed and cluster_of(data_dir, config).running()
    return DatabaseStatus(config, running)


def start_database(data_dir: str | Path, request: DatabaseRequest | None = None) -> dict[str, str]:
    """Prepare the data dir's database and return the environment Label Studio needs.

    SQLite: nothing to start, no variables. A named PostgreSQL: checked with one
    connection (a clear error, password masked, when it fails). A local cluster:
    initialised on first use, started (on a new free port when its old one is taken),
    its database created. Asking for another database than the data dir recorded is
    an error naming both, since the projects live in the recorded one.
    """
    data_dir = Path(data_dir).resolve()
    config, password = _resolve(data_dir, request or DatabaseRequest())
    if config.kind == SQLITE:
        _save(data_dir, config)
        return {}
    if config.managed:
        config, password = start_local(data_dir, config)
    else:
        _check_connection(config, password)
    _save(data_dir, config)
    return _env(config, password)


def stop_database(data_dir: str | Path) -> bool:
    """Stop the data dir's local cluster; True when one was running. Others are left alone."""
    config = load_config(data_dir)
    if config is None or not config.managed:
        return False
    return cluster_of(data_dir, config).stop()


def label_studio_env(data_dir: str | Path) -> dict[str, str]:
    """The variables a Label Studio command needs to reach the data dir's database.

    For management commands (``label-studio user``, ``reset_password``) run beside the
    server; empty for SQLite. The password of a named server comes from the
    environment as at start.
    """
    config = load_config(data_dir)
    if config is None or config.kind == SQLITE:
        return {}
    if config.managed:
        return _env(config, read_secret(Path(data_dir)))
    return _env(config, _external_password(config))


def remove_database(data_dir: str | Path) -> None:
    """Stop and delete the data dir's local cluster (tests, and a data dir being thrown away)."""
    config = load_config(data_dir)
    if config is not None and config.managed:
        cluster_of(data_dir, config).remove()
        link = Path(data_dir) / PG_LINK
        if link.is_symlink():
            link.unlink()


def _resolve(data_dir: Path, request: DatabaseRequest) -> tuple[DatabaseConfig, str]:
    stored = load_config(data_dir)
    if stored is None and _has_label_studio_data(data_dir):
        stored = DatabaseConfig(SQLITE)  # a data dir started before database.json existed
    password = ""
    if request.url:
        wanted, password = parse_url(request.url)
    elif request.kind == POSTGRESQL:
        wanted = stored if stored is not None and stored.kind == POSTGRESQL else None
        wanted = wanted or DatabaseConfig(POSTGRESQL, True, "127.0.0.1", 0, LOCAL_NAME, LOCAL_USER)
    elif request.kind == SQLITE:
        wanted = DatabaseConfig(SQLITE)
    elif request.kind is None:
        wanted = stored or DatabaseConfig(SQLITE)
    else:
        raise StudioError(f"--database {request.kind}: choose sqlite or postgresql")
    if stored is not None and not _same_database(stored, wanted):
        raise StudioError(
            f"{data_dir} holds the projects of {stored.describe()}, not {wanted.describe()}; "
            "use another --data-dir for another database"
        )
    if stored is not None and stored.managed:
        wanted = stored
    if wanted.kind == POSTGRESQL and not wanted.managed and not password:
        password = _external_password(wanted)
    return wanted, password


def _same_database(a: DatabaseConfig, b: DatabaseConfig) -> bool:
    if a.kind != b.kind or a.managed != b.managed:
        return False
    if a.kind == SQLITE or a.managed:
        return True
    return (a.host, a.port, a.name) == (b.host, b.port, b.name)


def _has_label_studio_data(data_dir: Path) -> bool:
    return (data_dir / "label-studio" / "label_studio.sqlite3").exists()


def _external_password(config: DatabaseConfig) -> str:
    url = os.environ.get(URL_ENV)
    if url:
        found, password = parse_url(url)
        if _same_database(found, config) and password:
            return password
    password = os.environ.get(PASSWORD_ENV, "")
    if not password:
        raise StudioError(
            f"no password for {config.url()}: set {PASSWORD_ENV} or {URL_ENV} "
            "(goldsmith never stores it)"
        )
    return password


def _env(config: DatabaseConfig, password: str) -> dict[str, str]:
    return {
        "DJANGO_DB": "default",
        "POSTGRE_NAME": config.name,
        "POSTGRE_USER": config.user,
        "POSTGRE_PASSWORD": password,
        "POSTGRE_HOST": config.host,
        "POSTGRE_PORT": str(config.port),
    }


def _check_connection(config: DatabaseConfig, password: str) -> None:
    import psycopg

    try:
        with psycopg.connect(
            host=config.host,
            port=config.port,
            dbname=config.name,
            user=config.user,
            password=password,
            connect_timeout=10,
        ):
            return
    except psycopg.Error as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if password:
            message = message.replace(password, "***")
        raise StudioError(f"cannot connect to {config.url()}: {message}") from None


def _save(data_dir: Path, config: DatabaseConfig) -> None:
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = data_dir / DATABASE_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(config)), encoding="utf-8")
    tmp.replace(path)


__all__ = [
    "DatabaseConfig",
    "DatabaseRequest",
    "DatabaseStatus",
    "database_status",
    "label_studio_env",
    "parse_url",
    "redact_url",
    "remove_database",
    "start_database",
    "stop_database",
]
