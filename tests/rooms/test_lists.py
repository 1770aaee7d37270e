"""/salons/, unread counts, /moi/, the report queue, conversations from a profile and an
organisation's room."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from community.access import Refusal
from events.models import Registration
from rooms.models import Room, RoomSanction
from rooms.services import creation, listing, moderation, reading
from tests.events.conftest import calendar_page, publish_event  # noqa: F401 (fixture)
from tests.factories import AffiliationFactory, MembershipFactory, UserFactory
from tests.practices.conftest import home_page  # noqa: F401 (fixture)

from .conftest import say

pytestmark = pytest.mark.usefixtures("site_settings")


# --- lists, unread counts, /moi/ ---------------------------------------------------------------

# /salons/: session and user, the rooms with their unread counts (one query with a
# subquery), the moderator permission check (user and group permissions), the site and
# its navigation and footer settings.
ROOM_LIST_QUERIES = 8


def _busy_reader(size: int):
    """Someone who can read `size` thematic rooms, `size` direct conversations, `size` rooms
    of pages they follow and the room of their organisation, with unread messages
    everywhere."""

    me = UserFactory(display_name="Zoé Lectrice")
    org = MembershipFactory(user=me).organisation
    root = Page.get_first_root_node()
    for n in range(size):
        page = root.add_child(instance=Page(title=f"Page {n}", slug=f"page-suivie-{n}"))
        followed = creation.ensure_page_room(page)
        say(me, followed)
        say(UserFactory(), followed)
        theme = creation.create_theme_room(title=f"Thème {n}")
        say(me, theme)  # takes part: what follows is unread
        say(UserFactory(), theme)
        never_joined = creation.create_theme_room(title=f"Autre thème {n}")
        say(UserFactory(), never_joined)  # not counted as unread
        direct = creation.direct_room(me, UserFactory())
        say(direct.user_a if direct.user_a_id != me.pk else direct.user_b, direct)
    say(me, creation.organisation_room(org))
    return me


@pytest.mark.parametrize("size", [1, 6])
def test_room_list_query_count_independent_of_rooms(client, size, django_assert_num_queries):
    me = _busy_reader(size)
    client.force_login(me)

    with django_assert_num_queries(ROOM_LIST_QUERIES):
        response = client.get("/salons/")

    html = response.content.decode()
    assert html.count("1 non lu<") == 3 * size
    assert f"{3 * size} messages non lus" in html


def test_room_list_counts_unread_only_where_the_person_takes_part(client, theme_room, alice):
    newcomer = UserFactory(display_name="Nina Nouvelle")
    for n in range(8):
        say(alice, theme_room, f"Message {n + 1}")
    client.force_login(newcomer)

    first_visit = client.get("/salons/")
    client.get(f"/salons/{theme_room.slug}/")  # she opens the room: she takes part now
    say(alice, theme_room, "Bienvenue Nina !")
    second_visit = client.get("/salons/")

    assert [
        (r.title, r.unread) for _n, group in first_visit.context["sections"] for r in group
    ] == [("Numérique et bénévolat", 0)]
    assert first_visit.context["total_unread"] == 0
    assert [
        (r.title, r.unread) for _n, group in second_visit.context["sections"] for r in group
    ] == [("Numérique et bénévolat", 1)]


def test_room_list_groups_rooms_and_keeps_followed_current_events(
    client,
    alice,
    bruno,
    organisation,
    calendar_page,  # noqa: F811 (a fixture)
):
    MembershipFactory(user=alice, organisation=organisation)
    creation.organisation_room(organisation)
    creation.create_theme_room(title="Tiers-lieux")
    creation.direct_room(alice, bruno)
    ago = timezone.now() - dt.timedelta(days=10)
    past = publish_event(calendar_page, organisers=[organisation], title="Atelier passé", start=ago)
    cancelled = publish_event(
        calendar_page, organisers=[organisation], title="Atelier annulé", cancelled=True
    )
    coming = publish_event(calendar_page, organisers=[organisation], title="Intervision RGPD")
    other = publish_event(calendar_page, organisers=[organisation], title="Webinaire Odoo")
    for event in (past, cancelled, coming, other):
        creation.ensure_page_room(event, organisation=organisation)
    for event in (past, cancelled, coming):
        Registration.objects.create(event=event, user=alice, status="confirmed")
    client.force_login(alice)

    listed = client.get("/salons/")
    say(alice, Room.objects.get(page=other), "Je n'y suis pas inscrite, mais j'ai une question.")
    after_writing = client.get("/salons/")

    def sections(response):
        return [(name, [r.label for r in group]) for name, group in response.context["sections"]]

    assert sections(listed) == [
        ("direct", ["Bruno Lefèvre"]),
        ("organisations", ["Les Ateliers Récup"]),
        ("themes", ["Tiers-lieux"]),
        ("followed", ["Intervision RGPD"]),
    ]
    assert sections(after_writing)[3] == ("followed", ["Intervision RGPD", "Webinaire Odoo"])


def test_room_list_shows_only_readable_rooms(client, organisation, org_admin, alice, bruno):
    creation.create_theme_room(title="Ouvert")
    creation.organisation_room(organisation)
    creation.direct_room(org_admin, bruno)
    client.force_login(alice)

    response = client.get("/salons/")

    labels = [r.label for _name, group in response.context["sections"] for r in group]
    assert labels == ["Ouvert"]


def test_me_lists_rooms_with_unread_messages(client, theme_room, alice, bruno):
    quiet = creation.create_theme_room(title="Calme")
    say(bruno, theme_room, "Je suis là aussi.")
    say(alice, theme_room)
    say(alice, theme_room)
    say(bruno, quiet)
    reading.mark_read(user=bruno, room=quiet, seq=1)
    client.force_login(bruno)

    response = client.get("/moi/")

    section = next(s for s in response.context["sections"] if "rooms" in s)
    assert [(room.title, room.unread) for room, _label in section["rooms"]] == [
        ("Numérique et bénévolat", 2)
    ]


def test_reading_the_room_page_clears_unread(client, theme_room, alice, bruno):
    say(alice, theme_room)
    client.force_login(bruno)

    client.get(theme_room.get_absolute_url())

    assert listing.rooms_for(bruno).get().unread == 0


# --- moderation queue, direct conversations -------------------------------------------------


def test_report_queue_for_moderators_only(client, theme_room, alice, bruno, moderator):
    say(alice, theme_room, body="spam spam")
    report = moderation.report_message(user=bruno, room=theme_room, seq=1, reason="pub")

    client.force_login(bruno)
    assert client.get("/salons/moderation/").status_code == 403
    assert client.post(f"/salons/moderation/{report.pk}/", {"decision": "hide"}).status_code == 302
    report.refresh_from_db()
    assert report.status == "open"

    client.force_login(moderator)
    queue = client.get("/salons/moderation/")
    client.post(f"/salons/moderation/{report.pk}/", {"decision": "hide"})

    assert [r.pk for r in queue.context["reports"]] == [report.pk]
    report.refresh_from_db()
    assert (report.status, report.outcome, report.handled_by) == ("handled", "hidden", moderator)
    assert client.get("/salons/moderation/").context["reports"] == []


def test_write_a_message_from_a_profile(client, alice, bruno):
    client.force_login(alice)
    profile = client.get(f"/personnes/{bruno.pk}/").content.decode()

    response = client.post(f"/personnes/{bruno.pk}/ecrire/")
    again = client.post(f"/personnes/{bruno.pk}/ecrire/")

    room = Room.objects.get(kind="direct")
    assert f'action="/personnes/{bruno.pk}/ecrire/"' in profile
    assert response["Location"] == f"/salons/{room.slug}/#room-form"
    assert again["Location"] == response["Location"]


def test_organisation_room_opens_for_its_people_only(client, federation, federation_admin):
    """The profile's "salon" link: its members, and for a federation the people of its
    member organisations, get in (the room is made the first time); others get 403."""

    affiliated = MembershipFactory()
    AffiliationFactory(organisation=affiliated.organisation, federation=federation)
    url = f"/organisations/{federation.slug}/salon/"

    client.force_login(federation_admin)
    first = client.get(url)
    room = Room.objects.get(kind=Room.Kind.ORGANISATION, organisation=federation)
    assert (first.status_code, first["Location"]) == (302, f"/salons/{room.slug}/")

    client.force_login(affiliated.user)
    assert client.get(url)["Location"] == f"/salons/{room.slug}/"
    assert Room.objects.filter(kind=Room.Kind.ORGANISATION).count() == 1

    client.force_login(UserFactory())
    assert client.get(url).status_code == 403


def test_room_members_suggests_members_by_any_word_of_their_name(
    client, theme_room, alice, bruno, django_assert_max_num_queries
):
    camille = UserFactory(display_name="Camille Dubois")
    for person in (alice, bruno, camille, UserFactory(display_name="Dominique Camus")):
        say(person, theme_room)
    UserFactory(display_name="Carla Absente")  # never came to the room
    client.force_login(alice)

    with django_assert_max_num_queries(8):
        by_first = client.get(f"/salons/{theme_room.slug}/membres/", {"q": "ca"}).json()
    by_last = client.get(f"/salons/{theme_room.slug}/membres/", {"q": "lefe"}).json()

    assert by_first == {
        "people": [
            {"id": camille.pk, "name": "Camille Dubois"},
            {
                "id": UserFactory._meta.model.objects.get(display_name="Dominique Camus").pk,
                "name": "Dominique Camus",
            },
        ]
    }
    assert by_last == {"people": [{"id": bruno.pk, "name": "Bruno Lefèvre"}]}


def test_room_members_of_a_private_room_forbidden_to_outsiders(client, organisation, alice):
    room = creation.organisation_room(organisation)
    client.force_login(alice)

    response = client.get(f"/salons/{room.slug}/membres/", {"q": "a"})

    assert (response.status_code, response.json()) == (
        403,
        {"error": str(Refusal.ROOM_ORGANISATION)},
    )


def test_room_moderation_page_query_count_independent_of_sanctions(client, theme_room, moderator):
    def queries_with(total: int) -> int:
        while RoomSanction.objects.filter(room=theme_room).count() < total:
            moderation.sanction(
                moderator=moderator, room=theme_room, target=UserFactory(), kind="mute", reason="x"
            )
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/salons/{theme_room.slug}/moderation/")
        assert len(response.context["sanctions"]) == total
        return len(queries)

    client.force_login(moderator)
    client.get(f"/salons/{theme_room.slug}/moderation/")  # site settings created once

    assert queries_with(1) == queries_with(6)
