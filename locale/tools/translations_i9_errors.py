"""English and Dutch translations of issue 9's messages: error pages, refusals, robots.

Same shape and style as translations.py (read its docstring)."""

# ruff: noqa: E501 (a msgid stays on one line, so it can be found with grep)

T = {
    "Demande incomprise": ("Request not understood", "Verzoek niet begrepen"),
    "Nous n'avons pas pu lire cette demande. L'adresse ou le formulaire contient peut-être une valeur inattendue : vérifiez-la, ou repartez de l'accueil.": (
        "We could not read this request. The address or the form may contain an unexpected value: please check it, or start again from the home page.",
        "We konden dit verzoek niet lezen. Het adres of het formulier bevat misschien een onverwachte waarde: controleer het, of begin opnieuw vanaf de startpagina.",
    ),
    "Formulaire expiré": ("Form expired", "Formulier verlopen"),
    "Par sécurité, ce formulaire n'a pas été accepté : la page était peut-être ouverte depuis longtemps, ou votre navigateur bloque les cookies de Relais.": (
        "For your security, this form was not accepted: the page may have been open for a long time, or your browser blocks Relais's cookies.",
        "Voor je veiligheid werd dit formulier niet aanvaard: de pagina stond misschien al lang open, of je browser blokkeert de cookies van Relais.",
    ),
    "Revenez à la page précédente, rechargez-la, puis envoyez à nouveau le formulaire. Si cela se reproduit, autorisez les cookies pour ce site.": (
        "Go back to the previous page, reload it, then send the form again. If it happens again, please allow cookies for this site.",
        "Ga terug naar de vorige pagina, laad ze opnieuw en verstuur het formulier nog eens. Gebeurt het opnieuw, sta dan cookies toe voor deze site.",
    ),
    "Vous n'avez pas les droits nécessaires pour voir cette page ou faire cette action.": (
        "You do not have the rights needed to see this page or do this.",
        "Je hebt niet de nodige rechten om deze pagina te zien of dit te doen.",
    ),
    "Une erreur est survenue": ("Something went wrong", "Er is een fout opgetreden"),
    "Nous sommes désolés : la page n'a pas pu s'afficher. L'équipe est prévenue. Réessayez dans un instant.": (
        "We are sorry: the page could not be shown. The team has been told. Please try again in a moment.",
        "Het spijt ons: de pagina kon niet worden getoond. Het team is verwittigd. Probeer het zo meteen opnieuw.",
    ),
    "L'administration de Relais est réservée à l'équipe éditoriale. Tout ce que vous faites comme membre (fiches, évènements, organisations, salons) se trouve dans le site, à partir de votre espace.": (
        "The Relais administration is for the editorial team only. Everything you do as a member (sheets, events, organisations, rooms) is on the site itself, starting from your space.",
        "De beheeromgeving van Relais is voorbehouden aan de redactie. Alles wat je als lid doet (fiches, evenementen, organisaties, ruimtes) vind je op de site zelf, vanuit je ruimte.",
    ),
    # Refusals (community.access.Refusal)
    "Seuls les administrateurs et administratrices de cette organisation peuvent modifier son profil.": (
        "Only this organisation's admins can edit its profile.",
        "Alleen de beheerders van deze organisatie kunnen haar profiel wijzigen.",
    ),
    "Seuls les administrateurs et administratrices de cette organisation peuvent décider des demandes d'adhésion et des rôles de ses membres.": (
        "Only this organisation's admins can decide on join requests and on its members' roles.",
        "Alleen de beheerders van deze organisatie beslissen over lidmaatschapsaanvragen en over de rollen van haar leden.",
    ),
    "Connectez-vous pour demander à rejoindre une organisation.": (
        "Please sign in to ask to join an organisation.",
        "Meld je aan om te vragen lid te worden van een organisatie.",
    ),
    "Seuls les administrateurs et administratrices d'une organisation qui n'est pas elle-même une fédération peuvent demander son affiliation à une fédération.": (
        "Only the admins of an organisation that is not itself a federation can ask for it to join a federation.",
        "Alleen de beheerders van een organisatie die zelf geen federatie is, kunnen haar aansluiting bij een federatie aanvragen.",
    ),
    "Seuls les administrateurs et administratrices de cette fédération peuvent accepter ou refuser les demandes d'affiliation.": (
        "Only this federation's admins can accept or refuse requests to join it.",
        "Alleen de beheerders van deze federatie kunnen aansluitingsaanvragen aanvaarden of weigeren.",
    ),
    "Seuls les administrateurs et administratrices de l'organisation ou de la fédération peuvent mettre fin à cette affiliation.": (
        "Only the admins of the organisation or of the federation can end this affiliation.",
        "Alleen de beheerders van de organisatie of van de federatie kunnen deze aansluiting beëindigen.",
    ),
    "Les profils des personnes ne sont visibles que des membres connectés, tant que leur compte est actif.": (
        "People's profiles are visible only to signed-in members, and only while their account is active.",
        "Profielen van personen zijn alleen zichtbaar voor aangemelde leden, zolang hun account actief is.",
    ),
    "Pour proposer une fiche pratique, rejoignez d'abord une organisation : les fiches sont publiées en son nom.": (
        "To propose a practice sheet, please join an organisation first: sheets are published in its name.",
        "Om een praktijkfiche voor te stellen, word je eerst lid van een organisatie: fiches worden in haar naam gepubliceerd.",
    ),
    "Seuls les membres de l'organisation qui a écrit cette fiche peuvent la modifier.": (
        "Only members of the organisation that wrote this sheet can edit it.",
        "Alleen leden van de organisatie die deze fiche schreef, kunnen ze wijzigen.",
    ),
    "Vous ne pouvez proposer une fiche qu'au nom d'une organisation dont vous êtes membre.": (
        "You can only propose a sheet in the name of an organisation you are a member of.",
        "Je kunt een fiche alleen voorstellen in naam van een organisatie waarvan je lid bent.",
    ),
    "Ce brouillon appartient à une autre personne : elle seule peut le continuer.": (
        "This draft belongs to someone else: only they can continue it.",
        "Dit concept is van iemand anders: alleen die persoon kan het verderzetten.",
    ),
    "Pour annoncer un évènement, rejoignez d'abord une organisation : les évènements sont annoncés en son nom.": (
        "To announce an event, please join an organisation first: events are announced in its name.",
        "Om een evenement aan te kondigen, word je eerst lid van een organisatie: evenementen worden in haar naam aangekondigd.",
    ),
    "Seuls les administrateurs et administratrices des organisations qui organisent cet évènement peuvent le modifier, l'annuler et voir la liste de ses inscriptions.": (
        "Only the admins of the organisations running this event can edit it, cancel it and see who registered.",
        "Alleen de beheerders van de organisaties die dit evenement organiseren, kunnen het wijzigen, annuleren en de inschrijvingen bekijken.",
    ),
    "Les modérateurs vous ont retiré l'accès à ce salon : vous ne pouvez plus le lire ni y écrire.": (
        "The moderators have removed your access to this room: you can no longer read it or write in it.",
        "De moderatoren hebben je de toegang tot deze ruimte ontnomen: je kunt ze niet meer lezen en er niet meer in schrijven.",
    ),
    "Cette conversation privée n'est lisible que par les deux personnes qui y participent.": (
        "This private conversation can be read only by the two people taking part in it.",
        "Dit privégesprek kan alleen gelezen worden door de twee personen die eraan deelnemen.",
    ),
    "Ce salon est réservé aux membres de l'organisation et, pour une fédération, à ceux de ses organisations membres.": (
        "This room is for the organisation's members and, for a federation, those of its member organisations.",
        "Deze ruimte is voorbehouden aan de leden van de organisatie en, bij een federatie, aan die van haar lidorganisaties.",
    ),
    "Les salons sont réservés aux membres connectés.": (
        "Rooms are for signed-in members.",
        "Ruimtes zijn voorbehouden aan aangemelde leden.",
    ),
    "Les signalements sont traités par les modérateurs et modératrices, et par les administrateurs et administratrices d'organisation pour leurs salons.": (
        "Reports are handled by the moderators, and by organisation admins for their own rooms.",
        "Meldingen worden behandeld door de moderatoren, en door de beheerders van een organisatie voor hun eigen ruimtes.",
    ),
    "Seuls les modérateurs et modératrices de ce salon, et les administrateurs et administratrices de l'organisation à laquelle il appartient, peuvent le modérer.": (
        "Only this room's moderators, and the admins of the organisation it belongs to, can moderate it.",
        "Alleen de moderatoren van deze ruimte en de beheerders van de organisatie waartoe ze behoort, kunnen ze modereren.",
    ),
}
