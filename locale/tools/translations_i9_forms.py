"""English and Dutch translations of the msgids added for issue 9 (forms and what members
write). Same shape and style as translations.py."""

# ruff: noqa: E501 (a msgid stays on one line, so it can be found with grep)

T = {
    "Date de fin": ("End date", "Einddatum"),
    "Vide : le même jour. Pour un évènement sur plusieurs jours.": (
        "Empty: the same day. For an event over several days.",
        "Leeg: dezelfde dag. Voor een evenement over meerdere dagen.",
    ),
    "Choisissez une date entre %(first)s et %(last)s.": (
        "Please choose a date between %(first)s and %(last)s.",
        "Kies een datum tussen %(first)s en %(last)s.",
    ),
    "Un évènement dure au plus %(days)s jours. Pour des dates régulières, utilisez la répétition.": (
        "An event lasts at most %(days)s days. For regular dates, please use the repetition.",
        "Een evenement duurt hoogstens %(days)s dagen. Gebruik de herhaling voor regelmatige data.",
    ),
    "%(time)s n'existe pas le %(date)s : les horloges avancent d'une heure (passage à l'heure d'été). Choisissez par exemple %(later)s.": (
        "%(time)s does not exist on %(date)s: clocks go forward one hour (summer time begins). Please choose, for example, %(later)s.",
        "%(time)s bestaat niet op %(date)s: de klok gaat een uur vooruit (zomertijd). Kies bijvoorbeeld %(later)s.",
    ),
    "publié": ("published", "gepubliceerd"),
    "Un outil proposé par un membre n'est public qu'une fois publié par l'équipe éditoriale (en publiant sa fiche, ou ici).": (
        "A tool proposed by a member is public only once the editorial team publishes it (by publishing its sheet, or here).",
        "Een tool die een lid voorstelt, is pas openbaar als de redactie hem publiceert (door zijn fiche te publiceren, of hier).",
    ),
    "proposé par": ("proposed by", "voorgesteld door"),
    "proposé au nom de": ("proposed on behalf of", "voorgesteld namens"),
    "Site web proposé (à vérifier avant publication) :": (
        "Proposed website (check it before publishing):",
        "Voorgestelde website (controleer hem vóór publicatie):",
    ),
    "Outil proposé par %(organisation)s. L'équipe éditoriale complétera sa présentation.": (
        "Tool proposed by %(organisation)s. The editorial team will complete its description.",
        "Tool voorgesteld door %(organisation)s. De redactie vult zijn beschrijving aan.",
    ),
    "Proposé par %(organisation)s": (
        "Proposed by %(organisation)s",
        "Voorgesteld door %(organisation)s",
    ),
    "Montréal (America/Montreal)": ("Montreal (America/Montreal)", "Montreal (America/Montreal)"),
    "Europe": ("Europe", "Europa"),
    "Amériques": ("Americas", "Amerika"),
    "Afrique": ("Africa", "Afrika"),
    "Asie": ("Asia", "Azië"),
    "Océan Atlantique": ("Atlantic Ocean", "Atlantische Oceaan"),
    "Océan Indien": ("Indian Ocean", "Indische Oceaan"),
    "Océan Pacifique": ("Pacific Ocean", "Stille Oceaan"),
    "Australie": ("Australia", "Australië"),
    "Antarctique": ("Antarctica", "Antarctica"),
    "Arctique": ("Arctic", "Noordpoolgebied"),
    "Autres": ("Others", "Andere"),
    "Rien n'a changé : l'évènement reste tel quel.": (
        "Nothing changed: the event stays as it is.",
        "Er is niets veranderd: het evenement blijft zoals het is.",
    ),
}
