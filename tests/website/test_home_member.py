"""The home page of a signed-in member: what is new for them since their last visit, at a
fixed cost whatever their history (website/home.py, website/services.py)."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from django.utils import timezone

from community.models import Notification
from events.models import CalendarPage, Registration
from programmes.models import ProgrammeIndexPage
from rooms.services import creation, posting
from rooms.services.reading import advance_marker
from stories.models import StoryAuthor, StoryIndexPage, StoryTranslation
from tests.events.conftest import publish_event
from tests.factories import (
    AffiliationFactory,
    FederationFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    SectorFactory,
    ThemeFactory,
    UserFactory,
)
from tests.practices.fixtures_listing import build_home, build_index, make_sheet, make_tool
from tests.programmes.conftest import days, publish_programme
from tests.shared import built_once_per_module
from tests.stories.conftest import publish_story
from website import page_cache
from website.models import HomeVisit
from website.services import FIRST_VISIT_LOOKBACK, VISIT_GAP, record_home_visit

pytestmark = pytest.mark.django_db

# The member's home, measured and pinned: session, person, site and page (Wagtail's walk),
# the menu and footer settings, then the visit (one query within `VISIT_GAP`), memberships,
# themes, sectors, sheets, requests (two), conversations, rooms, my dates, federations
# (list, dates, sheets, stories) and programmes (with regions and translations). The same
# for a newcomer, a member with a small history and one with a large one.
MEMBER_HOME_QUERIES = 25


def future(**delta) -> dt.datetime:
    return timezone.now().replace(second=0, microsecond=0) + dt.timedelta(**delta)


def post(user, room, body="Bonjour"):
    return posting.post_message(user=user, room=room, body=body, client_id=str(uuid.uuid4()))


def build_site() -> dict:
    """A site with one of everything the member's home reads, and around it what must not
    show: another theme's sheet, a draft, a past date, another federation's event, a
    request to an organisation the member does not manage, a closed call…"""
    now = timezone.now()
    since = now - dt.timedelta(days=1)
    home = build_home()
    library = build_index()
    calendar = home.add_child(instance=CalendarPage(title="Agenda", slug="agenda"))
    stories = home.add_child(instance=StoryIndexPage(title="Récits", slug="recits"))
    supports = home.add_child(instance=ProgrammeIndexPage(title="Soutiens", slug="soutiens"))
    tools = [make_tool(name) for name in ("Nextcloud", "Dolibarr", "Signal")]

    mine, other_theme = ThemeFactory(name="Gestion des bénévoles"), ThemeFactory(name="RGPD")
    sector, other_sector = SectorFactory(name="Réemploi"), SectorFactory(name="Culture")
    wallonie = RegionFactory(name="Wallonie")
    federation = FederationFactory(name="Fédération des Ressourceries")
    elsewhere = FederationFactory(name="Fédération lointaine")
    organisation = OrganisationFactory(
        name="La Ressourcerie du Val", sectors=[sector], region=wallonie
    )
    AffiliationFactory(organisation=organisation, federation=federation)
    neighbour = OrganisationFactory(name="Les Voisins", sectors=[other_sector])
    member = MembershipFactory(
        organisation=organisation, admin=True, user__display_name="Marie Membre"
    ).user
    member.interests.set([mine])
    HomeVisit.objects.create(user=member, previous_at=since, last_at=now - dt.timedelta(minutes=5))
    # Requests: one to decide, one to an organisation she does not manage.
    MembershipFactory(organisation=organisation, pending=True, user__display_name="Chloé")
    MembershipFactory(organisation=neighbour, pending=True, user__display_name="Quentin")

    def sheet(title, *, at, **fields):
        return make_sheet(library, title=title, tools=tools, published_at=at, **fields)

    sheet("Ancienne fiche du thème", at=since - dt.timedelta(days=3), themes=[mine])
    sheet("Fiche du secteur", at=since - dt.timedelta(minutes=1), sectors=[sector])
    sheet("Nouvelle fiche du thème", at=since + dt.timedelta(minutes=1), themes=[mine])
    sheet("Fiche d'un autre thème", at=since + dt.timedelta(hours=1), themes=[other_theme])
    sheet(
        "Fiche de ma ressourcerie",
        at=since + dt.timedelta(hours=2),
        themes=[mine],
        organisation=organisation,
    )
    sheet("Brouillon du thème", at=None, themes=[mine], live=False)
    sheet("Fiche de la fédération", at=since + dt.timedelta(hours=3), organisation=federation)
    sheet(
        "Fiche de la fédération lointaine", at=since + dt.timedelta(hours=3), organisation=elsewhere
    )

    def event(title, start, organisers=(neighbour,), **fields):
        return publish_event(
            calendar, organisers=list(organisers), title=title, start=start, **fields
        )

    registered = {
        "Atelier dans trois jours": (future(days=3), Registration.Status.CONFIRMED),
        "Webinaire complet": (future(days=5), Registration.Status.WAITLIST),
        "Atelier passé": (future(days=-3), Registration.Status.CONFIRMED),
        "Atelier quitté": (future(days=1), Registration.Status.CANCELLED),
    }
    for title, (start, status) in registered.items():
        Registration.objects.create(event=event(title, start), user=member, status=status)
    event("Atelier sans moi", future(days=2))
    event("Assemblée de la fédération", future(days=7), organisers=[federation])
    event("Assemblée lointaine", future(days=4), organisers=[elsewhere])

    author = StoryAuthor.objects.create(name="Fanny Fédé", organisation=federation)
    publish_story(stories, title="Récit de la fédération", authors=[author])
    elsewhere_story = publish_story(
        stories, title="Récit d'ailleurs"
    ).get_latest_revision_as_object()
    elsewhere_story.translations = [
        StoryTranslation(
            language="nl",
            title="Een verhaal van elders",
            lead="Wat er veranderde.",
            body=[{"type": "paragraph", "value": "<p>Zo deden ze het.</p>"}],
        )
    ]
    elsewhere_story.save_revision().publish()
    publish_story(stories, title="Récit en brouillon", publish=False)

    publish_programme(supports, title="Appel lointain", deadline=days(90))
    publish_programme(supports, title="Appel bientôt clos", deadline=days(10))
    publish_programme(supports, title="Appel wallon", deadline=days(40), regions=[wallonie])
    publish_programme(
        supports, title="Appel coopératives", deadline=days(5), legal_forms=["cooperative"]
    )
    publish_programme(supports, title="Appel clos", deadline=days(-1))
    publish_programme(supports, title="Ouvert toute l'année", open_all_year=True)

    someone = MembershipFactory(organisation=organisation, user__display_name="Sam").user
    talk = creation.create_theme_room(title="Bénévolat numérique")
    post(member, talk)
    post(someone, talk, "Une question")
    post(someone, talk, "Et une autre")
    quiet = creation.create_theme_room(title="Salon lu")
    post(member, quiet)
    for kind, message, read in (
        (Notification.Kind.MENTION, "Sam vous mentionne dans Bénévolat numérique", False),
        (Notification.Kind.DIRECT, "Sam vous écrit", False),
        (Notification.Kind.REPLY, "Sam vous a répondu", True),
        (Notification.Kind.NEW_SHEET, "Nouvelle fiche dans vos thèmes", False),
    ):
        Notification.objects.create(
            user=member,
            kind=kind,
            message=message,
            excerpt="Bonjour Marie",
            read_at=now if read else None,
        )
    return {"member": member, "since": since}


_site = built_once_per_module(build_site)


@pytest.fixture
def site(_site):
    return _site.copy()


def section(html: str, name: str) -> str:
    """The HTML of one section of the home, by its heading's id."""
    start = html.index(f'id="home-{name}-title"')
    end = html.find("</section>", start)
    return html[start:end]


