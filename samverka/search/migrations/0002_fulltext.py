"""The full-text index proper, which differs by database.

SQLite: an FTS5 table with external content over search_searchentry, kept in
step by triggers. PostgreSQL: a tsvector column kept by a trigger, with a GIN
index (its form today: migration 0007).
"""

from django.db import migrations

from samverka.search import indexing


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        statements = [*indexing.SQLITE_FTS_CREATE, *indexing.SQLITE_TRIGGERS]
    elif schema_editor.connection.vendor == "postgresql":
        statements = [*indexing.POSTGRES_VECTOR, *indexing.POSTGRES_INDEX]
    else:
        statements = []
    for statement in statements:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in indexing.SQLITE_DROP_TRIGGERS:
            schema_editor.execute(statement)
        schema_editor.execute(f"DROP TABLE IF EXISTS {indexing.FTS_TABLE}")
    elif schema_editor.connection.vendor == "postgresql":
        trigger = indexing.POSTGRES_TRIGGER
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON search_searchentry")
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_vector")
        schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN IF EXISTS vector")
        schema_editor.execute("DROP TABLE IF EXISTS search_lexeme")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
