"""Room pages without JavaScript, the JSON history, the report queue, /moi/ and /salons/:
same access rules as the WebSocket, a fixed number of queries."""

from __future__ import annotations

import re
import uuid

import pytest

from rooms.models import Mention, MessageReport, ModerationLog, RoomMessage, RoomSanction
from rooms.services import creation, moderation, payloads
from tests.events.conftest import calendar_page, publish_event  # noqa: F401 (fixture)
from tests.factories import UserFactory
from tests.practices.conftest import home_page  # noqa: F401 (fixture)

from .conftest import say

pytestmark = pytest.mark.usefixtures("site_settings")


def _seqs(html: str) -> list[int]:
    """The numbers of the messages the page lists (not those of the <template> elements
    the room client copies, `_message_prototypes.html`)."""
    listed = html.split('<template id="room-message-', 1)[0]
    return [int(n) for n in re.findall(r'<li class="msg[^"]*" id="msg-(\d+)"', listed)]


# --- access ------------------------------------------------------------------------------


def test_room_page_signed_out_goes_to_login(client, theme_room):
    response = client.get(f"/salons/{theme_room.slug}/")

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/salons/{theme_room.slug}/"


def test_room_page_of_organisation_forbidden_to_outsider(client, organisation, org_admin, alice):
    room = creation.organisation_room(organisation)
    client.force_login(alice)

    assert client.get(room.get_absolute_url()).status_code == 403
    assert client.get(f"{room.get_absolute_url()}historique/").status_code == 403


def test_direct_room_forbidden_to_a_third_person(client, alice, bruno):
    room = creation.direct_room(alice, bruno)
    client.force_login(UserFactory())

    assert client.get(room.get_absolute_url()).status_code == 403


def test_unknown_room_is_404(client, alice):
    client.force_login(alice)

    assert client.get("/salons/nulle-part/").status_code == 404
    assert client.get("/salons/nulle-part/historique/").json() == {
        "error": "Ce salon n'existe pas."
    }


def test_history_signed_out_is_401_json(client, theme_room):
    response = client.get(f"/salons/{theme_room.slug}/historique/")

    assert response.status_code == 401
    assert response.json() == {"error": "Connectez-vous pour lire ce salon."}


# --- the room page -------------------------------------------------------------------------


def test_room_page_contract_for_the_client(client, theme_room, alice):
    say(alice, theme_room, body="Premier **message**")
    client.force_login(alice)

    html = client.get(f"/salons/{theme_room.slug}/").content.decode()

    slug = theme_room.slug
    assert (
        f'<section class="room" id="room" aria-labelledby="room-title" data-room="{slug}" '
        f'data-ws-path="/ws/salons/{theme_room.slug}/" '
        f'data-history-url="/salons/{theme_room.slug}/historique/" '
        f'data-members-url="/salons/{theme_room.slug}/membres/" data-last-seq="1" '
        f'data-me="{alice.pk}" data-can-write="1" data-can-moderate="0" data-content-lang="">'
    ) in html
    assert '<p id="room-status" class="room-status" role="status"></p>' in html
    assert '<ol id="room-messages" class="room-messages">' in html
    assert '<div id="room-live" class="visually-hidden" aria-live="polite"></div>' in html
    assert f'<li class="msg msg--mine" id="msg-1" data-seq="1" data-author="{alice.pk}">' in html
    assert '<div class="msg-body"><p>Premier <strong>message</strong></p></div>' in html
    assert (
        f'<form id="room-form" class="room-form" method="post" action="/salons/{slug}/envoyer/">'
        in html
    )
    assert '<textarea name="body" id="room-body"' in html
    assert re.search(r'<input type="hidden" name="client_id" value="[0-9a-f-]{36}">', html)
    assert '<script type="module" src="/static/js/rooms/main.js"></script>' in html
    assert '<link rel="stylesheet" href="/static/css/rooms.css">' in html


def test_room_page_shows_newest_page_and_links_older(client, theme_room, alice, settings):
    settings.RELAIS = {**settings.RELAIS, "ROOM_HISTORY_PAGE_SIZE": 5}
    for _n in range(12):
        say(alice, theme_room)
    client.force_login(alice)

    newest = client.get(f"/salons/{theme_room.slug}/").content.decode()
    older = client.get(f"/salons/{theme_room.slug}/?before=8").content.decode()
    oldest = client.get(f"/salons/{theme_room.slug}/?before=3").content.decode()

    assert _seqs(newest) == [8, 9, 10, 11, 12]
    assert 'href="?before=8#room-messages"' in newest
    assert _seqs(older) == [3, 4, 5, 6, 7]
    assert _seqs(oldest) == [1, 2]
    assert '#room-messages" rel="prev"' not in oldest


def test_room_page_bad_before_is_ignored_with_a_message(client, theme_room, alice, messages_of):
    say(alice, theme_room)
    client.force_login(alice)

    response = client.get(f"/salons/{theme_room.slug}/?before=abc")

    assert response.status_code == 200
    assert _seqs(response.content.decode()) == [1]
    assert messages_of(response) == ["Adresse mal formée : voici les derniers messages."]


