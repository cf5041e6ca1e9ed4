from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvitationsConfig(AppConfig):
    name = "samverka.invitations"
    verbose_name = _("Invitations")
    default_auto_field = "django.db.models.BigAutoField"
