"""French word pools for the benchmark's invented network (`bench.data`).

Every organisation, person and address made from these pools is invented: names are
combinations of common words and of landscapes ("de la Vallée", "du Bocage"), never the
name of a real organisation; addresses use `.example` domains. Towns and regions are real
places, as an organisation's locality would be.
"""

from __future__ import annotations

# Region slug (website/demo/taxonomies.yaml) → towns, and the time zone of the region.
TOWNS = {
    "wallonie": [
        "Namur",
        "Liège",
        "Charleroi",
        "Mons",
        "Tournai",
        "Arlon",
        "Wavre",
        "Verviers",
        "Gembloux",
        "Dinant",
        "Huy",
        "Marche-en-Famenne",
        "Ottignies",
        "Nivelles",
    ],
    "bruxelles": [
        "Bruxelles",
        "Schaerbeek",
        "Ixelles",
        "Anderlecht",
        "Molenbeek-Saint-Jean",
        "Forest",
        "Saint-Gilles",
        "Etterbeek",
        "Uccle",
        "Jette",
    ],
    "flandre": ["Gand", "Anvers", "Louvain", "Bruges", "Courtrai", "Malines", "Hasselt"],
    "france": ["Lille", "Lyon", "Nantes", "Grenoble", "Rennes", "Strasbourg", "Bordeaux"],
    "quebec": ["Montréal", "Québec", "Sherbrooke", "Trois-Rivières", "Gatineau"],
    "autre": ["Luxembourg", "Genève", "Lausanne", "Dakar"],
}
REGION_WEIGHTS = {
    "wallonie": 40,
    "bruxelles": 30,
    "flandre": 5,
    "france": 12,
    "quebec": 8,
    "autre": 5,
}
TIME_ZONES = {
    "france": "Europe/Paris",
    "quebec": "America/Toronto",
    "autre": "Europe/Luxembourg",
}
DEFAULT_TIME_ZONE = "Europe/Brussels"

# Organisation names: PREFIX + ACTIVITY + LANDSCAPE, e.g. "La Ruche du Partage des Collines".
ORG_PREFIXES = [
    "Les Ateliers",
    "La Coopérative",
    "Le Collectif",
    "La Maison",
    "L'Atelier",
    "Le Réseau",
    "L'Épicerie",
    "La Ressourcerie",
    "Le Jardin",
    "Les Compagnons",
    "La Fabrique",
    "Le Relais",
    "La Ruche",
    "Le Fil",
    "La Passerelle",
    "Le Chantier",
    "La Clé",
    "Les Mains",
    "La Boussole",
    "Le Comptoir",
    "La Table",
    "Le Grenier",
]
ORG_ACTIVITIES = [
    "du Vélo",
    "de la Récup",
    "des Saveurs",
    "du Lien",
    "des Possibles",
    "du Quartier",
    "de l'Entraide",
    "du Partage",
    "des Savoirs",
    "du Réemploi",
    "des Semences",
    "du Bois",
    "des Couleurs",
    "du Pain",
    "des Voisins",
    "de la Laine",
    "du Soleil",
    "des Familles",
    "du Numérique",
    "des Saisons",
    "de la Main tendue",
    "du Goût",
    "des Ponts",
    "de l'Écoute",
]
LANDSCAPES = [
    "de la Vallée",
    "des Deux Rives",
    "du Plateau",
    "du Bocage",
    "des Collines",
    "de la Colline verte",
    "du Vieux Moulin",
    "des Prés",
    "de la Source",
    "du Bord de l'eau",
    "des Tilleuls",
    "du Canal",
    "des Marronniers",
    "de la Gare",
    "du Faubourg",
    "des Hauts",
    "de la Clairière",
    "du Pont-Neuf",
    "des Jardins",
    "de la Halle",
    "du Carrefour",
    "des Étangs",
    "de la Butte",
    "du Beffroi",
]
FEDERATION_PREFIXES = [
    "Fédération",
    "Coupole",
    "Union",
    "Concertation",
    "Plateforme",
    "Alliance",
]
FEDERATION_SCOPES = [
    "des entreprises d'insertion",
    "des coopératives culturelles",
    "des services d'aide à domicile",
    "des épiceries solidaires",
    "des ressourceries",
    "des crèches parentales",
    "de l'énergie citoyenne",
    "des entreprises de travail adapté",
    "de l'éducation permanente",
    "du commerce équitable",
    "des associations de santé mentale",
    "de l'alimentation durable",
    "des mobilités douces",
    "du logement solidaire",
]
FEDERATION_AREAS = [
    "de Wallonie picarde",
    "du Brabant",
    "de la Meuse",
    "de l'Entre-Sambre",
    "des Ardennes",
    "du Hainaut",
    "de la région bruxelloise",
    "du Nord",
    "des Deux-Vallées",
    "de l'Estrie",
    "du Grand Est",
    "de la Côte",
]
SUPPORT_PREFIXES = [
    "Agence conseil",
    "Incubateur",
    "Atelier numérique",
    "Coopérative d'accompagnement",
    "Centre de ressources",
]

