"""The privacy notice says Relais does not log visits: its server logs hold errors only,
without IP addresses. Every way Relais starts uvicorn turns its access log off
(`make run`'s launcher and the container's entry point), and the notice says so."""

from __future__ import annotations

import re

import pytest

from tests.e2e.asgi_server import ROOT
from website import launcher


def test_the_launcher_starts_uvicorn_without_an_access_log():
    uvicorn = next(
        command for command in launcher.commands("127.0.0.1", 8000) if "uvicorn" in command
    )

    assert "--no-access-log" in uvicorn
    assert not {"--access-log", "--use-colors"} & set(uvicorn)


def test_the_container_starts_uvicorn_without_an_access_log():
    script = (ROOT / "docker" / "entrypoint.sh").read_text()
    starts = re.findall(r"exec uvicorn\b(?:[^\n]*\\\n)*[^\n]*", script)

    assert len(starts) == 1
    assert "--no-access-log" in starts[0]
    assert re.search(r"--access-log\b", starts[0]) is None


@pytest.mark.django_db
def test_the_privacy_notice_says_visits_are_not_logged(client):
    page = client.get("/confidentialite/").content.decode()

    assert "Relais n'enregistre pas vos visites" in page
    assert "sans adresse IP" in page
