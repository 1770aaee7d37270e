"""The time-zone choice people see: the zones of the network first (Belgium, France,
Luxembourg, Switzerland, Québec), then every other zone grouped by region (`<optgroup>`),
instead of one raw list of six hundred IANA names."""

from __future__ import annotations

import zoneinfo
from functools import cache

from django.utils.translation import gettext_lazy as _

COMMON = [
    ("Europe/Brussels", _("Belgique (Europe/Brussels)")),
    ("Europe/Paris", _("France (Europe/Paris)")),
    ("Europe/Luxembourg", _("Luxembourg (Europe/Luxembourg)")),
    ("Europe/Zurich", _("Suisse (Europe/Zurich)")),
    ("America/Toronto", _("Québec (America/Toronto)")),
    ("America/Montreal", _("Montréal (America/Montreal)")),
]
REGIONS = {
    "Europe": _("Europe"),
    "America": _("Amériques"),
    "Africa": _("Afrique"),
    "Asia": _("Asie"),
    "Atlantic": _("Océan Atlantique"),
    "Indian": _("Océan Indien"),
    "Pacific": _("Océan Pacifique"),
    "Australia": _("Australie"),
    "Antarctica": _("Antarctique"),
    "Arctic": _("Arctique"),
}


def _label(name: str) -> str:
    """ "America/Argentina/Buenos_Aires" → "Argentina / Buenos Aires"."""
    return name.split("/", 1)[1].replace("_", " ").replace("/", " / ")


@cache
def time_zone_choices() -> list:
    """Django choices: the common zones, then (region, [(zone, label)…]) groups; the
    names outside a region (US/Eastern, Etc/GMT+1…) last, so a stored one stays valid."""
    common = {name for name, _label in COMMON}
    groups: dict[str, list] = {region: [] for region in REGIONS}
    others = []
    for name in sorted(zoneinfo.available_timezones()):
        if (
            name in common
            or "/" not in name
            or name.startswith("posix/")
            or name.startswith("right/")
        ):
            continue
        region = name.split("/", 1)[0]
        if region in groups:
            groups[region].append((name, _label(name)))
        else:
            others.append((name, name))
    return [
        *COMMON,
        *[(REGIONS[region], zones) for region, zones in groups.items() if zones],
        (_("Autres"), others),
    ]
