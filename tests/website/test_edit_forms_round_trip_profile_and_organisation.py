"""A member's profile form and an organisation's edit form, submitted unchanged as a
browser does (tests/website/form_round_trip.py), save back exactly what is stored: text
with its line breaks, relations, the avatar and logo images."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from community.models import Organisation, User
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    SectorFactory,
    ThemeFactory,
    UserFactory,
)
from tests.website.form_round_trip import resubmit, snapshot

pytestmark = pytest.mark.django_db


# The smallest PNG: one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def stored_image(path: str) -> str:
    return default_storage.save(path, ContentFile(PNG))


# --- The forms ------------------------------------------------------------------------


def test_profile_form_unchanged_keeps_everything(client):
    themes = [ThemeFactory(), ThemeFactory()]
    person = UserFactory(
        display_name="Camille Dubois",
        bio="Coordinatrice d'une ASBL.\nBénévole le samedi.\n\nAime les « tableurs ».",
        preferred_language="nl",
        time_zone="America/Montreal",
        avatar=stored_image("avatars/camille.png"),
    )
    person.interests.set(themes)
    fields = ["display_name", "bio", "avatar", "interests", "preferred_language", "time_zone"]
    before = snapshot(person, fields)
    client.force_login(person)

    response = resubmit(client, "/moi/profil/", "display_name")

    assert (response.status_code, response["Location"]) == (302, "/moi/")
    assert snapshot(User.objects.get(pk=person.pk), fields) == before


def test_organisation_form_unchanged_keeps_everything(client):
    organisation = OrganisationFactory(
        name="Les Ateliers du Bocage",
        kind=Organisation.Kind.FEDERATION,
        legal_form=Organisation.LegalForm.COOPERATIVE,
        region=RegionFactory(),
        city="Namur",
        staff_size=Organisation.Size.SMALL,
        volunteers=12,
        website="https://bocage.example/",
        description="Nous réparons.\nNous formons.\n\nEt nous prêtons des outils.",
        logo=stored_image("logos/bocage.png"),
        contact_email="contact@bocage.example",
        contact_phone="+32 81 00 00 00",
    )
    organisation.sectors.set([SectorFactory(), SectorFactory()])
    admin = MembershipFactory(organisation=organisation, admin=True).user
    fields = [
        "name",
        "slug",
        "kind",
        "legal_form",
        "sectors",
        "region",
        "city",
        "staff_size",
        "volunteers",
        "website",
        "description",
        "logo",
        "contact_email",
        "contact_phone",
    ]
    before = snapshot(organisation, fields)
    client.force_login(admin)

    response = resubmit(client, f"/organisations/{organisation.slug}/modifier/", "name")

    assert (response.status_code, response["Location"]) == (
        302,
        f"/organisations/{organisation.slug}/",
    )
    assert snapshot(Organisation.objects.get(pk=organisation.pk), fields) == before
