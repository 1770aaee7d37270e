"""Test settings: fast hashing, local-memory email; PostgreSQL/Redis when their URLs are set."""

import os

from .base import *  # noqa: F403
from .base import REDIS_CACHE_OPTIONS, REDIS_URL

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", "/tmp/relais-test-media")
PRIVATE_ROOT = os.environ.get("TEST_PRIVATE_ROOT", "/tmp/relais-test-private")
# Visitors' pages are kept only in tests/website/test_page_cache.py: elsewhere a test that
# changes rows without signals (`QuerySet.update`) expects the next page to show it.
PAGE_CACHE_SECONDS = 0
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

if REDIS_URL:
    # One Redis database per xdist worker, so a test may clear its cache (allauth's
    # rate-limit counters) without touching another worker's.
    # TEST_REDIS_DB_BASE moves the block of databases, so that two test runs on one Redis
    # (two checkouts on a developer machine) do not clear each other's cache.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or "0"
    _db = int(os.environ.get("TEST_REDIS_DB_BASE", "1")) + int(worker)
    _base = REDIS_URL.rsplit("/", 1)[0] if REDIS_URL.count("/") > 2 else REDIS_URL
    CACHES = {
        "default": {
            "BACKEND": "website.cache.ResilientRedisCache",
            "LOCATION": f"{_base}/{_db}",
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
    # The channel layer production runs (base.py), one per worker: Redis's publish and
    # subscribe ignore database numbers, so the worker is in the prefix.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {
                "hosts": [{"address": f"{_base}/{_db}", "socket_timeout": None}],
                "prefix": f"relais-test-{_db}",
            },
        }
    }

# Database sessions in tests, with or without Redis: the query counts the tests pin are the
# same in both set-ups. tests/website/test_sessions_and_cache.py checks the cached sessions
# that base.py sets up with Redis, and the Redis-down test runs the production settings.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # A test database is thrown away: its commits (transactional tests, the browser tests'
    # servers' writes go through their own settings) need not wait for the disk.
    DATABASES["default"]["OPTIONS"]["options"] = "-c synchronous_commit=off"  # noqa: F405

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # Rooms' browser tests (tests/e2e/test_rooms_live.py) run the site in a separate uvicorn
    # process, which cannot see an in-memory database: on SQLite the test database is a
    # file, in shared memory where there is some. Its name is the checkout's (two
    # checkouts do not share it) and the same from one run to the next, so that
    # `pytest --reuse-db` finds it again; pytest-django adds the xdist worker's suffix
    # (_gw0...) and Django deletes the file at the end of a run without --reuse-db.
    import hashlib
    import tempfile

    _dir = "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()
    _checkout = hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:12]  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": f"{_dir}/relais-test-{_checkout}.sqlite3"}  # noqa: F405

# Wagtail's autosave (a draft saved every half second of typing) races the browser tests'
# own clicks on "Publish"; the admin's tests publish from the form as it is.
WAGTAIL_AUTOSAVE_INTERVAL = 0
