"""The PostgreSQL vector is computed by PostgreSQL alone; the term columns go.

PostgreSQL: the vector column, generated from Python-made marked lexemes
(0006), becomes a column kept by a trigger with `search_vector(title, body)`,
which a rebuild computes in parallel workers; accent-free typing looks words
up in `search_lexeme` instead of folded lexemes in every vector. Existing
rows get their vector and the lexeme table is filled here.

Both: `title_terms`, `body_terms` and `folded_terms` held nothing SQLite
needs and now nothing PostgreSQL needs. Removing them makes SQLite rebuild the
table, which drops the FTS triggers: they are created again at the end.
"""

from django.db import migrations

from samverka.search import indexing


def postgres_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in [
        f"DROP TRIGGER IF EXISTS {indexing.POSTGRES_TRIGGER} ON search_searchentry",
        "DROP INDEX IF EXISTS search_entry_vector",
        "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS vector",
        *indexing.POSTGRES_VECTOR,
        "UPDATE search_searchentry SET vector = search_vector(title, body)",
        indexing.POSTGRES_LEXEMES_FILL,
        *indexing.POSTGRES_INDEX,
        *indexing.POSTGRES_DATE_INDEX,
        "ANALYZE search_searchentry",
    ]:
        schema_editor.execute(statement)


def sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in [*indexing.SQLITE_FTS_CREATE, *indexing.SQLITE_TRIGGERS]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_postgres_marked_lexemes")]

    # Back to 0006: run `samverka reindex` with that version's code.
    operations = [
        migrations.RunPython(postgres_vector, migrations.RunPython.noop),
        migrations.RemoveField(model_name="searchentry", name="title_terms"),
        migrations.RemoveField(model_name="searchentry", name="body_terms"),
        migrations.RemoveField(model_name="searchentry", name="folded_terms"),
        migrations.RunPython(sqlite_triggers, migrations.RunPython.noop),
    ]
