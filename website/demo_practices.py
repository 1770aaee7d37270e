"""Practice sheets for `manage.py seed_demo`: the library, the tool catalogue, the sheets of
the invented demo organisations and what other members did with them.

Plain data only, in French. The organisations and people are those of `website/demo_data.py`
(by slug and email); the tools are real products, described as of 2025 (costs are only an
indication). The command in `website/management/commands/seed_demo.py` turns it into rows
and pages.
"""

PRACTICE_INDEX = {
    "title": "Fiches pratiques",
    "slug": "pratiques",
    "intro": (
        "Ce que les entreprises d'économie sociale ont appris de leurs projets numériques, "
        "transmis aux suivantes : pourquoi se lancer, 3 difficultés, 3 conseils, 3 phases, "
        "3 outils et 3 mots-clés pour réussir."
    ),
}

# Added at the front of the main menu when missing; existing links are kept after them.
NAVIGATION_LINKS = [
    {"label": "Pratiques", "page_slug": "pratiques"},
    {"label": "Outils", "url": "/outils/"},
]

# --- Tool catalogue ------------------------------------------------------------------------
# category: Tool.Category value; licence: Tool.Licence value; data_hosting: Tool.Hosting
# value ("self" where the usual way is to install the software on one's own server or
# computer).

TOOLS = [
    {
        "slug": "nextcloud",
        "name": "Nextcloud",
        "category": "collaboration",
        "licence": "free_software",
        "cost": "gratuit en auto-hébergement ; offres hébergées à partir de quelques €/mois",
        "data_hosting": "self",
        "website": "https://nextcloud.com",
        "description": (
            "Plateforme libre de fichiers partagés, d'agendas, de contacts et de coédition de "
            "documents. S'installe sur son propre serveur ou chez un hébergeur de confiance."
        ),
    },
    {
        "slug": "libreoffice",
        "name": "LibreOffice",
        "category": "collaboration",
        "licence": "free_software",
        "cost": "gratuit",
        "data_hosting": "self",
        "website": "https://www.libreoffice.org",
        "description": (
            "Suite bureautique libre (traitement de texte, tableur, présentations) qui "
            "enregistre par défaut dans le format ouvert ODF et lit les fichiers Microsoft."
        ),
    },
    {
        "slug": "dolibarr",
        "name": "Dolibarr",
        "category": "accounting",
        "licence": "free_software",
        "cost": "gratuit en auto-hébergement ; hébergement et modules complémentaires payants",
        "data_hosting": "self",
        "website": "https://www.dolibarr.org",
        "description": (
            "Progiciel de gestion libre et modulaire : devis, factures, stocks, adhérents, "
            "dons. Très utilisé par les associations et les petites structures."
        ),
    },
    {
        "slug": "civicrm",
        "name": "CiviCRM",
        "category": "crm",
        "licence": "free_software",
        "cost": "gratuit ; hébergement et accompagnement à prévoir",
        "data_hosting": "self",
        "website": "https://civicrm.org",
        "description": (
            "Logiciel libre de gestion de la relation aux membres, donateurs et bénévoles, "
            "conçu pour les organisations sans but lucratif. S'installe avec WordPress, "
            "Drupal ou seul."
        ),
    },
    {
        "slug": "odoo",
        "name": "Odoo",
        "category": "accounting",
        "licence": "freemium",
        "cost": "une application gratuite ; sinon à partir d'environ 15 €/mois/utilisateur",
        "data_hosting": "eu",
        "website": "https://www.odoo.com",
        "description": (
            "Suite de gestion d'origine belge (comptabilité, facturation, CRM, ventes). La "
            "version Community est libre ; la version en ligne et Enterprise est payante."
        ),
    },
    {
        "slug": "wordpress",
        "name": "WordPress",
        "category": "communication",
        "licence": "free_software",
        "cost": "gratuit ; hébergement à partir de quelques €/mois",
        "data_hosting": "self",
        "website": "https://wordpress.org",
        "description": (
            "Le logiciel libre de gestion de contenu le plus répandu pour les sites web, avec "
            "des milliers de thèmes et d'extensions."
        ),
    },
    {
        "slug": "woocommerce",
        "name": "WooCommerce",
        "category": "ecommerce",
        "licence": "free_software",
        "cost": "extension gratuite ; certaines extensions de paiement ou de livraison payantes",
        "data_hosting": "self",
        "website": "https://woocommerce.com",
        "description": (
            "Extension libre qui transforme un site WordPress en boutique en ligne : "
            "catalogue, panier, paiement, frais d'envoi."
        ),
    },
    {
        "slug": "mattermost",
        "name": "Mattermost",
        "category": "collaboration",
        "licence": "free_software",
        "cost": "édition gratuite en auto-hébergement ; offres payantes",
        "data_hosting": "self",
        "website": "https://mattermost.com",
        "description": (
            "Messagerie d'équipe libre, organisée en canaux, alternative auto-hébergeable à Slack."
        ),
    },
    {
        "slug": "element",
        "name": "Element (Matrix)",
        "category": "communication",
        "licence": "free_software",
        "cost": "gratuit ; hébergement géré payant",
        "data_hosting": "self",
        "website": "https://element.io",
        "description": (
            "Application de messagerie libre et chiffrée fondée sur le protocole ouvert "
            "Matrix : salons de discussion, appels, serveur installable chez soi."
        ),
    },
    {
        "slug": "jitsi-meet",
        "name": "Jitsi Meet",
        "category": "collaboration",
        "licence": "free_software",
        "cost": "gratuit",
        "data_hosting": "self",
        "website": "https://jitsi.org/jitsi-meet/",
        "description": (
            "Visioconférence libre dans le navigateur, sans compte à créer. Utilisable sur des "
            "instances publiques ou installée sur son propre serveur."
        ),
    },
    {
        "slug": "bigbluebutton",
        "name": "BigBlueButton",
        "category": "training",
        "licence": "free_software",
        "cost": "gratuit en auto-hébergement ; hébergement géré payant",
        "data_hosting": "self",
        "website": "https://bigbluebutton.org",
        "description": (
            "Classe virtuelle libre pensée pour la formation : salles de sous-groupes, tableau "
            "blanc, sondages, partage de documents."
        ),
    },
    {
        "slug": "keepassxc",
        "name": "KeePassXC",
        "category": "security",
        "licence": "free_software",
        "cost": "gratuit",
        "data_hosting": "self",
        "website": "https://keepassxc.org",
        "description": (
            "Gestionnaire de mots de passe libre qui garde un coffre chiffré dans un fichier, "
            "sur l'ordinateur ou dans un dossier partagé."
        ),
    },
    {
        "slug": "bitwarden",
        "name": "Bitwarden",
        "category": "security",
        "licence": "freemium",
        "cost": "gratuit pour un usage individuel ; offre équipes autour de 4 $/mois/utilisateur",
        "data_hosting": "eu",
        "website": "https://bitwarden.com",
        "description": (
            "Gestionnaire de mots de passe au code ouvert, avec coffres partagés par équipe. "
            "Serveurs européens au choix, ou auto-hébergement."
        ),
    },
    {
        "slug": "zammad",
        "name": "Zammad",
        "category": "crm",
        "licence": "free_software",
        "cost": "gratuit en auto-hébergement ; offres hébergées payantes",
        "data_hosting": "self",
        "website": "https://zammad.com",
        "description": (
            "Logiciel libre de gestion des demandes (helpdesk) : e-mails, formulaires et "
            "appels regroupés en tickets suivis par l'équipe."
        ),
    },
    {
        "slug": "openproject",
        "name": "OpenProject",
        "category": "project",
        "licence": "free_software",
        "cost": "édition Community gratuite ; offres payantes",
        "data_hosting": "self",
        "website": "https://www.openproject.org",
        "description": (
            "Gestion de projet libre : planning, tâches, diagrammes de Gantt, suivi du temps "
            "et des budgets."
        ),
    },
    {
        "slug": "kanboard",
        "name": "Kanboard",
        "category": "project",
        "licence": "free_software",
        "cost": "gratuit",
        "data_hosting": "self",
        "website": "https://kanboard.org",
        "description": (
            "Tableau de tâches libre et minimaliste, en colonnes (à faire, en cours, fait), "
            "facile à installer et à prendre en main."
        ),
    },
    {
        "slug": "framadate",
        "name": "Framadate",
        "category": "collaboration",
        "licence": "free_software",
        "cost": "gratuit",
        "data_hosting": "eu",
        "website": "https://framadate.org",
        "description": (
            "Sondage de dates et de choix libre, sans compte à créer, proposé par l'association "
            "Framasoft et installable ailleurs."
        ),
    },
    {
        "slug": "limesurvey",
        "name": "LimeSurvey",
        "category": "other",
        "licence": "free_software",
        "cost": "gratuit en auto-hébergement ; version en ligne gratuite limitée puis payante",
        "data_hosting": "self",
        "website": "https://www.limesurvey.org",
        "description": (
            "Logiciel libre d'enquêtes et de questionnaires en ligne, avec réponses anonymes "
            "et exports pour l'analyse."
        ),
    },
    {
        "slug": "matomo",
        "name": "Matomo",
        "category": "communication",
        "licence": "free_software",
        "cost": "gratuit en auto-hébergement ; version cloud payante",
        "data_hosting": "self",
        "website": "https://matomo.org",
        "description": (
            "Mesure d'audience libre, respectueuse de la vie privée, qui peut fonctionner sans "
            "cookie tiers."
        ),
    },
    {
        "slug": "grist",
        "name": "Grist",
        "category": "collaboration",
        "licence": "free_software",
        "cost": "gratuit (formule en ligne limitée ou auto-hébergé) ; offres payantes",
        "data_hosting": "self",
        "website": "https://www.getgrist.com",
        "description": (
            "Tableur-base de données libre : des tables reliées, des formulaires et des vues "
            "par personne, sans devoir programmer."
        ),
    },
    {
        "slug": "metabase",
        "name": "Metabase",
        "category": "other",
        "licence": "free_software",
        "cost": "édition libre gratuite en auto-hébergement ; offres cloud payantes",
        "data_hosting": "self",
        "website": "https://www.metabase.com",
        "description": (
            "Outil libre de tableaux de bord : des graphiques construits en quelques clics à "
            "partir d'une base de données, partagés avec l'équipe."
        ),
    },
    {
        "slug": "duplicati",
        "name": "Duplicati",
        "category": "security",
        "licence": "free_software",
        "cost": "gratuit",
        "data_hosting": "self",
        "website": "https://duplicati.com",
        "description": (
            "Logiciel libre de sauvegarde chiffrée et planifiée, vers un disque externe ou un "
            "stockage en ligne au choix."
        ),
    },
    {
        "slug": "belenios",
        "name": "Belenios",
        "category": "other",
        "licence": "free_software",
        "cost": "gratuit",
        "data_hosting": "eu",
        "website": "https://www.belenios.org",
        "description": (
            "Système libre de vote électronique vérifiable, issu de la recherche publique "
            "française : chacun peut vérifier que son bulletin a été compté."
        ),
    },
    {
        "slug": "signal",
        "name": "Signal",
        "category": "communication",
        "licence": "free_software",
        "cost": "gratuit",
        "data_hosting": "outside_eu",
        "website": "https://signal.org",
        "description": (
            "Messagerie libre chiffrée de bout en bout, financée par une fondation à but non "
            "lucratif : messages, groupes, appels."
        ),
    },
    {
        "slug": "proton-mail",
        "name": "Proton Mail",
        "category": "security",
        "licence": "freemium",
        "cost": "gratuit avec limites ; offres payantes à partir de quelques €/mois",
        "data_hosting": "outside_eu",
        "website": "https://proton.me/mail",
        "description": (
            "Messagerie chiffrée hébergée en Suisse ; les applications sont libres, le service "
            "propose une formule gratuite et des offres pour les organisations."
        ),
    },
    {
        "slug": "brevo",
        "name": "Brevo",
        "category": "communication",
        "licence": "freemium",
        "cost": "gratuit jusqu'à 300 e-mails par jour ; offres payantes ensuite",
        "data_hosting": "eu",
        "website": "https://www.brevo.com",
        "description": (
            "Service français d'envoi d'e-mails et de SMS (lettres d'information, rappels "
            "automatiques), anciennement Sendinblue."
        ),
    },
    {
        "slug": "mailchimp",
        "name": "Mailchimp",
        "category": "communication",
        "licence": "freemium",
        "cost": "formule gratuite limitée ; offres payantes selon le nombre de contacts",
        "data_hosting": "outside_eu",
        "website": "https://mailchimp.com",
        "description": (
            "Service américain d'envoi de lettres d'information et de campagnes d'e-mails, "
            "avec statistiques d'ouverture."
        ),
    },
    {
        "slug": "canva",
        "name": "Canva",
        "category": "communication",
        "licence": "freemium",
        "cost": "gratuit ; version Pro offerte aux associations éligibles",
        "data_hosting": "outside_eu",
        "website": "https://www.canva.com",
        "description": (
            "Outil de création graphique en ligne (affiches, visuels pour les réseaux sociaux, "
            "présentations) à partir de modèles."
        ),
    },
    {
        "slug": "google-workspace",
        "name": "Google Workspace",
        "category": "collaboration",
        "licence": "proprietary",
        "cost": "gratuit pour les associations éligibles ; sinon dès 7 €/mois/utilisateur",
        "data_hosting": "outside_eu",
        "website": "https://workspace.google.com",
        "description": (
            "Suite en ligne de Google : messagerie, agenda, documents, tableurs et "
            "visioconférence partagés."
        ),
    },
    {
        "slug": "microsoft-365",
        "name": "Microsoft 365",
        "category": "collaboration",
        "licence": "proprietary",
        "cost": "dons et remises pour les associations ; sinon dès 6 €/mois/utilisateur",
        "data_hosting": "eu",
        "website": "https://www.microsoft.com/microsoft-365",
        "description": (
            "Suite de Microsoft : Outlook, Teams, Word, Excel et stockage OneDrive. Données "
            "des clients européens stockées dans l'UE par une société américaine."
        ),
    },
    {
        "slug": "slack",
        "name": "Slack",
        "category": "collaboration",
        "licence": "freemium",
        "cost": "gratuit (historique de 90 jours) ; dès 7 €/mois/utilisateur",
        "data_hosting": "outside_eu",
        "website": "https://slack.com",
        "description": (
            "Messagerie d'équipe en canaux, très répandue, avec de nombreuses intégrations ; "
            "remises pour les associations."
        ),
    },
    {
        "slug": "trello",
        "name": "Trello",
        "category": "project",
        "licence": "freemium",
        "cost": "gratuit jusqu'à 10 collaborateurs par espace ; offres payantes",
        "data_hosting": "outside_eu",
        "website": "https://trello.com",
        "description": (
            "Tableaux de cartes en colonnes pour organiser des tâches et des projets, "
            "édités par Atlassian."
        ),
    },
    {
        "slug": "notion",
        "name": "Notion",
        "category": "collaboration",
        "licence": "freemium",
        "cost": "gratuit pour un usage individuel ; dès 10 €/mois/membre",
        "data_hosting": "outside_eu",
        "website": "https://www.notion.com",
        "description": (
            "Espace de travail en ligne qui mêle notes, wiki, bases de données et tâches."
        ),
    },
    {
        "slug": "zoom",
        "name": "Zoom",
        "category": "collaboration",
        "licence": "freemium",
        "cost": "gratuit jusqu'à 40 minutes par réunion ; offre Pro dès 13 €/mois",
        "data_hosting": "outside_eu",
        "website": "https://zoom.us",
        "description": (
            "Visioconférence très répandue, avec webinaires, mains levées et salles de "
            "sous-groupes."
        ),
    },
    {
        "slug": "shopify",
        "name": "Shopify",
        "category": "ecommerce",
        "licence": "proprietary",
        "cost": "dès 30 €/mois environ, plus des frais par transaction",
        "data_hosting": "outside_eu",
        "website": "https://www.shopify.com",
        "description": (
            "Plateforme canadienne de boutique en ligne clé en main : catalogue, paiement, "
            "expédition, caisse en magasin."
        ),
    },
    {
        "slug": "helloasso",
        "name": "HelloAsso",
        "category": "ecommerce",
        "licence": "proprietary",
        "cost": "gratuit pour les associations (contributions volontaires des payeurs)",
        "data_hosting": "eu",
        "website": "https://www.helloasso.com",
        "description": (
            "Plateforme française de dons, d'adhésions et de billetterie pour les "
            "associations, sans commission prélevée sur les paiements."
        ),
    },
    {
        "slug": "zeffy",
        "name": "Zeffy",
        "category": "ecommerce",
        "licence": "proprietary",
        "cost": "gratuit pour les OBNL (contributions volontaires des donateurs)",
        "data_hosting": "outside_eu",
        "website": "https://www.zeffy.com",
        "description": (
            "Plateforme québécoise de dons, d'adhésions et de billetterie pour les organismes "
            "à but non lucratif, avec reçus officiels automatiques."
        ),
    },
]

