"""
The home, list and theme pages keep what they are built from between edits
(core/data_cache.py) and drop it on the first change that could alter them;
the whole-page cache is off here, as right after an edit.
"""

import pytest
from django.contrib.auth import get_user_model
from taggit.models import Tag

from catalogue.models import Film, Trivia
from catalogue.tests.factories import make_film, make_films, make_person, make_trivia
from core.tests.helpers import visible_text
from curation.models import ThemeRedirect
from curation.views import ThemeDetailView

from .factories import add_entry, make_list

# Kept page data switched on, the whole-page cache off: as right after an edit.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_data")]


@pytest.fixture
def miners():
    film = make_film("The Miners", 1937)
    film.tags.add("coal mining")
    curated = make_list("Coal on screen", slug="coal")
    curated.tags.add("coal mining")
    add_entry(curated, film, blurb="The first.", featured_fact=make_trivia(film, "Real miners were extras."))
    return film


PAGES = ["/", "/lists/coal/", "/themes/coal-mining/"]


@pytest.mark.parametrize("url", [*PAGES, "/lists/", "/themes/", "/themes/?sort=films"])
def test_a_kept_page_costs_one_query_and_reads_exactly_as_a_loaded_one(client, miners, url, django_assert_num_queries):
    first = client.get(url)

    with django_assert_num_queries(1):
        second = client.get(url)

    assert second.content == first.content


def rename_film(film):
    film.title = "The Coal Miners"
    film.save()


@pytest.mark.parametrize("url", PAGES)
def test_a_renamed_film_shows_at_once(client, miners, commit, url):
    client.get(url)

    commit(lambda: rename_film(miners))

    assert "The Coal Miners" in visible_text(client.get(url))


def test_an_edited_featured_fact_shows_on_the_list_at_once(client, miners, commit):
    client.get("/lists/coal/")

    def edit():
        fact = Trivia.objects.get(text="Real miners were extras.")
        fact.text = "Real Donbas miners were extras."
        fact.save()

    commit(edit)

    assert "Real Donbas miners were extras." in visible_text(client.get("/lists/coal/"))


def test_a_film_given_the_theme_shows_on_its_page_at_once(client, miners, commit):
    other = make_film("Counterplan", 1932)
    assert "Counterplan" not in visible_text(client.get("/themes/coal-mining/"))

    commit(lambda: other.tags.add("coal mining"))

    assert "Counterplan" in visible_text(client.get("/themes/coal-mining/"))


def test_an_edit_elsewhere_keeps_the_home_and_theme_pages(client, miners, commit, django_assert_num_queries):
    client.get("/")
    client.get("/themes/coal-mining/")

    commit(lambda: make_person("Sergei Yutkevich"))

    with django_assert_num_queries(2):
        client.get("/")
        client.get("/themes/coal-mining/")


def test_each_page_of_a_kept_theme_is_its_own(client, miners):
    tag = Tag.objects.get(name="coal mining")
    for film in make_films(ThemeDetailView.paginate_by + 5, prefix="Seam"):
        film.tags.add(tag)
    client.get("/themes/coal-mining/")

    last = client.get("/themes/coal-mining/", {"page": "last"})
    second, again = client.get("/themes/coal-mining/", {"page": "2"}), client.get("/themes/coal-mining/", {"page": "2"})

    assert last.context["page_obj"].number == 2
    assert len(last.context["films"]) == 6
    assert "Seam" in visible_text(second)
    assert again.content == second.content
    assert client.get("/themes/coal-mining/", {"page": "3"}).status_code == 404
    assert client.get("/themes/coal-mining/", {"page": "two"}).status_code == 404


def test_an_old_theme_address_still_redirects_when_kept(client, miners, commit):
    def rename():
        tag = Tag.objects.get(name="coal mining")
        tag.name, tag.slug = "coal", "coal"
        tag.save()
        ThemeRedirect.objects.record("coal-mining", tag)

    client.get("/themes/coal-mining/")
    commit(rename)

    first, second = client.get("/themes/coal-mining/"), client.get("/themes/coal-mining/")

    assert first.status_code == second.status_code == 301
    assert second["Location"] == "/themes/coal/"


def test_a_theme_nobody_published_stays_missing(client, commit):
    make_film("Draft Seam", 1938, published_at=None).tags.add("hidden seam")

    assert client.get("/themes/hidden-seam/").status_code == 404
    assert client.get("/themes/hidden-seam/").status_code == 404


def test_signed_in_staff_never_get_kept_theme_pages(client, miners):
    client.get("/themes/coal-mining/")
    client.force_login(get_user_model().objects.create_user("editor", is_staff=True))

    Film.objects.filter(pk=miners.pk).update(title="Changed behind the cache's back")

    assert "Changed behind the cache" in visible_text(client.get("/themes/coal-mining/"))


def test_a_kept_film_index_page_costs_one_query_and_reads_exactly_as_a_loaded_one(
    client, miners, django_assert_num_queries
):
    make_films(60, prefix="Seam")
    first = client.get("/films/", {"page": "2", "sort": "-year"}, follow=True)
    address = first.redirect_chain[-1][0] if first.redirect_chain else "/films/?page=2&sort=-year"

    with django_assert_num_queries(1):
        second = client.get(address)

    assert second.content == first.content


def test_a_film_given_a_theme_counts_on_the_film_index_at_once(client, miners, commit):
    other = make_film("Counterplan", 1932)
    assert "Counterplan" not in visible_text(client.get("/films/", {"theme": "coal-mining"}))

    commit(lambda: other.tags.add("coal mining"))

    assert "Counterplan" in visible_text(client.get("/films/", {"theme": "coal-mining"}))


def test_a_newly_published_list_shows_on_the_list_index_at_once(client, miners, commit):
    assert "Dams of the Volga" not in visible_text(client.get("/lists/"))

    commit(lambda: make_list("Dams of the Volga"))

    assert "Dams of the Volga" in visible_text(client.get("/lists/"))


def test_a_film_given_a_theme_counts_on_the_theme_index_at_once(client, miners, commit):
    client.get("/themes/")

    commit(lambda: make_film("Counterplan", 1932).tags.add("coal mining"))

    assert "coal mining 2 films" in visible_text(client.get("/themes/"))


def test_each_sort_order_of_the_theme_index_is_kept_on_its_own(client, miners):
    make_film("Counterplan", 1932).tags.add("factories", "five-year plan")

    by_name, by_size = client.get("/themes/"), client.get("/themes/", {"sort": "films"})

    assert [tag.name for tag in by_name.context["themes"]] == ["coal mining", "factories", "five-year plan"]
    assert by_size.context["themes"][0].name == "coal mining"
