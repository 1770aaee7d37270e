"""Backups of a Relais site: its database and its uploaded files (`make backup`,
`make restore`; `manage.py backup` and `manage.py restore`).

A backup is one directory, `relais-<date>-<time>/`, readable without Relais:

- `database.dump`: PostgreSQL's own custom format (`pg_dump -Fc`, restored with
  `pg_restore`), or `database.sqlite3`, a consistent copy of the SQLite file (SQLite's
  online backup, safe while the site runs);
- `media.tar.gz`: the uploaded files (logos, avatars, images, documents) under
  `MEDIA_ROOT`, as a plain gzipped tar;
- `manifest.json`: when, from which database engine, and the last migration of every app,
  so that a restore refuses a backup made by a newer Relais than the code restoring it.

Restoring replaces the target database's content (`pg_restore --clean --if-exists`,
in one transaction: all or nothing) and extracts the files into `MEDIA_ROOT`, refusing
any member that would land outside it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess  # nosec B404 - fixed commands only
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

MANIFEST = "manifest.json"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA = "media.tar.gz"


class BackupError(Exception):
    """A backup or a restore that cannot be done, with what to do about it."""


def _database() -> dict:
    return connections[DEFAULT_DB_ALIAS].settings_dict


def _engine() -> str:
    engine = _database()["ENGINE"]
    if engine.endswith("postgresql"):
        return "postgresql"
    if engine.endswith("sqlite3"):
        return "sqlite"
    raise BackupError(f"Unsupported database engine: {engine}")


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    """pg_dump/pg_restore's connection arguments; the password through the environment
    (never on a command line that `ps` shows)."""
    db = _database()
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {"PGPASSWORD": db["PASSWORD"]} if db.get("PASSWORD") else {}
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(
            f"{command[0]} is missing: install PostgreSQL's client tools "
            "(apt-get install postgresql-client)."
        )
    done = subprocess.run(  # nosec B603 - a fixed argument list, no shell
        command, env={**os.environ, **env}, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip() or done.stdout.strip()}")


def _migrations() -> dict[str, str]:
    """The last applied migration of each app, from the database."""
    loader = MigrationLoader(connections[DEFAULT_DB_ALIAS])
    last: dict[str, str] = {}
    for app, name in sorted(loader.applied_migrations):
        last[app] = max(last.get(app, ""), name)
    return last


def backup(directory: Path) -> Path:
    """Write a backup into a new directory under `directory`; its path."""
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    target = Path(directory) / f"relais-{stamp}"
    target.mkdir(parents=True, exist_ok=False)
    engine = _engine()
    if engine == "postgresql":
        args, env = _pg_environment()
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(target / PG_DUMP),
                *args,
            ],
            env,
        )
    else:
        source = sqlite3.connect(_database()["NAME"])
        copy = sqlite3.connect(target / SQLITE_COPY)
        with copy:
            source.backup(copy)
        copy.close()
        source.close()
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / MEDIA, "w:gz") as archive:
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                if path.is_file():
                    archive.add(path, arcname=str(path.relative_to(media_root)))
    manifest = {
        "made_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "engine": engine,
        "migrations": _migrations(),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return target


def _check_manifest(source: Path, engine: str) -> dict:
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{source} is not a Relais backup (no readable {MANIFEST}).") from error
    if manifest.get("engine") != engine:
        raise BackupError(
            f"This backup is of a {manifest.get('engine')} database; the site uses {engine}."
        )
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = {key for key in loader.disk_migrations}
    unknown = sorted(
        f"{app}.{name}"
        for app, name in manifest.get("migrations", {}).items()
        if (app, name) not in known
    )
    if unknown:
        raise BackupError(
            "This backup was made by a newer Relais (migrations unknown here: "
            + ", ".join(unknown)
            + "): restore it with that version's code."
        )
    return manifest


def restore(source: Path) -> dict:
    """Replace the database's content and the uploaded files with the backup's; its
    manifest."""
    source = Path(source)
    engine = _engine()
    manifest = _check_manifest(source, engine)
    connections.close_all()
    if engine == "postgresql":
        args, env = _pg_environment()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                *args,
                str(source / PG_DUMP),
            ],
            env,
        )
    else:
        copy = sqlite3.connect(source / SQLITE_COPY)
        target = sqlite3.connect(_database()["NAME"])
        with target:
            copy.backup(target)
        target.close()
        copy.close()
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    try:
        with tarfile.open(source / MEDIA, "r:gz") as archive:
            # The "data" filter refuses absolute paths, "..", links out of the tree and
            # device files: a tampered archive cannot write outside MEDIA_ROOT.
            archive.extractall(media_root, filter="data")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(
            f"The uploaded files could not be restored ({error}); the database was."
        ) from error
    return manifest
