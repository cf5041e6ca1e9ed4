from typing import Any

from django.contrib.auth.models import AnonymousUser

from samverka.accounts.models import User
from samverka.documents.models import Document, SourceDocument
from samverka.networks.models import Membership, Network, Representation
from samverka.organisations.models import Organisation
from samverka.people.models import Person

NETWORK_MODELS = [Network, Membership, Representation, Document, SourceDocument]


def test_it_shows_each_persona_its_own_networks_records(
    alice: User,
    bob: User,
    coordinator_a: User,
    a_objects: dict[str, Any],
    b_objects: dict[str, Any],
) -> None:
    for user, own, other in [(alice, a_objects, b_objects), (bob, b_objects, a_objects)]:
        for model in NETWORK_MODELS:
            visible = set(model.objects.visible_to(user))  # type: ignore[attr-defined]
            assert own[model.__name__] in visible, (user, model)
            assert other[model.__name__] not in visible, (user, model)
    assert set(Network.objects.visible_to(coordinator_a)) == {a_objects["Network"]}


def test_it_shows_a_guest_no_network_but_the_invited_meetings_documents(
    guest_a: User, a_objects: dict[str, Any]
) -> None:
    assert not Network.objects.visible_to(guest_a).exists()
    assert not Membership.objects.visible_to(guest_a).exists()
    assert not Document.objects.visible_to(guest_a).exists()


def test_it_shows_a_site_admin_everything(
    site_admin: User, a_objects: dict[str, Any], b_objects: dict[str, Any]
) -> None:
    for model in NETWORK_MODELS:
        assert model.objects.visible_to(site_admin).count() == 2, model  # type: ignore[attr-defined]


def test_it_shows_an_anonymous_visitor_nothing(
    anonymous: AnonymousUser, a_objects: dict[str, Any]
) -> None:
    for model in [*NETWORK_MODELS, Person, Organisation]:
        assert not model.objects.visible_to(anonymous).exists(), model  # type: ignore[attr-defined]


def test_it_shows_the_directory_of_people_to_every_logged_in_user(
    bob: User, a_objects: dict[str, Any]
) -> None:
    assert Person.objects.visible_to(bob).filter(name="Alice Andersson").exists()


def test_it_forgets_a_network_when_the_membership_ends(
    alice: User, a_objects: dict[str, Any]
) -> None:
    alice.person.memberships.update(end_date="2021-01-01")
    assert not Network.objects.visible_to(alice).exists()
