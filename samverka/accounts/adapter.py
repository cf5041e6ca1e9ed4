from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created from invitations only, never by open signup."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False
