"""The boundary test of SECURITY.md: nobody gets into network B from outside it.

Every URL pattern of the project (walked with Django's resolver) is requested
with GET and POST, its arguments filled with network B's objects:

- as Alice, a member of network A only: 404 for every URL naming B's objects;
- as an anonymous visitor: a redirect to the login page, except the explicit
  allow-list of public pages;

and afterwards every row of Samverka's tables is unchanged. A URL without a row
in the tables below fails `test_it_knows_every_url_of_the_project`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from samverka.accounts.models import User
from samverka.calendars.tokens import token_for
from samverka.imports.models import PersonMerge, ReviewEntry
from samverka.invitations.services import invitation_create
from samverka.people.services import person_create

Filler = Callable[[dict[str, Any]], object]

# Samverka's own URLs that name an object of a network, by URL name: how each
# argument is filled with network B's objects. Alice must get 404 on all of them.
B_OBJECT_URLS: dict[str, dict[str, Filler]] = {
    "networks:detail": {"slug": lambda b: b["Network"].slug},
    "networks:situation": {"slug": lambda b: b["Network"].slug},
    "networks:attendance": {"slug": lambda b: b["Network"].slug},
    # A person seen only through network B is outside Alice's directory.
    "people:detail": {"pk": lambda b: b["Membership"].person_id},
    "meetings:detail": {"pk": lambda b: b["Meeting"].pk},
    "assignments:update_status": {"pk": lambda b: b["Assignment"].pk},
    "documents:source": {"pk": lambda b: b["SourceDocument"].pk},
    # Bob's own feed token: a browser logged in as Alice gets 404 with it.
    "calendars:feed": {"token": lambda b: b["calendar_token"]},
    "calendars:network_feed": {
        "token": lambda b: b["calendar_token"],
        "slug": lambda b: b["Network"].slug,
    },
    "calendars:regenerate": {"token": lambda b: b["calendar_token"]},
    "invitations:create": {"slug": lambda b: b["Network"].slug},
    # The emailed token of an invitation to B; Alice's address is not the invitee's.
    "invitations:accept": {"token": lambda b: b["invitation_token"]},
    "imports:review": {"slug": lambda b: b["Network"].slug},
    "imports:review_resolve": {
        "slug": lambda b: b["Network"].slug,
        "pk": lambda b: b["ReviewEntry"].pk,
    },
    "imports:merge_accept": {
        "slug": lambda b: b["Network"].slug,
        "pk": lambda b: b["ReviewEntry"].pk,
    },
    "imports:source_download": {"pk": lambda b: b["SourceDocument"].pk},
    # Site admins only: a merge of B's member, and B's member to split.
    "imports:merge_undo": {"pk": lambda b: b["PersonMerge"].pk},
    "imports:person_split": {"pk": lambda b: b["Membership"].person_id},
    # Site admins only: B's member's data as JSON.
    "privacy:export_person": {"pk": lambda b: b["Membership"].person_id},
}

# Samverka's own URLs without an object: each user sees only their own things there.
OWN_URLS: dict[str, dict[str, Filler]] = {
    "start": {},
    # The directory and the map show only what lies in the user's networks;
    # an organisation is open to all, its reports and people only where visible.
    "people:directory": {},
    "network_map": {},
    "organisations:detail": {"pk": lambda b: b["StatusReport"].organisation_id},
    "municipality_situation": {"pk": lambda b: b["StatusReport"].organisation_id},
    "search:results": {},
    # The user's own data, whoever asks.
    "privacy:export_own": {},
    "assignments:list": {},
    "meetings:decisions": {},
    "calendars:subscribe": {},
}

# Query strings that ask for B's records by the word planted in all of B's texts.
# Such pages may echo the word itself, never B's texts.
QUERIES = {
    "search:results": "?q=betaord",
    "meetings:decisions": "?q=betaord",
}

# Open to anonymous visitors by design.
PUBLIC_URLS = {
    "health",
    "accessibility",
    # The link in the invitation mail: the token is the credential.
    "invitations:accept",
    # Calendar programs fetch feeds without a session: the token is the credential.
    "calendars:feed",
    "calendars:network_feed",
}

# Third-party URL groups, handled deliberately:
# - allauth's pages (login, codes, password reset) are public by design and
#   protect their own logged-in pages; they must never fail or change data.
# - the Django admin lets only staff in: everyone else is redirected within /admin/.
THIRD_PARTY_MODULES = {"allauth.": "allauth"}
ADMIN_NAMESPACE = "admin"
ADMIN_PUBLIC = {"admin:login"}
THIRD_PARTY_ARGUMENTS: dict[str, str] = {
    "key": "not-a-key",
    "uidb36": "1",
    "object_id": "1",
    "id": "1",
    "content_type_id": "1",
    "app_label": "networks",
    "url": "anything/",
}

# Sent with every POST: what a form on these URLs would accept if the user were allowed.
POST_DATA = {
    "status": "done",
    "done_note": "changed from outside the network",
    "name": "Mallory",
    "email": "mallory@example.se",
    "role": "planning_lead",
    # Two different passwords: a public form may render errors, never create an account.
    "password1": "ett-langt-losenord-1",
    "password2": "ett-annat-losenord-2",
}


@dataclass(frozen=True)
class Route:
    path: str  # the pattern, e.g. "moten/<int:pk>/"
    name: str  # "meetings:detail"; "admin:None" for unnamed admin redirects
    module: str  # the view's module

    def build(self, values: Mapping[str, object]) -> str:
        """Return a concrete path: converters and regex groups replaced by `values`."""
        path = self.path
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), path)
        path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), path)
        path = re.sub(r"\([^)]*\)", "1", path)
        return "/" + path.replace("^", "").replace("$", "")

    @property
    def arguments(self) -> list[str]:
        return re.findall(r"<(?:\w+:)?(\w+)>", self.path) + re.findall(r"\(\?P<(\w+)>", self.path)


def walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[Route]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            full = f"{namespace}:{inner}" if namespace and inner else inner or namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), full)
        else:
            assert isinstance(pattern, URLPattern)
            name = f"{namespace}:{pattern.name}" if namespace else str(pattern.name)
            yield Route(prefix + str(pattern.pattern), name, pattern.callback.__module__)


def all_routes() -> list[Route]:
    return list(walk(get_resolver().url_patterns))


def kind_of(route: Route) -> str:
    if route.name in B_OBJECT_URLS:
        return "b_object"
    if route.name in OWN_URLS:
        return "own"
    if route.name in PUBLIC_URLS:
        return "public"
    if route.name.split(":")[0] == ADMIN_NAMESPACE:
        return "admin"
    if any(route.module.startswith(prefix) for prefix in THIRD_PARTY_MODULES):
        return "third_party"
    return "unknown"


def fill(route: Route, b: dict[str, Any]) -> str:
    fillers = B_OBJECT_URLS.get(route.name)
    if fillers is None:
        fillers = OWN_URLS.get(route.name)
    if fillers is not None:
        path = route.build({name: filler(b) for name, filler in fillers.items()})
        return path + QUERIES.get(route.name, "")
    return route.build(THIRD_PARTY_ARGUMENTS)


def leaks(route: Route, response: Any, b: dict[str, Any]) -> bool:
    """Return whether a response shows any of B's texts."""
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    texts = [
        b["AgendaItem"].title,
        b["Decision"].text,
        b["Assignment"].text,
        b["StatusReport"].text,
        b["Document"].title,
    ]
    html = content.decode(errors="replace")
    if route.name not in QUERIES and "betaord" in html:
        return True
    return any(text in html for text in texts)


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row of Samverka's own tables (history included), plus login rows by count."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for model in apps.get_models():
        if not model.__module__.startswith("samverka.") or model is User:
            continue
        manager: models.Manager[Any] = model._default_manager
        rows[model._meta.label] = list(manager.order_by("pk").values())
    # last_login moves when the test logs Alice in again; the rest must not.
    users = User.objects.order_by("pk").values_list("pk", "email", "password")
    rows["accounts.User"] = [
        dict(zip(("pk", "email", "password"), row, strict=True)) for row in users
    ]
    return rows


