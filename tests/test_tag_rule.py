"""
One rule for tags in the Tag admin, the film and list forms and imports; a
tag that exists survives every save that does not touch it, whatever its name.
"""

import io
import json

import pytest
from django.core.management import call_command
from taggit.models import Tag

from catalogue.models import Film
from catalogue.tests.factories import make_film
from core.importing import ImportRefused, import_fixtures
from core.tests.helpers import admin_url, change_form_data, database_state
from curation.models import CuratedList
from curation.tests.factories import make_list

pytestmark = pytest.mark.django_db

RED_OCTOBER = 'the "Red October" plant'
ODD_NAMES = [RED_OCTOBER, "Dnieper, the dam", 'x">y', '5" reel']


def resubmitted(client, model, obj):
    """Open the object's admin change form and save it as it is, as an editor pressing Save does."""
    url = admin_url(model, "change", obj.pk)
    return client.post(url, change_form_data(client.get(url), model))


def test_a_film_keeps_tags_with_quotes_and_commas_through_a_save_that_changes_nothing(chief_client):
    film = make_film("The Miners", 1937)
    film.tags.add(*ODD_NAMES, "coal mining")

    response = resubmitted(chief_client, Film, film)

    assert response.status_code == 302
    assert sorted(film.tags.names()) == sorted([*ODD_NAMES, "coal mining"])
    assert Tag.objects.count() == 5


def test_a_list_keeps_its_odd_tags_through_a_save_that_changes_nothing(chief_client):
    curated_list = make_list("Dams")
    curated_list.tags.add(*ODD_NAMES)

    response = resubmitted(chief_client, CuratedList, curated_list)

    assert response.status_code == 302
    assert sorted(curated_list.tags.names()) == sorted(ODD_NAMES)


def test_a_tag_made_before_the_rule_is_kept_by_a_save_that_does_not_touch_it(chief_client):
    film = make_film("The Miners", 1937)
    film.tags.add("::", "coal mining")

    response = resubmitted(chief_client, Film, film)

    assert response.status_code == 302
    assert sorted(film.tags.names()) == ["::", "coal mining"]


def test_a_new_tag_in_a_film_form_must_follow_the_rule(chief_client):
    film = make_film("The Miners", 1937)
    url = admin_url(Film, "change", film.pk)
    form = change_form_data(chief_client.get(url), Film)
    form["tags"] = f'"{RED_OCTOBER.replace(chr(34), chr(34) * 2)}", ;;'

    response = chief_client.post(url, form)

    assert response.status_code == 200
    assert "“;;” cannot be a tag" in response.content.decode()
    assert list(film.tags.names()) == []


def test_the_tag_admin_takes_a_name_with_quotes_and_refuses_one_without_words(chief_client):
    created = chief_client.post(admin_url(Tag, "add"), {"name": RED_OCTOBER, "slug": "red-october", **NO_THEME})
    refused = chief_client.post(admin_url(Tag, "add"), {"name": "!!", "slug": "bangs", **NO_THEME})

    assert created.status_code == 302
    assert Tag.objects.filter(name=RED_OCTOBER).exists()
    assert "“!!” cannot be a tag" in refused.content.decode()


def test_the_tag_admin_saves_a_tag_from_before_the_rule_under_its_own_name(chief_client):
    tag = Tag.objects.create(name="::", slug="colons")

    response = chief_client.post(admin_url(Tag, "change", tag.pk), {"name": "::", "slug": "colons", **NO_THEME})

    assert response.status_code == 302
    assert Tag.objects.get(pk=tag.pk).name == "::"


NO_THEME = {
    "theme-TOTAL_FORMS": "0",
    "theme-INITIAL_FORMS": "0",
    "theme-MIN_NUM_FORMS": "0",
    "theme-MAX_NUM_FORMS": "1",
}


def tag_rows(tmp_path, *names):
    path = tmp_path / "tags.json"
    rows = [{"model": "taggit.tag", "fields": {"name": name, "slug": f"tag-{n}"}} for n, name in enumerate(names)]
    path.write_text(json.dumps(rows), encoding="utf-8")
    return str(path)


def test_an_import_brings_tags_with_quotes_and_commas(tmp_path):
    result = import_fixtures(tag_rows(tmp_path, RED_OCTOBER, "Dnieper, the dam"))

    assert result.created == 2
    assert set(Tag.objects.values_list("name", flat=True)) == {RED_OCTOBER, "Dnieper, the dam"}


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("::", "“::” cannot be a tag: a tag needs at least one letter or digit."),
        (" coal  mining", "cannot be a tag: spaces only between words"),
        ("Coal Mining", "tag “Coal Mining” is the existing tag “coal mining”; use that spelling."),
    ],
)
def test_an_import_holds_tags_to_the_same_rule(tmp_path, name, problem):
    Tag.objects.create(name="coal mining", slug="coal-mining")
    before = database_state()

    with pytest.raises(ImportRefused) as refused:
        import_fixtures(tag_rows(tmp_path, name))

    assert problem in refused.value.problems[0]
    assert database_state() == before


def test_tags_from_before_the_rule_are_reported_by_the_system_check():
    Tag.objects.create(name="::", slug="colons")
    Tag.objects.create(name="coal mining", slug="coal-mining")
    out = io.StringIO()

    call_command("check", databases=["default"], stdout=out, stderr=out)

    assert "core.W001" in out.getvalue()
    assert "“::” cannot be a tag" in out.getvalue()
    assert "coal mining" not in out.getvalue()
