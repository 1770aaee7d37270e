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
}
