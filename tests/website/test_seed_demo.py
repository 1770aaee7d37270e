"""`manage.py seed_demo`: the demo network, its pages and its logins; idempotent.

The demo is seeded once for this module's tests; test_seed_demo_first_run.py has those that
need an unseeded database."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Page, ReferenceIndex, Revision, Site, TaskState, WorkflowState

from community import access
from community.models import Affiliation, Membership, Organisation, Region, Sector, Theme, User
from events.models import CalendarPage, EventPage, EventState, OccurrenceChange, Registration
from events.recurrence import occurrences
from practices.models import (
    Adoption,
    Bookmark,
    PracticeIndexPage,
    PracticeSheetPage,
    SheetDifficulty,
    SheetKeyword,
    SheetPhase,
    SheetTip,
    SheetTool,
    Tool,
    Useful,
)
from practices.parts import THREE_PARTS
from tests.shared import built_once_per_module
from website.demo import load
from website.models import FooterSettings, HomePage, NavigationSettings

# The data files of website/demo/ that the assertions below refer to.
PEOPLE = load("people")["people"]
DEMO_PASSWORD = load("people")["password"]
EDITOR_EMAIL = load("people")["logins"]["editor"]
FEDERATION_ADMIN_EMAIL = load("people")["logins"]["federation_admin"]
EES_ADMIN_EMAIL = load("people")["logins"]["ees_admin"]
MEMBER_EMAIL = load("people")["logins"]["member"]
HOME_PAGE = load("pages")["home"]
TOOLS = load("tools")["tools"]
SHEETS = load("sheets")["published"]
MODERATION_SHEET = load("sheets")["submitted"][0]

pytestmark = pytest.mark.django_db

EXPECTED = {
    "organisations": 25,  # 4 federations, 1 support structure, 20 EES
    "federations": 4,
    "support": 1,
    "ees": 20,
    "people": 32,
    "memberships_active": 30,
    "memberships_pending": 2,
    "affiliations_active": 24,
    "affiliations_pending": 2,
    "tools": 37,
    "sheets_live": 16,  # 15 EES and 1 federation
    "sheets_in_moderation": 1,
    "useful": 44,
    "bookmarks": 10,
    "adoptions": 11,
    "events": 9,  # 2 monthly series, 3 workshops (1 past), 2 webinars, 1 training, 1 conference
    "registrations": 45,
}


def m2m(model, field):
    return model._meta.get_field(field).remote_field.through


SNAPSHOT_MODELS = [
    Region,
    Sector,
    Theme,
    Organisation,
    Organisation.sectors.through,
    Affiliation,
    User,
    User.interests.through,
    EmailAddress,
    Membership,
    Page,
    Revision,
    Site,
    NavigationSettings,
    FooterSettings,
    User.groups.through,
    Tool,
    PracticeIndexPage,
    PracticeSheetPage,
    SheetDifficulty,
    SheetTip,
    SheetPhase,
    SheetTool,
    SheetKeyword,
    m2m(PracticeSheetPage, "authors"),
    m2m(PracticeSheetPage, "sectors"),
    m2m(PracticeSheetPage, "themes"),
    m2m(PracticeSheetPage, "related_sheets"),
    Useful,
    Bookmark,
    Adoption,
    WorkflowState,
    TaskState,
    CalendarPage,
    EventPage,
    OccurrenceChange,
    EventState,
    Registration,
    m2m(EventPage, "organisers"),
    m2m(EventPage, "themes"),
    m2m(EventPage, "related_sheets"),
]


def seed():
    out = StringIO()
    call_command("seed_demo", "--i-know-this-is-a-demo", stdout=out)
    return out.getvalue()


# The demo, seeded once for the module's tests (tests/shared.py): each test runs in a
# savepoint on top of it, so that what it changes (a second run included) is undone for the
# next. The tests that need a database the demo was never seeded in (a first run with other
# settings, refusals, the data files alone) are in test_seed_demo_first_run.py.
_demo = built_once_per_module(seed)


@pytest.fixture
def demo(_demo, db) -> str:
    """What the demo's first run printed."""
    return _demo.copy()


