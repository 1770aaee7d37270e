"""The HTTP half of the matrix: for each URL pattern of the project (and each route of its
pages), the addresses that try it and the exact outcome for each role (world.py).

An outcome is a status, `login` (302 to the sign-in page) or `302` (a redirect elsewhere);
for a POST it ends in `+` (the database changed) or `=` (nothing changed, as for every
refusal). `{…}` in an address is filled from `world.build_world()["names"]`.

Why each outcome, from DESIGN.md's "People and what they may do" and the access modules:
reading published content is everyone's; member lists, people and rooms need a signed-in
member (`can_see_member_names`, rooms/access.py); an organisation's profile, members and
diagnostic are its admins' (`is_org_admin`), a federation's affiliations and dashboard its
managers'; an event's registrations and changes its organisers' admins'; moderation is for
moderators and, in their own rooms, organisation admins; editors and moderators get nothing
in the front end from being editors (editors work in the Wagtail admin)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .world import ROLES, SIGNED_IN


def who(default: str, visitor: str | None = None, **roles: str) -> dict[str, str]:
    """Every role's outcome: `default` for the signed-in roles not named, `visitor` for
    the visitor (`login`, or `login=` for a POST, unless said)."""
    unknown = set(roles) - set(SIGNED_IN)
    assert not unknown, unknown
    if visitor is None:
        visitor = "login=" if default[-1] in "+=" else "login"
    return {"visitor": visitor, **{role: roles.get(role, default) for role in SIGNED_IN}}


def everyone(outcome: str) -> dict[str, str]:
    return dict.fromkeys(ROLES, outcome)


@dataclass(frozen=True)
class Row:
    pattern: str  # the URL pattern (walk of the resolver) or "Page:route" it tries
    address: str
    expected: dict[str, str]
    method: str = "get"
    data: dict = field(default_factory=dict)


G, P = "get", "post"
ADMIN_ONLY = who("403", org_admin="200")
ADMIN_POST = who("403=", org_admin="302+")
NOT_FOUND_BUT_MEMBER = who("404", member="200")
WAGTAIL = r"^((?:[\w\-]+/)*)$"
FILES = r"^((?:[\w\-]+/)+[\w\-]+\.(?:ics|csv))$"
MESSAGE = (
    r"^salons/(?P<slug>[-\w]+)/messages/(?P<seq>\d{1,18})/(?P<action>edit|delete|hide|report)/$"
)
MEMBERSHIP = (
    r"^organisations/(?P<slug>[-\w]+)/demandes/(?P<membership_id>\d{1,18})/"
    r"(?P<decision>approve|refuse)/$"
)
AFFILIATION = (
    r"^organisations/(?P<slug>[-\w]+)/affiliations/(?P<affiliation_id>\d{1,18})/"
    r"(?P<decision>accept|refuse)/$"
)
ORG = "/organisations/{organisation}"
SESSION = "/intervisions/{intervision}/seance"
DIAG = "/diagnostic/{diagnostic}"
ROOM_MEMBERS = who("403", member="200", org_admin="200")  # the Ateliers' room
FED_ROOM = who("403", member="200", org_admin="200", fed_manager="200")
DIRECT = who("403", member="200", org_admin="200")  # Mia and Alice's conversation
JSON_REFUSED = {"visitor": "401"}

ROWS = [
    # --- site-wide ----------------------------------------------------------------------
    Row("healthz", "/healthz", everyone("200")),
    Row("confidentialite/", "/confidentialite/", everyone("200")),
    Row("robots.txt", "/robots.txt", everyone("200")),
    Row("sitemap.xml", "/sitemap.xml", everyone("200")),
    Row("i18n/setlang/", "/i18n/setlang/", who("302+", visitor="302="), P, {"language": "nl"}),
    Row("api/v2/^pages/", "/api/v2/pages/", everyone("200")),
    Row("api/v2/^pages/<int:pk>/", "/api/v2/pages/{sheet_id}/", everyone("200")),
    Row("api/v2/^pages/find/", "/api/v2/pages/find/?html_path=/pratiques/", everyone("302")),
    Row("api/v2/^images/", "/api/v2/images/", everyone("200")),
    Row("api/v2/^images/<int:pk>/", "/api/v2/images/999999/", everyone("404")),
    Row("api/v2/^images/find/", "/api/v2/images/find/?id=999999", everyone("404")),
    Row("recherche/", "/recherche/?q=cloud", everyone("200")),
    Row("recherche/suggestions/", "/recherche/suggestions/?q=clo", everyone("200")),
    # --- personal data, notifications ---------------------------------------------------
    Row("moi/", "/moi/", who("200")),
    Row("moi/profil/", "/moi/profil/", who("200")),
    Row("moi/donnees/", "/moi/donnees/", who("200")),
    # One request a day: Mia asked today, the others have not.
    Row("moi/donnees/", "/moi/donnees/", who("302+", member="302="), P),
    Row(
        "^moi/donnees/(?P<token>[A-Za-z0-9_:-]{1,300})/$",
        "/moi/donnees/{export}/",
        NOT_FOUND_BUT_MEMBER,
    ),
    # One's own account only; without its password nothing happens.
    Row("moi/supprimer/", "/moi/supprimer/", who("200")),
    Row("moi/supprimer/", "/moi/supprimer/", who("200="), P, {"password": "wrong"}),
    Row("moi/notifications/", "/moi/notifications/", who("200")),
    # Mia and Alice have unread notifications (Oscar's question, the join request).
    Row(
        "moi/notifications/tout-lu/",
        "/moi/notifications/tout-lu/",
        who("302=", member="302+", org_admin="302+"),
        P,
    ),
    Row(
        "moi/notifications/<id:pk>/", "/moi/notifications/{notification}/", who("404", member="302")
    ),
    Row("moi/notifications/preferences/", "/moi/notifications/preferences/", who("200")),
    Row("moi/notifications/apercu/", "/moi/notifications/apercu/", who("200")),
    # The signed token is the key (a mail client's one-click): whoever holds it.
    Row(
        "notifications/desabonnement/<str:token>/",
        "/notifications/desabonnement/{unsubscribe}/",
        everyone("200"),
    ),
    Row(
        "notifications/desabonnement/<str:token>/",
        "/notifications/desabonnement/{unsubscribe}/",
        everyone("200+"),
        P,
    ),
    Row(
        "notifications/desabonnement/<str:token>/",
        "/notifications/desabonnement/x{unsubscribe}/",
        everyone("404"),
    ),
    # --- organisations, memberships, affiliations ---------------------------------------
    Row("organisations/", "/organisations/", everyone("200")),
    Row("organisations/<slug:slug>/", f"{ORG}/", everyone("200")),
    Row("organisations/creer/", "/organisations/creer/", who("200")),
    Row("organisations/<slug:slug>/modifier/", f"{ORG}/modifier/", ADMIN_ONLY),
    Row(
        "organisations/<slug:slug>/modifier/", f"{ORG}/modifier/", who("403=", org_admin="200="), P
    ),
    Row("organisations/<slug:slug>/rejoindre/", f"{ORG}/rejoindre/", who("405")),
    Row(
        "organisations/<slug:slug>/rejoindre/",
        f"{ORG}/rejoindre/",
        who("302+"),  # a member asking again refreshes nothing but her request's date
        P,
    ),
    # Alice is the Ateliers' only admin: she hands over before leaving.
    Row("organisations/<slug:slug>/quitter/", f"{ORG}/quitter/", who("302=", member="302+"), P),
    Row(MEMBERSHIP, f"{ORG}/demandes/{{applicant}}/approve/", ADMIN_POST, P),
    Row(MEMBERSHIP, f"{ORG}/demandes/{{applicant}}/refuse/", ADMIN_POST, P),
    Row(
        "organisations/<slug:slug>/membres/<id:membership_id>/role/",
        f"{ORG}/membres/{{membership}}/role/",
        ADMIN_POST,
        P,
        {"role": "admin"},
    ),
    Row(
        "organisations/<slug:slug>/affiliation/",
        "/organisations/{elsewhere}/affiliation/",
        who("403="),
        P,
        {"federation": "{federation}"},
    ),
    Row(
        "organisations/<slug:slug>/affiliation/",
        f"{ORG}/affiliation/",
        who("403=", org_admin="302="),  # already affiliated
        P,
        {"federation": "{federation}"},
    ),
    Row(
        AFFILIATION,
        "/organisations/{federation}/affiliations/{affiliation}/accept/",
        who("403=", fed_manager="302+"),
        P,
    ),
    Row(
        "organisations/<slug:slug>/federations/<slug:federation_slug>/quitter/",
        f"{ORG}/federations/{{federation}}/quitter/",
        who("403=", org_admin="302+", fed_manager="302+"),
        P,
    ),
    Row("personnes/<id:pk>/", "/personnes/{member_id}/", who("200")),
    # --- rooms and moderation -----------------------------------------------------------
    Row(
        "personnes/<id:pk>/ecrire/",
        "/personnes/{member_id}/ecrire/",
        who("302+", member="302=", org_admin="302="),
        P,
    ),
    Row(
        "organisations/<slug:slug>/salon/",
        f"{ORG}/salon/",
        who("403", member="302", org_admin="302"),
    ),
    Row("salons/", "/salons/", who("200")),
    Row("salons/<slug:slug>/", "/salons/{theme_room}/", who("200")),
    Row("salons/<slug:slug>/", "/salons/{sheet_room}/", who("200")),
    Row("salons/<slug:slug>/", "/salons/{org_room}/", ROOM_MEMBERS),
    Row("salons/<slug:slug>/", "/salons/{fed_room}/", FED_ROOM),
    Row("salons/<slug:slug>/", "/salons/{direct_room}/", DIRECT),
    Row(
        "salons/<slug:slug>/",
        "/salons/{intervision_room}/",
        who("403", member="200", fed_manager="200", moderator="200"),
    ),
    Row(
        "salons/<slug:slug>/historique/",
        "/salons/{theme_room}/historique/",
        who("200", **JSON_REFUSED),
    ),
    Row(
        "salons/<slug:slug>/historique/",
        "/salons/{org_room}/historique/",
        {**ROOM_MEMBERS, **JSON_REFUSED},
    ),
    Row(
        "salons/<slug:slug>/historique/",
        "/salons/{direct_room}/historique/",
        {**DIRECT, **JSON_REFUSED},
    ),
    Row(
        "salons/<slug:slug>/membres/",
        "/salons/{org_room}/membres/?q=a",
        {**ROOM_MEMBERS, **JSON_REFUSED},
    ),
    Row(
        "salons/<slug:slug>/envoyer/",
        "/salons/{theme_room}/envoyer/",
        who("302+"),
        P,
        {"body": "Salut", "client_id": "7d0c5f7e-4a1b-4c56-9d1e-2f3a4b5c6d7e"},
    ),
    Row(
        "salons/<slug:slug>/envoyer/",
        "/salons/{org_room}/envoyer/",
        who("403=", member="302+", org_admin="302+"),
        P,
        {"body": "Salut", "client_id": "7d0c5f7e-4a1b-4c56-9d1e-2f3a4b5c6d7e"},
    ),
    Row(
        "salons/<slug:slug>/envoyer/",
        "/salons/{direct_room}/envoyer/",
        who("403=", member="302+", org_admin="302+"),
        P,
        {"body": "Salut", "client_id": "7d0c5f7e-4a1b-4c56-9d1e-2f3a4b5c6d7e"},
    ),
    # Only its author edits or deletes a message; moderators hide; anyone but its author reports.
    Row(
        MESSAGE,
        "/salons/{theme_room}/messages/{mine_seq}/edit/",
        who("302=", member="302+"),
        P,
        {"body": "Corrigé"},
    ),
    Row(MESSAGE, "/salons/{theme_room}/messages/{mine_seq}/delete/", who("302=", member="302+"), P),
    Row(
        MESSAGE,
        "/salons/{theme_room}/messages/{others_seq}/hide/",
        who("302=", moderator="302+"),
        P,
    ),
    # Mia reported Oscar's message already; Oscar cannot report his own.
    Row(
        MESSAGE, "/salons/{theme_room}/messages/{others_seq}/report/", who("302+", other="302="), P
    ),
    Row(
        MESSAGE,
        "/salons/{org_room}/messages/1/edit/",
        who("403=", member="302+", org_admin="302="),
        P,
        {"body": "x"},
    ),
    Row(
        MESSAGE,
        "/salons/{org_room}/messages/1/hide/",
        who("403=", member="302=", org_admin="302+"),
        P,
    ),
    Row(
        "salons/<slug:slug>/moderation/",
        "/salons/{theme_room}/moderation/",
        who("403", moderator="200"),
    ),
    Row(
        "salons/<slug:slug>/moderation/",
        "/salons/{org_room}/moderation/",
        who("403", org_admin="200"),
    ),
    Row(
        "salons/<slug:slug>/personnes/<id:user_id>/",
        "/salons/{theme_room}/personnes/{member_id}/",
        who("302=", moderator="302+"),
        P,
        {"kind": "mute"},
    ),
    Row(
        "salons/<slug:slug>/personnes/<id:user_id>/",
        "/salons/{org_room}/personnes/{member_id}/",
        who("403=", member="302=", org_admin="302+"),
        P,
        {"kind": "ban"},
    ),
    # Site moderators; organisation admins for their rooms' reports.
    Row(
        "salons/moderation/",
        "/salons/moderation/",
        who("403", moderator="200", org_admin="200", fed_manager="200"),
    ),
    Row(
        "salons/moderation/<id:report_id>/",
        "/salons/moderation/{report}/",
        who("302=", moderator="302+"),
        P,
        {"decision": "dismiss"},
    ),
]
