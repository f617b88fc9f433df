"""On SQLite, search matches through an FTS5 index of the index table's stems, which follows every write to it."""

from types import SimpleNamespace

import pytest
from django.db import connection

from core.models import SearchDocument
from core.search.engines import FTS_TABLE, SQLiteEngine, stem_column
from core.search.indexing import WRITTEN_FIELDS
from core.search.query import Query
from core.search.registry import Entry

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="SQLite's FTS5 index; PostgreSQL matches its GIN-indexed vector"
    ),
]


def document(object_id, title, **texts):
    """An index row as the indexer makes one, its texts by weight (a, b, c, d)."""
    entry = Entry(title=title, url=f"/{object_id}/", **texts)
    return SearchDocument(
        source="test.row",
        object_id=object_id,
        kind="film",
        title=title,
        url=entry.url,
        stems=stem_column(entry),
        **{f"text_{weight}": text for weight, text in texts.items()},
    )


def write(*documents):
    """As the indexer writes: inserted, or rewritten in place when the row is indexed already."""
    SearchDocument.objects.bulk_create(
        documents,
        update_conflicts=True,
        unique_fields=["source", "object_id"],
        update_fields=[*WRITTEN_FIELDS, "indexed_at"],
    )


def matched(text):
    return sorted(SQLiteEngine(Query.parse(text)).match(SearchDocument.objects.all()).values_list("title", flat=True))


def assert_the_fts_index_agrees_with_the_table():
    with connection.cursor() as cursor:
        # Raises if the index holds a token the table's rows do not, or lacks one they do.
        cursor.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rank) VALUES ('integrity-check', 1)")


def test_an_index_row_inserted_is_found_by_its_words():
    write(document(1, "The Miners", a="The Miners", b="Шахтёры"))

    assert matched("miner") == ["The Miners"]
    assert matched("шахтеры") == ["The Miners"]
    assert matched("strike") == []
    assert_the_fts_index_agrees_with_the_table()


def test_an_index_row_rewritten_is_found_by_its_new_words_and_no_longer_by_its_old():
    write(document(1, "The Miners", a="The Miners", b="Шахтёры"), document(2, "Strike", a="Strike"))

    write(document(1, "The Coal Diggers", a="The Coal Diggers", c="Донбасс"))

    assert matched("diggers") == ["The Coal Diggers"]
    assert matched("донбасс") == ["The Coal Diggers"]
    assert matched("miners") == []
    assert matched("шахтеры") == []
    assert matched("strike") == ["Strike"]
    assert_the_fts_index_agrees_with_the_table()


def test_an_index_row_deleted_is_no_longer_found():
    write(document(1, "The Miners", a="The Miners"), document(2, "Miners' Strike", a="Miners' Strike"))

    SearchDocument.objects.filter(object_id=1).delete()

    assert matched("miners") == ["Miners' Strike"]
    assert_the_fts_index_agrees_with_the_table()


def test_a_word_is_found_whole_and_never_as_the_start_of_a_longer_one():
    write(document(1, "Coalfield", a="Coalfield", d="Miners of the coalfield"))

    assert matched("coalfield") == ["Coalfield"]
    assert matched("coal") == []


def test_accents_are_kept_as_postgresql_keeps_them():
    write(document(1, "Café", a="Café"))

    assert matched("café") == ["Café"]
    assert matched("cafe") == []


@pytest.mark.parametrize(
    "terms",
    [['"'], ['mine"r'], ["*"], [":"], ["-"], ["near"], ["NEAR(miner"], ["or", "and"], ["("], [")"], ["^miner"], ['""']],
)
def test_fts_syntax_in_a_word_is_only_a_word_and_never_raises(terms):
    write(document(1, "The Miners", a="The Miners"))

    assert list(SQLiteEngine(SimpleNamespace(terms=terms)).match(SearchDocument.objects.all())) == []


def test_every_migration_leaves_the_triggers_that_keep_the_fts_index_in_step():
    # Django rewrites a SQLite table to alter it, and the triggers go with the old one.
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'core_searchdocument'")
        triggers = {name for (name,) in cursor.fetchall()}

    assert triggers == {f"{FTS_TABLE}_insert", f"{FTS_TABLE}_update", f"{FTS_TABLE}_delete"}
