"""The whole-page cache on its own: which responses it keeps, and when pages are retired."""

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotFound
from django.test import RequestFactory

from core.page_cache import cache_public_page, content_version, invalidate_pages

pytestmark = pytest.mark.django_db


class CountingView:
    """A view that says how often it rendered."""

    def __init__(self, response_class=HttpResponse):
        self.renders = 0
        self.response_class = response_class

    def __call__(self, request):
        self.renders += 1
        return self.response_class(f"render {self.renders}")


def get(view, path="/films/", user=None, method="get"):
    request = getattr(RequestFactory(), method)(path)
    request.user = user or AnonymousUser()
    return view(request)


@pytest.fixture(autouse=True)
def _page_cache(page_cache):
    return page_cache


def test_a_second_anonymous_visit_is_served_from_the_cache():
    view = CountingView()
    cached = cache_public_page(view)

    get(cached)
    response = get(cached)

    assert view.renders == 1
    assert response.content == b"render 1"


def test_each_address_is_cached_on_its_own():
    view = CountingView()
    cached = cache_public_page(view)

    get(cached, "/films/")
    get(cached, "/films/?page=2")

    assert view.renders == 2


def test_signed_in_users_always_get_a_fresh_page():
    view = CountingView()
    cached = cache_public_page(view)
    editor = User(username="editor")

    get(cached, user=editor)
    get(cached, user=editor)

    assert view.renders == 2


def test_a_post_is_never_answered_from_the_cache():
    view = CountingView()
    cached = cache_public_page(view)

    get(cached)
    get(cached, method="post")

    assert view.renders == 2


def test_a_missing_page_is_not_cached():
    view = CountingView(HttpResponseNotFound)
    cached = cache_public_page(view)

    get(cached)
    get(cached)

    assert view.renders == 2


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


def test_a_retired_page_is_rendered_again(django_capture_on_commit_callbacks):
    view = CountingView()
    cached = cache_public_page(view)
    get(cached)

    with django_capture_on_commit_callbacks(execute=True):
        invalidate_pages()

    assert get(cached).content == b"render 2"
