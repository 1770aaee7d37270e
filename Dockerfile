# Relais: one image for the ASGI web service and the background worker.
#   docker build -t relais .
#   docker run ... relais            -> migrations, then uvicorn on :8000 (see docker/entrypoint.sh)
#   docker run ... relais worker     -> django-tasks db_worker
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=website.settings.production \
    MEDIA_ROOT=/app/media \
    PRIVATE_ROOT=/app/private

WORKDIR /app

# An unprivileged user runs the site; the code stays owned by root (read-only for it),
# only the media and private folders are writable.
RUN groupadd --system --gid 10001 relais \
 && useradd --system --uid 10001 --gid relais --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin relais

# Dependencies first, so that code changes do not reinstall them.
# (Every pinned package has manylinux wheels for x86_64: no compiler or system library needed.)
COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY . .

# Translations and static files are built into the image. The settings only need to
# import here: these values are build-time placeholders, never used at run time.
RUN python -m babel.messages.frontend compile --domain django --directory locale --use-fuzzy \
 && SECRET_KEY=build-time-placeholder-not-a-secret \
    ALLOWED_HOSTS=localhost \
    DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    REDIS_URL=redis://build-time-placeholder:6379/0 \
    SITE_URL=https://build-time-placeholder.example \
    EMAIL_URL=consolemail:// \
    python manage.py collectstatic --noinput --verbosity 0 \
 && rm -f /tmp/build.sqlite3 \
 && chmod 0755 docker/entrypoint.sh docker/healthcheck.py \
 && mkdir -p /app/media /app/private \
 && chown relais:relais /app/media /app/private

USER relais
EXPOSE 8000

# /healthz answers 200 when the database (and Redis, when configured) answer.
# Worker containers serve no HTTP: disable the healthcheck for them (compose does).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "/app/docker/healthcheck.py"]

ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["web"]
