"""Sessions cached in Redis, and a Redis cache that degrades instead of failing."""

from __future__ import annotations

import pytest
from django.conf import global_settings, settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory
from website.settings import base

# What dev and production run with (base.py). The test settings keep database sessions so
# that the query counts other tests pin are the same with and without Redis.
SITE_SESSION_ENGINE = getattr(base, "SESSION_ENGINE", global_settings.SESSION_ENGINE)


@pytest.mark.skipif(not settings.REDIS_URL, reason="sessions are cached when Redis is there")
@override_settings(SESSION_ENGINE=SITE_SESSION_ENGINE)
def test_signed_in_request_reads_no_session_row_when_redis_is_configured(client, site_settings):
    user = UserFactory(display_name="Alice Admin")
    client.force_login(user)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/moi/")

    assert response.status_code == 200
    assert response.wsgi_request.user == user
    assert [q["sql"] for q in queries.captured_queries if "django_session" in q["sql"]] == []
