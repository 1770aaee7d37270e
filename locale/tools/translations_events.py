# ruff: noqa: E501
"""English and Dutch translations of the calendar ("events") app and of the lines the
community app gained for it; merged into translations.T by apply_translations.py.

Same shape and style as translations.py. Terminology of this app (FR -> EN / NL):
    agenda                calendar / agenda
    évènement             event / evenement
    inscription, inscrit·e registration, registered / inschrijving, ingeschreven
    personnes inscrites   registered participants / ingeschreven deelnemers
    liste d'attente       waiting list / wachtlijst
    complet               full / volzet
    place(s)              place(s) / plaats(en)
    série                 series / reeks
    lien de connexion     joining link / link om deel te nemen
    intervision           peer-learning session (intervision) / intervisie
"""

T = {
    # app, page models
    "Agenda": ("Calendar", "Agenda"),
    "agenda": ("calendar", "agenda"),
    "évènement": ("event", "evenement"),
    "évènements": ("events", "evenementen"),
    "Intervision": ("Peer-learning session (intervision)", "Intervisie"),
    "Atelier": ("Workshop", "Workshop"),
    "Webinaire": ("Webinar", "Webinar"),
    "Conférence": ("Conference", "Conferentie"),
    "Formation": ("Training", "Opleiding"),
    "Ouvert à toutes et tous": ("Open to everyone", "Open voor iedereen"),
    "Réservé aux membres de la fédération organisatrice": (
        "Members of the organising federation only",
        "Alleen voor leden van de organiserende federatie",
    ),
    "organisé par": ("organised by", "georganiseerd door"),
    "début": ("start", "begin"),
    "fin": ("end", "einde"),
    "Le fuseau horaire du lieu : les dates d'une série y gardent leur heure.": (
        "The time zone of the venue: the dates of a series keep their local time there.",
        "De tijdzone van de plaats: de datums van een reeks behouden er hun uur.",
    ),
    "récurrence (RRULE)": ("recurrence (RRULE)", "herhaling (RRULE)"),
    "Vide pour une date unique. Exemple, le premier mardi de chaque mois pendant six mois : FREQ=MONTHLY;BYDAY=1TU;COUNT=6": (
        "Leave empty for a single date. Example, the first Tuesday of every month for six months: FREQ=MONTHLY;BYDAY=1TU;COUNT=6",
        "Laat leeg voor één enkele datum. Voorbeeld, de eerste dinsdag van elke maand gedurende zes maanden: FREQ=MONTHLY;BYDAY=1TU;COUNT=6",
    ),
    "adresse du lieu": ("venue address", "adres van de locatie"),
    "lien de connexion": ("joining link", "link om deel te nemen"),
    "Montré seulement aux personnes inscrites.": (
        "Only shown to registered participants.",
        "Alleen zichtbaar voor de ingeschreven deelnemers.",
    ),
    "nombre de places": ("number of places", "aantal plaatsen"),
    "Vide : pas de limite.": ("Leave empty for no limit.", "Laat leeg voor geen limiet."),
    "inscriptions jusqu'au": ("registration open until", "inschrijven tot"),
    "public": ("audience", "doelpubliek"),
    "annulé": ("cancelled", "geannuleerd"),
    "dates annulées ou déplacées": (
        "cancelled or moved dates",
        "geannuleerde of verplaatste datums",
    ),
    "Quand": ("When", "Wanneer"),
    "Où": ("Where", "Waar"),
    "date prévue": ("scheduled date", "geplande datum"),
    "annulée": ("cancelled", "geannuleerd"),
    "nouveau début": ("new start", "nieuw begin"),
    "nouvelle fin": ("new end", "nieuw einde"),
    "note": ("note", "notitie"),
    "date modifiée": ("changed date", "gewijzigde datum"),
    "dates modifiées": ("changed dates", "gewijzigde datums"),
    "Une date est soit annulée, soit déplacée (début et fin).": (
        "A date is either cancelled or moved (start and end).",
        "Een datum wordt ofwel geannuleerd, ofwel verplaatst (begin en einde).",
    ),
    "La fin doit suivre le début.": (
        "The end must come after the start.",
        "Het einde moet na het begin komen.",
    ),
    "inscrit·e": ("registered", "ingeschreven"),
    "en liste d'attente": ("on the waiting list", "op de wachtlijst"),
    "désinscrit·e": ("unregistered", "uitgeschreven"),
    "inscription": ("registration", "inschrijving"),
    # recurrence and publishing rules
    "Fuseau horaire inconnu.": ("Unknown time zone.", "Onbekende tijdzone."),
    "Cette règle de récurrence n'est pas valide. Exemple : FREQ=MONTHLY;BYDAY=1TU;COUNT=6 (le premier mardi du mois, six fois).": (
        "This recurrence rule is not valid. Example: FREQ=MONTHLY;BYDAY=1TU;COUNT=6 (the first Tuesday of the month, six times).",
        "Deze herhalingsregel is ongeldig. Voorbeeld: FREQ=MONTHLY;BYDAY=1TU;COUNT=6 (de eerste dinsdag van de maand, zes keer).",
    ),
    "Cette règle ne donne aucune date.": (
        "This rule gives no dates.",
        "Deze regel levert geen enkele datum op.",
    ),
    "Indiquez une adresse, un lien de connexion, ou les deux.": (
        "Enter an address, a joining link, or both.",
        "Vul een adres in, een link om deel te nemen, of allebei.",
    ),
    "Au moins une place, ou laissez vide.": (
        "At least one place, or leave empty.",
        "Minstens één plaats, of laat leeg.",
    ),
    "Les inscriptions ne peuvent pas fermer après la fin.": (
        "Registration cannot close after the end.",
        "De inschrijvingen kunnen niet na het einde sluiten.",
    ),
    "L'agenda n'existe pas encore. Prévenez l'équipe éditoriale.": (
        "The calendar does not exist yet. Please let the editorial team know.",
        "De agenda bestaat nog niet. Verwittig de redactie.",
    ),
    "Aucun processus de relecture n'est configuré pour l'agenda. Prévenez l'équipe éditoriale.": (
        "No review workflow is set up for the calendar. Please let the editorial team know.",
        "Er is geen moderatieworkflow ingesteld voor de agenda. Verwittig de redactie.",
    ),
    "Les inscriptions à cet évènement sont closes.": (
        "Registration for this event is closed.",
        "De inschrijvingen voor dit evenement zijn afgesloten.",
    ),
    "Une place s'est libérée : vous êtes inscrit·e à « %(title)s ».": (
        "A place has become available: you are now registered for “%(title)s”.",
        "Er is een plaats vrijgekomen: je bent nu ingeschreven voor ‘%(title)s’.",
    ),
    # announce form
    "Belgique (Europe/Brussels)": (
        "Belgium (Europe/Brussels)",
        "België (Europe/Brussels)",
    ),
    "France (Europe/Paris)": ("France (Europe/Paris)", "Frankrijk (Europe/Paris)"),
    "Luxembourg (Europe/Luxembourg)": (
        "Luxembourg (Europe/Luxembourg)",
        "Luxemburg (Europe/Luxembourg)",
    ),
    "Suisse (Europe/Zurich)": ("Switzerland (Europe/Zurich)", "Zwitserland (Europe/Zurich)"),
    "Québec (America/Toronto)": ("Quebec (America/Toronto)", "Quebec (America/Toronto)"),
    "Une seule date": ("A single date", "Eén enkele datum"),
    "Chaque semaine": ("Every week", "Elke week"),
    "Toutes les deux semaines": ("Every two weeks", "Om de twee weken"),
    "Chaque mois, le même jour de la semaine (ex. : le premier mardi)": (
        "Every month, on the same day of the week (e.g. the first Tuesday)",
        "Elke maand, op dezelfde weekdag (bv. de eerste dinsdag)",
    ),
    "Chaque mois, à la même date": (
        "Every month, on the same date",
        "Elke maand, op dezelfde datum",
    ),
    "Titre": ("Title", "Titel"),
    "Organisé par": ("Organised by", "Georganiseerd door"),
    "Les organisations dont vous êtes membre.": (
        "The organisations you are a member of.",
        "De organisaties waarvan je lid bent.",
    ),
    "En une phrase": ("In one sentence", "In één zin"),
    "Montrée dans l'agenda.": ("Shown in the calendar.", "Wordt getoond in de agenda."),
    "Date": ("Date", "Datum"),
    "La première date, pour une série.": (
        "The first date, for a series.",
        "De eerste datum, bij een reeks.",
    ),
    "Heure de début": ("Start time", "Beginuur"),
    "Heure de fin": ("End time", "Einduur"),
    "Fuseau horaire": ("Time zone", "Tijdzone"),
    "Répétition": ("Repeat", "Herhaling"),
    "Nombre de dates": ("Number of dates", "Aantal datums"),
    "Pour une série : combien de dates en tout (de 2 à 52).": (
        "For a series: how many dates in total (from 2 to 52).",
        "Voor een reeks: hoeveel datums in totaal (van 2 tot 52).",
    ),
    "Adresse du lieu": ("Venue address", "Adres van de locatie"),
    "Vide pour un évènement en ligne.": (
        "Leave empty for an online event.",
        "Laat leeg voor een online evenement.",
    ),
    "—": ("—", "—"),
    "Lien de connexion": ("Joining link", "Link om deel te nemen"),
    "Nombre de places": ("Number of places", "Aantal plaatsen"),
    "Inscriptions jusqu'au": ("Registration open until", "Inschrijven tot"),
    "Vide : jusqu'au début.": (
        "Leave empty to allow registration until the start.",
        "Laat leeg om inschrijven toe te laten tot de start.",
    ),
    "Public": ("Audience", "Doelpubliek"),
    "Description": ("Description", "Beschrijving"),
    "Le programme, pour qui, ce qu'il faut préparer.": (
        "The programme, who it is for, what to prepare.",
        "Het programma, voor wie, wat je moet voorbereiden.",
    ),
    "Cette date est déjà passée.": ("This date has already passed.", "Deze datum is al voorbij."),
    "Combien de dates ? Entre 2 et 52.": (
        "How many dates? Between 2 and 52.",
        "Hoeveel datums? Tussen 2 en 52.",
    ),
    "Les inscriptions ne peuvent pas fermer après la date de l'évènement.": (
        "Registration cannot close after the date of the event.",
        "De inschrijvingen kunnen niet na de datum van het evenement sluiten.",
    ),
    # iCalendar
    "Lien de connexion : %(url)s": ("Joining link: %(url)s", "Link om deel te nemen: %(url)s"),
    "En ligne : le lien est donné aux personnes inscrites.": (
        "Online: the link is given to registered participants.",
        "Online: de ingeschreven deelnemers krijgen de link.",
    ),
    "En ligne": ("Online", "Online"),
    # calendar filters
    "Sur place": ("On site", "Ter plaatse"),
    "Format": ("Format", "Vorm"),
    "Période": ("Period", "Periode"),
    "À venir": ("Upcoming", "Komende"),
    "Passés": ("Past", "Voorbije"),
    "Affichage": ("View", "Weergave"),
    "Liste": ("List", "Lijst"),
    "Mois": ("Month", "Maand"),
    "Un mois s'écrit AAAA-MM, par exemple 2026-12.": (
        "A month is written YYYY-MM, for example 2026-12.",
        "Een maand schrijf je als JJJJ-MM, bijvoorbeeld 2026-12.",
    ),
    # views
    "Connectez-vous pour vous inscrire.": (
        "Log in to register.",
        "Meld je aan om je in te schrijven.",
    ),
    "Cet évènement est réservé aux membres de la fédération qui l'organise et de ses organisations membres.": (
        "This event is only open to members of the federation organising it and of its member organisations.",
        "Dit evenement is alleen toegankelijk voor leden van de federatie die het organiseert en van haar aangesloten organisaties.",
    ),
    "Vous êtes inscrit·e. La confirmation, avec le fichier d'agenda, part par email.": (
        "You are registered. The confirmation, with the calendar file, is on its way by email.",
        "Je bent ingeschreven. De bevestiging, met het agendabestand, wordt per e-mail verstuurd.",
    ),
    "C'est complet : vous êtes sur la liste d'attente. Vous recevrez un email si une place se libère.": (
        "The event is full: you are on the waiting list. You will receive an email if a place becomes available.",
        "Het evenement is volzet: je staat op de wachtlijst. Je krijgt een e-mail als er een plaats vrijkomt.",
    ),
    "Vous n'étiez pas inscrit·e : rien n'a changé.": (
        "You were not registered: nothing has changed.",
        "Je was niet ingeschreven: er is niets veranderd.",
    ),
    "Votre inscription est annulée.": (
        "Your registration has been cancelled.",
        "Je inschrijving is geannuleerd.",
    ),
    "Nom": ("Name", "Naam"),
    "Email": ("Email", "E-mail"),
    "Statut": ("Status", "Status"),
    "Depuis le": ("Since", "Sinds"),
    "Votre évènement est publié dans l'agenda.": (
        "Your event has been published in the calendar.",
        "Je evenement is gepubliceerd in de agenda.",
    ),
    "Merci ! Votre proposition est envoyée à l'équipe éditoriale, qui la publiera après relecture.": (
        "Thank you! Your proposal has been sent to the editorial team, who will publish it after review.",
        "Bedankt! Je voorstel is naar de redactie gestuurd, die het publiceert nadat ze het nagelezen heeft.",
    ),
    "L'évènement est mis à jour ; les personnes inscrites sont prévenues si l'heure ou le lieu ont changé.": (
        "The event has been updated; registered participants are notified if the time or place has changed.",
        "Het evenement is bijgewerkt; de ingeschreven deelnemers worden verwittigd als het uur of de plaats veranderd is.",
    ),
    "Votre modification est envoyée à l'équipe éditoriale.": (
        "Your change has been sent to the editorial team.",
        "Je wijziging is naar de redactie gestuurd.",
    ),
    "Cochez la case de confirmation pour annuler l'évènement.": (
        "Tick the confirmation box to cancel the event.",
        "Vink het bevestigingsvakje aan om het evenement te annuleren.",
    ),
    "L'évènement est annulé ; les personnes inscrites sont prévenues.": (
        "The event has been cancelled; registered participants have been notified.",
        "Het evenement is geannuleerd; de ingeschreven deelnemers zijn verwittigd.",
    ),
    "Cette date n'existe pas ou est déjà annulée.": (
        "This date does not exist or has already been cancelled.",
        "Deze datum bestaat niet of is al geannuleerd.",
    ),
    "Cette date est annulée ; les personnes inscrites sont prévenues.": (
        "This date has been cancelled; registered participants have been notified.",
        "Deze datum is geannuleerd; de ingeschreven deelnemers zijn verwittigd.",
    ),
    "Agenda Relais": ("Relais calendar", "Relais-agenda"),
    "%(name)s — agenda Relais": ("%(name)s — Relais calendar", "%(name)s — Relais-agenda"),
    "Mes évènements Relais": ("My Relais events", "Mijn Relais-evenementen"),
    "Votre agenda personnel est prêt : copiez son adresse dans votre application d'agenda.": (
        "Your personal calendar is ready: copy its address into your calendar app.",
        "Je persoonlijke agenda is klaar: kopieer het adres naar je agenda-app.",
    ),
    "Nouvelle adresse créée : l'ancienne ne fonctionne plus.": (
        "New address created: the old one no longer works.",
        "Nieuw adres aangemaakt: het oude werkt niet meer.",
    ),
    # organisation profile
    "Évènements": ("Events", "Evenementen"),
    "série à partir du %(date)s": ("series from %(date)s", "reeks vanaf %(date)s"),
    "Aucun évènement à venir.": ("No upcoming events.", "Geen komende evenementen."),
    "Voir dans l'agenda": ("View in the calendar", "Bekijken in de agenda"),
    "S'abonner à ses évènements (iCalendar)": (
        "Subscribe to its events (iCalendar)",
        "Abonneren op haar evenementen (iCalendar)",
    ),
    "Montrer ces évènements sur votre site": (
        "Show these events on your website",
        "Deze evenementen op je website tonen",
    ),
    "Copiez ce code dans une page de votre site :": (
        "Copy this code into a page of your website:",
        "Kopieer deze code naar een pagina van je website:",
    ),
    "Évènements de %(name)s": ("%(name)s events", "Evenementen van %(name)s"),
    # announce pages
    "Annoncer un évènement": ("Announce an event", "Evenement aankondigen"),
    "Vous gérez une fédération : un évènement qu'elle organise est publié tout de suite dans l'agenda.": (
        (
            "You manage a federation: an event it organises is published in the calendar straight away.",
            "You manage federations: an event they organise is published in the calendar straight away.",
        ),
        (
            "Je beheert een federatie: een evenement dat ze organiseert, wordt meteen in de agenda gepubliceerd.",
            "Je beheert federaties: een evenement dat ze organiseren, wordt meteen in de agenda gepubliceerd.",
        ),
    ),
    "Votre proposition sera relue par l'équipe éditoriale avant sa publication dans l'agenda.": (
        "Your proposal will be reviewed by the editorial team before it is published in the calendar.",
        "De redactie leest je voorstel na voor het in de agenda verschijnt.",
    ),
    "Un point à corriger": (
        ("One thing to correct", "%(counter)s things to correct"),
        ("Eén punt om te verbeteren", "%(counter)s punten om te verbeteren"),
    ),
    "Publier l'évènement": ("Publish the event", "Evenement publiceren"),
    "Pour annoncer un évènement, rejoignez d'abord une organisation : les évènements sont organisés au nom d'une organisation du réseau.": (
        "To announce an event, first join an organisation: events are organised on behalf of an organisation in the network.",
        "Om een evenement aan te kondigen, word je eerst lid van een organisatie: evenementen worden georganiseerd in naam van een organisatie uit het netwerk.",
    ),
    # calendar page
    "Agenda · %(month)s": ("Calendar · %(month)s", "Agenda · %(month)s"),
    "Évènements passés": ("Past events", "Voorbije evenementen"),
    "Agenda Relais (iCalendar)": ("Relais calendar (iCalendar)", "Relais-agenda (iCalendar)"),
    "S'abonner (iCalendar)": ("Subscribe (iCalendar)", "Abonneren (iCalendar)"),
    "Affichage de l’agenda": ("Calendar view", "Weergave van de agenda"),
    "Filtrer l'agenda": ("Filter the calendar", "De agenda filteren"),
    "Autres mois": ("Other months", "Andere maanden"),
    "Mois précédent": ("Previous month", "Vorige maand"),
    "Mois suivant": ("Next month", "Volgende maand"),
    "Évènements de %(month)s": ("Events in %(month)s", "Evenementen in %(month)s"),
    "Annulé": ("Cancelled", "Geannuleerd"),
    "Les mêmes évènements en liste": (
        "The same events as a list",
        "Dezelfde evenementen als lijst",
    ),
    "Aucun évènement ce mois-ci.": ("No events this month.", "Geen evenementen deze maand."),
    "Prochaines dates": ("Upcoming dates", "Komende datums"),
    "Aucun évènement passé ne correspond.": (
        "No past event matches.",
        "Geen enkel voorbij evenement komt overeen.",
    ),
    "Aucun évènement à venir ne correspond à ces critères.": (
        "No upcoming event matches these criteria.",
        "Geen enkel komend evenement voldoet aan deze criteria.",
    ),
    "Voir tout l'agenda": ("See the whole calendar", "De hele agenda bekijken"),
    # "My space" section
    "Mes évènements": ("My events", "Mijn evenementen"),
    "liste d'attente": ("waiting list", "wachtlijst"),
    "Aucune inscription à venir.": ("No upcoming registrations.", "Geen komende inschrijvingen."),
    "Voir l'agenda": ("See the calendar", "De agenda bekijken"),
    "Mon agenda personnel": ("My personal calendar", "Mijn persoonlijke agenda"),
    "Abonnez votre application d'agenda à cette adresse secrète : vos inscriptions y apparaissent et s'y mettent à jour.": (
        "Subscribe to this secret address in your calendar app: your registrations appear there and stay up to date.",
        "Abonneer je agenda-app op dit geheime adres: je inschrijvingen verschijnen erin en blijven up-to-date.",
    ),
    "Adresse de mon agenda": ("My calendar address", "Adres van mijn agenda"),
    "Créer une nouvelle adresse (l'ancienne cessera de fonctionner)": (
        "Create a new address (the old one will stop working)",
        "Nieuw adres aanmaken (het oude werkt dan niet meer)",
    ),
    "Obtenir l'adresse de mon agenda personnel": (
        "Get the address of my personal calendar",
        "Het adres van mijn persoonlijke agenda opvragen",
    ),
    # emails
    "Prochaine date :": ("Next date:", "Volgende datum:"),
    "Quand :": ("When:", "Wanneer:"),
    "Où :": ("Where:", "Waar:"),
    "En ligne : le lien est dans le fichier d'agenda joint et sur la page de l'évènement.": (
        "Online: the link is in the attached calendar file and on the event page.",
        "Online: de link staat in het bijgevoegde agendabestand en op de pagina van het evenement.",
    ),
    "La page de l'évènement :": ("The event page:", "De pagina van het evenement:"),
    "« %(title)s » est annulé. Vous étiez inscrit·e : rien d'autre à faire de votre côté. Si vous êtes abonné·e à votre agenda Relais, l'évènement y apparaîtra comme annulé.": (
        "“%(title)s” has been cancelled. You were registered: there is nothing else you need to do. If you subscribe to your Relais calendar, the event will show there as cancelled.",
        "‘%(title)s’ is geannuleerd. Je was ingeschreven: je hoeft verder niets te doen. Ben je geabonneerd op je Relais-agenda, dan verschijnt het evenement daar als geannuleerd.",
    ),
    "Annulé : %(title)s": ("Cancelled: %(title)s", "Geannuleerd: %(title)s"),
    "L'heure, la date ou le lieu de « %(title)s » ont changé. Voici ce qui vaut désormais ; le fichier joint (.ics) met votre agenda à jour.": (
        "The time, date or place of “%(title)s” has changed. Here is what now applies; the attached file (.ics) updates your calendar.",
        "Het uur, de datum of de plaats van ‘%(title)s’ is veranderd. Hieronder zie je wat voortaan geldt; het bijgevoegde bestand (.ics) werkt je agenda bij.",
    ),
    "Changement : %(title)s": ("Change: %(title)s", "Wijziging: %(title)s"),
    "Bonne nouvelle : une place s'est libérée pour « %(title)s ». Vous êtes maintenant inscrit·e. Le fichier joint (.ics) l'ajoute à votre agenda.": (
        "Good news: a place has become available for “%(title)s”. You are now registered. The attached file (.ics) adds it to your calendar.",
        "Goed nieuws: er is een plaats vrijgekomen voor ‘%(title)s’. Je bent nu ingeschreven. Het bijgevoegde bestand (.ics) zet het in je agenda.",
    ),
    "Vous ne pouvez plus venir ? Désinscrivez-vous depuis la page de l'évènement, pour laisser la place à quelqu'un d'autre.": (
        "Can't make it any more? Cancel your registration on the event page, so that someone else can have your place.",
        "Kun je niet meer komen? Schrijf je uit via de pagina van het evenement, zodat iemand anders je plaats kan krijgen.",
    ),
    "Une place s'est libérée : %(title)s": (
        "A place has become available: %(title)s",
        "Er is een plaats vrijgekomen: %(title)s",
    ),
    "Votre inscription à « %(title)s » est confirmée. Le fichier joint (.ics) l'ajoute à votre agenda.": (
        "Your registration for “%(title)s” is confirmed. The attached file (.ics) adds it to your calendar.",
        "Je inschrijving voor ‘%(title)s’ is bevestigd. Het bijgevoegde bestand (.ics) zet het in je agenda.",
    ),
    "Un empêchement ? Désinscrivez-vous depuis la page de l'évènement : votre place ira à la personne suivante sur la liste d'attente.": (
        "Can't make it? Cancel your registration on the event page: your place will go to the next person on the waiting list.",
        "Kun je toch niet? Schrijf je uit via de pagina van het evenement: je plaats gaat dan naar de volgende persoon op de wachtlijst.",
    ),
    "Inscription confirmée : %(title)s": (
        "Registration confirmed: %(title)s",
        "Inschrijving bevestigd: %(title)s",
    ),
    "Petit rappel : « %(title)s », c'est demain.": (
        "A quick reminder: “%(title)s” is tomorrow.",
        "Even een herinnering: ‘%(title)s’ is morgen.",
    ),
    "Un empêchement ? Désinscrivez-vous depuis la page de l'évènement : la place ira à quelqu'un d'autre.": (
        "Can't make it? Cancel your registration on the event page: your place will go to someone else.",
        "Kun je toch niet? Schrijf je uit via de pagina van het evenement: je plaats gaat dan naar iemand anders.",
    ),
    "Demain : %(title)s": ("Tomorrow: %(title)s", "Morgen: %(title)s"),
    "« %(title)s » est complet : vous êtes sur la liste d'attente. Dès qu'une place se libère, elle est à vous et vous recevez un email avec le fichier d'agenda.": (
        "“%(title)s” is full: you are on the waiting list. As soon as a place becomes available, it is yours and you will receive an email with the calendar file.",
        "‘%(title)s’ is volzet: je staat op de wachtlijst. Zodra er een plaats vrijkomt, is die voor jou en krijg je een e-mail met het agendabestand.",
    ),
    "Liste d'attente : %(title)s": ("Waiting list: %(title)s", "Wachtlijst: %(title)s"),
    # event page
    "Cet évènement (iCalendar)": ("This event (iCalendar)", "Dit evenement (iCalendar)"),
    "série": ("series", "reeks"),
    "Cet évènement est annulé.": (
        "This event has been cancelled.",
        "Dit evenement is geannuleerd.",
    ),
    "En pratique": ("Practical details", "Praktisch"),
    "Prochaine date": ("Next date", "Volgende datum"),
    "passé": ("past", "voorbij"),
    "Fuseau horaire : %(zone)s": ("Time zone: %(zone)s", "Tijdzone: %(zone)s"),
    "Lieu": ("Venue", "Locatie"),
    "Le lien de connexion est donné aux personnes inscrites.": (
        "The joining link is given to registered participants.",
        "De ingeschreven deelnemers krijgen de link om deel te nemen.",
    ),
    "Places": ("Places", "Plaatsen"),
    "%(n)s / %(total)s places": ("%(n)s / %(total)s places", "%(n)s / %(total)s plaatsen"),
    "%(counter)s inscrit·e, pas de limite": (
        (
            "%(counter)s person registered, no limit",
            "%(counter)s people registered, no limit",
        ),
        (
            "%(counter)s persoon ingeschreven, geen limiet",
            "%(counter)s personen ingeschreven, geen limiet",
        ),
    ),
    "Ajouter à mon agenda (.ics)": (
        "Add to my calendar (.ics)",
        "Toevoegen aan mijn agenda (.ics)",
    ),
    "Inscription": ("Registration", "Inschrijving"),
    "Vous êtes inscrit·e.": ("You are registered.", "Je bent ingeschreven."),
    "Me désinscrire": ("Cancel my registration", "Uitschrijven"),
    "Vous êtes sur la liste d'attente (position %(n)s).": (
        "You are on the waiting list (position %(n)s).",
        "Je staat op de wachtlijst (positie %(n)s).",
    ),
    "Si une place se libère, elle est à vous et vous recevez un email.": (
        "If a place becomes available, it is yours and you will receive an email.",
        "Als er een plaats vrijkomt, is die voor jou en krijg je een e-mail.",
    ),
    "Quitter la liste d'attente": ("Leave the waiting list", "De wachtlijst verlaten"),
    "Cet évènement est annulé : les inscriptions sont fermées.": (
        "This event has been cancelled: registration is closed.",
        "Dit evenement is geannuleerd: de inschrijvingen zijn gesloten.",
    ),
    "Les inscriptions sont closes.": (
        "Registration is closed.",
        "De inschrijvingen zijn afgesloten.",
    ),
    "Se connecter pour s'inscrire": ("Log in to register", "Aanmelden om je in te schrijven"),
    "C'est complet : en vous inscrivant, vous rejoignez la liste d'attente.": (
        "The event is full: if you register, you will join the waiting list.",
        "Het evenement is volzet: als je je inschrijft, kom je op de wachtlijst.",
    ),
    "Rejoindre la liste d'attente": ("Join the waiting list", "Inschrijven op de wachtlijst"),
    "M'inscrire": ("Register", "Inschrijven"),
    "L'inscription vaut pour toutes les dates de la série.": (
        "Registration covers all the dates in the series.",
        "De inschrijving geldt voor alle datums van de reeks.",
    ),
    "Les prochaines dates": ("Upcoming dates", "De komende datums"),
    "Annulée": ("Cancelled", "Geannuleerd"),
    "Déplacée (prévue le %(date)s)": (
        "Moved (originally %(date)s)",
        "Verplaatst (oorspronkelijk %(date)s)",
    ),
    "Annuler cette date": ("Cancel this date", "Deze datum annuleren"),
    "Et %(counter)s autre date.": (
        ("And one more date.", "And %(counter)s more dates."),
        ("En nog één datum.", "En nog %(counter)s datums."),
    ),
    "Plus aucune date à venir.": ("No more upcoming dates.", "Geen komende datums meer."),
    "Fiches pratiques liées": ("Related practice sheets", "Verwante praktijkfiches"),
    "Gérer l'évènement": ("Manage the event", "Het evenement beheren"),
    "Voir les inscriptions": ("See the registrations", "Inschrijvingen bekijken"),
    "Exporter les inscriptions (CSV)": (
        "Export the registrations (CSV)",
        "Inschrijvingen exporteren (CSV)",
    ),
    "Modifier l'évènement": ("Edit the event", "Het evenement bewerken"),
    "Je confirme : annuler tout l'évènement et prévenir les personnes inscrites": (
        "I confirm: cancel the whole event and notify registered participants",
        "Ik bevestig: het hele evenement annuleren en de ingeschreven deelnemers verwittigen",
    ),
    "Annuler l'évènement": ("Cancel the event", "Het evenement annuleren"),
    "Avant et après l'évènement, échangez ici avec les organisateurs et les autres participant·es.": (
        "Before and after the event, talk here with the organisers and the other participants.",
        "Praat hier voor en na het evenement met de organisatoren en de andere deelnemers.",
    ),
    # event in a list
    "Date déplacée": ("Date moved", "Datum verplaatst"),
    "Sur place et en ligne": ("On site and online", "Ter plaatse en online"),
    # registration list
    "Inscriptions · %(title)s": ("Registrations · %(title)s", "Inschrijvingen · %(title)s"),
    "Inscriptions": ("Registrations", "Inschrijvingen"),
    "%(counter)s inscrit·e": (
        ("%(counter)s person registered", "%(counter)s people registered"),
        ("%(counter)s persoon ingeschreven", "%(counter)s personen ingeschreven"),
    ),
    "Exporter (CSV)": ("Export (CSV)", "Exporteren (CSV)"),
    "Inscrit·es": ("Registered participants", "Ingeschreven deelnemers"),
    "Aucune inscription pour l'instant.": ("No registrations yet.", "Nog geen inschrijvingen."),
    "Liste d'attente": ("Waiting list", "Wachtlijst"),
    "Personne en liste d'attente.": ("Nobody on the waiting list.", "Niemand op de wachtlijst."),
    # widget
    "Prochains évènements · Relais": ("Upcoming events · Relais", "Komende evenementen · Relais"),
    "Prochains évènements": ("Upcoming events", "Komende evenementen"),
    "Tout l'agenda sur Relais": ("The full calendar on Relais", "De volledige agenda op Relais"),
    # review of a proposed event
    "Votre évènement « %(title)s » est publié dans l'agenda.": (
        "Your event “%(title)s” has been published in the calendar.",
        "Je evenement ‘%(title)s’ is gepubliceerd in de agenda.",
    ),
    "L'équipe éditoriale n'a pas publié votre évènement « %(title)s ».": (
        "The editorial team has not published your event “%(title)s”.",
        "De redactie heeft je evenement ‘%(title)s’ niet gepubliceerd.",
    ),
    "L'équipe éditoriale a publié votre évènement « %(title)s » dans l'agenda. Les membres peuvent s'y inscrire.": (
        "The editorial team has published your event “%(title)s” in the calendar. Members can now register for it.",
        "De redactie heeft je evenement ‘%(title)s’ in de agenda gepubliceerd. De leden kunnen zich nu inschrijven.",
    ),
    "Votre évènement « %(title)s » est publié": (
        "Your event “%(title)s” has been published",
        "Je evenement ‘%(title)s’ is gepubliceerd",
    ),
    "L'équipe éditoriale a relu votre proposition « %(title)s » et ne l'a pas publiée telle quelle.": (
        "The editorial team has reviewed your proposal “%(title)s” and has not published it as it stands.",
        "De redactie heeft je voorstel ‘%(title)s’ nagelezen en het niet in deze vorm gepubliceerd.",
    ),
    "Vous pouvez proposer une nouvelle version depuis l'agenda, ou répondre à l'équipe éditoriale.": (
        "You can submit a new version from the calendar, or reply to the editorial team.",
        "Je kunt via de agenda een nieuwe versie voorstellen, of de redactie antwoorden.",
    ),
    "Votre évènement « %(title)s » n'est pas publié": (
        "Your event “%(title)s” has not been published",
        "Je evenement ‘%(title)s’ is niet gepubliceerd",
    ),
}