def links(html: str) -> list[str]:
    return [
        re.sub(r"\s+", " ", text).strip() for text in re.findall(r"<a [^>]*>(.*?)</a>", html, re.S)
    ]


def test_home_shows_the_member_what_is_new_for_her(client, site):
    client.force_login(site["member"])

    html = client.get("/").content.decode()

    assert "Bonjour Marie Membre" in html
    assert 'id="latest-sheets-title"' not in html  # the visitors' home is not hers
    sheets = section(html, "sheets")
    assert links(sheets)[:3] == [
        "Nouvelle fiche du thème",
        "Fiche du secteur",
        "Ancienne fiche du thème",
    ]
    assert "1 nouvelle fiche depuis votre dernière visite." in sheets
    assert sheets.count("Nouveau<") == 1
    assert "Vos thèmes : Gestion des bénévoles. Vos secteurs : Réemploi." in sheets


def test_home_leaves_out_other_themes_drafts_and_my_own_organisations_sheets(client, site):
    client.force_login(site["member"])

    sheets = section(client.get("/").content.decode(), "sheets")

    for absent in ("Fiche d'un autre thème", "Brouillon du thème", "Fiche de ma ressourcerie"):
        assert absent not in sheets


def test_home_lists_my_next_dates_without_past_or_left_ones(client, site):
    client.force_login(site["member"])

    dates = section(client.get("/").content.decode(), "my-dates")

    assert links(dates)[:2] == ["Atelier dans trois jours", "Webinaire complet"]
    assert dates.count("Liste d'attente") == 1
    for absent in ("Atelier passé", "Atelier quitté", "Atelier sans moi"):
        assert absent not in dates


