"""
The curation admin as an editor uses it: signed in as the `editor` account of
`manage.py ensure_editor` (staff, in the Editors group, not a superuser),
posting the forms a browser would post.
"""

import pytest
from django.urls import reverse
from taggit.models import Tag

from catalogue.models import Film
from core.tests.helpers import admin_url
from curation.models import CuratedList, FeaturedList, HomePage, ListEntry, Theme, ThemeRedirect

from .factories import add_entry, make_film, make_list, make_trivia

pytestmark = pytest.mark.django_db

ENTRIES = "entries"  # the inline's prefix


def list_form(curated_list=None, entries=(), **fields):
    """What the list's change form posts: its fields, then one row per entry (film, blurb, fact, position)."""
    data = {
        "title": "Dams and power stations",
        "slug": "dams",
        "intro": "Concrete and hope.",
        "closing_text": "",
        "tags": "dams, hydroelectric power",
        "author": "",
        "published_at_0": "2026-01-01",
        "published_at_1": "00:00:00",
        f"{ENTRIES}-TOTAL_FORMS": str(len(entries)),
        f"{ENTRIES}-INITIAL_FORMS": str(sum(1 for entry in entries if entry.get("id"))),
        f"{ENTRIES}-MIN_NUM_FORMS": "0",
        f"{ENTRIES}-MAX_NUM_FORMS": "1000",
        "cover-TOTAL_FORMS": "0",
        "cover-INITIAL_FORMS": "0",
        **fields,
    }
    for index, entry in enumerate(entries):
        for name, value in entry.items():
            data[f"{ENTRIES}-{index}-{name}"] = "" if value is None else str(value)
        if curated_list is not None:
            data[f"{ENTRIES}-{index}-curated_list"] = str(curated_list.pk)
    return data


def row(film, position, blurb="Why it belongs here.", fact=None, entry=None):
    return {
        "id": entry.pk if entry else "",
        "film": film.pk,
        "blurb": blurb,
        "featured_fact": fact.pk if fact else "",
        "position": position,
    }


def errors_of(response):
    """Every error message of the change form and its inline rows."""
    messages = list(response.context["adminform"].form.errors.values())
    for inline in response.context["inline_admin_formsets"]:
        messages += [inline.formset.non_form_errors()]
        messages += [errors for form in inline.formset.forms for errors in form.errors.values()]
    return [message for errors in messages for message in errors]


@pytest.fixture
def strike():
    return make_film("Strike", 1925)


@pytest.fixture
def vow():
    return make_film("The Vow", 1946)


@pytest.mark.parametrize(
    "address",
    [
        lambda: admin_url(CuratedList, "changelist"),
        lambda: admin_url(CuratedList, "add"),
        lambda: admin_url(CuratedList, "change", add_entry(make_list()).curated_list.pk),
        lambda: admin_url(Tag, "changelist"),
        lambda: admin_url(Tag, "change", Tag.objects.create(name="coal mining").pk),
        lambda: admin_url(Theme, "add"),
        lambda: admin_url(ThemeRedirect, "changelist"),
    ],
    ids=["lists", "add list", "change list", "tags", "change tag", "add theme", "redirects"],
)
def test_an_editor_can_open_the_curation_admin(editor_client, address):
    assert editor_client.get(address()).status_code == 200


def test_a_new_list_is_signed_by_the_editor_writing_it(editor_client, editor):
    response = editor_client.get(admin_url(CuratedList, "add"))

    assert response.context["adminform"].form.initial["author"] == editor.pk


def test_an_editor_saves_a_new_list_with_its_entries(editor_client, editor, strike, vow):
    fact = make_trivia(strike, "Factory workers played the workers.")

    response = editor_client.post(
        admin_url(CuratedList, "add"),
        list_form(entries=[row(strike, 1, "Workers' solidarity.", fact), row(vow, 2)], author=editor.pk),
    )

    assert response.status_code == 302, errors_of(response)
    curated_list = CuratedList.objects.get(slug="dams")
    assert [(e.position, e.film, e.blurb, e.featured_fact) for e in curated_list.entries.all()] == [
        (1, strike, "Workers' solidarity.", fact),
        (2, vow, "Why it belongs here.", None),
    ]
    assert curated_list.author == editor
    assert sorted(curated_list.tags.names()) == ["dams", "hydroelectric power"]
    assert curated_list.published_at is None  # an editor's new list is a draft until a chief editor publishes it


