from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


def is_site_admin(user: User | AnonymousUser) -> bool:
    """Site admins (the secretariat) are active staff users: they see every network."""
    return bool(user.is_authenticated and user.is_active and (user.is_staff or user.is_superuser))


class UserManager(BaseUserManager["User"]):
    """Create users by email; there is no username."""

    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A login. The official behind it is a `people.Person` linked to this user.

    Site admins (the secretariat) are staff users: they see every network and
    use the Django admin.
    """

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-postadress"), unique=True)

    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("användare")
        verbose_name_plural = _("användare")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email

    @property
    def is_site_admin(self) -> bool:
        return is_site_admin(self)
