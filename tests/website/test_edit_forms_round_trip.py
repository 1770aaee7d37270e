"""Every edit form shows what is stored and saves back exactly what was not changed.

Each test reads the edit page as a browser does (`BrowserForm`: the inputs' values, the
checked boxes, the selected options, the textareas' text with its line breaks sent as
"\\r\\n"), submits it unchanged, and compares the stored object field by field. Date and
time inputs must hold ISO values (`YYYY-MM-DD`, `HH:MM`), or a browser shows them empty.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.models import WorkflowState

from community.models import Organisation, User
from events.models import EventPage
from practices.models import PracticeSheetPage, SheetDraft
from practices.services.submission import submit_draft
from rooms.models import Room
from rooms.services import posting
from tests.events.conftest import publish_event
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    SectorFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# The smallest PNG: one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def stored_image(path: str) -> str:
    return default_storage.save(path, ContentFile(PNG))


ISO = {
    "date": r"\d{4}-\d{2}-\d{2}",
    "time": r"\d{2}:\d{2}(:\d{2})?",
    "datetime-local": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?",
}
TEXT_INPUTS = {"", "text", "hidden", "email", "url", "number", "tel", "search", "password"}


class BrowserForm(HTMLParser):
    """The forms of a page and what a browser submits for one of them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select = None
        self._option = None
        self._textarea = None
        self.feed(html)
        self.close()

    # --- Reading ------------------------------------------------------------------------

    def _controls(self):
        return self.forms[-1]["controls"] if self.forms else None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"attrs": attrs, "controls": []})
            return
        controls = self._controls()
        if controls is None:
            return
        if tag == "input":
            controls.append(("input", attrs))
        elif tag == "button":
            controls.append(("button", attrs))
        elif tag == "select":
            self._select = {"attrs": attrs, "options": []}
            controls.append(("select", self._select))
        elif tag == "option" and self._select is not None:
            self._option = {"attrs": attrs, "text": ""}
            self._select["options"].append(self._option)
        elif tag == "textarea":
            self._textarea = {"attrs": attrs, "text": ""}
            controls.append(("textarea", self._textarea))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "option":
            self._option = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["text"] += data
        elif self._option is not None:
            self._option["text"] += data

    # --- Submitting ---------------------------------------------------------------------

    def form_with(self, field: str, action: str = "") -> dict:
        """The form that holds a control named `field` (and posts to an address that
        contains `action`)."""
        for form in self.forms:
            if action not in (form["attrs"].get("action") or ""):
                continue
            for _kind, control in form["controls"]:
                attrs = control.get("attrs", control)
                if attrs.get("name") == field:
                    return form
        raise AssertionError(f"no form holds {field!r}")

    @staticmethod
    def submission(form: dict, button: dict | None = None) -> list[tuple[str, str]]:
        """(name, value) pairs in document order, as a browser sends them when `button`
        (or no button: Enter in a field) submits the form."""
        pairs = []
        for kind, control in form["controls"]:
            attrs = control if kind in ("input", "button") else control["attrs"]
            name = attrs.get("name")
            if not name or "disabled" in attrs:
                continue
            if kind == "input":
                kind_of = (attrs.get("type") or "").lower()
                if kind_of in ISO and attrs.get("value"):
                    assert re.fullmatch(ISO[kind_of], attrs["value"]), (name, attrs["value"])
                if kind_of in ("checkbox", "radio"):
                    if "checked" in attrs:
                        pairs.append((name, attrs.get("value", "on")))
                elif kind_of in ("submit", "image", "reset", "button", "file"):
                    if kind_of == "submit" and button is attrs:
                        pairs.append((name, attrs.get("value", "")))
                else:
                    assert kind_of in TEXT_INPUTS or kind_of in ISO, kind_of
                    pairs.append((name, attrs.get("value", "")))
            elif kind == "button":
                if button is attrs and (attrs.get("type") or "submit") == "submit":
                    pairs.append((name, attrs.get("value", "")))
            elif kind == "select":
                options = [o for o in control["options"] if "disabled" not in o["attrs"]]
                chosen = [o for o in options if "selected" in o["attrs"]]
                if not chosen and "multiple" not in attrs and options:
                    chosen = options[:1]
                for option in chosen:
                    pairs.append((name, option["attrs"].get("value", option["text"].strip())))
            elif kind == "textarea":
                # The HTML parser drops the newline right after <textarea>; browsers send
                # line breaks as CR LF.
                text = re.sub(r"^\r?\n", "", control["text"])
                pairs.append((name, re.sub(r"\r?\n", "\r\n", text)))
        return pairs

    @staticmethod
    def button(form: dict, **wanted) -> dict:
        for kind, control in form["controls"]:
            if kind in ("button", "input") and all(control.get(k) == v for k, v in wanted.items()):
                return control
        raise AssertionError(f"no button {wanted}")


