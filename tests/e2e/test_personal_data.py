"""A member downloads their data in Chromium: from /moi/ to "Mes données", asks for the
file, downloads the ZIP, opens it and reads its page (axe-clean at both widths, as the
"Mes données" page); then deletes their account, keeping their messages as "former
member", and their name is nowhere afterwards: pages, search, feeds, API, room history."""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
import zipfile

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from practices.models import SheetDraft
from practices.services.submission import submit_draft
from rooms.services import creation, posting
from tests.e2e.test_accessibility import assert_no_blocking_violation, scan
from tests.factories import MembershipFactory
from tests.factories.community import PASSWORD
from tests.practices.conftest import build_practice_index, make_tools, sheet_data_with
from website.account_deletion import delete_due_accounts

pytestmark = pytest.mark.e2e


def test_a_member_downloads_their_data_then_deletes_their_account(
    page, new_context, sign_in_as, home_page, live_server
):
    nora = MembershipFactory(
        organisation__name="La Ressourcerie du Val", user__display_name="Nora Petit"
    ).user
    organisation = nora.memberships.get().organisation
    bruno = MembershipFactory(organisation=organisation, user__display_name="Bruno Lefèvre").user
    room = creation.create_theme_room(title="Réemploi")
    posting.post_message(
        user=nora, room=room, body="Nos dons sont sur papier.", client_id=uuid.uuid4()
    )
    posting.post_message(
        user=bruno, room=room, body="@[Nora Petit] on passe au tableur ?", client_id=uuid.uuid4()
    )
    # A sheet she wrote, published.
    index = build_practice_index(home_page)
    index.save_revision().publish()
    draft = SheetDraft.objects.create(
        author=nora, organisation=organisation, data=sheet_data_with(make_tools())()
    )
    sheet = submit_draft(draft=draft, user=nora)
    sheet.get_latest_revision().publish()
    sheet.refresh_from_db()
    sign_in_as(page.context, nora)

    page.goto("/moi/")
    page.get_by_role("link", name="Télécharger mes données").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes données")
    page.get_by_role("button", name="Préparer un nouveau fichier de mes données").click()
    expect(page.get_by_role("status").first).to_contain_text("C'est demandé")
    problems = scan(page, "my-data", lambda: page.goto("/moi/donnees/"))

    with page.expect_download() as info:
        page.get_by_role("link", name="Télécharger mes données (ZIP)").click()
    download = info.value
    assert download.suggested_filename == "relais-mes-donnees.zip"
    archive = zipfile.ZipFile(io.BytesIO(open(download.path(), "rb").read()))
    html = archive.read("index.html").decode()

    # The page inside the ZIP opens in the browser and reads as a page.
    reader = page.context.new_page()
    reader.set_content(html)
    expect(reader.get_by_role("heading", level=1)).to_have_text(
        "Les données de Nora Petit sur Relais"
    )
    expect(reader.get_by_role("heading", level=2, name=re.compile("^Messages"))).to_be_visible()
    expect(reader.get_by_role("cell", name="Nos dons sont sur papier.")).to_be_visible()
    assert_no_blocking_violation(problems)

    # She deletes her account, keeping her messages as "former member".
    page.goto("/moi/")
    page.get_by_role("link", name="Supprimer mon compte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Supprimer mon compte")
    problems = scan(page, "delete-account", lambda: page.goto("/moi/supprimer/"))
    problems += scan(page, "privacy", lambda: page.goto("/confidentialite/"))
    page.goto("/moi/supprimer/")
    page.get_by_label("Les garder, signés « Ancien·ne membre »").check()
    page.get_by_label("Votre mot de passe, pour confirmer").fill(PASSWORD)
    page.get_by_role("button", name="Supprimer mon compte").click()
    expect(page.get_by_text("Votre compte sera supprimé le")).to_be_visible()
    expect(page.get_by_role("link", name="Créer mon compte")).to_be_visible()  # signed out
    assert_no_blocking_violation(problems)

    # The grace period ends.
    assert delete_due_accounts(now=timezone.now() + dt.timedelta(days=15)) == 1

    # Nowhere is her name: Bruno's pages, a visitor's pages, search, feeds, API, history.
    colleague = new_context()
    sign_in_as(colleague, bruno)
    reader = colleague.new_page()
    addresses = [
        room.get_absolute_url(),
        f"{room.get_absolute_url()}historique/",
        sheet.url,
        organisation.get_absolute_url(),
        "/organisations/",
        "/recherche/?q=Petit",  # (a search for "Nora" shows "Nora" as what was asked)
        f"/recherche/?q={sheet.title}",
        "/pratiques/",
        "/pratiques/feed/",
        "/agenda/feed.ics",
        "/api/v2/pages/?type=practices.PracticeSheetPage&fields=*",
        "/moi/notifications/",
        "/",
    ]
    for address in addresses:
        response = reader.request.get(address)
        assert response.status == 200, address
        assert "Nora" not in response.text(), address
    assert "Petit" not in reader.request.get("/recherche/?q=Nora").text()
    reader.goto(room.get_absolute_url())
    expect(reader.locator(".msg-author").first).to_have_text("Ancien·ne membre")
    expect(reader.get_by_text("Nos dons sont sur papier.")).to_be_visible()
    assert reader.request.get(f"/personnes/{nora.pk}/").status == 404
