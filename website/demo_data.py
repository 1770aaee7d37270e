"""Demo content for `manage.py seed_demo`: an invented francophone social-economy network.

Every organisation, person, address and website here is fictitious; all domains use the
reserved `.example` top-level domain. Plain data only: the command in
`website/management/commands/seed_demo.py` turns it into rows and pages.
"""

DEMO_PASSWORD = "relais-demo-2026"

EDITOR_EMAIL = "editrice@relais.example"
FEDERATION_ADMIN_EMAIL = "camille@relais.example"
EES_ADMIN_EMAIL = "karim@relais.example"
MEMBER_EMAIL = "lea@relais.example"

# --- Taxonomies ---------------------------------------------------------------------------

# (slug, name); position follows the order of the list, starting at 1.
REGIONS = [
    ("wallonie", "Wallonie"),
    ("bruxelles", "Bruxelles"),
    ("flandre", "Flandre"),
    ("france", "France"),
    ("quebec", "Québec"),
    ("autre", "Autre"),
]

SECTORS = [
    ("aide-a-domicile", "Aide à domicile"),
    ("insertion-socioprofessionnelle", "Insertion socioprofessionnelle"),
    ("culture", "Culture"),
    ("economie-circulaire", "Économie circulaire"),
    ("alimentation-durable", "Alimentation durable"),
    ("logement", "Logement"),
    ("sante-mentale", "Santé mentale"),
    ("petite-enfance", "Petite enfance"),
    ("education-permanente", "Éducation permanente"),
    ("commerce-equitable", "Commerce équitable"),
    ("mobilite", "Mobilité"),
    ("energie-citoyenne", "Énergie citoyenne"),
]

THEMES = [
    ("crm-relation-membres", "CRM et relation aux membres"),
    ("rgpd", "RGPD et protection des données"),
    ("cybersecurite", "Cybersécurité"),
    ("outils-collaboratifs", "Outils collaboratifs"),
    ("site-web-communication", "Site web et communication"),
    ("e-commerce", "E-commerce"),
    ("inclusion-numerique", "Inclusion numérique"),
    ("gestion-benevoles", "Gestion des bénévoles"),
    ("comptabilite-gestion", "Comptabilité et gestion"),
    ("logiciels-libres", "Logiciels libres"),
    ("formation-numerique", "Formation au numérique"),
    ("donnees-tableaux-de-bord", "Données et tableaux de bord"),
]

# --- Organisations ------------------------------------------------------------------------
# Keys: slug, name, kind, legal_form, region (slug), city, staff_size (Organisation.Size
# value), volunteers, sectors (slugs), description; `federations` (slugs, active
# affiliations) and `pending_federations` (slugs, affiliation requests awaiting a decision).
# website and contact_email are derived from the slug (https://<slug>.example,
# contact@<slug>.example) unless given.

FEDERATIONS = [
    {
        "slug": "fede-ees-wallonie",
        "name": "Fédération des entreprises solidaires de Wallonie",
        "kind": "federation",
        "legal_form": "association",
        "region": "wallonie",
        "city": "Namur",
        "staff_size": "10-49",
        "volunteers": 8,
        "sectors": ["insertion-socioprofessionnelle", "economie-circulaire", "aide-a-domicile"],
        "description": (
            "Coupole régionale de plus de cent entreprises d'économie sociale wallonnes, la "
            "fédération défend leurs intérêts et organise chaque trimestre des intervisions sur "
            "le numérique. Elle anime le salon « Wallonie solidaire » sur Relais."
        ),
    },
    {
        "slug": "coupole-bruxelles",
        "name": "Coupole bruxelloise des associations et coopératives",
        "kind": "federation",
        "legal_form": "association",
        "region": "bruxelles",
        "city": "Saint-Gilles",
        "staff_size": "1-9",
        "volunteers": 5,
        "sectors": ["logement", "education-permanente", "commerce-equitable"],
        "description": (
            "La Coupole rassemble associations et coopératives bruxelloises autour d'un même "
            "projet : une économie au service des quartiers. Elle accompagne ses membres dans "
            "leurs projets numériques et relaie les appels à projets régionaux."
        ),
    },
    {
        "slug": "collectif-ess-loire-rhone",
        "name": "Collectif ESS Loire-Rhône",
        "kind": "federation",
        "legal_form": "association",
        "region": "france",
        "city": "Lyon",
        "staff_size": "1-9",
        "volunteers": 12,
        "sectors": ["alimentation-durable", "mobilite", "logement"],
        "description": (
            "Réseau des acteurs de l'économie sociale et solidaire entre Loire et Rhône, le "
            "Collectif met en relation associations, SCIC et fondations du territoire. Il "
            "publie chaque année un baromètre du numérique dans l'ESS locale."
        ),
    },
    {
        "slug": "carrefour-quebec",
        "name": "Carrefour québécois des entreprises collectives",
        "kind": "federation",
        "legal_form": "association",
        "region": "quebec",
        "city": "Montréal",
        "staff_size": "10-49",
        "volunteers": 15,
        "sectors": ["alimentation-durable", "education-permanente"],
        "description": (
            "Le Carrefour fédère coopératives et organismes à but non lucratif du Québec qui "
            "font de l'entrepreneuriat collectif. Il anime une communauté de pratique sur le "
            "virage numérique et la gouvernance des données."
        ),
    },
]