def resubmit(client, url, field, *, action="", button=None, follow=False, extra=()):
    """GET `url`, then POST the form holding `field` unchanged (to its action), with the
    `extra` pairs a script would add."""
    response = client.get(url)
    assert response.status_code == 200, url
    page = BrowserForm(response.content.decode())
    form = page.form_with(field, action)
    chosen = BrowserForm.button(form, **button) if button else None
    action = form["attrs"].get("action") or url
    return client.post(
        action,
        urlencode([*BrowserForm.submission(form, chosen), *extra]),
        content_type="application/x-www-form-urlencoded",
        follow=follow,
    )


def snapshot(obj, fields) -> dict:
    """The stored values of `fields`; relations as sorted primary keys, children as
    tuples of their own fields."""
    found = {}
    for name in fields:
        value = getattr(obj, name)
        if hasattr(value, "all"):
            rows = list(value.all())
            if rows and hasattr(rows[0], "sort_order"):
                value = [
                    tuple(
                        getattr(row, f.attname)
                        for f in row._meta.concrete_fields
                        if f.editable and f.name not in ("id", "page", "sort_order")
                    )
                    for row in rows
                ]
            else:
                value = sorted(row.pk for row in rows)
        elif hasattr(value, "pk"):
            value = value.pk
        elif hasattr(value, "name") and hasattr(value, "storage"):
            value = value.name  # an image
        found[name] = value
    return found


# --- The forms ------------------------------------------------------------------------


def test_profile_form_unchanged_keeps_everything(client):
    themes = [ThemeFactory(), ThemeFactory()]
    person = UserFactory(
        display_name="Camille Dubois",
        bio="Coordinatrice d'une ASBL.\nBénévole le samedi.\n\nAime les « tableurs ».",
        preferred_language="nl",
        time_zone="America/Montreal",
        avatar=stored_image("avatars/camille.png"),
    )
    person.interests.set(themes)
    fields = ["display_name", "bio", "avatar", "interests", "preferred_language", "time_zone"]
    before = snapshot(person, fields)
    client.force_login(person)

    response = resubmit(client, "/moi/profil/", "display_name")

    assert (response.status_code, response["Location"]) == (302, "/moi/")
    assert snapshot(User.objects.get(pk=person.pk), fields) == before


def test_organisation_form_unchanged_keeps_everything(client):
    organisation = OrganisationFactory(
        name="Les Ateliers du Bocage",
        kind=Organisation.Kind.FEDERATION,
        legal_form=Organisation.LegalForm.COOPERATIVE,
        region=RegionFactory(),
        city="Namur",
        staff_size=Organisation.Size.SMALL,
        volunteers=12,
        website="https://bocage.example/",
        description="Nous réparons.\nNous formons.\n\nEt nous prêtons des outils.",
        logo=stored_image("logos/bocage.png"),
        contact_email="contact@bocage.example",
        contact_phone="+32 81 00 00 00",
    )
    organisation.sectors.set([SectorFactory(), SectorFactory()])
    admin = MembershipFactory(organisation=organisation, admin=True).user
    fields = [
        "name",
        "slug",
        "kind",
        "legal_form",
        "sectors",
        "region",
        "city",
        "staff_size",
        "volunteers",
        "website",
        "description",
        "logo",
        "contact_email",
        "contact_phone",
    ]
    before = snapshot(organisation, fields)
    client.force_login(admin)

    response = resubmit(client, f"/organisations/{organisation.slug}/modifier/", "name")

    assert (response.status_code, response["Location"]) == (
        302,
        f"/organisations/{organisation.slug}/",
    )
    assert snapshot(Organisation.objects.get(pk=organisation.pk), fields) == before


