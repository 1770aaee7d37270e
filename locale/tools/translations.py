"""English and Dutch translations of the French msgids, applied by apply_translations.py.

T maps msgid -> (English, Dutch); a plural msgid maps to ((en_one, en_other),
(nl_one, nl_other)). Keep every %(name)s placeholder (template {{ var }} becomes %(var)s);
a plural's singular may spell the number out. Add new msgids in a T.update({...}) block.

Style: British English ("organisation", "licence"); Belgian Dutch in the informal
"je" form ("verwittigen", "maturiteit"). Quotes: EN “…”, NL ‘…’.

Terminology (FR -> EN / NL):
    fédération            federation / federatie
    Mon espace            My space / Mijn ruimte
    ASBL                  non-profit (ASBL) / vzw
    administrateur·rice   admin / beheerder
    annuaire              directory / gids
    fiche pratique        practice sheet / praktijkfiche ("fiche" alone: sheet / fiche)
    intervision           peer-learning session (intervision) / intervisie
    outil                 tool / tool (masculine: "hem" in Dutch)
    mot-clé               keyword / trefwoord
    brouillon             draft / concept
    modération            review / moderatie ("relecture" too; "relire": review / nalezen)
    équipe éditoriale     editorial team / redactie
    témoignage            feedback / ervaring
    favori                bookmark / favoriet
"""

# ruff: noqa: E501 (a msgid stays on one line, so it can be found with grep)

