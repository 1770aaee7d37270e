"""An editor publishes a story in the Wagtail admin, in a real browser (issue 12): an image
without alternative text stops its publication; once described, the story is scheduled,
goes live at its time (Wagtail's `publish_scheduled`, run when the clock has moved past
it), and appears on /recits/, in the Atom feed and in the sitemap."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import Page, expect
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from stories.models import StoryIndexPage, StoryPage
from tests.factories import UserFactory

pytestmark = pytest.mark.e2e

ATOM = "{http://www.w3.org/2005/Atom}"
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
ALT_MISSING = "Veuillez ajouter un texte alternatif ou marquer l'image comme décorative"


@pytest.fixture
def newsroom(home_page):
    index = home_page.add_child(instance=StoryIndexPage(title="Récits", slug="recits"))
    Image.objects.create(title="Atelier du vendredi", file=get_test_image_file("atelier.png"))
    editor = UserFactory(staff=True, display_name="Élise Éditrice", email="elise@relais.example")
    return index, editor


def test_an_editor_fixes_a_missing_alt_text_schedules_the_story_and_it_goes_live(
    page: Page, newsroom, sign_in_as
):
    index, editor = newsroom
    sign_in_as(page.context, editor)
    page.goto(f"/admin/pages/add/stories/storypage/{index.pk}/")
    page.locator("#id_title").fill("Un atelier du vendredi")
    page.locator("#id_lead").fill("Ce que l'atelier a changé pour l'équipe.")
    page.locator("button.c-sf-add-button").first.click()
    page.locator(".w-combobox").get_by_text("image", exact=True).click()
    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name="Choisir une image").click()
    page.locator(".modal").get_by_role("link", name="Atelier du vendredi").click()
    # The choice is made once the modal has gone and the block shows the image; Wagtail may
    # then fill the alt text in with the image's title: the editor empties it.
    expect(page.locator(".modal")).to_be_hidden()
    expect(body.get_by_text("Atelier du vendredi")).to_be_visible()
    alt = body.get_by_label("Texte alternatif", exact=True)
    alt.fill("")
    page.wait_for_timeout(500)  # nothing fills it in again behind the editor's back
    expect(alt).to_have_value("")

    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Publier").click()

    expect(page.locator(".messages")).to_contain_text("erreurs de validation")
    expect(body.locator(".error-message")).to_have_text([ALT_MISSING])
    assert not StoryPage.objects.filter(live=True).exists()

    # Described, then scheduled for tomorrow at 9:30 (Brussels).
    page.get_by_label("Texte alternatif", exact=True).fill(
        "Trois aides familiales devant un écran, planning en main"
    )
    when = (dt.datetime.now(BRUSSELS) + dt.timedelta(days=1)).replace(
        hour=9, minute=30, second=0, microsecond=0
    )
    page.get_by_role("button", name="Afficher/masquer le statut").click()
    page.get_by_role("button", name="Programmer").first.click()
    page.get_by_label("Date/heure de publication").fill(when.strftime("%Y-%m-%d %H:%M"))
    # By keyboard: the date picker, open beside the field, may cover the button (it did on
    # a busy machine), and a pointer's click would land on the picker.
    page.get_by_role("button", name="Enregistrer la programmation").press("Enter")
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name=re.compile("^(Publier|Programmer pour publication)$")).click()

    expect(page.get_by_text("a été planifiée pour publication")).to_be_visible()
    story = StoryPage.objects.get(slug="un-atelier-du-vendredi")
    assert not story.live
    visitor = Client()
    assert b"Un atelier du vendredi" not in visitor.get("/recits/").content

    # Its time comes.
    with time_machine.travel(when + dt.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
    story.refresh_from_db()
    assert story.live

    page.goto("/recits/")
    expect(page.get_by_role("link", name="Un atelier du vendredi")).to_be_visible()
    page.get_by_role("link", name="Un atelier du vendredi").click()
    expect(
        page.get_by_role("img", name="Trois aides familiales devant un écran, planning en main")
    ).to_be_visible()
    feed = ET.fromstring(visitor.get("/recits/feed/").content)
    assert [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")] == [
        "Un atelier du vendredi"
    ]
    assert "/recits/un-atelier-du-vendredi/</loc>" in visitor.get("/sitemap.xml").content.decode()