def test_reordered_entries_are_saved_densely_in_their_new_order(editor_client, strike, vow):
    curated_list = make_list("Dams", slug="dams")
    first, second = add_entry(curated_list, strike), add_entry(curated_list, vow)
    third = add_entry(curated_list, make_film("The Height", 1957))

    # The drag-and-drop script posts the rows' new positions; gaps are closed on save.
    response = editor_client.post(
        admin_url(CuratedList, "change", curated_list.pk),
        list_form(
            curated_list,
            entries=[row(strike, 7, entry=first), row(vow, 3, entry=second), row(third.film, 5, entry=third)],
        ),
    )

    assert response.status_code == 302, errors_of(response)
    assert [(e.position, e.film.title) for e in curated_list.entries.all()] == [
        (1, "The Vow"),
        (2, "The Height"),
        (3, "Strike"),
    ]


def test_a_film_added_twice_is_refused_with_a_clear_error(editor_client, strike):
    response = editor_client.post(admin_url(CuratedList, "add"), list_form(entries=[row(strike, 1), row(strike, 2)]))

    assert response.status_code == 200
    assert "This film is already in the list." in errors_of(response)
    assert not CuratedList.objects.exists()


def test_a_film_already_saved_in_the_list_cannot_be_added_again(editor_client, strike):
    curated_list = make_list("Dams", slug="dams")
    entry = add_entry(curated_list, strike)

    response = editor_client.post(
        admin_url(CuratedList, "change", curated_list.pk),
        list_form(curated_list, entries=[row(strike, 1, entry=entry), row(strike, 2)]),
    )

    assert "This film is already in the list." in errors_of(response)
    assert curated_list.entries.count() == 1


def test_a_fact_of_another_film_is_refused_with_a_clear_error(editor_client, strike, vow):
    other_fact = make_trivia(vow, "Shot in a real factory.")

    response = editor_client.post(admin_url(CuratedList, "add"), list_form(entries=[row(strike, 1, fact=other_fact)]))

    assert response.status_code == 200
    assert "That featured fact belongs to another film." in errors_of(response)


def test_the_fact_is_chosen_among_the_entrys_film_trivia(editor_client, strike, vow):
    own = make_trivia(strike, "Eisenstein used non-professional actors.")
    make_trivia(vow, "Shot in a real factory.")
    curated_list = make_list()
    add_entry(curated_list, strike)

    response = editor_client.get(admin_url(CuratedList, "change", curated_list.pk))

    (inline,) = [inline for inline in response.context["inline_admin_formsets"] if inline.formset.prefix == ENTRIES]
    existing_row = inline.formset.forms[0]
    assert list(existing_row.fields["featured_fact"].queryset) == [own]


def test_a_punctuation_only_tag_is_refused_on_a_list(editor_client):
    response = editor_client.post(admin_url(CuratedList, "add"), list_form(tags="factories, :"))

    assert response.status_code == 200
    assert "“:” cannot be a tag: a tag needs at least one letter or digit." in errors_of(response)


def test_a_list_tag_in_another_case_reuses_the_existing_tag(editor_client):
    make_film("The Miners", 1937).tags.add("Донбасс")

    editor_client.post(admin_url(CuratedList, "add"), list_form(tags="донбасс"))

    assert list(Tag.objects.values_list("name", flat=True)) == ["Донбасс"]
    assert list(CuratedList.objects.get().tags.names()) == ["Донбасс"]


def test_the_film_autocomplete_finds_films_for_an_editor(editor_client, strike):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "curation", "model_name": "listentry", "field_name": "film", "term": "Stri"},
    )

    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Strike (1925)"]


# Tags


