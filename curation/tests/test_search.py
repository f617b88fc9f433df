"""Readers find published curated lists and themes; drafts, and intros not yet published, never."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from taggit.models import Tag

from catalogue.models import Film
from catalogue.tests.factories import make_film
from catalogue.tests.search_helpers import found, hits
from curation.models import CuratedList, Theme
from curation.tags import merge_tags

from .factories import make_list

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_published_list_is_found_by_its_title_and_its_intro(committed):
    with committed():
        make_list("Ten Soviet Films Set in Factories", intro="Where the five-year plans were fought on the shop floor.")

    assert found("factories") == {"list": ["Ten Soviet Films Set in Factories"]}
    assert found("shop floor") == {"list": ["Ten Soviet Films Set in Factories"]}
    assert hits("factory", "list")[0].url == "/lists/ten-soviet-films-set-in-factories/"


def test_draft_and_scheduled_lists_are_never_found(committed):
    with committed():
        make_list("Draft Factories", published_at=None)
        make_list("Scheduled Factories", published_at=timezone.now() + datetime.timedelta(days=1))

    assert found("factories") == {}


def test_a_theme_is_found_by_its_name_while_something_published_carries_it(committed):
    with committed():
        film = make_film("The Miners", 1937)
        film.tags.add("coal mining")
        draft = make_film("Dam Builders", 1950, published_at=None)
        draft.tags.add("hydroelectric dams")

    assert found("coal")["theme"] == ["coal mining"]
    assert hits("coal", "theme")[0].url == "/themes/coal-mining/"
    assert "theme" not in found("hydroelectric")


def test_a_theme_intro_is_found_only_once_published_and_the_theme_only_once(committed):
    with committed():
        make_film("The Miners", 1937).tags.add("coal mining")
        theme = Theme.objects.create(tag=Tag.objects.get(name="coal mining"), intro="Stakhanovites of the Donbas.")
    assert "theme" not in found("stakhanovites")
    assert found("coal")["theme"] == ["coal mining"]

    with committed():
        theme.publish()
        theme.save()
    assert found("stakhanovites") == {"theme": ["coal mining"]}
    assert found("coal")["theme"] == ["coal mining"]


def test_a_scheduled_theme_intro_is_found_from_its_minute_on_without_a_save(committed):
    with committed():
        make_film("The Miners", 1937).tags.add("coal mining")
        theme = Theme.objects.create(
            tag=Tag.objects.get(name="coal mining"),
            intro="Stakhanovites of the Donbas.",
            published_at=timezone.now() + datetime.timedelta(hours=1),
        )
    assert found("stakhanovites") == {}

    Theme.objects.filter(pk=theme.pk).update(published_at=timezone.now() - datetime.timedelta(seconds=1))

    assert found("stakhanovites") == {"theme": ["coal mining"]}


def test_merged_tags_find_their_films_and_lists_by_the_name_they_were_merged_into(committed):
    with committed():
        film = make_film("The Miners", 1937)
        film.tags.add("coal-mining")
        make_list("Pit Films").tags.add("Coal Mines")
        make_film("Chapaev", 1934).tags.add("anthracite")

    with committed():
        merge_tags(list(Tag.objects.filter(name__in=["coal-mining", "Coal Mines"])), Tag.objects.get(name="anthracite"))

    assert found("anthracite") == {"film": ["Chapaev", "The Miners"], "list": ["Pit Films"], "theme": ["anthracite"]}
    assert found("mines") == {}


def test_a_generated_catalogue_is_found_once_committed(committed):
    with committed():
        call_command("generate_catalogue", films=20, seed=3, stdout=io.StringIO())

    for film in Film.objects.order_by("pk")[:5]:
        assert film.title in found(film.title)["film"]
    curated_list = CuratedList.objects.first()
    assert curated_list.title in found(curated_list.title)["list"]
