"""The notifications of the benchmark's data (bench/data.py): what happened for each
person over the last three months, mostly read, some still due for a digest. A step of
`bench.generator.Generator`, run last so that it changes no draw of the steps before.

Ten notifications a person on average (drawn), and a long history for the sample member
(`HEAVY`): the notification centre must cost the same whatever a person's history."""

from __future__ import annotations

from community.models import Notification

from .bulk import BATCH, dates_as_given

PER_PERSON = 10
HEAVY = 2000
KINDS = [
    ("mention", 30),
    ("direct", 15),
    ("reply", 15),
    ("new_sheet", 25),
    ("event", 8),
    ("request", 4),
    ("programme", 3),
]


class Notices:
    """Mixed into the `Generator`: uses `rng`, `ago`, `users`, `room_list`, `sheet_list`
    and the sample member (`big_room_chatters[0]`)."""

    def _notice(self, user_id: int) -> Notification:
        rng = self.rng
        kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
        created = self.ago(rng.uniform(0, 90))
        if kind in ("mention", "direct", "reply"):
            room = rng.choice(self.room_list)
            about, label = f"room:{room.pk}", room.title
            url = f"/salons/{room.slug}/#msg-{rng.randint(1, max(1, room.last_seq))}"
            message = f"Quelqu'un vous a mentionné·e dans « {room.title} »."
        else:
            sheet = rng.choice(self.sheet_list)
            about, label = f"page:{sheet.pk}", sheet.title
            url = f"/pratiques/{sheet.slug}/"
            message = f"Nouvelle fiche dans vos thèmes : « {sheet.title} »"
        read = created < self.ago(7) or rng.random() < 0.5
        return Notification(
            user_id=user_id,
            kind=kind,
            message=message[:300],
            url=url,
            about_key=about,
            about_label=label[:200],
            created_at=created,
            read_at=created if read else None,
            email_due=not read and rng.random() < 0.5,
        )

    def notifications(self):
        member = self.big_room_chatters[0]
        rows = [self._notice(member) for _ in range(HEAVY)]
        for user in self.users:
            rows += [
                self._notice(user.pk) for _ in range(int(self.rng.expovariate(1 / PER_PERSON)))
            ]
        with dates_as_given(Notification):
            Notification.objects.bulk_create(rows, batch_size=BATCH)
        self.notification_count = len(rows)
