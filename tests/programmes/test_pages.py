"""/soutiens/: the list and its filters, a programme's page, "what can my organisation
apply for?", following a programme, the deadlines' iCalendar feed. Exact outcomes, and
query counts that do not grow with the number of programmes."""

from __future__ import annotations

import icalendar
import pytest
from django.core.exceptions import ValidationError

from community.models import Membership, Notification, Organisation
from community.services import notifications
from practices.models import PracticeSheetPage
from programmes.models import ProgrammeFollow, ProgrammeIndexPage, ProgrammePage
from tests.factories import MembershipFactory, OrganisationFactory, RegionFactory, UserFactory
from tests.practices.conftest import build_home_page
from tests.shared import built_once_per_class

from .conftest import days, publish_programme

pytestmark = pytest.mark.django_db

COOP = Organisation.LegalForm.COOPERATIVE


def titles(response) -> list[str]:
    return [programme.title for programme in response.context["programmes"]]


@pytest.fixture
def wallonia():
    return RegionFactory(name="Wallonie", slug="wallonie")


@pytest.fixture
def brussels():
    return RegionFactory(name="Bruxelles", slug="bruxelles")


def build_offer() -> dict:
    """Five programmes in /soutiens/: soon closing, later, all year, not yet open, closed."""
    programme_index = build_home_page().add_child(
        instance=ProgrammeIndexPage(title="Soutiens", slug="soutiens")
    )
    wallonia = RegionFactory(name="Wallonie", slug="wallonie")
    brussels = RegionFactory(name="Bruxelles", slug="bruxelles")
    return {
        "soon": publish_programme(
            programme_index, title="Bourse wallonne", regions=[wallonia], deadline=days(10)
        ),
        "coops": publish_programme(
            programme_index,
            title="Appel coopératives",
            legal_forms=[COOP],
            regions=[wallonia, brussels],
            deadline=days(45),
            dimensions=["infrastructure"],
        ),
        "always": publish_programme(
            programme_index,
            title="Outils libres",
            kind=ProgrammePage.Kind.TOOL,
            legal_forms=[Organisation.LegalForm.ASSOCIATION],
            open_all_year=True,
        ),
        "later": publish_programme(
            programme_index,
            title="Cyber-diagnostic",
            kind=ProgrammePage.Kind.COACHING,
            regions=[brussels],
            opens_on=days(15),
            deadline=days(75),
        ),
        "closed": publish_programme(programme_index, title="Sites accessibles", deadline=days(-20)),
    }


# The tests of `TestFiveProgrammes` read the same five programmes: built once for the class
# (tests/shared.py).
_offer = built_once_per_class(build_offer)


@pytest.fixture
def offer(_offer, db):
    """Five programmes: soon closing, later, all year, not yet open, closed."""
    return _offer.copy()


def test_list_query_count_does_not_grow_with_the_programmes(
    client, programme_index, wallonia, brussels, django_assert_num_queries
):
    publish_programme(programme_index, title="Premier", regions=[wallonia])
    client.get("/soutiens/")
    with django_assert_num_queries(LIST_QUERIES):
        client.get("/soutiens/", {"region": "wallonie"})
    for n in range(8):
        publish_programme(programme_index, title=f"Soutien {n}", regions=[wallonia, brussels])
    client.get("/soutiens/")
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get("/soutiens/", {"region": "wallonie"})
    assert len(titles(response)) == 9


# Site, page tree and view restrictions (6), the filter's region, the count, menu and
# footer, the filters' options (2), the page of programmes, their regions and translations.
LIST_QUERIES = 15
# The same frame, the member's session and organisations, whether they follow it, the
# regions read once for every organisation, its translations, the sheets and stories
# that name it.
PAGE_QUERIES_SIGNED_IN = 19