@pytest.fixture
def b(b_objects: dict[str, Any], bob: User) -> dict[str, Any]:
    _, token = invitation_create(
        network=b_objects["Network"],
        email="newcomer@example.se",
        name="Nils Nykomling",
        invited_by=bob,
        site_url="http://testserver",
    )
    person = b_objects["Membership"].person
    namesake = person_create(name=person.name, email="", organisation=None)
    review_entry = ReviewEntry.objects.create(
        network=b_objects["Network"],
        kind=ReviewEntry.Kind.MERGE_SUGGESTION,
        message=f"Samma person? {person.name}",
        person=namesake,
        other_person=person,
    )
    merge = PersonMerge.objects.create(kept=person, merged_person_id=0, merged_name="Bob B.")
    return {
        **b_objects,
        "invitation_token": token,
        "calendar_token": token_for(bob),
        "ReviewEntry": review_entry,
        "PersonMerge": merge,
    }


def test_it_knows_every_url_of_the_project() -> None:
    unknown = [f"{r.name} ({r.path})" for r in all_routes() if kind_of(r) == "unknown"]
    assert not unknown, f"URLs without a row in the boundary test: {unknown}"


def test_it_can_fill_every_argument() -> None:
    for route in all_routes():
        fillers = B_OBJECT_URLS.get(route.name) or OWN_URLS.get(route.name)
        known = set(fillers) if fillers is not None else set(THIRD_PARTY_ARGUMENTS)
        missing = set(route.arguments) - known
        assert not missing, f"{route.name} ({route.path}): no filler for {missing}"


