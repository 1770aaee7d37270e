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
}
