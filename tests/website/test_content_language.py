"""Language of parts (WCAG 3.1.2): content written in French is marked `lang="fr"` inside an
English or Dutch interface, and left unmarked inside the French one."""

from __future__ import annotations

import pytest
from django.conf import settings

from community.models import Organisation
from tests.shared import built_once_per_class
from tests.website.conftest import build_whole_site

pytestmark = pytest.mark.django_db

# Address → fragments that must carry the content's language in an EN/NL interface.
MARKED = {
    "/pratiques/{sheet}/": [
        '<h1 id="sheet-title" lang="fr">Un cloud pour l&#x27;équipe</h1>',
        '<p class="lead" lang="fr">',
        '<li class="sheet-item" lang="fr">',
        '<div class="prose" lang="fr">',
        '<ul class="sheet-keywords" lang="fr">',
    ],
    "/pratiques/": ['<h3 class="card__title sheet-card__title" lang="fr">'],
    "/agenda/{event}/": ['<h1 id="event-title" lang="fr">Intervision numérique</h1>'],
    "/agenda/": ['<h3 class="event-item__title" id="ev-'],
    "/organisations/{organisation}/": [
        '<p class="pre-line" lang="fr">Une association qui répare et revend.</p>',
        ' lang="fr">Intervision numérique</a>',
        ' lang="fr">Un cloud pour l&#x27;équipe</a>',
    ],
    "/outils/{tool}/": ['<h3 class="card__title" lang="fr">'],
    "/agenda/widget/": ['<span class="widget__event" lang="fr">Intervision numérique</span>'],
    "/organisations/": ['<p class="org-card__text" lang="fr">'],
    "/salons/": ['<p class="muted" lang="fr">Outils pour les équipes bénévoles.</p>'],
    "/salons/{room}/": [
        'data-content-lang="fr"',
        '<p class="lead" lang="fr">Outils pour les équipes bénévoles.</p>',
        '<div class="msg-body" lang="fr"><p>Bonjour</p></div>',
    ],
}


def _page(client, address, names, lang):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    response = client.get(address.format(**names))
    assert response.status_code == 200
    return response.content.decode()


# The pages' content, built once for the class's tests (tests/shared.py).
_whole_site = built_once_per_class(build_whole_site)


@pytest.fixture
def whole_site(_whole_site, db):
    return _whole_site.copy()


class TestContentOfTheWholeSite:
    """Every address that shows content people wrote, in the three interfaces."""

    @pytest.mark.parametrize("lang", ["en", "nl"])
    @pytest.mark.parametrize("address", list(MARKED))
    def test_french_content_is_marked_in_another_interface(self, client, whole_site, lang, address):
        member, names = whole_site
        Organisation.objects.filter(slug=names["organisation"]).update(
            description="Une association qui répare et revend."
        )
        client.force_login(member)

        body = _page(client, address, names, lang)

        assert f'<html lang="{lang}">' in body
        missing = [fragment for fragment in MARKED[address] if fragment not in body]
        assert missing == []
        if address == "/agenda/":
            assert (
                '<h3 class="event-item__title" id="ev-' in body and '" lang="fr"><a href=' in body
            )

    @pytest.mark.parametrize("address", list(MARKED))
    def test_french_content_is_not_marked_again_in_the_french_interface(
        self, client, whole_site, address
    ):
        member, names = whole_site
        client.force_login(member)

        body = _page(client, address, names, "fr")

        # The page's own language says it already: none of the marks above.
        marked = [f for f in MARKED[address] if 'lang="fr"' in f and f in body]
        assert marked == []
        # Besides the page's own language, only the language switcher's "FR" choice.
        assert body.count(' lang="fr"') == 1 + body.count('value="fr" lang="fr"')


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_menu_and_footer_written_by_editors_are_marked_french(client, site_settings, lang):
    """The menu links and footer text editors write in the admin are content too."""
    navigation, footer = site_settings
    navigation.links = [("link", {"label": "Pratiques", "url": "/pratiques/", "page": None})]
    navigation.save()
    footer.text = "<p>Le réseau de l'économie sociale.</p>"
    footer.links = [("link", {"label": "Mentions légales", "url": "/mentions/", "page": None})]
    footer.save()

    body = _page(client, "/organisations/", {}, lang)

    assert '<a href="/pratiques/" lang="fr">Pratiques</a>' in body
    assert '<a href="/mentions/" lang="fr">Mentions légales</a>' in body
    assert '<div lang="fr"><p>Le réseau de l\'économie sociale.</p></div>' in body
