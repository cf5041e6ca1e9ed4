from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from samverka.accounts.models import User
from samverka.organisations.models import Organisation, name_key
from samverka.people.models import Person, PersonName, PersonOrganisation


def person_name_add(*, person: Person, name: str) -> PersonName:
    record, _ = PersonName.objects.get_or_create(
        person=person, key=name_key(name), defaults={"name": name.strip()}
    )
    return record


@transaction.atomic
def person_create(
    *,
    name: str,
    email: str = "",
    title: str = "",
    organisation: Organisation | None = None,
    since: datetime.date | None = None,
    user: User | None = None,
    name_variants: Iterable[str] = (),
) -> Person:
    """Create a person with their name forms and, if given, their organisation."""
    person = Person.objects.create(name=name.strip(), email=email, title=title, user=user)
    for variant in [name, *name_variants]:
        person_name_add(person=person, name=variant)
    if organisation is not None:
        PersonOrganisation.objects.create(
            person=person, organisation=organisation, title=title, start_date=since
        )
    return person


# --- privacy: a person's own data, and deactivation ------------------------------

EXPORT_FORMAT = "samverka.person-export/1"


def _day(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _name(value: object) -> str | None:
    return str(value) if value is not None else None


def person_export(person: Person) -> dict[str, Any]:
    """Return everything Samverka holds about `person`, as JSON-ready data.

    The records are the person's own (memberships, attendance, assignments, …);
    minutes text of other people is left out.
    """
    from samverka.assignments.models import Assignment
    from samverka.documents.models import Document
    from samverka.meetings.models import AgendaItem, Attendance, Meeting
    from samverka.networks.models import Membership, Representation

    return {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "person": {
            "id": person.pk,
            "name": person.name,
            "email": person.email,
            "title": person.title,
            "is_active": person.is_active,
        },
        "account": _account_export(person.user),
        "name_forms": list(person.names.values_list("name", flat=True)),
        "organisations": [
            {
                "organisation": p.organisation.name,
                "title": p.title,
                "start_date": _day(p.start_date),
                "end_date": _day(p.end_date),
            }
            for p in person.organisations.select_related("organisation")
        ],
        "memberships": [
            {
                "network": m.network.name,
                "role": m.get_role_display(),
                "is_coordinator": m.is_coordinator,
                "organisation": _name(m.organisation),
                "start_date": _day(m.start_date),
                "end_date": _day(m.end_date),
            }
            for m in Membership.objects.filter(person=person).select_related(
                "network", "organisation"
            )
        ],
        "representations": [
            {
                "network": r.network.name,
                "body": r.body.name,
                "body_detail": r.body_detail,
                "start_date": _day(r.start_date),
                "end_date": _day(r.end_date),
            }
            for r in Representation.objects.filter(person=person).select_related("network", "body")
        ],
        "attendance": [
            {
                "meeting_id": a.meeting_id,
                "network": a.meeting.network.name,
                "date": _day(a.meeting.date),
                "meeting": a.meeting.title,
                "status": a.get_status_display(),
                "role": a.get_role_display() if a.role else None,
                "organisation": _name(a.organisation),
            }
            for a in Attendance.objects.filter(person=person)
            .select_related("meeting__network", "organisation")
            .order_by("meeting__date")
        ],
        "items_raised": [
            {"meeting_id": i.meeting_id, "date": _day(i.meeting.date), "title": i.title}
            for i in AgendaItem.objects.filter(raised_by=person)
            .select_related("meeting")
            .order_by("meeting__date")
        ],
        "minutes_taken": [
            {"meeting_id": m.pk, "network": m.network.name, "date": _day(m.date)}
            for m in Meeting.objects.filter(minute_taker=person).select_related("network")
        ],
        "assignments": [
            {
                "id": a.pk,
                "network": a.network.name,
                "text": a.text,
                "status": a.get_status_display(),
                "due_date": _day(a.due_date),
                "meeting_date": _day(a.meeting.date) if a.meeting else None,
                "done_note": a.done_note,
            }
            for a in Assignment.objects.filter(assignee_person=person).select_related(
                "network", "meeting"
            )
        ],
        "documents_uploaded": [
            {"title": d.title, "network": d.network.name, "uploaded_at": d.uploaded_at.isoformat()}
            for d in Document.objects.filter(uploaded_by=person.user_id).select_related("network")
        ]
        if person.user_id
        else [],
    }


def _account_export(user: User | None) -> dict[str, Any] | None:
    from allauth.account.models import EmailAddress
    from axes.models import AccessLog

    if user is None:
        return None
    return {
        "email": user.email,
        "is_active": user.is_active,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
        "logins": [
            {
                "at": log.attempt_time.isoformat(),
                "ip_address": log.ip_address,
                "user_agent": log.user_agent,
            }
            for log in AccessLog.objects.filter(username=user.email).order_by("attempt_time")
        ],
    }


@transaction.atomic
def person_deactivate(*, person: Person, by: User | None = None) -> Person:
    """Remove the person's login and contact details; keep their name in the minutes.

    The archive law keeps adopted minutes whole, so the person, their name forms,
    attendance, items and assignments stay. What goes: the email address (on the
    person and in its history), the login (made inactive, password unusable,
    address replaced, sessions and pending login codes ended, allauth addresses,
    OIDC connections, login records) and pending invitations; current
    memberships and representations end today.
    """
    from samverka.invitations.models import Invitation
    from samverka.networks.models import Membership, Representation
    from samverka.networks.services import membership_end

    today = timezone.localdate()
    addresses = {a.lower() for a in (person.email, person.user.email if person.user else "") if a}
    if person.user is not None:
        _user_deactivate(person.user)
    for membership in Membership.objects.filter(person=person).current(today):
        membership_end(membership=membership, end_date=today, by=by)
    for representation in Representation.objects.filter(person=person).current(today):
        representation.end_date = today
        representation._history_user = by  # type: ignore[attr-defined]
        representation.save(update_fields=["end_date"])
    for address in addresses:
        Invitation.objects.filter(email__iexact=address, accepted_at__isnull=True).delete()
        Invitation.objects.filter(email__iexact=address).update(email="")
    person.history.update(email="")
    person.email = ""
    person.is_active = False
    person._history_user = by  # type: ignore[attr-defined]
    person.save(update_fields=["email", "is_active"])
    return person


def _user_deactivate(user: User) -> None:
    from allauth.account.models import EmailAddress
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    old_email = user.email
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=old_email).delete()
    EmailAddress.objects.filter(user=user).delete()
    if apps.is_installed("allauth.socialaccount"):
        from allauth.socialaccount.models import SocialAccount

        SocialAccount.objects.filter(user=user).delete()
    user_sessions_end(user=user)
    # The address is unique and required: an address that can never receive mail.
    user.email = f"deactivated-{user.pk}@invalid"
    user.first_name = user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()


def user_sessions_end(*, user: User) -> int:
    """Delete the user's sessions, logged in or waiting for a login code; return how many.

    Database sessions are decoded one by one: there is no index on their owner.
    """
    from django.contrib.sessions.models import Session

    user_id, email = str(user.pk), user.email.lower()
    ended = [
        session.pk
        for session in Session.objects.iterator()
        if _session_of(session.get_decoded(), user_id, email)
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


def _session_of(data: dict[str, Any], user_id: str, email: str) -> bool:
    if str(data.get("_auth_user_id", "")) == user_id:
        return True
    # allauth keeps a pending login (e.g. a login code sent by mail) under account_* keys.
    pending = {key: value for key, value in data.items() if key.startswith("account_")}
    return email in json.dumps(pending, default=str).lower()
