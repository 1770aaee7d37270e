"""Translations of issue 9's outbound strings (feeds, calendar files, emails): same shape
and style as translations.py."""

# ruff: noqa: E501 (a msgid stays on one line, so it can be found with grep)

T = {
    "En ligne : le lien de connexion est donné aux personnes qui ont une place.": (
        "Online: the connection link is given to the people who have a place.",
        "Online: de verbindingslink krijgen de mensen die een plaats hebben.",
    ),
    "Date annulée : %(title)s": (
        ("Date cancelled: %(title)s", "Dates cancelled: %(title)s"),
        ("Datum geannuleerd: %(title)s", "Data geannuleerd: %(title)s"),
    ),
    "Cette date de « %(title)s » est annulée :": (
        (
            "This date of “%(title)s” is cancelled:",
            "These dates of “%(title)s” are cancelled:",
        ),
        (
            "Deze datum van ‘%(title)s’ is geannuleerd:",
            "Deze data van ‘%(title)s’ zijn geannuleerd:",
        ),
    ),
    "Les autres dates ne changent pas : votre inscription vaut toujours pour elles.": (
        "The other dates do not change: your registration still holds for them.",
        "De andere data veranderen niet: je inschrijving blijft daarvoor gelden.",
    ),
    "Le fichier joint (.ics) met votre agenda à jour.": (
        "The attached file (.ics) updates your calendar.",
        "Het bijgevoegde bestand (.ics) werkt je agenda bij.",
    ),
    "%(author)s vous a écrit un message privé.": (
        "%(author)s sent you a private message.",
        "%(author)s heeft je een privébericht gestuurd.",
    ),
    "Un message vous attend sur Relais": (
        (
            "A message is waiting for you on Relais",
            "%(counter)s messages are waiting for you on Relais",
        ),
        (
            "Er wacht een bericht op je op Relais",
            "Er wachten %(counter)s berichten op je op Relais",
        ),
    ),
    "Un message vous est adressé depuis votre dernier passage :": (
        (
            "A message was addressed to you since your last visit:",
            "%(counter)s messages were addressed to you since your last visit:",
        ),
        (
            "Sinds je laatste bezoek is er een bericht voor jou:",
            "Sinds je laatste bezoek zijn er %(counter)s berichten voor jou:",
        ),
    ),
    "%(author)s, en message privé :": (
        "%(author)s, in a private message:",
        "%(author)s, in een privébericht:",
    ),
    "L'heure, la date ou le lieu de « %(title)s » ont changé. Voici ce qui vaut désormais.": (
        "The time, date or place of “%(title)s” has changed. Here is what now applies.",
        "Het uur, de datum of de plaats van ‘%(title)s’ is gewijzigd. Dit geldt nu.",
    ),
}
