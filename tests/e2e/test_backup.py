"""`make backup` and `make restore` (website/backup.py): a dump of the test database and
its uploaded files, restored into an empty PostgreSQL database and another media
directory, serves the site: a real uvicorn process on the restored database answers the
home page and an organisation's page with its content. A backup from a newer Relais, or a
tampered file archive, is refused with a clear message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.e2e.asgi_server import ROOT, database_url
from tests.factories import MembershipFactory, OrganisationFactory
from tests.practices.conftest import build_home_page
from website import backup

pytestmark = pytest.mark.e2e


def manage(*args, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.test", **env},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def empty_database(transactional_db):
    """A new, empty PostgreSQL database beside the test database; its URL."""
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump and pg_restore are PostgreSQL's")
    name = f"{connection.settings_dict['NAME']}_restored"
    admin = {**connection.get_connection_params(), "dbname": "postgres", "autocommit": True}
    with psycopg.connect(**admin) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        pg.execute(f'CREATE DATABASE "{name}"')
    yield database_url().rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(**admin) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restored_into_an_empty_database_serves_the_site(
    asgi_server, empty_database, tmp_path, settings
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    logo = Path(settings.MEDIA_ROOT) / "original_images" / "logo-compost.png"
    logo.parent.mkdir(parents=True)
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    build_home_page()
    organisation = OrganisationFactory(
        name="Les Compostiers du Hainaut", description="Un compost partagé par quartier."
    )
    MembershipFactory(organisation=organisation, admin=True)

    made = manage(
        "backup",
        "--to",
        str(tmp_path / "backups"),
        env={"DATABASE_URL": database_url(), "TEST_MEDIA_ROOT": settings.MEDIA_ROOT},
    )
    assert made.returncode == 0, made.stderr
    (target,) = (tmp_path / "backups").iterdir()
    assert sorted(p.name for p in target.iterdir()) == [
        "database.dump",
        "manifest.json",
        "media.tar.gz",
    ]
    assert json.loads((target / "manifest.json").read_text())["engine"] == "postgresql"

    restored_media = tmp_path / "restored-media"
    # Without --yes nothing happens.
    refused = manage("restore", str(target), env={"DATABASE_URL": empty_database})
    assert refused.returncode == 1
    assert "add --yes to confirm" in refused.stderr
    done = manage(
        "restore",
        str(target),
        "--yes",
        env={"DATABASE_URL": empty_database, "TEST_MEDIA_ROOT": str(restored_media)},
    )
    assert done.returncode == 0, done.stderr
    assert (restored_media / "original_images" / "logo-compost.png").read_bytes() == (
        logo.read_bytes()
    )

    server = asgi_server(name="restored", env={"DATABASE_URL": empty_database})
    with urllib.request.urlopen(f"{server.url}/organisations/{organisation.slug}/") as page:
        html = page.read().decode()
    assert "Les Compostiers du Hainaut" in html
    assert "Un compost partagé par quartier." in html
    with urllib.request.urlopen(f"{server.url}/") as home:
        assert home.status == 200


def test_a_backup_from_a_newer_relais_or_a_tampered_archive_is_refused(
    tmp_path, settings, transactional_db
):
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump and pg_restore are PostgreSQL's")
    settings.MEDIA_ROOT = str(tmp_path / "media")
    target = backup.backup(tmp_path / "backups")
    manifest = json.loads((target / "manifest.json").read_text())
    manifest["migrations"]["community"] = "9999_from_the_future"
    (target / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(backup.BackupError) as refused:
        backup.restore(target)
    assert str(refused.value) == (
        "This backup was made by a newer Relais (migrations unknown here: "
        "community.9999_from_the_future): restore it with that version's code."
    )

    target = backup.backup(tmp_path / "again")
    outside = tmp_path / "outside.txt"
    with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
        evil = tmp_path / "evil.txt"
        evil.write_text("written outside MEDIA_ROOT")
        archive.add(evil, arcname="../outside.txt")
    with pytest.raises(backup.BackupError, match="could not be restored"):
        backup.restore(target)
    assert not outside.exists()
