"""Transactional tests empty every table; the shared conftest puts reference data back."""

import pytest

from samverka.organisations.models import Organisation


@pytest.mark.django_db(transaction=True)
def test_it_has_reference_data_in_a_transactional_test() -> None:
    assert Organisation.objects.municipalities().count() == 290


@pytest.mark.django_db(transaction=True)
def test_it_has_reference_data_again_after_the_previous_one_emptied_the_tables() -> None:
    assert Organisation.objects.municipalities().count() == 290
    assert Organisation.objects.get(name="Familjen Helsingborg").members.count() == 11
    assert Organisation.objects.named("Hbg").get().name == "Helsingborg"
