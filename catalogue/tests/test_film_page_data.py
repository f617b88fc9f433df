"""
A film page's data is kept between edits (core/data_cache.py) and retired by
exactly what the page shows: after any change an editor commits to the film
or to anything on its page, the next reader sees it; a change elsewhere leaves
the kept data in use. Here the whole-page cache is off, as right after an edit.
"""

import pytest
from django.contrib.auth import get_user_model
from taggit.models import Tag

from catalogue.models import Character, Film, Influence, Person, Role, Studio, Trivia
from core.signals import announce_bulk_write
from core.tests.helpers import visible_text

from .factories import make_credit, make_film, make_film_with_every_section, make_influence, make_person, make_trivia

# Kept page data switched on, the whole-page cache off: as right after an edit.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_data")]


@pytest.fixture
def miners():
    return make_film_with_every_section()


def text(client, film):
    response = client.get(film.get_absolute_url())
    return visible_text(response) if response.status_code == 200 else response.status_code


def test_a_kept_film_page_costs_one_query_and_reads_exactly_as_a_loaded_one(client, miners, django_assert_num_queries):
    first = client.get(miners.get_absolute_url())

    with django_assert_num_queries(1):
        second = client.get(miners.get_absolute_url())

    assert second.content == first.content


def test_an_edit_elsewhere_leaves_the_kept_data_in_use(client, miners, commit, django_assert_num_queries):
    other = make_film("Counterplan", 1932)
    client.get(miners.get_absolute_url())

    commit(lambda: make_trivia(other, "Another film's fact."))

    with django_assert_num_queries(1):
        client.get(miners.get_absolute_url())


def rename_film(film):
    film.title = "The Coal Miners"
    film.save()


def rename_person(film):
    person = Person.objects.get(name="Sergei Yutkevich")
    person.name = "Sergei I. Yutkevich"
    person.save()


def rename_studio(film):
    studio = Studio.objects.get(slug="lenfilm")
    studio.name = "Lenfilm Studio No. 1"
    studio.save()


def rename_character(film):
    character = Character.objects.get(film=film, name="Semyon Primak")
    character.name = "Semyon Primak, hewer"
    character.save()


def add_fact(film):
    make_trivia(film, "Real Donbas miners were used as extras.")


def add_crew(film):
    make_credit(film, make_person("Zhan Kaliatin"), Role.CINEMATOGRAPHER)


def rename_tag(film):
    tag = Tag.objects.get(name=film.tags.first().name)
    tag.name = "renamed theme"
    tag.save()


def rename_connected_film(film):
    connected = Influence.objects.filter(influenced=film).first().influencer
    connected.title = "Renamed Influence"
    connected.save()


@pytest.mark.parametrize(
    ("change", "shown"),
    [
        (rename_film, "The Coal Miners"),
        (rename_person, "Sergei I. Yutkevich"),
        (rename_studio, "Lenfilm Studio No. 1"),
        (rename_character, "Semyon Primak, hewer"),
        (add_fact, "Real Donbas miners were used as extras."),
        (add_crew, "Zhan Kaliatin"),
        (rename_tag, "renamed theme"),
        (rename_connected_film, "Renamed Influence"),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_a_change_to_anything_the_page_shows_is_read_at_once(client, miners, commit, change, shown):
    assert shown not in text(client, miners)

    commit(lambda: change(miners))

    assert shown in text(client, miners)


def test_a_deleted_fact_goes_at_once(client, miners, commit):
    make_trivia(miners, "A fact to delete.")
    assert "A fact to delete." in text(client, miners)

    commit(lambda: Trivia.objects.get(text="A fact to delete.").delete())

    assert "A fact to delete." not in text(client, miners)


def test_a_connected_draft_appears_the_moment_it_is_published(client, miners, commit):
    draft = make_film("Secret Seam", 1938, published_at=None)
    make_influence(draft, miners, note="Montage")
    assert "Secret Seam" not in text(client, miners)

    def publish():
        draft.publish()
        draft.save()

    commit(publish)

    assert "Secret Seam" in text(client, miners)


def test_an_unpublished_film_is_gone_at_once(client, miners, commit):
    assert text(client, miners) != 404

    def unpublish():
        miners.unpublish()
        miners.save()

    commit(unpublish)

    assert text(client, miners) == 404


def test_a_bulk_write_retires_every_kept_page(client, miners, commit):
    client.get(miners.get_absolute_url())
    Film.objects.filter(pk=miners.pk).update(title="Bulk-written title")

    commit(lambda: announce_bulk_write("test", {Film: [miners.pk]}))

    assert "Bulk-written title" in text(client, miners)


def test_signed_in_staff_never_get_kept_data(client, miners):
    client.get(miners.get_absolute_url())
    client.force_login(get_user_model().objects.create_user("editor", is_staff=True))

    Film.objects.filter(pk=miners.pk).update(title="Changed behind the cache's back")

    assert "Changed behind the cache" in text(client, miners)
