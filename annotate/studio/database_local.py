"""The local PostgreSQL cluster of a studio data dir: where it lives, its password, its start.

The rules (127.0.0.1 only, a generated password in ``DATA_DIR/postgres.secret`` mode
0600, under root a cluster in the ``postgres`` user's home linked from the data dir) are
stated in :mod:`goldsmith.annotate.studio.database`, which calls these.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import socket
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from goldsmith.annotate.studio.postgres import Cluster, free_port
from goldsmith.errors import StudioError

if TYPE_CHECKING:
    from goldsmith.annotate.studio.database import DatabaseConfig

SECRET_FILE = "postgres.secret"
PG_LINK = "postgres"
LOCAL_USER = "label_studio"
LOCAL_NAME = "label_studio"


def start_local(data_dir: Path, config: DatabaseConfig) -> tuple[DatabaseConfig, str]:
    """Initialise (first use), start and ready the cluster: its config (port) and password."""
    cluster = cluster_of(data_dir, config)
    if not cluster.initialised():
        password = _write_secret(data_dir)
        cluster.init(LOCAL_USER, password)
    password = read_secret(data_dir)
    config = replace(config, cluster=str(cluster.root))
    if not cluster.running():
        port = config.port if config.port and not _port_taken(config.port) else free_port()
        config = replace(config, port=port)
        cluster.start(port)
    else:
        config = replace(config, port=cluster.port() or config.port)
    if cluster.root != data_dir / PG_LINK and not (data_dir / PG_LINK).exists():
        (data_dir / PG_LINK).symlink_to(cluster.root)
    cluster.ensure_database(LOCAL_NAME, LOCAL_USER, password, config.port)
    return config, password


def cluster_of(data_dir: str | Path, config: DatabaseConfig) -> Cluster:
    if config.cluster:
        return Cluster(Path(config.cluster))
    data_dir = Path(data_dir).resolve()
    if os.geteuid() != 0:
        return Cluster(data_dir / PG_LINK)
    digest = hashlib.sha256(str(data_dir).encode()).hexdigest()[:16]
    return Cluster(Cluster.system_home() / "goldsmith" / f"{data_dir.name}-{digest}")


def _write_secret(data_dir: Path) -> str:
    password = secrets.token_urlsafe(24)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = data_dir / SECRET_FILE
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(password)
    return password


def read_secret(data_dir: Path) -> str:
    """The local cluster's password, stored by its first start."""
    path = data_dir / SECRET_FILE
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise StudioError(
            f"{path}: the local PostgreSQL password is missing ({exc.strerror}); "
            "the cluster cannot be reached without it"
        ) from None


def _port_taken(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0
