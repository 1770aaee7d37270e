"""Deleting one's account (issue 16): the request at /moi/supprimer/, the grace period that
signing in cancels, and what is left afterwards (website/account_deletion.py)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community.models import Notification, User
from events.models import Registration
from practices.models import SheetDraft
from rooms.models import Room, RoomMessage
from rooms.services import creation, posting
from tests.factories import MembershipFactory, UserFactory
from tests.factories.community import PASSWORD
from tests.practices.conftest import build_submitted_sheet
from website.account_deletion import delete_due_accounts
from website.models import AccountDeletion

pytestmark = pytest.mark.django_db

LATER = dt.timedelta(days=15)


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _ask(client, *, messages="keep", password=PASSWORD):
    return client.post("/moi/supprimer/", {"messages": messages, "password": password})


def test_the_page_says_what_happens_and_asks_for_the_password():
    nora = MembershipFactory(user__display_name="Nora Petit").user
    page = _signed_in(nora).get("/moi/supprimer/").content.decode()

    assert "Votre compte sera supprimé dans 14 jours." in page
    assert 'value="keep"' in page and 'value="erase"' in page
    assert 'autocomplete="current-password"' in page


def test_a_wrong_password_changes_nothing():
    nora = UserFactory()
    response = _ask(_signed_in(nora), password="not-my-password")

    assert response.status_code == 200
    assert response.context["form"].errors == {"password": ["Ce mot de passe n'est pas le bon."]}
    assert not AccountDeletion.objects.exists()


def test_a_missing_choice_is_asked_again():
    nora = UserFactory()
    response = _ask(_signed_in(nora), messages="")

    assert response.context["form"].errors == {
        "messages": ["Choisissez ce que deviennent vos messages."]
    }
    assert not AccountDeletion.objects.exists()


def test_the_last_admin_hands_over_first():
    membership = MembershipFactory(admin=True, organisation__name="La Ressourcerie du Val")
    MembershipFactory(organisation=membership.organisation)
    client = _signed_in(membership.user)

    page = client.get("/moi/supprimer/").content.decode()
    response = _ask(client)

    assert "Nommez d'abord quelqu'un d'autre administrateur·rice" in page
    assert 'name="password"' not in page
    assert response.status_code == 200
    assert not AccountDeletion.objects.exists()


def test_an_admin_alone_in_their_organisation_may_leave():
    membership = MembershipFactory(admin=True)

    assert _ask(_signed_in(membership.user)).status_code == 302
    assert AccountDeletion.objects.filter(user=membership.user).exists()


def test_asking_signs_out_everywhere_and_says_when(mailoutbox, django_capture_on_commit_callbacks):
    nora = UserFactory(display_name="Nora Petit", email="nora@example.org")
    here, elsewhere = _signed_in(nora), _signed_in(nora)
    before = timezone.now()

    with django_capture_on_commit_callbacks(execute=True):
        response = _ask(here, messages="erase")

    deletion = AccountDeletion.objects.get(user=nora)
    assert deletion.messages == "erase"
    assert (
        before + dt.timedelta(days=14) <= deletion.due_at <= timezone.now() + dt.timedelta(days=14)
    )
    assert response["Location"] == "/"
    # Both sessions are over: this one signed out, the other's password hash changed.
    assert "_auth_user_id" not in here.session
    assert elsewhere.get("/moi/").status_code == 302
    assert [m.to for m in mailoutbox] == [["nora@example.org"]]
    assert mailoutbox[0].subject == "[Relais] Votre compte sera supprimé"
    assert "Reconnectez-vous avant cette date" in mailoutbox[0].body


def test_signing_in_during_the_grace_period_cancels_the_deletion():
    nora = UserFactory(email="nora@example.org")
    _ask(_signed_in(nora))
    client = Client()

    response = client.post(
        "/accounts/login/", {"login": "nora@example.org", "password": PASSWORD}, follow=True
    )

    assert not AccountDeletion.objects.exists()
    assert "La suppression de votre compte est annulée" in response.content.decode()
    assert delete_due_accounts(now=timezone.now() + LATER) == 0
    assert User.objects.filter(pk=nora.pk).exists()


def _world():
    """Nora (author of a submitted sheet and a draft, in a room and a conversation,
    registered nowhere yet) and Bruno, her colleague."""
    built = build_submitted_sheet()
    nora = built["member_with_org"]
    nora.display_name = "Nora Petit"
    nora.save()
    bruno = MembershipFactory(
        organisation=built["member_org"], user__display_name="Bruno Lefèvre"
    ).user
    room = creation.create_theme_room(title="Réemploi")
    said = posting.post_message(
        user=nora, room=room, body="Nos dons sont sur papier.", client_id=uuid.uuid4()
    ).message
    answer = posting.post_message(
        user=bruno, room=room, body="@[Nora Petit] merci !", client_id=uuid.uuid4()
    ).message
    direct = creation.start_direct_conversation(user=bruno, other=nora)
    draft = SheetDraft.objects.create(
        author=nora, organisation=built["member_org"], data={"title": "Suite"}
    )
    return nora, bruno, built["submitted_sheet"], room, said, answer, direct, draft


def test_nothing_happens_before_the_time(mailoutbox):
    nora, *_rest = _world()
    _ask(_signed_in(nora))

    assert delete_due_accounts(now=timezone.now() + dt.timedelta(days=13)) == 0
    assert User.objects.filter(pk=nora.pk).exists()


def test_kept_messages_are_signed_former_member_and_the_name_is_gone_everywhere(
    mailoutbox, django_capture_on_commit_callbacks
):
    nora, bruno, sheet, room, said, answer, direct, draft = _world()
    _ask(_signed_in(nora), messages="keep")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert delete_due_accounts(now=timezone.now() + LATER) == 1

    assert not User.objects.filter(pk=nora.pk).exists()
    said.refresh_from_db()
    answer.refresh_from_db()
    assert (said.author_id, said.body_markdown, said.deleted_at) == (
        None,
        "Nos dons sont sur papier.",
        None,
    )
    assert Room.objects.get(pk=room.pk).messages.count() == 2
    assert answer.body_markdown == "ancien·ne membre merci !"
    assert "Nora" not in answer.html
    direct.refresh_from_db()
    assert ({direct.user_a_id, direct.user_b_id}, direct.archived) == ({None, bruno.pk}, True)
    assert "Nora" not in direct.title
    assert not Notification.objects.filter(message__icontains="Nora").exists()
    # Her sheet stays with the organisation, without her; her draft passes to Bruno.
    sheet.refresh_from_db()
    assert sheet.organisation_id == bruno.memberships.get().organisation_id
    assert list(sheet.authors.all()) == []
    draft.refresh_from_db()
    assert draft.author_id == bruno.pk
    # The room shows "Ancien·ne membre", and no page of it her name.
    page = _signed_in(bruno).get(room.get_absolute_url()).content.decode()
    assert "Ancien·ne membre" in page and "Nora" not in page
    history = _signed_in(bruno).get(f"{room.get_absolute_url()}historique/").content.decode()
    assert "Nora" not in history
    # She is told at the address she had.
    assert [m.to for m in mailoutbox] == [[nora.email]]
    assert mailoutbox[0].subject == "[Relais] Votre compte est supprimé"


def test_erased_messages_lose_their_text():
    nora, _bruno, _sheet, room, said, *_rest = _world()
    _ask(_signed_in(nora), messages="erase")

    delete_due_accounts(now=timezone.now() + LATER)

    said.refresh_from_db()
    assert (said.author_id, said.body_markdown, said.html) == (None, "", "")
    assert said.deleted_at is not None
    assert RoomMessage.objects.filter(room=room).count() == 2  # the numbering stays


def test_what_is_hers_alone_goes_with_the_account():
    nora, *_rest = _world()
    _ask(_signed_in(nora))

    delete_due_accounts(now=timezone.now() + LATER)

    assert not Registration.objects.filter(user_id=nora.pk).exists()
    assert not Notification.objects.filter(user_id=nora.pk).exists()
    assert not Room.objects.filter(user_a_id=nora.pk).exists()
    assert not Room.objects.filter(user_b_id=nora.pk).exists()


def test_the_page_costs_the_same_queries_whatever_the_number_of_organisations():
    def queries_for(organisations: int) -> int:
        person = UserFactory()
        for _ in range(organisations):
            membership = MembershipFactory(user=person, admin=True)
            MembershipFactory(organisation=membership.organisation)
        client = _signed_in(person)
        client.get("/moi/supprimer/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/moi/supprimer/").status_code == 200
        return len(queries)

    assert queries_for(1) == queries_for(4)
