"""Settings shared by every environment; everything that varies comes from the environment."""

from pathlib import Path
from typing import Any

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "community",
    "rooms",
    "programmes",
    "practices",
    "events",
    "stories",
    "diagnostic",
    "intervisions",
    "search",
    "website",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "allauth",
    "allauth.account",
    "channels",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Text answers compressed (static files are WhiteNoise's, pre-compressed, answered
    # above). BREACH needs a secret repeated byte for byte in bodies that also reflect the
    # attacker's input: Django masks the CSRF token afresh in every response, the session
    # cookie is never in a body, and this middleware pads gzip output randomly (Django
    # 4.2+). See docs/architecture.md, "Feeds and compression".
    "django.middleware.gzip.GZipMiddleware",
    "csp.middleware.CSPMiddleware",
    # Whole pages for visitors, forgotten at the next change (website/page_cache.py).
    "website.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "community.middleware.UserPreferencesMiddleware",
    "community.middleware.ClientAddressMiddleware",
    "website.middleware.AdminAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# How long a visitor's page may be kept (seconds; 0: never). Any change to the site's rows
# replaces it at once; this bounds what changes with time alone (website/page_cache.py).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"
ASGI_APPLICATION = "website.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "community.context_processors.notifications",
            ],
        },
    },
]

# SQLite file by default; DATABASE_URL switches to PostgreSQL with no code change.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A connection pool per process (psycopg_pool, Django's "pool" option). Under ASGI each
    # request runs in a thread of its own, so persistent connections (CONN_MAX_AGE > 0)
    # stayed open with their dead thread until garbage collection and piled up to
    # PostgreSQL's max_connections. With the pool a request borrows a connection and gives
    # it back when it ends; at most DB_POOL_MAX_SIZE per process, others wait their turn
    # (DB_POOL_TIMEOUT seconds). Django requires CONN_MAX_AGE = 0 with a pool.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # the pool checks before lending
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DB_POOL_MIN_SIZE", default=2),
        "max_size": env.int("DB_POOL_MAX_SIZE", default=10),
        "timeout": env.float("DB_POOL_TIMEOUT", default=10.0),
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")

# Channel layer sizing. Each socket has a queue of `capacity` events; beyond it, events are
# dropped (channels' default of 100 overflowed, "channels over capacity" in the logs, when
# 50 people wrote at once: a socket busy with its own sends falls behind the burst).
# 2,000 holds a burst of a thousand messages twice over; `expiry` drops what a socket has
# not read within a minute. A socket that still misses a message finds out from the
# numbers (gap, `tail` frame) and syncs: nothing is lost, only delayed.
CHANNEL_LAYER_SIZING = {
    "capacity": env.int("CHANNEL_LAYER_CAPACITY", default=2000),
    "expiry": env.int("CHANNEL_LAYER_EXPIRY", default=60),
}

# Cache: allauth's rate limits count in it, so production needs a shared one (Redis).
# Pages keep serving when Redis is down (website/cache.py): reads miss, writes are
# skipped, and short timeouts keep a silent Redis from holding requests up.
REDIS_CACHE_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "website.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "relais",
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
    # Two channel layers, chosen by measurement (bench/RESULTS.md, rows W1-W5):
    # "pubsub" (RedisPubSubChannelLayer: a broadcast is one PUBLISH that each process
    # hands to its own sockets) or "lists" (RedisChannelLayer: one push per member).
    CHANNEL_LAYER = env("CHANNEL_LAYER", default="pubsub")
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # socket_timeout=None: redis-py 8 defaults to 5 s, which aborts channels_redis's
            # blocking BZPOPMIN and kills every idle WebSocket (channels_redis issue #422).
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, "socket_timeout": None}],
                "prefix": "relais",
                **CHANNEL_LAYER_SIZING,
            },
        }
        if CHANNEL_LAYER == "lists"
        else {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, "socket_timeout": None}],
                "prefix": "relais",
            },
        }
    }
    # Sessions are read from Redis and written to both: a signed-in request costs no
    # session query, and the database still holds them if Redis is emptied.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels.layers.InMemoryChannelLayer",
            "CONFIG": CHANNEL_LAYER_SIZING,
        }
    }
    # Database sessions: a local-memory cache is not shared between processes (the test
    # suite's uvicorn, several workers), so a session ended in one would live on in another.
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"),
        "QUEUES": ["default"],
    }
}

