"""What Relais tells other sites and search engines about a page, besides the page itself:
schema.org descriptions (JSON-LD data blocks) and the Open Graph locale.

Each app builds its pages' JSON-LD in Python (`events/reading.py`, `practices/reading.py`,
`stories/reading.py`, `programmes/reading.py`, `organisation_json_ld` below), with every
address on the public base URL (`community.public`); `script_data` writes it into the
page, where no text of a member or an editor can close the element."""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

from .public import absolute_url

# The characters that could end a <script> element or open a comment inside it, escaped
# as JSON unicode escapes (the same set as Django's `json_script`).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

# Open Graph wants a language and a territory: the network lives in Belgium; English
# has no Belgian locale that sharing sites know, hence British English.
OG_LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "en": "en_GB"}

PUBLISHER = {"@type": "Organization", "name": "Relais"}


def script_data(value) -> SafeString:
    """A JSON-LD data block. It is data, not script: the CSP's script-src does not apply,
    and the escaping keeps any text in it from closing the element."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308  # nosec B308 B703


def og_locale(language: str) -> str:
    code = (language or "").split("-")[0]
    return OG_LOCALES.get(code, OG_LOCALES["fr"])


def publisher() -> dict:
    """Relais, publisher of what its editors and members write."""
    return {**PUBLISHER, "url": absolute_url("/")}


def organisation_json_ld(organisation) -> dict:
    """schema.org Organization of a profile (its region read with it: `select_related`)."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
        "url": absolute_url(organisation.get_absolute_url()),
    }
    if organisation.description:
        data["description"] = organisation.description
    address = {}
    if organisation.city:
        address["addressLocality"] = organisation.city
    if organisation.region:
        address["addressRegion"] = organisation.region.label
    if address:
        data["address"] = {"@type": "PostalAddress", **address}
    if organisation.logo:
        data["logo"] = absolute_url(organisation.logo.url)
    if organisation.website:
        data["sameAs"] = [organisation.website]
    return data