EVENT_FIELDS = [
    "title",
    "kind",
    "summary",
    "organisers",
    "start",
    "end",
    "time_zone",
    "rrule",
    "venue",
    "online_url",
    "region",
    "capacity",
    "registration_deadline",
    "audience",
    "description",
    "themes",
    "cancelled",
]


def _next_weekday(weekday: int, weeks: int = 3) -> dt.date:
    day = dt.date.today() + dt.timedelta(weeks=weeks)
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


@pytest.mark.parametrize(
    "shape",
    ["single", "series_from_the_admin", "several_days"],
)
def test_event_edit_form_unchanged_keeps_everything(
    client, calendar_page, federation, federation_admin, shape
):
    zone = zoneinfo.ZoneInfo(
        "America/Montreal" if shape == "series_from_the_admin" else "Europe/Brussels"
    )
    day = _next_weekday(1)
    start = dt.datetime.combine(day, dt.time(14, 0), tzinfo=zone)
    fields = {
        "start": start,
        "end": start + dt.timedelta(hours=2),
        "time_zone": str(zone),
        "summary": "Entre pairs, sur nos projets numériques.",
        "venue": "Maison de l'économie sociale\nRue de la Loi 1\n1000 Bruxelles",
        "online_url": "https://visio.example/salle",
        "region": RegionFactory(),
        "capacity": 12,
        # Set in the admin at 18:00, two days before: not the form's "end of the day".
        "registration_deadline": start - dt.timedelta(days=2) + dt.timedelta(hours=4),
        "audience": EventPage.Audience.FEDERATION,
        "kind": EventPage.Kind.WORKSHOP,
        "description": (
            "<p>L'atelier <b>pratique</b> &amp; la suite</p>"
            '<ul><li>un</li><li>deux <a href="https://relais.example/">lien</a></li></ul>'
            "<p>Deuxième<br/>ligne</p>"
        ),
        "themes": [ThemeFactory(), ThemeFactory()],
    }
    if shape == "series_from_the_admin":
        fields["rrule"] = "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8"
    if shape == "several_days":
        fields["end"] = start + dt.timedelta(days=1, hours=3)
    event = publish_event(calendar_page, organisers=[federation], title="Atelier CRM", **fields)
    before = snapshot(event, EVENT_FIELDS)
    client.force_login(federation_admin)

    response = resubmit(client, f"/agenda/{event.slug}/modifier/", "title")

    assert (response.status_code, response["Location"]) == (302, f"/agenda/{event.slug}/")
    event = EventPage.objects.get(pk=event.pk)
    assert not event.has_unpublished_changes
    assert snapshot(event, EVENT_FIELDS) == before


def test_event_edit_form_shows_iso_dates(client, calendar_page, federation, federation_admin):
    start = dt.datetime(2031, 3, 4, 13, 0, tzinfo=dt.UTC)
    event = publish_event(
        calendar_page,
        organisers=[federation],
        start=start,
        end=start + dt.timedelta(hours=2),
        registration_deadline=start - dt.timedelta(days=1),
    )
    client.force_login(federation_admin)

    html = client.get(f"/agenda/{event.slug}/modifier/").content.decode()

    values = {
        name: value
        for name, value in re.findall(
            r'<input type="(?:date|time)" name="(\w+)" value="([^"]*)"', html
        )
    }
    assert values == {
        "date": "2031-03-04",
        "start_time": "14:00",
        "end_time": "16:00",
        "registration_deadline": "2031-03-03",
    }


SHEET_FIELDS = [
    "title",
    "summary",
    "organisation",
    "sectors",
    "region",
    "organisation_size",
    "duration",
    "budget",
    "funding",
    "themes",
    "dim_infrastructure",
    "dim_organisation",
    "dim_processes",
    "dim_strategy",
    "why",
    "results",
    "social_impact",
    "difficulties",
    "tips",
    "phases",
    "sheet_tools",
    "keywords",
]


