# ruff: noqa: E501
"""English and Dutch translations of the rooms (models, service errors, WebSocket error
frames, room pages, report queue, mention emails); merged into translations.T by
apply_translations.py.

Same shape and style as translations.py. Terminology (FR -> EN / NL):
    salon                 room / ruimte
    salon thématique      themed room / themaruimte
    conversation privée   private conversation / privégesprek
    message               message / bericht
    signalement, signaler report / rapport, rapporteren ("melding" is a notification)
    masquer               hide / verbergen
    rendre muet·te        mute / het zwijgen opleggen (muted: "kan niet schrijven")
    exclure               ban / uitsluiten
    mesure (de modération) measure / maatregel
    mentionner            mention / vermelden
"""

T = {
    # models
    "Salon thématique": ("Themed room", "Themaruimte"),
    "Discussion d'une page": ("Page discussion", "Bespreking van een pagina"),
    "Salon d'organisation": ("Organisation room", "Organisatieruimte"),
    "Conversation privée": ("Private conversation", "Privégesprek"),
    "dernier message": ("last message", "laatste bericht"),
    "archivé": ("archived", "gearchiveerd"),
    "Un salon archivé se lit mais ne s'écrit plus.": (
        "An archived room can be read but no longer written in.",
        "Een gearchiveerde ruimte kan je lezen, maar er kan niet meer in geschreven worden.",
    ),
    "Modérer tous les salons": ("Moderate all rooms", "Alle ruimtes modereren"),
    "salon": ("room", "ruimte"),
    "salons": ("rooms", "ruimtes"),
    "numéro": ("number", "nummer"),
    "identifiant client": ("client ID", "client-ID"),
    "texte (Markdown)": ("text (Markdown)", "tekst (Markdown)"),
    "texte (HTML assaini)": ("text (sanitised HTML)", "tekst (opgeschoonde HTML)"),
    "en réponse au message": ("in reply to message", "als antwoord op bericht"),
    "messages": ("messages", "berichten"),
    "Rendu muet": ("Muted", "Zwijgen opgelegd"),
    "Exclu": ("Banned", "Uitgesloten"),
    "mesure": ("measure", "maatregel"),
    "jusqu'au": ("until", "tot"),
    "motif": ("reason", "reden"),
    "mesure de modération": ("moderation measure", "moderatiemaatregel"),
    "mesures de modération": ("moderation measures", "moderatiemaatregelen"),
    "Traité": ("Handled", "Afgehandeld"),
    "Message masqué": ("Message hidden", "Bericht verborgen"),
    "Classé sans suite": ("Dismissed", "Zonder gevolg geklasseerd"),
    "décision": ("decision", "beslissing"),
    "signalement": ("report", "rapport"),
    "signalements": ("reports", "rapporten"),
    "Personne rendue muette": ("Person muted", "Persoon het zwijgen opgelegd"),
    "Personne exclue": ("Person banned", "Persoon uitgesloten"),
    "Mesure levée": ("Measure lifted", "Maatregel opgeheven"),
    "Signalement classé": ("Report dismissed", "Rapport geklasseerd"),
    "action": ("action", "actie"),
    "détail": ("detail", "detail"),
    "journal de modération": ("moderation log", "moderatielogboek"),
    # service and WebSocket errors
    "Compte supprimé": ("Deleted account", "Verwijderd account"),
    "Vous ne pouvez pas vous écrire à vous-même.": (
        "You cannot write to yourself.",
        "Je kan jezelf geen bericht sturen.",
    ),
    "Identifiant de message invalide.": ("Invalid message ID.", "Ongeldige bericht-ID."),
    "Le message doit être un texte.": ("The message must be text.", "Het bericht moet tekst zijn."),
    "Le message est vide.": ("The message is empty.", "Het bericht is leeg."),
    "Le message est trop long : %(max)s caractères au plus (vous en avez %(n)s).": (
        "The message is too long: %(max)s characters at most (yours has %(n)s).",
        "Het bericht is te lang: hoogstens %(max)s tekens (het jouwe telt er %(n)s).",
    ),
    "Vous écrivez très vite : attendez une minute avant d'envoyer d'autres messages.": (
        "You are writing very fast: wait a minute before sending more messages.",
        "Je schrijft erg snel: wacht een minuut voor je meer berichten stuurt.",
    ),
    "La modération vous a rendu·e muet·te dans ce salon pour le moment.": (
        "The moderators have muted you in this room for the time being.",
        "De moderatie heeft je in deze ruimte voorlopig het zwijgen opgelegd.",
    ),
    "Ce salon est archivé : on ne peut plus y écrire.": (
        "This room is archived: it can no longer be written in.",
        "Deze ruimte is gearchiveerd: je kan er niet meer in schrijven.",
    ),
    "Vous n'avez pas accès à ce salon.": (
        "You do not have access to this room.",
        "Je hebt geen toegang tot deze ruimte.",
    ),
    "Le message auquel vous répondez n'existe pas.": (
        "The message you are replying to does not exist.",
        "Het bericht waarop je antwoordt, bestaat niet.",
    ),
    "Vous ne pouvez modifier que vos propres messages.": (
        "You can only change your own messages.",
        "Je kan alleen je eigen berichten wijzigen.",
    ),
    "Ce message a été supprimé.": ("This message has been deleted.", "Dit bericht is verwijderd."),
    "Ce message n'existe pas.": ("This message does not exist.", "Dit bericht bestaat niet."),
    "Numéro de message invalide.": ("Invalid message number.", "Ongeldig berichtnummer."),
    "%(author)s vous a mentionné·e dans « %(room)s ».": (
        "%(author)s mentioned you in “%(room)s”.",
        "%(author)s heeft je vermeld in ‘%(room)s’.",
    ),
    "Seule la modération peut faire cela.": (
        "Only moderators can do that.",
        "Alleen de moderatie kan dat doen.",
    ),
    "Ce message est déjà masqué.": (
        "This message is already hidden.",
        "Dit bericht is al verborgen.",
    ),
    "Vous ne pouvez pas signaler votre propre message.": (
        "You cannot report your own message.",
        "Je kan je eigen bericht niet rapporteren.",
    ),
    "Trop de signalements : réessayez dans une heure.": (
        "Too many reports: try again in an hour.",
        "Te veel rapporten: probeer het over een uur opnieuw.",
    ),
    "Vous avez déjà signalé ce message.": (
        "You have already reported this message.",
        "Je hebt dit bericht al gerapporteerd.",
    ),
    "Ce signalement n'existe pas ou ne vous concerne pas.": (
        "This report does not exist or is not yours to handle.",
        "Dit rapport bestaat niet of is niet door jou af te handelen.",
    ),
    "Ce signalement a déjà été traité.": (
        "This report has already been handled.",
        "Dit rapport is al afgehandeld.",
    ),
    "Décision inconnue.": ("Unknown decision.", "Onbekende beslissing."),
    "Mesure inconnue.": ("Unknown measure.", "Onbekende maatregel."),
    "On ne peut pas sanctionner la modération d'un salon.": (
        "A room's moderators cannot be sanctioned.",
        "De moderatoren van een ruimte kunnen geen maatregel krijgen.",
    ),
    "Cette mesure n'existe pas.": ("This measure does not exist.", "Deze maatregel bestaat niet."),
    "Seuls les messages texte (JSON) sont acceptés.": (
        "Only text (JSON) messages are accepted.",
        "Alleen tekstberichten (JSON) worden aanvaard.",
    ),
    "Message illisible : un objet JSON est attendu.": (
        "Unreadable message: a JSON object is expected.",
        "Onleesbaar bericht: een JSON-object wordt verwacht.",
    ),
    "Type de message inconnu.": ("Unknown message type.", "Onbekend berichttype."),
    "La modération vous a exclu·e de ce salon.": (
        "The moderators have banned you from this room.",
        "De moderatie heeft je uit deze ruimte uitgesloten.",
    ),
    # views
    "Adresse mal formée : voici les derniers messages.": (
        "Malformed address: here are the latest messages.",
        "Verkeerd gevormd adres: hier zijn de laatste berichten.",
    ),
    "Votre message est modifié.": ("Your message has been changed.", "Je bericht is gewijzigd."),
    "Votre message est supprimé.": ("Your message has been deleted.", "Je bericht is verwijderd."),
    "Le message est masqué.": ("The message is hidden.", "Het bericht is verborgen."),
    "Merci : la modération va examiner ce message.": (
        "Thank you: the moderators will look at this message.",
        "Bedankt: de moderatie bekijkt dit bericht.",
    ),
    "La mesure envers %(name)s est levée.": (
        "The measure against %(name)s has been lifted.",
        "De maatregel tegen %(name)s is opgeheven.",
    ),
    "%(name)s ne peut plus écrire ici pendant 24 heures.": (
        "%(name)s cannot write here for 24 hours.",
        "%(name)s kan hier 24 uur lang niet schrijven.",
    ),
    "%(name)s est exclu·e de ce salon.": (
        "%(name)s is banned from this room.",
        "%(name)s is uitgesloten uit deze ruimte.",
    ),
    "Connectez-vous pour lire ce salon.": (
        "Sign in to read this room.",
        "Meld je aan om deze ruimte te lezen.",
    ),
    "Ce salon n'existe pas.": ("This room does not exist.", "Deze ruimte bestaat niet."),
    "Les paramètres before, after et limit sont des nombres entiers.": (
        "The before, after and limit parameters are whole numbers.",
        "De parameters before, after en limit zijn gehele getallen.",
    ),
    "Choisissez before ou after, pas les deux.": (
        "Choose before or after, not both.",
        "Kies before of after, niet allebei.",
    ),
    "Le signalement est classé.": ("The report is dismissed.", "Het rapport is geklasseerd."),
    # room page and messages
    "Salons": ("Rooms", "Ruimtes"),
    "Voir la page liée à ce salon": (
        "See the page of this room",
        "Bekijk de pagina van deze ruimte",
    ),
    "File des signalements": ("Report queue", "Wachtrij van rapporten"),
    "Messages plus anciens": ("Older messages", "Oudere berichten"),
    "Messages": ("Messages", "Berichten"),
    "Aucun message pour l'instant : lancez la conversation !": (
        "No messages yet: start the conversation!",
        "Nog geen berichten: begin het gesprek!",
    ),
    "Revenir aux derniers messages": (
        "Back to the latest messages",
        "Terug naar de laatste berichten",
    ),
    'En réponse au <a href="#msg-%(seq)s">message n° %(seq)s</a>': (
        'In reply to <a href="#msg-%(seq)s">message no. %(seq)s</a>',
        'Als antwoord op <a href="#msg-%(seq)s">bericht nr. %(seq)s</a>',
    ),
    "Annuler la réponse": ("Cancel the reply", "Antwoord annuleren"),
    "Votre message": ("Your message", "Je bericht"),
    "Markdown simple : **gras**, *italique*, `code`, [lien](https://…). Mentionnez quelqu'un avec @[Son nom].": (
        "Simple Markdown: **bold**, *italic*, `code`, [link](https://…). Mention someone with @[Their name].",
        "Eenvoudige Markdown: **vet**, *cursief*, `code`, [link](https://…). Vermeld iemand met @[Naam].",
    ),
    "Envoyer": ("Send", "Versturen"),
    "Vous ne pouvez pas écrire dans ce salon pour le moment (décision de la modération).": (
        "You cannot write in this room for the time being (moderators' decision).",
        "Je kan voorlopig niet in deze ruimte schrijven (beslissing van de moderatie).",
    ),
    "Connectez-vous pour participer.": ("Sign in to take part.", "Meld je aan om mee te doen."),
    "(modifié)": ("(edited)", "(bewerkt)"),
    "En réponse au message n° %(seq)s": (
        "In reply to message no. %(seq)s",
        "Als antwoord op bericht nr. %(seq)s",
    ),
    "Message masqué par la modération.": (
        "Message hidden by the moderators.",
        "Bericht verborgen door de moderatie.",
    ),
    "Message supprimé.": ("Message deleted.", "Bericht verwijderd."),
    "Répondre": ("Reply", "Antwoorden"),
    "au message n° %(seq)s": ("to message no. %(seq)s", "op bericht nr. %(seq)s"),
    "Nouveau texte": ("New text", "Nieuwe tekst"),
    "le message n° %(seq)s": ("message no. %(seq)s", "bericht nr. %(seq)s"),
    "Signaler": ("Report", "Rapporteren"),
    "Pourquoi ce message pose-t-il problème ?": (
        "Why is this message a problem?",
        "Waarom is dit bericht een probleem?",
    ),
    "Envoyer le signalement": ("Send the report", "Rapport versturen"),
    "Masquer": ("Hide", "Verbergen"),
    "Mesure envers %(name)s": ("Measure against %(name)s", "Maatregel tegen %(name)s"),
    "Rendre muet·te (24 h)": ("Mute (24 h)", "Het zwijgen opleggen (24 u)"),
    "Exclure du salon": ("Ban from the room", "Uitsluiten uit de ruimte"),
    # discussion block (sheets, events)
    "%(counter)s message": (
        ("%(counter)s message", "%(counter)s messages"),
        ("%(counter)s bericht", "%(counter)s berichten"),
    ),
    "Personne n'a encore écrit ici : posez la première question !": (
        "Nobody has written here yet: ask the first question!",
        "Niemand heeft hier al geschreven: stel de eerste vraag!",
    ),
    "Rejoindre la discussion": ("Join the discussion", "Neem deel aan het gesprek"),
    "Les échanges sont réservés aux membres de Relais.": (
        "Discussions are for Relais members.",
        "De gesprekken zijn voorbehouden aan leden van Relais.",
    ),
    "Se connecter pour rejoindre la discussion": (
        "Sign in to join the discussion",
        "Meld je aan om deel te nemen aan het gesprek",
    ),
    "La discussion s'ouvrira dès la publication de cette page.": (
        "The discussion opens as soon as this page is published.",
        "Het gesprek gaat open zodra deze pagina gepubliceerd is.",
    ),
    "Échangez ici avec l'organisation qui a écrit cette fiche et celles qui l'ont essayée.": (
        "Talk here with the organisation that wrote this sheet and those that have tried it.",
        "Praat hier met de organisatie die deze fiche schreef en met wie ze uitprobeerde.",
    ),
    # room list, /moi/, profile
    "Échangez en direct avec les autres actrices et acteurs de l'économie sociale : par thème, autour d'une fiche ou d'un évènement, dans votre organisation ou en privé.": (
        "Talk live with other people of the social economy: by theme, about a sheet or an event, within your organisation or in private.",
        "Praat live met andere spelers uit de sociale economie: per thema, over een fiche of een evenement, binnen je organisatie of privé.",
    ),
    "%(counter)s message non lu": (
        ("%(counter)s unread message", "%(counter)s unread messages"),
        ("%(counter)s ongelezen bericht", "%(counter)s ongelezen berichten"),
    ),
    "Salons thématiques": ("Themed rooms", "Themaruimtes"),
    "Discussions des fiches et des évènements": (
        "Discussions of sheets and events",
        "Gesprekken over fiches en evenementen",
    ),
    "Mes organisations et fédérations": (
        "My organisations and federations",
        "Mijn organisaties en federaties",
    ),
    "Conversations privées": ("Private conversations", "Privégesprekken"),
    "%(counter)s non lu": (
        ("%(counter)s unread", "%(counter)s unread"),
        ("%(counter)s ongelezen", "%(counter)s ongelezen"),
    ),
    "Aucun salon pour l'instant.": ("No rooms yet.", "Nog geen ruimtes."),
    "Aucun message non lu.": ("No unread messages.", "Geen ongelezen berichten."),
    "Tous les salons": ("All rooms", "Alle ruimtes"),
    "Écrire un message": ("Write a message", "Een bericht schrijven"),
    # report queue
    "Modération des salons": ("Room moderation", "Moderatie van de ruimtes"),
    "Modération": ("Moderation", "Moderatie"),
    "Signalements à traiter": ("Reports to handle", "Af te handelen rapporten"),
    "Message n° %(seq)s du salon « %(room)s », signalé par %(reporter)s le %(date)s": (
        "Message no. %(seq)s in the room “%(room)s”, reported by %(reporter)s on %(date)s",
        "Bericht nr. %(seq)s in de ruimte ‘%(room)s’, gerapporteerd door %(reporter)s op %(date)s",
    ),
    "Motif :": ("Reason:", "Reden:"),
    "Masquer le message": ("Hide the message", "Bericht verbergen"),
    "Classer sans suite": ("Dismiss", "Zonder gevolg klasseren"),
    "Aucun signalement en attente.": ("No reports waiting.", "Geen rapporten in afwachting."),
    "Mesures en cours": ("Current measures", "Lopende maatregelen"),
    "jusqu'au %(date)s": ("until %(date)s", "tot %(date)s"),
    "Lever la mesure": ("Lift the measure", "Maatregel opheffen"),
    "Journal de modération": ("Moderation log", "Moderatielogboek"),
    # mention emails
    "On vous a mentionné·e dans un salon": (
        ("You were mentioned in a room", "You were mentioned %(counter)s times in the rooms"),
        ("Je werd vermeld in een ruimte", "Je werd %(counter)s keer vermeld in de ruimtes"),
    ),
    "Quelqu'un vous a mentionné·e pendant votre absence :": (
        (
            "Someone mentioned you while you were away:",
            "You were mentioned %(counter)s times while you were away:",
        ),
        (
            "Iemand heeft je vermeld terwijl je weg was:",
            "Je werd %(counter)s keer vermeld terwijl je weg was:",
        ),
    ),
    "%(author)s dans « %(room)s » :": ("%(author)s in “%(room)s”:", "%(author)s in ‘%(room)s’:"),
    "Retrouvez toutes vos notifications dans votre espace :": (
        "Find all your notifications in your space:",
        "Vind al je meldingen in Mijn ruimte:",
    ),
}
