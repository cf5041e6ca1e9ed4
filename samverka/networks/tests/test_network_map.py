"""The network map: drawn by the server, the same networks in the SVG and in the list."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client
from django.urls import reverse

from samverka import testing
from samverka.accounts.models import User
from samverka.networks.models import Network
from samverka.networks.services import network_create


def networks_in(html: str, part: str) -> set[str]:
    """Return the slugs marked in the SVG ("svg") or in the list after it ("list")."""
    svg_end = html.index("</svg>")
    text = html[html.index("<svg") : svg_end] if part == "svg" else html[svg_end:]
    return set(re.findall(r'data-network="([^"]+)"', text))


def test_it_draws_the_same_networks_as_it_lists(
    client: Client, alice: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    network = a_objects["Network"]
    testing.make_member(
        network_create(name="Undernätverk A1", slug="a1", parent=network), alice.person
    )
    network_create(name="Hemligt undernätverk", slug="a2", parent=network)  # Alice is not in it
    public = network_create(name="Öppna nätverket", slug="oppet")
    public.visibility = Network.Visibility.MINUTES_PUBLIC
    public.save()
    client.force_login(alice)
    html = client.get(reverse("network_map")).content.decode()
    assert networks_in(html, "svg") == networks_in(html, "list") == {"natverk-a", "a1", "oppet"}
    assert 'role="img"' in html and "<title" in html and "<desc" in html
    assert "Medelpunkten: Alice Andersson" in html  # the body with A's representative
    assert "Nätverk B" not in html and "Bob Berg" not in html


def test_it_indents_sub_networks_under_their_parent(
    client: Client, alice: User, network_a: Network
) -> None:
    child = network_create(name="Undernätverk A1", slug="a1", parent=network_a)
    testing.make_member(child, alice.person)
    client.force_login(alice)
    html = client.get(reverse("network_map")).content.decode()
    xs = dict(re.findall(r'data-network="([^"]+)">\s*<rect x="(\d+)"', html))
    assert int(xs["a1"]) > int(xs["natverk-a"])


def test_it_shows_a_site_admin_every_network(
    client: Client, site_admin: User, network_a: Network, network_b: Network
) -> None:
    client.force_login(site_admin)
    html = client.get(reverse("network_map")).content.decode()
    assert networks_in(html, "svg") == {"natverk-a", "natverk-b"}


def test_it_shows_a_guest_no_network(client: Client, guest_a: User) -> None:
    client.force_login(guest_a)
    html = client.get(reverse("network_map")).content.decode()
    assert "<svg" not in html
