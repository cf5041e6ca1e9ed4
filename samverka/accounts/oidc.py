"""Login through a municipality's identity provider (OIDC), when one is configured.

Loaded only when settings.SOCIALACCOUNT_PROVIDERS names a provider, which also
installs allauth's socialaccount app (see `oidc_providers` in settings.py).
"""

from __future__ import annotations

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialLogin
from django.http import HttpRequest
from django.shortcuts import render

from samverka.accounts.models import User


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """An identity provider's login reaches only an account that an invitation created.

    The first login connects the provider's account to the active user with the
    same address, if the provider vouches for that address (`email_verified`, or
    a domain listed in OIDC_<ID>_EMAIL_DOMAINS); anyone else sees a page saying
    that an invitation is needed. No account is ever created here.
    """

    def is_open_for_signup(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        return False

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        if sociallogin.is_existing:
            return
        user = invited_user(sociallogin)
        if user is None:
            page = render(request, "accounts/oidc_not_invited.html", status=403)
            raise ImmediateHttpResponse(page)
        sociallogin.connect(request, user)


def invited_user(sociallogin: SocialLogin) -> User | None:
    """Return the active user whose address the provider vouches for, if exactly one."""
    addresses = {a.email.lower() for a in sociallogin.email_addresses if a.verified and a.email}
    if not addresses:
        return None
    matches = {
        user.pk: user
        for address in addresses
        for user in User.objects.filter(is_active=True, email__iexact=address)
    }
    return next(iter(matches.values())) if len(matches) == 1 else None
