from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samverka.accounts.access import Action, get_network_for_user
from samverka.accounts.models import User
from samverka.invitations.forms import InvitationForm, SetPasswordForm
from samverka.invitations.models import Invitation
from samverka.invitations.services import (
    account_exists,
    invitation_accept,
    invitation_create,
    pending_invitation,
)

LOGIN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


@login_required
def create(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_network_for_user(request, slug, action=Action.INVITE)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        assert isinstance(request.user, User)
        invitation_create(
            network=network,
            email=form.cleaned_data["email"],
            name=form.cleaned_data["name"],
            role=form.cleaned_data["role"],
            organisation=form.cleaned_data["organisation"],
            invited_by=request.user,
            site_url=request.build_absolute_uri("/"),
        )
        messages.success(
            request, _("An invitation has been sent to %(email)s.") % form.cleaned_data
        )
        return redirect(network)
    return render(request, "invitations/create.html", {"network": network, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def accept(request: HttpRequest, token: str) -> HttpResponse:
    """The emailed link: the token is the credential, so this page is public.

    A logged-in user may accept only an invitation sent to their own address.
    """
    invitation = pending_invitation(token)
    if invitation is None:
        raise Http404
    if request.user.is_authenticated:
        return accept_as_user(request, invitation)
    if account_exists(invitation.email):
        # The account exists: log in first (password or code), then come back here.
        return render(request, "invitations/accept_login.html", {"invitation": invitation})
    return accept_as_newcomer(request, invitation)


def accept_as_user(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if user.email.lower() != invitation.email:
        raise Http404
    if request.method == "POST":
        invitation_accept(invitation=invitation, user=user)
        messages.success(request, _("Welcome to %(network)s.") % {"network": invitation.network})
        return redirect(invitation.network)
    return render(request, "invitations/accept.html", {"invitation": invitation})


def accept_as_newcomer(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    """Create the account with a password, or without one to log in by emailed codes."""
    form = SetPasswordForm(email=invitation.email)
    if request.method == "POST":
        if request.POST.get("without_password"):
            user = invitation_accept(invitation=invitation)
            return welcome(request, invitation, user)
        form = SetPasswordForm(request.POST, email=invitation.email)
        if form.is_valid():
            password = form.cleaned_data["password1"]
            user = invitation_accept(invitation=invitation, password=password)
            return welcome(request, invitation, user)
    context = {"invitation": invitation, "form": form}
    return render(request, "invitations/accept_new.html", context)


def welcome(request: HttpRequest, invitation: Invitation, user: User) -> HttpResponse:
    login(request, user, backend=LOGIN_BACKEND)
    messages.success(request, _("Welcome to %(network)s.") % {"network": invitation.network})
    return redirect(invitation.network)
