"""The intervision's pages without JavaScript: preparing it, the session panel in the
room, its forms, and the draft sheet the co-signing organisations continue."""

from __future__ import annotations

import pytest

from intervisions import services
from intervisions.models import HarvestItem, Part
from practices.models import PracticeIndexPage, SheetDraft
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

CLIENT_ID = "7d8f0f8e-3f0a-4d5b-9b1e-2b6f1c0d9a11"


def test_the_organisers_prepare_it_from_the_event_page(group, client, messages_of):
    client.force_login(group.fred)
    event_page = client.get(group.event.url).content.decode()
    prepare_url = f"/intervisions/{group.event.pk}/preparer/"
    assert f'href="{prepare_url}"' in event_page
    form = client.get(prepare_url)
    assert form.status_code == 200
    html = form.content.decode()
    assert 'id="id_minutes_3"' in html and 'value="20"' in html
    response = client.post(
        prepare_url,
        {
            "facilitator": group.anna.pk,
            "protocol": "case",
            "chatham_house": "on",
            "retention": "7",
            "minutes_1": "5",
            "minutes_2": "10",
            "minutes_3": "25",
            "minutes_4": "10",
            "minutes_5": "10",
        },
    )
    assert response.status_code == 302
    assert messages_of(response) == ["L'intervision est prête."]
    group.intervision.refresh_from_db()
    group.room.refresh_from_db()
    assert group.intervision.facilitator == group.anna
    assert list(group.intervision.steps.values_list("minutes", flat=True)) == [5, 10, 25, 10, 10]
    assert group.room.retention_days == 7
    # Bad input: an answer in the person's language, nothing saved.
    response = client.post(prepare_url, {"facilitator": "x", "protocol": "nope", "minutes_1": "-3"})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    # Participants and outsiders may not prepare it.
    client.force_login(group.bruno)
    assert client.get(prepare_url).status_code == 403
    assert client.get("/intervisions/999999/preparer/").status_code == 404


def test_the_session_runs_in_the_room_without_javascript(group, client, messages_of):
    room_url = group.room.get_absolute_url()
    client.force_login(group.fred)
    assert "Démarrer la séance" in client.get(room_url).content.decode()
    base = f"/intervisions/{group.event.pk}/seance/"
    assert client.post(f"{base}demarrer/")["Location"] == f"{room_url}#session"

    client.force_login(group.anna)
    page = client.get(room_url).content.decode()
    assert "Étape 1 sur 5" in page and "Présentation du cas" in page
    assert 'for="harvest-tips-text"' in page
    assert "Clore la séance" not in page  # the facilitator's
    response = client.post(
        f"{base}proposer/",
        {"part": "tips", "text": "Nommer un référent", "client_id": CLIENT_ID},
    )
    assert messages_of(response) == ["Votre proposition est dans la récolte."]
    # The same form sent twice (a double click) is one item.
    client.post(
        f"{base}proposer/",
        {"part": "tips", "text": "Nommer un référent", "client_id": CLIENT_ID},
    )
    item = HarvestItem.objects.get()
    response = client.post(
        f"{base}proposer/",
        {"part": "tips", "text": "  ", "client_id": "0b8f0f8e-3f0a-4d5b-9b1e-2b6f1c0d9a12"},
    )
    assert messages_of(response)[-1] == "Écrivez l'élément à proposer."
    client.post(f"{base}soutenir/", {"item": item.pk, "on": "1"})
    assert item.supports.count() == 1
    response = client.post(f"{base}garder/", {"item": item.pk, "on": "1"})
    assert response.status_code == 403
    assert "Seul·e l&#x27;animateur·rice de l&#x27;intervision" in response.content.decode()
    client.post(f"{base}accord/", {"organisation": group.ressourcerie.pk, "on": "1"})
    page = client.get(room_url).content.decode()
    assert "Co-signent déjà : La Ressourcerie du Val" in page
    assert 'aria-pressed="true"' in page  # Anna's support

    client.force_login(group.fred)
    client.post(f"{base}etape/", {"step": "3"})
    client.post(f"{base}garder/", {"item": item.pk, "on": "1"})
    page = client.get(room_url).content.decode()
    assert "Étape 3 sur 5" in page and "Conseils des pairs" in page
    assert "1 gardé·s sur 3" in page
    response = client.post(f"{base}clore/")
    assert messages_of(response)[-1].startswith("La séance est close. La récolte est devenue")
    draft = SheetDraft.objects.get()

    # Anna's organisation co-signs: she continues the draft; Olga gets "not found".
    client.force_login(group.anna)
    page = client.get(room_url).content.decode()
    index = PracticeIndexPage.objects.get()
    resume = index.wizard_url("wizard_resume", draft.pk)
    assert f'href="{resume}"' in page
    assert client.get(resume).status_code == 302
    assert str(draft.pk) in client.get(index.wizard_url("wizard")).content.decode()
    # Anna also belongs to another organisation, which did not co-sign: refused.
    elsewhere = MembershipFactory(user=group.anna, organisation__name="Autre asbl").organisation
    step = index.wizard_url("wizard_step", draft.pk, "context")
    client.force_login(group.anna)
    response = client.post(
        step,
        {"title": "Fiche", "summary": "Résumé", "organisation": elsewhere.pk, "action": "save"},
    )
    assert messages_of(response)[-1].startswith("Cette fiche est co-signée par les organisations")
    draft.refresh_from_db()
    assert draft.organisation == group.ressourcerie
    client.force_login(group.olga)
    assert client.get(resume).status_code == 404
    client.force_login(group.bruno)  # his organisation did not co-sign
    assert client.get(resume).status_code == 404
    assert f'href="{resume}"' not in client.get(room_url).content.decode()


def test_olga_outside_the_group_cannot_enter_the_room(group, client):
    client.force_login(group.olga)
    response = client.get(group.room.get_absolute_url())
    assert response.status_code == 403
    assert "Ce salon est réservé au groupe de l&#x27;intervision" in response.content.decode()
    services.start_session(user=group.fred, intervision=group.intervision)
    response = client.post(
        f"/intervisions/{group.event.pk}/seance/proposer/", {"part": Part.TIPS, "text": "Moi aussi"}
    )
    assert HarvestItem.objects.count() == 0


def test_the_event_page_tells_olga_why_rather_than_linking_to_a_refusal(group, client):
    client.force_login(group.olga)
    page = client.get(group.event.url).content.decode()
    discussion = page[page.index('<section id="discussion"') :]
    discussion = discussion[: discussion.index("</section>")]

    assert f'href="{group.room.get_absolute_url()}"' not in discussion
    assert "Ce salon est réservé au groupe de l&#x27;intervision" in discussion
    client.force_login(group.anna)  # registered: the way in
    assert f'href="{group.room.get_absolute_url()}"' in client.get(group.event.url).content.decode()
