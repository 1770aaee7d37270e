"""`make run`: the demo, embedded defaults (SQLite, in-memory layers, console email).

DEBUG is off, as newcomers judge Relais by this demo: real error pages in their language, no
debug information. Developers switch it on explicitly: `DEBUG=1 make run`."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=False)
# The demo's public accounts may be seeded here (seed_demo), never elsewhere.
DEMO_SITE = True
# The demo's logos and images (production leaves them to the proxy or SERVE_MEDIA).
SERVE_MEDIA = True
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # SQLite ignores SELECT … FOR UPDATE: take the write lock when a transaction starts, so
    # the services' read-then-write transactions (places left, message numbers) are
    # serialised there too. PostgreSQL, in production and CI, locks the rows they select.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"  # noqa: F405
