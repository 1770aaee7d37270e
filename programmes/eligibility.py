"""Which programmes an organisation can apply for, and why not the others.

Each criterion a programme sets (regions, legal forms, kinds and sizes of organisation)
is compared with the organisation's profile; an empty criterion admits everyone. A
criterion the profile does not answer (no region, no size given) counts as not met, with
a reason that says what to fill in. A closed call is never "eligible"."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F, Q
from django.utils.translation import gettext as _

from community.models import Membership, Organisation

from .models import CallStatus, ProgrammePage


@dataclass
class Verdict:
    programme: ProgrammePage
    reasons: list[str] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return not self.reasons


@dataclass
class OrganisationVerdicts:
    organisation: Organisation
    eligible: list[Verdict]
    not_eligible: list[Verdict]


def _listed(values: list[str]) -> str:
    return ", ".join(values)


def reasons(programme: ProgrammePage, organisation: Organisation, today=None) -> list[str]:
    """Why `organisation` cannot apply to `programme` now (empty: it can). The programme's
    regions are read from `programme.regions.all()` (prefetch them for a list)."""
    found = []
    if programme.status(today) == CallStatus.CLOSED:
        found.append(
            _("L'appel est clos depuis le %(date)s.")
            % {"date": programme.deadline.strftime("%d/%m/%Y")}
        )
    if programme.organisation_kinds and organisation.kind not in programme.organisation_kinds:
        found.append(
            _("Réservé aux organisations de type : %(list)s.")
            % {"list": _listed(programme.labels("organisation_kinds"))}
        )
    if programme.legal_forms and organisation.legal_form not in programme.legal_forms:
        found.append(
            _("Réservé aux organisations de forme juridique : %(list)s.")
            % {"list": _listed(programme.labels("legal_forms"))}
        )
    regions = list(programme.regions.all())
    if regions and organisation.region_id not in {region.pk for region in regions}:
        names = _listed([region.label for region in regions])
        if organisation.region_id is None:
            found.append(
                _(
                    "Réservé aux organisations de ces régions : %(list)s. La région de votre "
                    "organisation n'est pas renseignée dans son profil."
                )
                % {"list": names}
            )
        else:
            found.append(
                _("Réservé aux organisations de ces régions : %(list)s.") % {"list": names}
            )
    if programme.sizes and organisation.staff_size not in programme.sizes:
        sizes = _listed(programme.labels("sizes"))
        if not organisation.staff_size:
            found.append(
                _(
                    "Réservé aux organisations de taille : %(list)s. La taille de votre "
                    "organisation n'est pas renseignée dans son profil."
                )
                % {"list": sizes}
            )
        else:
            found.append(_("Réservé aux organisations de taille : %(list)s.") % {"list": sizes})
    return found


def member_organisations(user) -> list[Organisation]:
    """The organisations `user` is an active member of, by name."""
    if not user.is_authenticated:
        return []
    ids = Membership.objects.of_user(user).active().values("organisation")
    return list(Organisation.objects.filter(pk__in=ids).select_related("region").order_by("name"))


def current_programmes():
    """Live programmes whose call is not over, by closing date (open all year last)."""
    today = ProgrammePage.today()
    return (
        ProgrammePage.objects.live()
        .filter(Q(open_all_year=True) | Q(deadline__gte=today))
        .prefetch_related("regions", "translations")
        .order_by(F("deadline").asc(nulls_last=True), "title")
    )


def for_member(user) -> list[OrganisationVerdicts]:
    """For each of the member's organisations: the programmes it can apply for, and the
    others with their reasons. Four queries whatever the numbers."""
    organisations = member_organisations(user)
    if not organisations:
        return []
    programmes = list(current_programmes())
    today = ProgrammePage.today()
    result = []
    for organisation in organisations:
        verdicts = [Verdict(p, reasons(p, organisation, today)) for p in programmes]
        result.append(
            OrganisationVerdicts(
                organisation,
                eligible=[v for v in verdicts if v.eligible],
                not_eligible=[v for v in verdicts if not v.eligible],
            )
        )
    return result