SUPPORT_STRUCTURES = [
    {
        "slug": "atelier-numerique-solidaire",
        "name": "Atelier numérique solidaire",
        "kind": "support",
        "legal_form": "cooperative",
        "region": "wallonie",
        "city": "Liège",
        "staff_size": "1-9",
        "volunteers": 3,
        "sectors": [],
        "description": (
            "Coopérative d'accompagnement qui aide les entreprises d'économie sociale à choisir "
            "et à mettre en place leurs outils numériques, en privilégiant les logiciels libres. "
            "Diagnostics, formations et coaching de projets, en Wallonie et à Bruxelles."
        ),
        "federations": ["fede-ees-wallonie", "coupole-bruxelles"],
    },
]

EES = [
    # Wallonie
    {
        "slug": "petites-mains-hesbaye",
        "name": "Les Petites Mains de Hesbaye",
        "legal_form": "association",
        "region": "wallonie",
        "city": "Waremme",
        "staff_size": "10-49",
        "volunteers": 12,
        "sectors": ["aide-a-domicile"],
        "description": (
            "ASBL d'aide familiale et de garde à domicile pour les personnes âgées de Hesbaye. "
            "Ses aides familiales planifient désormais leurs tournées sur une application "
            "partagée, ce qui a libéré du temps pour les visites."
        ),
        "federations": ["fede-ees-wallonie"],
    },
    {
        "slug": "recyclerie-du-condroz",
        "name": "Recyclerie du Condroz",
        "legal_form": "social_purpose",
        "region": "wallonie",
        "city": "Ciney",
        "staff_size": "10-49",
        "volunteers": 25,
        "sectors": ["economie-circulaire", "insertion-socioprofessionnelle"],
        "description": (
            "La Recyclerie collecte, répare et revend meubles, vélos et électroménager, tout en "
            "formant des personnes éloignées de l'emploi. Elle a lancé en 2025 une boutique en "
            "ligne pour ses pièces détachées."
        ),
        "federations": ["fede-ees-wallonie"],
    },
    {
        "slug": "paniers-de-famenne",
        "name": "Coopérative Paniers de Famenne",
        "legal_form": "cooperative",
        "region": "wallonie",
        "city": "Marche-en-Famenne",
        "staff_size": "1-9",
        "volunteers": 40,
        "sectors": ["alimentation-durable"],
        "description": (
            "Coopérative de producteurs et de mangeurs qui distribue chaque semaine des paniers "
            "de légumes et de produits fermiers locaux. Les commandes passent par une "
            "plateforme libre gérée avec une autre coopérative."
        ),
        "federations": ["fede-ees-wallonie"],
    },
    {
        "slug": "tremplin-emploi-sambre",
        "name": "Tremplin Emploi Sambre",
        "legal_form": "association",
        "region": "wallonie",
        "city": "Charleroi",
        "staff_size": "50-249",
        "volunteers": 5,
        "sectors": ["insertion-socioprofessionnelle"],
        "description": (
            "Entreprise de formation par le travail dans le bâtiment et l'entretien d'espaces "
            "verts. Elle accompagne chaque année près de cent stagiaires vers l'emploi et "
            "intègre des modules d'inclusion numérique à ses formations."
        ),
        "federations": ["fede-ees-wallonie"],
    },
    {
        "slug": "creche-les-pissenlits",
        "name": "Crèche coopérative Les Pissenlits",
        "legal_form": "cooperative",
        "region": "wallonie",
        "city": "Liège",
        "staff_size": "10-49",
        "volunteers": 6,
        "sectors": ["petite-enfance"],
        "description": (
            "Milieu d'accueil de la petite enfance géré en coopérative par les parents et "
            "l'équipe. Inscriptions, présences et communication avec les familles passent par "
            "un outil unique depuis deux ans."
        ),
        "federations": ["fede-ees-wallonie"],
    },
    {
        "slug": "energie-citoyenne-val-de-meuse",
        "name": "Énergie citoyenne du Val de Meuse",
        "legal_form": "cooperative",
        "region": "wallonie",
        "city": "Namur",
        "staff_size": "1-9",
        "volunteers": 60,
        "sectors": ["energie-citoyenne"],
        "description": (
            "Coopérative citoyenne qui finance et exploite des installations solaires sur les "
            "toits d'écoles et de bâtiments publics. Ses 1 800 coopérateurs votent en ligne "
            "lors de l'assemblée générale."
        ),
        "federations": ["fede-ees-wallonie"],
    },
    {
        "slug": "fondation-ecoute-et-lien",
        "name": "Fondation Écoute et Lien",
        "legal_form": "foundation",
        "region": "wallonie",
        "city": "Mons",
        "staff_size": "10-49",
        "volunteers": 30,
        "sectors": ["sante-mentale"],
        "description": (
            "Fondation d'utilité publique qui soutient les personnes en souffrance psychique et "
            "leurs proches. Elle forme ses écoutants bénévoles à la confidentialité des "
            "échanges en ligne."
        ),
        "federations": ["fede-ees-wallonie"],
    },
    {
        "slug": "theatre-du-pave-ardennais",
        "name": "Théâtre du Pavé ardennais",
        "legal_form": "association",
        "region": "wallonie",
        "city": "Bastogne",
        "staff_size": "1-9",
        "volunteers": 18,
        "sectors": ["culture", "education-permanente"],
        "description": (
            "Compagnie de théâtre itinérant qui joue dans les villages ardennais et anime des "
            "ateliers d'écriture avec les habitants. La billetterie et la gestion des bénévoles "
            "sont passées au numérique l'an dernier."
        ),
        "federations": ["fede-ees-wallonie"],
    },
    # Bruxelles
    {
        "slug": "velo-quartier",
        "name": "Vélo-Quartier",
        "legal_form": "social_purpose",
        "region": "bruxelles",
        "city": "Schaerbeek",
        "staff_size": "1-9",
        "volunteers": 15,
        "sectors": ["mobilite", "insertion-socioprofessionnelle"],
        "description": (
            "Atelier de réparation et de location de vélos qui forme des jeunes du quartier au "
            "métier de mécanicien cycle. Les réservations se font en ligne depuis 2024."
        ),
        "federations": ["coupole-bruxelles"],
    },
    {
        "slug": "habitat-solidaire-anderlecht",
        "name": "Habitat solidaire d'Anderlecht",
        "legal_form": "association",
        "region": "bruxelles",
        "city": "Anderlecht",
        "staff_size": "10-49",
        "volunteers": 9,
        "sectors": ["logement"],
        "description": (
            "Agence immobilière sociale qui met en location des logements à loyer modéré et "
            "accompagne les locataires. Elle a remplacé ses tableurs par un logiciel de "
            "gestion locative partagé avec deux autres agences."
        ),
        "federations": ["coupole-bruxelles", "fede-ees-wallonie"],
    },
    {
        "slug": "les-tisserands",
        "name": "Les Tisserands, éducation permanente",
        "legal_form": "association",
        "region": "bruxelles",
        "city": "Ixelles",
        "staff_size": "1-9",
        "volunteers": 20,
        "sectors": ["education-permanente", "culture"],
        "description": (
            "Association d'éducation permanente qui organise des cercles de discussion, des "
            "ateliers d'esprit critique face aux écrans et des permanences d'aide numérique "
            "pour les habitants."
        ),
        "federations": ["coupole-bruxelles"],
    },
    {
        "slug": "comptoir-equitable-saint-gilles",
        "name": "Comptoir équitable de Saint-Gilles",
        "legal_form": "cooperative",
        "region": "bruxelles",
        "city": "Saint-Gilles",
        "staff_size": "1-9",
        "volunteers": 14,
        "sectors": ["commerce-equitable", "alimentation-durable"],
        "description": (
            "Épicerie coopérative de produits équitables et locaux, tenue par une équipe "
            "salariée et des coopérateurs bénévoles. Elle vend aussi en ligne avec retrait en "
            "magasin."
        ),
        "federations": ["coupole-bruxelles"],
    },
    {
        "slug": "entraide-sante",
        "name": "Mutualité Entraide Santé",
        "legal_form": "mutual",
        "region": "bruxelles",
        "city": "Bruxelles",
        "staff_size": "50-249",
        "volunteers": 35,
        "sectors": ["sante-mentale", "aide-a-domicile"],
        "description": (
            "Mutualité de proximité qui complète la couverture santé de ses affiliés par un "
            "service d'aide à domicile et des groupes de parole. Elle travaille à rendre son "
            "espace en ligne accessible à tous ses membres."
        ),
        "federations": ["coupole-bruxelles", "fede-ees-wallonie"],
    },
    {
        "slug": "cuisine-partagee-molenbeek",
        "name": "Cuisine partagée de Molenbeek",
        "legal_form": "social_purpose",
        "region": "bruxelles",
        "city": "Molenbeek-Saint-Jean",
        "staff_size": "10-49",
        "volunteers": 22,
        "sectors": ["alimentation-durable", "insertion-socioprofessionnelle"],
        "description": (
            "Restaurant de quartier et traiteur d'insertion qui cuisine des produits de saison. "
            "Ses stagiaires apprennent aussi à gérer les commandes en ligne et les stocks."
        ),
        "federations": ["coupole-bruxelles"],
        "pending_federations": ["fede-ees-wallonie"],
    },
    # France
    {
        "slug": "jardins-croix-rousse",
        "name": "Les Jardins partagés de la Croix-Rousse",
        "legal_form": "association",
        "region": "france",
        "city": "Lyon",
        "staff_size": "1-9",
        "volunteers": 45,
        "sectors": ["alimentation-durable", "education-permanente"],
        "description": (
            "Association loi 1901 qui anime des jardins partagés et des ateliers de cuisine "
            "anti-gaspillage sur les pentes lyonnaises. Ses bénévoles s'organisent sur un "
            "outil collaboratif libre."
        ),
        "federations": ["collectif-ess-loire-rhone"],
    },
    {
        "slug": "roue-libre-isere",
        "name": "SCIC Roue libre Isère",
        "legal_form": "cooperative",
        "region": "france",
        "city": "Grenoble",
        "staff_size": "10-49",
        "volunteers": 10,
        "sectors": ["mobilite"],
        "description": (
            "Société coopérative d'intérêt collectif qui propose des vélos-cargos en "
            "autopartage et des livraisons à vélo pour les commerces du centre-ville. Sa "
            "flotte est suivie avec un tableau de bord ouvert."
        ),
        "federations": ["collectif-ess-loire-rhone"],
    },
    {
        "slug": "fondation-habiter-ensemble",
        "name": "Fondation Habiter ensemble",
        "legal_form": "foundation",
        "region": "france",
        "city": "Saint-Étienne",
        "staff_size": "10-49",
        "volunteers": 16,
        "sectors": ["logement"],
        "description": (
            "Fondation qui développe l'habitat intergénérationnel et accompagne les jeunes et "
            "les seniors qui partagent un logement. Elle protège avec soin les données "
            "personnelles des familles qu'elle met en relation."
        ),
        "federations": ["collectif-ess-loire-rhone"],
    },
    # Québec
    {
        "slug": "cooperative-le-rucher",
        "name": "Coopérative de solidarité Le Rucher",
        "legal_form": "cooperative",
        "region": "quebec",
        "city": "Sherbrooke",
        "staff_size": "1-9",
        "volunteers": 28,
        "sectors": ["alimentation-durable", "commerce-equitable"],
        "description": (
            "Coopérative de solidarité qui tient un marché public et une épicerie en vrac en "
            "Estrie. Membres travailleurs, producteurs et consommateurs y votent ensemble, "
            "désormais aussi à distance."
        ),
        "federations": ["carrefour-quebec"],
    },
    {
        "slug": "les-passerelles",
        "name": "Centre communautaire Les Passerelles",
        "legal_form": "association",
        "region": "quebec",
        "city": "Montréal",
        "staff_size": "10-49",
        "volunteers": 50,
        "sectors": ["education-permanente", "sante-mentale"],
        "description": (
            "Organisme à but non lucratif d'Hochelaga qui offre de l'alphabétisation, des "
            "ateliers numériques pour les aînés et un soutien aux familles nouvellement "
            "arrivées."
        ),
        "federations": ["carrefour-quebec"],
    },
    # Flandre
    {
        "slug": "atelier-de-brug",
        "name": "Atelier De Brug",
        "legal_form": "association",
        "region": "flandre",
        "city": "Gand",
        "staff_size": "50-249",
        "volunteers": 7,
        "sectors": ["insertion-socioprofessionnelle", "economie-circulaire"],
        "description": (
            "Entreprise de travail adapté (vzw) qui reconditionne des ordinateurs portables "
            "pour des écoles et des associations. Elle cherche des partenaires francophones "
            "pour élargir sa distribution."
        ),
        "federations": ["coupole-bruxelles"],
        "pending_federations": ["fede-ees-wallonie"],
    },
]

