"""The demo rooms: `seed_rooms()`, called by `manage.py seed_demo` once the network, the
practice sheets and the calendar are in place.

A handful of lively thematic rooms in French with a few days of history, a conversation in
two sheets' rooms, the room of the Walloon federation (open to its member organisations),
one direct conversation, one open report for the moderators' queue, and the "Modérateurs"
group (holding `rooms.moderate_rooms`) with the editor in it. People and organisations
are the invented ones of `website/demo_data.py`.

Idempotent: rooms are found by slug (or by page, organisation or pair of people) and a
room's history is written only while the room is still empty, so what people say during
the demo stays. Every published sheet gets its room (`ensure_page_room`), for
databases seeded before rooms existed. Messages are written directly, rendered by the rooms
service's own Markdown pipeline: no mention is notified and no email goes out for demo
people.
"""

# The demo messages are prose, one message per line.
# ruff: noqa: E501

from __future__ import annotations

import uuid
from collections import Counter
from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from community.models import Organisation, User
from practices.models import PracticeSheetPage
from rooms.models import MessageReport, ReadMarker, Room, RoomMessage
from rooms.services import creation, rendering
from website import demo_data as data

from ._navigation import add_navigation_link

MODERATORS_GROUP = "Modérateurs"

# (slug, title, description, [(author email, minutes ago, text)…])
THEME_ROOMS = [
    (
        "logiciels-libres",
        "Logiciels libres dans nos associations",
        "Nextcloud, LibreOffice, Dolibarr… ce qui marche, ce qui coince, qui peut aider.",
        [
            (
                "thomas@relais.example",
                4320,
                "Bonjour à toutes et à tous ! On ouvre ce salon pour partager vos expériences de **logiciels libres**. Qui a déjà migré ses documents partagés vers Nextcloud ?",
            ),
            (
                "karim@relais.example",
                4300,
                "Nous, à la Recyclerie, depuis janvier. Le plus dur n'a pas été l'outil mais de convaincre l'équipe d'arrêter les pièces jointes par e-mail.",
            ),
            (
                "sarah@relais.example",
                4290,
                "Pareil chez Vélo-Quartier. Une astuce qui a aidé : un *dossier « À trier »* partagé, pour que personne ne se sente obligé de tout classer parfaitement dès le début.",
            ),
            (
                "pieter@relais.example",
                4100,
                "Chez De Brug on hésite encore entre un hébergement chez un prestataire associatif et notre propre serveur. Des retours ?",
            ),
            (
                "thomas@relais.example",
                4090,
                "Prestataire, sans hésiter si vous n'avez pas d'informaticien·ne. Les mises à jour de sécurité, c'est un vrai travail. La fiche « Passer aux logiciels libres » en parle bien.",
            ),
            (
                "lea@relais.example",
                1500,
                "Question de débutante : LibreOffice ouvre bien les fichiers Excel de nos financeurs ? On reçoit des tableaux avec des macros…",
            ),
            (
                "karim@relais.example",
                1480,
                "Les tableaux simples, oui sans souci. Les macros, rarement. On garde un poste avec Excel pour ces cas-là, c'est pragmatique.",
            ),
            (
                "sarah@relais.example",
                90,
                "Petit partage : la liste des formations gratuites de l'Atelier numérique solidaire est ici : https://atelier-numerique-solidaire.example/formations",
            ),
        ],
    ),
    (
        "rgpd-au-quotidien",
        "RGPD au quotidien",
        "Registre des traitements, consentements, durées de conservation : entraide concrète.",
        [
            (
                "sophie@relais.example",
                2900,
                "Nous devons revoir notre registre des traitements avant l'été. Quelqu'un aurait un modèle adapté à une petite fondation ?",
            ),
            (
                "isabelle@relais.example",
                2870,
                "La mutualité a un modèle simple, une ligne par traitement : finalité, base légale, données, durée, qui y accède. Je peux le partager en privé.",
            ),
            (
                "aurelie@relais.example",
                2800,
                "Pour la crèche, le point sensible, ce sont les photos des enfants. On a fait un formulaire de consentement **par usage** (site, réseaux sociaux, album des parents).",
            ),
            (
                "julien@relais.example",
                2700,
                "Très bonne pratique. Rappel utile : le consentement doit pouvoir être retiré aussi facilement qu'il a été donné.",
            ),
            (
                "sophie@relais.example",
                300,
                "Merci ! Et pour les durées de conservation des dossiers des bénévoles, vous partez sur combien de temps après leur départ ?",
            ),
        ],
    ),
    (
        "benevoles-et-numerique",
        "Bénévoles et outils numériques",
        "Planning, communication, accueil des nouveaux : les outils qui aident sans exclure.",
        [
            (
                "nathalie@relais.example",
                5000,
                "Nos bénévoles ont entre 19 et 82 ans. Un seul outil pour tout le monde, c'est possible selon vous ?",
            ),
            (
                "aicha@relais.example",
                4980,
                "On a gardé deux canaux : une messagerie pour celles et ceux qui veulent, et un tableau papier à la cuisine, recopié chaque lundi. Ça marche depuis un an.",
            ),
            (
                "manon@relais.example",
                4900,
                "Chez les Tisserands, on forme en binômes : une personne à l'aise avec le numérique accompagne une autre pendant trois permanences. Personne n'est laissé seul face à l'écran.",
            ),
            (
                "emma@relais.example",
                4850,
                "J'ai vécu les binômes côté « accompagnée », c'est vraiment ce qui m'a fait rester 🙂",
            ),
            (
                "nathalie@relais.example",
                60,
                "Merci pour vos idées, je vais proposer les binômes à notre prochaine réunion d'équipe.",
            ),
        ],
    ),
    (
        "financer-le-numerique",
        "Financer sa transformation numérique",
        "Appels à projets, subsides, mécénat de compétences : les pistes et les échéances.",
        [
            (
                "benoit@relais.example",
                3500,
                "L'appel à projets régional « Économie sociale numérique » est ouvert jusqu'à la fin du mois. Quelqu'un l'a déjà obtenu ?",
            ),
            (
                "fatima@relais.example",
                3480,
                "Oui, l'an dernier. Conseil : chiffrez aussi le **temps de formation** de l'équipe, pas seulement le matériel et les licences.",
            ),
            (
                "claire@relais.example",
                3400,
                "Côté France, les dispositifs locaux d'accompagnement (DLA) financent souvent un diagnostic numérique. C'est un bon point de départ.",
            ),
            (
                "marie-eve@relais.example",
                3300,
                "Au Québec, plusieurs fonds acceptent les projets collectifs portés par deux ou trois entreprises ensemble. Ça vaut la peine de se regrouper !",
            ),
            (
                "hugo@relais.example",
                200,
                "Gagnez 5 000 € en une semaine grâce à notre méthode exclusive, cliquez ici : http://argent-facile.example",
            ),
        ],
    ),
    (
        "cybersecurite-sans-paniquer",
        "Cybersécurité sans paniquer",
        "Mots de passe, sauvegardes, hameçonnage : les bons réflexes, pas à pas.",
        [
            (
                "pierre@relais.example",
                2000,
                "Nous avons reçu un faux e-mail « de notre banque » très bien imité la semaine passée. Heureusement, la trésorière a appelé la banque avant de cliquer.",
            ),
            (
                "maxime@relais.example",
                1990,
                "Le bon réflexe ! Chez nous, la règle est simple : aucun paiement sur la seule foi d'un e-mail, toujours une confirmation par téléphone.",
            ),
            (
                "thomas@relais.example",
                1900,
                "Trois priorités pour commencer :\n\n1. un gestionnaire de mots de passe ;\n2. la double authentification sur la messagerie ;\n3. une sauvegarde hors ligne testée **une fois par trimestre**.",
            ),
            (
                "pierre@relais.example",
                45,
                "Merci Thomas, on commence par la double authentification cette semaine.",
            ),
        ],
    ),
]

