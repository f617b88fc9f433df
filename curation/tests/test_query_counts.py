"""
Every public page of the curation app runs a fixed number of SQL queries,
whatever the size of the list, the theme or the catalogue.
"""

import pytest
from django.urls import reverse
from taggit.models import Tag

from catalogue.models import TaggedFilm, Trivia
from curation.models import CuratedList, FeaturedFilm, FeaturedList, FeaturedTheme, HomePage, ListEntry, TaggedList
from curation.views import ThemeDetailView

from .factories import PUBLISHED, add_cover_rows, add_poster_rows, make_films

pytestmark = pytest.mark.django_db

MANY = 300

# The list (with its author), its tags, its entries with their films and facts.
LIST_PAGE_QUERIES = 3
# The tag (with its theme), its lists, whether any film carries it, a count and
# a page of its films, the related themes (the tags its films carry, the tags
# its lists carry, those tags).
THEME_PAGE_QUERIES = 8
# Whether the film counts kept for the film index still hold (their film
# counts come from there once a change is committed), then the themes with
# their counts.
THEME_INDEX_QUERIES = 2
# The home page's settings, then lists, films and themes: chosen, or defaults.
HOME_PAGE_QUERIES = 7
# A count and one page of lists, their tags.
LIST_INDEX_QUERIES = 3


def make_lists(count, prefix="List"):
    return CuratedList.objects.bulk_create(
        CuratedList(title=f"{prefix} {n}", slug=f"{prefix.lower()}-{n}", intro="Intro.", published_at=PUBLISHED)
        for n in range(count)
    )


def make_tags(count, prefix="theme"):
    return Tag.objects.bulk_create(Tag(name=f"{prefix} {n}", slug=f"{prefix}-{n}") for n in range(count))


def tag_films(films, tags):
    TaggedFilm.objects.bulk_create(TaggedFilm(content_object=film, tag=tag) for film in films for tag in tags)


def tag_lists(lists, tags):
    TaggedList.objects.bulk_create(TaggedList(content_object=item, tag=tag) for item in lists for tag in tags)


def test_a_list_of_hundreds_of_entries_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    (curated_list,) = make_lists(1)
    films = make_films(MANY)
    facts = Trivia.objects.bulk_create(Trivia(film=film, text=f"Fact about {film.title}") for film in films)
    ListEntry.objects.bulk_create(
        ListEntry(curated_list=curated_list, film=film, blurb=f"Blurb {n}", featured_fact=fact, position=n)
        for n, (film, fact) in enumerate(zip(films, facts, strict=True), start=1)
    )
    tag_lists([curated_list], make_tags(20))
    add_poster_rows(films)
    add_cover_rows([curated_list])

    with django_assert_max_num_queries(LIST_PAGE_QUERIES):
        response = client.get(curated_list.get_absolute_url())

    assert response.status_code == 200
    assert response.text.count("<picture") == MANY + 1  # the posters and the cover
    assert response.text.count('class="list-entry"') == MANY
    assert response.text.count("Fact:</strong>") == MANY


def test_a_theme_with_hundreds_of_films_and_dozens_of_lists_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    theme, *others = make_tags(40)
    films = make_films(MANY)
    tag_films(films, [theme, *others[:10]])
    lists = make_lists(50)
    tag_lists(lists, [theme, *others[10:20]])
    for curated_list in lists[:5]:
        ListEntry.objects.bulk_create(
            ListEntry(curated_list=curated_list, film=film, blurb="Blurb", position=n)
            for n, film in enumerate(films[:30], start=1)
        )
    add_poster_rows(films)
    add_cover_rows(lists)

    with django_assert_max_num_queries(THEME_PAGE_QUERIES):
        response = client.get(reverse("curation:theme_detail", args=[theme.slug]))

    assert response.status_code == 200
    assert response.context["paginator"].count == MANY
    assert len(response.context["curated_lists"]) == 50
    assert len(response.context["related_themes"]) == 12
    assert response.text.count("<picture") == 50 + ThemeDetailView.paginate_by  # the lists' covers, a page of posters


def test_the_themes_index_with_hundreds_of_themes_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    tags = make_tags(MANY)
    films = make_films(30)
    tag_films(films, tags[: MANY // 2])
    tag_lists(make_lists(10), tags[MANY // 2 :])

    with django_assert_max_num_queries(THEME_INDEX_QUERIES):
        response = client.get(reverse("curation:theme_index"), {"sort": "films"})

    assert len(response.context["themes"]) == MANY


def test_the_lists_index_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    lists = make_lists(MANY)
    tag_lists(lists, make_tags(5))
    add_cover_rows(lists)

    with django_assert_max_num_queries(LIST_INDEX_QUERIES):
        response = client.get(reverse("curation:list_index"))

    assert len(response.context["curated_lists"]) == 30


@pytest.mark.parametrize("chosen", [False, True], ids=["defaults", "chosen by editors"])
def test_the_home_page_runs_a_fixed_number_of_queries(client, chosen, django_assert_max_num_queries):
    films = make_films(MANY)
    tags = make_tags(MANY)
    tag_films(films[:50], tags[:50])
    lists = make_lists(50)
    tag_lists(lists, tags[50:60])
    add_poster_rows(films)
    add_cover_rows(lists)
    if chosen:
        home_page = HomePage.objects.create(pk=1)
        FeaturedList.objects.bulk_create(
            FeaturedList(home_page=home_page, curated_list=item, position=n) for n, item in enumerate(lists[:10])
        )
        FeaturedFilm.objects.bulk_create(
            FeaturedFilm(home_page=home_page, film=film, position=n) for n, film in enumerate(films[:20])
        )
        FeaturedTheme.objects.bulk_create(
            FeaturedTheme(home_page=home_page, tag=tag, position=n) for n, tag in enumerate(tags[:20])
        )

    with django_assert_max_num_queries(HOME_PAGE_QUERIES):
        response = client.get("/")

    home = response.context["home"]
    assert (home.lists_chosen, home.films_chosen, home.themes_chosen) == (chosen, chosen, chosen)
    assert home.lists and home.films and home.themes
    assert response.text.count("<picture") == len(home.lists) + len(home.films)
