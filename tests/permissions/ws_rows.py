"""The WebSocket half of the matrix: for each frame a client may send on `/ws/salons/<slug>/`
(the consumer's own and those `rooms.extensions` registers: the intervision session's), in
each kind of room, the exact outcome for each role of world.py.

The rooms (test_ws_matrix.build_ws_world):
- `theme`: a public theme room;
- `org`: the private room of the Ateliers (Mia is a member, Alice its admin);
- `direct`: a direct conversation between two other people (Anna and Bruno);
- `intervision`: the federation's intervision room, roster only, a session running
  (Fred facilitates; Mia and Anna are registered; Anna proposed one item);
- `archived`: a theme room, archived;
- `missing`: a slug no room has.
Every role that may write a room posted one message there before it was archived (its
"own"), then Anna posted one (the "others'").

An outcome is what the socket answered, frames other than presence and tail:
- a close code (`4401`, `4403`, `4404`): the connection is refused; the frames the client
  sent right after the handshake are ignored;
- `hello r|rw|rm|rwm[ session]`: the hello frame, with what `me` says the person may do
  (read, write, moderate) and whether it carries the session's state;
- the reply and broadcast frames, sorted: `message` (one), `history` (sync: every message
  from 1 to the room's last, in order), `updated`, `session`, `session.ack`,
  `error/<code>/<detail>`; nothing at all is the empty string;
and it ends in `+` (the frame stored something: messages, read markers, harvest, consents,
session) or `=` (nothing changed, as for every refusal).

Why each outcome (DESIGN.md "People and what they may do" and "The room protocol";
rooms/access.py; intervisions/access.py and services.py):
- every room needs a signed-in person (4401 before anything else); an unknown slug is
  4404; a room the person may not read is 4403;
- a theme room: every member reads and writes; site moderators moderate it;
- an organisation's room: its active members, not the federation's managers (the room of an
  EES is not its federation's), not site moderators; its admins moderate it;
- a direct conversation: its two people only, nobody else, moderators included;
- an intervision's room (roster only): its group (registered people, the facilitator, the
  organisers' admins) and site moderators (who come from a report); the organisers'
  admins and site moderators moderate it; the harvest is the group's (a site moderator
  reads but takes no part); keeping items and moving steps are the facilitator's;
  consenting commits an organisation of the group one is a member of;
- an archived room is read only: no sending, editing or deleting, not even one's own;
  reading it (sync, read marker) stays open;
- one edits and deletes only one's own messages (moderators hide others' over HTTP);
- the session frames need the room's intervision to have a running session.
"""

from __future__ import annotations

from community.access import Refusal

from .world import ROLES, SIGNED_IN

ROOMS = ("theme", "org", "direct", "intervision", "archived", "missing")

# Who gets a hello in each room, and what `me` says they may do; the others are refused
# with the room's close code.
READERS: dict[str, dict[str, str]] = {
    "theme": {**dict.fromkeys(SIGNED_IN, "rw"), "moderator": "rwm"},
    "org": {"member": "rw", "org_admin": "rwm"},
    "direct": {},
    "intervision": {"member": "rw", "fed_manager": "rwm", "moderator": "rwm"},
    "archived": {**dict.fromkeys(SIGNED_IN, "r"), "moderator": "rm"},
    "missing": {},
}
REFUSED = {room: "4403" for room in ROOMS} | {"missing": "4404"}
SIGNED_OUT = "4401"

# The words of the refusals, as the services say them (French, the default language).
ARCHIVED = "Ce salon est archivé : on ne peut plus y écrire."
NOT_YOURS = "Vous ne pouvez modifier que vos propres messages."
NO_SESSION = "Aucune séance n'est en cours dans ce salon."
NOT_IN_GROUP = "Seules les personnes du groupe participent à la récolte."
NOT_MEMBER = "Seul·e un·e membre d'une organisation du groupe engage son organisation."


def error(code: str, detail, changed: str = "=") -> str:
    return f"error/{code}/{detail}{changed}"


FORBIDDEN_ARCHIVED = error("forbidden", ARCHIVED)
FORBIDDEN_NOT_YOURS = error("forbidden", NOT_YOURS)
FORBIDDEN_FACILITATE = error("forbidden", Refusal.FACILITATE)
INVALID_NO_SESSION = error("invalid", NO_SESSION)
# A site moderator reads the group's room but is not of the group; a federation's manager
# is of no organisation of the group: refused as `forbidden` (DESIGN.md's protocol),
# nothing stored.
FORBIDDEN_NOT_IN_GROUP = error("forbidden", NOT_IN_GROUP)
FORBIDDEN_NOT_MEMBER = error("forbidden", NOT_MEMBER)
ACKED = "session session.ack+"


def readers(room: str, default: str, **roles: str) -> dict[str, str]:
    """Every role's outcome in `room`: `default` for its readers not named, its close code
    (and nothing stored) for everyone else."""
    unknown = set(roles) - set(READERS[room])
    assert not unknown, (room, unknown)
    outcomes = {}
    for role in ROLES:
        if role == "visitor":
            outcomes[role] = SIGNED_OUT + "="
        elif role in READERS[room]:
            outcomes[role] = roles.get(role, default)
        else:
            outcomes[role] = REFUSED[room] + "="
    return outcomes