ORG_DESCRIPTIONS = [
    "{name} accompagne chaque année des dizaines de personnes éloignées de l'emploi à {city}.",
    "Installée à {city}, l'équipe mêle salariés, bénévoles et stagiaires en formation.",
    "Nous transformons des objets destinés à la casse en ressources pour le quartier.",
    "Notre coopérative est détenue par ses travailleurs et par les habitants qui y achètent.",
    "Nous gérons un magasin, un atelier de réparation et un service de collecte à domicile.",
    "L'association propose des repas à prix libre et des ateliers de cuisine de saison.",
    "Nous passons au numérique pas à pas : agenda partagé, fichier des membres, site web.",
    "Nos bénévoles assurent les permanences d'accueil du lundi au samedi.",
    "Nous formons des jeunes aux métiers de l'éco-construction et de la rénovation.",
    "La structure loue des vélos cargos et forme les familles à leur usage en ville.",
    "Nous animons un réseau de producteurs locaux et une épicerie en circuit court.",
    "Notre crèche parentale accueille vingt enfants ; les parents y donnent de leur temps.",
    "Nous produisons une électricité renouvelable détenue par près de mille coopérateurs.",
    "L'équipe soutient les personnes âgées à domicile : courses, aide administrative, visites.",
    "Nous organisons des concerts, des résidences d'artistes et des ateliers d'écriture.",
]

