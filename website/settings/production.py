"""Production: every secret from the environment, HTTPS everywhere, Redis and PostgreSQL."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import REDIS_URL, env

if not REDIS_URL:
    # Rate limits and WebSocket fan-out must be shared by every process.
    raise ImproperlyConfigured("Production needs REDIS_URL (shared cache and channel layer).")

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY.strip():
    # Django would start and only fail on the first request that signs something.
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable: it is empty.")
# No silent fallback to console email or a localhost site address in production.
vars().update(env.email_url("EMAIL_URL"))
WAGTAILADMIN_BASE_URL = env("SITE_URL")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="https")
# PostgreSQL connections come from a pool (base.py: DB_POOL_MIN_SIZE / DB_POOL_MAX_SIZE).
# Serve uploaded media from Django itself (single-host compose set-up without a proxy
# serving /media/); leave off when a proxy or object storage serves them.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
