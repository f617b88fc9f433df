"""What readers see: the lists, the theme pages, the home page, and lists on film pages."""

import re
from urllib.parse import quote

import pytest
from django.urls import reverse
from taggit.models import Tag

from catalogue.models import Film, Verification
from core.tests.helpers import visible_text
from curation.models import FeaturedFilm, FeaturedList, FeaturedTheme, HomePage, Theme
from curation.tags import merge_tags

from .conftest import SEED_LIST_SLUG
from .factories import PUBLISHED, add_entry, make_film, make_list, make_trivia

pytestmark = pytest.mark.django_db


def theme_address(tag):
    return reverse("curation:theme_detail", args=[tag.slug])


# Curated lists


def test_the_seed_list_reads_like_the_seed(client, seed):
    response = client.get(reverse("curation:list_detail", args=[SEED_LIST_SLUG]))

    assert response.status_code == 200
    entries = response.context["curated_list"].entries_shown
    assert [(entry.position, entry.film.slug) for entry in entries] == [
        (1, "strike-1925"),
        (2, "the-vow-1946"),
        (3, "the-road-to-life-1931"),
        (4, "the-iron-stream-1967"),
        (5, "the-big-ore-1964"),
        (6, "the-first-echelon-1956"),
        (7, "the-height-1957"),
        (8, "the-red-tent-1969"),
        (9, "the-optimistic-tragedy-1963"),
        (10, "the-ascent-1977"),
    ]
    page = visible_text(response)
    assert (
        page.index("Soviet cinema has a rich history") < page.index("Strike (1925)") < page.index("The Ascent (1977)")
    )
    for entry in entries:
        assert f'href="/films/{entry.film.slug}/"' in response.text
        assert entry.blurb in page
        assert f"Fact: {entry.featured_fact.text}" in page


def test_every_film_of_the_seed_list_has_its_page(client, seed):
    curated_list = client.get(reverse("curation:list_detail", args=[SEED_LIST_SLUG])).context["curated_list"]

    for entry in curated_list.entries_shown:
        assert client.get(entry.film.get_absolute_url()).status_code == 200


def test_each_of_the_miners_themes_has_a_page_that_links_back_to_the_film(client, seed):
    miners = Film.objects.get(slug="the-miners-1937")
    film_page = client.get(miners.get_absolute_url()).text

    tags = list(miners.tags.all())
    assert len(tags) == 15
    for tag in tags:
        assert f'href="{theme_address(tag)}"' in film_page
        theme_page = client.get(theme_address(tag))
        assert theme_page.status_code == 200
        assert f'href="{miners.get_absolute_url()}"' in theme_page.text


def test_a_fact_shows_how_far_it_is_verified(client):
    strike = make_film("Strike", 1925)
    fact = make_trivia(
        strike,
        "Factory workers played the workers.",
        verification=Verification.DISPUTED,
        editor_note="No source names them.",
    )
    curated_list = make_list()
    add_entry(curated_list, strike, featured_fact=fact)

    page = visible_text(client.get(curated_list.get_absolute_url()))

    assert "Fact: Factory workers played the workers. Status: Disputed Editor's note: No source names them." in page


def test_editing_a_fact_changes_the_list_and_the_film_page_alike(client):
    strike = make_film("Strike", 1925)
    fact = make_trivia(strike, "Eisenstein used non-professional actors.")
    curated_list = make_list()
    add_entry(curated_list, strike, featured_fact=fact)

    fact.text = "Eisenstein cast workers of the Putilov plant."
    fact.save()

    for address in (curated_list.get_absolute_url(), strike.get_absolute_url()):
        page = visible_text(client.get(address))
        assert "Eisenstein cast workers of the Putilov plant." in page
        assert "non-professional actors" not in page


def test_a_list_shows_its_closing_text_themes_and_author(client, django_user_model):
    author = django_user_model.objects.create(username="ivanova", first_name="Anna", last_name="Ivanova")
    curated_list = make_list("Dams", closing_text="Watch them in order.", author=author)
    curated_list.tags.add("hydroelectric power")

    response = client.get(curated_list.get_absolute_url())

    page = visible_text(response)
    assert "Watch them in order." in page
    assert "By Anna Ivanova" in page
    assert f'<a href="{theme_address(Tag.objects.get())}">hydroelectric power</a>' in response.text


def test_entries_of_unpublished_films_stay_off_the_list(client):
    curated_list = make_list()
    add_entry(curated_list, make_film("Strike", 1925))
    add_entry(curated_list, make_film("Draft film", 1930, published_at=None))

    page = visible_text(client.get(curated_list.get_absolute_url()))

    assert "Strike" in page
    assert "Draft film" not in page