def test_post_without_javascript_redirects_to_the_message(client, theme_room, alice):
    client.force_login(alice)
    form = {"body": "Sans JS", "client_id": str(uuid.uuid4()), "reply_to": ""}

    first = client.post(f"/salons/{theme_room.slug}/envoyer/", form)
    double = client.post(f"/salons/{theme_room.slug}/envoyer/", form)

    assert first["Location"] == f"/salons/{theme_room.slug}/#msg-1"
    assert double["Location"] == f"/salons/{theme_room.slug}/#msg-1"
    assert list(RoomMessage.objects.values_list("body_markdown", flat=True)) == ["Sans JS"]


# Nothing listens on port 1: connecting is refused at once, as with a Redis that is down.
DEAD_REDIS = "redis://127.0.0.1:1/0"


def redis_down(settings) -> None:
    """The cache and the channel layer on a Redis that refuses every connection."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": DEAD_REDIS,
        }
    }
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [DEAD_REDIS]},
        }
    }


def test_post_without_javascript_stored_when_redis_is_down(
    client, theme_room, alice, bruno, settings, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    say(bruno, theme_room, "Quelqu'un a un retour sur Nextcloud ?")
    redis_down(settings)
    form = {
        "body": "Oui, @[Bruno Lefèvre] : on l'utilise depuis un an.",
        "client_id": str(uuid.uuid4()),
    }

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(f"/salons/{theme_room.slug}/envoyer/", form)

    assert (response.status_code, response["Location"]) == (
        302,
        f"/salons/{theme_room.slug}/#msg-2",
    )
    assert len(callbacks) >= 1  # the broadcast was attempted, and its failure swallowed
    assert list(
        RoomMessage.objects.filter(room=theme_room).values_list("seq", "author", "body_markdown")
    ) == [
        (1, bruno.pk, "Quelqu'un a un retour sur Nextcloud ?"),
        (2, alice.pk, "Oui, @[Bruno Lefèvre] : on l'utilise depuis un an."),
    ]
    assert list(Mention.objects.values_list("user", "email_wanted")) == [(bruno.pk, True)]


def test_moderation_by_form_stored_when_redis_is_down(
    client, theme_room, alice, moderator, settings, django_capture_on_commit_callbacks
):
    say(alice, theme_room, "Achetez mes produits !")
    redis_down(settings)
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        hidden = client.post(f"/salons/{theme_room.slug}/messages/1/hide/")
        banned = client.post(f"/salons/{theme_room.slug}/personnes/{alice.pk}/", {"kind": "ban"})

    assert (hidden.status_code, banned.status_code) == (302, 302)
    assert RoomMessage.objects.get(room=theme_room, seq=1).hidden_at is not None
    assert list(RoomSanction.objects.values_list("user", "kind")) == [(alice.pk, "ban")]


def test_post_too_long_keeps_the_draft_and_says_why(client, theme_room, alice, settings):
    settings.RELAIS = {**settings.RELAIS, "ROOM_MESSAGE_MAX_CHARS": 5}
    client.force_login(alice)

    response = client.post(
        f"/salons/{theme_room.slug}/envoyer/",
        {"body": "trop long", "client_id": str(uuid.uuid4())},
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Le message est trop long : 5 caractères au plus (vous en avez 9)." in html
    assert ">trop long</textarea>" in html
    assert RoomMessage.objects.count() == 0


def test_edit_delete_report_hide_by_forms(client, theme_room, alice, bruno, moderator):
    say(alice, theme_room, body="v1")
    say(alice, theme_room, body="à masquer")
    base = f"/salons/{theme_room.slug}/messages"

    client.force_login(alice)
    client.post(f"{base}/1/edit/", {"body": "v2"})
    client.force_login(bruno)
    client.post(f"{base}/2/report/", {"reason": "hors sujet"})
    hide_by_member = client.post(f"{base}/2/hide/")
    client.force_login(moderator)
    client.post(f"{base}/2/hide/")
    client.force_login(alice)
    client.post(f"{base}/1/delete/")

    assert hide_by_member["Location"] == f"/salons/{theme_room.slug}/#msg-2"
    one, two = RoomMessage.objects.order_by("seq")
    assert (one.body_markdown, one.deleted_at is not None) == ("", True)
    assert (two.hidden_by, MessageReport.objects.get().outcome) == (moderator, "hidden")
    html = client.get(f"/salons/{theme_room.slug}/").content.decode()
    assert '<p class="msg-gone">Message supprimé.</p>' in html
    assert '<p class="msg-gone">Message masqué par la modération.</p>' in html


def test_room_page_links_each_author_to_one_sanction_form(client, theme_room, alice, moderator):
    for n in range(3):
        say(alice, theme_room, f"Message {n + 1}")
    link = f"/salons/{theme_room.slug}/moderation/?personne={alice.pk}#sanction-form"

    client.force_login(moderator)
    as_moderator = client.get(theme_room.get_absolute_url()).content.decode()
    form_page = client.get(f"/salons/{theme_room.slug}/moderation/?personne={alice.pk}")
    client.force_login(UserFactory())
    as_member = client.get(theme_room.get_absolute_url()).content.decode()

    assert as_moderator.count(f'href="{link}"') == 3  # a link in each message's menu
    assert as_moderator.count('name="kind"') == 0  # no sanction form under messages
    assert 'data-can-moderate="1"' in as_moderator
    html = form_page.content.decode()
    assert html.count(f'action="/salons/{theme_room.slug}/personnes/{alice.pk}/"') == 1
    assert "Mesure envers Alice Martin" in html
    assert f"/moderation/?personne={alice.pk}" not in as_member


def test_room_moderation_page_lists_sanctions_and_lifts_them(
    client, theme_room, alice, bruno, moderator
):
    moderation.sanction(
        moderator=moderator, room=theme_room, target=alice, kind="mute", reason="Spam"
    )
    moderation.sanction(moderator=moderator, room=theme_room, target=bruno, kind="ban")
    client.force_login(moderator)
    page = f"/salons/{theme_room.slug}/moderation/"

    listed = client.get(page)
    lifted = client.post(f"/salons/{theme_room.slug}/personnes/{bruno.pk}/", {"kind": "unban"})
    after = client.get(page)

    assert [(s.user.name, s.kind) for s in listed.context["sanctions"]] == [
        ("Bruno Lefèvre", "ban"),
        ("Alice Martin", "mute"),
    ]
    assert listed.content.decode().count('value="unmute"') == 1
    assert lifted["Location"] == page
    assert [(s.user.name, s.kind) for s in after.context["sanctions"]] == [("Alice Martin", "mute")]
    assert list(
        ModerationLog.objects.order_by("pk").values_list("action", "target__display_name")
    ) == [("mute", "Alice Martin"), ("ban", "Bruno Lefèvre"), ("lift", "Bruno Lefèvre")]
    assert [e.action for e in after.context["log"]] == ["lift", "ban", "mute"]


def test_room_moderation_page_only_for_the_rooms_moderators(
    client, theme_room, alice, organisation, org_admin
):
    client.force_login(alice)
    member = client.get(f"/salons/{theme_room.slug}/moderation/")
    client.force_login(org_admin)  # admin of an organisation, not of this room
    other_admin = client.get(f"/salons/{theme_room.slug}/moderation/")

    assert (member.status_code, other_admin.status_code) == (403, 403)


@pytest.mark.parametrize("person", ["abc", "99999999999999999999999", "0"])
def test_room_moderation_page_unknown_person_says_so(client, theme_room, moderator, person):
    client.force_login(moderator)

    response = client.get(f"/salons/{theme_room.slug}/moderation/", {"personne": person})

    assert response.status_code == 200
    assert response.context["target"] is None
    assert [str(m) for m in response.context["messages"]] == [
        "Cette personne n'existe pas ou ne peut pas être sanctionnée."
    ]


def test_mute_then_ban_by_form(client, theme_room, alice, moderator):
    client.force_login(moderator)
    client.post(f"/salons/{theme_room.slug}/personnes/{alice.pk}/", {"kind": "mute"})
    client.force_login(alice)
    muted = client.get(theme_room.get_absolute_url()).content.decode()
    client.force_login(moderator)
    client.post(f"/salons/{theme_room.slug}/personnes/{alice.pk}/", {"kind": "ban"})
    client.force_login(alice)

    assert 'id="room-form"' not in muted
    assert 'data-can-write="0"' in muted
    assert client.get(theme_room.get_absolute_url()).status_code == 403
    assert sorted(RoomSanction.objects.values_list("kind", flat=True)) == ["ban", "mute"]
    assert list(ModerationLog.objects.order_by("pk").values_list("action", flat=True)) == [
        "mute",
        "ban",
    ]


# --- history endpoint ------------------------------------------------------------------------


def test_history_json_uses_the_protocol_dict(client, theme_room, alice):
    for n in range(1, 6):
        say(alice, theme_room, body=f"n{n}")
    client.force_login(alice)
    url = f"/salons/{theme_room.slug}/historique/"

    before = client.get(url, {"before": 4, "limit": 2}).json()
    after = client.get(url, {"after": 3}).json()

    assert [m["seq"] for m in before["messages"]] == [2, 3]
    assert before["has_more"] is True
    assert [m["seq"] for m in after["messages"]] == [4, 5]
    assert after["has_more"] is False
    stored = payloads.with_organisations([RoomMessage.objects.get(seq=4)])[0]
    assert after["messages"][0] == payloads.message_dict(stored, viewer_id=alice.pk)
    assert after["messages"][0]["mine"] is True
    assert after["last_seq"] == 5


@pytest.mark.parametrize(
    "params",
    [{"before": "x"}, {"after": "-1"}, {"limit": "1e9"}, {"before": "2", "after": "1"}],
)
def test_history_bad_parameters_are_400(client, theme_room, alice, params):
    client.force_login(alice)

    response = client.get(f"/salons/{theme_room.slug}/historique/", params)

    assert response.status_code == 400
    assert set(response.json()) == {"error"}
