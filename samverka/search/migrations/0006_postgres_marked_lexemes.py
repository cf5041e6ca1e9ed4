"""PostgreSQL only: a tsvector without weights, with marked title and folded stems.

Title hits and accent-free typing were weights (A, D) in the vector, which
made PostgreSQL recheck every row a query's words matched; they are now
lexemes of their own (`text.TITLE_MARK`, `text.FOLDED_MARK`), computed from
each stored row's title and body here, as the indexer computes them. A date
index serves a site admin's pages, newest first.
"""

from django.db import migrations

from samverka.search import indexing
from samverka.search.text import marked_folded, marked_title

BATCH = 2000


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS search_entry_vector")
    schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN IF EXISTS vector")
    connection = schema_editor.connection
    last = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, title, body FROM search_searchentry WHERE id > %s ORDER BY id LIMIT %s",
                [last, BATCH],
            )
            rows = cursor.fetchall()
            if not rows:
                break
            cursor.executemany(
                "UPDATE search_searchentry SET title_terms = %s, folded_terms = %s WHERE id = %s",
                [(marked_title(t), marked_folded(f"{t} {b}"), pk) for pk, t, b in rows],
            )
        last = rows[-1][0]
    for statement in [
        *indexing.POSTGRES_VECTOR,
        *indexing.POSTGRES_INDEX,
        *indexing.POSTGRES_DATE_INDEX,
    ]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_sqlite_date_rowid")]

    # Back to 0005: run `samverka reindex` with that version's code.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