ORGANISATIONS = FEDERATIONS + SUPPORT_STRUCTURES + [{**org, "kind": "ees"} for org in EES]

# --- People -------------------------------------------------------------------------------
# Keys: email, first_name, last_name, optional: memberships [(org slug, "admin"|"member")],
# requests [(org slug, message)] (pending join requests), interests (theme slugs),
# time_zone, preferred_language, bio, is_staff/is_superuser.

PEOPLE = [
    {
        "email": EDITOR_EMAIL,
        "first_name": "Élise",
        "last_name": "Marchal",
        "is_staff": True,
        "is_superuser": True,
        "bio": "Éditrice de Relais : je relis les fiches proposées et publie les récits.",
        "interests": ["site-web-communication", "formation-numerique"],
    },
    {
        "email": FEDERATION_ADMIN_EMAIL,
        "first_name": "Camille",
        "last_name": "Dufour",
        "memberships": [("fede-ees-wallonie", "admin")],
        "bio": "Chargée de mission numérique à la fédération ; j'anime les intervisions.",
        "interests": ["crm-relation-membres", "outils-collaboratifs", "rgpd"],
    },
    {
        "email": EES_ADMIN_EMAIL,
        "first_name": "Karim",
        "last_name": "Benali",
        "memberships": [("recyclerie-du-condroz", "admin")],
        "bio": "Coordinateur de la Recyclerie du Condroz, je pilote notre boutique en ligne.",
        "interests": ["e-commerce", "comptabilite-gestion"],
    },
    {
        "email": MEMBER_EMAIL,
        "first_name": "Léa",
        "last_name": "Moreau",
        "memberships": [("recyclerie-du-condroz", "member")],
        "bio": "Responsable des bénévoles à la Recyclerie.",
        "interests": ["gestion-benevoles", "inclusion-numerique"],
    },
    # Federation and support admins
    {
        "email": "julien@relais.example",
        "first_name": "Julien",
        "last_name": "Peeters",
        "memberships": [("coupole-bruxelles", "admin")],
    },
    {
        "email": "claire@relais.example",
        "first_name": "Claire",
        "last_name": "Girard",
        "memberships": [("collectif-ess-loire-rhone", "admin")],
        "time_zone": "Europe/Paris",
    },
    {
        "email": "marie-eve@relais.example",
        "first_name": "Marie-Ève",
        "last_name": "Tremblay",
        "memberships": [("carrefour-quebec", "admin")],
        "time_zone": "America/Toronto",
    },
    {
        "email": "thomas@relais.example",
        "first_name": "Thomas",
        "last_name": "Lambert",
        "memberships": [("atelier-numerique-solidaire", "admin")],
        "interests": ["logiciels-libres", "cybersecurite"],
    },
    # EES admins
    {
        "email": "nathalie@relais.example",
        "first_name": "Nathalie",
        "last_name": "Renard",
        "memberships": [("petites-mains-hesbaye", "admin")],
    },
    {
        "email": "benoit@relais.example",
        "first_name": "Benoît",
        "last_name": "Collard",
        "memberships": [("paniers-de-famenne", "admin")],
    },
    {
        "email": "fatima@relais.example",
        "first_name": "Fatima",
        "last_name": "El Amrani",
        "memberships": [("tremplin-emploi-sambre", "admin")],
    },
    {
        "email": "aurelie@relais.example",
        "first_name": "Aurélie",
        "last_name": "Lejeune",
        "memberships": [("creche-les-pissenlits", "admin")],
    },
    {
        "email": "pierre@relais.example",
        "first_name": "Pierre",
        "last_name": "Delvaux",
        "memberships": [("energie-citoyenne-val-de-meuse", "admin")],
    },
    {
        "email": "sophie@relais.example",
        "first_name": "Sophie",
        "last_name": "Hubert",
        "memberships": [("fondation-ecoute-et-lien", "admin")],
    },
    {
        "email": "antoine@relais.example",
        "first_name": "Antoine",
        "last_name": "Gérard",
        "memberships": [("theatre-du-pave-ardennais", "admin")],
    },
    {
        "email": "sarah@relais.example",
        "first_name": "Sarah",
        "last_name": "Janssens",
        "memberships": [("velo-quartier", "admin")],
    },
    {
        "email": "youssef@relais.example",
        "first_name": "Youssef",
        "last_name": "Kaddouri",
        "memberships": [("habitat-solidaire-anderlecht", "admin")],
    },
    {
        "email": "manon@relais.example",
        "first_name": "Manon",
        "last_name": "Dubois",
        "memberships": [("les-tisserands", "admin")],
    },
    {
        "email": "olivier@relais.example",
        "first_name": "Olivier",
        "last_name": "Mertens",
        "memberships": [("comptoir-equitable-saint-gilles", "admin")],
    },
    {
        "email": "isabelle@relais.example",
        "first_name": "Isabelle",
        "last_name": "Wauters",
        "memberships": [("entraide-sante", "admin")],
    },
    {
        "email": "aicha@relais.example",
        "first_name": "Aïcha",
        "last_name": "Diallo",
        "memberships": [("cuisine-partagee-molenbeek", "admin")],
    },
    {
        "email": "lucie@relais.example",
        "first_name": "Lucie",
        "last_name": "Bernard",
        "memberships": [("jardins-croix-rousse", "admin")],
        "time_zone": "Europe/Paris",
    },
    {
        "email": "maxime@relais.example",
        "first_name": "Maxime",
        "last_name": "Fabre",
        "memberships": [("roue-libre-isere", "admin")],
        "time_zone": "Europe/Paris",
    },
    {
        "email": "helene@relais.example",
        "first_name": "Hélène",
        "last_name": "Roux",
        "memberships": [("fondation-habiter-ensemble", "admin")],
        "time_zone": "Europe/Paris",
    },
    {
        "email": "gabriel@relais.example",
        "first_name": "Gabriel",
        "last_name": "Côté",
        "memberships": [("cooperative-le-rucher", "admin")],
        "time_zone": "America/Toronto",
    },
    {
        "email": "chloe@relais.example",
        "first_name": "Chloé",
        "last_name": "Gagnon",
        "memberships": [("les-passerelles", "admin")],
        "time_zone": "America/Toronto",
    },
    {
        "email": "pieter@relais.example",
        "first_name": "Pieter",
        "last_name": "De Smet",
        "memberships": [("atelier-de-brug", "admin")],
        "preferred_language": "nl",
    },
    # Plain members
    {
        "email": "nicolas@relais.example",
        "first_name": "Nicolas",
        "last_name": "Leroy",
        "memberships": [("fede-ees-wallonie", "member")],
    },
    {
        "email": "emma@relais.example",
        "first_name": "Emma",
        "last_name": "Lefèvre",
        "memberships": [("habitat-solidaire-anderlecht", "member"), ("les-tisserands", "member")],
    },
    {
        "email": "mathieu@relais.example",
        "first_name": "Mathieu",
        "last_name": "Simon",
        "memberships": [("comptoir-equitable-saint-gilles", "member")],
    },
    # Pending join requests, for the admins to decide
    {
        "email": "hugo@relais.example",
        "first_name": "Hugo",
        "last_name": "Petit",
        "requests": [
            (
                "recyclerie-du-condroz",
                "Bonjour, je suis bénévole à l'atelier vélo de Ciney depuis septembre et "
                "j'aimerais suivre vos fiches sur la boutique en ligne.",
            )
        ],
    },
    {
        "email": "ines@relais.example",
        "first_name": "Inès",
        "last_name": "Martin",
        "requests": [
            (
                "fede-ees-wallonie",
                "Je rejoins l'équipe de la fédération comme stagiaire en communication.",
            )
        ],
    },
]