def snapshot():
    """Every row the command may touch, field by field."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values()) for model in SNAPSHOT_MODELS
    }


def test_second_run_changes_nothing(demo):
    first = snapshot()
    output = seed()

    assert snapshot() == first
    assert "rien à changer" in output
    assert Organisation.objects.count() == EXPECTED["organisations"]


def test_builds_the_expected_network(demo):
    assert list(Region.objects.values_list("slug", "name", "position")) == [
        ("wallonie", "Wallonie", 1),
        ("bruxelles", "Bruxelles", 2),
        ("flandre", "Flandre", 3),
        ("france", "France", 4),
        ("quebec", "Québec", 5),
        ("autre", "Autre", 6),
    ]
    assert Sector.objects.count() == 12
    assert Theme.objects.count() == 12

    organisations = Organisation.objects.all()
    assert organisations.count() == EXPECTED["organisations"]
    assert organisations.filter(kind="federation").count() == EXPECTED["federations"]
    assert organisations.filter(kind="support").count() == EXPECTED["support"]
    assert organisations.filter(kind="ees").count() == EXPECTED["ees"]
    assert set(organisations.values_list("legal_form", flat=True)) >= {
        "association",
        "cooperative",
        "social_purpose",
        "foundation",
        "mutual",
    }
    for organisation in organisations:
        assert organisation.website.endswith(".example"), organisation
        assert organisation.contact_email.endswith(".example"), organisation
        assert organisation.region_id is not None, organisation

    assert User.objects.count() == EXPECTED["people"]
    assert not User.objects.exclude(email__endswith="@relais.example").exists()
    memberships = Membership.objects.all()
    assert memberships.filter(status="active").count() == EXPECTED["memberships_active"]
    assert memberships.filter(status="pending").count() == EXPECTED["memberships_pending"]
    affiliations = Affiliation.objects.all()
    assert affiliations.filter(status="active").count() == EXPECTED["affiliations_active"]
    assert affiliations.filter(status="pending").count() == EXPECTED["affiliations_pending"]
    assert not affiliations.exclude(federation__kind="federation").exists()
    # Camille, a federation admin, has affiliation requests to decide; Karim a join request.
    camilles = Organisation.objects.get(
        memberships__user__email=FEDERATION_ADMIN_EMAIL, memberships__role="admin"
    )
    assert camilles.kind == "federation"
    assert camilles.member_affiliations.filter(status="pending").count() == 2
    karims = Organisation.objects.get(
        memberships__user__email=EES_ADMIN_EMAIL, memberships__role="admin"
    )
    assert karims.kind == "ees"
    assert karims.memberships.filter(status="pending").count() == 1


def test_every_organisation_has_an_active_admin_and_every_ees_a_federation(demo):
    seed()

    for organisation in Organisation.objects.all():
        assert organisation.memberships.filter(role="admin", status="active").exists(), organisation
    for ees in Organisation.objects.filter(kind="ees"):
        active = ees.affiliations.filter(status="active").count()
        assert 1 <= active <= 2, ees


def test_every_demo_account_has_a_verified_primary_email(demo):
    output = demo
    seed()

    emails = [person["email"] for person in PEOPLE]
    assert set(User.objects.values_list("email", flat=True)) == set(emails)
    for user in User.objects.all():
        assert EmailAddress.objects.filter(
            user=user, email=user.email, verified=True, primary=True
        ).exists(), user
        assert user.display_name
        assert user.check_password(DEMO_PASSWORD), user

    editor = User.objects.get(email=EDITOR_EMAIL)
    assert editor.is_staff and editor.is_superuser
    for email in [
        EDITOR_EMAIL,
        FEDERATION_ADMIN_EMAIL,
        EES_ADMIN_EMAIL,
        MEMBER_EMAIL,
        DEMO_PASSWORD,
        "/admin/",
    ]:
        assert email in output


def test_the_editor_can_sign_in(demo, client):
    assert client.login(email=EDITOR_EMAIL, password=DEMO_PASSWORD)
    editor = User.objects.get(email=EDITOR_EMAIL)
    assert editor.has_perm("wagtailadmin.access_admin")


def test_a_member_signs_in_through_allauth_without_verification_step(demo, client):
    """Mandatory verification would send an unverified account to confirm its email."""

    response = client.post(
        "/accounts/login/",
        {"login": MEMBER_EMAIL, "password": DEMO_PASSWORD},
    )
    assert response.status_code == 302
    assert "confirm-email" not in response.url
    lea = User.objects.get(email=MEMBER_EMAIL)
    assert client.session["_auth_user_id"] == str(lea.pk)


def test_edits_made_during_the_demo_survive_a_new_run(demo):
    organisation = Organisation.objects.get(slug="recyclerie-du-condroz")
    organisation.description = "Texte revu par Karim."
    organisation.save()
    lea = User.objects.get(email=MEMBER_EMAIL)
    lea.set_password("un-autre-mot-de-passe")
    lea.save()

    seed()

    organisation.refresh_from_db()
    lea.refresh_from_db()
    assert organisation.description == "Texte revu par Karim."
    assert lea.check_password("un-autre-mot-de-passe")


def test_home_page_shows_the_intro(demo, client):
    response = client.get("/")
    assert response.status_code == 200
    assert escape(HOME_PAGE["intro"]) in response.content.decode()


# --- practice sheets -----------------------------------------------------------------------


def sheet_in_moderation():
    return PracticeSheetPage.objects.get(slug=MODERATION_SHEET["slug"])


def test_practices_counts_and_a_second_run_adds_no_row(demo):
    counts = {model._meta.label: model.objects.count() for model in SNAPSHOT_MODELS}
    seed()

    assert {model._meta.label: model.objects.count() for model in SNAPSHOT_MODELS} == counts
    assert Tool.objects.count() == EXPECTED["tools"] == len(TOOLS)
    sheets = PracticeSheetPage.objects.all()
    assert sheets.live().count() == EXPECTED["sheets_live"] == len(SHEETS)
    assert sheets.not_live().count() == EXPECTED["sheets_in_moderation"]
    assert Useful.objects.count() == EXPECTED["useful"]
    assert Bookmark.objects.count() == EXPECTED["bookmarks"]
    assert Adoption.objects.count() == EXPECTED["adoptions"]
    # Adoption reports on several sheets, with every outcome.
    assert Adoption.objects.values("sheet").distinct().count() == 4
    assert set(Adoption.objects.values_list("outcome", flat=True)) == {"worked", "partly", "not"}


def test_published_sheets_are_complete_and_use_the_catalogue(demo):
    index = PracticeIndexPage.objects.get()
    assert (index.title, index.slug, index.live) == ("Fiches pratiques", "pratiques", True)
    assert index.get_parent().specific_class is HomePage
    assert index.url == "/pratiques/"

    sheets = PracticeSheetPage.objects.live().select_related("organisation", "region")
    organisations = [sheet.organisation for sheet in sheets]
    assert len(set(organisations)) == len(organisations) == EXPECTED["sheets_live"]
    assert [o.kind for o in organisations].count("federation") == 1
    assert {o.kind for o in organisations} == {"ees", "federation"}
    assert len({sheet.first_published_at.date() for sheet in sheets}) == len(organisations)
    for sheet in sheets:
        for part in THREE_PARTS:
            assert getattr(sheet, part).count() == 3, (sheet.slug, part)
        assert sheet.live_revision is not None and not sheet.has_unpublished_changes
        assert sheet.region_id == sheet.organisation.region_id, sheet.slug
        assert sheet.organisation_size == sheet.organisation.staff_size, sheet.slug
        assert sheet.sectors.exists() and sheet.themes.exists(), sheet.slug
        assert 1 <= len(sheet.dimensions) <= 3, sheet.slug
        assert sheet.why.count("<p>") == 2, sheet.slug
        assert sheet.duration and sheet.budget and sheet.funding, sheet.slug
        assert sheet.results and sheet.social_impact, sheet.slug
        authors = sheet.authors.all()
        assert authors.exists(), sheet.slug
        for author in authors:
            assert sheet.organisation.memberships.filter(user=author, status="active").exists()
        # The published version carries the same content as the page (children included).
        published = sheet.live_revision.as_object()
        assert [tip.title for tip in published.tips.all()] == [
            tip.title for tip in sheet.tips.all()
        ]
    linked = PracticeSheetPage.objects.live().filter(related_sheets__isnull=False).distinct()
    assert linked.count() >= 5
    # Indexing is deferred while the sheets are created, then done once per sheet.
    assert PracticeSheetPage.objects.live().search("benevole").count() >= 3
    nextcloud = Tool.objects.get(slug="nextcloud")
    assert ReferenceIndex.get_references_to(nextcloud).count() == (
        PracticeSheetPage.objects.filter(sheet_tools__tool=nextcloud).count()
    )

    # The catalogue: valid choices, every licence represented, most tools used by a sheet.
    for tool in Tool.objects.all():
        assert tool.category in Tool.Category.values, tool
        assert tool.licence in Tool.Licence.values, tool
        assert tool.data_hosting in Tool.Hosting.values, tool
        assert tool.cost and tool.description and tool.website.startswith("https://"), tool
    assert set(Tool.objects.values_list("licence", flat=True)) == set(Tool.Licence.values)
    used = Tool.objects.filter(usages__page__live=True).distinct()
    assert used.count() >= 25


def test_one_sheet_waits_in_moderation_and_the_editor_may_approve_it(demo):
    seed()

    sheet = sheet_in_moderation()
    lea = User.objects.get(email=MEMBER_EMAIL)
    assert not sheet.live and sheet.first_published_at is None
    assert list(sheet.authors.all()) == [lea]
    assert sheet.latest_revision.user == lea
    states = WorkflowState.objects.for_instance(sheet)
    assert states.count() == 1  # the second run started no other workflow
    state = states.get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == lea
    assert state.workflow.name == "Relecture éditoriale"
    for part in THREE_PARTS:
        assert getattr(sheet, part).count() == 3, part

    editor = User.objects.get(email=EDITOR_EMAIL)
    assert editor.groups.filter(name="Moderators").exists()
    task = state.current_task_state.task.specific
    assert "approve" in [name for name, _label, _modal in task.get_actions(sheet, editor)]


def test_the_library_and_a_sheet_answer(demo, client):
    response = client.get("/pratiques/")
    assert response.status_code == 200
    sheet = PracticeSheetPage.objects.live().order_by("-first_published_at").first()
    assert sheet.title in response.content.decode()
    response = client.get(sheet.url)
    assert response.status_code == 200
    assert escape(sheet.tips.first().title) in response.content.decode()


# --- the calendar --------------------------------------------------------------------------


def test_the_calendar_is_seeded_once_with_a_full_event_and_a_changed_series(demo):
    seed()

    calendar = CalendarPage.objects.get()
    assert (calendar.url_path, calendar.live) == ("/accueil/agenda/", True)
    events = EventPage.objects.child_of(calendar)
    assert events.count() == events.live().count() == EXPECTED["events"]
    assert Registration.objects.count() == EXPECTED["registrations"]
    # Every publication ran `after_publication`: each event has its state, unchanged.
    assert EventState.objects.count() == EXPECTED["events"]
    assert set(EventState.objects.values_list("sequence", flat=True)) == {0}
    assert {event.kind for event in events} == set(EventPage.Kind.values)

    # The monthly intervision of the Walloon federation: 8 dates, every first Tuesday at
    # 14:00 in Brussels (across the change to summer time), one cancelled with a note,
    # one moved to the Thursday.
    series = events.get(slug="intervision-des-responsables-numeriques")
    assert series.rrule == "FREQ=MONTHLY;BYDAY=1TU;COUNT=8"
    assert [o.name for o in series.organisers.all()] == [
        "Fédération des entreprises solidaires de Wallonie"
    ]
    dates = occurrences(series)
    assert len(dates) == 8
    cancelled = [o for o in dates if o.cancelled]
    moved = [o for o in dates if o.moved]
    assert len(cancelled) == 1 and cancelled[0].note
    assert len(moved) == 1 and moved[0].note
    assert moved[0].start.astimezone(series.zone).weekday() == 3
    for o in dates:
        local = (o.original_start or o.start).astimezone(series.zone)
        assert (local.weekday(), local.day <= 7, local.hour, local.minute) == (1, True, 14, 0)
    other = events.get(slug="intervision-bruxelloise-donnees-et-outils")
    assert other.rrule == "FREQ=MONTHLY;BYDAY=2TH;COUNT=6"

    # One full workshop, with two people waiting in the order they came.
    full = events.get(slug="atelier-nextcloud-petites-equipes")
    confirmed = full.registrations.filter(status="confirmed")
    assert full.capacity == confirmed.count() == 8
    waiting = full.registrations.filter(status="waitlist").order_by("queued_at")
    assert [r.user.email for r in waiting] == [MEMBER_EMAIL, "mathieu@relais.example"]

    # Nobody over capacity, and every registration is allowed by the event's audience.
    for event in events:
        count = event.registrations.filter(status="confirmed").count()
        assert event.capacity is None or count <= event.capacity, event.slug
        for registration in event.registrations.select_related("user"):
            assert access.can_register(registration.user, event), (event.slug, registration)
        assert event.is_online or event.is_on_site, event.slug
        assert event.organisers.exists(), event.slug
    webinars = events.filter(kind="webinar")
    assert all(w.online_url and not w.venue for w in webinars)
    assert events.filter(related_sheets__isnull=False).distinct().count() >= 5


def test_the_calendar_answers(demo, client):
    response = client.get("/agenda/")
    assert response.status_code == 200
    assert "Intervision des responsables numériques" in response.content.decode()
    response = client.get("/agenda/atelier-nextcloud-petites-equipes/")
    assert response.status_code == 200
    assert "8 / 8 places" in response.content.decode()
    response = client.get("/agenda/feed.ics")
    assert response.status_code == 200
    # + the moved and the cancelled date, each a RECURRENCE-ID override
    assert response.content.count(b"BEGIN:VEVENT") == EXPECTED["events"] + 2
