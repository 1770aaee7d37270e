"""Titles, names, places and other one-line fields hold one line, on every form (front
end and admin) and whoever saves them; what is already stored with a line break cannot
break an event's calendar file or its registration."""

from __future__ import annotations

import pytest
from wagtail.admin.panels import get_edit_handler

from community.forms import JoinRequestForm, OrganisationForm, ProfileForm, SignupExtraForm
from community.models import Organisation, Sector, User
from events.forms import EventForm
from events.models import EventPage, Registration
from practices.forms import ContextForm, ItemForm, KeywordsForm, ToolRowForm
from practices.models import SheetKeyword, Tool
from rooms.models import Room
from tests.events.conftest import parse_ics, publish_event, vevents_of
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

TYPED = " Atelier\r\nCRM\tlibre\x07\u2028 2026 "
ONE_LINE = "Atelier CRM libre 2026"


def _front_end_forms(user):
    return [
        (lambda data: SignupExtraForm(data), "display_name"),
        (lambda data: ProfileForm(data, instance=user), "display_name"),
        (lambda data: OrganisationForm(data), "name"),
        (lambda data: OrganisationForm(data), "city"),
        (lambda data: OrganisationForm(data), "contact_phone"),
        (lambda data: EventForm(data, user=user), "title"),
        (lambda data: EventForm(data, user=user), "summary"),
        (lambda data: ContextForm(data, user=user), "title"),
        (lambda data: ContextForm(data, user=user), "duration"),
        (lambda data: ContextForm(data, user=user), "budget"),
        (lambda data: ContextForm(data, user=user), "funding"),
        (lambda data: ItemForm(data, label="Conseil 1"), "title"),
        (lambda data: ToolRowForm(data, label="Outil 1"), "new_name"),
        (lambda data: KeywordsForm(data), "keyword_1"),
    ]


def test_front_end_one_line_fields_drop_line_breaks_and_control_characters(organisation):
    user = MembershipFactory(organisation=organisation).user
    found = []
    for build, field in _front_end_forms(user):
        form = build({field: TYPED})
        form.is_valid()
        found.append((type(form).__name__, field, form.cleaned_data.get(field)))

    assert found == [(name, field, ONE_LINE) for name, field, _value in found]


# Bidi embeddings, overrides and isolates around the words: invisible, they would make the
# title read otherwise than it is written.
TYPED_WITH_BIDI = " Atelier\u202e CRM\u2066 libre\u2069 2026\u202c "


def test_front_end_one_line_fields_drop_bidi_controls_and_names_refuse_them(organisation):
    user = MembershipFactory(organisation=organisation).user
    dropped, refused = [], []
    for build, field in _front_end_forms(user):
        form = build({field: TYPED_WITH_BIDI})
        form.is_valid()
        if field == "display_name":
            refused.append((type(form).__name__, form.errors[field]))
        else:
            dropped.append((type(form).__name__, field, form.cleaned_data.get(field)))

    assert dropped == [(name, field, ONE_LINE) for name, field, _value in dropped]
    assert refused == [
        (name, ["Votre nom contient un caractère invisible de mise en forme : retirez-le."])
        for name in ("SignupExtraForm", "ProfileForm")
    ]


def test_page_titles_and_saved_one_line_fields_drop_bidi_controls(
    calendar_page, federation, organisation
):
    event = publish_event(calendar_page, organisers=[federation], title="Atelier CRM")
    event.title = TYPED_WITH_BIDI
    event.save_revision().publish()
    organisation.name = TYPED_WITH_BIDI
    organisation.save()

    event = EventPage.objects.get(pk=event.pk)
    assert (event.title, event.draft_title) == (ONE_LINE, ONE_LINE)
    assert Organisation.objects.get(pk=organisation.pk).name == ONE_LINE


def test_multi_line_fields_keep_line_breaks_as_typed():
    form = JoinRequestForm({"message": "Bonjour,\r\nnous aimerions\x07 vous rejoindre."})

    assert form.is_valid()
    assert form.cleaned_data["message"] == "Bonjour,\nnous aimerions vous rejoindre."


@pytest.mark.parametrize(
    ("model", "field", "data"),
    [
        (Tool, "name", {"licence": "free_software", "category": "other"}),
        (Sector, "name", {"slug": "aide"}),
        (Organisation, "city", {"name": "Asbl", "slug": "asbl", "kind": "ees"}),
        (Room, "title", {"slug": "numerique"}),
    ],
)
def test_admin_snippet_forms_hold_one_line(model, field, data):
    form_class = get_edit_handler(model).get_form_class()
    form = form_class({**data, field: TYPED}, instance=model(), for_user=UserFactory(staff=True))

    form.is_valid()

    assert form.cleaned_data[field] == ONE_LINE


def test_saved_one_line_fields_hold_one_line_whoever_saves_them(organisation):
    person = UserFactory(display_name=TYPED)
    organisation.city = TYPED
    organisation.save()
    keyword = SheetKeyword(word="Ré\nemploi")

    assert User.objects.get(pk=person.pk).display_name == ONE_LINE
    assert Organisation.objects.get(pk=organisation.pk).city == ONE_LINE
    assert SheetKeyword._meta.get_field("word").get_prep_value(keyword.word) == "Ré emploi"


def test_page_title_saved_with_a_line_break_holds_one_line(calendar_page, federation):
    event = publish_event(calendar_page, organisers=[federation], title="Atelier\nCRM")
    event.title = TYPED
    event.summary = TYPED
    event.save_revision().publish()

    event = EventPage.objects.get(pk=event.pk)
    assert (event.title, event.draft_title, event.summary) == (ONE_LINE, ONE_LINE, ONE_LINE)
    assert event.latest_revision.content["title"] == ONE_LINE


def test_stored_title_with_line_break_keeps_calendar_file_and_registration(
    client, calendar_page, federation, mailoutbox, django_capture_on_commit_callbacks
):
    event = publish_event(calendar_page, organisers=[federation])
    # Stored before titles were held to one line.
    EventPage.objects.filter(pk=event.pk).update(title="Atelier\nCRM", summary="Pour\r\ntous")
    person = MembershipFactory(organisation=OrganisationFactory()).user

    response = client.get(f"/agenda/{event.slug}/event.ics")

    assert response.status_code == 200
    cal, _vcal = parse_ics(response.content)
    assert [str(v["SUMMARY"]) for v in vevents_of(cal)] == ["Atelier CRM"]
    assert str(cal["X-WR-CALNAME"]) == "Atelier CRM"

    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/agenda/{event.slug}/inscription/")

    assert response.status_code == 302
    assert Registration.objects.get(event=event).status == Registration.Status.CONFIRMED
    ((_name, content, _type),) = mailoutbox[0].attachments
    cal, _vcal = parse_ics(content.encode())
    assert [str(v["SUMMARY"]) for v in vevents_of(cal)] == ["Atelier CRM"]
