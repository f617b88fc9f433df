"""
The people and studio indexes, the timeline and the influence map keep what
they show readers (core.views.KeptForReadersMixin) until a row they read
changes, and show that change at once; the whole-page cache is off here, as
right after an edit.
"""

import pytest
from django.utils import timezone

from catalogue.models import Film, FilmStudio
from core.tests.helpers import visible_text

from .factories import make_film, make_influence, make_person, make_studio

# Kept page data switched on, the whole-page cache off: as right after an edit.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_data")]

PAGES = ["/people/", "/studios/", "/timeline/", "/timeline/?decade=1930", "/influences/"]


@pytest.fixture
def catalogue():
    miners = make_film("The Miners", 1937)
    counterplan = make_film("Counterplan", 1932)
    FilmStudio.objects.create(film=miners, studio=make_studio("Lenfilm Studio"), position=1)
    make_person("Sergei Yutkevich")
    make_influence(counterplan, miners, note="The factory as hero")
    return miners


@pytest.mark.parametrize("url", PAGES)
def test_a_kept_index_costs_one_query_and_reads_exactly_as_a_loaded_one(
    client, catalogue, url, django_assert_num_queries
):
    first = client.get(url)

    with django_assert_num_queries(1):
        second = client.get(url)

    assert second.content == first.content


def add_person():
    make_person("Fridrikh Ermler")


def give_the_studio_a_second_film():
    FilmStudio.objects.create(
        film=make_film("Golden Mountains", 1931), studio=FilmStudio.objects.get().studio, position=1
    )


def publish_a_draft():
    film = make_film("Turksib", 1929, published_at=None)
    film.published_at = timezone.now()
    film.save()


def add_an_influence():
    make_influence(Film.objects.get(title="The Miners"), make_film("Bratsk", 1966), note="Coal to hydropower")


@pytest.mark.parametrize(
    "url, change, shown",
    [
        ("/people/", add_person, "Fridrikh Ermler"),
        ("/studios/", give_the_studio_a_second_film, "2 films"),
        ("/timeline/", publish_a_draft, "Turksib"),
        ("/influences/", add_an_influence, "Coal to hydropower"),
    ],
)
def test_a_change_to_what_an_index_reads_shows_at_once(client, catalogue, commit, url, change, shown):
    assert shown not in visible_text(client.get(url))

    commit(change)

    assert shown in visible_text(client.get(url))


def test_each_page_of_an_index_is_kept_on_its_own(client, catalogue):
    for n in range(60):
        make_person(f"Person {n:02}")

    first, second = client.get("/people/"), client.get("/people/", {"page": 2})

    assert first.context["page_obj"].number == 1
    assert second.context["page_obj"].number == 2
    assert first.content != second.content


def test_signed_in_editors_get_an_index_built_afresh(editor_client, catalogue, django_assert_max_num_queries):
    editor_client.get("/studios/")

    with django_assert_max_num_queries(10) as queries:
        editor_client.get("/studios/")

    assert len(queries) > 1
