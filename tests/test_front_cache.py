"""
The shipped nginx front cache (deploy/nginx/front-cache.conf, unchanged) in
front of the live site: readers' pages come from nginx, editors and the admin
always reach the app, conditional requests get 304, and an editor's change
reaches readers within one second.
"""

import datetime
import http.client
import socket
import sys
import time
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from catalogue.tests.factories import make_film

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from front_cache import Nginx  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def front(live_server, page_cache):
    upstream = live_server.url.rpartition("/")[2].replace("localhost", "127.0.0.1")
    with Nginx(free_port(), upstream=upstream) as nginx:
        yield nginx


def get(front, path, **headers):
    conn = http.client.HTTPConnection("127.0.0.1", front.listen, timeout=10)
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.body = response.read().decode()
    conn.close()
    return response


def at_the_start_of_a_second():
    """Wait for a fresh wall-clock second: nginx keeps a page for the second it fetched it in."""
    time.sleep(1 - time.time() % 1 + 0.01)


def test_a_readers_second_visit_is_served_by_nginx(front):
    film = make_film("The Miners", 1937)

    at_the_start_of_a_second()
    first = get(front, film.get_absolute_url())
    second = get(front, film.get_absolute_url())

    assert (first.status, second.status) == (200, 200)
    assert first.getheader("X-Front-Cache") == "MISS"
    assert second.getheader("X-Front-Cache") == "HIT"
    assert second.body == first.body


def test_anyone_with_a_session_reaches_the_app(front, editor):
    film = make_film("The Miners", 1937)
    client = Client()
    client.force_login(editor)
    cookie = f"sessionid={client.cookies['sessionid'].value}"

    at_the_start_of_a_second()
    get(front, film.get_absolute_url())  # a reader's copy, now in nginx
    responses = [get(front, film.get_absolute_url(), Cookie=cookie) for _ in range(2)]

    assert [response.getheader("X-Front-Cache") for response in responses] == ["BYPASS", "BYPASS"]
    assert all("private" in response.getheader("Cache-Control") for response in responses)


def test_the_admin_is_never_cached(front):
    at_the_start_of_a_second()
    responses = [get(front, "/admin/login/") for _ in range(2)]

    assert [response.status for response in responses] == [200, 200]
    assert [response.getheader("X-Front-Cache") for response in responses] == [None, None]


@pytest.mark.parametrize("validator", [("ETag", "If-None-Match"), ("Last-Modified", "If-Modified-Since")])
def test_a_browser_that_has_the_page_gets_304_from_nginx(front, validator):
    film = make_film("The Miners", 1937)
    header, condition = validator

    at_the_start_of_a_second()
    first = get(front, film.get_absolute_url())
    again = get(front, film.get_absolute_url(), **{condition: first.getheader(header)})

    assert again.getheader("X-Front-Cache") == "HIT"
    assert again.status == 304
    assert again.body == ""


def read_for(front, path, seconds):
    """Read `path` through nginx without pause for `seconds`: [(seconds since the start, page)]."""
    started = time.monotonic()
    pages = []
    while (elapsed := time.monotonic() - started) < seconds:
        pages.append((elapsed, get(front, path).body))
    return pages


def test_an_editors_change_reaches_every_reader_within_a_second(front):
    film = make_film("The Miners", 1937)
    url = film.get_absolute_url()
    at_the_start_of_a_second()
    get(front, url)
    assert get(front, url).getheader("X-Front-Cache") == "HIT"

    time.sleep(0.5)  # mid-second: the worst moment, nginx has kept the page for half a second already
    film.title = "The Coal Miners"
    film.save()  # committed at once: this test runs outside a transaction
    pages = read_for(front, url, 1.5)

    stale = [elapsed for elapsed, page in pages if "The Coal Miners" not in page]
    assert max(stale, default=0) < 1.0
    assert any(elapsed >= 1.0 for elapsed, _ in pages)


def test_a_scheduled_film_reaches_readers_within_a_second_of_its_time(front):
    make_film("The Miners", 1937)
    goes_live = timezone.now() + datetime.timedelta(seconds=1.5)
    make_film("Secret Seam", 1938, published_at=goes_live)
    assert "Secret Seam" not in get(front, "/films/").body  # the index, cached without it

    time.sleep((goes_live - timezone.now()).total_seconds() + 1.0)

    assert "Secret Seam" in get(front, "/films/").body
