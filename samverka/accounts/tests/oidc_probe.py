"""Run by test_oidc.py in a child process whose environment configures an OIDC provider.

Settings are read once per process, so the configured installation (with
allauth's socialaccount app) needs a process of its own. Print the findings as JSON.
"""

from __future__ import annotations

import json
from typing import Any

import django


def main() -> dict[str, Any]:
    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    return {**login_page(), **adapter_checks()}


def login_page() -> dict[str, Any]:
    from django.test import Client

    page = Client().get("/konto/login/")
    html = page.content.decode()
    return {
        "login_status": page.status_code,
        "button": "Helsingborgs stad" in html,
        "button_posts_to": "/konto/oidc/helsingborg/login/" in html,
    }


def adapter_checks() -> dict[str, Any]:
    from allauth.core.exceptions import ImmediateHttpResponse
    from allauth.socialaccount.adapter import get_adapter
    from allauth.socialaccount.models import SocialAccount
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.http import HttpRequest, HttpResponse
    from django.test import RequestFactory

    from samverka.accounts.models import User

    def request() -> HttpRequest:
        made = RequestFactory().get("/konto/oidc/helsingborg/login/callback/")
        SessionMiddleware(lambda r: HttpResponse()).process_request(made)
        made.user = AnonymousUser()
        return made

    adapter = get_adapter()
    provider = adapter.get_provider(request(), "helsingborg")
    invited = User.objects.create_user("anna@helsingborg.se")
    User.objects.create_user("bo@example.com")  # invited with an address outside the domain

    def outcome(claims: dict[str, Any]) -> Any:
        login = provider.sociallogin_from_response(request(), claims)
        try:
            adapter.pre_social_login(request(), login)
        except ImmediateHttpResponse as refused:
            return refused.response.status_code
        return login.user.email if login.user else None

    return {
        "adapter": type(adapter).__name__,
        "signup_open": adapter.is_open_for_signup(request(), None),
        "invited": outcome({"sub": "1", "email": "Anna@helsingborg.se"}),
        "connected": SocialAccount.objects.filter(user=invited, uid="1").exists(),
        "stranger": outcome({"sub": "2", "email": "eve@helsingborg.se"}),
        "other_domain": outcome({"sub": "3", "email": "bo@example.com"}),
        "unvouched": outcome({"sub": "4", "email": "bo@example.com", "email_verified": False}),
        "verified_claim": outcome({"sub": "5", "email": "bo@example.com", "email_verified": True}),
    }


if __name__ == "__main__":
    print(json.dumps(main()))
