# ruff: noqa: E501
"""English and Dutch translations of the live room client's words
(templates/community/rooms/_client_strings.html, read by static/js/room.js); merged into
translations.T by apply_translations.py.

Same shape and style as translations.py. The words that _client_strings.html shares with
the room templates (_message.html, room.html: "Répondre", "(modifié)", "Message
supprimé.", "Messages plus anciens"...) are translated with the rooms app, not here.
Terminology (FR -> EN / NL):
    salon                 room / ruimte
    en direct             live / live
    en ligne              online / online
"""

T = {
    # Connection state (#room-status)
    "Connexion au salon…": ("Connecting to the room…", "Verbinden met de ruimte…"),
    "En direct : les nouveaux messages s'affichent d'eux-mêmes.": (
        "Live: new messages appear by themselves.",
        "Live: nieuwe berichten verschijnen vanzelf.",
    ),
    "Connexion perdue : nouvel essai dans %(seconds)s s…": (
        "Connection lost: trying again in %(seconds)s s…",
        "Verbinding verbroken: nieuwe poging over %(seconds)s s…",
    ),
    "Hors ligne : vos messages partiront dès le retour du réseau.": (
        "Offline: your messages will go as soon as the network is back.",
        "Offline: je berichten vertrekken zodra het netwerk terug is.",
    ),
    "Connectez-vous pour suivre ce salon en direct.": (
        "Sign in to follow this room live.",
        "Meld je aan om deze ruimte live te volgen.",
    ),
    "Vous n'avez pas accès à ce salon en direct.": (
        "You do not have access to this room live.",
        "Je hebt geen live toegang tot deze ruimte.",
    ),
    "Ce salon n'existe plus.": ("This room no longer exists.", "Deze ruimte bestaat niet meer."),
    # Sending
    "Vous": ("You", "Jij"),
    "envoi…": ("sending…", "verzenden…"),
    "non envoyé": ("not sent", "niet verzonden"),
    "Réessayer": ("Try again", "Opnieuw proberen"),
    "Abandonner": ("Discard", "Laten vallen"),
    "ce message": ("this message", "dit bericht"),
    "Entrée envoie, Maj+Entrée va à la ligne.": (
        "Enter sends, Shift+Enter starts a new line.",
        "Enter verzendt, Shift+Enter begint een nieuwe regel.",
    ),
    # Announcements, typing, presence
    "Nouveau message de %(name)s": ("New message from %(name)s", "Nieuw bericht van %(name)s"),
    "%(number)s nouveaux messages": ("%(number)s new messages", "%(number)s nieuwe berichten"),
    "%(name)s écrit…": ("%(name)s is typing…", "%(name)s is aan het typen…"),
    "%(names)s écrivent…": ("%(names)s are typing…", "%(names)s zijn aan het typen…"),
    "En ligne (%(number)s)": ("Online (%(number)s)", "Online (%(number)s)"),
    # Older history
    "Chargement des messages plus anciens…": (
        "Loading older messages…",
        "Oudere berichten worden geladen…",
    ),
    "C'est le début de la conversation.": (
        "This is the start of the conversation.",
        "Dit is het begin van het gesprek.",
    ),
    "Les messages plus anciens n'ont pas pu être chargés : réessayez.": (
        "Older messages could not be loaded: please try again.",
        "Oudere berichten konden niet geladen worden: probeer opnieuw.",
    ),
    # Error frames
    "Vous envoyez beaucoup de messages : patientez quelques secondes, puis réessayez.": (
        "You are sending a lot of messages: wait a few seconds, then try again.",
        "Je verstuurt veel berichten: wacht een paar seconden en probeer dan opnieuw.",
    ),
    "Ce message est trop long : raccourcissez-le.": (
        "This message is too long: please shorten it.",
        "Dit bericht is te lang: maak het korter.",
    ),
    "Vous ne pouvez pas faire cela dans ce salon.": (
        "You cannot do that in this room.",
        "Dat kun je niet doen in deze ruimte.",
    ),
    "Ce message n'a pas pu être traité : vérifiez-le et réessayez.": (
        "This message could not be processed: check it and try again.",
        "Dit bericht kon niet verwerkt worden: controleer het en probeer opnieuw.",
    ),
}
