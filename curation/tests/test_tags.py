"""Merging and renaming tags without losing films, lists or addresses; one tag across films and lists."""

import pytest
from taggit.models import Tag

from catalogue.models import Film, PublishedFilmCount, TaggedFilm
from core.tagging import parse_tags
from curation.models import FeaturedTheme, HomePage, TaggedList, Theme, ThemeRedirect
from curation.tags import merge_tags, record_slug_change

from .factories import make_film, make_list

pytestmark = pytest.mark.django_db


def tag_names(obj):
    return sorted(obj.tags.names())


@pytest.fixture
def two_spellings():
    """'Industrialisation' on one film and one list, 'industrialization' on others."""
    british = Tag.objects.create(name="Industrialisation")
    american = Tag.objects.create(name="industrialization")
    turksib = make_film("Turksib", 1929)
    turksib.tags.add(british)
    miners = make_film("The Miners", 1937)
    miners.tags.add(american, "coal mining")
    both = make_film("The Iron Stream", 1967)
    both.tags.add(british, american)
    factory_list = make_list("Factory films")
    factory_list.tags.add(british)
    return british, american


def test_merging_moves_every_film_and_list_to_the_kept_tag(two_spellings):
    british, american = two_spellings

    result = merge_tags([british, american], into=american)

    assert not Tag.objects.filter(pk=british.pk).exists()
    assert sorted(TaggedFilm.objects.filter(tag=american).values_list("content_object__title", flat=True)) == [
        "The Iron Stream",
        "The Miners",
        "Turksib",
    ]
    assert list(TaggedList.objects.filter(tag=american).values_list("content_object__title", flat=True)) == [
        "Factory films"
    ]
    assert result.merged_names == ["Industrialisation"]
    assert (result.moved, result.already_tagged) == (2, 1)


def test_a_film_that_had_both_tags_keeps_one(two_spellings):
    british, american = two_spellings

    merge_tags([british, american], into=american)

    assert TaggedFilm.objects.filter(content_object__title="The Iron Stream").count() == 1


def test_merging_leaves_other_tags_alone(two_spellings):
    british, american = two_spellings

    merge_tags([british], into=american)

    assert tag_names(Film.objects.get(title="The Miners")) == ["coal mining", "industrialization"]


def test_the_merged_tags_address_redirects_to_the_kept_one(two_spellings):
    british, american = two_spellings

    merge_tags([british], into=american)

    assert ThemeRedirect.objects.get(old_slug="industrialisation").tag == american


def test_addresses_that_redirected_to_a_merged_tag_follow_it(two_spellings):
    british, american = two_spellings
    record_slug_change(british, "industrialisation-1930s")

    merge_tags([british], into=american)

    assert ThemeRedirect.objects.get(old_slug="industrialisation-1930s").tag == american


def test_the_kept_tag_inherits_an_editorial_intro_when_it_has_none(two_spellings):
    british, american = two_spellings
    Theme.objects.create(tag=british, intro="The Five-Year Plans on screen.", share_description="Plans.")

    merge_tags([british], into=american)

    assert Theme.objects.get(tag=american).intro == "The Five-Year Plans on screen."
    assert Theme.objects.count() == 1


def test_the_kept_tag_keeps_its_own_intro(two_spellings):
    british, american = two_spellings
    Theme.objects.create(tag=british, intro="British words.")
    Theme.objects.create(tag=american, intro="American words.")

    merge_tags([british], into=american)

    assert Theme.objects.get().intro == "American words."


def test_a_theme_featured_on_the_home_page_stays_featured(two_spellings):
    british, american = two_spellings
    home = HomePage.objects.create(pk=1)
    FeaturedTheme.objects.create(home_page=home, tag=british, position=1)

    merge_tags([british], into=american)

    assert list(home.featured_themes.values_list("tag__name", flat=True)) == ["industrialization"]


def test_renaming_a_slug_back_removes_the_redirect_that_would_hide_the_page():
    tag = Tag.objects.create(name="Donbas", slug="donbass")
    tag.slug = "donbas"
    tag.save()
    record_slug_change(tag, "donbass")

    tag.slug = "donbass"
    tag.save()
    record_slug_change(tag, "donbas")

    assert list(ThemeRedirect.objects.values_list("old_slug", flat=True)) == ["donbas"]


def test_adding_a_cyrillic_tag_in_another_case_reuses_the_tag():
    film = make_film("The Miners", 1937)
    film.tags.add("Донбасс")

    make_list().tags.add(*parse_tags("донбасс"))

    assert list(Tag.objects.values_list("name", flat=True)) == ["Донбасс"]


def test_the_film_index_counts_follow_a_merge(commit):
    def merge():
        british = Tag.objects.create(name="Industrialisation")
        american = Tag.objects.create(name="industrialization")
        make_film("Turksib", 1929).tags.add(british)
        make_film("The Miners", 1937).tags.add(american)
        merge_tags([british], into=american)

    commit(merge)

    themes = {row.value: row.count for row in PublishedFilmCount.objects.filter(kind="theme")}
    assert themes == {"industrialization": 2}