FIRST_NAMES = [
    "Camille",
    "Léa",
    "Karim",
    "Nathalie",
    "Thomas",
    "Sarah",
    "Pieter",
    "Sophie",
    "Isabelle",
    "Aurélie",
    "Julien",
    "Fatima",
    "Mehdi",
    "Chloé",
    "Antoine",
    "Inès",
    "Lucas",
    "Manon",
    "Youssef",
    "Emma",
    "Hugo",
    "Louise",
    "Arnaud",
    "Céline",
    "David",
    "Élodie",
    "François",
    "Gaëlle",
    "Hélène",
    "Ibrahim",
    "Jeanne",
    "Kevin",
    "Laurence",
    "Martin",
    "Nadia",
    "Olivier",
    "Pauline",
    "Quentin",
    "Rachid",
    "Sandrine",
    "Tom",
    "Valérie",
    "William",
    "Yasmine",
    "Zoé",
    "Benoît",
    "Aïcha",
    "Margaux",
    "Romain",
    "Salomé",
    "Grégoire",
    "Anouk",
    "Bruno",
    "Delphine",
    "Éric",
    "Fanny",
    "Gilles",
    "Jonas",
    "Mireille",
    "Noah",
]
LAST_NAMES = [
    "Dubois",
    "Lambert",
    "Martin",
    "Dupont",
    "Peeters",
    "Janssens",
    "Leroy",
    "Renard",
    "Lejeune",
    "Collard",
    "Simon",
    "Laurent",
    "Claes",
    "Willems",
    "Mertens",
    "Benali",
    "El Amrani",
    "Diallo",
    "Nguyen",
    "Gérard",
    "François",
    "Lemaire",
    "Delvaux",
    "Hubert",
    "Masson",
    "Michaux",
    "Noël",
    "Pirard",
    "Racine",
    "Servais",
    "Thiry",
    "Urbain",
    "Vandenberghe",
    "Wauters",
    "Yildiz",
    "Zeller",
    "Bastin",
    "Charlier",
    "Defays",
    "Evrard",
    "Fontaine",
    "Gilson",
    "Hardy",
    "Istasse",
    "Jacquet",
    "Kabongo",
    "Lebrun",
    "Marchal",
    "Nicolay",
    "Ozdemir",
    "Poncelet",
    "Quinet",
    "Rousseau",
    "Stévenart",
    "Tremblay",
    "Gagnon",
    "Bouchard",
    "Côté",
    "Pelletier",
    "Morin",
]
BIOS = [
    "Coordinatrice de projets, passionnée par les outils qui simplifient la vie des équipes.",
    "Responsable administratif, je cherche des idées pour moins de papier et plus de terrain.",
    "Bénévole depuis dix ans, je m'occupe du site web et de la lettre d'information.",
    "Formateur en insertion, j'accompagne des stagiaires vers les métiers du numérique.",
    "Directrice d'une petite ASBL, curieuse de ce qui marche ailleurs.",
    "Chargé de communication, fan de logiciels libres et de bons tableurs.",
    "Comptable à mi-temps, je teste des outils de gestion pour les associations.",
    "Animatrice de réseau, j'organise des intervisions entre pairs.",
]