T = {
    "Communauté": ("Community", "Gemeenschap"),
    "L'image dépasse %(max)s Mo : choisissez un fichier plus léger.": (
        "The image is larger than %(max)s MB: please choose a smaller file.",
        "De afbeelding is groter dan %(max)s MB: kies een kleiner bestand.",
    ),
    "Votre nom": ("Your name", "Je naam"),
    "Tel qu'il apparaîtra aux autres membres, par exemple « Camille Dubois ».": (
        "As other members will see it, for example “Camille Dubois”.",
        "Zoals andere leden hem zullen zien, bijvoorbeeld ‘Camille Dubois’.",
    ),
    "Centres d'intérêt": ("Interests", "Interesses"),
    "Indiquez votre nom.": ("Please enter your name.", "Vul je naam in."),
    "Secteurs": ("Sectors", "Sectoren"),
    "— choisir —": ("— select —", "— kies —"),
    "Pour changer le type, contactez l'équipe Relais.": (
        "To change the type, contact the Relais team.",
        "Neem contact op met het Relais-team om het type te wijzigen.",
    ),
    "Une organisation porte déjà ce nom : demandez plutôt à la rejoindre.": (
        "An organisation with this name already exists: ask to join it instead.",
        "Er bestaat al een organisatie met deze naam: vraag liever om er lid van te worden.",
    ),
    "Fédération": ("Federation", "Federatie"),
    "Rechercher": ("Search", "Zoeken"),
    "Type": ("Type", "Type"),
    "Tous": ("All", "Alle"),
    "Secteur": ("Sector", "Sector"),
    "Région": ("Region", "Regio"),
    "Toutes": ("All", "Alle"),
    "nom": ("name", "naam"),
    "identifiant": ("slug", "slug"),
    "secteur": ("sector", "sector"),
    "secteurs": ("sectors", "sectoren"),
    "ordre": ("order", "volgorde"),
    "région": ("region", "regio"),
    "régions": ("regions", "regio's"),
    "thème": ("theme", "thema"),
    "thèmes": ("themes", "thema's"),
    "adresse e-mail": ("email address", "e-mailadres"),
    "nom affiché": ("display name", "weergavenaam"),
    "photo": ("photo", "foto"),
    "présentation courte": ("short bio", "korte voorstelling"),
    "centres d'intérêt": ("interests", "interesses"),
    "langue préférée": ("preferred language", "voorkeurstaal"),
    "fuseau horaire": ("time zone", "tijdzone"),
    "personne": ("person", "persoon"),
    "personnes": ("people", "personen"),
    "Entreprise d'économie sociale": (
        "Social-economy enterprise",
        "Sociale-economieonderneming",
    ),
    "Fédération ou coupole": (
        "Federation or umbrella organisation",
        "Federatie of koepelorganisatie",
    ),
    "Structure d'accompagnement": ("Support organisation", "Ondersteuningsstructuur"),
    "ASBL / association": ("Non-profit (ASBL) / association", "Vzw / vereniging"),
    "Coopérative": ("Cooperative", "Coöperatie"),
    "Société à finalité sociale": (
        "Social-purpose company",
        "Vennootschap met sociaal oogmerk",
    ),
    "Fondation": ("Foundation", "Stichting"),
    "Mutuelle": ("Mutual society", "Mutualiteit"),
    "Autre": ("Other", "Andere"),
    "Aucun salarié": ("No employees", "Geen werknemers"),
    "1 à 9 salariés": ("1 to 9 employees", "1 tot 9 werknemers"),
    "10 à 49 salariés": ("10 to 49 employees", "10 tot 49 werknemers"),
    "50 à 249 salariés": ("50 to 249 employees", "50 tot 249 werknemers"),
    "250 salariés et plus": ("250 employees or more", "250 werknemers of meer"),
    "type": ("type", "type"),
    "forme juridique": ("legal form", "rechtsvorm"),
    "localité": ("town", "plaats"),
    "taille (salariés)": ("size (employees)", "grootte (werknemers)"),
    "nombre de bénévoles": ("number of volunteers", "aantal vrijwilligers"),
    "site web": ("website", "website"),
    "description": ("description", "beschrijving"),
    "logo": ("logo", "logo"),
    "e-mail de contact": ("contact email", "contact-e-mail"),
    "téléphone": ("phone", "telefoon"),
    "organisation": ("organisation", "organisatie"),
    "organisations": ("organisations", "organisaties"),
    "Administrateur·rice": ("Admin", "Beheerder"),
    "Membre": ("Member", "Lid"),
    "En attente": ("Pending", "In afwachting"),
    "Active": ("Active", "Actief"),
    "rôle": ("role", "rol"),
    "statut": ("status", "status"),
    "message": ("message", "bericht"),
    "adhésion": ("membership", "lidmaatschap"),
    "adhésions": ("memberships", "lidmaatschappen"),
    "affiliation": ("affiliation", "aansluiting"),
    "affiliations": ("affiliations", "aansluitingen"),
    "Vous êtes déjà membre de cette organisation.": (
        "You are already a member of this organisation.",
        "Je bent al lid van deze organisatie.",
    ),
    "Votre demande est déjà en attente.": (
        "Your request is already pending.",
        "Je aanvraag wacht al op goedkeuring.",
    ),
    "Cette demande a déjà été traitée.": (
        "This request has already been handled.",
        "Deze aanvraag is al behandeld.",
    ),
    "Vous n'êtes pas membre de cette organisation.": (
        "You are not a member of this organisation.",
        "Je bent geen lid van deze organisatie.",
    ),
    "Rôle inconnu.": ("Unknown role.", "Onbekende rol."),
    "Ce membre n'existe pas.": ("This member does not exist.", "Dit lid bestaat niet."),
    "Choisissez une fédération.": ("Choose a federation.", "Kies een federatie."),
    "%(org)s est déjà affiliée à %(fed)s ou l'a déjà demandé.": (
        "%(org)s is already affiliated with %(fed)s or has already asked to be.",
        "%(org)s is al aangesloten bij %(fed)s of heeft dat al aangevraagd.",
    ),
    "Cette affiliation n'existe pas.": (
        "This affiliation does not exist.",
        "Deze aansluiting bestaat niet.",
    ),
    "Le profil est enregistré.": ("Profile saved.", "Profiel opgeslagen."),
    "C'est fait : vous ne faites plus partie de %(name)s.": (
        "Done: you are no longer part of %(name)s.",
        "Gelukt: je maakt geen deel meer uit van %(name)s.",
    ),
    "La demande est acceptée.": ("Request accepted.", "Aanvraag aanvaard."),
    "La demande est refusée.": ("Request declined.", "Aanvraag geweigerd."),
    "Le rôle est modifié.": ("Role updated.", "Rol gewijzigd."),
    "Choisissez une fédération dans la liste.": (
        "Choose a federation from the list.",
        "Kies een federatie uit de lijst.",
    ),
    "Votre demande d'affiliation est envoyée à %(name)s.": (
        "Your affiliation request has been sent to %(name)s.",
        "Je aansluitingsaanvraag is verstuurd naar %(name)s.",
    ),
    "L'affiliation est acceptée.": ("Affiliation accepted.", "Aansluiting aanvaard."),
    "L'affiliation est refusée.": ("Affiliation declined.", "Aansluiting geweigerd."),
    "Votre profil est enregistré.": ("Your profile has been saved.", "Je profiel is opgeslagen."),
    "Réseau": ("Network", "Netwerk"),
    "Accès refusé": ("Access denied", "Toegang geweigerd"),
    "Retour à l'accueil": ("Back to the home page", "Terug naar de startpagina"),
    "Page introuvable": ("Page not found", "Pagina niet gevonden"),
    "Cette page n'existe pas ou plus. Vérifiez l'adresse, ou repartez de l'accueil.": (
        "This page does not exist or has been removed. Check the address, or start again from the home page.",
        "Deze pagina bestaat niet (meer). Controleer het adres of begin opnieuw vanaf de startpagina.",
    ),
    "Annuaire des organisations": ("Organisation directory", "Organisatiegids"),
    "Trop de tentatives": ("Too many attempts", "Te veel pogingen"),
    "Par sécurité, cette action est momentanément bloquée. Patientez quelques minutes puis réessayez.": (
        "For security reasons, this action is temporarily blocked. Please wait a few minutes and try again.",
        "Om veiligheidsredenen is deze actie tijdelijk geblokkeerd. Wacht enkele minuten en probeer het dan opnieuw.",
    ),
    "Mon compte": ("My account", "Mijn account"),
    "Mon espace": ("My space", "Mijn ruimte"),
    "Mon profil": ("My profile", "Mijn profiel"),
    "Adresses e-mail": ("Email addresses", "E-mailadressen"),
    "Mot de passe": ("Password", "Wachtwoord"),
    "Relais, le réseau d'échange de l'économie sociale pour sa transformation numérique.": (
        "Relais, the exchange network for the social economy's digital transformation.",
        "Relais, het uitwisselingsnetwerk voor de digitale transformatie van de sociale economie.",
    ),
    "Aller au contenu": ("Skip to content", "Naar de inhoud"),
    "le réseau de l'économie sociale": (
        "the social economy network",
        "het netwerk van de sociale economie",
    ),
    "Navigation principale": ("Main navigation", "Hoofdnavigatie"),
    "Organisations": ("Organisations", "Organisaties"),
    "Administration": ("Administration", "Beheer"),
    "Se déconnecter": ("Log out", "Afmelden"),
    "Se connecter": ("Log in", "Aanmelden"),
    "Rejoindre Relais": ("Join Relais", "Word lid van Relais"),
    "Le réseau d'échange de l'économie sociale pour sa transformation numérique.": (
        "The exchange network for the social economy's digital transformation.",
        "Het uitwisselingsnetwerk voor de digitale transformatie van de sociale economie.",
    ),
    "Liens utiles": ("Useful links", "Nuttige links"),
    "Entreprises d'économie sociale, fédérations et structures d'accompagnement du réseau.": (
        "Social-economy enterprises, federations and support organisations in the network.",
        "Sociale-economieondernemingen, federaties en ondersteuningsstructuren uit het netwerk.",
    ),
    "Filtrer": ("Filter", "Filteren"),
    "Certains filtres ne sont pas valides et ont été ignorés :": (
        "Some filters are not valid and have been ignored:",
        "Sommige filters zijn ongeldig en werden genegeerd:",
    ),
    "Appliquer": ("Apply", "Toepassen"),
    "Tout effacer": ("Clear all", "Alles wissen"),
    "%(counter)s organisation": (
        ("%(counter)s organisation", "%(counter)s organisations"),
        ("%(counter)s organisatie", "%(counter)s organisaties"),
    ),
    "Votre organisation n'y est pas ? Ajoutez-la": (
        "Is your organisation missing? Add it",
        "Staat je organisatie er niet bij? Voeg ze toe",
    ),
    "Aucune organisation ne correspond à ces critères.": (
        "No organisation matches these criteria.",
        "Geen enkele organisatie voldoet aan deze criteria.",
    ),
    "Bonjour %(name)s,": ("Hello %(name)s,", "Beste %(name)s,"),
    "%(fed)s a accepté l'affiliation de %(org)s.": (
        "%(fed)s has accepted the affiliation of %(org)s.",
        "%(fed)s heeft de aansluiting van %(org)s aanvaard.",
    ),
    "%(org)s est affiliée à %(fed)s": (
        "%(org)s is now affiliated with %(fed)s",
        "%(org)s is nu aangesloten bij %(fed)s",
    ),
    "%(fed)s n'a pas accepté l'affiliation de %(org)s. Contactez la fédération pour en savoir plus.": (
        "%(fed)s did not accept the affiliation of %(org)s. Contact the federation to find out more.",
        "%(fed)s heeft de aansluiting van %(org)s niet aanvaard. Neem contact op met de federatie voor meer informatie.",
    ),
    "Votre demande d'affiliation à %(fed)s": (
        "Your affiliation request to %(fed)s",
        "Je aansluitingsaanvraag bij %(fed)s",
    ),
    "%(requester)s demande l'affiliation de %(org)s à %(fed)s sur Relais.": (
        "%(requester)s has asked on Relais for %(org)s to be affiliated with %(fed)s.",
        "%(requester)s vraagt op Relais de aansluiting van %(org)s bij %(fed)s aan.",
    ),
    "Acceptez ou refusez la demande ici :": (
        "Accept or decline the request here:",
        "Aanvaard of weiger de aanvraag hier:",
    ),
    "%(org)s demande à s'affilier à %(fed)s": (
        "%(org)s asks to be affiliated with %(fed)s",
        "%(org)s wil zich aansluiten bij %(fed)s",
    ),
    "Votre demande est acceptée : vous êtes maintenant membre de %(org)s sur Relais.": (
        "Your request has been accepted: you are now a member of %(org)s on Relais.",
        "Je aanvraag is aanvaard: je bent nu lid van %(org)s op Relais.",
    ),
    "Bienvenue dans %(org)s": ("Welcome to %(org)s", "Welkom bij %(org)s"),
    "Votre demande pour %(org)s": (
        "Your request to join %(org)s",
        "Je aanvraag om lid te worden van %(org)s",
    ),
    "%(requester)s demande à rejoindre %(org)s sur Relais.": (
        "%(requester)s would like to join %(org)s on Relais.",
        "%(requester)s wil lid worden van %(org)s op Relais.",
    ),
    "%(name)s demande à rejoindre %(org)s": (
        "%(name)s would like to join %(org)s",
        "%(name)s wil lid worden van %(org)s",
    ),
    "Accepter %(name)s": ("Accept %(name)s", "%(name)s aanvaarden"),
    "Refuser %(name)s": ("Decline %(name)s", "%(name)s weigeren"),
    "Aucune demande en attente.": ("No pending requests.", "Geen openstaande aanvragen."),
    "Bonjour %(name)s": ("Hello %(name)s", "Hallo %(name)s"),
    "Voir mon profil": ("View my profile", "Mijn profiel bekijken"),
    "Modifier mon profil": ("Edit my profile", "Mijn profiel bewerken"),
    "Mes organisations": ("My organisations", "Mijn organisaties"),
    "admin": ("admin", "beheerder"),
    "Vous ne faites encore partie d'aucune organisation.": (
        "You are not part of any organisation yet.",
        "Je maakt nog geen deel uit van een organisatie.",
    ),
    "Trouver mon organisation": ("Find my organisation", "Mijn organisatie zoeken"),
    "Ajouter une organisation": ("Add an organisation", "Organisatie toevoegen"),
    "Mes demandes en attente": ("My pending requests", "Mijn openstaande aanvragen"),
    "depuis le %(date)s": ("since %(date)s", "sinds %(date)s"),
    "À traiter": ("To review", "Te behandelen"),
    "Demandes d'adhésion": ("Membership requests", "Lidmaatschapsaanvragen"),
    "Demandes d'affiliation": ("Affiliation requests", "Aansluitingsaanvragen"),
    "Logo de %(name)s": ("%(name)s logo", "Logo van %(name)s"),
    "Modifier le profil": ("Edit profile", "Profiel bewerken"),
    "Présentation": ("About", "Voorstelling"),
    "Pas encore de présentation.": ("No description yet.", "Nog geen voorstelling."),
    "Organisations affiliées": ("Affiliated organisations", "Aangesloten organisaties"),
    "Voir dans l'annuaire": ("View in the directory", "Bekijken in de gids"),
    "Aucune organisation affiliée pour l'instant.": (
        "No affiliated organisations yet.",
        "Nog geen aangesloten organisaties.",
    ),
    "Membres": ("Members", "Leden"),
    "%(counter)s membre sur Relais.": (
        ("%(counter)s member on Relais.", "%(counter)s members on Relais."),
        ("%(counter)s lid op Relais.", "%(counter)s leden op Relais."),
    ),
    "Connectez-vous pour voir leurs noms.": (
        "Log in to see their names.",
        "Meld je aan om hun namen te zien.",
    ),
    "Retirer le rôle d'admin à %(name)s": (
        "Remove admin role from %(name)s",
        "Beheerdersrol van %(name)s intrekken",
    ),
    "Nommer %(name)s admin": ("Make %(name)s an admin", "%(name)s beheerder maken"),
    "Pas encore de membre.": ("No members yet.", "Nog geen leden."),
    "Demandes d'adhésion en attente": (
        "Pending membership requests",
        "Openstaande lidmaatschapsaanvragen",
    ),
    "Demandes d'affiliation en attente": (
        "Pending affiliation requests",
        "Openstaande aansluitingsaanvragen",
    ),
    "Coordonnées et adhésion": (
        "Contact details and membership",
        "Contactgegevens en lidmaatschap",
    ),
    "Coordonnées": ("Contact details", "Contactgegevens"),
    "Site web": ("Website", "Website"),
    "E-mail": ("Email", "E-mail"),
    "Téléphone": ("Phone", "Telefoon"),
    "Taille": ("Size", "Grootte"),
    "Bénévoles": ("Volunteers", "Vrijwilligers"),
    "Fédérations": ("Federations", "Federaties"),
    "Aucune affiliation.": ("No affiliations.", "Geen aansluitingen."),
    "En attente :": ("Pending:", "In afwachting:"),
    "Demander l'affiliation": ("Request affiliation", "Aansluiting aanvragen"),
    "En faire partie": ("Membership", "Lidmaatschap"),
    "Connectez-vous pour demander à rejoindre cette organisation.": (
        "Log in to ask to join this organisation.",
        "Meld je aan om lid te worden van deze organisatie.",
    ),
    "Vous en êtes administrateur·rice.": (
        "You are an admin of this organisation.",
        "Je bent beheerder van deze organisatie.",
    ),
    "Vous en êtes membre.": (
        "You are a member of this organisation.",
        "Je bent lid van deze organisatie.",
    ),
    "Quitter cette organisation": ("Leave this organisation", "Deze organisatie verlaten"),
    "Votre demande est en attente de validation.": (
        "Your request is awaiting approval.",
        "Je aanvraag wacht op goedkeuring.",
    ),
    "Retirer ma demande": ("Withdraw my request", "Mijn aanvraag intrekken"),
    "Demander à rejoindre": ("Ask to join", "Lid worden"),
    "Modifier %(name)s": ("Edit %(name)s", "%(name)s bewerken"),
    "Vous en deviendrez l'administrateur·rice : vous pourrez accepter les demandes de vos collègues.": (
        "You will become its admin, so you can accept requests from your colleagues.",
        "Je wordt er beheerder van: zo kun je de aanvragen van je collega's aanvaarden.",
    ),
    "Le formulaire contient des erreurs : corrigez les champs signalés.": (
        "The form contains errors: please correct the highlighted fields.",
        "Het formulier bevat fouten: verbeter de aangeduide velden.",
    ),
    "Créer l'organisation": ("Create organisation", "Organisatie aanmaken"),
    "Enregistrer": ("Save", "Opslaan"),
    "Annuler": ("Cancel", "Annuleren"),
    "Aucune organisation pour l'instant.": ("No organisations yet.", "Nog geen organisaties."),
    "Changer mon mot de passe": ("Change my password", "Mijn wachtwoord wijzigen"),
    "Gérer mes adresses e-mail": ("Manage my email addresses", "Mijn e-mailadressen beheren"),
    "obligatoire": ("required", "verplicht"),
    "Langue": ("Language", "Taal"),
    "Changer": ("Change", "Wijzigen"),
    "Pagination": ("Pagination", "Paginering"),
    "Précédent": ("Previous", "Vorige"),
    "Page %(n)s sur %(total)s": ("Page %(n)s of %(total)s", "Pagina %(n)s van %(total)s"),
    "Suivant": ("Next", "Volgende"),
    "Explorer l'annuaire": ("Explore the directory", "Verken de gids"),
    "Créer mon compte": ("Create my account", "Mijn account aanmaken"),
    "%(counter)s organisation dans le réseau": (
        ("%(counter)s organisation in the network", "%(counter)s organisations in the network"),
        ("%(counter)s organisatie in het netwerk", "%(counter)s organisaties in het netwerk"),
    ),
    "Nouvelles venues": ("Newcomers", "Nieuwkomers"),
    "Voir toutes les organisations": ("See all organisations", "Alle organisaties bekijken"),
    "Site": ("Site", "Website"),
    "libellé": ("label", "label"),
    "page": ("page", "pagina"),
    "ou adresse": ("or address", "of adres"),
    "Par exemple /organisations/": ("For example /organisations/", "Bijvoorbeeld /organisations/"),
    "Choisissez une page ou indiquez une adresse.": (
        "Choose a page or enter an address.",
        "Kies een pagina of vul een adres in.",
    ),
    "titre": ("title", "titel"),
    "texte": ("text", "tekst"),
    "lien": ("link", "link"),
    "intertitre": ("subheading", "tussentitel"),
    "paragraphe": ("paragraph", "alinea"),
    "image": ("image", "afbeelding"),
    "appel à l'action": ("call to action", "oproep tot actie"),
    "citation": ("quote", "citaat"),
    "accroche": ("tagline", "slogan"),
    "contenu": ("content", "inhoud"),
    "page d'accueil": ("home page", "startpagina"),
    "chapeau": ("intro", "inleiding"),
    "page standard": ("standard page", "standaardpagina"),
    "liens du menu": ("menu links", "menulinks"),
    "navigation": ("navigation", "navigatie"),
    "liens": ("links", "links"),
    "pied de page": ("footer", "voettekst"),
}

