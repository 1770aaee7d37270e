#!/usr/bin/env python
"""Container healthcheck: GET /healthz on the local uvicorn (no curl in the slim image).

The Host header is the first of ALLOWED_HOSTS, so Django accepts the request; /healthz is
exempt from the HTTPS redirect (SECURE_REDIRECT_EXEMPT)."""

import os
import sys
import urllib.request

hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost").split(",") if h.strip()]
host = next((h.lstrip(".") for h in hosts if h != "*"), "localhost")
request = urllib.request.Request("http://127.0.0.1:8000/healthz", headers={"Host": host})
try:
    with urllib.request.urlopen(request, timeout=4) as response:
        sys.exit(0 if response.status == 200 else 1)
except Exception as error:  # noqa: BLE001 - any failure means unhealthy
    print(f"unhealthy: {error}", file=sys.stderr)
    sys.exit(1)
