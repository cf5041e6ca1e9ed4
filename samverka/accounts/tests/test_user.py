import pytest
from django.db import IntegrityError, transaction

from samverka.accounts.models import User, is_site_admin

pytestmark = pytest.mark.django_db


def test_it_uses_the_email_address_as_the_login() -> None:
    user = User.objects.create_user("Anna.Svensson@Example.SE", "lösenord-som-duger")
    assert user.email == "anna.svensson@example.se"
    assert User.USERNAME_FIELD == "email"
    assert user.check_password("lösenord-som-duger")


def test_it_refuses_a_second_account_for_the_same_address() -> None:
    User.objects.create_user("anna@example.se")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("ANNA@example.se")


def test_it_makes_active_staff_site_admins() -> None:
    admin = User.objects.create_superuser("sekretariat@example.se", "x")
    assert admin.is_site_admin and is_site_admin(admin)
    admin.is_active = False
    assert not is_site_admin(admin)
    assert not is_site_admin(User.objects.create_user("medlem@example.se"))
