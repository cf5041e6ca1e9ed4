from __future__ import annotations

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