# Community messages reworded (gender-inclusive "admin" and "team" wording).
T.update(
    {
        "Un mot pour l'équipe qui gère l'organisation (facultatif)": (
            "A note for the team running the organisation (optional)",
            "Een bericht voor het team dat de organisatie beheert (optioneel)",
        ),
        "Une organisation porte déjà ce nom.": (
            "An organisation with this name already exists.",
            "Er bestaat al een organisatie met deze naam.",
        ),
        "Vous êtes le dernier administrateur ou la dernière administratrice : nommez quelqu'un d'autre avant de partir.": (
            "You are the last admin: appoint someone else before leaving.",
            "Je bent de laatste beheerder: duid eerst iemand anders aan voor je vertrekt.",
        ),
        "Une organisation doit garder au moins un administrateur ou une administratrice.": (
            "An organisation must keep at least one admin.",
            "Een organisatie moet minstens één beheerder houden.",
        ),
        "%(name)s est créée : vous en êtes l'administrateur·rice.": (
            "%(name)s has been created: you are its admin.",
            "%(name)s is aangemaakt: jij bent de beheerder.",
        ),
        "Votre demande est envoyée à l'équipe de %(name)s.": (
            "Your request has been sent to the team of %(name)s.",
            "Je aanvraag is verstuurd naar het team van %(name)s.",
        ),
        "Votre demande auprès de %(name)s est retirée.": (
            "Your request to %(name)s has been withdrawn.",
            "Je aanvraag bij %(name)s is ingetrokken.",
        ),
        "%(org)s ne fait plus partie de %(fed)s.": (
            "%(org)s is no longer a member of %(fed)s.",
            "%(org)s is niet langer aangesloten bij %(fed)s.",
        ),
        "Vous n'avez pas les droits nécessaires pour cette action. Seuls les administrateurs et administratrices d'une organisation peuvent la gérer.": (
            "You do not have permission to do this. Only an organisation's admins can manage it.",
            "Je hebt geen toestemming voor deze actie. Alleen de beheerders van een organisatie kunnen ze beheren.",
        ),
        "L'équipe de %(org)s n'a pas accepté votre demande. Si c'est une erreur, contactez directement l'organisation.": (
            "The team of %(org)s did not accept your request. If this is a mistake, contact the organisation directly.",
            "Het team van %(org)s heeft je aanvraag niet aanvaard. Is dat een vergissing, neem dan rechtstreeks contact op met de organisatie.",
        ),
        "Retirer ma demande auprès de %(name)s": (
            "Withdraw my request to %(name)s",
            "Mijn aanvraag bij %(name)s intrekken",
        ),
        "Retirer %(name)s": ("Remove %(name)s", "%(name)s verwijderen"),
        "Quitter %(name)s": ("Leave %(name)s", "%(name)s verlaten"),
        "Les fédérations du réseau": ("The network's federations", "De federaties van het netwerk"),
        "grand titre": ("headline", "hoofdtitel"),
        "Le titre affiché en haut de l'accueil ; à défaut, le titre de la page.": (
            "The title shown at the top of the home page; the page title if left empty.",
            "De titel bovenaan de startpagina; anders de paginatitel.",
        ),
    }
)