# --- Practice sheets ---------------------------------------------------------------------
# Keys: slug, title, summary, organisation (slug), authors (emails of its members), sectors
# (slugs; default: the organisation's), duration, budget, funding, themes (slugs),
# dimensions (infrastructure / organisation / processes / strategy), why (HTML),
# difficulties, tips, phases ([(title, text)] × 3), tools ([(tool slug, usage)] × 3),
# keywords (3 words), results, social_impact (HTML), related (slugs of sheets listed
# earlier), published_days_ago. Region and organisation size are the organisation's.

SHEETS = [
    {
        "slug": "crm-aide-a-domicile",
        "title": "Un CRM libre pour suivre bénéficiaires et tournées d'aide à domicile",
        "summary": (
            "Nos 32 aides familiales jonglaient entre un classeur papier, trois tableurs et des "
            "SMS pour suivre 240 bénéficiaires. En dix mois, nous avons rassemblé dossiers, "
            "tournées et demandes des familles dans CiviCRM, consultable sur smartphone."
        ),
        "organisation": "petites-mains-hesbaye",
        "authors": ["nathalie@relais.example"],
        "duration": "10 mois",
        "budget": "18 500 €",
        "funding": "Appel à projets « Cap numérique solidaire » (Wallonie) et fonds propres",
        "themes": ["crm-relation-membres", "rgpd"],
        "dimensions": ["processes", "organisation"],
        "why": (
            "<p>Chaque matin, notre coordinatrice passait une heure à recopier les changements "
            "de planning d'un tableur à l'autre. Quand une aide familiale tombait malade, "
            "personne ne savait vite qui prévenir, ni quelles consignes transmettre à la "
            "remplaçante pour chaque personne âgée.</p>"
            "<p>Pour une ASBL d'aide à domicile, la qualité du suivi est la mission même. Un "
            "outil numérique partagé, c'était du temps rendu aux visites et une continuité "
            "rassurante pour les familles.</p>"
        ),
        "difficulties": [
            (
                "Des données éparpillées et contradictoires",
                "Au moment de la reprise, nous avons trouvé trois versions de la liste des "
                "bénéficiaires, dont aucune n'était à jour. Le nettoyage a pris six semaines au "
                "lieu des deux prévues.",
            ),
            (
                "Des aides familiales peu à l'aise avec les écrans",
                "Plusieurs collègues n'avaient jamais utilisé d'application professionnelle "
                "sur smartphone. Certaines craignaient d'être « fliquées » par l'outil.",
            ),
            (
                "Des informations de santé sensibles",
                "Les consignes de soins et les coordonnées des proches sont des données "
                "sensibles au sens du RGPD. Il a fallu décider qui voit quoi avant d'ouvrir "
                "l'accès à toute l'équipe.",
            ),
        ],
        "tips": [
            (
                "Nettoyer avant de migrer",
                "Fixez une date de gel des tableurs et désignez une seule personne responsable "
                "de la liste de référence. On importe une fois, proprement, plutôt que de "
                "corriger pendant des mois.",
            ),
            (
                "Former en binômes, sur le terrain",
                "Nous avons associé une aide familiale à l'aise avec le smartphone à une "
                "collègue plus hésitante, pendant les tournées. Vingt minutes par jour pendant "
                "deux semaines ont mieux marché que deux journées en salle.",
            ),
            (
                "Écrire les règles d'accès avec l'équipe",
                "Une réunion d'équipe a suffi pour définir trois profils : coordination, aide "
                "familiale, administration. En expliquant ce que l'outil ne montre pas, nous "
                "avons désamorcé la peur du contrôle.",
            ),
        ],
        "phases": [
            (
                "Cartographier le suivi existant",
                "Pendant un mois, la coordinatrice a noté chaque information demandée au "
                "téléphone et l'endroit où elle la trouvait. Cette liste de 41 besoins, relue "
                "par deux aides familiales, est devenue notre cahier des charges.",
            ),
            (
                "Paramétrer et importer",
                "Avec un prestataire liégeois, nous avons créé les fiches bénéficiaires, les "
                "types d'intervention et les tournées dans CiviCRM. L'import définitif s'est "
                "fait en une soirée, après trois essais sur une copie.",
            ),
            (
                "Basculer équipe par équipe",
                "L'équipe de Waremme a commencé seule pendant trois semaines, puis celle "
                "d'Hannut. Les tableurs ont été archivés en lecture seule le jour où les deux "
                "équipes ont travaillé une semaine sans revenir au papier.",
            ),
        ],
        "tools": [
            (
                "civicrm",
                "Dossier de chaque bénéficiaire (proches à prévenir, consignes, historique des "
                "visites) et suivi des demandes des familles, avec des droits par profil.",
            ),
            (
                "nextcloud",
                "Agenda partagé des tournées, synchronisé sur les smartphones des aides "
                "familiales, et stockage des documents scannés hors du CRM.",
            ),
            (
                "keepassxc",
                "Coffre des mots de passe de l'équipe de coordination, pour ne plus noter les "
                "accès au CRM sur un post-it.",
            ),
        ],
        "keywords": ["Continuité", "Confiance", "Terrain"],
        "results": (
            "<p>Une heure de recopie gagnée chaque matin par la coordination ; un remplacement "
            "se règle en dix minutes au lieu d'une demi-journée. 29 aides familiales sur 32 "
            "consultent leur tournée sur smartphone.</p>"
        ),
        "social_impact": (
            "<p>Les familles ont un interlocuteur qui connaît le dossier, même quand l'aide "
            "familiale habituelle est absente. Moins de visites manquées chez les personnes "
            "âgées isolées.</p>"
        ),
        "related": [],
        "published_days_ago": 168,
    },
    {
        "slug": "boutique-en-ligne-pieces-detachees",
        "title": "Une boutique en ligne pour vendre nos pièces détachées",
        "summary": (
            "Nos ateliers accumulaient des pièces détachées d'électroménager et de vélo que les "
            "clients du magasin ne cherchaient pas. Une boutique WooCommerce reliée à notre "
            "stock Dolibarr les vend aujourd'hui dans toute la Belgique."
        ),
        "organisation": "recyclerie-du-condroz",
        "authors": ["karim@relais.example", "lea@relais.example"],
        "duration": "7 mois",
        "budget": "9 800 €",
        "funding": (
            "Appel à projets « Commerce de proximité connecté » (Wallonie) et fonds propres"
        ),
        "themes": ["e-commerce", "site-web-communication"],
        "dimensions": ["processes", "strategy"],
        "why": (
            "<p>Une recyclerie vit de ce qu'elle revend. Or nos pièces détachées (tambours de "
            "lave-linge, dérailleurs, thermostats) ne trouvaient preneur qu'une fois sur dix "
            "au magasin de Ciney : ceux qui les cherchent habitent Liège, Namur ou Arlon.</p>"
            "<p>Vendre en ligne, c'était prolonger la vie de milliers d'objets et donner à nos "
            "stagiaires en insertion une compétence recherchée : photographier, décrire, "
            "emballer, expédier. Le numérique est devenu un atelier de formation à part "
            "entière.</p>"
        ),
        "difficulties": [
            (
                "Photographier et décrire des centaines de pièces",
                "Une pièce sans référence ni photo nette ne se vend pas. Les premières "
                "semaines, une fiche produit prenait 15 minutes : intenable pour 600 "
                "références.",
            ),
            (
                "Un stock qui bouge à deux endroits",
                "La même pièce pouvait être vendue au comptoir et en ligne dans la même heure. "
                "Deux ventes en double dès le premier week-end nous ont obligés à revoir la "
                "synchronisation.",
            ),
            (
                "Les frais d'expédition",
                "Nos premiers forfaits ne couvraient pas l'envoi des pièces lourdes : sur un "
                "moteur de lave-linge, nous perdions de l'argent à chaque commande.",
            ),
        ],
        "tips": [
            (
                "Standardiser la fiche produit",
                "Un gabarit unique : trois photos sur fond blanc, la référence du fabricant, "
                "les appareils compatibles et l'état testé. Avec un coin photo fixe à "
                "l'atelier, une fiche prend 4 minutes.",
            ),
            (
                "Un seul stock de référence",
                "Le stock vit dans Dolibarr et la boutique relit les quantités toutes les 15 "
                "minutes. Le comptoir scanne chaque vente : une pièce vendue disparaît de la "
                "boutique.",
            ),
            (
                "Calculer les frais au poids",
                "Pesez chaque pièce au moment de la photo. Les frais d'envoi calculés au poids "
                "réel ont supprimé les pertes, et le retrait à Ciney reste gratuit.",
            ),
        ],
        "phases": [
            (
                "Tester avec 50 pièces",
                "Pendant un mois, nous avons vendu 50 pièces choisies via une simple page, "
                "pour vérifier qu'il y avait des acheteurs. 38 sont parties, souvent chez des "
                "réparateurs indépendants.",
            ),
            (
                "Construire la boutique et relier le stock",
                "Une bénévole développeuse a installé WooCommerce sur notre site, avec le "
                "paiement Bancontact et le lien vers Dolibarr. Les stagiaires ont photographié "
                "400 références en six semaines.",
            ),
            (
                "Intégrer la boutique au parcours de formation",
                "La préparation des commandes est devenue un poste de formation : lecture du "
                "bon, contrôle, emballage, étiquette. Chaque stagiaire y passe deux semaines.",
            ),
        ],
        "tools": [
            (
                "woocommerce",
                "Catalogue, panier et paiement (Bancontact et carte), frais d'envoi calculés "
                "au poids, retrait gratuit au magasin.",
            ),
            (
                "dolibarr",
                "Stock unique pour le comptoir et la boutique, factures, et suivi des pièces "
                "testées par les ateliers.",
            ),
            (
                "wordpress",
                "Site existant de la Recyclerie sur lequel la boutique a été greffée, avec une "
                "page qui explique notre projet d'insertion.",
            ),
        ],
        "keywords": ["Stock unique", "Photos", "Insertion"],
        "results": (
            "<p>En un an, 2 300 pièces vendues en ligne, soit 31 000 € de chiffre d'affaires "
            "supplémentaire. Moins de 2 % de retours.</p>"
        ),
        "social_impact": (
            "<p>Environ 14 tonnes d'appareils et de vélos réparés plutôt que jetés. Deux "
            "stagiaires ont été engagés en logistique e-commerce à la fin de leur "
            "formation.</p>"
        ),
        "related": [],
        "published_days_ago": 157,
    },
    {
        "slug": "outils-collaboratifs-benevoles",
        "title": "Des outils collaboratifs libres pour nos 45 bénévoles",
        "summary": (
            "Entre les groupes de messagerie, les courriels et le tableau en liège du local, "
            "nos bénévoles ne savaient plus qui arrosait quoi. Nous avons choisi trois outils "
            "libres et simples, et une règle : une information n'existe que si elle est au bon "
            "endroit."
        ),
        "organisation": "jardins-croix-rousse",
        "authors": ["lucie@relais.example"],
        "duration": "4 mois",
        "budget": "1 200 €",
        "funding": (
            "Micro-subvention « Numérique et vie associative » du Collectif ESS Loire-Rhône"
        ),
        "themes": ["outils-collaboratifs", "gestion-benevoles", "logiciels-libres"],
        "dimensions": ["organisation"],
        "why": (
            "<p>Une association de jardiniers bénévoles, c'est beaucoup de petites tâches "
            "réparties entre des gens qui ne se croisent pas : arrosage en août, commandes de "
            "semences, ateliers cuisine anti-gaspillage. Quand l'information se perd, ce sont "
            "toujours les trois mêmes personnes qui rattrapent tout, et elles s'épuisent.</p>"
            "<p>Nous voulions des outils qui respectent la vie privée des bénévoles, qui ne "
            "dépendent pas d'une grande plateforme et qui restent gratuits. Le numérique "
            "devait alléger l'organisation, pas ajouter une corvée.</p>"
        ),
        "difficulties": [
            (
                "L'attachement à WhatsApp",
                "La plupart des bénévoles avaient déjà WhatsApp et ne voyaient pas pourquoi "
                "installer autre chose. Les plus âgés craignaient de « rater des messages ».",
            ),
            (
                "Trop d'outils d'un coup",
                "Notre première proposition comptait cinq outils. À la réunion de "
                "présentation, la moitié de la salle a décroché avant la fin.",
            ),
            (
                "Des bénévoles de passage",
                "Un tiers des bénévoles ne viennent que quelques semaines par an. Ils doivent "
                "s'y retrouver sans formation.",
            ),
        ],
        "tips": [
            (
                "Trois outils, pas un de plus",
                "Discussions, tâches, dates : un outil par usage, présentés sur une affiche "
                "plastifiée au local. Tout le reste a été abandonné.",
            ),
            (
                "Garder une passerelle pendant la transition",
                "Pendant deux mois, la coordinatrice a recopié les annonces importantes dans "
                "l'ancien groupe avec un lien vers le nouveau salon. Ensuite, le groupe a été "
                "fermé en douceur.",
            ),
            (
                "Un parrain pour chaque nouveau",
                "Chaque nouveau bénévole reçoit un lien d'invitation et un rendez-vous de 15 "
                "minutes avec un parrain, au jardin, téléphone en main.",
            ),
        ],
        "phases": [
            (
                "Lister ce qui se perd",
                "En assemblée, chacun a noté sur un post-it la dernière information qu'il "
                "avait ratée. Les 60 post-it se rangeaient en trois tas : discussions, tâches "
                "et dates.",
            ),
            (
                "Choisir avec un petit groupe test",
                "Huit bénévoles d'âges différents ont testé deux options par usage pendant "
                "trois semaines. Leur vote a tranché : Element, Kanboard et Framadate.",
            ),
            (
                "Lancer au printemps",
                "Nous avons basculé au moment des semis, quand tout le monde revient au "
                "jardin. Une permanence « aide au téléphone » a eu lieu chaque samedi matin "
                "d'avril.",
            ),
        ],
        "tools": [
            (
                "element",
                "Un salon par jardin et un salon « annonces » en lecture seule, sur le serveur "
                "d'une petite association locale d'hébergement libre.",
            ),
            (
                "kanboard",
                "Tableau des tâches du jardin (arrosage, compost, commandes) : chacun prend "
                "une tâche en glissant sa carte.",
            ),
            (
                "framadate",
                "Sondages de dates pour les chantiers collectifs et les ateliers cuisine, sans "
                "compte à créer.",
            ),
        ],
        "keywords": ["Simplicité", "Parrainage", "Vie privée"],
        "results": (
            "<p>38 bénévoles sur 45 actifs sur les salons après six mois. Le planning "
            "d'arrosage d'août a été rempli en quatre jours, contre trois semaines de relances "
            "l'année précédente.</p>"
        ),
        "social_impact": (
            "<p>La charge ne repose plus sur trois personnes : 22 bénévoles ont pris au moins "
            "une tâche dans le tableau. Les nouveaux venus trouvent leur place plus vite et "
            "reviennent davantage.</p>"
        ),
        "related": [],
        "published_days_ago": 149,
    },
    {
        "slug": "conformite-rgpd-creche",
        "title": "Mettre une crèche coopérative en conformité avec le RGPD",
        "summary": (
            "Fiches d'inscription, certificats médicaux, photos des enfants : une crèche "
            "manipule beaucoup de données sensibles. En six mois, nous avons tenu notre "
            "registre, fait le tri et changé nos habitudes, sans juriste à temps plein."
        ),
        "organisation": "creche-les-pissenlits",
        "authors": ["aurelie@relais.example"],
        "duration": "6 mois",
        "budget": "3 500 €, dont deux jours d'accompagnement",
        "funding": "Programme « Cap numérique solidaire » (Wallonie) et fonds propres",
        "themes": ["rgpd", "cybersecurite"],
        "dimensions": ["processes", "organisation"],
        "why": (
            "<p>Un parent nous a demandé un jour quelles données nous gardions sur sa fille, et "
            "pendant combien de temps. Nous n'avions pas de réponse claire : des dossiers "
            "papier dans une armoire ouverte, des photos sur les téléphones personnels des "
            "puéricultrices, des tableurs envoyés par e-mail au comité.</p>"
            "<p>Dans une coopérative où les parents sont aussi coopérateurs, la confiance est "
            "notre capital. Le RGPD n'était pas une formalité de plus : c'était l'occasion de "
            "protéger les enfants, et de le montrer aux familles.</p>"
        ),
        "difficulties": [
            (
                "Ne pas savoir par où commencer",
                "Les guides disponibles font cinquante pages et s'adressent à des entreprises. "
                "Nous avons perdu un mois à lire sans rien changer.",
            ),
            (
                "Les photos des enfants",
                "Les puéricultrices photographiaient les enfants avec leur téléphone personnel "
                "pour le cahier de vie. Interdire sans solution de remplacement aurait été vécu "
                "comme une sanction.",
            ),
            (
                "Des sous-traitants oubliés",
                "Le logiciel d'inscription, la comptable externe, le traiteur qui connaît les "
                "allergies : chacun reçoit des données, et aucun contrat ne le prévoyait.",
            ),
        ],
        "tips": [
            (
                "Commencer par le registre des traitements",
                "Un tableau avec une ligne par usage (inscriptions, présences, santé, "
                "facturation, photos) suffit. Pour chacun : quelles données, pourquoi, qui y "
                "accède et combien de temps on les garde.",
            ),
            (
                "Fournir l'outil avant d'interdire",
                "Nous avons acheté deux tablettes de la crèche, reliées à un dossier partagé, "
                "avant de demander que les photos quittent les téléphones personnels.",
            ),
            (
                "Un avenant d'une page pour chaque sous-traitant",
                "Un modèle d'avenant envoyé à nos cinq prestataires a réglé la question en "
                "trois semaines. Deux d'entre eux avaient déjà le leur.",
            ),
        ],
        "phases": [
            (
                "Faire l'inventaire en une journée",
                "Avec Thomas, de l'Atelier numérique solidaire, nous avons ouvert chaque "
                "armoire, chaque dossier partagé et chaque téléphone de service. Résultat : 14 "
                "traitements et 9 endroits où dormaient des données.",
            ),
            (
                "Trier et fixer des durées",
                "Les dossiers des enfants partis depuis plus de deux ans ont été détruits, "
                "sauf les pièces comptables. Chaque traitement a désormais une durée de "
                "conservation écrite dans le registre.",
            ),
            (
                "Informer les familles et l'équipe",
                "Une notice d'une page est remise à l'inscription, avec un consentement "
                "distinct pour les photos. L'équipe a suivi un atelier de deux heures à partir "
                "de cas concrets tirés de la crèche.",
            ),
        ],
        "tools": [
            (
                "nextcloud",
                "Dossier photos partagé entre les deux tablettes et les familles, par lien "
                "protégé par mot de passe qui expire après un mois.",
            ),
            (
                "libreoffice",
                "Registre des traitements dans un tableur, modèles de notice et d'avenant dans "
                "le traitement de texte.",
            ),
            (
                "keepassxc",
                "Mots de passe de la crèche (logiciel d'inscription, banque, dossiers "
                "partagés) dans un coffre commun à la direction et à la comptable.",
            ),
        ],
        "keywords": ["Registre", "Transparence", "Durées"],
        "results": (
            "<p>Un registre de 14 traitements tenu à jour ; 60 % des archives papier "
            "détruites ; plus aucune photo d'enfant sur un téléphone personnel. La visite de "
            "l'organisme de tutelle s'est passée sans remarque.</p>"
        ),
        "social_impact": (
            "<p>Les parents savent ce que nous gardons et pourquoi ; trois familles nous ont "
            "dit nous avoir choisis aussi pour cela. L'équipe se sent plus sûre d'elle quand un "
            "parent pose une question.</p>"
        ),
        "related": ["crm-aide-a-domicile"],
        "published_days_ago": 136,
    },
    {
        "slug": "cybersecurite-de-base",
        "title": "Cybersécurité de base : mots de passe, sauvegardes et double authentification",
        "summary": (
            "Après l'hameçonnage de la boîte mail d'un écoutant, nous avons installé trois "
            "gestes pour l'équipe et nos 30 bénévoles : un gestionnaire de mots de passe, des "
            "sauvegardes chiffrées et la double authentification. Aucune compétence technique "
            "n'est requise, seulement de la constance."
        ),
        "organisation": "fondation-ecoute-et-lien",
        "authors": ["sophie@relais.example"],
        "duration": "5 mois",
        "budget": "2 400 € par an",
        "funding": "Fonds propres et mécénat de compétences d'un informaticien bénévole",
        "themes": ["cybersecurite", "rgpd", "formation-numerique"],
        "dimensions": ["infrastructure", "organisation"],
        "why": (
            "<p>En mars, un écoutant bénévole a saisi son mot de passe sur une fausse page de "
            "connexion. Pendant deux jours, sa boîte a envoyé des messages frauduleux à des "
            "personnes que nous accompagnons, dont certaines en grande fragilité "
            "psychique.</p>"
            "<p>Nous avons compris que la confidentialité promise aux appelants ne dépendait "
            "pas seulement de notre charte d'écoute, mais aussi de mots de passe réutilisés et "
            "d'un disque jamais sauvegardé. La cybersécurité fait partie de notre mission de "
            "soin.</p>"
        ),
        "difficulties": [
            (
                "« Je n'ai rien à cacher »",
                "Beaucoup de bénévoles pensaient ne pas être concernés. Les règles perçues "
                "comme techniques étaient contournées, par exemple en notant le mot de passe "
                "maître dans le téléphone.",
            ),
            (
                "Des appareils personnels",
                "Les écoutants bénévoles travaillent depuis leur ordinateur et leur téléphone "
                "personnels, que nous ne pouvons ni gérer ni contrôler.",
            ),
            (
                "La sauvegarde oubliée",
                "Les procédures et les comptes rendus de supervision vivaient sur un seul "
                "ordinateur du secrétariat. Personne ne savait si la dernière sauvegarde "
                "datait de la veille ou de l'an dernier.",
            ),
        ],
        "tips": [
            (
                "Raconter l'incident, pas la théorie",
                "La formation commence par le récit de l'hameçonnage de mars, avec l'accord de "
                "l'écoutant concerné. Les bénévoles ont retenu l'histoire bien mieux que les "
                "règles.",
            ),
            (
                "Activer la double authentification ensemble",
                "Des soirées « 2FA » de 45 minutes : chacun vient avec son téléphone et repart "
                "avec la double authentification activée sur sa messagerie et sur le coffre de "
                "mots de passe.",
            ),
            (
                "Tester la restauration, pas seulement la sauvegarde",
                "Chaque trimestre, la secrétaire restaure un dossier au hasard depuis la "
                "sauvegarde chiffrée. La première fois, nous avons découvert qu'un dossier "
                "entier était exclu.",
            ),
        ],
        "phases": [
            (
                "Faire l'état des lieux en une heure",
                "Un informaticien bénévole a listé avec nous les comptes, les appareils et les "
                "données, puis classé les risques en trois couleurs : ce qui peut nous "
                "arrêter, nous gêner, ou attendre.",
            ),
            (
                "Équiper et accompagner",
                "Chaque salarié et chaque bénévole a reçu un accès au coffre de mots de passe "
                "de la fondation. Les soirées 2FA ont eu lieu à Mons et à distance, avec une "
                "fiche pas-à-pas imprimée.",
            ),
            (
                "Installer des routines",
                "Une check-list mensuelle de cinq lignes est affichée au secrétariat : "
                "sauvegarde vérifiée, comptes des bénévoles partis fermés, mises à jour faites. "
                "Un rappel arrive le premier lundi du mois.",
            ),
        ],
        "tools": [
            (
                "bitwarden",
                "Coffre de l'organisation avec des collections par équipe ; chaque bénévole a "
                "son compte, que la fondation retire le jour d'un départ.",
            ),
            (
                "duplicati",
                "Sauvegarde chiffrée chaque nuit des dossiers du secrétariat vers un stockage "
                "en Belgique, et une copie mensuelle sur disque externe.",
            ),
            (
                "proton-mail",
                "Adresses des écoutants pour les échanges avec les personnes accompagnées, "
                "chiffrées et séparées de leurs adresses personnelles.",
            ),
        ],
        "keywords": ["Double authentification", "Routine", "Confidentialité"],
        "results": (
            "<p>Toutes les boîtes de messagerie protégées par la double authentification en "
            "quatre mois ; 27 bénévoles sur 30 utilisent le coffre. Aucun incident depuis un "
            "an, et deux tentatives d'hameçonnage signalées à temps.</p>"
        ),
        "social_impact": (
            "<p>Les personnes accompagnées peuvent nous écrire sans crainte que leurs "
            "confidences circulent. Les bénévoles se disent plus à l'aise avec le numérique, "
            "y compris dans leur vie privée.</p>"
        ),
        "related": ["conformite-rgpd-creche"],
        "published_days_ago": 128,
    },
    {
        "slug": "permanence-inclusion-numerique",
        "title": "Une permanence d'inclusion numérique pour apprendre les démarches en ligne",
        "summary": (
            "Chaque semaine, des habitants d'Ixelles nous demandaient de faire à leur place une "
            "démarche en ligne. Nous avons transformé ces demandes en une permanence "
            "d'inclusion numérique où chacun apprend à faire seul, à son rythme."
        ),
        "organisation": "les-tisserands",
        "authors": ["manon@relais.example", "emma@relais.example"],
        "duration": "12 mois",
        "budget": "14 000 €, dont six ordinateurs reconditionnés",
        "funding": "Appel à projets « Quartiers connectés » (Région de Bruxelles-Capitale)",
        "themes": ["inclusion-numerique", "formation-numerique"],
        "dimensions": ["strategy", "organisation"],
        "why": (
            "<p>Compte bancaire, rendez-vous à la commune, allocations familiales : de plus en "
            "plus de démarches n'existent plus qu'en ligne. Sans ordinateur, sans adresse "
            "e-mail ou sans confiance, une partie de notre public décroche de ses droits.</p>"
            "<p>Faire à la place des gens règle le problème du jour mais crée une dépendance. "
            "En éducation permanente, notre rôle est de rendre les personnes autonomes et "
            "critiques face au numérique, pas de devenir un guichet.</p>"
        ),
        "difficulties": [
            (
                "Des demandes toujours urgentes",
                "Les gens arrivent avec une échéance le lendemain. Difficile de prendre le "
                "temps d'expliquer quand un paiement ou un droit est en jeu.",
            ),
            (
                "Des mots de passe perdus… et confiés",
                "Beaucoup de participants ne se souviennent plus de leurs identifiants, ou "
                "nous demandent de les noter pour eux. Nous ne voulions pas devenir les "
                "gardiens de leurs accès.",
            ),
            (
                "Des bénévoles aux profils très différents",
                "Certains bénévoles maîtrisent l'informatique mais peinent à expliquer sans "
                "prendre la souris. D'autres sont pédagogues mais hésitants face aux "
                "applications.",
            ),
        ],
        "tips": [
            (
                "Séparer l'urgence de l'apprentissage",
                "Un créneau « démarche urgente » de 30 minutes le mardi, l'atelier "
                "d'apprentissage le jeudi. La personne aidée en urgence est invitée à "
                "l'atelier suivant.",
            ),
            (
                "Les mains dans le dos",
                "Au clavier, c'est toujours le participant. Le bénévole guide à voix haute, "
                "les mains dans le dos : c'est devenu notre signature.",
            ),
            (
                "Un carnet papier pour les identifiants",
                "Chaque participant reçoit un petit carnet qu'il garde chez lui, avec un "
                "modèle pour noter ses comptes. Nous n'écrivons jamais un mot de passe à sa "
                "place.",
            ),
        ],
        "phases": [
            (
                "Écouter les demandes pendant deux mois",
                "L'accueil a noté chaque demande reçue : 170 en deux mois, dont 40 % pour la "
                "même dizaine de démarches. Ce sont devenus nos premiers modules d'atelier.",
            ),
            (
                "Former les bénévoles à l'accompagnement",
                "Huit bénévoles ont suivi quatre demi-journées sur la posture "
                "d'accompagnement, la protection des données et les arnaques courantes. Chacun "
                "a observé deux permanences avant d'accompagner seul.",
            ),
            (
                "Ouvrir la permanence et l'évaluer",
                "La permanence a ouvert en octobre avec six ordinateurs reconditionnés. Tous "
                "les trois mois, un cercle de discussion avec les participants revoit les "
                "thèmes et les horaires.",
            ),
        ],
        "tools": [
            (
                "libreoffice",
                "Supports d'atelier en gros caractères, imprimés et remis aux participants "
                "pour qu'ils refassent les gestes chez eux.",
            ),
            (
                "nextcloud",
                "Prise de rendez-vous en ligne pour le créneau urgent, que l'accueil remplit "
                "aussi pour ceux qui appellent.",
            ),
            (
                "jitsi-meet",
                "Suivi à distance des participants à mobilité réduite, une fois qu'ils savent "
                "se connecter.",
            ),
        ],
        "keywords": ["Autonomie", "Patience", "Esprit critique"],
        "results": (
            "<p>212 personnes accueillies en un an, dont 64 ont suivi au moins quatre ateliers. "
            "Les demandes de « faire à la place » ont baissé de moitié au deuxième "
            "semestre.</p>"
        ),
        "social_impact": (
            "<p>Des habitants qui n'osaient pas toucher un ordinateur gèrent aujourd'hui seuls "
            "leur banque en ligne et leurs rendez-vous. Plusieurs sont devenus à leur tour "
            "bénévoles de la permanence.</p>"
        ),
        "related": [],
        "published_days_ago": 117,
    },
    {
        "slug": "migration-comptabilite-odoo",
        "title": "Migrer notre comptabilité des tableurs vers Odoo, à trois agences",
        "summary": (
            "Loyers, garanties locatives, subventions : notre comptabilité tenait dans onze "
            "tableurs et un vieux logiciel que plus personne ne mettait à jour. Nous avons "
            "migré vers Odoo en partageant le paramétrage avec deux autres agences "
            "immobilières sociales."
        ),
        "organisation": "habitat-solidaire-anderlecht",
        "authors": ["youssef@relais.example", "emma@relais.example"],
        "duration": "9 mois",
        "budget": "16 000 € répartis entre trois agences",
        "funding": "Subvention « Mutualisation » (Région de Bruxelles-Capitale) et fonds propres",
        "themes": ["comptabilite-gestion", "donnees-tableaux-de-bord"],
        "dimensions": ["processes", "infrastructure"],
        "why": (
            "<p>Une agence immobilière sociale gère l'argent des autres : loyers des "
            "locataires, revenus versés aux propriétaires, garanties. Chaque erreur de report "
            "coûte de la confiance, et notre ancien système en produisait au moins une par "
            "mois.</p>"
            "<p>Seuls, nous n'avions ni le budget ni les compétences pour un vrai logiciel de "
            "gestion. En nous associant à deux agences voisines, nous avons partagé un "
            "prestataire, un paramétrage commun et surtout nos questions.</p>"
        ),
        "difficulties": [
            (
                "Reprendre dix ans d'historique",
                "Nos tableurs mélangeaient plusieurs plans comptables successifs. Reprendre "
                "tout l'historique aurait doublé le budget.",
            ),
            (
                "Trois agences, trois habitudes",
                "Chaque agence ventilait les charges locatives à sa façon. Les réunions de "
                "paramétrage ont parfois tourné au débat de principe.",
            ),
            (
                "Clôturer en pleine migration",
                "La bascule est tombée deux mois avant la clôture annuelle : la comptable a dû "
                "tenir l'ancien et le nouveau système en parallèle.",
            ),
        ],
        "tips": [
            (
                "Ne reprendre que les soldes",
                "Nous avons importé les soldes d'ouverture au 1er janvier et archivé les "
                "tableurs en lecture seule. L'historique reste consultable sans être migré.",
            ),
            (
                "Un référentiel commun, des variantes écrites",
                "Les trois agences partagent un plan comptable et des catégories de charges. "
                "Les exceptions sont écrites dans un document commun, validé par les trois "
                "directions.",
            ),
            (
                "Basculer au début d'un exercice",
                "Fixez la bascule au premier jour d'un exercice ou d'un trimestre, jamais à "
                "l'approche d'une clôture. Nous aurions dû attendre trois mois.",
            ),
        ],
        "phases": [
            (
                "Écrire le besoin à trois",
                "En six réunions, les comptables des trois agences ont décrit pas à pas leurs "
                "opérations du mois. Ce document de 20 pages a servi à choisir le "
                "prestataire.",
            ),
            (
                "Paramétrer et tester sur un mois réel",
                "Le prestataire a configuré Odoo, puis nous avons saisi le mois de novembre en "
                "double, dans l'ancien et le nouveau système. Les écarts ont révélé quatre "
                "erreurs de paramétrage.",
            ),
            (
                "Basculer et s'entraider",
                "Les trois agences ont basculé le même jour de janvier. Deux demi-journées de "
                "formation ont suivi, puis un salon d'entraide entre comptables qui vit "
                "toujours.",
            ),
        ],
        "tools": [
            (
                "odoo",
                "Comptabilité, facturation des loyers et rapprochement bancaire automatique, "
                "avec un paramétrage commun aux trois agences.",
            ),
            (
                "libreoffice",
                "Anciens tableurs archivés en lecture seule, et contrôles croisés pendant le "
                "mois de double saisie.",
            ),
            (
                "mattermost",
                "Salon d'entraide entre les comptables des trois agences pour les questions "
                "du quotidien.",
            ),
        ],
        "keywords": ["Mutualisation", "Soldes d'ouverture", "Calendrier"],
        "results": (
            "<p>Clôture mensuelle en 3 jours au lieu de 8 ; plus aucune erreur de report de "
            "loyer depuis la bascule. Les propriétaires reçoivent leur décompte le 5 du "
            "mois.</p>"
        ),
        "social_impact": (
            "<p>Le temps gagné par la comptable est allé à l'accompagnement des locataires en "
            "difficulté de paiement. Les trois agences préparent un deuxième chantier "
            "commun.</p>"
        ),
        "related": [],
        "published_days_ago": 109,
    },
    {
        "slug": "refonte-site-accessible",
        "title": "Refondre notre site pour qu'il soit accessible à tous les affiliés",
        "summary": (
            "Notre ancien site était illisible pour nos affiliés malvoyants et inutilisable au "
            "clavier. La refonte a été menée avec des affiliés en situation de handicap, en "
            "visant le niveau AA des règles d'accessibilité WCAG."
        ),
        "organisation": "entraide-sante",
        "authors": ["isabelle@relais.example"],
        "duration": "11 mois",
        "budget": "38 000 €",
        "funding": "Appel à projets « Numérique pour tous » (Région de Bruxelles-Capitale)",
        "themes": ["site-web-communication", "inclusion-numerique"],
        "dimensions": ["strategy", "processes"],
        "why": (
            "<p>Une grande partie de nos affiliés a plus de 65 ans, et beaucoup vivent avec un "
            "handicap visuel, moteur ou cognitif. Une enquête a montré que 4 affiliés sur 10 "
            "renonçaient au site et téléphonaient à l'accueil, déjà saturé.</p>"
            "<p>Pour une mutualité, l'accessibilité n'est pas un détail technique : c'est "
            "l'égalité d'accès aux droits. Nous voulions un site que chacun puisse utiliser "
            "seul, avec ou sans lecteur d'écran.</p>"
        ),
        "difficulties": [
            (
                "Des contenus écrits pour des juristes",
                "Les pages de remboursement reprenaient mot pour mot les textes "
                "réglementaires. Même techniquement accessibles, elles restaient "
                "incompréhensibles.",
            ),
            (
                "Des centaines de PDF",
                "Plus de 300 formulaires et brochures en PDF, scannés pour la plupart. Les "
                "rendre accessibles un par un était hors de portée.",
            ),
            (
                "Un prestataire peu familier de l'accessibilité",
                "L'agence retenue promettait « un site accessible », mais son premier "
                "prototype échouait dès la navigation au clavier.",
            ),
        ],
        "tips": [
            (
                "Tester tôt avec de vrais utilisateurs",
                "Six affiliés (lecteur d'écran, loupe, tremblements, troubles de l'attention) "
                "ont testé chaque prototype. Une heure de test a corrigé plus que dix pages de "
                "recommandations.",
            ),
            (
                "Réécrire en langage clair avant de coder",
                "Les 40 pages les plus consultées ont été réécrites en langage clair : phrases "
                "courtes, un exemple chiffré par page. Le reste a suivi progressivement.",
            ),
            (
                "Inscrire l'accessibilité au contrat",
                "Le cahier des charges exige le niveau AA, un audit indépendant avant la mise "
                "en ligne et la correction des défauts aux frais du prestataire.",
            ),
        ],
        "phases": [
            (
                "Auditer et prioriser",
                "L'audit de l'ancien site a relevé 180 problèmes. Avec les statistiques de "
                "visite, nous avons repéré les 40 pages qui concentraient 80 % des visites.",
            ),
            (
                "Concevoir avec les affiliés",
                "Trois ateliers ont réuni affiliés, agents d'accueil et agence web. Les "
                "maquettes ont été testées au lecteur d'écran avant la moindre ligne de "
                "code.",
            ),
            (
                "Publier et maintenir",
                "Le site a été publié avec une déclaration d'accessibilité et une adresse pour "
                "signaler un problème. Chaque nouvelle page est relue par une personne formée "
                "avant publication.",
            ),
        ],
        "tools": [
            (
                "wordpress",
                "Nouveau site sur un thème accessible, avec des gabarits contraints pour que "
                "les rédacteurs ne cassent pas la hiérarchie des titres.",
            ),
            (
                "matomo",
                "Mesure d'audience sans cookie tiers, pour repérer les pages les plus "
                "consultées et celles qu'on quitte le plus vite.",
            ),
            (
                "limesurvey",
                "Recrutement des affiliés testeurs et enquête de satisfaction, proposée aussi "
                "par téléphone.",
            ),
        ],
        "keywords": ["Langage clair", "Tests utilisateurs", "WCAG"],
        "results": (
            "<p>Niveau AA atteint sur les gabarits principaux selon l'audit final ; les appels "
            "à l'accueil pour « trouver un formulaire » ont baissé de 35 %. 92 formulaires "
            "PDF sont devenus des pages web.</p>"
        ),
        "social_impact": (
            "<p>Des affiliés malvoyants déclarent leurs frais et suivent leurs remboursements "
            "seuls, pour la première fois. L'accueil téléphonique a retrouvé du temps pour les "
            "situations complexes.</p>"
        ),
        "related": ["permanence-inclusion-numerique"],
        "published_days_ago": 96,
    },
    {
        "slug": "agenda-reservations-cuisine-partagee",
        "title": "Un agenda partagé et des réservations en ligne pour notre cuisine collective",
        "summary": (
            "Notre cuisine professionnelle accueille des traiteurs débutants, des associations "
            "et nos stagiaires, mais les réservations se faisaient sur un cahier à l'accueil. "
            "Un agenda partagé et une page de réservation ont mis fin aux doubles réservations "
            "et rempli les soirées creuses."
        ),
        "organisation": "cuisine-partagee-molenbeek",
        "authors": ["aicha@relais.example"],
        "duration": "3 mois",
        "budget": "2 800 €",
        "funding": (
            "Fonds propres et soutien de la Coupole bruxelloise des associations et coopératives"
        ),
        "themes": ["outils-collaboratifs", "comptabilite-gestion"],
        "dimensions": ["processes", "organisation"],
        "why": (
            "<p>Une cuisine aux normes coûte cher à faire tourner. Louer les créneaux libres à "
            "des porteurs de projet du quartier finance une partie de nos formations, à "
            "condition que les créneaux soient visibles et que personne ne se retrouve à deux "
            "devant les mêmes fourneaux.</p>"
            "<p>Le cahier de l'accueil ne voyageait pas : impossible de savoir depuis chez soi "
            "si le jeudi soir était libre. Il nous fallait un agenda que les utilisateurs "
            "consultent eux-mêmes, et un suivi simple des cautions et du nettoyage.</p>"
        ),
        "difficulties": [
            (
                "Des utilisateurs très différents",
                "Une traiteuse qui réserve chaque semaine, une association qui vient deux fois "
                "par an, nos stagiaires sur planning fixe : un seul système devait convenir à "
                "tous.",
            ),
            (
                "Les annulations de dernière minute",
                "Un créneau annulé la veille restait souvent vide, faute d'avoir prévenu à "
                "temps les autres intéressés.",
            ),
            (
                "Le nettoyage et le matériel",
                "Après certaines réservations, la cuisine n'était pas rendue propre, et "
                "personne ne savait qui avait utilisé le batteur cassé.",
            ),
        ],
        "tips": [
            (
                "Des créneaux fixes plutôt qu'à la carte",
                "Trois créneaux par jour (matin, après-midi, soir) et pas de réservation à "
                "l'heure. C'est moins souple, mais beaucoup plus lisible pour tout le monde.",
            ),
            (
                "Une liste d'attente sur messagerie",
                "Un groupe « créneaux libérés » prévient aussitôt les utilisateurs réguliers "
                "quand un créneau se libère. Le premier qui répond le prend.",
            ),
            (
                "Un état des lieux en photos",
                "À l'arrivée et au départ, l'utilisateur photographie le plan de travail et le "
                "matériel avec la tablette fixée au mur. Les litiges ont disparu.",
            ),
        ],
        "phases": [
            (
                "Observer un mois de cahier",
                "Nous avons recopié un mois de réservations dans un tableau : 14 doubles "
                "réservations et 22 soirées vides. Ces chiffres ont convaincu l'équipe de "
                "changer.",
            ),
            (
                "Ouvrir l'agenda et la page de réservation",
                "Un bénévole a créé un agenda par espace (cuisine chaude, pâtisserie, salle) "
                "et une page publique de prise de rendez-vous. Les règles d'usage figurent sur "
                "la même page.",
            ),
            (
                "Suivre cautions et états des lieux",
                "Chaque réservation crée une ligne dans un tableau partagé : caution reçue, "
                "état des lieux fait, facture envoyée. L'accueil le vérifie chaque "
                "vendredi.",
            ),
        ],
        "tools": [
            (
                "nextcloud",
                "Un agenda par espace de la cuisine et une page publique de prise de "
                "rendez-vous, avec confirmation par e-mail.",
            ),
            (
                "signal",
                "Groupe « créneaux libérés » pour réattribuer les annulations en quelques minutes.",
            ),
            (
                "grist",
                "Suivi des réservations, des cautions, des états des lieux et des factures, "
                "avec une vue par utilisateur.",
            ),
        ],
        "keywords": ["Lisibilité", "Créneaux", "Responsabilité"],
        "results": (
            "<p>Plus aucune double réservation ; les soirées sont occupées à 75 % au lieu de "
            "40 %. 6 800 € de locations supplémentaires la première année.</p>"
        ),
        "social_impact": (
            "<p>Neuf porteurs de projet du quartier ont pu tester leur activité de traiteur "
            "sans investir dans une cuisine. Les recettes financent deux places de stage "
            "supplémentaires.</p>"
        ),
        "related": [],
        "published_days_ago": 88,
    },
    {
        "slug": "tableau-de-bord-parcours-insertion",
        "title": "Un tableau de bord pour suivre les parcours d'insertion",
        "summary": (
            "Notre rapport annuel aux pouvoirs subsidiants demandait trois semaines de "
            "compilation à la main. Avec Grist pour la saisie et Metabase pour les tableaux de "
            "bord, nous suivons les parcours des stagiaires en continu et le rapport se "
            "prépare en deux jours."
        ),
        "organisation": "tremplin-emploi-sambre",
        "authors": ["fatima@relais.example"],
        "duration": "8 mois",
        "budget": "11 000 €",
        "funding": (
            "Appel à projets « Cap numérique solidaire » (Wallonie) et mécénat de compétences"
        ),
        "themes": ["donnees-tableaux-de-bord", "logiciels-libres"],
        "dimensions": ["strategy", "processes"],
        "why": (
            "<p>Une entreprise de formation par le travail rend des comptes : heures de "
            "formation, sorties vers l'emploi, abandons. Nos chiffres vivaient dans les "
            "carnets des formateurs et les tableurs de l'administration, et nous ne les "
            "regardions qu'une fois par an, quand le rapport l'exigeait.</p>"
            "<p>Nous voulions l'inverse : voir chaque mois qui décroche et quelle filière "
            "fonctionne, et en parler en équipe. Des données partagées et lisibles pour "
            "piloter, plutôt qu'un rapport subi.</p>"
        ),
        "difficulties": [
            (
                "Des définitions qui divergent",
                "« Sortie positive » ne voulait pas dire la même chose pour l'équipe bâtiment "
                "et pour l'équipe espaces verts. Les premiers chiffres se contredisaient.",
            ),
            (
                "La saisie, corvée des formateurs",
                "Les formateurs sont sur chantier toute la journée. Chaque minute de saisie en "
                "plus était vécue comme du temps volé aux stagiaires.",
            ),
            (
                "Des données personnelles de stagiaires",
                "Parcours, absences, situations sociales : chaque personne ne devait voir que "
                "ce qui lui est utile, et rien de plus.",
            ),
        ],
        "tips": [
            (
                "Écrire un dictionnaire des indicateurs",
                "Une page par indicateur : définition, source, qui saisit, quand. Le débat a "
                "eu lieu une fois, sur papier, et plus jamais en réunion.",
            ),
            (
                "Saisir sur chantier en deux minutes",
                "Le formulaire de présence tient sur un écran de téléphone, avec des choix "
                "plutôt que du texte libre. Le formateur le remplit à la pause de midi.",
            ),
            (
                "Des vues agrégées pour les réunions",
                "Les tableaux de bord d'équipe ne montrent que des chiffres par filière ; le "
                "détail nominatif reste réservé aux référentes de parcours.",
            ),
        ],
        "phases": [
            (
                "Choisir dix indicateurs",
                "Direction, formateurs et référentes ont réduit une liste de 45 indicateurs à "
                "10, en ne gardant que ceux qui servent à décider. Le dictionnaire a été "
                "validé en conseil d'administration.",
            ),
            (
                "Construire la saisie et les tableaux",
                "Un analyste bénévole a construit les tables dans Grist et trois tableaux de "
                "bord dans Metabase, hébergés par l'Atelier numérique solidaire.",
            ),
            (
                "Faire vivre les chiffres en équipe",
                "Chaque premier lundi du mois, une réunion de 30 minutes passe les tableaux de "
                "bord en revue. Les décisions prises sont notées à côté du graphique "
                "concerné.",
            ),
        ],
        "tools": [
            (
                "grist",
                "Saisie des présences, des étapes de parcours et des sorties, avec des "
                "formulaires adaptés au téléphone.",
            ),
            (
                "metabase",
                "Trois tableaux de bord (filières, parcours, rapport annuel), actualisés "
                "chaque nuit.",
            ),
            (
                "libreoffice",
                "Mise en forme finale du rapport annuel à partir des exports.",
            ),
        ],
        "keywords": ["Indicateurs partagés", "Pilotage", "Sobriété"],
        "results": (
            "<p>Rapport annuel préparé en 2 jours au lieu de 15. Les décrochages sont repérés "
            "trois semaines plus tôt en moyenne, et le taux d'abandon est passé de 24 % à "
            "17 %.</p>"
        ),
        "social_impact": (
            "<p>Un stagiaire qui décroche est appelé la semaine même, plutôt qu'à la fin du "
            "module. Les formateurs ont des arguments chiffrés pour défendre les filières qui "
            "mènent à l'emploi.</p>"
        ),
        "related": [],
        "published_days_ago": 79,
    },
    {
        "slug": "passer-aux-logiciels-libres",
        "title": "Quitter Google Workspace pour des logiciels libres",
        "summary": (
            "Nos 18 salariés partageaient tout sur Google Workspace. En huit mois, nous avons "
            "migré documents, agendas et contacts vers Nextcloud et LibreOffice, chez un "
            "hébergeur coopératif, sans perdre un fichier."
        ),
        "organisation": "roue-libre-isere",
        "authors": ["maxime@relais.example"],
        "duration": "8 mois",
        "budget": "7 500 € la première année, puis 2 400 € par an",
        "funding": "Fonds « Numérique responsable » (Auvergne-Rhône-Alpes) et fonds propres",
        "themes": ["logiciels-libres", "outils-collaboratifs"],
        "dimensions": ["infrastructure", "strategy"],
        "why": (
            "<p>Une SCIC est gouvernée par ses sociétaires : salariés, usagers, collectivités. "
            "Nos statuts parlent de bien commun et de sobriété, mais nos données dormaient "
            "chez un géant américain dont nous ne maîtrisions ni les conditions ni les "
            "prix.</p>"
            "<p>Une hausse de tarifs annoncée a été le déclencheur. Passer aux logiciels "
            "libres, c'était aligner nos outils numériques sur nos valeurs et garder la main "
            "sur les données de nos usagers.</p>"
        ),
        "difficulties": [
            (
                "La peur de perdre en confort",
                "Les salariés étaient habitués à la coédition en temps réel et à la recherche "
                "instantanée. Les premières démonstrations ont été accueillies avec "
                "scepticisme.",
            ),
            (
                "Les formats de fichiers",
                "Certains tableurs complexes s'affichaient mal une fois convertis. La "
                "comptabilité a failli refuser la migration.",
            ),
            (
                "Les partages oubliés",
                "En six ans, des centaines de dossiers avaient été partagés avec des "
                "partenaires extérieurs. Personne n'en avait la liste.",
            ),
        ],
        "tips": [
            (
                "Migrer service par service",
                "L'équipe logistique a migré un mois avant les autres. Ses retours ont permis "
                "de corriger l'organisation des dossiers avant la bascule générale.",
            ),
            (
                "Un format ouvert, et un plan B",
                "Les fichiers passent au format ODF, mais les quelques tableurs critiques "
                "restent en XLSX le temps d'être réécrits. Mieux vaut un format imparfait "
                "qu'une comptabilité bloquée.",
            ),
            (
                "Des référentes sur chaque site",
                "Deux référentes formées répondent aux questions pendant trois mois. Elles en "
                "ont traité 140, dont la moitié la première semaine.",
            ),
        ],
        "phases": [
            (
                "Inventorier et choisir l'hébergeur",
                "Nous avons exporté la liste des comptes, des partages et des volumes, puis "
                "comparé trois hébergeurs. Critères : logiciels libres, données en France, "
                "support en français, structure de l'ESS.",
            ),
            (
                "Migrer par vagues",
                "Un week-end par service, les données ont été transférées, vérifiées par "
                "échantillons puis ouvertes aux utilisateurs le lundi matin.",
            ),
            (
                "Former, puis fermer l'ancien compte",
                "Chaque salarié a suivi deux ateliers de 90 minutes. L'ancien compte a été "
                "gardé trois mois en lecture seule, puis fermé après un export complet.",
            ),
        ],
        "tools": [
            (
                "nextcloud",
                "Fichiers, agendas, contacts et coédition de documents, chez un hébergeur "
                "coopératif en France.",
            ),
            (
                "libreoffice",
                "Suite bureautique installée sur tous les postes, avec le format ODF par défaut.",
            ),
            (
                "google-workspace",
                "Ancien environnement : export complet des données avec l'outil d'export de "
                "Google, puis fermeture du compte.",
            ),
        ],
        "keywords": ["Souveraineté", "Progressivité", "Référentes"],
        "results": (
            "<p>Tous les fichiers migrés (1,2 To) ; 3 100 € économisés par an par rapport aux "
            "nouveaux tarifs annoncés. Après six mois, 15 salariés sur 18 ne veulent pas "
            "revenir en arrière.</p>"
        ),
        "social_impact": (
            "<p>Les données des usagers de l'autopartage restent en France, chez un hébergeur "
            "de l'ESS. La coopérative accompagne à son tour deux associations grenobloises "
            "dans la même démarche.</p>"
        ),
        "related": ["outils-collaboratifs-benevoles"],
        "published_days_ago": 70,
    },
    {
        "slug": "facturation-electronique-peppol",
        "title": "Passer à la facturation électronique avec Peppol",
        "summary": (
            "Depuis le 1er janvier 2026, les entreprises belges assujetties à la TVA "
            "s'échangent des factures électroniques structurées. Nous avons préparé la "
            "coopérative en six mois pour émettre et recevoir nos factures via Peppol depuis "
            "Dolibarr, avec nos 40 producteurs."
        ),
        "organisation": "paniers-de-famenne",
        "authors": ["benoit@relais.example"],
        "duration": "6 mois",
        "budget": "4 200 €",
        "funding": (
            "Fonds propres et accompagnement de la Fédération des entreprises solidaires de "
            "Wallonie"
        ),
        "themes": ["comptabilite-gestion"],
        "dimensions": ["processes", "infrastructure"],
        "why": (
            "<p>Nous facturons chaque mois une trentaine de clients professionnels (cantines "
            "scolaires, épiceries, restaurants) et recevons les factures de 40 producteurs. "
            "Tout passait par des PDF envoyés par e-mail, puis ressaisis à la main par notre "
            "unique employée administrative.</p>"
            "<p>L'obligation de facturation électronique aurait pu être une contrainte de "
            "plus. Nous en avons fait l'occasion de supprimer la ressaisie et de payer nos "
            "producteurs plus vite, ce qui compte pour de petites fermes.</p>"
        ),
        "difficulties": [
            (
                "Comprendre ce qui change vraiment",
                "Entre Peppol, les points d'accès et les formats structurés, les informations "
                "contradictoires ne manquaient pas. Plusieurs producteurs pensaient qu'un PDF "
                "par e-mail suffirait toujours.",
            ),
            (
                "Des producteurs peu équipés",
                "Une dizaine de producteurs facturaient encore sur carnet. Il leur fallait une "
                "solution gratuite, ou presque, et simple.",
            ),
            (
                "Des fiches clients incomplètes",
                "Un tiers de nos fiches clients avaient un numéro d'entreprise manquant ou "
                "faux, ce qui bloque l'envoi électronique.",
            ),
        ],
        "tips": [
            (
                "Commencer par les données de base",
                "Avant tout paramétrage, vérifiez le numéro d'entreprise de chaque client et "
                "fournisseur. Deux soirées avec la base publique des entreprises ont suffi.",
            ),
            (
                "Tester avec trois clients volontaires",
                "Une cantine, une épicerie et un restaurant ont reçu nos factures "
                "électroniques en plus des PDF pendant deux mois. Leurs retours ont corrigé "
                "nos libellés et nos références de commande.",
            ),
            (
                "Une matinée pour les producteurs",
                "Une matinée à la ferme d'un coopérateur, un ordinateur portable par table : "
                "28 producteurs sont repartis inscrits sur une solution de facturation en "
                "ligne gratuite.",
            ),
        ],
        "phases": [
            (
                "S'informer et choisir la solution",
                "Avec la fédération, nous avons comparé le module de notre logiciel et deux "
                "services externes. Une extension Peppol pour Dolibarr, reliée à un point "
                "d'accès agréé, était la moins chère pour notre volume.",
            ),
            (
                "Nettoyer les fiches et paramétrer",
                "Numéros d'entreprise vérifiés, conditions de paiement harmonisées, modèles de "
                "facture adaptés : trois semaines de travail pour l'employée administrative, "
                "épaulée par un bénévole.",
            ),
            (
                "Basculer et accompagner les producteurs",
                "Les factures sortantes sont passées par Peppol en novembre, les entrantes en "
                "décembre. Les producteurs encore sur papier ont été aidés un par un.",
            ),
        ],
        "tools": [
            (
                "dolibarr",
                "Facturation des clients professionnels et réception des factures des "
                "producteurs, avec une extension Peppol reliée à un point d'accès agréé.",
            ),
            (
                "nextcloud",
                "Archivage des factures pendant la durée légale, dans un dossier partagé avec "
                "la comptable externe.",
            ),
            (
                "libreoffice",
                "Contrôle des fiches clients et fournisseurs exportées, avant leur réimport "
                "dans Dolibarr.",
            ),
        ],
        "keywords": ["Anticipation", "Données propres", "Accompagnement"],
        "results": (
            "<p>95 % des factures échangées par Peppol à l'échéance légale ; la ressaisie a "
            "disparu, soit six heures par mois. Les producteurs sont payés en 12 jours au lieu "
            "de 30.</p>"
        ),
        "social_impact": (
            "<p>Les petites fermes ne sont pas restées au bord du chemin : 28 producteurs "
            "accompagnés vers la facturation électronique. La coopérative est devenue un point "
            "d'appui numérique pour son réseau local.</p>"
        ),
        "related": ["migration-comptabilite-odoo", "boutique-en-ligne-pieces-detachees"],
        "published_days_ago": 58,
    },
    {
        "slug": "intervisions-en-visioconference",
        "title": "Animer des intervisions en visioconférence",
        "summary": (
            "Nos intervisions sur le numérique réunissaient à Namur toujours les mêmes "
            "personnes, celles qui pouvaient faire la route. En visioconférence, avec un "
            "déroulé adapté, elles touchent des entreprises sociales de toute la Wallonie, "
            "y compris les plus petites."
        ),
        "organisation": "fede-ees-wallonie",
        "authors": ["camille@relais.example", "nicolas@relais.example"],
        "duration": "6 mois",
        "budget": "3 000 € par an",
        "funding": "Convention d'animation du réseau avec la Région wallonne",
        "themes": ["outils-collaboratifs", "formation-numerique"],
        "dimensions": ["organisation", "strategy"],
        "why": (
            "<p>L'intervision est au cœur de notre travail : des pairs écoutent une situation "
            "vécue par l'un d'eux et l'aident à avancer. Mais une heure et demie de route pour "
            "deux heures d'échange, c'est trop pour la coordinatrice d'une ASBL de trois "
            "personnes à Arlon ou à Mouscron.</p>"
            "<p>Nous voulions garder la qualité d'écoute et la confidentialité du présentiel, "
            "tout en ouvrant la porte à celles et ceux qui ne venaient jamais. La "
            "visioconférence n'était qu'un moyen : le vrai travail portait sur "
            "l'animation.</p>"
        ),
        "difficulties": [
            (
                "La confidentialité à distance",
                "En salle, la porte est fermée. À distance, un collègue peut passer derrière "
                "l'écran, et la séance peut être enregistrée sans qu'on le sache.",
            ),
            (
                "La fatigue des écrans",
                "Nos premières séances de deux heures ont épuisé tout le monde : la dernière "
                "demi-heure n'apportait plus rien.",
            ),
            (
                "Des connexions fragiles",
                "Plusieurs participants en zone rurale ont une connexion instable. Une coupure "
                "au milieu d'un récit difficile est vécue comme un rejet.",
            ),
        ],
        "tips": [
            (
                "Lire le cadre à voix haute",
                "Chaque séance commence par trois règles : pas d'enregistrement, seul dans la "
                "pièce ou avec un casque, ce qui est dit ici reste ici. Chacun répond "
                "« d'accord » à voix haute.",
            ),
            (
                "Des séances de 75 minutes, pas plus",
                "Un seul cas par séance, un déroulé minuté affiché à l'écran et une pause à "
                "mi-parcours. Les participants préfèrent deux séances courtes à une longue.",
            ),
            (
                "Un plan B par téléphone",
                "Chaque séance a un numéro d'appel de secours : qui perd la connexion rejoint "
                "par téléphone sans que le groupe s'interrompe.",
            ),
        ],
        "phases": [
            (
                "Adapter le déroulé",
                "Avec deux animatrices formées à l'intervision, nous avons réécrit la méthode "
                "pour 75 minutes et six à huit participants. Chaque étape a un temps et une "
                "consigne affichés.",
            ),
            (
                "Choisir et tester l'outil",
                "Trois outils ont été testés avec des membres de petites structures. "
                "BigBlueButton, hébergé par l'Atelier numérique solidaire, l'a emporté : pas "
                "de compte à créer, des salles de sous-groupes, des données en Belgique.",
            ),
            (
                "Ouvrir le cycle et l'évaluer",
                "Un cycle de six séances a été annoncé sur Relais et dans notre lettre "
                "d'information. Après chaque cycle, un questionnaire de cinq questions nous "
                "aide à ajuster.",
            ),
        ],
        "tools": [
            (
                "bigbluebutton",
                "Salle d'intervision permanente, salles de sous-groupes pour les questions, "
                "tableau blanc pour la synthèse.",
            ),
            (
                "framadate",
                "Choix des dates de chaque cycle avec les participants inscrits.",
            ),
            (
                "limesurvey",
                "Questionnaire anonyme d'évaluation à la fin de chaque cycle.",
            ),
        ],
        "keywords": ["Cadre", "Écoute", "Régularité"],
        "results": (
            "<p>Cinq cycles en un an, 64 participants de 41 entreprises sociales, dont 23 qui "
            "n'avaient jamais participé à une intervision. Satisfaction moyenne : 4,6 sur "
            "5.</p>"
        ),
        "social_impact": (
            "<p>Des responsables de petites structures isolées ont trouvé un groupe de pairs. "
            "Plusieurs binômes nés en intervision continuent à s'entraider entre les "
            "séances.</p>"
        ),
        "related": [],
        "published_days_ago": 47,
    },
    {
        "slug": "planning-benevoles-tournee",
        "title": "Planifier les bénévoles d'une tournée de théâtre itinérant",
        "summary": (
            "Accueil, bar, billetterie, montage : chaque représentation dans un village "
            "demande huit bénévoles, souvent recrutés la veille par téléphone. Un planning en "
            "ligne ouvert à tous et des rappels automatiques ont rendu la tournée "
            "prévisible."
        ),
        "organisation": "theatre-du-pave-ardennais",
        "authors": ["antoine@relais.example"],
        "duration": "4 mois",
        "budget": "600 € par an",
        "funding": "Fonds propres ; licences gratuites pour associations",
        "themes": ["gestion-benevoles", "outils-collaboratifs"],
        "dimensions": ["organisation", "processes"],
        "why": (
            "<p>Une compagnie itinérante joue chaque week-end dans une salle différente, de "
            "Bastogne à Vielsalm. Sans les 18 bénévoles qui montent les gradins, tiennent le "
            "bar et accueillent le public, aucune représentation n'est possible.</p>"
            "<p>Le planning tenait dans la tête et le téléphone de l'administratrice. Quand "
            "elle est tombée malade deux semaines, deux représentations ont failli être "
            "annulées. Il fallait un outil numérique que tout le monde puisse voir et "
            "remplir.</p>"
        ),
        "difficulties": [
            (
                "Des bénévoles de 19 à 78 ans",
                "Certains n'ont pas de smartphone, d'autres ne lisent jamais leurs e-mails. Un "
                "outil unique ne pouvait pas convenir à tout le monde.",
            ),
            (
                "Des rôles qui demandent des compétences",
                "Tout le monde ne peut pas tenir la caisse ou monter les gradins. Un planning "
                "ouvert risquait de mettre cinq personnes au bar et personne à la technique.",
            ),
            (
                "Les désistements tardifs",
                "Les désistements arrivaient par SMS le jour même, à l'administratrice seule, "
                "qui devait trouver un remplaçant en urgence.",
            ),
        ],
        "tips": [
            (
                "Une ligne par date, une colonne par rôle",
                "Le planning est un tableau simple : une ligne par représentation, une colonne "
                "par rôle avec le nombre de personnes attendues. Les cases vides sautent aux "
                "yeux.",
            ),
            (
                "Des rappels automatiques trois jours avant",
                "Trois jours avant chaque date, un e-mail ou un SMS rappelle à chacun son "
                "rôle, l'adresse et l'heure d'arrivée. Les oublis ont presque disparu.",
            ),
            (
                "Une référente pour ceux qui n'ont pas d'écran",
                "Une bénévole retraitée inscrit par téléphone ceux qui ne vont pas en ligne. "
                "Personne n'est exclu du planning faute d'écran.",
            ),
        ],
        "phases": [
            (
                "Décrire chaque rôle",
                "Nous avons écrit une fiche d'une demi-page par rôle (accueil, bar, caisse, "
                "montage, régie), avec le nombre de personnes et les compétences "
                "nécessaires.",
            ),
            (
                "Ouvrir le planning de la saison",
                "Le planning de la saison d'automne a été partagé en septembre, au repas des "
                "bénévoles. Chacun s'est inscrit sur place, aidé par l'équipe.",
            ),
            (
                "Automatiser rappels et remplacements",
                "Les rappels partent automatiquement de la liste des bénévoles. Un groupe "
                "« remplacements » permet de trouver un remplaçant sans passer par "
                "l'administratrice.",
            ),
        ],
        "tools": [
            (
                "google-workspace",
                "Planning de la saison dans un tableur partagé, une feuille par tournée, avec "
                "les licences gratuites pour associations.",
            ),
            (
                "brevo",
                "Rappels automatiques par e-mail et par SMS trois jours avant chaque "
                "représentation.",
            ),
            (
                "signal",
                "Groupe « remplacements » où un bénévole qui se désiste trouve lui-même son "
                "remplaçant.",
            ),
        ],
        "keywords": ["Visibilité", "Rôles clairs", "Rappels"],
        "results": (
            "<p>Toutes les représentations de la saison assurées avec une équipe complète. "
            "L'administratrice consacre deux heures par mois au planning, au lieu d'une "
            "demi-journée par semaine.</p>"
        ),
        "social_impact": (
            "<p>Sept nouveaux bénévoles ont rejoint la compagnie, attirés par un engagement "
            "plus facile à organiser. Les villages continuent d'accueillir du théâtre à deux "
            "pas de chez eux.</p>"
        ),
        "related": ["outils-collaboratifs-benevoles"],
        "published_days_ago": 38,
    },
    {
        "slug": "assemblee-generale-hybride",
        "title": "Tenir une assemblée générale hybride avec vote à distance",
        "summary": (
            "Nos membres producteurs vivent parfois à une heure de route de Sherbrooke et ne "
            "venaient plus à l'assemblée générale. Une AG hybride avec un vote électronique "
            "vérifiable a fait passer la participation de 9 % à 26 % des membres."
        ),
        "organisation": "cooperative-le-rucher",
        "authors": ["gabriel@relais.example"],
        "duration": "5 mois",
        "budget": "3 800 $",
        "funding": (
            "Programme « Virage numérique collectif » du Carrefour québécois des entreprises "
            "collectives"
        ),
        "themes": ["outils-collaboratifs", "crm-relation-membres"],
        "dimensions": ["strategy", "processes"],
        "why": (
            "<p>Une coopérative de solidarité réunit trois catégories de membres (travailleurs, "
            "producteurs et consommateurs) qui doivent toutes pouvoir peser sur les décisions. "
            "En hiver, les routes de l'Estrie et les horaires des fermes rendaient "
            "l'assemblée inaccessible à beaucoup de producteurs.</p>"
            "<p>Une assemblée où seuls les plus proches votent n'est plus vraiment "
            "démocratique. Nous voulions que chaque membre puisse participer et voter, sur "
            "place ou à distance, avec la même confiance dans le résultat.</p>"
        ),
        "difficulties": [
            (
                "Des règlements à modifier d'abord",
                "Nos règlements ne prévoyaient pas le vote à distance. Il a fallu les modifier "
                "en assemblée extraordinaire avant toute chose.",
            ),
            (
                "Deux salles en une",
                "Les membres en ligne se sentaient spectateurs : ils entendaient mal les "
                "questions de la salle, et leurs propres interventions passaient "
                "inaperçues.",
            ),
            (
                "La confiance dans le vote électronique",
                "Certains membres craignaient que le vote en ligne soit manipulable, ou qu'on "
                "sache qui avait voté quoi.",
            ),
        ],
        "tips": [
            (
                "Un animateur pour les membres à distance",
                "Une personne de l'équipe ne fait que suivre le clavardage et relayer les "
                "questions au micro. Les membres à distance ont la parole en alternance avec "
                "la salle.",
            ),
            (
                "Un vote vérifiable, et expliqué",
                "Avec notre système de vote, chacun peut vérifier que son bulletin a été "
                "compté sans révéler son choix. Une vidéo de trois minutes l'expliquait avant "
                "l'AG.",
            ),
            (
                "Une répétition générale",
                "Une semaine avant, une AG fictive de 30 minutes avec une vingtaine de membres "
                "a permis de tester le son, les votes et les procurations.",
            ),
        ],
        "phases": [
            (
                "Modifier les règlements",
                "Une assemblée extraordinaire a adopté l'article permettant la participation "
                "et le vote à distance, sur l'avis d'un juriste du réseau coopératif.",
            ),
            (
                "Équiper la salle et préparer les scrutins",
                "Un micro de conférence, une caméra grand-angle et un écran pour voir les "
                "membres en ligne. Les scrutins ont été préparés d'avance, un par "
                "résolution.",
            ),
            (
                "Tenir l'AG et en tirer les leçons",
                "L'AG a duré deux heures quarante, avec sept résolutions votées. Un sondage de "
                "fin d'assemblée a recueilli 61 réponses pour préparer la suivante.",
            ),
        ],
        "tools": [
            (
                "zoom",
                "Participation à distance, avec mains levées et un animateur dédié au clavardage.",
            ),
            (
                "belenios",
                "Vote électronique vérifiable pour chaque résolution, par catégorie de membres.",
            ),
            (
                "mailchimp",
                "Convocations et rappel la veille, avec le lien de connexion et la vidéo "
                "explicative du vote.",
            ),
        ],
        "keywords": ["Démocratie", "Répétition", "Équité"],
        "results": (
            "<p>Participation passée de 9 % à 26 % des membres, dont 40 % à distance. Aucune "
            "des sept résolutions adoptées n'a été contestée.</p>"
        ),
        "social_impact": (
            "<p>Les producteurs éloignés, sous-représentés depuis des années, ont fait élire "
            "deux des leurs au conseil d'administration. La coopérative ressemble davantage à "
            "ses membres.</p>"
        ),
        "related": ["intervisions-en-visioconference"],
        "published_days_ago": 24,
    },
    {
        "slug": "campagne-dons-en-ligne",
        "title": "Une campagne de dons en ligne pour les ateliers numériques des aînés",
        "summary": (
            "Pour équiper une deuxième salle d'ateliers numériques pour les aînés, nous avons "
            "lancé notre première campagne de dons en ligne. Six semaines, une page de don "
            "sans frais, des histoires vraies de participants et 182 donateurs, dont la "
            "moitié de nouveaux."
        ),
        "organisation": "les-passerelles",
        "authors": ["chloe@relais.example"],
        "duration": "3 mois, dont 6 semaines de campagne",
        "budget": "1 500 $",
        "funding": "Aucun : la campagne finance elle-même le projet",
        "themes": ["site-web-communication", "inclusion-numerique"],
        "dimensions": ["strategy"],
        "why": (
            "<p>Nos ateliers numériques pour les aînés d'Hochelaga affichent complet, avec une "
            "liste d'attente de quatre mois. Les subventions couvrent l'animation, jamais "
            "l'équipement : il nous fallait 25 000 $ pour une deuxième salle avec des "
            "tablettes et des ordinateurs adaptés.</p>"
            "<p>Nos dons venaient surtout de chèques envoyés par des fidèles. Une campagne en "
            "ligne devait nous faire connaître de donateurs qui ne sortent plus leur chéquier, "
            "sans perdre une partie des dons en frais.</p>"
        ),
        "difficulties": [
            (
                "Une équipe sans expérience de collecte",
                "Personne chez nous n'avait mené de campagne en ligne. Nous ne savions ni fixer "
                "un objectif ni à quel rythme communiquer.",
            ),
            (
                "Les frais des plateformes",
                "Plusieurs plateformes prélevaient de 5 à 8 % des dons, sans compter les frais "
                "de carte : jusqu'à 2 000 $ perdus sur notre objectif.",
            ),
            (
                "Parler des participants sans les exposer",
                "Les plus belles histoires venaient d'aînés fragiles ou isolés. Il fallait les "
                "raconter avec leur accord, dans le respect de leur dignité.",
            ),
        ],
        "tips": [
            (
                "Un objectif chiffré et concret",
                "« 25 000 $ = 12 tablettes, 6 ordinateurs et 2 tables réglables » : chaque "
                "palier de don correspondait à un équipement. Les donateurs savaient ce qu'ils "
                "finançaient.",
            ),
            (
                "Un calendrier de contenus écrit d'avance",
                "Deux publications et un courriel par semaine, puis une relance les trois "
                "derniers jours. Tout était prêt avant le lancement.",
            ),
            (
                "Des témoignages choisis par les aînés",
                "Quatre participants ont accepté de témoigner ; ils ont relu et validé leur "
                "texte et leur photo. Une participante a même enregistré une courte vidéo.",
            ),
        ],
        "phases": [
            (
                "Préparer la campagne",
                "Un comité de quatre personnes (deux employées, une bénévole, un aîné "
                "participant) a fixé l'objectif, choisi la plateforme et écrit tous les "
                "contenus en un mois.",
            ),
            (
                "Mener les six semaines",
                "Lancement lors d'une soirée au centre, puis publications, courriels et appels "
                "aux donateurs fidèles. Un thermomètre affiché dans le hall suivait la "
                "progression.",
            ),
            (
                "Remercier et rendre compte",
                "Chaque donateur a reçu un reçu officiel et un merci personnalisé. Trois mois "
                "plus tard, une infolettre a montré la nouvelle salle en photos.",
            ),
        ],
        "tools": [
            (
                "zeffy",
                "Page de don et reçus officiels automatiques, sans frais pour l'organisme ; "
                "les donateurs peuvent laisser une contribution facultative à la "
                "plateforme.",
            ),
            (
                "canva",
                "Visuels des publications et affiche du thermomètre, avec la licence gratuite "
                "pour les organismes.",
            ),
            (
                "mailchimp",
                "Cinq courriels de campagne à nos 1 100 contacts, avec le suivi des ouvertures.",
            ),
        ],
        "keywords": ["Objectif concret", "Témoignages", "Gratitude"],
        "results": (
            "<p>27 400 $ recueillis auprès de 182 donateurs, dont 94 nouveaux. Moins de 1 % "
            "des dons perdus en frais.</p>"
        ),
        "social_impact": (
            "<p>La deuxième salle a ouvert au printemps : l'attente est passée de quatre mois "
            "à trois semaines. Quarante aînés de plus par session apprennent à appeler leurs "
            "proches en vidéo et à faire leurs démarches en ligne.</p>"
        ),
        "related": ["permanence-inclusion-numerique"],
        "published_days_ago": 12,
    },
]

