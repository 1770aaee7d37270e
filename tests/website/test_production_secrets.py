"""Secrets come only from the environment: the production settings refuse to start
without a SECRET_KEY (none, or an empty one), and the container runs as a non-root user
with no secret baked into its image."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.e2e.asgi_server import ROOT

START = "import django; django.setup(); from website.asgi import application"


def production(**env: str) -> dict[str, str]:
    """Every variable the production settings need, but the secret key (unless given)."""
    base = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    base.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        REDIS_URL="redis://127.0.0.1:1/0",  # only read, never reached here
        DATABASE_URL="postgres://nobody@127.0.0.1:1/nothing",
        ALLOWED_HOSTS="relais.example",
        SITE_URL="https://relais.example",
        EMAIL_URL="consolemail://",
        **env,
    )
    return base


@pytest.fixture(scope="module")
def starts() -> dict[str, subprocess.CompletedProcess]:
    """The production settings started three ways, side by side (each import takes a
    second or two)."""
    if re.search(
        r"^\s*SECRET_KEY\s*=", (ROOT / ".env").read_text() if (ROOT / ".env").exists() else "", re.M
    ):
        pytest.skip("a local .env sets SECRET_KEY: the settings would read it")
    cases = {
        "none": production(),
        "empty": production(SECRET_KEY="  "),
        "set": production(SECRET_KEY="s" * 50),
    }
    running = {
        name: subprocess.Popen(
            [sys.executable, "-c", START],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, env in cases.items()
    }
    done = {}
    for name, process in running.items():
        stdout, stderr = process.communicate(timeout=60)
        done[name] = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    return done


def last_line(result: subprocess.CompletedProcess) -> str:
    return result.stderr.strip().splitlines()[-1]


def test_production_refuses_to_start_without_a_secret_key(starts):
    assert starts["none"].returncode != 0
    assert last_line(starts["none"]) == (
        "django.core.exceptions.ImproperlyConfigured: Set the SECRET_KEY environment variable"
    )


def test_production_refuses_to_start_with_an_empty_secret_key(starts):
    assert starts["empty"].returncode != 0
    assert last_line(starts["empty"]) == (
        "django.core.exceptions.ImproperlyConfigured: "
        "Set the SECRET_KEY environment variable: it is empty."
    )


def test_production_starts_once_the_secret_key_is_given(starts):
    assert starts["set"].returncode == 0, starts["set"].stderr[-2000:]


def instructions(dockerfile: str) -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (KEYWORD, arguments), continuation lines joined."""
    joined = re.sub(r"\\\n", " ", dockerfile)
    found = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            found.append((keyword.upper(), rest.strip()))
    return found


def test_the_container_runs_as_a_non_root_user():
    steps = instructions((ROOT / "Dockerfile").read_text())
    keywords = [keyword for keyword, _ in steps]
    users = [rest for keyword, rest in steps if keyword == "USER"]
    created = next(rest for keyword, rest in steps if keyword == "RUN" and "useradd" in rest)

    assert users and users[-1] == "relais"
    # The last USER comes before what runs the site, and the user is not uid 0.
    assert keywords.index("USER") < keywords.index("ENTRYPOINT")
    assert len(users) == 1 and users[-1] not in {"root", "0"}
    assert re.search(r"--uid (\d+)", created).group(1) != "0"
    assert "useradd --system" in created and "--shell /usr/sbin/nologin" in created


def test_no_secret_is_baked_into_the_image_or_the_compose_file():
    steps = instructions((ROOT / "Dockerfile").read_text())
    # ENV and ARG values stay in the image: no secret there. The one SECRET_KEY is a
    # build-time placeholder given to a single RUN (collectstatic).
    for keyword, rest in steps:
        if keyword in {"ENV", "ARG"}:
            assert not re.search(r"SECRET|PASSWORD", rest), rest
    assert [rest for keyword, rest in steps if "SECRET_KEY" in rest] == [
        next(rest for keyword, rest in steps if keyword == "RUN" and "collectstatic" in rest)
    ]
    compose = (ROOT / "docker-compose.yml").read_text()
    assert re.findall(r"^\s*SECRET_KEY:.*$", compose, re.M) == [
        "    SECRET_KEY: ${SECRET_KEY:?set SECRET_KEY}"
    ]
