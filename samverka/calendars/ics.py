"""Meetings as an RFC 5545 calendar.

Each meeting is one event with a stable UID, so a calendar that subscribes to
the feed updates a moved meeting instead of adding it twice; SEQUENCE follows
the meeting's version and LAST-MODIFIED its latest saved change. An event
carries the network, time, place and a link, never minutes text: calendar
providers keep copies.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from icalendar import Calendar, Event

from samverka.meetings.models import Meeting

PRODID = "-//Samverka//Samverka//SV"
# A subscribed calendar needs no ancient history; what is planned is what matters.
DAYS_BACK = 366


def feed_meetings(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Return the meetings of a feed from a year back, with when each last changed."""
    since = timezone.localdate() - datetime.timedelta(days=DAYS_BACK)
    changed = Meeting.history.filter(id=OuterRef("pk")).order_by("-history_date")
    return (
        meetings.filter(date__gte=since)
        .select_related("network")
        .annotate(last_changed=Subquery(changed.values("history_date")[:1]))
        .order_by("date", "start_time", "pk")
    )


def uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.pk}@samverka"


def _event(meeting: Meeting, url: str, stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", uid(meeting))
    event.add("dtstamp", stamp)
    event.add("sequence", max(meeting.version - 1, 0))
    last_changed = getattr(meeting, "last_changed", None)
    if last_changed is not None:
        event.add("last-modified", last_changed.astimezone(datetime.UTC))
    title = f"{meeting.network.name}: {meeting.title}" if meeting.title else meeting.network.name
    event.add("summary", title)
    if meeting.start_time is None:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + datetime.timedelta(days=1))
    else:
        event.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
        if meeting.end_time is not None and meeting.end_time > meeting.start_time:
            end = timezone.make_aware(datetime.datetime.combine(meeting.date, meeting.end_time))
            event.add("dtend", end.astimezone(datetime.UTC))
    place = meeting.place or meeting.digital_link
    if place:
        event.add("location", place)
    event.add("url", url)
    event.add("description", url)
    cancelled = meeting.status == Meeting.Status.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def calendar(name: str, meetings: Iterable[Meeting], url_of: Callable[[Meeting], str]) -> bytes:
    """Return the feed as bytes; `url_of` gives each meeting's absolute page URL."""
    feed = Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for meeting in meetings:
        feed.add_component(_event(meeting, url_of(meeting), stamp))
    return feed.to_ical()
