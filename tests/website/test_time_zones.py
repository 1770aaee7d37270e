"""The time-zone field: the network's zones first, then every other zone grouped by
region, in the profile and in the announce form of events."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

COMMON = [
    "Europe/Brussels",
    "Europe/Paris",
    "Europe/Luxembourg",
    "Europe/Zurich",
    "America/Toronto",
    "America/Montreal",
]
GROUPS = [
    "Europe",
    "Amériques",
    "Afrique",
    "Asie",
    "Océan Atlantique",
    "Océan Indien",
    "Océan Pacifique",
    "Australie",
    "Antarctique",
    "Arctique",
    "Autres",
]


class Select(HTMLParser):
    """The options of <select name=...>: (group label or None, value, selected)."""

    def __init__(self, html: str, name: str):
        super().__init__(convert_charrefs=True)
        self.name, self.inside, self.group, self.options = name, False, None, []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self.inside = attrs.get("name") == self.name
        elif self.inside and tag == "optgroup":
            self.group = attrs["label"]
        elif self.inside and tag == "option":
            self.options.append((self.group, attrs.get("value"), "selected" in attrs))

    def handle_endtag(self, tag):
        if tag == "optgroup":
            self.group = None
        elif tag == "select":
            self.inside = False


def _groups(options) -> list[str]:
    seen = []
    for group, _value, _selected in options:
        if group and group not in seen:
            seen.append(group)
    return seen


def test_profile_time_zone_common_first_then_grouped_by_region(client):
    person = UserFactory(time_zone="America/Montreal")
    client.force_login(person)

    options = Select(client.get("/moi/profil/").content.decode(), "time_zone").options

    assert [value for group, value, _s in options if group is None] == COMMON
    assert _groups(options) == GROUPS
    assert [value for _g, value, selected in options if selected] == ["America/Montreal"]
    assert ("Asie", "Asia/Tokyo", False) in options
    assert len(options) == len({value for _g, value, _s in options})


def test_profile_keeps_a_zone_outside_the_regions(client):
    person = UserFactory(time_zone="US/Eastern")
    client.force_login(person)

    options = Select(client.get("/moi/profil/").content.decode(), "time_zone").options

    assert [(g, v) for g, v, selected in options if selected] == [("Autres", "US/Eastern")]


def test_announce_time_zone_common_first_then_grouped_by_region(
    client, calendar_page, federation_admin
):
    client.force_login(federation_admin)

    options = Select(client.get("/agenda/annoncer/").content.decode(), "time_zone").options

    assert [value for group, value, _s in options if group is None] == COMMON
    assert _groups(options) == GROUPS
    assert [value for _g, value, selected in options if selected] == ["Europe/Brussels"]
