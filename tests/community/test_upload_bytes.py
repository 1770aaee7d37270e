"""Uploaded pictures are capped in bytes too (`RELAIS["LOGO_MAX_BYTES"]`, 2 MB): a logo or
a profile photo over it is refused with the form's message and nothing is stored, while
a picture of the same dimensions under it is saved."""

from __future__ import annotations

import io
import os

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from community.models import Organisation
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

TOO_HEAVY = "L'image dépasse 2 Mo : choisissez un fichier plus léger."


def noise_png(width: int, height: int, name: str) -> SimpleUploadedFile:
    """A PNG of random pixels: it does not compress, so its bytes follow its size."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(
        buffer, "PNG", compress_level=0
    )
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def heavy(name: str) -> SimpleUploadedFile:
    upload = noise_png(1000, 800, name)  # 2.4 MB of pixels, far under the pixel limit
    assert settings.RELAIS["LOGO_MAX_BYTES"] == 2 * 1024 * 1024 < upload.size
    return upload


def profile_data():
    return {"display_name": "Léa", "preferred_language": "fr", "time_zone": "Europe/Brussels"}


def organisation_data():
    return {"name": "La Ferme du Bocage", "legal_form": "cooperative", "description": "Maraîchage."}


def test_a_profile_photo_over_the_byte_limit_is_refused_with_its_message(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post("/moi/profil/", {**profile_data(), "avatar": heavy("photo.png")})

    user.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].errors == {"avatar": [TOO_HEAVY]}
    assert user.avatar.name == ""


def test_an_organisation_logo_over_the_byte_limit_is_refused_with_its_message(client):
    organisation = OrganisationFactory(name="La Ferme du Bocage")
    client.force_login(MembershipFactory(organisation=organisation, admin=True).user)

    response = client.post(
        f"/organisations/{organisation.slug}/modifier/",
        {**organisation_data(), "logo": heavy("logo.png")},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"logo": [TOO_HEAVY]}
    assert Organisation.objects.get(pk=organisation.pk).logo.name == ""


def test_a_logo_under_the_byte_limit_is_saved(client):
    organisation = OrganisationFactory(name="La Ferme du Bocage")
    client.force_login(MembershipFactory(organisation=organisation, admin=True).user)
    upload = noise_png(800, 800, "logo.png")  # 1.9 MB
    assert upload.size < settings.RELAIS["LOGO_MAX_BYTES"]

    response = client.post(
        f"/organisations/{organisation.slug}/modifier/", {**organisation_data(), "logo": upload}
    )

    assert response.status_code == 302
    assert Organisation.objects.get(pk=organisation.pk).logo.name.startswith("logos/logo")
