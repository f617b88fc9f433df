"""Readers find films, people, studios and the film items they quote, as they type about them, on both databases."""

import datetime
import json
import re

import pytest
import reversion
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from reversion.models import Version
from taggit.models import Tag

from catalogue.models import AlternativeTitle, Film, Role, Trivia
from core.importing import import_fixtures
from core.models import SearchDocument
from core.search.engines import FTS_TABLE
from core.search.indexing import Pending
from core.signals import announce_bulk_write

from .factories import (
    make_credit,
    make_film,
    make_films,
    make_person,
    make_quote,
    make_scene,
    make_studio,
    make_trivia,
)
from .search_helpers import found, hits

pytestmark = pytest.mark.django_db

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's FTS5 index; PostgreSQL matches its GIN-indexed vector"
)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Wrap writes whose after-commit work (the index) should run, as a real commit runs it."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def miners(committed):
    with committed():
        film = make_film(
            "The Miners",
            1937,
            original_title="Шахтёры",
            plot="Semyon Primak arrives in a small Donbas mining town to lead the mine.",
        )
        strike = make_film("Strike", 1925, original_title="Стачка", slug="strike-1925")
        AlternativeTitle.objects.create(film=strike, title="The Strike")
    return film


@pytest.mark.parametrize("typed", ["шахтеры", "ШАХТЁРЫ", "Шахтёры", "шахтёры", "ШАХТЕРЫ"])
def test_case_and_yo_do_not_matter_in_cyrillic(miners, typed):
    assert found(typed)["film"] == ["The Miners"]


@pytest.mark.parametrize("typed", ["miner", "MINERS", "Miner's"])
def test_an_english_word_form_finds_the_title(miners, typed):
    assert found(typed)["film"] == ["The Miners"]


@pytest.mark.parametrize("typed", ["стачки", "Стачку", "стачкой"])
def test_a_russian_word_form_finds_the_original_title(miners, typed):
    assert found(typed)["film"] == ["Strike"]


def test_an_alternative_title_finds_the_film(miners, committed):
    with committed():
        chapaev = make_film("Chapaev", 1934, original_title="Чапаев")
        AlternativeTitle.objects.create(film=chapaev, title="Tchapaev, the Red Commander")

    assert found("The Strike")["film"] == ["Strike"]
    assert found("Tchapaev")["film"] == ["Chapaev"]


def test_a_title_match_ranks_before_a_passing_mention(committed):
    with committed():
        make_film("A Day in the Donbas", 1935, plot="Miners, miners everywhere: a day with the miners of a coal town.")
        make_film("The Miners", 1937)
        make_film("Another Day", 1936, tagline="Miners and steelworkers")

    assert found("miners")["film"] == ["The Miners", "A Day in the Donbas", "Another Day"]


def test_an_original_title_ranks_before_a_mention_in_the_story_and_that_before_an_item(committed):
    with committed():
        mention = make_film("A Coal Town", 1935, plot="Шахтёры Донбасса выходят на смену.")
        make_trivia(make_film("Another Film", 1936), "Шахтёры были статистами.")
        make_key_theme = mention.key_themes.create
        make_key_theme(text="Heroic labour")
        make_film("The Miners", 1937, original_title="Шахтёры")
        make_film("Heroic Labour", 1950, plot="Nothing about mines.")

    assert found("шахтеры")["film"] == ["The Miners", "A Coal Town"]
    assert found("шахтеры")["trivia"] == ["Another Film (1936)"]
    assert found("heroic labour")["film"] == ["Heroic Labour", "A Coal Town"]


def test_every_word_of_a_query_must_be_found(miners):
    assert found("miners donbas")["film"] == ["The Miners"]
    assert "film" not in found("miners baku")


def test_drafts_and_scheduled_films_are_never_found_nor_their_items(committed):
    with committed():
        draft = make_film("The Miners' Draft", 1937, published_at=None)
        scheduled = make_film("Scheduled Miners", 1938, published_at=timezone.now() + datetime.timedelta(days=1))
        for film in (draft, scheduled):
            make_trivia(film, "Coal was dug by hand.")
            make_quote(film, "Coal is bread for industry.")
            make_scene(film, "Coal wagons roll out.")

    assert found("miners") == {}
    assert found("coal") == {}
    assert SearchDocument.objects.count() == 8  # indexed all the same, for the moment they go live


