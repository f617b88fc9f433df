"""
The two editorial roles, proved through the admin as each of them: editors
write drafts and submit them; chief editors publish, schedule, unpublish,
delete what is public, and run tags, theme redirects and the home page.
"""

import datetime
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.utils import timezone
from taggit.models import Tag

from catalogue.models import Film
from catalogue.tests.factories import make_film
from core.publishing import State
from core.roles import CHIEF_EDITORS, EDITORS
from core.tests.helpers import admin_url, change_form_data
from curation.models import CuratedList, HomePage, Theme, ThemeRedirect
from curation.tests.factories import make_list

pytestmark = pytest.mark.django_db


def bulk(client, model, action, *objects):
    return client.post(
        admin_url(model, "changelist"),
        {"action": action, "_selected_action": [obj.pk for obj in objects], "index": 0, "post": "yes"},
    )


def reload(obj):
    return type(obj)._base_manager.get(pk=obj.pk)


def test_the_roles_migration_makes_both_groups():
    # Tests that flush the database (browser tests) remove what migrations made: run it again.
    Group.objects.all().delete()
    import_module("core.migrations.0001_editorial_roles").make_roles(django_apps, None)

    assert set(Group.objects.values_list("name", flat=True)) >= {EDITORS, CHIEF_EDITORS}
    chief = Group.objects.get(name=CHIEF_EDITORS).permissions.values_list("codename", flat=True)
    editors = Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True)
    assert {"publish_film", "publish_curatedlist", "publish_theme", "change_tag"} <= set(chief)
    assert "change_film" in editors and "delete_film" in editors
    assert not {"publish_film", "change_tag", "change_homepage", "delete_themeredirect"} & set(editors)


def test_make_run_gives_a_sign_in_for_an_editor_and_a_chief_editor(db):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("ensure_editor", stdout=out)

    assert "Editor account created. Sign in at /admin/ as “editor”" in out.getvalue()
    assert "Chief editor account created. Sign in at /admin/ as “chief”" in out.getvalue()


# Editors


def test_an_editors_new_film_is_a_draft_whatever_the_form_says(editor_client):
    form = change_form_data(editor_client.get(admin_url(Film, "add")), Film)
    assert "published_at_0" not in form  # shown, not editable

    form.update(title="Secret Seam", slug="secret-seam", year="1938", published_at_0="2020-01-01")
    response = editor_client.post(admin_url(Film, "add"), form)

    assert response.status_code == 302
    assert Film.objects.get(slug="secret-seam").state == State.DRAFT


@pytest.mark.parametrize("action", ["publish_now", "unpublish"])
def test_editors_are_not_offered_publishing_actions(editor_client, action):
    published, draft = make_film("Public"), make_film("Draft", published_at=None)

    actions = editor_client.get(admin_url(Film, "changelist")).context["action_form"].fields["action"].choices
    assert action not in dict(actions)
    bulk(editor_client, Film, action, published, draft)

    assert (reload(published).state, reload(draft).state) == (State.PUBLISHED, State.DRAFT)


def test_an_editor_submits_drafts_for_review(editor_client):
    draft, published = make_film("Draft", published_at=None), make_film("Public")

    bulk(editor_client, Film, "submit_for_review", draft, published)

    assert reload(draft).state == State.IN_REVIEW
    assert reload(published).state == State.PUBLISHED


def test_an_editor_may_delete_a_draft_but_not_a_published_film(editor_client):
    draft, published = make_film("Draft", published_at=None), make_film("Public")

    assert editor_client.post(admin_url(Film, "delete", published.pk), {"post": "yes"}).status_code == 403
    assert editor_client.post(admin_url(Film, "delete", draft.pk), {"post": "yes"}).status_code == 302
    assert list(Film.objects.all()) == [published]


@pytest.mark.parametrize("model", [Film, CuratedList])
def test_an_editors_bulk_delete_refuses_published_items_and_deletes_nothing(editor_client, model):
    make = make_film if model is Film else make_list
    draft, scheduled = (
        make("Draft", published_at=None),
        make("Soon", published_at=timezone.now() + datetime.timedelta(1)),
    )

    response = bulk(editor_client, model, "delete_selected", draft, scheduled)

    assert response.status_code == 403
    assert model.objects.count() == 2