# Submitted through the wizard by Léa, the demo member, and waiting for the editor.
MODERATION_SHEET = {
    "slug": "planning-benevoles-recyclerie",
    "title": "Un planning partagé pour les bénévoles de la Recyclerie",
    "summary": (
        "Nos 25 bénévoles s'inscrivaient aux permanences du magasin et de l'atelier vélo sur "
        "une feuille punaisée au local. Un planning partagé en ligne, doublé d'une version "
        "papier, nous permet de composer les équipes un mois à l'avance."
    ),
    "organisation": "recyclerie-du-condroz",
    "authors": ["lea@relais.example"],
    "duration": "3 mois",
    "budget": "0 €, avec des outils déjà en place",
    "funding": "Aucun financement spécifique",
    "themes": ["gestion-benevoles", "outils-collaboratifs"],
    "dimensions": ["organisation"],
    "why": (
        "<p>Le samedi, le magasin et l'atelier vélo tournent grâce aux bénévoles. Mais la "
        "feuille d'inscription ne se consultait que sur place : on découvrait le vendredi soir "
        "qu'il manquait deux personnes à la caisse.</p>"
        "<p>Nous voulions que chaque bénévole voie d'un coup d'œil où on a besoin de lui, "
        "depuis chez lui, sans installer une nouvelle application.</p>"
    ),
    "difficulties": [
        (
            "Deux lieux, deux rythmes",
            "Le magasin a besoin de monde tous les samedis, l'atelier vélo surtout au "
            "printemps. Un planning unique devenait vite illisible.",
        ),
        (
            "Des bénévoles sans accès à internet",
            "Certains bénévoles sont aussi stagiaires chez nous et n'ont pas toujours de "
            "connexion à la maison.",
        ),
        (
            "Le planning fantôme",
            "Au début, des bénévoles s'inscrivaient en ligne puis oubliaient, pensant que "
            "l'inscription suffisait à prévenir l'équipe.",
        ),
    ],
    "tips": [
        (
            "Un onglet par lieu",
            "Le magasin et l'atelier vélo ont chacun leur onglet, avec les mêmes colonnes. "
            "Chacun ne regarde que le lieu où il aime aider.",
        ),
        (
            "Le papier reste affiché",
            "Une version imprimée chaque lundi reste au local ; l'équipe recopie en ligne les "
            "inscriptions faites sur papier.",
        ),
        (
            "Une confirmation la veille",
            "La veille de chaque permanence, un message de confirmation part aux inscrits ; "
            "sans réponse, on appelle.",
        ),
    ],
    "phases": [
        (
            "Recenser les besoins",
            "Karim et moi avons compté, pour chaque jour d'ouverture, le nombre de bénévoles "
            "nécessaires par poste : caisse, tri, atelier vélo.",
        ),
        (
            "Construire le planning",
            "Un tableur partagé, un onglet par lieu, des cases colorées quand il manque "
            "quelqu'un. Le lien est épinglé dans le groupe des bénévoles.",
        ),
        (
            "Tester pendant un mois",
            "En mars, nous avons gardé la feuille papier et le planning en ligne côte à côte, "
            "puis demandé aux bénévoles ce qu'ils préféraient.",
        ),
    ],
    "tools": [
        (
            "nextcloud",
            "Tableur partagé du planning, modifiable sans compte grâce à un lien protégé.",
        ),
        (
            "signal",
            "Groupe des bénévoles où part la confirmation de la veille.",
        ),
        (
            "framadate",
            "Choix de la date de la réunion mensuelle des bénévoles.",
        ),
    ],
    "keywords": ["Anticipation", "Papier et écran", "Confirmation"],
    "results": (
        "<p>En trois mois, plus aucune permanence du samedi à effectif incomplet ; les "
        "équipes sont connues trois semaines à l'avance.</p>"
    ),
    "social_impact": (
        "<p>Les stagiaires bénévoles savent quand ils sont attendus et s'engagent davantage ; "
        "le magasin reste ouvert tous les samedis.</p>"
    ),
    "related": ["planning-benevoles-tournee", "outils-collaboratifs-benevoles"],
}

