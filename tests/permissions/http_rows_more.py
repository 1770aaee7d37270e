"""The matrix's rows for sheets, events, intervisions, programmes, stories and the
diagnostic (the outcomes' notation: `http_rows`)."""

from __future__ import annotations

from .http_rows import (
    ADMIN_ONLY,
    ADMIN_POST,
    DIAG,
    FILES,
    NOT_FOUND_BUT_MEMBER,
    ORG,
    SESSION,
    WAGTAIL,
    P,
    Row,
    everyone,
    who,
)

MORE_ROWS = [
    # --- sheets, tools, the wizard, reactions, questions --------------------------------
    Row("pratiques/feed/", "/pratiques/feed/", everyone("200")),
    Row("outils/", "/outils/", everyone("200")),
    Row("outils/<slug:slug>/", "/outils/{tool}/", everyone("200")),
    Row(WAGTAIL, "/", everyone("200")),
    Row(WAGTAIL, "/pratiques/", everyone("200")),
    Row(WAGTAIL, "/pratiques/{sheet}/", everyone("200")),
    Row(
        "PracticeIndexPage:proposer/",
        "/pratiques/proposer/",
        who("200", moderator="403", editor="403"),
    ),
    Row(
        "PracticeIndexPage:proposer/nouvelle/",
        "/pratiques/proposer/nouvelle/",
        who("302+", moderator="403=", editor="403="),
        P,
    ),
    Row(
        "PracticeIndexPage:^proposer/modifier/(?P<page_id>[0-9]{1,18})/$",
        "/pratiques/proposer/modifier/{sheet_id}/",
        who("403", member="200", org_admin="200"),
    ),
    Row(
        "PracticeIndexPage:^proposer/(?P<draft_id>[0-9]{1,18})/$",
        "/pratiques/proposer/{draft}/",
        who("404", member="302"),
    ),
    Row(
        "PracticeIndexPage:^proposer/(?P<draft_id>[0-9]{1,18})/supprimer/$",
        "/pratiques/proposer/{draft}/supprimer/",
        who("404=", member="302+"),
        P,
    ),
    Row(
        "PracticeIndexPage:^proposer/(?P<draft_id>[0-9]{1,18})/(?P<step>[-a-zA-Z0-9_]+)/$",
        "/pratiques/proposer/{draft}/context/",
        NOT_FOUND_BUT_MEMBER,
    ),
    Row("PracticeSheetPage:utile/", "/pratiques/{sheet}/utile/", who("302+"), P, {"on": "1"}),
    Row("PracticeSheetPage:favori/", "/pratiques/{sheet}/favori/", who("302+"), P, {"on": "1"}),
    Row(
        "PracticeSheetPage:adoption/",
        "/pratiques/{sheet}/adoption/",
        who("302=", member="302+", org_admin="302+"),  # not their organisation: a message
        P,
        {"adoption-organisation": "{organisation_id}", "adoption-outcome": "worked"},
    ),
    Row(
        "PracticeSheetPage:adoption/retirer/",
        "/pratiques/{sheet}/adoption/retirer/",
        who("302="),  # refused with a message, or nothing to withdraw
        P,
        {"organisation": "{organisation_id}"},
    ),
    Row(
        "PracticeSheetPage:question/",
        "/pratiques/{sheet}/question/",
        who("200", moderator="403", editor="403"),
    ),
    Row(
        "PracticeSheetPage:^questions/(?P<question_id>[0-9]{1,18})/$",
        "/pratiques/{sheet}/questions/{question}/",
        who("404", member="200", other="200", org_admin="200"),
    ),
    # --- events, registrations, feeds, online links -------------------------------------
    Row(WAGTAIL, "/agenda/", everyone("200")),
    Row(WAGTAIL, "/agenda/{event}/", everyone("200")),
    Row("agenda/feed.ics", "/agenda/feed.ics", everyone("200")),
    Row("agenda/widget/", "/agenda/widget/", everyone("200")),
    Row("organisations/<slug:slug>/agenda.ics", f"{ORG}/agenda.ics", everyone("200")),
    Row("agenda/prive/nouveau/", "/agenda/prive/nouveau/", who("302+"), P),
    # The private feed's token is its key (calendar apps carry no session).
    Row(
        "^agenda/prive/(?P<token>[A-Za-z0-9_-]{1,64})\\.ics$",
        "/agenda/prive/{feed_token}.ics",
        everyone("200"),
    ),
    Row(
        "^agenda/prive/(?P<token>[A-Za-z0-9_-]{1,64})\\.ics$",
        "/agenda/prive/x{feed_token}.ics",
        everyone("404"),
    ),
    Row("CalendarPage:annoncer/", "/agenda/annoncer/", who("200", moderator="403", editor="403")),
    Row("EventPage:event.ics", "/agenda/{event}/event.ics", everyone("200")),
    Row(FILES, "/agenda/{event}/event.ics", everyone("200")),
    Row(FILES, "/agenda/{event}/inscriptions.csv", ADMIN_ONLY),
    Row("EventPage:inscriptions.csv", "/agenda/{event}/inscriptions.csv", ADMIN_ONLY),
    Row("EventPage:inscriptions/", "/agenda/{event}/inscriptions/", ADMIN_ONLY),
    Row("EventPage:modifier/", "/agenda/{event}/modifier/", ADMIN_ONLY),
    Row("EventPage:modifier/", "/agenda/{event}/modifier/", who("403=", org_admin="200="), P),
    Row("EventPage:annuler/", "/agenda/{event}/annuler/", ADMIN_POST, P, {"confirm": "1"}),
    Row(
        "EventPage:annuler-une-date/",
        "/agenda/{event}/annuler-une-date/",
        who("403=", org_admin="302="),
        P,
        {"date": "x"},
    ),
    Row("EventPage:inscription/", "/agenda/{event}/inscription/", who("302+"), P),
    # Reserved to the federation's network: its managers and its member organisations' people.
    Row(
        "EventPage:inscription/",
        "/agenda/{fed_event}/inscription/",
        who("302=", member="302+", org_admin="302+", fed_manager="302+"),
        P,
    ),
    Row(
        "EventPage:desinscription/",
        "/agenda/{intervision_slug}/desinscription/",
        who("302=", member="302+"),
        P,
    ),
    # --- intervisions (Fred facilitates; Mia is in the group) ---------------------------
    Row(
        "intervisions/<id:event_id>/preparer/",
        "/intervisions/{intervision}/preparer/",
        who("403", fed_manager="200"),
    ),
    Row(
        "intervisions/<id:event_id>/seance/demarrer/",
        f"{SESSION}/demarrer/",
        who("403=", fed_manager="302="),
        P,
    ),
    Row(
        "intervisions/<id:event_id>/seance/etape/",
        f"{SESSION}/etape/",
        who("403=", fed_manager="302+"),
        P,
        {"step": "2"},
    ),
    Row(
        "intervisions/<id:event_id>/seance/proposer/",
        f"{SESSION}/proposer/",
        who("302=", member="302+", fed_manager="302+"),
        P,
        {
            "part": "tips",
            "text": "Tester la restauration",
            "client_id": "7d0c5f7e-4a1b-4c56-9d1e-2f3a4b5c6d7f",
        },
    ),
    Row(
        "intervisions/<id:event_id>/seance/soutenir/",
        f"{SESSION}/soutenir/",
        who("302=", member="302+", fed_manager="302+"),
        P,
        {"item": "{item}", "on": "1"},
    ),
    Row(
        "intervisions/<id:event_id>/seance/garder/",
        f"{SESSION}/garder/",
        who("403=", fed_manager="302+"),
        P,
        {"item": "{item}", "on": "1"},
    ),
    Row(
        "intervisions/<id:event_id>/seance/accord/",
        f"{SESSION}/accord/",
        who("302=", member="302+"),
        P,
        {"organisation": "{organisation_id}", "on": "1"},
    ),
    Row(
        "intervisions/<id:event_id>/seance/clore/",
        f"{SESSION}/clore/",
        who("403=", fed_manager="302+"),
        P,
    ),
    # No session closed yet: no follow-up for anyone.
    Row("intervisions/<id:event_id>/suivi/", "/intervisions/{intervision}/suivi/", who("404")),
    # --- programmes, stories ------------------------------------------------------------
    Row(WAGTAIL, "/soutiens/", everyone("200")),
    Row(WAGTAIL, "/soutiens/{programme}/", everyone("200")),
    Row("ProgrammeIndexPage:echeances.ics", "/soutiens/echeances.ics", everyone("200")),
    Row(FILES, "/soutiens/echeances.ics", everyone("200")),
    Row(
        "ProgrammeIndexPage:pour-mon-organisation/", "/soutiens/pour-mon-organisation/", who("200")
    ),
    Row("ProgrammePage:suivre/", "/soutiens/{programme}/suivre/", who("302+"), P),
    Row(WAGTAIL, "/recits/", everyone("200")),
    Row(WAGTAIL, "/recits/{story}/", everyone("200")),
    Row("recits/feed/", "/recits/feed/", everyone("200")),
    # --- the diagnostic (Alice's organisation's; an invitation to someone else) --------
    Row("diagnostic/", "/diagnostic/", everyone("200")),
    Row(
        "diagnostic/commencer/",
        "/diagnostic/commencer/",
        who("403="),
        P,
        {"organisation": "{elsewhere_id}"},
    ),
    Row(
        "^diagnostic/invitation/(?P<token>[A-Za-z0-9_-]{1,64})/$",
        "/diagnostic/invitation/{invitation}/",
        who("200"),
    ),
    Row("diagnostic/<id:pk>/", f"{DIAG}/", ADMIN_ONLY),
    Row("diagnostic/<id:pk>/repondre/", f"{DIAG}/repondre/", who("403", org_admin="302")),
    Row("diagnostic/<id:pk>/repondre/envoyer/", f"{DIAG}/repondre/envoyer/", ADMIN_ONLY),
    Row("diagnostic/<id:pk>/repondre/<slug:axis>/", f"{DIAG}/repondre/infrastructure/", ADMIN_ONLY),
    Row(
        "diagnostic/<id:pk>/inviter/",
        f"{DIAG}/inviter/",
        ADMIN_POST,
        P,
        {"email": "new@example.org", "role": "staff"},
    ),
    Row("diagnostic/<id:pk>/partage/", f"{DIAG}/partage/", ADMIN_POST, P, {"shown": "1"}),
    Row(
        "diagnostic/<id:pk>/voix/<id:respondent_id>/retirer/",
        f"{DIAG}/voix/{{respondent}}/retirer/",
        ADMIN_POST,
        P,
    ),
    Row("diagnostic/<id:pk>/plan/", f"{DIAG}/plan/", ADMIN_ONLY),
    Row("diagnostic/<id:pk>/plan.pdf", f"{DIAG}/plan.pdf", ADMIN_ONLY),
    Row(
        "diagnostic/<id:pk>/plan/ajouter/",
        f"{DIAG}/plan/ajouter/",
        # Nothing chosen: the result page again, the refusal beside its form (400).
        who("403=", org_admin="400="),
        P,
    ),
    Row(
        "diagnostic/<id:pk>/plan/<id:action_id>/",
        f"{DIAG}/plan/{{plan_action}}/",
        ADMIN_POST,
        P,
        {"done": "1"},
    ),
    Row(
        "organisations/<slug:slug>/tableau-de-bord/",
        "/organisations/{federation}/tableau-de-bord/",
        who("403", fed_manager="200"),
    ),
    Row(
        "organisations/<slug:slug>/tableau-de-bord.csv",
        "/organisations/{federation}/tableau-de-bord.csv",
        who("403", fed_manager="200"),
    ),
    Row("organisations/<slug:slug>/tableau-de-bord/", f"{ORG}/tableau-de-bord/", who("403")),
]
