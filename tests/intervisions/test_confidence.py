"""The charter's promise, kept by the code: under the Chatham House rule no author's name
reaches a participant (WebSocket frames, pages, history, notifications, emails), and the
room's retention erases a session's messages at its time while the harvest stays."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from channels.db import database_sync_to_async
from django.core import mail

from community.models import Notification
from community.services import digests
from intervisions import services
from intervisions.models import HarvestItem
from rooms.models import Mention, RoomMessage
from rooms.services import confidence, posting
from tests.rooms.websocket import TIMEOUT, _fresh_channel_layer, _send, connected  # noqa: F401

NAMES = ("Anna", "Lambert", "Bruno", "Martin", "Ressourcerie", "Épicerie", "Saules")


async def next_of(communicator, kind):
    """The next frame of this type; a session's broadcast and the sender's acknowledgement
    may come in either order, and presence frames come and go."""
    while True:
        frame = await communicator.receive_json_from(timeout=TIMEOUT)
        if frame["type"] == kind:
            return frame
        assert frame["type"] in {"presence", "session", "session.ack", "message"}, frame


def no_name_in(text: str) -> None:
    for name in NAMES:
        assert name not in text, name


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_frames_name_no_author_and_the_session_is_live(group):
    session = await database_sync_to_async(services.start_session)(
        user=group.fred, intervision=group.intervision
    )
    async with (
        connected(group.room.slug, group.anna) as anna,
        connected(group.room.slug, group.bruno) as bruno,
    ):
        assert anna.hello["room"]["chatham_house"] is True
        assert anna.hello["session"]["version"] == session.version
        assert anna.hello["session_me"] == {"facilitates": False, "supported": []}

        await anna.send_json_to({"type": "typing"})
        typing = await bruno.receive_from()
        while '"typing"' not in typing:
            typing = await bruno.receive_from()
        assert typing == '{"type": "typing", "user": {"id": null, "name": ""}}'

        await anna.send_json_to(_send("Chez nous, @Bruno, tout est sur papier."))
        seen_by_bruno = await next_of(bruno, "message")
        seen_by_anna = await next_of(anna, "message")
        for frame in (seen_by_bruno, seen_by_anna):
            assert frame["message"]["author"] == {
                "id": None,
                "name": "",
                "organisation": "",
                "anonymous": True,
            }
        no_name_in(str(seen_by_bruno).replace("@Bruno", ""))
        # A resend tells the author alone that it is theirs.
        cid = seen_by_anna["message"]["client_id"]
        await anna.send_json_to(_send("Chez nous, @Bruno, tout est sur papier.", cid))
        again = await next_of(anna, "message")
        assert again["message"]["mine"] is True

        # The harvest, live for both over the same socket; a resend is one item.
        proposal = {
            "type": "session.propose",
            "part": "difficulties",
            "text": "Tout est sur papier",
            "client_id": str(uuid.uuid4()),
            "from_message": 1,
        }
        await bruno.send_json_to(proposal)
        ack = await next_of(bruno, "session.ack")
        assert ack["client_id"] == proposal["client_id"]
        state = (await next_of(anna, "session"))["session"]
        assert state["version"] == session.version + 1
        assert [(i["part"], i["text"], i["supports"], i["kept"]) for i in state["items"]] == [
            ("difficulties", "Tout est sur papier", 0, False)
        ]
        await bruno.send_json_to(proposal)
        await next_of(bruno, "session.ack")
        await anna.send_json_to({"type": "session.support", "item": state["items"][0]["id"]})
        ack = await next_of(anna, "session.ack")
        assert ack["me"] == {"facilitates": False, "supported": [state["items"][0]["id"]]}
        state = (await next_of(bruno, "session"))["session"]
        assert state["items"][0]["supports"] == 1
        # A malformed "on" is refused, not read as "on".
        await anna.send_json_to(
            {
                "type": "session.support",
                "item": state["items"][0]["id"],
                "on": "false",
                "client_id": "s2",
            }
        )
        malformed = await next_of(anna, "error")
        assert (malformed["code"], malformed["client_id"]) == ("invalid", "s2")
        # Keeping is the facilitator's.
        await anna.send_json_to(
            {"type": "session.keep", "item": state["items"][0]["id"], "client_id": "k1"}
        )
        refused = await next_of(anna, "error")
        assert (refused["code"], refused["client_id"]) == ("forbidden", "k1")
        no_name_in(str(state))
    item = await database_sync_to_async(HarvestItem.objects.get)()
    assert (item.from_message, item.proposed_by_id) == (1, group.bruno.pk)


@pytest.mark.django_db
def test_pages_notifications_and_emails_name_no_author(group, client, settings):
    settings.NOTIFICATION_EMAIL_DELAY = 0
    posting.post_message(
        user=group.anna,
        room=group.room,
        body="Une question pour @[Bruno Martin] : et les dons ?",
        client_id=uuid.uuid4(),
    )
    posting.post_message(
        user=group.bruno, room=group.room, body="Réponse", client_id=uuid.uuid4(), reply_to=1
    )
    # Bruno's page and the JSON history: "Participant·e", nobody's name or organisation.
    client.force_login(group.bruno)
    page = client.get(group.room.get_absolute_url()).content.decode()
    messages = page[page.index('id="room-messages"') : page.index('id="room-live"')]
    assert messages.count("Participant·e") == 2
    # The mention is the text itself ("@Bruno Martin"), not an author.
    no_name_in(messages.replace("@Bruno Martin", ""))
    assert "Règle de Chatham House" in page
    history = client.get(f"{group.room.get_absolute_url()}historique/").json()
    assert [m["author"]["name"] for m in history["messages"]] == ["", ""]
    assert [m["mine"] for m in history["messages"]] == [False, True]
    # The notifications say "someone", and so do the emails sent from them.
    told = {n.user.display_name: n.message for n in Notification.objects.select_related("user")}
    assert told == {
        "Bruno Martin": "Quelqu'un vous a mentionné·e dans « Intervision inventaire ».",
        "Anna Lambert": "Quelqu'un a répondu à votre message dans « Intervision inventaire ».",
    }
    for person in (group.anna, group.bruno):
        digests.send_at_once(user_id=person.pk)
    # Mentions are emailed at once (replies weekly): Bruno's email, greeting him by name,
    # quotes the mention and names no author.
    assert [email.to for email in mail.outbox] == [[group.bruno.email]]
    email = mail.outbox[0]
    body = email.body + "".join(str(part[0]) for part in email.alternatives)
    assert "Quelqu'un vous a mentionné·e" in body
    no_name_in(body.replace("Bruno Martin", ""))
    # Moderators (the organisers' admins own the event's room) still see who wrote.
    client.force_login(group.fred)
    page = client.get(group.room.get_absolute_url()).content.decode()
    assert "Anna Lambert" in page


@pytest.mark.django_db
def test_retention_erases_the_messages_at_its_time_and_keeps_the_harvest(group):
    session = services.start_session(user=group.fred, intervision=group.intervision)
    posting.post_message(
        user=group.anna, room=group.room, body="Salut @[Bruno Martin]", client_id=uuid.uuid4()
    )
    services.propose(
        user=group.anna, session=session, part="tips", text="Un référent", client_id=uuid.uuid4()
    )
    session, cut = services.close_session(user=group.fred, session=session)
    # Written after the session: not part of it, kept.
    posting.post_message(user=group.bruno, room=group.room, body="Après", client_id=uuid.uuid4())
    assert Mention.objects.count() == 1

    assert confidence.erase_due(now=cut.due_at - dt.timedelta(minutes=1)) == 0
    assert RoomMessage.objects.get(seq=1).body_markdown == "Salut @[Bruno Martin]"
    assert confidence.erase_due(now=cut.due_at) == 1
    first, second = RoomMessage.objects.order_by("seq")
    assert (first.body_markdown, first.html, first.author_id, first.expired) == ("", "", None, True)
    assert (second.body_markdown, second.expired) == ("Après", False)
    assert Mention.objects.count() == 0
    assert not Notification.objects.filter(user=group.bruno, kind="mention").exists()
    assert list(HarvestItem.objects.values_list("text", flat=True)) == ["Un référent"]
    # Carried out once.
    assert confidence.erase_due(now=cut.due_at + dt.timedelta(days=1)) == 0
