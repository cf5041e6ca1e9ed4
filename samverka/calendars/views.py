from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from samverka.accounts.access import Action, can
from samverka.accounts.models import User
from samverka.calendars import ics, tokens
from samverka.calendars.services import calendar_key_regenerate
from samverka.meetings.models import Meeting
from samverka.methods import POST, SAFE, refuse_method
from samverka.networks.models import Network


def get_feed_owner(request: HttpRequest, token: str) -> User:
    """Return the owner of a feed token, or raise Http404.

    Calendar programs fetch feeds without a session: the token is the
    credential. A browser logged in as someone else gets 404 all the same, so
    one member's session never shows another member's calendar.
    """
    owner = tokens.owner_of(token)
    if owner is None:
        raise Http404
    if request.user.is_authenticated and request.user.pk != owner.pk:
        raise Http404
    return owner


@login_required
@require_safe
def subscribe(request: HttpRequest) -> HttpResponse:
    """The page "Lägg till i kalender": the user's feed URLs and a way to replace them."""
    assert isinstance(request.user, User)  # login_required
    token = tokens.token_for(request.user)
    networks = Network.objects.visible_to(request.user).active()
    feeds = [
        (network, _absolute(request, "calendars:network_feed", token=token, slug=network.slug))
        for network in networks
    ]
    context = {
        "token": token,
        "personal_feed": _absolute(request, "calendars:feed", token=token),
        "network_feeds": feeds,
    }
    return render(request, "calendars/subscribe.html", context)


@login_required
def regenerate(request: HttpRequest, token: str) -> HttpResponse:
    """Replace the feed URLs; the old token in the URL proves which ones are replaced."""
    owner = get_feed_owner(request, token)
    if refused := refuse_method(request, POST):
        return refused
    calendar_key_regenerate(user=owner)
    messages.success(request, _("Your calendar links were replaced. Add the new link again."))
    return redirect("calendars:subscribe")


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """Every meeting the token's owner may see, as an ICS feed."""
    owner = get_feed_owner(request, token)
    if refused := refuse_method(request, SAFE):
        return refused
    meetings = ics.feed_meetings(Meeting.objects.visible_to(owner))
    return _ics_response(request, _("Samverka – my meetings"), meetings)


def network_feed(request: HttpRequest, token: str, slug: str) -> HttpResponse:
    """One network's meetings, as an ICS feed, for a member of the network."""
    owner = get_feed_owner(request, token)
    network = Network.objects.filter(slug=slug).first()
    if network is None or not can(owner, Action.VIEW_NETWORK, network):
        raise Http404
    if refused := refuse_method(request, SAFE):
        return refused
    meetings = ics.feed_meetings(Meeting.objects.visible_to(owner).for_network(network))
    return _ics_response(request, f"Samverka – {network.name}", meetings)


def _absolute(request: HttpRequest, name: str, **kwargs: str) -> str:
    return request.build_absolute_uri(reverse(name, kwargs=kwargs))


def _ics_response(request: HttpRequest, name: str, meetings: QuerySet[Meeting]) -> HttpResponse:
    body = ics.calendar(name, meetings, lambda m: request.build_absolute_uri(m.get_absolute_url()))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="samverka.ics"'
    response["Cache-Control"] = "private, no-cache"
    response["X-Content-Type-Options"] = "nosniff"
    return response
