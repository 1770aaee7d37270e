"""The production settings, plus one address for row A1 of the bench: a minimal Django view
behind the whole middleware stack (`bench/urls.py`). Nothing else differs from production."""

from website.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