# (sheet slug, [(author email, minutes ago, text)…])
SHEET_DISCUSSIONS = [
    (
        "passer-aux-logiciels-libres",
        [
            (
                "sarah@relais.example",
                2500,
                "Merci pour cette fiche ! Combien de temps a duré la période où les deux systèmes cohabitaient ?",
            ),
            (
                "thomas@relais.example",
                2400,
                "Environ trois mois. Plus court, l'équipe n'aurait pas suivi ; plus long, on aurait perdu des fichiers entre les deux.",
            ),
        ],
    ),
    (
        "cybersecurite-de-base",
        [
            (
                "nathalie@relais.example",
                700,
                "La partie sur les sauvegardes est très claire. Vous testez la restauration vous-mêmes ou avec un prestataire ?",
            ),
        ],
    ),
]

FEDERATION_ROOM = (
    "fede-ees-wallonie",
    [
        (
            "camille@relais.example",
            6000,
            "Bienvenue dans le salon de la fédération ! Il est ouvert à toutes les organisations membres. N'hésitez pas à y partager vos questions entre deux intervisions.",
        ),
        (
            "nicolas@relais.example",
            5900,
            "Le compte rendu de la dernière intervision est disponible dans l'espace partagé. Prochaine séance : le numérique et les bénévoles.",
        ),
        (
            "karim@relais.example",
            3000,
            "Merci ! Est-ce que les organisations qui ne sont pas encore passées à la visio pourront participer en présentiel ?",
        ),
        (
            "camille@relais.example",
            2950,
            "Oui, la salle de Namur reste ouverte à chaque séance. On garde toujours les deux formats.",
        ),
        (
            "fatima@relais.example",
            400,
            "Tremplin Emploi Sambre peut accueillir la séance de septembre à Charleroi si ça arrange tout le monde.",
        ),
    ],
)