def test_an_unpublished_list_is_for_editors_only(client, admin_client):
    draft = make_list("Work in progress", published_at=None)

    assert client.get(draft.get_absolute_url()).status_code == 404
    preview = admin_client.get(draft.get_absolute_url())
    assert preview.status_code == 200
    assert "Draft: readers cannot see this page." in visible_text(preview)


def test_the_lists_index_shows_published_lists_with_their_size(client):
    factories = make_list("Factory films")
    for _ in range(3):
        add_entry(factories)
    make_list("Draft", published_at=None)

    response = client.get(reverse("curation:list_index"))

    page = visible_text(response)
    assert "Factory films 3 films" in page
    assert "Draft" not in page
    assert f'href="{factories.get_absolute_url()}"' in response.text


# Film pages


def test_a_film_page_names_the_lists_that_include_it(client):
    strike = make_film("Strike", 1925)
    factories = make_list("Factory films")
    add_entry(factories)
    add_entry(factories, strike)
    add_entry(make_list("Hidden draft", published_at=None), strike)

    response = client.get(strike.get_absolute_url())

    page = visible_text(response)
    assert "In Curated Lists Factory films — no. 2 on the list" in page
    assert f'href="{factories.get_absolute_url()}#film-{strike.slug}"' in response.text
    assert "Hidden draft" not in page


def test_the_lists_section_comes_just_before_the_themes(client):
    strike = make_film("Strike", 1925)
    strike.tags.add("strikes")
    add_entry(make_list(), strike)

    anchors = [section.anchor for section in client.get(strike.get_absolute_url()).context["sections"]]

    assert anchors[-2:] == ["in-curated-lists", "themes-and-topics"]


# Theme pages


def test_a_theme_page_without_an_editorial_intro_works_from_the_tag(client):
    miners = make_film("The Miners", 1937)
    miners.tags.add("coal mining")
    tag = Tag.objects.get()

    response = client.get(theme_address(tag))

    assert response.status_code == 200
    assert response.context["theme"] is None
    page = visible_text(response)
    assert "Coal mining 1 film on this theme." in page
    assert f'href="{miners.get_absolute_url()}"' in response.text


def test_a_theme_page_shows_the_editorial_intro_and_share_description(client):
    make_film("The Miners", 1937).tags.add("coal mining")
    tag = Tag.objects.get()
    Theme.objects.create(
        tag=tag,
        intro="Coal fed the Five-Year Plans.",
        share_description="Films of the coal face.",
        published_at=PUBLISHED,
    )

    response = client.get(theme_address(tag))

    assert "Coal fed the Five-Year Plans." in visible_text(response)
    assert '<meta name="description" content="Films of the coal face.">' in response.text


def test_a_theme_page_lists_the_films_and_lists_that_carry_it(client):
    strike, vow, draft = (
        make_film("Strike", 1925),
        make_film("The Vow", 1946),
        make_film("Draft", 1950, published_at=None),
    )
    for film in (strike, vow, draft):
        film.tags.add("factories")
    factory_list = make_list("Factory films")
    factory_list.tags.add("factories")
    make_list("Draft list", published_at=None).tags.add("factories")

    response = client.get(theme_address(Tag.objects.get(name="factories")))

    assert [film.title for film in response.context["films"]] == ["Strike", "The Vow"]
    assert [curated_list.title for curated_list in response.context["curated_lists"]] == ["Factory films"]


def test_related_themes_are_the_tags_that_occur_together_with_counts(client):
    for title, tags in [
        ("The Miners", ["coal mining", "Donbas", "sabotage"]),
        ("The Big Ore", ["coal mining", "Donbas"]),
        ("The Vow", ["factories"]),
    ]:
        make_film(title, 1950).tags.add(*tags)
    mining_list = make_list("Mining films")
    mining_list.tags.add("coal mining", "Donbas")

    response = client.get(theme_address(Tag.objects.get(name="coal mining")))

    related = [(tag.name, tag.shared_films, tag.shared_lists) for tag in response.context["related_themes"]]
    assert related == [("Donbas", 2, 1), ("sabotage", 1, 0)]
    assert f'href="{theme_address(Tag.objects.get(name="Donbas"))}"' in response.text


def test_a_cyrillic_tag_has_a_readable_working_address(client):
    miners = make_film("The Miners", 1937)
    miners.tags.add("Донбасс")
    tag = Tag.objects.get()

    assert tag.slug == "донбасс"
    assert theme_address(tag) == f"/themes/{quote('донбасс')}/"
    response = client.get("/themes/донбасс/")
    assert response.status_code == 200
    assert f'href="{miners.get_absolute_url()}"' in response.text
    # …and the film page links to it.
    assert f'href="{theme_address(tag)}"' in client.get(miners.get_absolute_url()).text