# --- Pages --------------------------------------------------------------------------------
# StreamField content in Wagtail's raw JSON form: {"type": block name, "value": …}.
# Links to other demo pages use {"page_slug": …}; the command swaps them for page ids.

HOME_PAGE = {
    "title": "Accueil",
    "headline": "Échanger entre pairs pour réussir le numérique",
    "slug": "accueil",
    "intro": (
        "Relais met en lien les entreprises d'économie sociale et leurs fédérations pour "
        "avancer ensemble dans la transformation numérique."
    ),
    "body": [
        {"type": "heading", "value": "Apprendre des autres, partager ce qui marche"},
        {
            "type": "paragraph",
            "value": (
                "<p>Associations, coopératives, sociétés à finalité sociale, fondations et "
                "mutuelles y partagent des <b>fiches de bonnes pratiques</b> : pourquoi se "
                "lancer, trois difficultés à prévoir, trois conseils, trois outils vraiment "
                "utiles. On s'y retrouve aussi en <b>intervisions</b> et dans des salons de "
                "discussion en temps réel.</p>"
            ),
        },
        {"type": "heading", "value": "Les fédérations, relais du réseau"},
        {
            "type": "paragraph",
            "value": (
                "<p>Les fédérations et coupoles annoncent les rencontres, animent les salons "
                "et font connaître les soutiens disponibles : financements, accompagnements "
                "et formations, réunis en un seul endroit.</p>"
            ),
        },
        {
            "type": "call_to_action",
            "value": {
                "title": "Qui fait partie du réseau ?",
                "text": (
                    "Parcourez l'annuaire des organisations par secteur, par région ou par "
                    "fédération, et trouvez celles qui sont passées par les mêmes chantiers "
                    "que vous."
                ),
                "link": {"label": "Voir les organisations", "page": None, "url": "/organisations/"},
            },
        },
    ],
}