def row(**rooms: str | dict[str, str]) -> dict[str, dict[str, str]]:
    """A frame's outcomes, room by room: a string is every reader's, a dict is
    `readers(room, default, **overrides)` as `{"": default, role: outcome}`; a room not
    named has no reader who gets anywhere (direct, missing)."""
    table = {}
    for room in ROOMS:
        given = rooms.get(room, "")
        if isinstance(given, dict):
            given = dict(given)
            table[room] = readers(room, given.pop(""), **given)
        else:
            table[room] = readers(room, given)
    return table


def _hellos() -> dict[str, dict[str, str]]:
    table = {}
    for room in ROOMS:
        extra = " session" if room == "intervision" else ""
        table[room] = readers(
            room, "", **{role: f"hello {rights}{extra}=" for role, rights in READERS[room].items()}
        )
    return table


def no_session_elsewhere(intervision: str | dict) -> dict:
    """A session frame: in a room without an intervision there is no session."""
    return {
        "theme": INVALID_NO_SESSION,
        "org": INVALID_NO_SESSION,
        "intervision": intervision,
        "archived": INVALID_NO_SESSION,
    }


# The frames, in the order each socket sends them (a row's label: its frame type, and
# which message for edit and delete). `{…}` names are filled per room and role by the test:
# `own` (the role's own message in the room), `anna` (Anna's), `item` (Anna's harvest
# item), `organisation` (the Ateliers), `cid` (a new client_id).
FRAMES: dict[str, dict] = {
    "connect": {},
    "read": {"type": "read", "seq": 1_000_000},  # up to the room's last
    "sync": {"type": "sync", "after": 0},
    "typing": {"type": "typing"},
    "send": {"type": "send", "body": "Bonjour à tous", "client_id": "{cid}", "reply_to": None},
    "edit": {"type": "edit", "seq": "{anna}", "body": "Réécrit"},
    "edit own": {"type": "edit", "seq": "{own}", "body": "Corrigé"},
    "delete": {"type": "delete", "seq": "{anna}"},
    "delete own": {"type": "delete", "seq": "{own}"},
    "session.propose": {
        "type": "session.propose",
        "part": "tips",
        "text": "Tester la restauration",
        "client_id": "{cid}",
        "from_message": None,
    },
    "session.support": {"type": "session.support", "item": "{item}", "on": True},
    "session.keep": {"type": "session.keep", "item": "{item}", "on": True},
    "session.step": {"type": "session.step", "step": 2},
    "session.consent": {"type": "session.consent", "organisation": "{organisation}", "on": True},
}

ROWS: dict[str, dict[str, dict[str, str]]] = {
    "connect": _hellos(),
    # A read marker moves forward (to Anna's message, after one's own); in an archived
    # room too: reading is not writing.
    "read": row(theme="+", org="+", intervision="+", archived="+"),
    "sync": row(theme="history=", org="history=", intervision="history=", archived="history="),
    # Typing reaches the others, never the typist; never stored.
    "typing": row(theme="=", org="=", intervision="=", archived="="),
    "send": row(
        theme="message+", org="message+", intervision="message+", archived=FORBIDDEN_ARCHIVED
    ),
    "edit": row(
        theme=FORBIDDEN_NOT_YOURS,
        org=FORBIDDEN_NOT_YOURS,
        intervision=FORBIDDEN_NOT_YOURS,
        archived=FORBIDDEN_ARCHIVED,
    ),
    "edit own": row(
        theme="updated+", org="updated+", intervision="updated+", archived=FORBIDDEN_ARCHIVED
    ),
    "delete": row(
        theme=FORBIDDEN_NOT_YOURS,
        org=FORBIDDEN_NOT_YOURS,
        intervision=FORBIDDEN_NOT_YOURS,
        archived=FORBIDDEN_ARCHIVED,
    ),
    "delete own": row(
        theme="updated+", org="updated+", intervision="updated+", archived=FORBIDDEN_ARCHIVED
    ),
    "session.propose": row(
        **no_session_elsewhere({"": ACKED, "moderator": FORBIDDEN_NOT_IN_GROUP})
    ),
    "session.support": row(
        **no_session_elsewhere({"": ACKED, "moderator": FORBIDDEN_NOT_IN_GROUP})
    ),
    "session.keep": row(**no_session_elsewhere({"": FORBIDDEN_FACILITATE, "fed_manager": ACKED})),
    "session.step": row(**no_session_elsewhere({"": FORBIDDEN_FACILITATE, "fed_manager": ACKED})),
    "session.consent": row(
        **no_session_elsewhere(
            {"": ACKED, "fed_manager": FORBIDDEN_NOT_MEMBER, "moderator": FORBIDDEN_NOT_IN_GROUP}
        )
    ),
}