AUTH_USER_MODEL = "community.User"
AUTHENTICATION_BACKENDS = [
    # allauth's, reading the person with their unread notifications' count.
    "community.adapters.AuthenticationBackend",
    # Sessions opened before it name allauth's own: they stay signed in.
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/moi/"

# allauth: the email address is the login; verification is mandatory; enumeration is
# prevented (the default) and the built-in rate limits stay on.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SIGNUP_FORM_CLASS = "community.forms.SignupExtraForm"
ACCOUNT_ADAPTER = "community.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Relais] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="http")
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults (but for failed sign-ins), explicit so they are visible and tested.
    "login": "30/m/ip",
    # Failed sign-ins lock the account being attacked (5 in 5 minutes), and its address
    # only loosely: a whole association office signs in from one IP, and one person's
    # typos must not lock out the others. The address's rate comes first: allauth stops at
    # the first rate refused, so an address already refused cannot go on locking accounts.
    "login_failed": "60/15m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",  # nosec B105 - a rate, not a password
    "reset_password_from_key": "20/m/ip",  # nosec B105 - a rate, not a password
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",  # nosec B105 - a rate, not a password
}

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Files for one person only (their data exports): never served as files, only through a
# view that checks who asks (website/views.py).
PRIVATE_ROOT = env("PRIVATE_ROOT", default=str(BASE_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploaded images are small on this site: logos and avatars.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Relais <noreply@relais.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Relais"
WAGTAILADMIN_BASE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# Wagtail's database backend (search/backend.py): on PostgreSQL, words are searched with
# accents removed and French stems ("benevoles" finds "bénévole"), titles are completed
# with accents removed and no stemming; both configurations come from
# search/migrations/0001_text_search.py. SQLite ignores them (FTS5 folds accents itself).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "french_unaccent",
        "AUTOCOMPLETE_CONFIG": "simple_unaccent",
    }
}
# Also RELAIS["IMAGE_MAX_PIXELS"] (logos, avatars) and Pillow's own limit (community/apps.py).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 25_000_000
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# The Wagtail admin signs in through allauth (throttled, verified emails); its own login
# and password-reset forms are closed so they cannot be an unthrottled side door.
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
# Private pages and documents send visitors to allauth's sign-in, not Wagtail's own form.
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = True
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Submissions for review are announced once, to the members of the "Moderators" group
# (Wagtail's task email). Wagtail would also email every superuser at workflow level: a
# superuser who moderates got the same news twice.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Page slugs are plain ASCII ("reunion-dete", not "réunion-dété"): they are part of the
# stable addresses (/pratiques/<slug>/, /agenda/<slug>/…) that other sites and feeds keep.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# No Gravatar: it would send a hash of every editor's email address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Content Security Policy (django-csp). The public site uses no inline script or style;
# the Wagtail admin, which needs inline code, is excluded and sits behind a login.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per task run is noise; failures are still logged.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
    },
}

# Only the dev settings (`make run`) set this: seed_demo creates accounts whose password is
# public, so it refuses to run elsewhere unless told --i-know-this-is-a-demo.
DEMO_SITE = False

RELAIS: dict[str, Any] = {  # read by many modules: ints, and one string
    "DEFAULT_TIME_ZONE": "Europe/Brussels",
    "DIRECTORY_PAGE_SIZE": 12,
    # Deleting one's account waits this many days: signing in before cancels it
    # (website/account_deletion.py; the privacy page says it).
    "ACCOUNT_DELETION_GRACE_DAYS": 14,
    "LOGO_MAX_BYTES": 2 * 1024 * 1024,
    # Pixels of an uploaded picture (logos, avatars, Wagtail images): a small file can
    # hold a huge picture that would take the server's memory once decoded.
    "IMAGE_MAX_PIXELS": WAGTAILIMAGES_MAX_IMAGE_PIXELS,
    "JOIN_REQUESTS_PER_HOUR": 10,
    # What creates something or sends email, per action: (per person, per address, window
    # in seconds); see community/services/limits.py. The address's number is loose: an
    # office, a training room share one address.
    "ACTION_LIMITS": {
        "organisation": (3, 10, 86400),
        "affiliation": (10, 30, 86400),
        "conversation": (10, 40, 3600),
        "draft": (10, 40, 86400),
        "sheet": (5, 20, 86400),
        "event": (5, 20, 86400),
        "registration": (30, 120, 3600),
        "follow": (30, 120, 3600),
        "calendar": (5, 20, 3600),
        "diagnostic": (5, 20, 86400),
    },
    # Rooms: message length, messages per person per minute, WebSocket frame size (bytes),
    # history page size, presence entry lifetime (seconds; refreshed while connected) and
    # how long mention emails wait to be grouped into one digest (deferring task backends).
    "ROOM_MESSAGE_MAX_CHARS": 4000,
    "ROOM_MESSAGES_PER_MINUTE": 20,
    "ROOM_FRAME_MAX_BYTES": 32 * 1024,
    "ROOM_HISTORY_PAGE_SIZE": 50,
    "ROOM_PRESENCE_TTL": 90,
    # Who came and went is told at most this often per room and process (seconds): a crowd
    # arriving is summed up in one frame a second (rooms/services/presence.py, Announcer).
    "ROOM_PRESENCE_EVERY": 1.0,
    # How often each room socket checks its access again with the database (seconds): a
    # safety net; every change made through the models closes a socket at once.
    "ROOM_RECHECK_SECONDS": 300,
    # Each socket tells its client the room's last number (a `tail` frame) when it has not
    # sent that message itself: one second after a burst goes quiet, and every
    # ROOM_TAIL_SECONDS anyway, so a client that missed the end of a burst syncs.
    "ROOM_TAIL_SECONDS": 10,
    "ROOM_TAIL_QUIET_SECONDS": 1,
}

# Notifications a person wants "by email at once" are batched: one email for what comes
# within this many seconds (community/services/notifications.py).
NOTIFICATION_EMAIL_DELAY = 120
