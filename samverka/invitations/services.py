"""Invite a person to a network by email, and turn an accepted invitation into a membership."""

from __future__ import annotations

import datetime
import secrets
from functools import partial

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from samverka.accounts.models import User
from samverka.invitations.models import Invitation, token_hash
from samverka.networks.models import Membership, Network
from samverka.networks.services import membership_add
from samverka.organisations.models import Organisation
from samverka.people.models import Person
from samverka.people.services import person_create

VALID_FOR = datetime.timedelta(days=14)


@transaction.atomic
def invitation_create(
    *,
    network: Network,
    email: str,
    name: str,
    role: str = Membership.Role.MEMBER,
    organisation: Organisation | None = None,
    invited_by: User | None = None,
    site_url: str,
) -> tuple[Invitation, str]:
    """Store an invitation and mail its link once the transaction has committed.

    Return the invitation and its secret token (only its hash is stored).
    """
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        network=network,
        email=email.strip().lower(),
        name=name.strip(),
        role=role,
        organisation=organisation,
        invited_by=invited_by,
        token_hash=token_hash(token),
        expires_at=timezone.now() + VALID_FOR,
    )
    link = site_url.rstrip("/") + reverse("invitations:accept", kwargs={"token": token})
    transaction.on_commit(partial(send_invitation_mail, invitation, link))
    return invitation, token


def send_invitation_mail(invitation: Invitation, link: str) -> None:
    """The mail names the network and carries the link, never any minutes text."""
    context = {
        "network_name": invitation.network.name,
        "link": link,
        "expires_at": invitation.expires_at,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("invitations/email/invitation_subject.txt", context)
        body = render_to_string("invitations/email/invitation_message.txt", context)
    send_mail(" ".join(subject.split()), body, None, [invitation.email])


def pending_invitation(token: str) -> Invitation | None:
    return Invitation.objects.pending().for_token(token).select_related("network").first()


def account_exists(email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, user: User | None = None, password: str | None = None
) -> User:
    """Make the invitee a current member, creating their account if they have none.

    Holding the emailed link proves the address, so it is marked verified; without
    a password the invitee logs in with one-time codes by email.
    """
    if user is None:
        user = User.objects.create_user(invitation.email, password)
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    person = person_for_user(user, invitation)
    already = Membership.objects.current().filter(person=person, network=invitation.network)
    if not already.exists():
        membership_add(
            network=invitation.network,
            person=person,
            role=Membership.Role(invitation.role),
            organisation=invitation.organisation,
            start_date=timezone.localdate(),
            by=user,
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


def person_for_user(user: User, invitation: Invitation) -> Person:
    """Return the user's person: linked already, known by email from minutes, or new."""
    person = Person.objects.filter(user=user).first()
    if person is None:
        person = Person.objects.filter(user__isnull=True, email__iexact=user.email).first()
    if person is None:
        return person_create(
            name=invitation.name,
            email=user.email,
            organisation=invitation.organisation,
            since=timezone.localdate(),
            user=user,
        )
    if person.user_id is None:
        person.user = user
        person.save(update_fields=["user"])
    return person