# --- What other members did with the sheets ----------------------------------------------

# sheet slug -> emails of members who found it useful (never its authors).
USEFUL = {
    "cybersecurite-de-base": [
        "camille@relais.example",
        "thomas@relais.example",
        "aurelie@relais.example",
        "helene@relais.example",
        "lea@relais.example",
        "manon@relais.example",
        "julien@relais.example",
    ],
    "outils-collaboratifs-benevoles": [
        "lea@relais.example",
        "antoine@relais.example",
        "claire@relais.example",
        "olivier@relais.example",
        "mathieu@relais.example",
        "chloe@relais.example",
    ],
    "crm-aide-a-domicile": [
        "camille@relais.example",
        "nicolas@relais.example",
        "isabelle@relais.example",
        "thomas@relais.example",
        "karim@relais.example",
    ],
    "conformite-rgpd-creche": [
        "sophie@relais.example",
        "helene@relais.example",
        "isabelle@relais.example",
        "thomas@relais.example",
    ],
    "facturation-electronique-peppol": [
        "karim@relais.example",
        "youssef@relais.example",
        "olivier@relais.example",
        "aicha@relais.example",
    ],
    "boutique-en-ligne-pieces-detachees": [
        "olivier@relais.example",
        "gabriel@relais.example",
        "benoit@relais.example",
    ],
    "passer-aux-logiciels-libres": [
        "thomas@relais.example",
        "lucie@relais.example",
        "emma@relais.example",
    ],
    "permanence-inclusion-numerique": [
        "chloe@relais.example",
        "fatima@relais.example",
        "lea@relais.example",
    ],
    "intervisions-en-visioconference": [
        "julien@relais.example",
        "claire@relais.example",
        "marie-eve@relais.example",
    ],
    "tableau-de-bord-parcours-insertion": [
        "maxime@relais.example",
        "camille@relais.example",
    ],
    "planning-benevoles-tournee": [
        "lea@relais.example",
        "olivier@relais.example",
    ],
    "refonte-site-accessible": ["manon@relais.example"],
    "assemblee-generale-hybride": ["pierre@relais.example"],
}

