"""A private PostgreSQL cluster from Debian's ``postgresql`` package: init, start, stop.

Rules: the binaries are Debian's newest ``/usr/lib/postgresql/<version>/bin`` (else
``PATH``, else ``GOLDSMITH_PG_BIN``). ``initdb`` and ``pg_ctl`` refuse to run as root,
so under root every command runs as the ``postgres`` user the package creates, and
the cluster folder belongs to it. The cluster listens on 127.0.0.1 only, with no unix
socket, and accepts only scram-sha-256 passwords. The bootstrap password reaches
``initdb`` through a 0600 file deleted right after (``--pwfile``), and our own
connections pass it to libpq in-process: no password is ever in a command line.

Layout of ``root`` (mode 0700): ``data/`` (the cluster, made by ``initdb``) and
``postgres.log``.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

from goldsmith.errors import StudioError

SYSTEM_USER = "postgres"
DEBIAN_BIN = Path("/usr/lib/postgresql")
BIN_ENV = "GOLDSMITH_PG_BIN"
INSTALL_HINT = "install Debian's PostgreSQL with: apt-get install postgresql"


@dataclass(frozen=True)
class Cluster:
    """One PostgreSQL cluster in ``root`` (see the module docstring for the rules)."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def log(self) -> Path:
        return self.root / "postgres.log"

    @staticmethod
    def system_home() -> Path:
        """The ``postgres`` user's home (Debian: ``/var/lib/postgresql``)."""
        return Path(_system_user().pw_dir)

    def initialised(self) -> bool:
        return (self.data / "PG_VERSION").exists()

    def init(self, superuser: str, password: str) -> None:
        """``initdb`` a UTF-8 cluster whose superuser ``superuser`` logs in with ``password``."""
        self._make_root()
        pwfile = self.root / ".pwfile"
        fd = os.open(pwfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(password + "\n")
        self._own(pwfile)
        try:
            self._run(
                "initdb",
                "-D",
                str(self.data),
                "-U",
                superuser,
                f"--pwfile={pwfile}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--no-locale",
            )
        finally:
            pwfile.unlink(missing_ok=True)

    def start(self, port: int, timeout: int = 180) -> None:
        """``pg_ctl start`` on 127.0.0.1:``port`` and wait until it accepts connections."""
        options = f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories=''"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-w",
            "-t",
            str(timeout),
            "-o",
            options,
            "start",
        )

    def stop(self, timeout: int = 60) -> bool:
        """``pg_ctl stop -m fast``; True when the cluster was running."""
        if not self.running():
            return False
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", str(timeout), "stop")
        return True

    def running(self) -> bool:
        """True when ``postmaster.pid`` names a live postgres process."""
        pid = self._pid_line(0)
        if pid is None or not pid.isdigit():
            return False
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return False
        return b"postgres" in args

    def port(self) -> int | None:
        """The port in ``postmaster.pid`` (while running)."""
        value = self._pid_line(3)
        return int(value) if value and value.isdigit() else None

    def ensure_database(self, name: str, owner: str, password: str, port: int) -> None:
        """Create database ``name`` owned by ``owner`` unless it exists."""
        import psycopg

        try:
            with psycopg.connect(
                host="127.0.0.1",
                port=port,
                dbname="postgres",
                user=owner,
                password=password,
                autocommit=True,
                connect_timeout=20,
            ) as conn:
                found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
                if found.fetchone() is None:
                    conn.execute(f'CREATE DATABASE "{name}" OWNER "{owner}"')
        except psycopg.Error as exc:
            detail = str(exc).strip().replace(password, "***")
            raise StudioError(
                f"local PostgreSQL on 127.0.0.1:{port} refused database {name}: {detail}; "
                f"see {self.log}"
            ) from None

    def remove(self) -> None:
        """Stop the cluster and delete its folder."""
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def _pid_line(self, index: int) -> str | None:
        try:
            lines = (self.data / "postmaster.pid").read_text().splitlines()
        except OSError:
            return None
        return lines[index].strip() if len(lines) > index else None

    def _make_root(self) -> None:
        for parent in reversed(self.root.parents):
            if not parent.exists():
                parent.mkdir(mode=0o700)
                if _as_root() and str(parent).startswith(str(self.system_home())):
                    self._own(parent)
        self.root.mkdir(mode=0o700, exist_ok=True)
        self.root.chmod(0o700)
        self._own(self.root)

    def _own(self, path: Path) -> None:
        if _as_root():
            user = _system_user()
            os.chown(path, user.pw_uid, user.pw_gid)

    def _run(self, tool: str, *args: str) -> None:
        command = [str(_binary(tool)), *args]
        kwargs: dict = {}
        if _as_root():
            user = _system_user()
            kwargs = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
        try:
            done = subprocess.run(
                command,
                cwd=self.root,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
                **kwargs,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise StudioError(f"{tool} failed to run ({exc}); {INSTALL_HINT}") from None
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            raise StudioError(
                f"{tool} {args[-1]} failed (exit {done.returncode}) for the cluster in "
                f"{self.root}: {' / '.join(tail)}; see {self.log}"
            )


def free_port() -> int:
    """A TCP port nothing listens on at 127.0.0.1 (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_available() -> bool:
    """True when Debian's ``initdb`` and ``pg_ctl`` can be found."""
    try:
        _binary("initdb")
        _binary("pg_ctl")
        if _as_root():
            _system_user()
    except StudioError:
        return False
    return True


def _as_root() -> bool:
    return os.geteuid() == 0


def _system_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        raise StudioError(
            f"there is no '{SYSTEM_USER}' user to run PostgreSQL as (initdb refuses root); "
            + INSTALL_HINT
        ) from None


def _binary(tool: str) -> Path:
    override = os.environ.get(BIN_ENV)
    candidates = [Path(override)] if override else []
    if DEBIAN_BIN.is_dir():
        versions = sorted(
            (p for p in DEBIAN_BIN.iterdir() if p.name.isdigit()), key=lambda p: int(p.name)
        )
        candidates += [p / "bin" for p in reversed(versions)]
    for folder in candidates:
        if (folder / tool).is_file():
            return folder / tool
    found = shutil.which(tool)
    if found:
        return Path(found)
    raise StudioError(f"PostgreSQL's {tool} was not found; {INSTALL_HINT}")