class TestFiveProgrammes:
    """The list and its filters, a programme's page, what an organisation may apply for,
    following a programme and the deadlines' feed, on five programmes built once for the
    class."""

    def test_the_list_shows_current_calls_by_closing_date_and_the_closed_apart(self, client, offer):
        response = client.get("/soutiens/")
        assert response.status_code == 200
        assert titles(response) == [
            "Bourse wallonne",
            "Appel coopératives",
            "Cyber-diagnostic",
            "Outils libres",
        ]
        html = response.content.decode()
        assert "Clôture proche" in html and "encore 10 jours" in html
        assert "Bientôt ouvert" in html and "Ouvert toute l'année" in html

        closed = client.get("/soutiens/", {"when": "closed"})
        assert titles(closed) == ["Sites accessibles"]

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            # Open to cooperatives: those that name them and those that name no legal form.
            (
                {"legal_form": "cooperative"},
                ["Bourse wallonne", "Appel coopératives", "Cyber-diagnostic"],
            ),
            # In Brussels: those that name it, those that name no region; each once.
            ({"region": "bruxelles"}, ["Appel coopératives", "Cyber-diagnostic", "Outils libres"]),
            ({"kind": "tool"}, ["Outils libres"]),
            ({"dimension": "infrastructure"}, ["Appel coopératives"]),
            (
                {"legal_form": "cooperative", "region": "wallonie"},
                ["Bourse wallonne", "Appel coopératives"],
            ),
        ],
    )
    def test_filters_combine(self, client, offer, query, expected):
        assert titles(client.get("/soutiens/", query)) == expected

    def test_values_not_understood_are_said_and_ignored(self, client, offer):
        response = client.get(
            "/soutiens/", {"region": "atlantide", "size": "géant", "page": "zz", "when": "jadis"}
        )
        assert response.status_code == 200
        assert len(titles(response)) == 4
        errors = dict(response.context["filter_errors"])
        assert set(map(str, errors)) == {"Région", "Taille", "Page", "Appels"}

    def test_programme_page_says_for_whom_and_who_got_it(self, client, offer):
        response = client.get(offer["coops"].url)
        html = response.content.decode()
        assert response.status_code == 200
        assert "<dd>Coopérative</dd>" in html
        assert "Bruxelles, Wallonie</span></dd>" in html  # by the regions' order
        assert PracticeSheetPage._meta.get_field("funded_by").related_model is ProgrammePage

    def test_programme_page_query_count_does_not_grow_with_the_member_s_organisations(
        self, client, offer, django_assert_num_queries
    ):
        member = UserFactory()
        client.force_login(member)
        MembershipFactory(user=member, organisation=OrganisationFactory(), status="active")
        client.get(offer["coops"].url)
        with django_assert_num_queries(PAGE_QUERIES_SIGNED_IN):
            client.get(offer["coops"].url)
        for _n in range(4):
            MembershipFactory(user=member, organisation=OrganisationFactory(), status="active")
        with django_assert_num_queries(PAGE_QUERIES_SIGNED_IN):
            response = client.get(offer["coops"].url)
        assert len(response.context["verdicts"]) == 5

    def test_what_my_organisation_can_apply_for(self, client, offer, wallonia):
        coop = OrganisationFactory(name="Paniers de Famenne", legal_form=COOP, region=wallonia)
        member = UserFactory()
        MembershipFactory(user=member, organisation=coop, status=Membership.Status.ACTIVE)

        assert client.get("/soutiens/pour-mon-organisation/").status_code == 302
        client.force_login(member)
        response = client.get("/soutiens/pour-mon-organisation/")

        (entry,) = response.context["organisations"]
        assert [v.programme.title for v in entry.eligible] == [
            "Bourse wallonne",
            "Appel coopératives",
        ]
        assert [(v.programme.title, v.reasons) for v in entry.not_eligible] == [
            ("Cyber-diagnostic", ["Réservé aux organisations de ces régions : Bruxelles."]),
            (
                "Outils libres",
                ["Réservé aux organisations de forme juridique : ASBL / association."],
            ),
        ]

    def test_following_a_programme_and_hearing_of_its_next_call(
        self, client, offer, mailoutbox, django_capture_on_commit_callbacks
    ):
        programme = offer["closed"]
        member = UserFactory(first_name="Léa", display_name="Léa")
        follow_url = programme.url + "suivre/"

        visitor = client.post(follow_url)
        assert visitor.status_code == 302 and visitor["Location"].startswith("/accounts/login/")

        client.force_login(member)
        assert client.post(follow_url, {"follow": "1"}).status_code == 302
        assert ProgrammeFollow.objects.filter(user=member, programme=programme).count() == 1
        # Calls come in the weekly digest by default; Léa wants them at once.
        notifications.save_preferences(
            user=member, channels={"programme": "instant"}, digest_weekday=0, digest_hour=8
        )

        # The editor publishes the next call: the follower is told once, not at every publication.
        page = ProgrammePage.objects.get(pk=programme.pk)
        page.opens_on, page.deadline = days(5), days(90)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

        (message,) = mailoutbox
        assert message.to == [member.email]
        assert message.subject == "[Relais] Nouvel appel : « Sites accessibles »"
        assert Notification.objects.filter(user=member).count() == 1

        client.post(follow_url, {"follow": "0"})
        assert not ProgrammeFollow.objects.filter(user=member).exists()

    def test_deadlines_feed_has_one_all_day_event_per_call(self, client, offer):
        response = client.get("/soutiens/echeances.ics")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        calendar = icalendar.Calendar.from_ical(response.content)
        found = {str(event["SUMMARY"]): event["DTSTART"].dt for event in calendar.walk("VEVENT")}
        assert found == {
            "Clôture : Bourse wallonne": days(10),
            "Clôture : Appel coopératives": days(45),
            "Clôture : Cyber-diagnostic": days(75),
            "Clôture : Sites accessibles": days(-20),
        }


def test_an_editor_cannot_save_a_call_without_dates_that_make_sense(programme_index):
    page = ProgrammePage(
        title="Sans date",
        summary="x",
        kind="funding",
        provider="x",
        official_url="https://x.example",
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert error.value.message_dict == {
        "deadline": ["Indiquez la date de clôture, ou cochez « ouvert toute l'année »."]
    }
    page.deadline, page.opens_on = days(3), days(10)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert error.value.message_dict == {
        "opens_on": ["L'appel ne peut pas ouvrir après sa date de clôture."]
    }
