"""Superseded by 0007.

This migration computed marked title and folded lexemes in Python for a
generated tsvector column; 0007 replaces that column, whatever state it is
in, with one PostgreSQL computes itself. Kept so that the databases which
applied it keep a consistent history.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0005_sqlite_date_rowid")]

    operations: list[migrations.operations.base.Operation] = []