# Practices: practice sheets, submission wizard, tool catalogue, reactions, review emails.
T.update(
    {
        # community
        "Une fédération ? Contactez l'équipe Relais pour l'inscrire.": (
            "A federation? Contact the Relais team to have it registered.",
            "Een federatie? Neem contact op met het Relais-team om ze te laten registreren.",
        ),
        "notification": ("notification", "melding"),
        "notifications": ("notifications", "meldingen"),
        "Notifications": ("Notifications", "Meldingen"),
        "Vous avez envoyé beaucoup de demandes : réessayez dans une heure.": (
            "You have sent a lot of requests: please try again in an hour.",
            "Je hebt veel aanvragen verstuurd: probeer het over een uur opnieuw.",
        ),
        "Réglages du compte": ("Account settings", "Accountinstellingen"),
        # sheet states, feed
        "Fiches pratiques": ("Practice sheets", "Praktijkfiches"),
        "Publiée": ("Published", "Gepubliceerd"),
        "En attente de relecture": ("Awaiting review", "Wacht op moderatie"),
        "Modifications demandées": ("Changes requested", "Aanpassingen gevraagd"),
        "Hors ligne": ("Unpublished", "Niet gepubliceerd"),
        "Relais : nouvelles fiches pratiques": (
            "Relais: new practice sheets",
            "Relais: nieuwe praktijkfiches",
        ),
        "Ce que les organisations de l'économie sociale ont appris de leurs projets numériques.": (
            "What social-economy organisations have learnt from their digital projects.",
            "Wat organisaties uit de sociale economie geleerd hebben uit hun digitale projecten.",
        ),
        # wizard forms
        "Titre de la fiche": ("Sheet title", "Titel van de fiche"),
        "Résumé": ("Summary", "Samenvatting"),
        "Deux ou trois phrases : le projet et ce qu'il a changé (500 signes au plus).": (
            "Two or three sentences: the project and what it changed (500 characters at most).",
            "Twee of drie zinnen: het project en wat het veranderd heeft (hoogstens 500 tekens).",
        ),
        "Organisation": ("Organisation", "Organisatie"),
        "La fiche est publiée au nom de cette organisation ; ses membres pourront la modifier.": (
            "The sheet is published on behalf of this organisation; its members will be able to edit it.",
            "De fiche verschijnt in naam van deze organisatie; haar leden kunnen ze bewerken.",
        ),
        "Taille de l'organisation": ("Organisation size", "Grootte van de organisatie"),
        "Durée du projet": ("Project duration", "Duur van het project"),
        "Par exemple « 8 mois »": ("For example “8 months”", "Bijvoorbeeld ‘8 maanden’"),
        "Budget": ("Budget", "Budget"),
        "Par exemple « 12 000 € »": ("For example “€12,000”", "Bijvoorbeeld ‘€ 12.000’"),
        "Financements mobilisés": ("Funding raised", "Verkregen financiering"),
        "Thèmes": ("Themes", "Thema's"),
        "Dimensions de maturité numérique que le projet a fait avancer": (
            "Digital maturity dimensions the project moved forward",
            "Dimensies van digitale maturiteit waarin het project vooruitgang bracht",
        ),
        "Pourquoi se lancer dans un projet numérique quand on est une entreprise d'économie sociale ?": (
            "Why start a digital project as a social-economy enterprise?",
            "Waarom een digitaal project opstarten als sociale-economieonderneming?",
        ),
        "Texte simple ; laissez une ligne vide entre deux paragraphes.": (
            "Plain text; leave a blank line between paragraphs.",
            "Platte tekst; laat een lege regel tussen twee alinea's.",
        ),
        "Résultats": ("Results", "Resultaten"),
        "Impact social": ("Social impact", "Maatschappelijke impact"),
        "Ce que le projet a changé pour les personnes : bénéficiaires, travailleurs, bénévoles.": (
            "What the project changed for people: beneficiaries, workers, volunteers.",
            "Wat het project veranderd heeft voor mensen: begunstigden, werknemers, vrijwilligers.",
        ),
        "%(item)s — titre": ("%(item)s — title", "%(item)s — titel"),
        "%(item)s — texte": ("%(item)s — text", "%(item)s — tekst"),
        "— Choisir dans le catalogue —": (
            "— Choose from the catalogue —",
            "— Kies uit de catalogus —",
        ),
        "%(item)s — outil du catalogue": (
            "%(item)s — tool from the catalogue",
            "%(item)s — tool uit de catalogus",
        ),
        "%(item)s — ou nom d'un outil absent du catalogue": (
            "%(item)s — or the name of a tool not in the catalogue",
            "%(item)s — of de naam van een tool die niet in de catalogus staat",
        ),
        "Laissez vide si vous avez choisi un outil du catalogue. L'équipe éditoriale complétera sa fiche.": (
            "Leave empty if you chose a tool from the catalogue. The editorial team will complete its catalogue entry.",
            "Laat leeg als je een tool uit de catalogus gekozen hebt. De redactie vult de beschrijving van de tool aan.",
        ),
        "%(item)s — site web du nouvel outil": (
            "%(item)s — website of the new tool",
            "%(item)s — website van de nieuwe tool",
        ),
        "%(item)s — licence du nouvel outil": (
            "%(item)s — licence of the new tool",
            "%(item)s — licentie van de nieuwe tool",
        ),
        "%(item)s — comment nous l'avons utilisé": (
            "%(item)s — how we used it",
            "%(item)s — hoe we hem gebruikt hebben",
        ),
        "Choisissez un outil du catalogue ou proposez-en un nouveau, pas les deux.": (
            "Choose a tool from the catalogue or suggest a new one, not both.",
            "Kies een tool uit de catalogus of stel een nieuwe voor, niet allebei.",
        ),
        "Indiquez la licence du nouvel outil.": (
            "Enter the new tool's licence.",
            "Vul de licentie van de nieuwe tool in.",
        ),
        "Dites en quelques mots comment vous l'avez utilisé.": (
            "Say in a few words how you used it.",
            "Vertel in een paar woorden hoe je hem gebruikt hebt.",
        ),
        "Choisissez l'outil dont vous parlez.": (
            "Choose the tool you are describing.",
            "Kies de tool waarover je het hebt.",
        ),
        "Mot-clé 1": ("Keyword 1", "Trefwoord 1"),
        "Mot-clé 2": ("Keyword 2", "Trefwoord 2"),
        "Mot-clé 3": ("Keyword 3", "Trefwoord 3"),
        # library filters
        "Accents et pluriels n'ont pas d'importance.": (
            "Accents and plurals don't matter.",
            "Accenten en meervouden spelen geen rol.",
        ),
        "Thème": ("Theme", "Thema"),
        "Outil": ("Tool", "Tool"),
        "Dimension de maturité": ("Maturity dimension", "Maturiteitsdimensie"),
        "Mot-clé": ("Keyword", "Trefwoord"),
        "Trier par": ("Sort by", "Sorteren op"),
        "Les plus récentes": ("Newest", "Nieuwste"),
        "Les plus utiles": ("Most useful", "Nuttigste"),
        "Un mot-clé compte au plus 40 caractères.": (
            "A keyword has at most 40 characters.",
            "Een trefwoord telt hoogstens 40 tekens.",
        ),
        "Aucune fiche publiée n'a ce mot-clé.": (
            "No published sheet has this keyword.",
            "Geen enkele gepubliceerde fiche heeft dit trefwoord.",
        ),
        "Page": ("Page", "Pagina"),
        "« %(value)s » n'est pas un numéro de page : voici la première.": (
            "“%(value)s” is not a page number: here is the first page.",
            "‘%(value)s’ is geen paginanummer: hier is de eerste pagina.",
        ),
        "La page %(asked)s n'existe pas : voici la page %(shown)s.": (
            "Page %(asked)s does not exist: here is page %(shown)s.",
            "Pagina %(asked)s bestaat niet: hier is pagina %(shown)s.",
        ),
        # models
        "Difficultés": ("Difficulties", "Moeilijkheden"),
        "Conseils": ("Tips", "Tips"),
        "Phases": ("Phases", "Fasen"),
        "Outils": ("Tools", "Tools"),
        "Mots-clés": ("Keywords", "Trefwoorden"),
        "%(part)s : %(count)s sur 3. Une fiche en compte exactement trois.": (
            "%(part)s: %(count)s of 3. A sheet has exactly three.",
            "%(part)s: %(count)s van de 3. Een fiche telt er precies drie.",
        ),
        "Relation aux membres (CRM)": ("Member relations (CRM)", "Ledenbeheer (CRM)"),
        "Travail collaboratif": ("Collaboration", "Samenwerken"),
        "Communication et site web": ("Communication and website", "Communicatie en website"),
        "Vente en ligne": ("Online sales", "Onlineverkoop"),
        "Comptabilité et gestion": ("Accounting and management", "Boekhouding en beheer"),
        "Sécurité et données": ("Security and data", "Beveiliging en gegevens"),
        "Formation et inclusion": ("Training and inclusion", "Opleiding en inclusie"),
        "Gestion de projet": ("Project management", "Projectbeheer"),
        "Logiciel libre": ("Free software", "Vrije software"),
        "Freemium": ("Freemium", "Freemium"),
        "Propriétaire": ("Proprietary", "Propriëtair"),
        "En Belgique": ("In Belgium", "In België"),
        "Dans l'Union européenne": ("In the European Union", "In de Europese Unie"),
        "Hors de l'Union européenne": ("Outside the European Union", "Buiten de Europese Unie"),
        "Chez soi (auto-hébergé)": (
            "On your own server (self-hosted)",
            "Op een eigen server (self-hosted)",
        ),
        "Inconnu": ("Unknown", "Onbekend"),
        "catégorie": ("category", "categorie"),
        "licence": ("licence", "licentie"),
        "coût indicatif": ("indicative cost", "richtprijs"),
        "Par exemple « gratuit »": ("For example “free”", "Bijvoorbeeld ‘gratis’"),
        "hébergement des données": ("data hosting", "hosting van de gegevens"),
        "description courte": ("short description", "korte beschrijving"),
        "outil": ("tool", "tool"),
        "outils": ("tools", "tools"),
        "bibliothèque des fiches": ("sheet library", "fichebibliotheek"),
        "résumé": ("summary", "samenvatting"),
        "auteurs": ("authors", "auteurs"),
        "taille de l'organisation": ("organisation size", "grootte van de organisatie"),
        "durée du projet": ("project duration", "duur van het project"),
        "budget": ("budget", "budget"),
        "financements mobilisés": ("funding raised", "verkregen financiering"),
        "infrastructure": ("infrastructure", "infrastructuur"),
        "processus": ("processes", "processen"),
        "stratégie": ("strategy", "strategie"),
        "pourquoi se lancer": ("why get started", "waarom eraan beginnen"),
        "résultats": ("results", "resultaten"),
        "impact social": ("social impact", "maatschappelijke impact"),
        "document": ("document", "document"),
        "images et documents": ("images and documents", "afbeeldingen en documenten"),
        "fiches liées": ("related sheets", "verwante fiches"),
        "Qui l'a écrite": ("Who wrote it", "Wie heeft ze geschreven"),
        "Contexte": ("Context", "Context"),
        "Dimensions de maturité numérique": (
            "Digital maturity dimensions",
            "Dimensies van digitale maturiteit",
        ),
        "3 difficultés": ("3 difficulties", "3 moeilijkheden"),
        "3 conseils": ("3 tips", "3 tips"),
        "3 phases": ("3 phases", "3 fasen"),
        "3 outils": ("3 tools", "3 tools"),
        "3 mots-clés": ("3 keywords", "3 trefwoorden"),
        "fiche pratique": ("practice sheet", "praktijkfiche"),
        "fiches pratiques": ("practice sheets", "praktijkfiches"),
        "Infrastructure": ("Infrastructure", "Infrastructuur"),
        "Processus": ("Processes", "Processen"),
        "Stratégie": ("Strategy", "Strategie"),
        "comment nous l'avons utilisé": ("how we used it", "hoe we hem gebruikt hebben"),
        "mot-clé": ("keyword", "trefwoord"),
        "« utile »": ("“useful” mark", "‘nuttig’-markering"),
        "favori": ("bookmark", "favoriet"),
        "Ça a marché": ("It worked", "Het werkte"),
        "En partie": ("Partly", "Gedeeltelijk"),
        "Ça n'a pas marché": ("It didn't work", "Het werkte niet"),
        "résultat": ("outcome", "resultaat"),
        "commentaire": ("comment", "opmerking"),
        "adoption": ("adoption", "toepassing"),
        "brouillon de fiche": ("sheet draft", "conceptfiche"),
        "Fiche sans titre": ("Untitled sheet", "Fiche zonder titel"),
        # reactions and submission services
        "Cette fiche n'est pas publiée.": (
            "This sheet is not published.",
            "Deze fiche is niet gepubliceerd.",
        ),
        "Connectez-vous pour réagir à une fiche.": (
            "Log in to react to a sheet.",
            "Meld je aan om op een fiche te reageren.",
        ),
        "Seuls les membres de %(name)s peuvent témoigner en son nom.": (
            "Only members of %(name)s can give feedback on its behalf.",
            "Alleen leden van %(name)s kunnen in haar naam een ervaring delen.",
        ),
        "Choisissez si la pratique a marché, en partie ou pas.": (
            "Choose whether the practice worked, partly worked or did not work.",
            "Kies of de praktijk werkte, gedeeltelijk werkte of niet werkte.",
        ),
        "Le commentaire dépasse %(max)s caractères.": (
            "The comment is longer than %(max)s characters.",
            "De opmerking is langer dan %(max)s tekens.",
        ),
        "Un outil choisi n'existe plus dans le catalogue.": (
            "One of the chosen tools is no longer in the catalogue.",
            "Een gekozen tool staat niet meer in de catalogus.",
        ),
        "Ce brouillon a déjà été envoyé ou supprimé.": (
            "This draft has already been submitted or deleted.",
            "Dit concept is al ingediend of verwijderd.",
        ),
        "Vous ne faites plus partie de %(org)s : choisissez une autre organisation.": (
            "You are no longer part of %(org)s: choose another organisation.",
            "Je maakt geen deel meer uit van %(org)s: kies een andere organisatie.",
        ),
        "La bibliothèque des fiches n'existe pas encore. Prévenez l'équipe éditoriale.": (
            "The sheet library does not exist yet. Please let the editorial team know.",
            "De fichebibliotheek bestaat nog niet. Verwittig de redactie.",
        ),
        "Aucun processus de relecture n'est configuré pour les fiches : elles ne peuvent pas être envoyées. Prévenez l'équipe éditoriale.": (
            "No review workflow is set up for sheets, so they cannot be submitted. Please let the editorial team know.",
            "Er is geen moderatieworkflow ingesteld voor fiches: ze kunnen niet worden ingediend. Verwittig de redactie.",
        ),
        "Votre fiche « %(title)s » est publiée.": (
            "Your sheet “%(title)s” has been published.",
            "Je fiche ‘%(title)s’ is gepubliceerd.",
        ),
        "Des modifications sont demandées pour votre fiche « %(title)s » : %(comment)s": (
            "Changes have been requested for your sheet “%(title)s”: %(comment)s",
            "Er zijn aanpassingen gevraagd voor je fiche ‘%(title)s’: %(comment)s",
        ),
        "Des modifications sont demandées pour votre fiche « %(title)s ».": (
            "Changes have been requested for your sheet “%(title)s”.",
            "Er zijn aanpassingen gevraagd voor je fiche ‘%(title)s’.",
        ),
        # reading a sheet: views
        "Au nom de": ("On behalf of", "Namens"),
        "Et alors ?": ("So, how did it go?", "En, hoe ging het?"),
        "En quelques mots (facultatif)": (
            "In a few words (optional)",
            "In een paar woorden (optioneel)",
        ),
        "Ce qui a aidé, ce que vous avez adapté.": (
            "What helped, what you adapted.",
            "Wat hielp, wat je hebt aangepast.",
        ),
        "Choisissez une de vos organisations.": (
            "Choose one of your organisations.",
            "Kies een van je organisaties.",
        ),
        "Action inconnue : rien n'a changé.": (
            "Unknown action: nothing has changed.",
            "Onbekende actie: er is niets veranderd.",
        ),
        "Merci : vous trouvez cette fiche utile.": (
            "Thank you: you marked this sheet as useful.",
            "Bedankt: je hebt deze fiche als nuttig gemarkeerd.",
        ),
        "C'est noté : vous ne marquez plus cette fiche comme utile.": (
            "Noted: this sheet is no longer marked as useful.",
            "Genoteerd: deze fiche is niet langer als nuttig gemarkeerd.",
        ),
        "La fiche est dans vos favoris.": (
            "The sheet is in your bookmarks.",
            "De fiche staat bij je favorieten.",
        ),
        "La fiche est retirée de vos favoris.": (
            "The sheet has been removed from your bookmarks.",
            "De fiche is uit je favorieten verwijderd.",
        ),
        "Votre témoignage n'est pas enregistré : %(problems)s": (
            "Your feedback was not saved: %(problems)s",
            "Je ervaring is niet opgeslagen: %(problems)s",
        ),
        "Merci pour le témoignage de %(name)s.": (
            "Thank you for the feedback from %(name)s.",
            "Bedankt om de ervaring van %(name)s te delen.",
        ),
        "Le témoignage de %(name)s est mis à jour.": (
            "The feedback from %(name)s has been updated.",
            "De ervaring van %(name)s is bijgewerkt.",
        ),
        "Le témoignage de %(name)s est retiré.": (
            "The feedback from %(name)s has been removed.",
            "De ervaring van %(name)s is verwijderd.",
        ),
        "Catégorie": ("Category", "Categorie"),
        "Licence": ("Licence", "Licentie"),
        # wizard views and steps
        "Le brouillon « %(title)s » est supprimé.": (
            "The draft “%(title)s” has been deleted.",
            "Het concept ‘%(title)s’ is verwijderd.",
        ),
        "Brouillon enregistré. Vous pourrez le reprendre plus tard.": (
            "Draft saved. You can pick it up again later.",
            "Concept opgeslagen. Je kunt er later mee verdergaan.",
        ),
        "Merci ! La fiche « %(title)s » est envoyée à l'équipe éditoriale. Vous serez prévenu·e dès qu'elle sera relue.": (
            "Thank you! The sheet “%(title)s” has been sent to the editorial team. You will be notified as soon as it has been reviewed.",
            "Bedankt! De fiche ‘%(title)s’ is naar de redactie gestuurd. Je krijgt bericht zodra ze nagelezen is.",
        ),
        "Le projet en quelques mots, et la situation de votre organisation quand vous l'avez mené.": (
            "The project in a few words, and your organisation's situation when you carried it out.",
            "Het project in een paar woorden, en de situatie van je organisatie toen je het uitvoerde.",
        ),
        "La fiche et son contexte": ("The sheet and its context", "De fiche en de context"),
        "Pourquoi": ("Why", "Waarom"),
        "Pourquoi se lancer": ("Why get started", "Waarom eraan beginnen"),
        "Ce qui vous a décidés : le besoin, l'occasion, ce que vous espériez.": (
            "What made you decide: the need, the opportunity, what you hoped for.",
            "Wat de doorslag gaf: de behoefte, de gelegenheid, wat je hoopte.",
        ),
        "Résultats et impact social": (
            "Results and social impact",
            "Resultaten en maatschappelijke impact",
        ),
        "Ce que le projet a donné, et ce qu'il a changé pour les personnes.": (
            "What the project achieved, and what it changed for people.",
            "Wat het project opleverde, en wat het veranderd heeft voor mensen.",
        ),
        "Difficulté %(n)s": ("Difficulty %(n)s", "Moeilijkheid %(n)s"),
        "Exactement trois difficultés que les suivants doivent s'attendre à rencontrer.": (
            "Exactly three difficulties that those who come after you should expect.",
            "Precies drie moeilijkheden waarmee wie na je komt rekening moet houden.",
        ),
        "Conseil %(n)s": ("Tip %(n)s", "Tip %(n)s"),
        "Exactement trois conseils pour éviter ces difficultés ou y faire face.": (
            "Exactly three tips to avoid these difficulties or deal with them.",
            "Precies drie tips om die moeilijkheden te vermijden of aan te pakken.",
        ),
        "Phase %(n)s": ("Phase %(n)s", "Fase %(n)s"),
        "Exactement trois phases essentielles du projet, dans l'ordre.": (
            "Exactly three essential phases of the project, in order.",
            "Precies drie essentiële fasen van het project, in volgorde.",
        ),
        "Exactement trois outils particulièrement utiles. Choisissez-les dans le catalogue ; s'il en manque un, proposez-le.": (
            "Exactly three particularly useful tools. Choose them from the catalogue; if one is missing, suggest it.",
            "Precies drie bijzonder nuttige tools. Kies ze uit de catalogus; ontbreekt er een, stel hem dan voor.",
        ),
        "Outil %(n)s": ("Tool %(n)s", "Tool %(n)s"),
        "Outils : le même outil figure deux fois. Une fiche en cite trois différents.": (
            "Tools: the same tool appears twice. A sheet names three different ones.",
            "Tools: dezelfde tool staat er twee keer in. Een fiche noemt drie verschillende tools.",
        ),
        "Exactement trois mots-clés pour réussir un projet comme le vôtre.": (
            "Exactly three keywords for making a project like yours succeed.",
            "Precies drie trefwoorden om een project als het jouwe te doen slagen.",
        ),
        "3 mots-clés pour réussir": ("3 keywords for success", "3 trefwoorden om te slagen"),
        "Mots-clés : le même mot-clé figure deux fois.": (
            "Keywords: the same keyword appears twice.",
            "Trefwoorden: hetzelfde trefwoord staat er twee keer in.",
        ),
        "Aperçu et envoi": ("Preview and submit", "Voorbeeld en indienen"),
        "Relisez la fiche telle qu'elle sera publiée, puis envoyez-la à l'équipe éditoriale.": (
            "Read the sheet as it will be published, then send it to the editorial team.",
            "Lees de fiche na zoals ze gepubliceerd zal worden en stuur ze dan naar de redactie.",
        ),
        # "My space" section
        "Mes fiches pratiques": ("My practice sheets", "Mijn praktijkfiches"),
        "Brouillons": ("Drafts", "Concepten"),
        "enregistré le %(date)s, à l'étape « %(step)s »": (
            "saved on %(date)s, at the “%(step)s” step",
            "opgeslagen op %(date)s, bij de stap ‘%(step)s’",
        ),
        "Fiches de mes organisations": ("My organisations' sheets", "Fiches van mijn organisaties"),
        "Commentaire de l'équipe éditoriale :": (
            "Editorial team's comment:",
            "Opmerking van de redactie:",
        ),
        "Modifier et renvoyer": ("Edit and resubmit", "Bewerken en opnieuw indienen"),
        "Modifier": ("Edit", "Bewerken"),
        "Vous n'avez encore écrit aucune fiche.": (
            "You have not written any sheets yet.",
            "Je hebt nog geen fiches geschreven.",
        ),
        "Proposer une fiche pratique": ("Submit a practice sheet", "Praktijkfiche voorstellen"),
        # review emails
        "L'équipe éditoriale a relu et publié votre fiche « %(title)s ». Merci d'avoir passé le relais !": (
            "The editorial team has reviewed and published your sheet “%(title)s”. Thank you for passing on the baton!",
            "De redactie heeft je fiche ‘%(title)s’ nagelezen en gepubliceerd. Bedankt om het stokje door te geven!",
        ),
        "Son commentaire :": ("The editorial team's comment:", "Opmerking van de redactie:"),
        "La fiche en ligne :": ("The sheet online:", "De fiche online:"),
        "Votre fiche « %(title)s » est publiée": (
            "Your sheet “%(title)s” has been published",
            "Je fiche ‘%(title)s’ is gepubliceerd",
        ),
        "L'équipe éditoriale a relu votre fiche « %(title)s » et vous demande quelques modifications avant de la publier.": (
            "The editorial team has reviewed your sheet “%(title)s” and asks for a few changes before publishing it.",
            "De redactie heeft je fiche ‘%(title)s’ nagelezen en vraagt enkele aanpassingen voor ze gepubliceerd wordt.",
        ),
        "Modifiez la fiche et renvoyez-la ici :": (
            "Edit the sheet and resubmit it here:",
            "Pas de fiche aan en dien ze hier opnieuw in:",
        ),
        "Des modifications sont demandées pour « %(title)s »": (
            "Changes requested for “%(title)s”",
            "Aanpassingen gevraagd voor ‘%(title)s’",
        ),
        # sheet cards and reactions
        "publiée le %(date)s": ("published on %(date)s", "gepubliceerd op %(date)s"),
        "Outils :": ("Tools:", "Tools:"),
        "Mots-clés :": ("Keywords:", "Trefwoorden:"),
        "%(counter)s membre la trouve utile": (
            ("%(counter)s member finds it useful", "%(counter)s members find it useful"),
            ("%(counter)s lid vindt ze nuttig", "%(counter)s leden vinden ze nuttig"),
        ),
        "adoptée par %(counter)s organisation": (
            ("adopted by %(counter)s organisation", "adopted by %(counter)s organisations"),
            ("toegepast door %(counter)s organisatie", "toegepast door %(counter)s organisaties"),
        ),
        "Cette fiche vous aide ?": ("Does this sheet help you?", "Heb je iets aan deze fiche?"),
        "Personne ne l'a encore marquée utile.": (
            "Nobody has marked it as useful yet.",
            "Nog niemand heeft ze als nuttig gemarkeerd.",
        ),
        "Je la trouve utile": ("I find it useful", "Ik vind ze nuttig"),
        "Garder en favori": ("Bookmark", "Bewaren als favoriet"),
        "Connectez-vous": ("Log in", "Meld je aan"),
        "pour la marquer utile, la garder en favori ou dire si votre organisation l'a essayée.": (
            "to mark it as useful, bookmark it or say whether your organisation has tried it.",
            "om ze als nuttig te markeren, als favoriet te bewaren of te laten weten of je organisatie ze heeft uitgeprobeerd.",
        ),
        "Adoptée par %(counter)s organisation": (
            ("Adopted by %(counter)s organisation", "Adopted by %(counter)s organisations"),
            ("Toegepast door %(counter)s organisatie", "Toegepast door %(counter)s organisaties"),
        ),
        "Qui l'a essayée ?": ("Who has tried it?", "Wie heeft ze uitgeprobeerd?"),
        "ça a marché : %(n)s": ("it worked: %(n)s", "het werkte: %(n)s"),
        "en partie : %(n)s": ("partly: %(n)s", "gedeeltelijk: %(n)s"),
        "ça n'a pas marché : %(n)s": ("it didn't work: %(n)s", "het werkte niet: %(n)s"),
        "Retirer le témoignage de %(name)s": (
            "Remove the feedback from %(name)s",
            "Ervaring van %(name)s verwijderen",
        ),
        "Aucune organisation n'a encore dit l'avoir essayée.": (
            "No organisation has reported trying it yet.",
            "Nog geen enkele organisatie heeft laten weten dat ze deze fiche uitprobeerde.",
        ),
        "Nous l'avons essayée aussi": ("We tried it too", "Wij hebben ze ook uitgeprobeerd"),
        "Votre organisation a déjà témoigné : envoyer à nouveau remplace son témoignage.": (
            "Your organisation has already given feedback: sending again replaces it.",
            "Je organisatie heeft al een ervaring gedeeld: opnieuw versturen vervangt die.",
        ),
        "Envoyer notre témoignage": ("Send our feedback", "Onze ervaring versturen"),
        "Pour dire que votre organisation l'a essayée, rejoignez-la d'abord sur Relais.": (
            "To say that your organisation has tried it, first join it on Relais.",
            "Wil je laten weten dat je organisatie ze heeft uitgeprobeerd? Word dan eerst lid van je organisatie op Relais.",
        ),
        # library page
        "Fiches pratiques filtrées": ("Filtered practice sheets", "Gefilterde praktijkfiches"),
        "page %(n)s": ("page %(n)s", "pagina %(n)s"),
        "Nouvelles fiches pratiques": ("New practice sheets", "Nieuwe praktijkfiches"),
        "Proposer une fiche": ("Submit a sheet", "Fiche voorstellen"),
        "Le catalogue des outils": ("The tool catalogue", "De toolcatalogus"),
        "S'abonner au flux Atom": ("Subscribe to the Atom feed", "Abonneren op de Atom-feed"),
        "Voir la fiche trouvée": (
            ("See the sheet found", "See the %(counter)s sheets found"),
            ("Bekijk de gevonden fiche", "Bekijk de %(counter)s gevonden fiches"),
        ),
        "Trouver une fiche": ("Find a sheet", "Fiche zoeken"),
        "%(counter)s fiche": (
            ("%(counter)s sheet", "%(counter)s sheets"),
            ("%(counter)s fiche", "%(counter)s fiches"),
        ),
        "page %(n)s sur %(total)s": ("page %(n)s of %(total)s", "pagina %(n)s van %(total)s"),
        "Filtres actifs :": ("Active filters:", "Actieve filters:"),
        "retirer ce filtre": ("remove this filter", "deze filter verwijderen"),
        "Aucune fiche ne correspond à ces critères.": (
            "No sheet matches these criteria.",
            "Geen enkele fiche voldoet aan deze criteria.",
        ),
        "Voir toutes les fiches": ("See all sheets", "Alle fiches bekijken"),
        # sheet page
        "Fil d’Ariane": ("Breadcrumb", "Kruimelpad"),
        "Fiche pratique": ("Practice sheet", "Praktijkfiche"),
        'Par <a href="%(url)s">%(name)s</a>': (
            'By <a href="%(url)s">%(name)s</a>',
            'Door <a href="%(url)s">%(name)s</a>',
        ),
        'publiée le <time datetime="%(iso)s">%(date)s</time>': (
            'published on <time datetime="%(iso)s">%(date)s</time>',
            'gepubliceerd op <time datetime="%(iso)s">%(date)s</time>',
        ),
        'mise à jour le <time datetime="%(iso)s">%(date)s</time>': (
            'updated on <time datetime="%(iso)s">%(date)s</time>',
            'bijgewerkt op <time datetime="%(iso)s">%(date)s</time>',
        ),
        "Modifier cette fiche": ("Edit this sheet", "Deze fiche bewerken"),
        "Le contexte": ("Context", "Context"),
        "Financements": ("Funding", "Financiering"),
        "Dimensions de maturité": ("Maturity dimensions", "Maturiteitsdimensies"),
        "3 difficultés à prévoir": (
            "3 difficulties to expect",
            "3 moeilijkheden om rekening mee te houden",
        ),
        "3 conseils pour les surmonter": ("3 tips to overcome them", "3 tips om ze te overwinnen"),
        "3 phases essentielles": ("3 essential phases", "3 essentiële fasen"),
        "3 outils vraiment utiles": ("3 really useful tools", "3 echt nuttige tools"),
        "Comment nous l'avons utilisé :": ("How we used it:", "Hoe we hem gebruikt hebben:"),
        "%(word)s : les fiches avec ce mot-clé": (
            "%(word)s: sheets with this keyword",
            "%(word)s: fiches met dit trefwoord",
        ),
        "Images et documents": ("Images and documents", "Afbeeldingen en documenten"),
        "En discuter": ("Talk about it", "Erover praten"),
        "Les salons arrivent bientôt : vous pourrez échanger ici avec l'organisation qui a écrit cette fiche et celles qui l'ont essayée.": (
            "Discussion rooms are coming soon: you will be able to talk here with the organisation that wrote this sheet and those that have tried it.",
            "Binnenkort komen er gespreksruimtes: dan kun je hier praten met de organisatie die deze fiche schreef en met de organisaties die ze uitprobeerden.",
        ),
        "Fiches liées": ("Related sheets", "Verwante fiches"),
        # tool catalogue
        "En bref": ("At a glance", "In het kort"),
        "Coût indicatif": ("Indicative cost", "Richtprijs"),
        "Hébergement des données": ("Data hosting", "Hosting van de gegevens"),
        "Filtrer les fiches par cet outil": (
            "Show the sheets that use this tool",
            "Fiches met deze tool tonen",
        ),
        "%(counter)s fiche l'utilise": (
            ("%(counter)s sheet uses it", "%(counter)s sheets use it"),
            ("%(counter)s fiche gebruikt hem", "%(counter)s fiches gebruiken hem"),
        ),
        "Aucune fiche publiée ne l'utilise pour l'instant.": (
            "No published sheet uses it yet.",
            "Nog geen enkele gepubliceerde fiche gebruikt hem.",
        ),
        "Qui d'autre l'utilise ?": ("Who else uses it?", "Wie gebruikt hem nog?"),
        "Pas encore d'organisation.": ("No organisations yet.", "Nog geen organisaties."),
        "Les outils numériques que les organisations du réseau ont utilisés dans leurs projets, et les fiches qui racontent comment.": (
            "The digital tools that the network's organisations have used in their projects, and the sheets that tell how.",
            "De digitale tools die de organisaties uit het netwerk in hun projecten gebruikt hebben, en de fiches die vertellen hoe.",
        ),
        "%(counter)s outil": (
            ("%(counter)s tool", "%(counter)s tools"),
            ("%(counter)s tool", "%(counter)s tools"),
        ),
        "Utilisé dans %(counter)s fiche": (
            ("Used in %(counter)s sheet", "Used in %(counter)s sheets"),
            ("Gebruikt in %(counter)s fiche", "Gebruikt in %(counter)s fiches"),
        ),
        "Aucun outil ne correspond à ces critères.": (
            "No tool matches these criteria.",
            "Geen enkele tool voldoet aan deze criteria.",
        ),
        # wizard templates
        "Brouillon enregistré, mais cette étape n'est pas encore complète :": (
            "Draft saved, but this step is not complete yet:",
            "Concept opgeslagen, maar deze stap is nog niet volledig:",
        ),
        "Cette étape contient des erreurs ; rien n'a été enregistré :": (
            "This step contains errors; nothing has been saved:",
            "Deze stap bevat fouten; er is niets opgeslagen:",
        ),
        "Modifier une fiche": ("Edit a sheet", "Fiche bewerken"),
        "Étape %(n)s sur %(total)s": ("Step %(n)s of %(total)s", "Stap %(n)s van %(total)s"),
        "Étapes de la fiche": ("Sheet steps", "Stappen van de fiche"),
        "Modifier « %(title)s »": ("Edit “%(title)s”", "‘%(title)s’ bewerken"),
        "Le commentaire de l'équipe éditoriale": (
            "The editorial team's comment",
            "De opmerking van de redactie",
        ),
        "Vous allez reprendre la fiche dans l'assistant, étape par étape, à partir de sa dernière version. Une fois envoyée, la nouvelle version est relue par l'équipe éditoriale ; la version en ligne, s'il y en a une, reste visible d'ici là.": (
            "You will go through the sheet again in the wizard, step by step, starting from its latest version. Once submitted, the new version is reviewed by the editorial team; the online version, if there is one, stays visible until then.",
            "Je doorloopt de fiche opnieuw in de wizard, stap voor stap, vanaf de laatste versie. Na het indienen leest de redactie de nieuwe versie na; de online versie, als die er is, blijft tot dan zichtbaar.",
        ),
        "Modifier la fiche": ("Edit the sheet", "De fiche bewerken"),
        "Passez le relais : racontez votre projet numérique à celles et ceux qui s'y lancent.": (
            "Pass on the baton: tell those who are starting out about your digital project.",
            "Geef het stokje door: vertel over je digitale project aan wie er zelf aan begint.",
        ),
        "Une fiche suit toujours le même fil : pourquoi se lancer, puis exactement trois difficultés, trois conseils, trois phases, trois outils et trois mots-clés. Votre brouillon est enregistré à chaque étape ; vous pouvez l'interrompre et le reprendre quand vous voulez.": (
            "A sheet always follows the same thread: why get started, then exactly three difficulties, three tips, three phases, three tools and three keywords. Your draft is saved at every step; you can stop and pick it up again whenever you like.",
            "Een fiche volgt altijd dezelfde lijn: waarom eraan beginnen, dan precies drie moeilijkheden, drie tips, drie fasen, drie tools en drie trefwoorden. Je concept wordt bij elke stap opgeslagen; je kunt op elk moment stoppen en later verdergaan.",
        ),
        "Commencer une nouvelle fiche": ("Start a new sheet", "Nieuwe fiche beginnen"),
        "Mes brouillons": ("My drafts", "Mijn concepten"),
        "modification d'une fiche existante": (
            "editing an existing sheet",
            "bewerking van een bestaande fiche",
        ),
        "Continuer": ("Continue", "Verdergaan"),
        "Supprimer": ("Delete", "Verwijderen"),
        "Aucun brouillon en cours.": ("No drafts in progress.", "Geen lopende concepten."),
        "Rejoignez d'abord une organisation": (
            "Join an organisation first",
            "Word eerst lid van een organisatie",
        ),
        "Une fiche pratique raconte le projet d'une organisation et paraît en son nom. Pour en proposer une, devenez d'abord membre de votre organisation sur Relais : trouvez-la dans l'annuaire et demandez à la rejoindre, ou ajoutez-la si elle n'y est pas encore.": (
            "A practice sheet tells the story of an organisation's project and is published in its name. To submit one, first become a member of your organisation on Relais: find it in the directory and ask to join, or add it if it is not there yet.",
            "Een praktijkfiche vertelt over het project van een organisatie en verschijnt in haar naam. Om er een voor te stellen, word je eerst lid van je organisatie op Relais: zoek ze op in de gids en vraag om lid te worden, of voeg ze toe als ze er nog niet in staat.",
        ),
        "Nouvelle fiche": ("New sheet", "Nieuwe fiche"),
        "La fiche n'a pas été envoyée. Complétez d'abord :": (
            "The sheet was not submitted. First complete:",
            "De fiche is niet ingediend. Vul eerst aan:",
        ),
        "Avant d'envoyer la fiche, complétez :": (
            "Before submitting the sheet, complete:",
            "Vul aan voor je de fiche indient:",
        ),
        "Rien pour l'instant.": ("Nothing yet.", "Nog niets."),
        "nouvel outil proposé": ("new tool suggested", "nieuwe tool voorgesteld"),
        "La version en ligne reste visible jusqu'à ce que l'équipe éditoriale approuve la nouvelle.": (
            "The online version stays visible until the editorial team approves the new one.",
            "De online versie blijft zichtbaar tot de redactie de nieuwe goedkeurt.",
        ),
        "L'équipe éditoriale relit la fiche avant de la publier ; vous serez prévenu·e par courriel et dans votre espace.": (
            "The editorial team reviews the sheet before publishing it; you will be notified by email and in My space.",
            "De redactie leest de fiche na voor ze gepubliceerd wordt; je krijgt bericht via e-mail en in Mijn ruimte.",
        ),
        "Envoyer pour relecture": ("Submit for review", "Indienen voor moderatie"),
        "Suivant : aperçu": ("Next: preview", "Volgende: voorbeeld"),
        "Enregistrer le brouillon": ("Save draft", "Concept opslaan"),
    }
)

