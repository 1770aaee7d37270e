"""Background work of the rooms. Tasks take plain values, never model objects."""

from django_tasks import task

from rooms.services.digests import send_mention_digest as send


@task()
def send_mention_digest(*, user_id: int) -> int:
    """One email with every @mention still waiting for this person (see
    `rooms.services.digests.send_mention_digest`)."""
    return send(user_id=user_id)