DIRECT_CONVERSATION = (
    ("lea@relais.example", "thomas@relais.example"),
    [
        (
            "lea@relais.example",
            1400,
            "Bonjour Thomas, merci pour votre réponse dans le salon sur les logiciels libres. Est-ce que l'Atelier pourrait venir former notre équipe à LibreOffice ?",
        ),
        (
            "thomas@relais.example",
            1380,
            "Avec plaisir ! Nous faisons des matinées de formation sur place. Je vous propose deux dates le mois prochain ?",
        ),
        ("lea@relais.example", 1370, "Parfait, je regarde avec Karim et je reviens vers vous."),
    ],
)

# The spam message of "financer-le-numerique" (its 5th) is reported, for the queue.
REPORT = (
    "financer-le-numerique",
    5,
    "fatima@relais.example",
    "Publicité sans rapport avec le salon.",
)


def _write_history(room: Room, lines, people, counter) -> None:
    """Write a room's history once, while it is still empty: numbered 1, 2, 3… in order."""
    if room.last_seq or not lines:
        return
    now = timezone.now()
    for seq, (email, minutes_ago, text) in enumerate(lines, start=1):
        body = rendering.clean_text(text)
        message = RoomMessage.objects.create(
            room=room,
            seq=seq,
            author=people[email],
            client_id=uuid.uuid4(),
            body_markdown=body,
            html=rendering.render_markdown(body),
        )
        RoomMessage.objects.filter(pk=message.pk).update(
            created_at=now - timedelta(minutes=minutes_ago)
        )
        counter["messages des salons"] += 1
    room.last_seq = len(lines)
    room.save(update_fields=["last_seq"])
    # Authors have read up to their own last message, as when they post for real.
    last_by = {}
    for seq, (email, _m, _t) in enumerate(lines, start=1):
        last_by[email] = seq
    for email, seq in last_by.items():
        ReadMarker.objects.update_or_create(
            room=room, user=people[email], defaults={"last_read_seq": seq}
        )


def seed_rooms(stdout=None) -> Counter:
    """Create what is missing of the demo rooms; return what was created, by label, and
    write a line about it to `stdout` if given."""
    created = Counter()
    people = {u.email.lower(): u for u in User.objects.all()}

    group, group_created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    group.permissions.add(Permission.objects.get(codename="moderate_rooms"))
    editor = people.get(data.EDITOR_EMAIL)
    if editor and not editor.groups.filter(pk=group.pk).exists():
        editor.groups.add(group)
    created["groupe des modérateurs"] += int(group_created)

    for slug, title, description, lines in THEME_ROOMS:
        room = Room.objects.filter(slug=slug).first()
        if room is None:
            room = creation.create_theme_room(title=title, description=description, slug=slug)
            created["salons thématiques"] += 1
        _write_history(room, lines, people, created)

    # Every published sheet has its room (made on publication; this catches a database
    # seeded before rooms existed). Events get theirs from the events app.
    with_room = set(Room.objects.filter(kind=Room.Kind.PAGE).values_list("page_id", flat=True))
    for sheet in PracticeSheetPage.objects.live().exclude(pk__in=with_room):
        creation.ensure_page_room(sheet)
        created["salons de fiches"] += 1
    for sheet_slug, lines in SHEET_DISCUSSIONS:
        room = Room.objects.filter(kind=Room.Kind.PAGE, page__slug=sheet_slug).first()
        if room is not None:
            _write_history(room, lines, people, created)

    federation = Organisation.objects.filter(slug=FEDERATION_ROOM[0]).first()
    if federation is not None:
        existed = Room.objects.filter(kind=Room.Kind.ORGANISATION, organisation=federation)
        created["salon de fédération"] += int(not existed.exists())
        _write_history(creation.organisation_room(federation), FEDERATION_ROOM[1], people, created)

    (first, second), lines = DIRECT_CONVERSATION
    if first in people and second in people:
        room = creation.direct_room(people[first], people[second])
        _write_history(room, lines, people, created)

    room_slug, seq, reporter, reason = REPORT
    message = RoomMessage.objects.filter(room__slug=room_slug, seq=seq).first()
    if message and reporter in people:
        _report, made = MessageReport.objects.get_or_create(
            message=message, reporter=people[reporter], defaults={"reason": reason}
        )
        created["signalements"] += int(made)

    created["lien « Salons » dans le menu"] += int(_add_navigation_link())

    created = +created  # drop the zero counts
    if stdout is not None and created:
        stdout.write("  Salons : " + ", ".join(f"{n} {label}" for label, n in created.items()))
    return created


def _add_navigation_link() -> bool:
    """Put "Salons" in the menu after "Agenda" (or at the end), unless already there."""
    return add_navigation_link(
        {"label": "Salons", "page": None, "url": "/salons/"},
        exists=lambda value: value.get("url") == "/salons/",
        after=lambda value: value.get("label") == "Agenda",
        otherwise="end",
    )
