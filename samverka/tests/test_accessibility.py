"""axe-core finds no serious or critical WCAG 2.1 A/AA violation on any page (SECURITY.md).

Runs the pages in headless Chromium (the Debian `chromium` package) against a
live server. Skipped where Chromium is missing; CI (SAMVERKA_REQUIRE_ALL=1)
turns the skip into a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from samverka import testing
from samverka.accounts.models import User
from samverka.invitations.services import invitation_create
from samverka.networks.models import Network

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    with testing.chromium_browser(monkeypatch) as instance:
        yield instance


def violations(browser: Any, base_url: str, path: str, user: User | None = None) -> list[str]:
    # The page's CSP forbids injected scripts; the test bypasses it to load axe.
    context = browser.new_context(bypass_csp=True)
    if user is not None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies["sessionid"].value
        context.add_cookies([{"name": "sessionid", "value": cookie, "url": base_url}])
    page = context.new_page()
    page.goto(base_url + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    context.close()
    return [
        f"{path}: {v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_it_finds_no_serious_violation_on_any_page(
    browser: Any,
    live_server: Any,
    alice: User,
    coordinator_a: User,
    a_objects: dict[str, Any],
    network_a: Network,
) -> None:
    _, token = invitation_create(
        network=network_a, email="nina@example.se", name="Nina", site_url=live_server.url
    )
    public = [
        reverse("account_login"),
        reverse("account_request_login_code"),
        reverse("account_reset_password"),
        reverse("accessibility"),
        reverse("invitations:accept", kwargs={"token": token}),
        "/finns-inte/",
    ]
    member = [
        "/",
        network_a.get_absolute_url(),
        a_objects["Meeting"].get_absolute_url(),
        reverse("networks:situation", kwargs={"slug": network_a.slug}),
        reverse("networks:attendance", kwargs={"slug": network_a.slug}),
        reverse("municipality_situation", kwargs={"pk": a_objects["StatusReport"].organisation_id}),
        reverse("people:directory"),
        reverse("people:detail", kwargs={"pk": coordinator_a.person.pk}),
        reverse("organisations:detail", kwargs={"pk": a_objects["StatusReport"].organisation_id}),
        reverse("network_map"),
        reverse("assignments:list"),
        reverse("meetings:decisions"),
        reverse("calendars:subscribe"),
        reverse("documents:source", kwargs={"pk": a_objects["SourceDocument"].pk})
        + "?start=0&end=8#hit",
    ]
    coordinator = [reverse("invitations:create", kwargs={"slug": network_a.slug})]
    found: list[str] = []
    for path in public:
        found += violations(browser, live_server.url, path)
    for path in member:
        found += violations(browser, live_server.url, path, alice)
    for path in coordinator:
        found += violations(browser, live_server.url, path, coordinator_a)
    assert not found, "\n".join(found)
