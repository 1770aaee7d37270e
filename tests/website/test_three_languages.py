"""Content in the reader's language (issue 12, point 3): with `Accept-Language: nl`, the
menu, the footer, the home page, the themes and a translated story or programme are in
Dutch; what has no translation is shown in French, marked `lang="fr"`, with a note."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from programmes.models import ProgrammeIndexPage, ProgrammeTranslation
from stories.models import StoryIndexPage, StoryTranslation
from tests.factories import ThemeFactory
from tests.practices.conftest import build_home_page
from tests.programmes.conftest import publish_programme
from tests.shared import built_once_per_module
from tests.stories.conftest import publish_story
from website.models import FooterSettings, HomePage, NavigationSettings

pytestmark = pytest.mark.django_db

NL = {"HTTP_ACCEPT_LANGUAGE": "nl"}


def build_network():
    """A menu, a footer and a home page with their Dutch, a translated story and one only in
    French, a translated programme and one only in French."""
    home_page = build_home_page()
    site = Site.objects.get(is_default_site=True)
    navigation = NavigationSettings.for_site(site)
    navigation.links = [
        {"type": "link", "value": {"label": "Récits", "label_nl": "Verhalen", "url": "/recits/"}},
        {"type": "link", "value": {"label": "Charte", "url": "/charte/"}},
    ]
    navigation.save()
    footer = FooterSettings.for_site(site)
    footer.text, footer.text_nl = "<p>Le réseau.</p>", "<p>Het netwerk.</p>"
    footer.save()
    home = HomePage.objects.get(pk=home_page.pk)
    home.headline, home.headline_nl = "Échanger entre pairs", "Leren van elkaar"
    home.intro = "Une accroche sans traduction."
    home.save_revision().publish()

    theme = ThemeFactory(name="Logiciels libres", name_nl="Vrije software", slug="libres")
    untranslated = ThemeFactory(name="Cybersécurité", slug="cyber")
    index = home_page.add_child(instance=StoryIndexPage(title="Récits", slug="recits"))
    translated = publish_story(index, title="Un serveur partagé", themes=[theme, untranslated])
    story = translated.get_latest_revision_as_object()
    story.translations = [
        StoryTranslation(
            language="nl",
            title="Een gedeelde server",
            lead="Drie coöperaties, één server.",
            body=[{"type": "paragraph", "value": "<p>Zo deden ze het.</p>"}],
        )
    ]
    story.save_revision().publish()
    french_only = publish_story(index, title="Une crèche en règle", themes=[theme])

    support = home_page.add_child(instance=ProgrammeIndexPage(title="Soutiens", slug="soutiens"))
    programme = publish_programme(support, title="Chèque coaching", amount="80 % de 5 000 €")
    publish_programme(support, title="Outils libres", amount="gratuit")
    page = programme.get_latest_revision_as_object()
    page.translations = [
        ProgrammeTranslation(
            language="nl",
            title="Coachingcheque",
            summary="Tien halve dagen begeleiding.",
            description="<p>Een coach helpt.</p>",
            how_to_apply="<p>Online formulier.</p>",
            amount="80 % van 5.000 €",
        )
    ]
    page.save_revision().publish()
    return translated, french_only, programme


# Every test of the module reads the same network: built once (tests/shared.py).
_network = built_once_per_module(build_network)


@pytest.fixture
def network(_network, db):
    return _network.copy()


def test_menu_footer_and_home_page_in_dutch_and_what_is_not_translated_marked(client, network):
    html = client.get("/", **NL).content.decode()

    assert '<html lang="nl">' in html
    assert '<a href="/recits/">Verhalen</a>' in html
    assert '<a href="/charte/" lang="fr">Charte</a>' in html
    assert "<div><p>Het netwerk.</p></div>" in html
    assert "<h1>Leren van elkaar</h1>" in html
    assert '<p class="hero__intro" lang="fr">Une accroche sans traduction.</p>' in html


def test_a_translated_story_and_its_themes_in_dutch(client, network):
    translated, _french_only, _programme = network
    html = client.get(translated.url, **NL).content.decode()

    assert "<h1>Een gedeelde server</h1>" in html
    assert '<p class="lead">Drie coöperaties, één server.</p>' in html
    assert "Zo deden ze het." in html and "Trente-deux" not in html
    assert "pas encore traduit" not in html and "nog niet in uw taal" not in html

    listing = client.get("/recits/", **NL).content.decode()
    assert '<a href="/recits/un-serveur-partage/">Een gedeelde server</a>' in listing
    assert "<li>Vrije software</li>" in listing
    assert '<li><span lang="fr">Cybersécurité</span></li>' in listing
    assert '<option value="libres">Vrije software</option>' in listing


def test_an_untranslated_story_is_shown_in_french_marked_with_a_note(client, network):
    _translated, french_only, _programme = network
    html = client.get(french_only.url, **NL).content.decode()

    assert '<h1 lang="fr">Une crèche en règle</h1>' in html
    assert '<div class="story__body" lang="fr">' in html
    assert (
        '<p class="note">Dit verhaal is nog niet in uw taal vertaald: hier is het in het Frans.</p>'
    ) in html


def test_a_translated_programme_in_dutch_the_same_in_french(client, network):
    _translated, _french_only, programme = network
    dutch = client.get(programme.url, **NL).content.decode()
    french = client.get(programme.url).content.decode()

    assert "<h1>Coachingcheque</h1>" in dutch and "Een coach helpt." in dutch
    assert "<h1>Chèque coaching</h1>" in french and "Een coach helpt." not in french
    assert '<span class="programme-call__amount">· 80 % van 5.000 €</span>' in dutch
    listing = client.get("/soutiens/", **NL).content.decode()
    assert '<span class="programme-call__amount">· 80 % van 5.000 €</span>' in listing
    assert '<span class="programme-call__amount" lang="fr">· gratuit</span>' in listing
