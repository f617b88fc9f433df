"""`manage.py generate_catalogue`: a synthetic catalogue for benchmarks and scale tests."""

import io

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from catalogue.models import Credit, Film, Influence, Recommendation, Trivia
from core.signals import content_imported
from core.tests.helpers import content_snapshot, empty_catalogue, row_counts
from curation.models import CuratedList, ListEntry

pytestmark = pytest.mark.django_db


def generate(films=30, seed=7):
    call_command("generate_catalogue", films=films, seed=seed, stdout=io.StringIO())


def content_models():
    return [model for label in settings.CONTENT_APPS for model in apps.get_app_config(label).get_models()]


def test_every_generated_row_passes_full_clean_and_the_constraints():
    generate()

    for model in content_models():
        for row in model._default_manager.all():
            row.full_clean()


def test_the_catalogue_has_every_kind_of_film_page_item():
    generate(films=60)

    counts = row_counts()
    assert counts["catalogue.Film"] == 60
    # Left to the editors: the home page's choices, redirects of renamed themes and pictures (files, not rows);
    # taggit's generic link is unused.
    untouched = {"curation.HomePage", "curation.FeaturedFilm", "curation.FeaturedList", "curation.FeaturedTheme"}
    untouched |= {"curation.ThemeRedirect", "taggit.TaggedItem"}
    untouched |= {"catalogue.Poster", "catalogue.Still", "catalogue.Portrait", "catalogue.StudioLogo"}
    untouched |= {"curation.ListCover", "curation.ThemeCover"}
    assert {label for label, count in counts.items() if count == 0} == untouched
    assert Credit.objects.filter(role="actor", character__isnull=False).exists()
    assert ListEntry.objects.filter(featured_fact__isnull=False).exists()
    assert Trivia.objects.filter(verification="disputed").exclude(editor_note="").exists()


def test_the_same_seed_gives_the_same_catalogue():
    generate(seed=11)
    first = content_snapshot(timestamps=False)
    empty_catalogue()

    generate(seed=11)

    assert content_snapshot(timestamps=False) == first


def test_another_seed_gives_another_catalogue():
    generate(seed=1)
    first = content_snapshot(timestamps=False)
    empty_catalogue()

    generate(seed=2)

    assert content_snapshot(timestamps=False) != first


def test_generating_beside_the_seed_keeps_every_seed_row(seed):
    before = content_snapshot()

    generate()

    after = content_snapshot()
    assert {key: after[key] for key in before} == before


def test_connections_never_link_a_film_with_itself():
    generate()

    assert not any(link.influencer_id == link.influenced_id for link in Influence.objects.all())
    assert not any(link.film_id == link.recommended_id for link in Recommendation.objects.all())


def test_readers_see_the_generated_films_and_lists(client):
    generate(films=10)

    film = Film.objects.order_by("pk").first()
    curated_list = CuratedList.objects.first()
    assert client.get(film.get_absolute_url()).status_code == 200
    assert client.get(curated_list.get_absolute_url()).status_code == 200
    assert film.title in client.get("/films/").content.decode()


def test_listeners_hear_of_every_generated_row_once_it_commits(django_capture_on_commit_callbacks):
    heard = []

    def listener(sender, rows, **kwargs):
        heard.append({model._meta.label: len(pks) for model, pks in rows.items()})

    content_imported.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            generate(films=12)
    finally:
        content_imported.disconnect(listener)

    assert len(heard) == 1
    assert heard[0]["catalogue.Film"] == 12
    assert heard[0]["curation.ListEntry"] == ListEntry.objects.count()