def test_a_scheduled_film_is_found_from_its_minute_on_without_being_saved_again(committed):
    with committed():
        film = make_film("The Miners", 1937, published_at=timezone.now() + datetime.timedelta(hours=1))
        make_trivia(film, "Real Donbas miners were extras.")
    assert found("miners") == {}

    # Its minute comes: nothing is saved, no signal is sent.
    Film.objects.filter(pk=film.pk).update(published_at=timezone.now() - datetime.timedelta(seconds=1))

    assert found("miners") == {"film": ["The Miners"], "trivia": ["The Miners (1937)"]}


def test_trivia_quotes_and_scenes_link_to_their_own_place_on_the_film_page(client, miners, committed):
    with committed():
        trivia = make_trivia(miners, "Real Donbas miners were used as extras.")
        quote = make_quote(miners, "Every ton of coal is a blow against the encirclement!")
        scene = make_scene(miners, "The underground sequence with the new coal-cutting method.")

    assert [hit.url for hit in hits("extras", "trivia")] == [f"/films/the-miners-1937/#trivia-{trivia.pk}"]
    assert [hit.url for hit in hits("coal", "quote")] == [f"/films/the-miners-1937/#quote-{quote.pk}"]
    assert [hit.url for hit in hits("coal", "scene")] == [f"/films/the-miners-1937/#scene-{scene.pk}"]
    page = client.get(miners.get_absolute_url()).text
    for item in (trivia, quote, scene):
        assert f'id="{item.item_anchor}"' in page


def test_the_matched_words_are_marked_in_a_short_escaped_excerpt(miners, committed):
    with committed():
        make_trivia(miners, "<b>Real</b> Donbas miners & their families " + "were extras " * 40)

    [hit] = hits("miner", "trivia")

    assert str(hit.excerpt).startswith("&lt;b&gt;Real&lt;/b&gt; Donbas <mark>miners</mark> &amp; their families")
    assert str(hit.excerpt).endswith("…")
    assert len(str(hit.excerpt)) < 300
    assert str(hits("miner", "film")[0].title) == "The <mark>Miners</mark>"


def test_people_and_studios_are_found_by_their_names_in_either_script(miners, committed):
    with committed():
        make_credit(miners, make_person("Sergei Yutkevich", original_name="Сергей Юткевич"), Role.DIRECTOR)
        make_studio("Lenfilm Studio", original_name="Ленфильм", city="Leningrad")

    assert found("Юткевич") == {"person": ["Sergei Yutkevich"]}
    assert found("yutkevich") == {"person": ["Sergei Yutkevich"]}
    assert found("ленфильм") == {"studio": ["Lenfilm Studio"]}


def test_a_film_renamed_is_found_by_its_new_title_after_the_commit(miners, committed):
    with committed():
        trivia = make_trivia(miners, "Real Donbas miners were extras.")
    with committed():
        miners.title = "The Coal Diggers"
        miners.save()

    assert found("diggers") == {"film": ["The Coal Diggers"]}
    assert "film" not in found("miners")
    assert hits("extras", "trivia")[0].url.endswith(f"#trivia-{trivia.pk}")
    assert str(hits("extras", "trivia")[0].title) == "The Coal Diggers (1937)"


def test_nothing_is_indexed_before_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_film("The Miners", 1937)
        make_film("Chapaev", 1934)

    assert not SearchDocument.objects.exists()
    # One re-indexing for the whole transaction, whatever it wrote.
    assert len([callback for callback in callbacks if isinstance(getattr(callback, "__self__", None), Pending)]) == 1
    for callback in callbacks:
        callback()
    assert found("miners") == {"film": ["The Miners"]}


def test_publishing_a_draft_makes_it_findable_and_unpublishing_hides_it(committed):
    with committed():
        film = make_film("The Miners", 1937, published_at=None)
    assert found("miners") == {}

    with committed():
        film.publish()
        film.save()
    assert found("miners") == {"film": ["The Miners"]}

    with committed():
        film.unpublish()
        film.save()
    assert found("miners") == {}


def test_a_deleted_film_leaves_the_index_with_its_items(miners, committed):
    with committed():
        make_trivia(miners, "Real Donbas miners were extras.")
    with committed():
        miners.delete()

    assert found("miners") == {}
    assert not SearchDocument.objects.filter(
        source__in=["catalogue.film", "catalogue.trivia"], title__contains="Miners"
    )


def test_an_alternative_title_added_or_removed_is_found_or_forgotten(miners, committed):
    with committed():
        alternative = AlternativeTitle.objects.create(film=miners, title="Donbass Diggers")
    assert found("diggers") == {"film": ["The Miners"]}

    with committed():
        alternative.delete()
    assert found("diggers") == {}


