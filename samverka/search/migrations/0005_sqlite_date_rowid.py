"""SQLite only: a contentless FTS5 table whose rowids order the entries by date.

The index is filled again from the stored rows (`indexing.FTS_KEY`).
"""

from django.db import migrations

from samverka.search import indexing


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in [
        *indexing.SQLITE_DROP_TRIGGERS,
        f"DROP TABLE IF EXISTS {indexing.FTS_TABLE}",
        *indexing.SQLITE_FTS_CREATE,
        *indexing.SQLITE_FTS_FILL,
        *indexing.SQLITE_TRIGGERS,
    ]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_sqlite_words")]

    # Back to 0004: run `samverka reindex` with that version's code.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
