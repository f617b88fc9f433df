"""The rules of a curated list: dense stable positions, one film once, facts stored with the film."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from curation.models import ANONYMOUS_AUTHOR, ListEntry

from .factories import add_entry, make_film, make_list, make_trivia

pytestmark = pytest.mark.django_db


def titles(curated_list):
    return [entry.film.title for entry in curated_list.entries.select_related("film")]


def positions(curated_list):
    return list(curated_list.entries.values_list("position", flat=True))


@pytest.fixture
def five_films():
    curated_list = make_list("Factory films")
    for title in ["A", "B", "C", "D", "E"]:
        add_entry(curated_list, make_film(title))
    return curated_list


def test_new_entries_go_to_the_end_of_the_list(five_films):
    assert titles(five_films) == ["A", "B", "C", "D", "E"]
    assert positions(five_films) == [1, 2, 3, 4, 5]


def test_removing_an_entry_closes_the_gap(five_films):
    five_films.entries.get(film__title="B").delete()

    assert titles(five_films) == ["A", "C", "D", "E"]
    assert positions(five_films) == [1, 2, 3, 4]


def test_a_film_appears_at_most_once_in_a_list():
    curated_list = make_list()
    film = make_film("Strike", 1925)
    add_entry(curated_list, film)

    second = ListEntry(curated_list=curated_list, film=film, blurb="Again", position=2)
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert error.value.messages == ["This film is already in the list."]
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_the_same_film_may_appear_in_two_lists():
    film = make_film("Strike", 1925)
    add_entry(make_list("Silent films"), film)
    add_entry(make_list("Eisenstein"), film)

    assert film.list_entries.count() == 2


def test_the_featured_fact_must_belong_to_the_entrys_film():
    strike = make_film("Strike", 1925)
    other_fact = make_trivia(make_film("The Vow", 1946), "Shot in a real factory.")
    entry = ListEntry(curated_list=make_list(), film=strike, blurb="Workers' solidarity.", featured_fact=other_fact)

    with pytest.raises(ValidationError) as error:
        entry.full_clean()

    assert error.value.message_dict == {"featured_fact": ["That featured fact belongs to another film."]}


def test_the_featured_fact_is_the_films_trivia_item_not_a_copy():
    strike = make_film("Strike", 1925)
    fact = make_trivia(strike, "Eisenstein used non-professional actors.")
    entry = add_entry(make_list(), strike, featured_fact=fact)

    fact.text = "Eisenstein cast actual factory workers."
    fact.save()
    entry.refresh_from_db()

    assert entry.featured_fact.text == "Eisenstein cast actual factory workers."
    assert strike.trivia.count() == 1


def test_deleting_the_trivia_item_leaves_the_entry_without_a_fact():
    strike = make_film("Strike", 1925)
    fact = make_trivia(strike)
    entry = add_entry(make_list(), strike, featured_fact=fact)

    fact.delete()
    entry.refresh_from_db()

    assert entry.featured_fact is None


def test_a_list_without_an_author_is_signed_by_the_editors(django_user_model):
    editor = django_user_model.objects.create(username="ivanova", first_name="Anna", last_name="Ivanova")

    assert make_list().author_name == ANONYMOUS_AUTHOR
    assert make_list(author=editor).author_name == "Anna Ivanova"


def test_an_author_without_a_full_name_is_never_shown_by_login_name(django_user_model):
    editor = django_user_model.objects.create(username="editor")

    assert make_list(author=editor).author_name == ANONYMOUS_AUTHOR


def test_deleting_the_author_keeps_the_list(django_user_model):
    editor = django_user_model.objects.create(username="ivanova")
    curated_list = make_list(author=editor)

    editor.delete()
    curated_list.refresh_from_db()

    assert curated_list.author_name == ANONYMOUS_AUTHOR
