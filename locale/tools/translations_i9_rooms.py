# ruff: noqa: E501
"""English and Dutch translations of issue 9's room changes (the room list's sections,
the per-room moderation page, mentions); merged into translations.T by
apply_translations.py. Same shape, style and terminology as translations_rooms.py.
"""

T = {
    # /salons/
    "Mes conversations": ("My conversations", "Mijn gesprekken"),
    "Fiches et évènements que je suis": (
        "Sheets and events I follow",
        "Fiches en evenementen die ik volg",
    ),
    "Pour écrire à quelqu'un, ouvrez son profil depuis la page de son organisation et choisissez « Écrire un message ».": (
        "To write to someone, open their profile from their organisation's page and choose “Write a message”.",
        "Om iemand te schrijven, open je zijn of haar profiel via de pagina van de organisatie en kies je ‘Een bericht schrijven’.",
    ),
    "Rejoignez une organisation pour retrouver son salon ici.": (
        "Join an organisation to find its room here.",
        "Word lid van een organisatie om haar ruimte hier terug te vinden.",
    ),
    'Chaque fiche et chaque évènement a sa discussion, au bas de sa page. Vous trouvez ici celles que vous suivez : vous y avez écrit ou lu, la fiche est dans vos favoris ou vous êtes inscrit·e à l\'évènement. Celles des évènements passés ou annulés n\'y figurent plus. Voir les <a href="/pratiques/">fiches pratiques</a> et <a href="/agenda/">l\'agenda</a>.': (
        'Every sheet and every event has its discussion at the bottom of its page. Here are the ones you follow: you wrote or read there, the sheet is in your bookmarks or you are registered for the event. Those of past or cancelled events are no longer listed. See the <a href="/pratiques/">practice sheets</a> and <a href="/agenda/">the calendar</a>.',
        'Elke fiche en elk evenement heeft een eigen bespreking, onderaan de pagina. Hier vind je de besprekingen die je volgt: je hebt er geschreven of gelezen, de fiche staat bij je favorieten of je bent ingeschreven voor het evenement. Die van voorbije of geannuleerde evenementen staan hier niet meer. Bekijk de <a href="/pratiques/">praktijkfiches</a> en <a href="/agenda/">de agenda</a>.',
    ),
    # per-room moderation page
    "Modération de « %(room)s »": ("Moderation of “%(room)s”", "Moderatie van ‘%(room)s’"),
    "Modération de ce salon": ("Moderation of this room", "Moderatie van deze ruimte"),
    "Cette personne n'existe pas ou ne peut pas être sanctionnée.": (
        "This person does not exist or cannot be sanctioned.",
        "Deze persoon bestaat niet of kan geen maatregel krijgen.",
    ),
    "Mesures déjà en cours pour cette personne : voir la liste ci-dessous.": (
        "Measures already in force for this person: see the list below.",
        "Maatregelen die al gelden voor deze persoon: zie de lijst hieronder.",
    ),
    "Quelle mesure ?": ("Which measure?", "Welke maatregel?"),
    "La personne lit le salon mais ne peut plus y écrire pendant 24 heures.": (
        "The person can read the room but cannot write in it for 24 hours.",
        "De persoon kan de ruimte lezen, maar er 24 uur lang niet in schrijven.",
    ),
    "La personne ne peut plus lire ni écrire dans ce salon, jusqu'à ce que la mesure soit levée.": (
        "The person can no longer read or write in this room until the measure is lifted.",
        "De persoon kan deze ruimte niet meer lezen of erin schrijven tot de maatregel wordt opgeheven.",
    ),
    "En cas d'exclusion, masquer aussi tous ses messages dans ce salon": (
        "When banning, also hide all their messages in this room",
        "Bij uitsluiting ook al zijn of haar berichten in deze ruimte verbergen",
    ),
    "Motif (gardé au journal de modération)": (
        "Reason (kept in the moderation log)",
        "Reden (bewaard in het moderatielogboek)",
    ),
    "Appliquer la mesure": ("Apply the measure", "De maatregel toepassen"),
    "Aucune mesure en cours dans ce salon.": (
        "No measure in force in this room.",
        "Geen lopende maatregelen in deze ruimte.",
    ),
    "Rien au journal pour l'instant.": (
        "Nothing in the log yet.",
        "Nog niets in het logboek.",
    ),
    # mentions in the composer
    "Markdown simple : **gras**, *italique*, `code`, [lien](https://…). Mentionnez quelqu'un avec @Prénom ou @[Prénom Nom].": (
        "Simple Markdown: **bold**, *italic*, `code`, [link](https://…). Mention someone with @FirstName or @[First Last].",
        "Eenvoudige Markdown: **vet**, *cursief*, `code`, [link](https://…). Vermeld iemand met @Voornaam of @[Voornaam Achternaam].",
    ),
    "Personnes à mentionner": ("People to mention", "Te vermelden personen"),
    "Une suggestion : %(name)s. Entrée pour l'insérer, Échap pour fermer.": (
        "One suggestion: %(name)s. Enter to insert it, Escape to close.",
        "Eén suggestie: %(name)s. Enter om in te voegen, Escape om te sluiten.",
    ),
    "%(count)s suggestions : flèches haut et bas pour choisir, Entrée pour insérer, Échap pour fermer.": (
        "%(count)s suggestions: up and down arrows to choose, Enter to insert, Escape to close.",
        "%(count)s suggesties: pijltjes omhoog en omlaag om te kiezen, Enter om in te voegen, Escape om te sluiten.",
    ),
    "%(name)s est mentionné·e.": ("%(name)s is mentioned.", "%(name)s is vermeld."),
}
