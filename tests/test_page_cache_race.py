"""
A reader who arrives while an editor's save is still uncommitted sees the old
page; once the save commits, every reader sees the new one. Retiring cached
pages before the commit would let that reader store the old page under the
new content version, to be served for the cache's whole lifetime.
"""

import threading

import pytest
from django.db import connection, connections, transaction
from django.test import Client

from catalogue.tests.factories import make_film

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # Two connections with their own view of the data need a server database:
    # SQLite's in-memory test database is one shared connection cache.
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent connections (PostgreSQL)"),
]


def read_in_another_connection(url):
    """What a reader served by another worker gets, right now."""
    pages = []

    def read():
        try:
            pages.append(Client().get(url).text)
        finally:
            connections.close_all()

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    return pages[0]


def test_a_reader_between_an_editors_save_and_its_commit_leaves_no_stale_page(client, page_cache):
    film = make_film("The Miners", 1937)
    url = film.get_absolute_url()
    client.get(url)

    with transaction.atomic():
        film.title = "The Coal Miners"
        film.save()
        during = read_in_another_connection(url)

    assert "The Coal Miners" not in during  # the reader really came before the commit
    assert "The Coal Miners" in client.get(url).text