def test_a_renamed_tag_finds_its_films_by_the_new_name(miners, committed):
    with committed():
        miners.tags.add("coal mining")
    assert found("coal")["film"] == ["The Miners"]

    with committed():
        tag = Tag.objects.get(name="coal mining")
        tag.name = "anthracite"
        tag.save()

    assert found("anthracite")["film"] == ["The Miners"]
    assert "film" not in found("coal")


def test_rows_written_in_bulk_are_indexed_once_announced(committed):
    with committed():
        films = make_films(3, prefix="Miner Film")
        Trivia.objects.bulk_create(Trivia(film=film, text=f"Coal fact {film.pk}") for film in films)
        announce_bulk_write(
            "test", {Film: [film.pk for film in films], Trivia: list(Trivia.objects.values_list("pk", flat=True))}
        )

    assert found("miner film")["film"] == ["Miner Film 0", "Miner Film 1", "Miner Film 2"]
    assert len(found("coal fact")["trivia"]) == 3


def test_an_import_is_found_once_committed(tmp_path, committed):
    fixture = tmp_path / "films.json"
    row = {"title": "The Miners", "original_title": "Шахтёры", "slug": "the-miners-1937", "year": 1937}
    row |= dict.fromkeys(["published_at", "created_at", "updated_at"], "2026-01-01T00:00:00Z")
    fixture.write_text(json.dumps([{"model": "catalogue.film", "fields": row}]))

    with committed():
        import_fixtures(fixture, partial=True)

    assert found("шахтеры") == {"film": ["The Miners"]}


def test_a_restored_revision_is_found_by_its_restored_title(miners, committed):
    with committed(), reversion.create_revision():
        miners.save()
    with committed():
        miners.title = "The Coal Diggers"
        miners.save()

    with committed():
        Version.objects.get_for_object(miners).first().revision.revert(delete=True)

    assert found("miners")["film"] == ["The Miners"]
    assert found("diggers") == {}


def test_rebuilding_the_index_from_scratch_finds_the_same(miners, committed):
    before = found("miners strike шахтеры стачки")
    SearchDocument.objects.all().delete()
    SearchDocument.objects.create(source="catalogue.gone", object_id=1, kind="film", title="Gone", url="/")

    call_command("rebuild_search_index", verbosity=0)

    assert found("miners strike шахтеры стачки") == before
    assert found("miners") == {"film": ["The Miners"]}
    assert not SearchDocument.objects.filter(source="catalogue.gone").exists()


@sqlite_only
def test_rebuilding_the_index_mends_an_fts_index_that_lost_its_rows(miners):
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('delete-all')")
    assert found("miners") == {}

    call_command("rebuild_search_index", verbosity=0)

    assert found("miners") == {"film": ["The Miners"]}


@sqlite_only
def test_a_search_finds_its_rows_through_the_fts_index_and_reads_no_other_row_of_the_index(miners, committed):
    with committed():
        make_films(30, prefix="Coal Film")
    with CaptureQueriesContext(connection) as queries:
        assert found("miners") == {"film": ["The Miners"]}

    assert len(queries) == 2  # the counts by kind, then the results
    for query in queries:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {query['sql']}")
            plan = [row[-1] for row in cursor.fetchall()]
        assert any(step.startswith(f"SCAN {FTS_TABLE} VIRTUAL TABLE INDEX") for step in plan), plan
        index_rows = [step for step in plan if re.search(r"\bcore_searchdocument\b", step)]
        assert index_rows == ["SEARCH core_searchdocument USING INTEGER PRIMARY KEY (rowid=?)"], plan


def test_migrate_fills_an_empty_index_of_a_catalogue_with_content(miners):
    SearchDocument.objects.all().delete()

    call_command("migrate", verbosity=0)

    assert found("шахтеры") == {"film": ["The Miners"]}


def test_a_quote_is_found_by_its_speaker_and_by_the_speakers_new_name(miners, committed):
    with committed():
        character = miners.characters.create(name="Matvey Bobylev")
        make_quote(miners, "Every ton of coal is a blow against the encirclement!", character=character)
    assert found("bobylev") == {"quote": ["The Miners (1937)"]}

    with committed():
        character.name = "Comrade Chub"
        character.save()

    assert found("chub") == {"quote": ["The Miners (1937)"]}
    assert found("bobylev") == {}
