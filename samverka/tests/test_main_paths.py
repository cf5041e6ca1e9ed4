"""The main paths of a member, walked in headless Chromium against a live server.

Log in, open a meeting, jump to the source and see the highlight, filter the
assignments in place, mark one done, add the calendar feed. Skipped where
Chromium is missing; CI (SAMVERKA_REQUIRE_ALL=1) turns the skip into a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import icalendar
import pytest
from django.urls import reverse

from samverka import testing
from samverka.accounts.models import User
from samverka.assignments.models import Assignment
from samverka.assignments.services import assignment_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FILLER = "Övrigt som sades på mötet.\n" * 150


@pytest.fixture
def page(live_server: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    with testing.chromium_browser(monkeypatch) as browser:
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": 390, "height": 800}
        )
        yield context.new_page()


@pytest.fixture
def minutes(alice: User, coordinator_a: User, a_objects: dict[str, Any]) -> dict[str, Any]:
    """A's meeting read from a long source document, its decision pointing into it."""
    source = a_objects["SourceDocument"]
    source.text = FILLER + "Beslut: att anta handlingsplanen mot våld.\n" + FILLER
    source.save()
    decision = a_objects["Decision"]
    decision.source_document = source
    decision.source_start = source.text.index("att anta")
    decision.source_end = source.text.index(".\n", decision.source_start)
    decision.save()
    network = a_objects["Network"]
    assignment_create(network=network, text="Boka lokal i Höganäs", person=coordinator_a.person)
    return a_objects


def log_in(page: Any, user: User) -> None:
    page.goto(reverse("account_login"))
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", testing.PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url("**/")


def test_a_member_walks_the_main_paths(page: Any, alice: User, minutes: dict[str, Any]) -> None:
    meeting = minutes["Meeting"]
    log_in(page, alice)

    # Open the meeting from the latest decisions on the start page.
    page.click(f"#latest-decisions ~ ul a[href^='{meeting.get_absolute_url()}']")
    page.wait_for_url(f"**{meeting.get_absolute_url()}*")
    assert minutes["Decision"].text in page.inner_text("main")

    # Jump to the source: the decision's span is marked and scrolled into view.
    page.click(f"#decision-{minutes['Decision'].pk} a.source-link")
    page.wait_for_url("**/kallor/**#hit")
    hit = page.locator("mark#hit")
    assert hit.inner_text() == "att anta handlingsplanen mot våld"
    assert hit.is_visible()
    box = hit.bounding_box()
    assert box is not None and box["y"] + box["height"] > 0 and box["y"] < 800, "scrolled to it"

    # Filter the assignments in place: htmx swaps the list, the page stays.
    page.goto(reverse("assignments:list"))
    assert "Boka lokal i Höganäs" in page.inner_text("#results")
    page.select_option("#id_assignee", str(alice.person.pk))
    page.wait_for_function(
        "() => !document.querySelector('#results').innerText.includes('Boka lokal')"
    )
    assert minutes["Assignment"].text in page.inner_text("#results")
    assert "assignee=" in page.url

    # Mark Alice's own assignment done with a note.
    assignment = minutes["Assignment"]
    card = page.locator(f"#assignment-{assignment.pk}")
    card.locator("select[name=status]").select_option("done")
    card.locator("input[name=done_note]").fill("Underlaget skickat till alla")
    card.locator("button[type=submit]").click()
    page.wait_for_selector(f"#assignment-{assignment.pk} .badge--done")
    assignment.refresh_from_db()
    assert (assignment.status, assignment.done_note) == (
        Assignment.Status.DONE,
        "Underlaget skickat till alla",
    )

    # Add the calendar feed: the page gives a URL that a calendar can read.
    page.goto("/")
    page.click(f"a[href='{reverse('calendars:subscribe')}']")
    url = page.input_value("#feed-url")
    response = page.request.get(url)
    assert response.ok
    calendar = icalendar.Calendar.from_ical(response.body())
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    assert f"meeting-{meeting.pk}@samverka" in uids