def test_an_editor_cannot_publish_a_list_through_its_form(editor_client):
    draft = make_list("Dams", slug="dams", published_at=None)
    form = change_form_data(editor_client.get(admin_url(CuratedList, "change", draft.pk)), CuratedList)
    form.update(published_at_0="2020-01-01", published_at_1="00:00:00")

    assert editor_client.post(admin_url(CuratedList, "change", draft.pk), form).status_code == 302
    assert reload(draft).state == State.DRAFT


@pytest.mark.parametrize("model", [Tag, ThemeRedirect, HomePage])
def test_editors_may_look_at_but_not_change_the_sites_structure(editor_client, model):
    obj = {
        Tag: lambda: Tag.objects.create(name="coal", slug="coal"),
        ThemeRedirect: lambda: ThemeRedirect.objects.create(old_slug="old", tag=Tag.objects.create(name="n", slug="n")),
        HomePage: lambda: HomePage.objects.get_or_create(pk=1)[0],
    }[model]()

    page = editor_client.get(admin_url(model, "change", obj.pk))
    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    assert editor_client.post(admin_url(model, "change", obj.pk), {}).status_code == 403
    assert editor_client.post(admin_url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403


def test_editors_cannot_merge_tags(editor_client):
    coal, mining = Tag.objects.create(name="coal", slug="coal"), Tag.objects.create(name="mining", slug="mining")

    bulk(editor_client, Tag, "merge_selected", coal, mining)

    assert Tag.objects.count() == 2


def test_an_editor_drafts_a_theme_intro_but_cannot_publish_it(editor_client):
    tag = Tag.objects.create(name="coal", slug="coal")
    form = change_form_data(editor_client.get(admin_url(Theme, "add")), Theme)
    form.update(tag=tag.pk, intro="Coal fed the plans.", published_at_0="2020-01-01", published_at_1="00:00:00")

    assert editor_client.post(admin_url(Theme, "add"), form).status_code == 302
    assert Theme.objects.get().state == State.DRAFT


# Chief editors


@pytest.mark.parametrize("model", [Film, CuratedList, Theme])
def test_a_chief_editor_publishes_and_unpublishes_in_bulk(chief_client, model):
    make = {
        Film: lambda n: make_film(n, published_at=None),
        CuratedList: lambda n: make_list(n, published_at=None),
        Theme: lambda n: Theme.objects.create(tag=Tag.objects.create(name=n, slug=n.lower())),
    }[model]
    first, second = make("First"), make("Second")

    bulk(chief_client, model, "publish_now", first, second)
    assert {reload(first).state, reload(second).state} == {State.PUBLISHED}

    bulk(chief_client, model, "unpublish", first)
    assert (reload(first).state, reload(second).state) == (State.DRAFT, State.PUBLISHED)


def test_a_chief_editor_schedules_a_film_through_its_form(chief_client):
    draft = make_film("Secret Seam", 1938, published_at=None)
    form = change_form_data(chief_client.get(admin_url(Film, "change", draft.pk)), Film)
    form.update(published_at_0="2099-05-01", published_at_1="09:00:00")

    assert chief_client.post(admin_url(Film, "change", draft.pk), form).status_code == 302
    assert reload(draft).state == State.SCHEDULED


def test_a_chief_editor_deletes_published_films_in_bulk(chief_client):
    films = [make_film("Public"), make_film("Draft", published_at=None)]

    assert bulk(chief_client, Film, "delete_selected", *films).status_code == 302
    assert not Film.objects.exists()


def test_a_chief_editor_changes_the_home_page_and_tags(chief_client):
    HomePage.objects.get_or_create(pk=1)
    tag = Tag.objects.create(name="coal", slug="coal")

    assert chief_client.get(admin_url(HomePage, "change", 1)).context["has_change_permission"]
    assert chief_client.get(admin_url(Tag, "change", tag.pk)).context["has_change_permission"]