def test_renaming_a_tags_slug_keeps_the_old_address_working(chief_client, client):
    tag = Tag.objects.create(name="Donbas", slug="donbass")
    make_film("The Miners", 1937).tags.add(tag)

    response = chief_client.post(
        admin_url(Tag, "change", tag.pk),
        {
            "name": "Donbas",
            "slug": "donbas",
            "theme-TOTAL_FORMS": "0",
            "theme-INITIAL_FORMS": "0",
            "theme-MIN_NUM_FORMS": "0",
            "theme-MAX_NUM_FORMS": "1",
        },
    )

    assert response.status_code == 302
    old = client.get("/themes/donbass/")
    assert (old.status_code, old["Location"]) == (301, "/themes/donbas/")


@pytest.mark.parametrize(
    ("name", "error"),
    [
        (":", "“:” cannot be a tag: a tag needs at least one letter or digit."),
        ("донбасс", "“Донбасс” is already a tag; to combine the two, merge them from the list of tags."),
    ],
)
def test_the_tag_admin_refuses_unusable_and_duplicate_names(chief_client, name, error):
    Tag.objects.create(name="Донбасс")

    response = chief_client.post(
        admin_url(Tag, "add"),
        {"name": name, "slug": "x", "theme-TOTAL_FORMS": "0", "theme-INITIAL_FORMS": "0"},
    )

    assert response.context["adminform"].form.errors["name"] == [error]
    assert Tag.objects.count() == 1


def test_merging_tags_from_the_admin(chief_client, client):
    british, american = Tag.objects.create(name="Industrialisation"), Tag.objects.create(name="industrialization")
    make_film("Turksib", 1929).tags.add(british)
    make_list("Factory films").tags.add(british)
    selected = {"action": "merge_selected", "_selected_action": [british.pk, american.pk]}

    # First the action asks which tag to keep…
    question = chief_client.post(admin_url(Tag, "changelist"), selected)
    assert question.status_code == 200
    assert set(question.context["form"].fields["target"].queryset) == {british, american}

    # …then merges.
    response = chief_client.post(admin_url(Tag, "changelist"), {**selected, "apply": "yes", "target": american.pk})

    assert response.status_code == 302
    assert list(Tag.objects.all()) == [american]
    assert Film.objects.get(title="Turksib").tags.get() == american
    assert CuratedList.objects.get().tags.get() == american
    assert client.get("/themes/industrialisation/")["Location"] == "/themes/industrialization/"


# The home page


def test_the_home_page_admin_opens_the_one_home_page(chief_client):
    response = chief_client.get(admin_url(HomePage, "changelist"))

    assert response.status_code == 302
    assert response["Location"] == admin_url(HomePage, "change", 1)
    assert chief_client.get(response["Location"]).status_code == 200


def test_chief_editors_choose_the_featured_lists_in_order(chief_client, client):
    first, second = make_list("First"), make_list("Second")
    HomePage.objects.create(pk=1)
    inline = {
        prefix: {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
        for prefix in ("featured_lists", "featured_films", "featured_themes")
    }
    data = {"welcome": "", **inline["featured_films"], **inline["featured_themes"]}
    data.update(
        {
            "featured_lists-TOTAL_FORMS": "2",
            "featured_lists-INITIAL_FORMS": "0",
            "featured_lists-0-curated_list": second.pk,
            "featured_lists-0-position": "2",
            "featured_lists-1-curated_list": first.pk,
            "featured_lists-1-position": "1",
        }
    )

    response = chief_client.post(admin_url(HomePage, "change", 1), data)

    assert response.status_code == 302
    assert list(FeaturedList.objects.values_list("curated_list__title", "position")) == [("First", 1), ("Second", 2)]
    assert [item.title for item in client.get("/").context["home"].lists] == ["First", "Second"]


def test_an_entry_saved_in_the_admin_appears_on_the_public_list(editor_client, client, strike):
    curated_list = make_list("Dams", slug="dams")

    editor_client.post(
        admin_url(CuratedList, "change", curated_list.pk), list_form(curated_list, entries=[row(strike, 1)])
    )

    assert ListEntry.objects.filter(curated_list=curated_list, film=strike).exists()
    assert 'href="/films/strike-1925/"' in client.get(curated_list.get_absolute_url()).text
