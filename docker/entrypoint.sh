#!/bin/sh
# Container entry point.
#   web (default)  wait for the database, apply migrations and point Wagtail's Site at
#                  SITE_URL (unless RUN_MIGRATIONS=0),
#                  then serve HTTP and WebSockets with uvicorn on :8000
#   worker         run the django-tasks database worker (emails, reminders, digests)
#   anything else  is run as is, e.g. `python manage.py createsuperuser`
set -eu

wait_for_database() {
  python - <<'PY'
import os
import sys
import time

import django

django.setup()
from django.db import connection  # noqa: E402

deadline = time.monotonic() + int(os.environ.get("DB_WAIT_SECONDS", "60"))
while True:
    try:
        connection.ensure_connection()
        break
    except Exception as error:  # noqa: BLE001
        if time.monotonic() > deadline:
            sys.exit(f"database unreachable: {error}")
        print("waiting for the database...", flush=True)
        time.sleep(2)
PY
}

case "${1:-web}" in
  web)
    wait_for_database
    if [ "${RUN_MIGRATIONS:-1}" != "0" ]; then
      python manage.py migrate --noinput
      python manage.py set_site_address
    fi
    exec uvicorn website.asgi:application \
      --host 0.0.0.0 --port 8000 \
      --proxy-headers --forwarded-allow-ips="${FORWARDED_ALLOW_IPS:-127.0.0.1}" \
      --workers "${WEB_CONCURRENCY:-2}" \
      --lifespan off --no-access-log
    ;;
  worker)
    wait_for_database
    exec python manage.py db_worker
    ;;
  *)
    exec "$@"
    ;;
esac
