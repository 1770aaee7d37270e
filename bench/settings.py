"""The production settings, plus one address for row A1 of the bench: a minimal Django view
behind the whole middleware stack (`bench/urls.py`), and no per-person limit on room
messages (row W3 measures what a process sustains, not the limit). Nothing else differs
from production."""

from website.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

RELAIS = {**RELAIS, "ROOM_MESSAGES_PER_MINUTE": 1_000_000}  # noqa: F405
