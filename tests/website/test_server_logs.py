"""The privacy notice says Relais does not log visits: its server logs hold errors only,
without IP addresses. Every way Relais starts uvicorn turns its access log off
(`make run`'s launcher and the container's entry point), and the notice says so."""

from __future__ import annotations

import logging
import re

import pytest
from django.test import Client

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


@pytest.mark.django_db
@pytest.mark.urls("tests.website.urls_failing")
def test_an_error_is_logged_without_the_persons_address(caplog):
    client = Client(raise_request_exception=False, REMOTE_ADDR="203.0.113.77")

    with caplog.at_level(logging.DEBUG):
        assert client.get("/boom/", HTTP_X_FORWARDED_FOR="198.51.100.9").status_code == 500

    # The error is logged (the page and the exception), and nothing names the address.
    logged = "\n".join(
        f"{record.getMessage()}\n{record.exc_text or ''}" for record in caplog.records
    )
    assert "Internal Server Error: /boom/" in logged
    assert "203.0.113.77" not in logged and "198.51.100.9" not in logged


def test_the_container_trusts_forwarded_addresses_only_from_its_proxies():
    """`X-Forwarded-For` names the client only when the request comes from a proxy listed
    in FORWARDED_ALLOW_IPS (the local one by default), never from anyone."""
    script = (ROOT / "docker" / "entrypoint.sh").read_text()
    (start,) = re.findall(r"exec uvicorn\b(?:[^\n]*\\\n)*[^\n]*", script)

    assert '--forwarded-allow-ips="${FORWARDED_ALLOW_IPS:-127.0.0.1}"' in start
    assert "*" not in start
