"""The rooms of the benchmark's data (bench/data.py): the rooms with messages (the big
room first) and their read markers, then an empty room for every other sheet and event.
Steps of `bench.generator.Generator`."""

from __future__ import annotations

import datetime as dt

from community.models import Organisation
from rooms.models import ReadMarker, Room, RoomMessage
from rooms.services.rendering import render_markdown

from . import vocabulary as words
from .bulk import BATCH, Slugs, dates_as_given

# RoomMessage's columns, in the order its instances are built positionally.
MESSAGE_FIELDS = [
    "id",
    "room_id",
    "seq",
    "author_id",
    "client_id",
    "body_markdown",
    "html",
    "reply_to_seq",
    "created_at",
    "edited_at",
    "deleted_at",
    "hidden_at",
    "hidden_by_id",
    "expired",
]


class Rooms:
    """Mixed into the `Generator`, whose `rng`, `scale`, `now`, `ago`, `uuid`, the network
    (bench/people.py) and the pages (bench/pages.py) these steps use. They leave
    `room_list`, `big_room`, `big_room_chatters` and `message_count`."""

    def _room_plan(self) -> list[Room]:
        """The rooms, big room first: theme rooms, a handful of sheet and event rooms,
        organisations' rooms (federations first) and direct conversations."""
        rng, total = self.rng, self.scale.rooms
        page_rooms = max(1, total // 20)
        org_rooms = total // 5
        direct = total // 10
        themes = total - 2 * page_rooms - org_rooms - direct
        slugs = self.room_slugs = Slugs(reserved={"moderation"}, length=90)
        rooms = []
        towns = [town for region in words.TOWNS.values() for town in region]
        for n in range(themes):
            title, description = words.THEME_ROOM_TOPICS[n % len(words.THEME_ROOM_TOPICS)]
            if n >= len(words.THEME_ROOM_TOPICS):
                title = f"{title} · {towns[(n // len(words.THEME_ROOM_TOPICS) - 1) % len(towns)]}"
            rooms.append(
                Room(kind=Room.Kind.THEME, title=title, description=description, slug=slugs(title))
            )
        for page in rng.sample(self.sheet_list, min(page_rooms, len(self.sheet_list))):
            rooms.append(
                Room(
                    kind=Room.Kind.PAGE,
                    page_id=page.pk,
                    title=page.title[:160],
                    slug=slugs(page.slug),
                    organisation_id=page.organisation_id,
                )
            )
        for page in rng.sample(self.event_list, min(page_rooms, len(self.event_list))):
            rooms.append(
                Room(
                    kind=Room.Kind.PAGE,
                    page_id=page.pk,
                    title=page.title[:160],
                    slug=slugs(page.slug),
                    organisation_id=self.event_owner[page.pk],
                )
            )
        by_size = sorted(
            self.orgs,
            key=lambda o: (o.kind != Organisation.Kind.FEDERATION, -len(self.members[o.pk])),
        )
        for org in by_size[:org_rooms]:
            rooms.append(
                Room(
                    kind=Room.Kind.ORGANISATION,
                    organisation=org,
                    title=org.name[:160],
                    slug=slugs(f"{org.slug}-equipe"),
                )
            )
        pairs = set()
        teams = [o for o in self.orgs if len(self.members[o.pk]) > 1]
        while len(pairs) < direct:
            org = rng.choice(teams)
            a, b = sorted(rng.sample(self.members[org.pk], 2))
            pairs.add((a, b))
        names = {u.pk: u.display_name for u in self.users}
        for a, b in sorted(pairs):
            rooms.append(
                Room(
                    kind=Room.Kind.DIRECT,
                    user_a_id=a,
                    user_b_id=b,
                    title=f"{names[a]} · {names[b]}"[:160],
                    slug=slugs(f"conversation-{a}-{b}"),
                )
            )
        return rooms

    def _message_counts(self, rooms: list[Room]) -> list[int]:
        """The big room gets `big_room_messages`; the others share the rest, skewed (a few
        busy rooms, many quiet ones; conversations quieter still), at least one each."""
        rest = self.scale.messages - self.scale.big_room_messages
        others = rooms[1:]
        order = list(range(len(others)))
        self.rng.shuffle(order)
        weights = [0.0] * len(others)
        for rank, index in enumerate(order, start=1):
            quiet = 0.2 if others[index].kind == Room.Kind.DIRECT else 1.0
            weights[index] = quiet / rank**0.8
        counts = [1] * len(others)
        spare = rest - len(others)
        total = sum(weights)
        shares = [int(spare * w / total) for w in weights]
        counts = [c + s for c, s in zip(counts, shares, strict=True)]
        counts[order[0]] += rest - sum(counts)  # rounding
        return [self.scale.big_room_messages, *counts]

    def _chatters(self, room: Room, count: int) -> list[int]:
        rng = self.rng
        if room.kind == Room.Kind.DIRECT:
            return [room.user_a_id, room.user_b_id]
        if room.kind == Room.Kind.ORGANISATION:
            people = list(self.members[room.organisation_id])
            for org_pk in self.affiliated.get(room.organisation_id, []):
                people += self.members[org_pk]
            people = sorted(set(people))
        else:
            people = self.user_pks
        wanted = max(2, min(300, count // 20))
        return rng.sample(people, min(wanted, len(people)))

    def rooms(self):
        rng = self.rng
        fields = [field.attname for field in RoomMessage._meta.concrete_fields]
        if fields != MESSAGE_FIELDS:
            raise RuntimeError(f"RoomMessage's fields changed: update MESSAGE_FIELDS ({fields})")
        rooms = self._room_plan()
        counts = self._message_counts(rooms)
        spans = []
        for n, (room, count) in enumerate(zip(rooms, counts, strict=True)):
            room.last_seq = count
            days = 730 if n == 0 else rng.uniform(30, 700)
            last = self.ago(rng.uniform(0, 3) if n else 0.01)
            first = last - dt.timedelta(days=days)
            room.created_at = first - dt.timedelta(hours=1)
            spans.append((first, last))
        with dates_as_given(Room):
            self.room_list = Room.objects.bulk_create(rooms, batch_size=BATCH)
        self.big_room = self.room_list[0]
        rendered: dict[str, str] = {}
        buffer: list[RoomMessage] = []
        markers = []
        self.message_count = 0
        for room, count, (first, last) in zip(self.room_list, counts, spans, strict=True):
            chatters = self._chatters(room, count)
            if room.pk == self.big_room.pk:
                self.big_room_chatters = chatters
            step_seconds = (last - first).total_seconds() / count
            for seq in range(1, count + 1):
                created = first + dt.timedelta(
                    seconds=step_seconds * (seq - 1 + rng.random() * 0.9)
                )
                body = self._message_body()
                if body not in rendered:
                    rendered[body] = render_markdown(body)
                deleted = rng.random() < 0.005
                reply = (
                    seq - rng.randint(1, min(10, seq - 1))
                    if seq > 1 and rng.random() < 0.08
                    else None
                )
                edited = (
                    created + dt.timedelta(minutes=rng.randint(1, 30))
                    if not deleted and rng.random() < 0.02
                    else None
                )
                # Positional, in MESSAGE_FIELDS order: Django's fast path (as from_db).
                buffer.append(
                    RoomMessage(
                        None,
                        room.pk,
                        seq,
                        chatters[int(len(chatters) * rng.random() ** 2)],
                        self.uuid(),
                        "" if deleted else body,
                        "" if deleted else rendered[body],
                        reply,
                        created,
                        edited,
                        created + dt.timedelta(minutes=5) if deleted else None,
                        None,
                        None,
                        False,
                    )
                )
                if len(buffer) >= BATCH:
                    self._flush(buffer)
            for user in chatters:
                markers.append(
                    ReadMarker(
                        room_id=room.pk,
                        user_id=user,
                        last_read_seq=count if rng.random() < 0.5 else rng.randint(0, count),
                        updated_at=last,
                    )
                )
        self._flush(buffer)
        with dates_as_given(ReadMarker):
            ReadMarker.objects.bulk_create(markers, batch_size=BATCH)
        self.quiet_page_rooms()

    def quiet_page_rooms(self):
        """An empty room for every other sheet and event, as their publication opens one
        (`ensure_page_room`, owned by the sheet's organisation or the event's first
        organiser). Without it, the first view of a page would create its room
        (`rooms_tags.discussion_for`): a write in the middle of a read benchmark."""
        taken = {room.page_id for room in self.room_list if room.page_id}
        owners = {sheet.pk: sheet.organisation_id for sheet in self.sheet_list}
        owners |= self.event_owner
        rooms = [
            Room(
                kind=Room.Kind.PAGE,
                page_id=page.pk,
                title=page.title[:160],
                slug=self.room_slugs(page.slug),
                organisation_id=owners[page.pk],
                created_at=page.first_published_at,
            )
            for page in [*self.sheet_list, *self.event_list]
            if page.pk not in taken
        ]
        with dates_as_given(Room):
            Room.objects.bulk_create(rooms, batch_size=BATCH)

    def _flush(self, buffer: list[RoomMessage]) -> None:
        if buffer:
            with dates_as_given(RoomMessage):
                RoomMessage.objects.bulk_create(buffer, batch_size=BATCH)
            self.message_count += len(buffer)
            buffer.clear()

    def _message_body(self) -> str:
        rng = self.rng
        sentence = rng.choice(words.MESSAGE_SENTENCES)
        if rng.random() < 0.6:
            opening = rng.choice(words.MESSAGE_OPENINGS)
            body = f"{opening} {sentence}"
        else:
            body = sentence[0].upper() + sentence[1:]
        return body + rng.choice(words.MESSAGE_EXTRAS)