STANDARD_PAGES = [
    {
        "title": "À propos",
        "slug": "a-propos",
        "intro": (
            "Relais est né d'un constat partagé par les entreprises d'économie sociale : on a "
            "trop peu d'occasions d'échanger entre acteurs du secteur."
        ),
        "body": [
            {"type": "heading", "value": "Pourquoi Relais ?"},
            {
                "type": "paragraph",
                "value": (
                    "<p>Lors des projets pilotes d'accompagnement au numérique, les groupes "
                    "d'entreprises d'économie sociale ont demandé à se retrouver plus souvent et "
                    "à transmettre ce qu'ils avaient appris à ceux qui viendraient après eux. "
                    "Relais prolonge ces groupes : chaque projet mené devient une fiche que "
                    "d'autres peuvent lire, discuter et adapter.</p>"
                ),
            },
            {
                "type": "quote",
                "value": (
                    "Nous avons peu d'occasions d'échanger avec d'autres acteurs de l'économie "
                    "sociale. Ici, on gagne des mois en écoutant ceux qui sont passés par là."
                ),
            },
            {"type": "heading", "value": "Pour qui ?"},
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>les <b>entreprises d'économie sociale</b> : ASBL et associations, "
                    "coopératives, sociétés à finalité sociale, fondations, mutuelles ;</li>"
                    "<li>leurs <b>fédérations et coupoles</b>, qui relaient les rencontres et "
                    "animent les échanges ;</li><li>les <b>structures d'accompagnement</b> qui "
                    "proposent formations, coaching et financements.</li></ul>"
                ),
            },
            {"type": "heading", "value": "Une plateforme de démonstration"},
            {
                "type": "paragraph",
                "value": (
                    "<p>Les organisations, personnes et adresses présentées sur cette instance "
                    "sont <i>fictives</i> : elles servent à découvrir le fonctionnement de "
                    "Relais. Toute ressemblance avec une structure existante serait "
                    "fortuite.</p>"
                ),
            },
        ],
    },
    {
        "title": "Charte du réseau",
        "slug": "charte",
        "intro": (
            "Relais repose sur la confiance entre pairs. En rejoignant le réseau, chaque "
            "membre s'engage à respecter ces quelques principes."
        ),
        "body": [
            {"type": "heading", "value": "Nos engagements"},
            {
                "type": "paragraph",
                "value": (
                    "<ol><li><b>Bienveillance.</b> On partage aussi ses échecs : personne n'est "
                    "jugé pour une difficulté racontée.</li><li><b>Confidentialité des "
                    "intervisions.</b> Ce qui se dit en intervision reste dans le groupe, sauf "
                    "accord explicite des personnes concernées.</li><li><b>Partage.</b> Les "
                    "fiches publiées peuvent être reprises et adaptées par les autres membres, "
                    "en citant l'organisation qui les a écrites.</li><li><b>Pas de "
                    "démarchage.</b> Les prestataires sont les bienvenus pour échanger, pas "
                    "pour vendre : la prospection commerciale est interdite dans les "
                    "salons.</li><li><b>Respect des données.</b> On ne publie aucune donnée "
                    "personnelle d'un bénéficiaire, d'un membre ou d'un salarié sans son "
                    "accord.</li></ol>"
                ),
            },
            {"type": "heading", "value": "Modération"},
            {
                "type": "paragraph",
                "value": (
                    "<p>Chaque message peut être signalé. Les modératrices et modérateurs "
                    "peuvent masquer un message, suspendre temporairement une personne ou "
                    "l'exclure d'un salon en cas de manquement répété à la charte.</p>"
                ),
            },
        ],
    },
    {
        "title": "Mentions légales",
        "slug": "mentions-legales",
        "intro": "Informations légales sur l'éditeur de Relais et le traitement de vos données.",
        "body": [
            {"type": "heading", "value": "Éditeur"},
            {
                "type": "paragraph",
                "value": (
                    "<p>Relais est une instance de démonstration éditée par l'équipe du projet "
                    'Relais. Contact : <a href="mailto:contact@relais.example">'
                    "contact@relais.example</a>.</p>"
                ),
            },
            {"type": "heading", "value": "Données personnelles"},
            {
                "type": "paragraph",
                "value": (
                    "<p>Conformément au RGPD, nous ne collectons que les données nécessaires au "
                    "fonctionnement du réseau : adresse e-mail, nom affiché, organisations et "
                    "contributions. Vous pouvez consulter, corriger ou supprimer vos données à "
                    "tout moment depuis votre espace personnel ou en nous écrivant.</p>"
                ),
            },
            {"type": "heading", "value": "Cookies"},
            {
                "type": "paragraph",
                "value": (
                    "<p>Relais n'utilise que les cookies strictement nécessaires : la session "
                    "de connexion, la protection contre la falsification de requêtes et la "
                    "langue choisie. Aucun cookie publicitaire ni de mesure d'audience "
                    "tierce.</p>"
                ),
            },
            {"type": "heading", "value": "Propriété intellectuelle"},
            {
                "type": "paragraph",
                "value": (
                    "<p>Les fiches de pratiques restent la propriété de leurs auteurs, qui en "
                    "autorisent la reprise par les membres du réseau dans les conditions "
                    "prévues par la charte.</p>"
                ),
            },
        ],
    },
]

NAVIGATION_LINKS = [
    {"label": "Organisations", "url": "/organisations/"},
    {"label": "À propos", "page_slug": "a-propos"},
    {"label": "Charte", "page_slug": "charte"},
]

FOOTER = {
    "text": (
        "<p><b>Relais</b>, le réseau d'échange de l'économie sociale pour la transformation "
        "numérique : associations, coopératives, fondations, mutuelles et leurs fédérations, "
        "en Wallonie, à Bruxelles, en France et au Québec.</p>"
    ),
    "links": [
        {"label": "Mentions légales", "page_slug": "mentions-legales"},
        {"label": "Charte", "page_slug": "charte"},
    ],
    "contact_email": "contact@relais.example",
}

# The host name and port come from SITE_URL (`community.public.site_address`).
SITE = {"hostname": "localhost", "port": 80, "site_name": "Relais"}