def test_an_unknown_theme_is_not_found(client):
    assert client.get("/themes/no-such-theme/").status_code == 404


def test_a_tag_only_drafts_carry_has_no_public_page(client):
    make_film("Draft", 1950, published_at=None).tags.add("secret project")

    assert client.get(theme_address(Tag.objects.get())).status_code == 404


def test_a_merged_tags_old_address_redirects_permanently_to_the_new_one(client):
    make_film("Turksib", 1929).tags.add("Industrialisation")
    make_film("The Miners", 1937).tags.add("industrialization")
    british, american = Tag.objects.get(name="Industrialisation"), Tag.objects.get(name="industrialization")
    old_address = theme_address(british)

    merge_tags([british, american], into=american)

    response = client.get(old_address)
    assert response.status_code == 301
    assert response["Location"] == theme_address(american)
    new_page = client.get(response["Location"])
    assert [film.title for film in new_page.context["films"]] == ["Turksib", "The Miners"]


def test_the_themes_index_counts_published_films_and_lists(client):
    make_film("The Miners", 1937).tags.add("coal mining", "Donbas")
    make_film("The Big Ore", 1964).tags.add("coal mining")
    make_film("Draft", 1950, published_at=None).tags.add("coal mining", "unreleased")
    make_list("Mining").tags.add("coal mining")

    response = client.get(reverse("curation:theme_index"))

    assert [(tag.name, tag.film_count, tag.list_count) for tag in response.context["themes"]] == [
        ("coal mining", 2, 1),
        ("Donbas", 1, 0),
    ]
    assert "coal mining 2 films · 1 list" in visible_text(response)


def test_the_themes_index_sorts_by_name_in_any_script_or_by_size(client):
    make_film("A", 1930).tags.add("шахтёры", "Donbas", "coal mining")
    make_film("B", 1931).tags.add("coal mining", "Шахта")

    by_name = client.get(reverse("curation:theme_index"))
    by_size = client.get(reverse("curation:theme_index"), {"sort": "films"})

    assert [tag.name for tag in by_name.context["themes"]] == ["coal mining", "Donbas", "Шахта", "шахтёры"]
    assert [tag.name for tag in by_size.context["themes"]][0] == "coal mining"


# The home page


def test_the_home_page_has_sensible_defaults_when_nothing_is_chosen(client):
    old = make_list("Older list")
    make_list("Newer list")
    old.published_at = old.published_at.replace(year=2020)
    old.save()
    make_list("Draft list", published_at=None)
    richest = make_film("The Miners", 1937)
    richest.tags.add("coal mining", "Donbas", "sabotage")
    make_film("Bare film", 1930)

    response = client.get("/")

    home = response.context["home"]
    assert [curated_list.title for curated_list in home.lists] == ["Newer list", "Older list"]
    assert home.films[0] == richest
    assert [tag.name for tag in home.themes] == ["coal mining", "Donbas", "sabotage"]
    page = visible_text(response)
    assert "Newest lists" in page and "Films to start with" in page


def test_the_home_page_shows_what_editors_chose_in_their_order(client):
    home_page = HomePage.objects.create(pk=1, welcome="Welcome, comrade reader.")
    chosen_lists = [make_list("Second"), make_list("First")]
    make_list("Not chosen")
    for position, curated_list in enumerate(reversed(chosen_lists), start=1):
        FeaturedList.objects.create(home_page=home_page, curated_list=curated_list, position=position)
    FeaturedList.objects.create(home_page=home_page, curated_list=make_list("Draft", published_at=None), position=3)
    strike = make_film("Strike", 1925)
    FeaturedFilm.objects.create(home_page=home_page, film=strike, position=1)
    strike.tags.add("strikes", "factories")
    FeaturedTheme.objects.create(home_page=home_page, tag=Tag.objects.get(name="strikes"), position=1)

    response = client.get("/")

    home = response.context["home"]
    assert [curated_list.title for curated_list in home.lists] == ["First", "Second"]
    assert home.films == [strike]
    assert [tag.name for tag in home.themes] == ["strikes"]
    page = visible_text(response)
    assert "Welcome, comrade reader." in page
    assert "Featured lists" in page and "Featured films" in page and "Featured themes" in page


@pytest.mark.parametrize("address", ["/", "/lists/", "/themes/"])
def test_every_curation_page_has_the_site_navigation(client, address):
    response = client.get(address)

    nav = re.search(r'<nav class="site-nav".*?</nav>', response.text, flags=re.S).group()
    for target in ["/films/", "/lists/", "/themes/", "/people/"]:
        assert f'href="{target}"' in nav
