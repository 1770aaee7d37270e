"""A member downloads their data in Chromium: from /moi/ to "Mes données", asks for the
file, downloads the ZIP, opens it and reads its page (axe-clean at both widths, as the
"Mes données" page)."""

from __future__ import annotations

import io
import re
import uuid
import zipfile

import pytest
from playwright.sync_api import expect

from rooms.services import creation, posting
from tests.e2e.test_accessibility import assert_no_blocking_violation, scan
from tests.factories import MembershipFactory

pytestmark = pytest.mark.e2e


def test_a_member_downloads_their_data_opens_the_zip_and_reads_it(page, sign_in_as):
    nora = MembershipFactory(
        organisation__name="La Ressourcerie du Val", user__display_name="Nora Petit"
    ).user
    room = creation.create_theme_room(title="Réemploi")
    posting.post_message(
        user=nora, room=room, body="Nos dons sont sur papier.", client_id=uuid.uuid4()
    )
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
