"""The well-known formats a facilitator chooses from. Each step has a title, what the
group does in it, and a duration the facilitator may change before the session."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Step:
    title: Promise
    guidance: Promise
    minutes: int


@dataclass(frozen=True)
class Protocol:
    name: Promise
    description: Promise
    steps: tuple[Step, ...]


PROTOCOLS: dict[str, Protocol] = {
    "case": Protocol(
        _("Consultation de cas"),
        _(
            "Une personne apporte une situation ; le groupe la comprend, puis la conseille "
            "pendant qu'elle écoute sans répondre."
        ),
        (
            Step(
                _("Présentation du cas"),
                _("La personne qui apporte le cas le raconte ; les autres écoutent."),
                10,
            ),
            Step(
                _("Questions de clarification"),
                _("Des questions pour comprendre, pas encore de conseils."),
                10,
            ),
            Step(
                _("Conseils des pairs"),
                _("Chacun·e conseille ; la personne qui apporte le cas écoute sans répondre."),
                20,
            ),
            Step(
                _("Ce que je retiens"),
                _("La personne qui apporte le cas dit ce qu'elle emporte."),
                10,
            ),
            Step(
                _("Récolte"),
                _("Le groupe garde trois éléments par partie de la fiche."),
                10,
            ),
        ),
    ),
    "harvest": Protocol(
        _("Récolte libre"),
        _("Un tour de table, puis le groupe remplit ensemble les parties de la fiche."),
        (
            Step(_("Tour de table"), _("Chacun·e dit où en est son projet numérique."), 10),
            Step(
                _("Récolte libre"),
                _("Proposez des éléments dans chaque partie ; soutenez ceux des autres."),
                30,
            ),
            Step(_("Choix des trois"), _("L'animation garde trois éléments par partie."), 10),
        ),
    ),
    "codev": Protocol(
        _("Codéveloppement"),
        _(
            "La méthode de Payette et Champagne, resserrée : un sujet, des questions, des "
            "pistes, un plan d'action et ce que chacun·e apprend."
        ),
        (
            Step(_("Exposé du sujet"), _("Le ou la client·e expose son sujet."), 10),
            Step(_("Questions"), _("Le groupe pose des questions d'information."), 10),
            Step(_("Contrat"), _("Le ou la client·e dit ce qu'il ou elle attend du groupe."), 5),
            Step(_("Pistes"), _("Le groupe propose des pistes, idées et expériences."), 20),
            Step(_("Plan d'action"), _("Le ou la client·e dit ce qu'il ou elle va faire."), 10),
            Step(_("Apprentissages"), _("Chacun·e dit ce qu'il ou elle retient."), 10),
        ),
    ),
}
