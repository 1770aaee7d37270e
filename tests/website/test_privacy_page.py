"""The privacy notice (/confidentialite/) says what the code does: its figures are read
from the settings and modules that apply them, so changing one changes the page."""

from __future__ import annotations

import pytest

from community.privacy import PRIVACY_NOTICE_VERSION
from intervisions.forms import RETENTION_CHOICES, RETENTION_DAYS

pytestmark = pytest.mark.django_db


def _text(client) -> str:
    response = client.get("/confidentialite/")
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_the_notice_states_the_figures_the_code_applies(client):
    page = _text(client)

    assert PRIVACY_NOTICE_VERSION == "2026-11-30"
    assert "Politique de confidentialité, version du 30 novembre 2026." in page
    assert "(7, 30, 90 jours)" in page  # intervision rooms' retention (intervisions/forms.py)
    assert "14 jours au plus, ou jusqu'à votre déconnexion." in page  # SESSION_COOKIE_AGE
    assert "Un compteur en mémoire, 24 heures au plus" in page  # the longest action limit
    assert "7 jours, puis il est effacé." in page  # the data export's link
    assert "Il est supprimé 14 jours après votre demande" in page  # the deletion's grace
    assert "à partir de 5 organisations" in page  # diagnostic/federation.py ANONYMITY


def test_the_notice_follows_the_settings(client, settings):
    settings.SESSION_COOKIE_AGE = 3 * 86400
    settings.RELAIS = {**settings.RELAIS, "ACCOUNT_DELETION_GRACE_DAYS": 30}

    page = _text(client)

    assert "3 jours au plus, ou jusqu'à votre déconnexion." in page
    assert "Il est supprimé 30 jours après votre demande" in page


def test_the_intervision_retentions_are_the_ones_offered():
    assert [int(key) for key, _label in RETENTION_CHOICES if key] == list(RETENTION_DAYS)


def test_the_notice_reads_the_site_and_its_settings_only(client, django_assert_num_queries):
    client.get("/confidentialite/")  # the first visit creates the site's settings rows

    # The site, its navigation and footer settings: nothing per person, nothing listed.
    with django_assert_num_queries(3):
        assert client.get("/confidentialite/").status_code == 200
