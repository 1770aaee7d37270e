"""Wagtail's public API answers bad input with 400, never 500."""

import pytest
from wagtail.models import Page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?search=%00",
        "/api/v2/images/?search=%00",
        "/api/v2/pages/?search_operator=zzz&search=a",
        "/api/v2/pages/?search=" + "+".join(["mot"] * 300),
        "/api/v2/pages/?site=%00",
        "/api/v2/pages/find/?html_path=/%00",
        "/api/v2/pages/?offset=" + "9" * 30,
        "/api/v2/images/?offset=18446744073709551616",
    ],
)
def test_api_bad_query_is_a_400(client, url):
    response = client.get(url)

    assert response.status_code == 400
    assert "message" in response.json()


@pytest.mark.django_db
def test_api_lists_live_pages(client):
    expected = list(Page.objects.live().filter(depth__gt=1).values_list("title", flat=True))

    response = client.get("/api/v2/pages/")

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == expected
    assert len(expected) >= 1
