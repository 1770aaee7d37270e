"""What a person accepts at sign-up (issue 16): the network's charter and the privacy
notice, each with a version that `TermsAcceptance` records.

- The privacy notice is the page /confidentialite/ (website/views.py `privacy`), written
  in the code from the settings it describes; `PRIVACY_NOTICE_VERSION` is the date of its
  text: change it whenever the text changes.
- The charter is the editors' page whose slug is `CHARTER_SLUG`; its version is the
  revision the site shows (its id and the day it was published)."""

from __future__ import annotations

from wagtail.models import Page

PRIVACY_NOTICE_VERSION = "2026-11-30"
CHARTER_SLUG = "charte"


def charter_page() -> Page | None:
    return Page.objects.live().filter(slug=CHARTER_SLUG).order_by("depth", "pk").first()


def charter_version(page: Page | None = None) -> str:
    """The charter's published revision ("r12 2026-11-30"); "" when there is no charter."""
    page = page or charter_page()
    if page is None:
        return ""
    published = page.last_published_at or page.first_published_at
    day = published.date().isoformat() if published else ""
    return f"r{page.live_revision_id or 0} {day}".strip()
