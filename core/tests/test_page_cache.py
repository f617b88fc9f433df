"""
The whole-page cache on its own, through every middleware: which responses it
keeps, under which key, what it tells browsers and shared caches, and when
pages are retired. Each test runs with the embedded cache and with Redis.
"""

import uuid

import pytest
from django.db import transaction
from django.test import Client

from core.page_cache import content_version, invalidate_pages

from .page_cache_urls import renders

pytestmark = [pytest.mark.django_db, pytest.mark.urls("core.tests.page_cache_urls")]


@pytest.fixture(autouse=True)
def _fresh(page_cache):
    renders.clear()
    return page_cache


def retire_pages(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invalidate_pages()


def test_a_second_anonymous_visit_is_served_from_the_cache(client):
    client.get("/counted/")
    response = client.get("/counted/")

    assert renders["/counted/"] == 1
    assert response.content.startswith(b"render 1;")


def test_a_cached_page_needs_no_database_session_or_cookie(client, django_assert_num_queries):
    client.get("/counted/")

    with django_assert_num_queries(0):
        response = client.get("/counted/")

    assert response.status_code == 200
    assert not response.cookies


def test_a_cached_page_carries_every_header_of_a_rendered_one(client):
    rendered = client.get("/counted/")
    cached = client.get("/counted/")

    assert dict(cached.headers) == dict(rendered.headers)
    assert {"Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options"} <= set(cached.headers)


def test_each_page_of_an_address_is_cached_on_its_own(client):
    client.get("/counted/")
    client.get("/counted/?page=2")
    client.get("/counted/?page=2&sort=year")

    assert renders["/counted/"] == 3


def test_the_order_of_query_parameters_makes_no_other_page(client):
    client.get("/counted/?page=2&sort=year")
    client.get("/counted/?sort=year&page=2")

    assert renders["/counted/"] == 1


def test_a_page_never_sees_query_parameters_it_does_not_use(client):
    response = client.get("/counted/?page=2&utm_source=newsletter")

    assert response.content == b"render 1; asked for [('page', ['2'])]"


def test_random_query_strings_cannot_fill_the_cache(client):
    client.get("/counted/?page=2")
    for _ in range(20):
        response = client.get(f"/counted/?page=2&{uuid.uuid4().hex}={uuid.uuid4().hex}")

    assert renders["/counted/"] == 1
    assert response.content.startswith(b"render 1;")


def test_a_session_cookie_always_gets_a_fresh_private_page():
    client = Client()
    client.cookies["sessionid"] = "maybe-an-editor"

    client.get("/counted/")
    response = client.get("/counted/")

    assert renders["/counted/"] == 2
    assert "private" in response["Cache-Control"]


def test_a_post_is_never_answered_from_the_cache(client):
    client.get("/counted/")
    client.post("/counted/")

    assert renders["/counted/"] == 2


def test_a_missing_page_is_not_cached(client):
    client.get("/missing/")
    client.get("/missing/")

    assert renders["/missing/"] == 2


def test_pages_not_marked_public_are_never_cached(client):
    client.get("/private/")
    response = client.get("/private/")

    assert renders["/private/"] == 2
    assert "ETag" not in response


def test_a_readers_page_may_be_kept_by_shared_caches_for_a_second_and_rechecked_by_browsers(client):
    response = client.get("/counted/")

    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=0", "s-maxage=1"}
    assert "Cookie" in response["Vary"]
    assert response["ETag"] and response["Last-Modified"]


@pytest.mark.parametrize("served", ["rendered", "cached"])
def test_a_browser_that_has_the_page_gets_304(client, served):
    first = client.get("/counted/")
    if served == "cached":
        client.get("/counted/")

    by_etag = client.get("/counted/", headers={"If-None-Match": first["ETag"]})
    by_date = client.get("/counted/", headers={"If-Modified-Since": first["Last-Modified"]})

    assert (by_etag.status_code, by_date.status_code) == (304, 304)
    assert by_etag.content == b""
    assert by_etag["ETag"] == first["ETag"]


def test_a_browser_with_an_old_copy_gets_the_new_page(client, django_capture_on_commit_callbacks):
    first = client.get("/counted/")
    retire_pages(django_capture_on_commit_callbacks)

    response = client.get("/counted/", headers={"If-None-Match": first["ETag"]})

    assert response.status_code == 200
    assert response.content.startswith(b"render 2;")


def test_pages_are_retired_only_when_the_change_commits(django_capture_on_commit_callbacks):
    before = content_version()

    with django_capture_on_commit_callbacks() as callbacks:
        invalidate_pages()
        assert content_version() == before

    for callback in callbacks:
        callback()
    assert content_version() != before


def test_a_change_rolled_back_retires_nothing(django_capture_on_commit_callbacks):
    before = content_version()

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            invalidate_pages()
            raise RuntimeError("the editor's save failed")

    assert content_version() == before


def test_a_retired_page_is_rendered_again(client, django_capture_on_commit_callbacks):
    client.get("/counted/")

    retire_pages(django_capture_on_commit_callbacks)

    assert client.get("/counted/").content.startswith(b"render 2;")