# Practice sheets.
SHEET_ACTIONS = [
    "Un CRM libre",
    "Un agenda partagé",
    "Une boutique en ligne",
    "Un tableau de bord",
    "Un intranet",
    "Une messagerie d'équipe",
    "Un site web accessible",
    "Une base de données des bénévoles",
    "Un logiciel de comptabilité",
    "Une formation aux outils numériques",
    "Un registre RGPD",
    "Une sauvegarde automatique",
    "Des formulaires en ligne",
    "Une plateforme de dons",
    "Un outil de planification",
    "Une lettre d'information",
    "Des visioconférences",
    "Un gestionnaire de mots de passe",
    "Un espace de fichiers partagés",
    "Une caisse enregistreuse connectée",
]
SHEET_GOALS = [
    "pour suivre les bénévoles",
    "pour gérer les adhésions",
    "pour coordonner les tournées",
    "pour vendre nos produits",
    "pour mesurer notre impact social",
    "pour sécuriser nos données",
    "pour former toute l'équipe",
    "pour accueillir les bénéficiaires",
    "pour organiser les permanences",
    "pour répondre aux financeurs",
    "pour fidéliser nos donateurs",
    "pour réduire les tâches administratives",
    "pour travailler à distance",
    "pour suivre les stocks",
    "pour préparer l'assemblée générale",
    "pour mieux communiquer avec les familles",
]
SHEET_CONTEXTS = [
    "d'une recyclerie",
    "dans une crèche parentale",
    "d'une coopérative d'énergie",
    "dans une entreprise de travail adapté",
    "d'une épicerie sociale",
    "dans un centre culturel",
    "d'une ASBL d'aide à domicile",
    "dans une maison de quartier",
    "d'un atelier vélo",
    "dans une ferme pédagogique",
    "d'une entreprise d'insertion",
    "dans une mutuelle",
    "d'une fédération régionale",
    "dans un restaurant solidaire",
    "d'un service de santé mentale",
]
SHEET_SUMMARIES = [
    "Nos {people} salariés jonglaient entre des tableurs et des cahiers. En {months} mois, "
    "nous avons tout rassemblé dans {tool}, consultable sur smartphone.",
    "Après deux essais ratés, nous avons choisi {tool} avec l'équipe. {months} mois plus "
    "tard, plus personne ne veut revenir en arrière.",
    "Un projet mené avec {people} bénévoles et un petit budget : ce qui a marché, ce que "
    "nous referions autrement, et pourquoi {tool} a fait la différence.",
    "Nous voulions gagner du temps sur l'administratif pour le rendre aux bénéficiaires. "
    "{tool} et une formation en binômes ont suffi.",
]
WHY_SENTENCES = [
    "Chaque matin, notre coordinatrice passait une heure à recopier des changements de "
    "planning d'un tableur à l'autre.",
    "Les informations vivaient dans les boîtes mail de chacun : quand quelqu'un partait, "
    "elles partaient avec lui.",
    "Nos financeurs demandaient des chiffres que nous mettions des semaines à rassembler.",
    "Les bénévoles ne savaient jamais quelle version du document était la bonne.",
    "Nous avons perdu deux ans d'archives quand le vieil ordinateur du bureau a lâché.",
    "Les familles nous appelaient pour des informations qui auraient pu être en ligne.",
    "La moitié de l'équipe travaille sur le terrain et n'avait accès à rien hors du bureau.",
    "Pour une petite structure, chaque heure gagnée sur l'administratif est une heure "
    "rendue à la mission sociale.",
]
RESULT_SENTENCES = [
    "Le temps passé sur les plannings a été divisé par trois.",
    "Les bénévoles s'inscrivent eux-mêmes aux permanences depuis leur téléphone.",
    "Le rapport annuel pour les financeurs se prépare en deux jours au lieu de trois semaines.",
    "Plus aucune donnée n'a été perdue depuis la mise en place des sauvegardes.",
    "Les ventes en ligne représentent aujourd'hui un cinquième de notre chiffre d'affaires.",
    "Les nouveaux arrivants trouvent seuls les procédures dont ils ont besoin.",
]
IMPACT_SENTENCES = [
    "Les bénéficiaires reçoivent une réponse le jour même au lieu d'attendre une semaine.",
    "Des stagiaires en insertion ont appris à utiliser l'outil et le mettent sur leur CV.",
    "Les personnes âgées accompagnées voient toujours les mêmes visages, mieux informés.",
    "L'équipe a retrouvé du temps pour l'accueil et l'écoute.",
    "Les familles participent davantage aux décisions grâce aux sondages en ligne.",
]
DIFFICULTIES = [
    (
        "Des données éparpillées",
        "Nous avons trouvé trois versions de la liste des membres, "
        "dont aucune n'était à jour. Le nettoyage a pris six semaines au lieu de deux.",
    ),
    (
        "Une équipe peu à l'aise avec les écrans",
        "Plusieurs collègues n'avaient jamais utilisé "
        "d'application professionnelle et craignaient d'être surveillés.",
    ),
    (
        "Des informations sensibles",
        "Les coordonnées des bénéficiaires sont des données "
        "protégées : il a fallu décider qui voit quoi avant d'ouvrir l'accès.",
    ),
    (
        "Un budget serré",
        "Les licences payantes dépassaient nos moyens ; nous avons dû "
        "comparer longuement les offres pour associations.",
    ),
    (
        "Une connexion internet fragile",
        "Dans nos locaux, le réseau tombait plusieurs fois "
        "par jour, ce qui décourageait les premiers utilisateurs.",
    ),
    (
        "Un prestataire qui disparaît",
        "Notre développeur bénévole a déménagé au milieu du projet, sans documentation.",
    ),
    (
        "Trop d'outils à la fois",
        "Nous avons voulu tout changer en même temps et l'équipe a "
        "saturé au bout de trois semaines.",
    ),
    (
        "Des habitudes bien ancrées",
        "Le classeur papier rassurait tout le monde : il a fallu "
        "le garder en parallèle pendant deux mois.",
    ),
    (
        "Des migrations de fichiers laborieuses",
        "Les anciens fichiers avaient des formats incompatibles et des accents cassés.",
    ),
    (
        "Le temps de formation sous-estimé",
        "Nous avions prévu une demi-journée ; il a fallu "
        "trois séances et un accompagnement individuel.",
    ),
]
TIPS = [
    (
        "Nettoyer avant de migrer",
        "Fixez une date de gel des anciens fichiers et désignez "
        "une personne responsable de la liste de référence.",
    ),
    (
        "Former en binômes",
        "Associez une personne à l'aise avec l'outil à une collègue plus "
        "hésitante, vingt minutes par jour pendant deux semaines.",
    ),
    (
        "Écrire les règles d'accès ensemble",
        "Décidez avec l'équipe qui voit quoi : la confiance dans l'outil en dépend.",
    ),
    (
        "Commencer petit",
        "Un seul usage d'abord, bien maîtrisé, puis le suivant : l'équipe voit vite le bénéfice.",
    ),
    (
        "Demander les tarifs associatifs",
        "La plupart des éditeurs ont des offres réduites "
        "pour l'économie sociale ; il suffit de les demander.",
    ),
    (
        "Documenter au fil de l'eau",
        "Une page de procédures partagée évite de tout perdre quand une personne s'en va.",
    ),
    (
        "Prévoir un plan B hors ligne",
        "Gardez une version imprimable des informations vitales pour les jours sans connexion.",
    ),
    (
        "Impliquer les bénévoles dès le début",
        "Ils repèrent les problèmes concrets que la direction ne voit pas.",
    ),
    (
        "Choisir un hébergement de confiance",
        "Vérifiez où sont stockées les données et qui "
        "peut y accéder, surtout pour les données de santé.",
    ),
    (
        "Célébrer les petites victoires",
        "Un café pour fêter la première semaine sans "
        "tableur, ça motive plus qu'une note de service.",
    ),
]
PHASES = [
    (
        "Diagnostic",
        "Deux réunions avec l'équipe pour lister les irritants et les besoins "
        "réels, avant de regarder le moindre outil.",
    ),
    (
        "Choix de l'outil",
        "Trois outils comparés sur une grille simple : coût, hébergement, "
        "facilité, accompagnement disponible.",
    ),
    (
        "Test avec un petit groupe",
        "Quatre volontaires ont utilisé l'outil pendant un mois et noté ce qui coinçait.",
    ),
    (
        "Migration des données",
        "Import des fichiers nettoyés, vérification ligne par ligne des informations sensibles.",
    ),
    (
        "Formation de l'équipe",
        "Des séances courtes en petits groupes, puis une permanence "
        "hebdomadaire pour les questions.",
    ),
    (
        "Généralisation",
        "L'ancien système a été archivé et tout le monde est passé au nouvel outil le même lundi.",
    ),
    (
        "Évaluation",
        "Six mois après, un questionnaire à l'équipe et aux bénéficiaires pour ajuster les usages.",
    ),
]
TOOL_USAGES = [
    "Nous avons utilisé {tool} au quotidien pour le suivi des dossiers.",
    "{tool} nous sert à partager les documents entre le bureau et le terrain.",
    "Avec {tool}, les bénévoles consultent leur planning depuis leur téléphone.",
    "{tool} remplace nos tableurs pour les chiffres demandés par les financeurs.",
    "Nous avons adopté {tool} pour les réunions à distance avec les antennes.",
    "{tool} a servi à automatiser les rappels et les confirmations.",
]
KEYWORDS = [
    "Écoute",
    "Patience",
    "Formation",
    "Bénévolat",
    "Données",
    "Sécurité",
    "Logiciel libre",
    "Accessibilité",
    "Mobilité",
    "Coopération",
    "Autonomie",
    "Transparence",
    "Sobriété",
    "Entraide",
    "Inclusion",
    "Gouvernance",
    "Télétravail",
    "Sauvegarde",
    "Communication",
    "Impact social",
    "Circuit court",
    "Participation",
    "Confiance",
    "Simplicité",
    "Évaluation",
    "Financement",
    "Mutualisation",
    "Archivage",
    "Hébergement",
    "Ergonomie",
    "Conduite du changement",
    "Planification",
    "Tableur",
    "Smartphone",
    "RGPD",
    "Mots de passe",
    "Site web",
    "Réseaux sociaux",
    "Newsletter",
    "Dons en ligne",
]
DURATIONS = ["3 mois", "4 mois", "6 mois", "8 mois", "10 mois", "1 an", "18 mois"]
BUDGETS = ["gratuit", "800 €", "2 500 €", "6 000 €", "12 000 €", "18 500 €", "35 000 €"]
FUNDINGS = [
    "Fonds propres",
    "Appel à projets « Cap numérique solidaire » et fonds propres",
    "Subside régional à l'économie sociale",
    "Mécénat d'une fondation et dons des membres",
    "Financement participatif auprès des coopérateurs",
]