# email -> slugs of the sheets that person bookmarked.
BOOKMARKS = {
    "lea@relais.example": [
        "cybersecurite-de-base",
        "planning-benevoles-tournee",
        "outils-collaboratifs-benevoles",
    ],
    "karim@relais.example": [
        "facturation-electronique-peppol",
        "migration-comptabilite-odoo",
    ],
    "camille@relais.example": [
        "crm-aide-a-domicile",
        "tableau-de-bord-parcours-insertion",
    ],
    "thomas@relais.example": ["passer-aux-logiciels-libres"],
    "sarah@relais.example": ["boutique-en-ligne-pieces-detachees"],
    "pierre@relais.example": ["assemblee-generale-hybride"],
}

# "We tried it too": (sheet slug, organisation slug, author email (a member of that
# organisation), outcome (worked / partly / not), comment).
ADOPTIONS = [
    (
        "cybersecurite-de-base",
        "creche-les-pissenlits",
        "aurelie@relais.example",
        "worked",
        "Les soirées « double authentification » ont convaincu toute l'équipe en un mois.",
    ),
    (
        "cybersecurite-de-base",
        "fondation-habiter-ensemble",
        "helene@relais.example",
        "worked",
        "Nous avons repris la check-list mensuelle telle quelle : la sauvegarde est enfin "
        "vérifiée.",
    ),
    (
        "cybersecurite-de-base",
        "les-tisserands",
        "manon@relais.example",
        "partly",
        "Le coffre de mots de passe marche pour l'équipe salariée, beaucoup moins pour les "
        "bénévoles occasionnels.",
    ),
    (
        "cybersecurite-de-base",
        "atelier-numerique-solidaire",
        "thomas@relais.example",
        "worked",
        "Cette fiche sert désormais de trame à nos formations cybersécurité.",
    ),
    (
        "outils-collaboratifs-benevoles",
        "recyclerie-du-condroz",
        "lea@relais.example",
        "worked",
        "La règle des trois outils a fait ses preuves à l'atelier vélo : les bénévoles s'y "
        "retrouvent enfin.",
    ),
    (
        "outils-collaboratifs-benevoles",
        "theatre-du-pave-ardennais",
        "antoine@relais.example",
        "partly",
        "Les salons de discussion n'ont pas pris chez nos bénévoles les plus âgés ; nous "
        "gardons le tableau des tâches et les sondages de dates.",
    ),
    (
        "outils-collaboratifs-benevoles",
        "comptoir-equitable-saint-gilles",
        "mathieu@relais.example",
        "worked",
        "Le parrainage des nouveaux coopérateurs bénévoles a tout changé.",
    ),
    (
        "crm-aide-a-domicile",
        "entraide-sante",
        "isabelle@relais.example",
        "not",
        "CiviCRM s'est révélé trop lourd pour notre service d'aide à domicile ; nous avons "
        "gardé les conseils sur les droits d'accès.",
    ),
    (
        "crm-aide-a-domicile",
        "fondation-habiter-ensemble",
        "helene@relais.example",
        "partly",
        "Le nettoyage des données avant migration nous a pris encore plus longtemps que "
        "prévu, mais le conseil était juste.",
    ),
    (
        "facturation-electronique-peppol",
        "recyclerie-du-condroz",
        "karim@relais.example",
        "worked",
        "Même démarche avec Dolibarr : commencer par les données de base était le bon conseil.",
    ),
    (
        "facturation-electronique-peppol",
        "cuisine-partagee-molenbeek",
        "aicha@relais.example",
        "partly",
        "Nos fiches clients étaient en piteux état : le nettoyage a pris deux mois au lieu "
        "de deux soirées.",
    ),
]