T.update(
    {
        "Ailleurs dans l'Union européenne": (
            "Elsewhere in the European Union",
            "Elders in de Europese Unie",
        ),
        "marque « utile »": ("“useful” mark", "‘nuttig’-markering"),
        "marques « utile »": ("“useful” marks", "‘nuttig’-markeringen"),
        "favoris": ("bookmarks", "favorieten"),
        "adoptions": ("adoptions", "toepassingen"),
        "brouillons de fiches": ("sheet drafts", "fiche-concepten"),
        "Pratiques": ("Practices", "Praktijken"),
    }
)

# /moi/ bookmarks, home page calendar and latest sheets.
T.update(
    {
        "Mes fiches favorites": ("My bookmarked sheets", "Mijn favoriete fiches"),
        "Tout l'agenda": ("The whole calendar", "De hele agenda"),
        "Dernières fiches pratiques": ("Latest practice sheets", "Nieuwste praktijkfiches"),
        "Toutes les fiches": ("All sheets", "Alle fiches"),
    }
)

# Review fixes: unreadable frames, month range, pending review, organisation rooms.
T.update(
    {
        "Message illisible.": ("Unreadable message.", "Onleesbaar bericht."),
        "Choisissez un mois entre %(first)s et %(last)s.": (
            "Choose a month between %(first)s and %(last)s.",
            "Kies een maand tussen %(first)s en %(last)s.",
        ),
        "Une modification de cet évènement attend la relecture de l'équipe éditoriale : demandez-lui d'annuler, ou attendez sa décision.": (
            "A change to this event is waiting for the editorial team's review: ask them to cancel, or wait for their decision.",
            "Een wijziging van dit evenement wacht op nalezing door de redactie: vraag haar om te annuleren, of wacht op haar beslissing.",
        ),
        "Le salon de la fédération": ("The federation's room", "De ruimte van de federatie"),
        "Le salon de l'équipe": ("The team's room", "De ruimte van het team"),
    }
)