# Events.
EVENT_TITLES = {
    "intervision": "Intervision : {subject}",
    "workshop": "Atelier : {subject}",
    "webinar": "Webinaire : {subject}",
    "conference": "Rencontre : {subject}",
    "training": "Formation : {subject}",
}
EVENT_SUBJECTS = [
    "choisir un CRM pour son association",
    "le RGPD sans prise de tête",
    "sécuriser ses mots de passe",
    "passer aux logiciels libres",
    "réussir sa boutique en ligne",
    "animer une communauté de bénévoles",
    "mesurer son impact social",
    "organiser le télétravail",
    "monter un tableau de bord",
    "rendre son site web accessible",
    "les sauvegardes, enfin",
    "financer un projet numérique",
    "former une équipe aux outils collaboratifs",
    "la cybersécurité pour les petites structures",
    "collecter des dons en ligne",
    "communiquer sur les réseaux sociaux",
    "inclusion numérique des bénéficiaires",
    "gérer les adhésions en ligne",
    "la comptabilité partagée",
    "piloter un projet numérique pas à pas",
]
EVENT_SUMMARIES = [
    "Deux heures entre pairs pour partager un problème concret et repartir avec des pistes.",
    "Une séance pratique, ordinateur portable sous le bras : on repart avec un outil installé.",
    "Témoignages de trois organisations du réseau, puis questions-réponses.",
    "Une journée de formation pour les personnes qui s'occupent du numérique au quotidien.",
    "Un webinaire court, enregistré, pour faire le tour de la question.",
]
EVENT_PARAGRAPHS = [
    "Chaque participant·e arrive avec une situation vécue : le groupe y réfléchit ensemble.",
    "Aucun prérequis technique : venez avec vos questions, même les plus simples.",
    "La séance est animée par une personne du réseau qui a mené le même projet.",
    "Les supports sont partagés après la rencontre avec toutes les personnes inscrites.",
    "Un temps d'échange informel suit la séance, autour d'un café.",
    "L'inscription vaut pour tout le cycle : le groupe reste le même d'une date à l'autre.",
]
VENUES = [
    "Maison de l'économie sociale",
    "Salle du Conseil",
    "Espace coopératif",
    "Centre culturel",
    "Tiers-lieu de la Gare",
    "Salle polyvalente",
]
STREETS = [
    "Rue des Coopérateurs",
    "Avenue de la Solidarité",
    "Rue du Marché",
    "Place communale",
    "Rue de l'Entraide",
    "Chaussée des Artisans",
]
OCCURRENCE_NOTES = [
    "Pas de séance ce mois-ci : assemblée générale de la fédération.",
    "Séance annulée : la salle n'est pas disponible.",
    "Annulée pour cause de congés scolaires.",
]

