"""SQLite only: the table of stems that prefix queries and accent-free typing expand through."""

from django.db import migrations

from samverka.search import indexing


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in indexing.SQLITE_TERMS_CREATE:
            schema_editor.execute(statement)
        # Stems already indexed (the scope tokens are kept apart from them from now on).
        schema_editor.execute("DELETE FROM search_searchentry")
        schema_editor.execute(f"INSERT INTO {indexing.FTS_TABLE}({indexing.FTS_TABLE}) VALUES ('delete-all')")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_term")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunPython(forwards, backwards)]