def test_sheet_edit_through_wizard_unchanged_keeps_everything(
    client, practice_index, member_with_org, member_org, sheet_data, editor
):
    sectors, themes = [SectorFactory(), SectorFactory()], [ThemeFactory()]
    draft = SheetDraft.objects.create(
        author=member_with_org,
        organisation=member_org,
        data=sheet_data(
            summary="Trois tableurs.\nUn CRM libre.",
            sectors=[s.pk for s in sectors],
            themes=[t.pk for t in themes],
            region=RegionFactory().pk,
            dimensions=["processes", "strategy"],
            difficulties=[
                {"title": f"Difficulté {n}", "text": f"Ligne un\nligne deux {n}"} for n in (1, 2, 3)
            ],
        ),
    )
    sheet = submit_draft(draft=draft, user=member_with_org)
    revision = sheet.get_latest_revision_as_object()
    # An editor formatted the text in the admin before publishing.
    revision.why = (
        "<p>Les dossiers étaient <b>éparpillés</b> :</p><ul><li>papier</li><li>tableurs</li></ul>"
    )
    revision.results = '<p>Voir <a href="https://relais.example/">le bilan</a>.</p>'
    revision.save_revision(user=editor).publish()
    sheet = PracticeSheetPage.objects.get(pk=sheet.pk)
    before = snapshot(sheet, SHEET_FIELDS)
    client.force_login(member_with_org)

    response = client.post(f"/pratiques/proposer/modifier/{sheet.pk}/")
    url = response["Location"]
    for _step in range(20):
        if url.rstrip("/").endswith("/preview"):
            break
        response = resubmit(client, url, "action", button={"value": "next"})
        assert response.status_code == 302, response.content.decode()[:2000]
        url = response["Location"]
    response = resubmit(client, url, "action", button={"value": "submit"})

    assert (response.status_code, response["Location"]) == (302, "/moi/")
    after = PracticeSheetPage.objects.get(pk=sheet.pk).get_latest_revision_as_object()
    assert snapshot(after, SHEET_FIELDS) == before


def test_room_message_edit_form_unchanged_keeps_the_message(client, org_admin, organisation):
    room = Room.objects.create(slug="numerique", title="Numérique", kind=Room.Kind.THEME)
    posted = posting.post_message(
        user=org_admin,
        room=room,
        body="Bonjour,\nune question :\n\n- où trouver un CRM ?",
        client_id="3f2b8c1e-0000-4000-8000-000000000001",
    )
    message = posted.message
    fields = ["body_markdown", "html", "seq", "deleted_at", "hidden_at"]
    before = snapshot(message, fields)
    client.force_login(org_admin)

    response = resubmit(
        client, f"/salons/{room.slug}/", "body", action="/edit/", button={"type": "submit"}
    )

    assert response.status_code == 302
    message.refresh_from_db()
    assert snapshot(message, fields) == before


def test_event_edit_form_shows_the_change_waiting_for_review(
    client, calendar_page, organisation, org_admin
):
    event = publish_event(calendar_page, organisers=[organisation], title="Atelier CRM")
    client.force_login(org_admin)
    url = f"/agenda/{event.slug}/modifier/"
    page = BrowserForm(client.get(url).content.decode())
    pairs = [
        (name, "Atelier CRM libre" if name == "title" else value)
        for name, value in BrowserForm.submission(page.form_with("title"))
    ]
    client.post(url, urlencode(pairs), content_type="application/x-www-form-urlencoded")
    event = EventPage.objects.get(pk=event.pk)
    assert (event.title, event.has_unpublished_changes) == ("Atelier CRM", True)

    # Saved again unchanged: the waiting change is kept, not reverted to what is online.
    response = resubmit(client, url, "title")

    assert response.status_code == 302
    latest = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    assert (latest.title, EventPage.objects.get(pk=event.pk).title) == (
        "Atelier CRM libre",
        "Atelier CRM",
    )


def test_event_edit_form_unchanged_sends_nothing_to_the_editors(
    client, calendar_page, organisation, org_admin, messages_of
):
    """An organiser who cannot publish at once saves without changing anything: no new
    version, no review for the editors, and the page says nothing changed."""

    event = publish_event(calendar_page, organisers=[organisation], title="Atelier CRM")
    revisions = event.revisions.count()
    client.force_login(org_admin)

    response = resubmit(client, f"/agenda/{event.slug}/modifier/", "title")

    event = EventPage.objects.get(pk=event.pk)
    assert response.status_code == 302
    assert messages_of(response) == ["Rien n'a changé : l'évènement reste tel quel."]
    assert (event.revisions.count(), event.has_unpublished_changes) == (revisions, False)
    assert WorkflowState.objects.filter(object_id=str(event.pk)).count() == 0