# Rooms.
THEME_ROOM_TOPICS = [
    (
        "Entraide numérique : le salon général",
        "Toutes les questions, de la plus simple à la "
        "plus pointue : quelqu'un du réseau a sûrement la réponse.",
    ),
    ("Logiciels libres dans nos associations", "Ce qui marche, ce qui coince, qui peut aider."),
    ("RGPD au quotidien", "Registre, consentements, durées de conservation : entraide concrète."),
    ("Cybersécurité", "Mots de passe, sauvegardes, hameçonnage : on s'entraide."),
    ("Outils collaboratifs", "Fichiers partagés, agendas, messageries d'équipe."),
    ("Sites web et communication", "Sites, lettres d'information, réseaux sociaux."),
    ("Vente en ligne", "Boutiques, paiements, livraisons : retours d'expérience."),
    ("Bénévoles et plannings", "Recruter, planifier et garder ses bénévoles."),
    ("Comptabilité et gestion", "Logiciels de gestion, facturation, tableaux de bord."),
    ("Financer son projet numérique", "Appels à projets, subsides, mécénat."),
    ("Inclusion numérique", "Accompagner les bénéficiaires éloignés du numérique."),
    ("Données et tableaux de bord", "Mesurer, compter, montrer son impact."),
]
MESSAGE_OPENINGS = [
    "Bonjour à toutes et à tous !",
    "Petite question :",
    "Merci pour ce retour,",
    "Chez nous,",
    "Bonne nouvelle :",
    "Pareil de notre côté.",
    "Quelqu'un a déjà essayé ?",
    "Je rebondis sur le message précédent :",
    "Retour d'expérience rapide :",
    "Pour info,",
]
MESSAGE_SENTENCES = [
    "on a migré nos documents partagés le mois dernier et l'équipe s'y fait bien.",
    "le plus dur n'a pas été l'outil mais de convaincre l'équipe d'arrêter les pièces jointes.",
    "vous avez un modèle de registre des traitements adapté à une petite structure ?",
    "on hésite entre un hébergement chez un prestataire associatif et notre propre serveur.",
    "la formation en binômes a vraiment mieux marché que les grandes séances en salle.",
    "nos bénévoles s'inscrivent maintenant aux permanences depuis leur téléphone.",
    "attention aux offres gratuites qui deviennent payantes au bout d'un an.",
    "la fiche sur les sauvegardes automatiques m'a fait gagner un temps fou.",
    "quelqu'un connaît un bon outil pour les sondages auprès des familles ?",
    "on cherche une personne pour relire notre charte informatique.",
    "le webinaire de jeudi dernier était très clair, merci aux organisateurs.",
    "on a enfin un gestionnaire de mots de passe pour toute l'équipe.",
    "les tableurs partagés, c'est pratique jusqu'au jour où quelqu'un efface une colonne.",
    "je peux partager notre procédure en privé si ça intéresse quelqu'un.",
    "on garde un poste avec l'ancien logiciel pour les cas particuliers, c'est pragmatique.",
    "notre financeur accepte maintenant les rapports exportés directement de l'outil.",
    "le passage au nouvel agenda partagé s'est fait sans douleur.",
    "on a eu une tentative d'hameçonnage cette semaine, soyez vigilants.",
    "est-ce que quelqu'un a un retour sur les caisses enregistreuses connectées ?",
    "la visio fonctionne mieux depuis qu'on coupe les caméras au-delà de dix personnes.",
]
MESSAGE_EXTRAS = [
    "",
    "",
    "",
    " **Important** : pensez à vérifier vos sauvegardes.",
    " La fiche du réseau en parle bien : /pratiques/",
    " Plus d'infos à l'agenda : /agenda/",
    " *Merci d'avance !*",
    " Des retours ?",
]
