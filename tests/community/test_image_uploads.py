"""Uploaded pictures are capped in pixels, not only in bytes: a few kilobytes of PNG can
hold 144 megapixels (a decompression bomb) that would take the server's memory."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images.fields import WagtailImageField

from community.models import Organisation
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY_PIXELS = (
    "Cette image est trop grande : 25 mégapixels au plus. Réduisez ses dimensions "
    "(par exemple à 2000 × 2000 pixels), puis envoyez-la à nouveau."
)


def png(width: int, height: int, name: str = "picture.png") -> SimpleUploadedFile:
    """A one-colour PNG: tiny on disk whatever its dimensions."""
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def profile_data():
    return {"display_name": "Léa", "preferred_language": "fr", "time_zone": "Europe/Brussels"}


@pytest.mark.parametrize(("width", "height"), [(12_000, 12_000), (6_000, 5_000)])
def test_profile_photo_over_25_megapixels_refused_with_clear_message(client, width, height):
    user = UserFactory(display_name="Ancien Nom")
    client.force_login(user)
    upload = png(width, height)
    assert upload.size < 200_000  # the bytes limit alone would let it through

    response = client.post("/moi/profil/", {**profile_data(), "avatar": upload})

    user.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].errors == {"avatar": [TOO_MANY_PIXELS]}
    assert (user.display_name, user.avatar.name) == ("Ancien Nom", "")


def test_profile_photo_of_4_megapixels_saved(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post("/moi/profil/", {**profile_data(), "avatar": png(2000, 2000)})

    user.refresh_from_db()
    assert response.status_code == 302
    assert user.avatar.name.startswith("avatars/picture")
    assert (user.avatar.width, user.avatar.height) == (2000, 2000)


def test_organisation_logo_of_144_megapixels_refused_with_clear_message(client):
    organisation = OrganisationFactory(name="La Ferme du Bocage")
    admin = MembershipFactory(organisation=organisation, admin=True).user
    client.force_login(admin)

    response = client.post(
        f"/organisations/{organisation.slug}/modifier/",
        {
            "name": "La Ferme du Bocage",
            "legal_form": "cooperative",
            "description": "Maraîchage.",
            "logo": png(12_000, 12_000, "logo.png"),
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"logo": [TOO_MANY_PIXELS]}
    assert Organisation.objects.get(pk=organisation.pk).logo.name == ""


def test_wagtail_image_over_25_megapixels_refused():
    field = WagtailImageField()

    with pytest.raises(ValidationError) as refused:
        field.clean(png(6_000, 5_000))

    assert refused.value.code == "file_too_many_pixels"


@pytest.mark.parametrize(("width", "height"), [(12_000, 12_000), (6_000, 5_000)])
def test_pillow_refuses_to_decode_over_25_megapixels_anywhere(width, height):
    # Whatever decodes it (Wagtail's renditions, the admin's avatar form…).
    buffer = io.BytesIO(png(width, height).read())

    with pytest.raises(Image.DecompressionBombError):
        Image.open(buffer)


def test_pillow_opens_25_megapixels():
    with Image.open(io.BytesIO(png(5_000, 5_000).read())) as image:
        assert image.size == (5_000, 5_000)


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.cookie)</script></svg>"
)
NOT_AN_IMAGE = (
    "Transférez une image valide. Le fichier que vous avez transféré n'est pas une image, "
    "ou il est corrompu."
)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.svg", SVG),  # an SVG can carry script: refused
        ("photo.png", SVG),  # …whatever its name says
        ("photo.png", b"<html><script>alert(1)</script></html>"),
        ("photo.jpg", b"MZ\x90\x00 not an image at all"),
    ],
)
def test_a_profile_photo_is_judged_by_its_content_not_its_name(client, name, content):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        "/moi/profil/",
        {**profile_data(), "avatar": SimpleUploadedFile(name, content, content_type="image/png")},
    )

    user.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].errors == {"avatar": [NOT_AN_IMAGE]}
    assert user.avatar.name == ""


def test_a_png_named_jpg_is_read_as_what_it_is(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        "/moi/profil/", {**profile_data(), "avatar": png(40, 40, name="photo.jpg")}
    )

    user.refresh_from_db()
    assert response.status_code == 302
    assert (user.avatar.width, user.avatar.height) == (40, 40)


def test_an_svg_is_refused_by_the_editors_image_field_too():
    field = WagtailImageField()

    with pytest.raises(ValidationError) as refused:
        field.clean(SimpleUploadedFile("logo.svg", SVG, content_type="image/svg+xml"))

    assert refused.value.code in {"invalid_image_extension", "invalid_image_known_format"}
