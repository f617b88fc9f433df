"""The tag vocabulary: what a tag may be called, and when two names are one tag."""

import pytest
from django.core.exceptions import ValidationError
from taggit.models import Tag

from core.tagging import canonical_tag_names, join_tag_names, parse_tags, split_tag_string

pytestmark = pytest.mark.django_db


def test_tag_names_need_a_letter_or_a_digit():
    with pytest.raises(ValidationError) as error:
        parse_tags("coal mining, :, !!!")

    assert sorted(error.value.messages) == [
        "“!!!” cannot be a tag: a tag needs at least one letter or digit.",
        "“:” cannot be a tag: a tag needs at least one letter or digit.",
    ]


def test_numbers_are_fine_as_tags():
    assert parse_tags("1937, five-year plan") == ["1937", "five-year plan"]


def test_names_differing_only_in_case_are_one_tag_in_any_script():
    Tag.objects.create(name="Донбасс")

    assert canonical_tag_names(["донбасс", "ДОНБАСС", "new  theme", "New Theme"]) == ["new theme", "Донбасс"]


def test_a_tag_field_is_comma_separated_with_double_quotes_around_names_that_need_them():
    text = '"the ""Red October"" plant", "Dnieper, the dam",  coal mining , x">y'

    assert split_tag_string(text) == ['the "Red October" plant', "Dnieper, the dam", "coal mining ", 'x">y']


@pytest.mark.parametrize(
    "names", [['the "Red October" plant', "Dnieper, the dam"], ['x">y', '"quoted"'], [" padded ", "::"], ["Донбасс"]]
)
def test_every_name_comes_back_unchanged_from_the_text_a_tag_field_shows(names):
    assert sorted(split_tag_string(join_tag_names(names))) == sorted(names)


def test_a_tag_name_has_at_most_100_characters():
    with pytest.raises(ValidationError, match="at most 100 characters"):
        parse_tags("x" * 101)
