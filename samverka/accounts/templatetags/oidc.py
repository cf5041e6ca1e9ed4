"""`{% oidc_login_buttons %}`: a login button per configured identity provider, or nothing."""

from __future__ import annotations

from typing import Any

from django import template
from django.apps import apps

register = template.Library()


@register.inclusion_tag("accounts/oidc_buttons.html", takes_context=True)
def oidc_login_buttons(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    if request is None or not apps.is_installed("allauth.socialaccount"):
        return {"buttons": []}
    from allauth.socialaccount.adapter import get_adapter

    buttons = [
        {"name": provider.name, "url": provider.get_login_url(request, process="login")}
        for provider in get_adapter(request).list_providers(request)
    ]
    return {"buttons": buttons, "csrf_token": context.get("csrf_token")}
