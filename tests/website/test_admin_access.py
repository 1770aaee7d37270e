"""/admin/ is the editors' place: a signed-in member gets a clear page, not a redirect loop."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission

from tests.factories import UserFactory

REFUSAL = {
    "fr": "L&#x27;administration de Relais est réservée à l&#x27;équipe éditoriale.",
    "en": "The Relais administration is for the editorial team only.",
    "nl": "De beheeromgeving van Relais is voorbehouden aan de redactie.",
}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["fr", "en", "nl"])
@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/"])
def test_admin_refuses_a_member_with_a_clear_page_in_their_language(client, lang, path):
    client.force_login(UserFactory())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang

    response = client.get(path)

    body = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{lang}">' in body
    assert REFUSAL[lang] in body
    assert 'href="/moi/"' in body


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_admin_refuses_a_member_in_their_preferred_language_on_a_new_browser(client, lang):
    """No language cookie (another browser, signed in again): the refusal speaks the
    language the person chose, as the rest of the site does."""
    client.force_login(UserFactory(preferred_language=lang))

    response = client.get("/admin/")

    body = response.content.decode()
    assert (response.status_code, f'<html lang="{lang}">' in body) == (403, True)
    assert REFUSAL[lang] in body


@pytest.mark.django_db
def test_admin_sends_a_visitor_to_the_sign_in_page(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"


@pytest.mark.django_db
def test_admin_opens_for_an_editor(client):
    editor = UserFactory()
    group = Group.objects.create(name="Éditeurs")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert response.templates[0].name == "wagtailadmin/home.html"