def test_home_shows_my_federations_dates_and_news_only(client, site):
    client.force_login(site["member"])

    federations = section(client.get("/").content.decode(), "federations")

    assert links(federations) == [
        "Fédération des Ressourceries",
        "Assemblée de la fédération",
        "Récit de la fédération",
        "Fiche de la fédération",
        "L'agenda de Fédération des Ressourceries",
    ]


def test_home_lists_requests_of_the_organisations_i_manage_only(client, site):
    client.force_login(site["member"])

    requests = section(client.get("/").content.decode(), "requests")

    assert links(requests) == [
        "Chloé demande à rejoindre La Ressourcerie du Val",
        "Décider dans mon espace",
    ]


def test_home_lists_affiliation_requests_to_a_federation_i_manage(client, site):
    federation = FederationFactory(name="Coupole des Cuisines")
    MembershipFactory(organisation=federation, user=site["member"], admin=True)
    AffiliationFactory(
        organisation=OrganisationFactory(name="Cuisine de Quartier"),
        federation=federation,
        pending=True,
    )
    client.force_login(site["member"])

    requests = section(client.get("/").content.decode(), "requests")

    assert links(requests)[:2] == [
        "Chloé demande à rejoindre La Ressourcerie du Val",
        "Cuisine de Quartier demande son affiliation à Coupole des Cuisines",
    ]
    assert "2 demandes attendent votre réponse." in requests


def test_home_hides_requests_from_a_member_who_manages_nothing(client, site):
    client.force_login(MembershipFactory(organisation=OrganisationFactory()).user)

    assert 'id="home-requests-title"' not in client.get("/").content.decode()


def test_home_lists_unread_mentions_and_messages_and_rooms(client, site):
    client.force_login(site["member"])
    html = client.get("/").content.decode()

    assert links(section(html, "conversations")) == [
        "Sam vous écrit",
        "Sam vous mentionne dans Bénévolat numérique",
        "Toutes mes notifications",
    ]
    rooms = section(html, "rooms")
    assert links(rooms) == ["Bénévolat numérique", "Tous les salons"]
    assert "2 nouveaux messages" in rooms


def test_home_lists_deadlines_my_organisation_may_apply_for_soonest_first(client, site):
    client.force_login(site["member"])

    programmes = section(client.get("/").content.decode(), "programmes")

    assert links(programmes) == [
        "Appel bientôt clos",
        "Appel wallon",
        "Appel lointain",
        "À quoi mes organisations peuvent-elles prétendre ?",
        "Où en sommes-nous avec le numérique ? Le diagnostic",
    ]
    assert "Clôture proche" in programmes


def test_home_of_a_newcomer_says_what_to_do_in_each_section(client, site):
    newcomer = UserFactory(display_name="Nina Nouvelle")
    client.force_login(newcomer)

    html = client.get("/").content.decode()

    assert "ces trente derniers jours" in html
    sheets = section(html, "sheets")
    assert "Choisissez les thèmes qui vous intéressent dans votre profil" in sheets
    assert 'href="/moi/profil/"' in sheets
    assert "Vous n'êtes inscrit·e à aucun évènement à venir." in section(html, "my-dates")
    assert "Rejoignez votre organisation sur Relais" in section(html, "federations")
    assert "Rejoignez votre organisation sur Relais" in section(html, "programmes")
    assert "Rien de non lu." in section(html, "conversations")
    assert "Vous avez tout lu." in section(html, "rooms")


def test_visiting_the_home_as_a_member_renews_no_cached_page(client, site, site_settings):
    client.force_login(site["member"])
    HomeVisit.objects.filter(user=site["member"]).delete()
    token = page_cache.generation()

    client.get("/")

    assert HomeVisit.objects.filter(user=site["member"]).exists()
    assert page_cache.generation() == token


def test_visitors_home_shows_the_latest_stories_in_their_language(client, site):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()

    stories = html[
        html.index('id="latest-stories-title"') : html.index(
            "</section>", html.index('id="latest-stories-title"')
        )
    ]
    assert re.findall(r"<a [^>]*>[^<]*</a>", stories)[:2] == [
        '<a href="/recits/recit-dailleurs/">Een verhaal van elders</a>',
        '<a href="/recits/recit-de-la-federation/" lang="fr">Récit de la fédération</a>',
    ]
    assert "Récit en brouillon" not in html
    assert 'id="home-sheets-title"' not in html
    assert not HomeVisit.objects.exclude(user=site["member"]).exists()


