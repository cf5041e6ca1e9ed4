from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "samverka.imports"
    label = "imports"
    verbose_name = _("import av protokoll")

    def ready(self) -> None:
        # simple-history builds a manager class per `.history` access (one per
        # saved row); see history.py.
        from samverka.imports.history import cache_history_manager_classes

        cache_history_manager_classes()
