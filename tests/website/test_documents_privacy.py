"""Documents are served through Wagtail, which applies each collection's privacy: a
document in a collection kept for signed-in people is never sent to a visitor, and one
behind a password never without it."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import UserFactory
from tests.factories.community import PASSWORD

pytestmark = pytest.mark.django_db

CONTENT = b"Compte rendu confidentiel du conseil"


def _document(collection: Collection) -> Document:
    document = Document(title="Compte rendu", collection=collection)
    document.file.save("compte-rendu.txt", ContentFile(CONTENT), save=True)
    return document


def _private(name: str, restriction: str, **extra) -> Collection:
    collection = Collection.get_first_root_node().add_child(name=name)
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction, **extra
    )
    return collection


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_document_for_signed_in_people_is_refused_to_a_visitor(client):
    document = _document(_private("Conseil", CollectionViewRestriction.LOGIN))

    response = client.get(document.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert CONTENT not in response.content

    client.force_login(UserFactory())
    assert CONTENT in _body(client.get(document.url))


def test_a_document_behind_a_password_is_refused_without_it(client):
    document = _document(
        _private("Bureau", CollectionViewRestriction.PASSWORD, password="mot-de-passe")
    )

    response = client.get(document.url)

    assert response.status_code == 200  # Wagtail's password form, not the file
    assert CONTENT not in response.content


def test_a_public_document_is_served(client):
    document = _document(Collection.get_first_root_node())

    assert CONTENT in _body(client.get(document.url))


def test_wagtails_own_sign_in_form_is_no_side_door(client):
    """`/_util/login/` (Wagtail's front-end sign-in) sends to allauth's form, keeping where
    to go next; a POST to it signs nobody in, not even an account whose email is not
    verified (allauth's form would refuse it)."""
    person = UserFactory(verified_email=False)

    get = client.get("/_util/login/?next=/documents/1/x.txt")
    post = client.post("/_util/login/", {"username": person.email, "password": PASSWORD})

    assert get.status_code == 302
    assert get["Location"] == "/accounts/login/?next=/documents/1/x.txt"
    assert post.status_code == 302
    assert post["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
