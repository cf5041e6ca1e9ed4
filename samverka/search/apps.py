from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "samverka.search"
    verbose_name = "Sök"

    def ready(self) -> None:
        # The index must follow every write path (services, admin, importer),
        # so it listens to the models instead of each path calling it; see NOTES.md.
        from samverka.search import receivers

        receivers.connect()
