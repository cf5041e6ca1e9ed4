import datetime

import pytest

from samverka.accounts.models import User
from samverka.meetings.models import Meeting
from samverka.meetings.services import MeetingChangedError, meeting_update
from samverka.networks.models import Network


def test_it_records_who_changed_a_meeting_and_when(meeting_a: Meeting, coordinator_a: User) -> None:
    meeting_update(meeting=meeting_a, version=meeting_a.version, place="Höganäs", by=coordinator_a)
    latest = meeting_a.history.latest()
    assert latest.place == "Höganäs"
    assert latest.history_user == coordinator_a
    assert latest.history_date.tzinfo is not None
    assert meeting_a.history.count() == 2


def test_it_refuses_the_second_of_two_saves_from_the_same_version(
    meeting_a: Meeting, coordinator_a: User
) -> None:
    loaded = meeting_a.version
    meeting_update(meeting=meeting_a, version=loaded, place="Bjuv", by=coordinator_a)
    with pytest.raises(MeetingChangedError) as refused:
        meeting_update(meeting=meeting_a, version=loaded, place="Klippan", by=coordinator_a)
    assert refused.value.current.place == "Bjuv"
    meeting_a.refresh_from_db()
    assert (meeting_a.place, meeting_a.version) == ("Bjuv", loaded + 1)


def test_it_changes_only_fields_an_editor_may_change(
    meeting_a: Meeting, network_b: Network
) -> None:
    with pytest.raises(ValueError, match="network"):
        meeting_update(meeting=meeting_a, version=meeting_a.version, network=network_b)


def test_it_keeps_the_date_change_in_history(meeting_a: Meeting) -> None:
    new_date = meeting_a.date + datetime.timedelta(days=1)
    meeting_update(meeting=meeting_a, version=meeting_a.version, date=new_date)
    assert [h.date for h in meeting_a.history.all()][:1] == [new_date]
