"""What a programme's page shows beyond its fields: the calls' state, whether the reader
follows it, whether each of their organisations can apply (and why not), and who got it
("who got it, and what they did with it": the live sheets that name it), and the
schema.org description of it (JSON-LD)."""

from __future__ import annotations

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import translation as translations
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from community.public import absolute_url
from community.translations import reader_language

from .eligibility import member_organisations, reasons
from .models import ProgrammePage
from .services import is_following

# The criteria of the eligibility text, each with what it says when it has none.
CRITERIA = [
    ("legal_forms", gettext_noop("Formes juridiques"), gettext_noop("Toutes")),
    ("organisation_kinds", gettext_noop("Types d'organisation"), gettext_noop("Tous")),
    ("sizes", gettext_noop("Tailles"), gettext_noop("Toutes")),
]


def eligibility(programme) -> str:
    """Whom it is for, in the active language: « Formes juridiques : Coopérative. Types
    d'organisation : Tous. Tailles : Toutes. » (the regions are `areaServed`)."""
    parts = []
    for field, label, none in CRITERIA:
        values = ", ".join(programme.labels(field)) or _(none)
        parts.append(_("%(criterion)s : %(values)s") % {"criterion": _(label), "values": values})
    return ". ".join(parts) + "."


def json_ld(request, programme, *, translation) -> dict:
    """schema.org description of a programme as this reader gets it: a Service (who offers
    it, where, for whom, until when), and a Grant as well when it is funding. Not a
    GovernmentService: providers are agencies, foundations, federations and networks
    alike. Its words are in one language, the text's (`inLanguage`)."""
    language = translation.language if translation else settings.LANGUAGE_CODE
    shown = translation or programme
    amount = (translation.amount if translation else "") or programme.amount
    with translations.override(language):
        provider = {"@type": "Organization", "name": programme.provider}
        areas = [{"@type": "AdministrativeArea", "name": r.label} for r in programme.regions.all()]
        funding = programme.kind == ProgrammePage.Kind.FUNDING
        data: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": ["Service", "Grant"] if funding else "Service",
            "name": shown.title,
            "description": shown.summary,
            "url": absolute_url(programme.get_url(request)),
            "inLanguage": language,
            "serviceType": programme.kind_label,
            "provider": provider,
            "audience": {"@type": "BusinessAudience", "audienceType": eligibility(programme)},
        }
        if funding:
            data["funder"] = provider
        if areas:
            data["areaServed"] = areas
        offer: dict[str, object] = {"@type": "Offer", "url": programme.official_url}
        if areas:
            offer["eligibleRegion"] = areas
        if programme.open_all_year:
            # No closing date: said in words, as the page's call line says it.
            offer["description"] = " · ".join(filter(None, [_("Ouvert toute l'année"), amount]))
        else:
            if programme.opens_on:
                offer["availabilityStarts"] = programme.opens_on.isoformat()
            if programme.deadline:
                offer["availabilityEnds"] = programme.deadline.isoformat()
            if amount:
                offer["description"] = amount
        data["offers"] = offer
    return data


def programme_context(request, *, programme) -> dict:
    user = request.user
    today = programme.today()
    prefetch_related_objects([programme], "regions")  # read once for every organisation
    verdicts = [
        (organisation, reasons(programme, organisation, today))
        for organisation in member_organisations(user)
    ]
    # The reverse relation of the sheets' `funded_by` (practices): read through the
    # relation, not the app, which sits above this one.
    funded = getattr(programme, "funded_sheets", None)
    sheets = (
        list(funded.live().select_related("organisation").order_by("-first_published_at")[:12])
        if funded is not None
        else []
    )
    # The same for the stories that name it (stories sit above this app too).
    told = getattr(programme, "stories", None)
    stories = list(told.live().order_by("-first_published_at")[:6]) if told is not None else []
    # In the reader's language if an editor translated it, else None: the French.
    translation = programme.in_reader_language()
    return {
        "translation": translation,
        "reader_language": reader_language(),
        "content_language": translation.language if translation else settings.LANGUAGE_CODE,
        "json_ld": json_ld(request, programme, translation=translation),
        "funded_stories": stories,
        "verdicts": verdicts,
        "following": is_following(user, programme),
        "funded_sheets": sheets,
    }
