"""`make run`: debug on, embedded defaults (SQLite, in-memory layers, console email)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
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
