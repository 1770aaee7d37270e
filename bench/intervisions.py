"""An intervision of the benchmark's data (bench/data.py): the busiest event room of an
intervision event runs a session under the Chatham House rule, its harvest holding six
items per part (three kept), each supported by a few of the sample member's peers. The
sample member facilitates it. A step of `bench.generator.Generator`, run last before the
search index, so that it changes no draw of the steps before."""

from __future__ import annotations

import uuid

from django.utils import timezone

from events.models import EventPage
from intervisions.models import (
    HarvestItem,
    HarvestSupport,
    Intervision,
    Part,
    ProtocolStep,
    Session,
)
from intervisions.protocols import PROTOCOLS
from rooms.models import Room

from .bulk import BATCH

ITEMS_PER_PART = 6


class Intervisions:
    """Mixed into the `Generator`: uses `rng`, `room_list`, `event_list`, `users` and the
    sample member (`big_room_chatters[0]`)."""

    def intervisions(self):
        rng = self.rng
        kinds = {e.pk: e.kind for e in self.event_list}
        events = [r for r in self.room_list if r.kind == Room.Kind.PAGE and r.page_id in kinds]
        rooms = [r for r in events if kinds[r.page_id] == EventPage.Kind.INTERVISION] or events
        room = max(rooms, key=lambda r: (r.last_seq, -r.pk))
        member = self.big_room_chatters[0]
        Room.objects.filter(pk=room.pk).update(chatham_house=True, retention_days=30)
        intervision = Intervision.objects.create(
            event_id=room.page_id, facilitator_id=member, protocol="case"
        )
        ProtocolStep.objects.bulk_create(
            [
                ProtocolStep(
                    intervision=intervision,
                    position=n,
                    title=str(step.title),
                    guidance=str(step.guidance),
                    minutes=step.minutes,
                )
                for n, step in enumerate(PROTOCOLS["case"].steps, start=1)
            ]
        )
        session = Session.objects.create(
            intervision=intervision, step_started_at=timezone.now(), current_step=3, version=80
        )
        people = [u.pk for u in self.users[:200]]
        items = []
        for part in Part.values:
            for n in range(ITEMS_PER_PART):
                items.append(
                    HarvestItem(
                        session=session,
                        part=part,
                        text=f"{Part(part).label} : piste n° {n + 1} du groupe, à essayer"[:40]
                        if part == Part.KEYWORDS
                        else f"{Part(part).label} : piste n° {n + 1} du groupe, à essayer",
                        proposed_by_id=rng.choice(people),
                        client_id=uuid.UUID(int=rng.getrandbits(128)),
                        kept=n < 3,
                    )
                )
        items = HarvestItem.objects.bulk_create(items, batch_size=BATCH)
        HarvestSupport.objects.bulk_create(
            [
                HarvestSupport(item=item, user_id=pk)
                for item in items
                for pk in rng.sample(people, rng.randint(0, 5))
            ],
            batch_size=BATCH,
            ignore_conflicts=True,
        )
        self.intervision_room = room
