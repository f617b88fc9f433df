"""Readers get cached film pages; any edit an editor commits is visible on the next request."""

import pytest
from django.contrib.auth import get_user_model

from catalogue.models import Trivia
from core.ordering import renumber

from .factories import make_film, make_trivia

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache(page_cache):
    return page_cache


@pytest.fixture
def film():
    film = make_film("The Miners", 1937)
    make_trivia(film, "Real Donbas miners were used as extras.", position=1)
    return film


def test_a_second_visit_is_served_without_touching_the_database(client, film, django_assert_num_queries):
    first = client.get(film.get_absolute_url())

    with django_assert_num_queries(0):
        second = client.get(film.get_absolute_url())

    assert second.status_code == 200
    assert second.content == first.content


def test_an_edited_fact_shows_on_the_next_visit(client, film, django_capture_on_commit_callbacks):
    client.get(film.get_absolute_url())
    trivia = Trivia.objects.get(film=film)

    with django_capture_on_commit_callbacks(execute=True):
        trivia.text = "The film was withdrawn from circulation in 1938."
        trivia.save()

    assert "withdrawn from circulation in 1938" in client.get(film.get_absolute_url()).text


def test_a_new_order_shows_on_the_next_visit(client, film, django_capture_on_commit_callbacks):
    make_trivia(film, "Second fact.", position=2)
    client.get(film.get_absolute_url())
    Trivia.objects.filter(film=film, text="Second fact.").update(position=0)  # dragged to the top

    with django_capture_on_commit_callbacks(execute=True):
        renumber(film.trivia.all())

    page = client.get(film.get_absolute_url()).text
    assert page.index("Second fact.") < page.index("Real Donbas miners")


def test_a_page_of_another_film_is_cached_separately(client, film):
    other = make_film("Chapaev", 1934)
    client.get(film.get_absolute_url())

    response = client.get(other.get_absolute_url())

    assert "Chapaev" in response.text
    assert "Real Donbas miners" not in response.text


def test_signed_in_editors_always_get_a_fresh_page(client, film):
    client.force_login(get_user_model().objects.create_user("editor", is_staff=True))
    client.get(film.get_absolute_url())

    Trivia.objects.filter(film=film).update(text="Changed behind the cache's back.")

    assert "Changed behind the cache" in client.get(film.get_absolute_url()).text


def test_a_film_added_after_a_404_gets_its_page(client):
    assert client.get("/films/not-yet-1937/").status_code == 404
    make_film("Not Yet", 1937)

    assert client.get("/films/not-yet-1937/").status_code == 200


def test_an_edit_not_yet_committed_leaves_the_cached_page_alone(client, film, django_capture_on_commit_callbacks):
    cached = client.get(film.get_absolute_url()).content

    with django_capture_on_commit_callbacks():  # the edit's transaction has not committed
        Trivia.objects.filter(film=film).update(text="Uncommitted.")
        Trivia.objects.get(film=film).save()

    assert client.get(film.get_absolute_url()).content == cached
