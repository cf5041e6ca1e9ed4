"""SQLite only: FTS5 indexes the stored title and body itself; the term table maps words to stems.

The index is rebuilt from the stored rows. The "zzt" title tokens of existing
rows still hold stems until `samverka reindex` rewrites them as words (until
then, a title hit may rank as a body hit).
"""

from django.db import migrations

from samverka.search import indexing


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    table = indexing.FTS_TABLE
    for statement in [
        *indexing.SQLITE_DROP_TRIGGERS,
        # The stems the old index read are no longer needed.
        "UPDATE search_searchentry SET title_terms = '', body_terms = '' WHERE body_terms != ''",
        f"DROP TABLE IF EXISTS {table}",
        "DROP TABLE IF EXISTS search_term",
        *indexing.SQLITE_FTS_CREATE,
        *indexing.SQLITE_TERMS_CREATE,
        *indexing.SQLITE_FTS_FILL,
    ]:
        schema_editor.execute(statement)
    indexing.remember_vocabulary()
    for statement in indexing.SQLITE_TRIGGERS:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_sqlite_terms")]

    # Back to 0003: run `samverka reindex` with that version's code.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
