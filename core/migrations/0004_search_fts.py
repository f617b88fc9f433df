from django.db import migrations

# SQLite only: PostgreSQL matches on `vector` with its GIN index (0003).
#
# An external-content FTS5 table: it stores only its index, and reads `stems`
# from core_searchdocument. The ascii tokenizer splits on ASCII punctuation and
# spaces alone and folds nothing but ASCII case, so each " a:шахтер " token of
# `stems` (already casefolded, ё read as е) is indexed whole and exactly as
# written: a match is the same token equality the LIKE filter tested, with no
# diacritics dropped and no letter unknown to an older Unicode table split off.
CREATE = [
    """
    CREATE VIRTUAL TABLE core_searchdocument_fts USING fts5(
        stems, content='core_searchdocument', content_rowid='id', tokenize="ascii tokenchars ':'"
    )
    """,
    # Triggers fire for every write, the upserts and deletes of core.search.indexing included.
    """
    CREATE TRIGGER core_searchdocument_fts_insert AFTER INSERT ON core_searchdocument BEGIN
        INSERT INTO core_searchdocument_fts (rowid, stems) VALUES (new.id, new.stems);
    END
    """,
    # An external-content table forgets a row by being told the values it indexed.
    """
    CREATE TRIGGER core_searchdocument_fts_delete AFTER DELETE ON core_searchdocument BEGIN
        INSERT INTO core_searchdocument_fts (core_searchdocument_fts, rowid, stems) VALUES ('delete', old.id, old.stems);
    END
    """,
    """
    CREATE TRIGGER core_searchdocument_fts_update AFTER UPDATE ON core_searchdocument BEGIN
        INSERT INTO core_searchdocument_fts (core_searchdocument_fts, rowid, stems) VALUES ('delete', old.id, old.stems);
        INSERT INTO core_searchdocument_fts (rowid, stems) VALUES (new.id, new.stems);
    END
    """,
    # The rows indexed before this migration.
    "INSERT INTO core_searchdocument_fts (core_searchdocument_fts) VALUES ('rebuild')",
]

DROP = [
    "DROP TRIGGER IF EXISTS core_searchdocument_fts_update",
    "DROP TRIGGER IF EXISTS core_searchdocument_fts_delete",
    "DROP TRIGGER IF EXISTS core_searchdocument_fts_insert",
    "DROP TABLE IF EXISTS core_searchdocument_fts",
]


def create_fts_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop_fts_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0003_search_index"),
    ]

    operations = [
        migrations.RunPython(create_fts_index, drop_fts_index),
    ]
