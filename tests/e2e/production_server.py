"""uvicorn with the production settings (website.settings.production), for the tests about
what would fall over in production: load, Redis down.

It serves the test database like `AsgiServer`, with the production settings' required
variables filled in for a loopback run (no HTTPS redirect). It counts as ready as soon as
it answers at all, since its /healthz rightly answers 503 while Redis is unreachable.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request

from django.conf import settings

from tests.e2e.asgi_server import AsgiServer, free_port


def unreachable_redis_url() -> str:
    """A Redis address on a loopback port nobody listens on: a real refused connection."""
    return f"redis://127.0.0.1:{free_port()}/0"


class ProductionServer(AsgiServer):
    def __init__(self, *, name: str, redis_url: str, env: dict | None = None):
        super().__init__(
            name=name,
            env={
                "DJANGO_SETTINGS_MODULE": "website.settings.production",
                "REDIS_URL": redis_url,
                # The test process's key: sessions it opens (Client.force_login) are valid.
                "SECRET_KEY": settings.SECRET_KEY,
                "ALLOWED_HOSTS": "127.0.0.1",
                "SITE_URL": "http://127.0.0.1",
                "EMAIL_URL": "smtp://127.0.0.1:1",
                "SECURE_SSL_REDIRECT": "False",
                **(env or {}),
            },
        )

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited at start-up:\n{self.log()}")
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=2).close()
                return
            except urllib.error.HTTPError:
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.name} not ready within {timeout}s:\n{self.log()}")