# --- Since when is it new ----------------------------------------------------------------
# (These tests use none of the module's rows, but run while they are there: they ask for
# them, as tests/shared.py wants.)


def test_first_visit_counts_the_last_thirty_days_as_new(site):
    person = UserFactory()
    now = timezone.now()

    since = record_home_visit(user=person, now=now)
    again = record_home_visit(user=person, now=now + VISIT_GAP - dt.timedelta(seconds=1))

    assert (since.moment, since.first) == (now - FIRST_VISIT_LOOKBACK, True)
    assert (again.moment, again.first) == (now - FIRST_VISIT_LOOKBACK, True)
    visit = HomeVisit.objects.get(user=person)
    assert (visit.previous_at, visit.last_at) == (None, now)


def test_a_visit_after_the_gap_makes_the_last_one_the_boundary(site):
    person = UserFactory()
    first = timezone.now()
    record_home_visit(user=person, now=first)
    second = first + VISIT_GAP

    since = record_home_visit(user=person, now=second)
    reload = record_home_visit(user=person, now=second + dt.timedelta(minutes=10))
    third = record_home_visit(user=person, now=second + VISIT_GAP)

    assert (since.moment, since.first) == (first, False)
    assert reload.moment == first
    assert third.moment == second
    visit = HomeVisit.objects.get(user=person)
    assert (visit.previous_at, visit.last_at) == (second, second + VISIT_GAP)


def test_sheets_new_since_the_previous_visit_are_marked_on_the_next_one(client, site):
    member = site["member"]
    HomeVisit.objects.filter(user=member).update(
        previous_at=site["since"] - dt.timedelta(days=7),
        last_at=site["since"] + dt.timedelta(seconds=30),
    )
    client.force_login(member)

    sheets = section(client.get("/").content.decode(), "sheets")

    # The visit before this one began 30 seconds after `since`: only what came after is new.
    assert "1 nouvelle fiche depuis votre dernière visite." in sheets
    visit = HomeVisit.objects.get(user=member)
    assert visit.previous_at == site["since"] + dt.timedelta(seconds=30)


# --- A fixed cost -------------------------------------------------------------------------


def large_history(site) -> object:
    """A member of three organisations (admin of two, one a federation) with four themes,
    registrations, unread rooms, notifications and requests to decide."""
    person = UserFactory(display_name="Léa Longue-Histoire")
    themes = [ThemeFactory() for _ in range(4)]
    person.interests.set(themes)
    federation = FederationFactory(name="Coupole du Grand Réseau")
    organisations = [
        OrganisationFactory(sectors=[SectorFactory(), SectorFactory()]) for _ in range(2)
    ]
    for n, organisation in enumerate([*organisations, federation]):
        MembershipFactory(organisation=organisation, user=person, admin=n != 1)
        if n < 2:
            AffiliationFactory(organisation=organisation, federation=federation)
        for _ in range(3):
            MembershipFactory(organisation=organisation, pending=True)
    for _ in range(3):
        AffiliationFactory(federation=federation, pending=True)
    for registration in Registration.objects.filter(user=site["member"]):
        Registration.objects.create(event=registration.event, user=person, status="confirmed")
    for n in range(7):
        Notification.objects.create(
            user=person, kind=Notification.Kind.MENTION, message=f"Mention {n}"
        )
    tools = [make_tool(name) for name in ("Odoo", "Mattermost", "Framadate")]
    for n in range(8):
        make_sheet(
            build_index(),
            title=f"Fiche {n}",
            tools=tools,
            themes=themes[n % 4 : n % 4 + 1],
            organisation=federation if n % 3 == 0 else None,
        )
    for n in range(3):
        room = creation.create_theme_room(title=f"Salon {n}")
        advance_marker(person, room, 0)
        post(site["member"], room)
    return person


@pytest.mark.parametrize("history", ["newcomer", "small", "large"])
def test_member_home_costs_the_same_queries_whatever_the_history(
    client, site, history, django_assert_num_queries
):
    person = {
        "newcomer": lambda: UserFactory(),
        "small": lambda: site["member"],
        "large": lambda: large_history(site),
    }[history]()
    client.force_login(person)
    client.get("/")  # the first visit is written; the site's root paths are cached

    with django_assert_num_queries(MEMBER_HOME_QUERIES):
        response = client.get("/")

    assert response.status_code == 200
