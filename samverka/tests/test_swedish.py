from __future__ import annotations

import re
from pathlib import Path

from django.core import mail
from django.test import Client

from samverka.accounts.models import User
from samverka.invitations.services import invitation_create, send_invitation_mail
from samverka.networks.models import Network


def test_it_speaks_swedish_by_default(client: Client, alice: User) -> None:
    html = client.get("/konto/login/").content.decode()
    assert '<html lang="sv">' in html
    assert "Hoppa till innehållet" in html
    assert "Logga in i Samverka" in html
    assert "Tillgänglighetsredogörelse" in html
    client.force_login(alice)
    assert "Mina nätverk" in client.get("/").content.decode()


def test_it_states_accessibility_in_swedish(client: Client, db: None) -> None:
    html = client.get("/tillganglighet/").content.decode()
    assert "Tillgänglighetsredogörelse för Samverka" in html
    assert "lagen om tillgänglighet till digital offentlig service" in html
    assert "https://www.digg.se/tdosanmalan" in html


def test_it_writes_invitation_mails_in_swedish(network_a: Network) -> None:
    invitation, _ = invitation_create(
        network=network_a, email="nina@example.se", name="Nina", site_url="http://testserver"
    )
    send_invitation_mail(invitation, "http://testserver/inbjudan/x/")
    assert mail.outbox[0].subject == "Inbjudan till Nätverk A i Samverka"
    assert "Öppna länken" in str(mail.outbox[0].body)


def test_every_english_string_has_a_swedish_translation() -> None:
    """Source strings are English except model fields written in Swedish; none may
    reach a Swedish page untranslated (an empty msgstr, or a fuzzy guess)."""
    catalog = Path(__file__).resolve().parents[1] / "locale" / "sv" / "LC_MESSAGES" / "django.po"
    english = re.compile(r"\b(?:the|and|of|to|your|you|is|are|for|with|this|not|or|in)\b")
    untranslated = []
    for entry in catalog.read_text(encoding="utf-8").split("\n\n"):
        assert "#, fuzzy" not in entry, entry
        m = re.search(r'^msgid ((?:".*"\n)+)msgstr ""$', entry + "\n", re.M)
        msgid = "".join(re.findall(r'"(.*)"', m.group(1))) if m else ""
        if msgid and english.search(msgid) and not re.search(r"[åäöÅÄÖ]", msgid):
            untranslated.append(msgid)
    assert untranslated == []
