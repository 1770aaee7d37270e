"""Fixtures for the support tests: the page tree (home → /soutiens/) and a way to publish
programmes as an editor would."""

from __future__ import annotations

import datetime as dt

import pytest

from programmes.models import ProgrammeIndexPage, ProgrammePage
from tests.practices.conftest import home_page  # noqa: F401 (the same page tree)


def days(n: int) -> dt.date:
    return ProgrammePage.today() + dt.timedelta(days=n)


def publish_programme(index, *, title, regions=(), themes=(), **fields) -> ProgrammePage:
    """Create and publish a programme under `index` (page_published runs, as for real)."""
    fields.setdefault("summary", f"{title} en bref")
    fields.setdefault("kind", ProgrammePage.Kind.FUNDING)
    fields.setdefault("provider", "Agence fictive")
    fields.setdefault("description", "<p>Ce que le soutien finance.</p>")
    fields.setdefault("how_to_apply", "<p>Un dossier en ligne.</p>")
    fields.setdefault("official_url", "https://aides.example/")
    if not fields.get("open_all_year"):
        fields.setdefault("deadline", days(60))
    page = ProgrammePage(title=title, **fields)
    page.regions = list(regions)
    page.themes = list(themes)
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def programme_index(home_page):  # noqa: F811
    return home_page.add_child(instance=ProgrammeIndexPage(title="Soutiens", slug="soutiens"))