def request(client: Client, method: str, path: str) -> Any:
    if method == "GET":
        return client.get(path)
    return client.post(path, POST_DATA)


def test_it_shows_alice_nothing_of_network_b(
    client: Client, alice: User, a_objects: dict[str, Any], b: dict[str, Any]
) -> None:
    before = snapshot()
    failures = []
    for route in all_routes():
        kind = kind_of(route)
        path = fill(route, b)
        for method in ("GET", "POST"):
            # Logging in again each time: allauth's logout URL ends the session.
            client.force_login(alice)
            response = request(client, method, path)
            status = response.status_code
            location = response.get("Location", "")
            if kind == "b_object":
                ok = status == 404
            elif kind == "own":
                ok = status == (200 if method == "GET" else 405)
            elif kind == "public":
                ok = status < 400 or (method == "POST" and status == 405)
            elif kind == "admin":
                ok = (route.name in ADMIN_PUBLIC and status == 200) or (
                    status == 302 and location.startswith("/admin/")
                )
            else:
                ok = status < 500
            if not ok:
                failures.append(f"{method} {path} [{route.name}]: {status} {location}")
            assert not leaks(route, response, b), f"{method} {path} shows B's minutes"
    assert not failures, "\n".join(failures)
    assert snapshot() == before, "a request from outside network B changed data"


def test_it_sends_anonymous_visitors_to_the_login_page(client: Client, b: dict[str, Any]) -> None:
    before = snapshot()
    login_url = reverse("account_login")
    failures = []
    for route in all_routes():
        kind = kind_of(route)
        path = fill(route, b)
        for method in ("GET", "POST"):
            response = request(client, method, path)
            status = response.status_code
            location = response.get("Location", "")
            if route.name in PUBLIC_URLS:
                ok = status < 400 or (method == "POST" and status == 405)
            elif kind in ("b_object", "own"):
                ok = status == 302 and location.startswith(login_url)
            elif kind == "admin":
                ok = (route.name in ADMIN_PUBLIC and status == 200) or (
                    status == 302 and location.startswith("/admin/")
                )
            else:
                ok = status < 500
            if not ok:
                failures.append(f"{method} {path} [{route.name}]: {status} {location}")
            assert not leaks(route, response, b), f"{method} {path} shows B's minutes"
    assert not failures, "\n".join(failures)
    assert snapshot() == before, "an anonymous request changed data"
