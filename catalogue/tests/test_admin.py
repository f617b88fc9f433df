"""
The admin as an editor uses it: signed in as the `editor` account that
`manage.py ensure_editor` makes (staff, in the Editors group, not a superuser),
submitting the forms the way a browser does.
"""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from catalogue.models import Character, Credit, Film, Influence, Person, Role, Studio, Trivia, Verification
from core.tests.helpers import admin_url, change_form_data

from .factories import (
    make_credit,
    make_film,
    make_influence,
    make_person,
    make_quote,
    make_studio,
    make_trivia,
)

pytestmark = pytest.mark.django_db

CATALOGUE_ADMINS = [model for model in apps.get_app_config("catalogue").get_models() if admin.site.is_registered(model)]


def form_data(response, model=Film):
    return change_form_data(response, model)


def add_row(data, prefix, **fields):
    """Fill in a new inline row, as "Add another …" does."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data.update({f"{prefix}-{index}-{name}": value for name, value in fields.items()})
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)


def listed(response):
    return [str(obj) for obj in response.context["cl"].result_list]


@pytest.fixture
def miners():
    film = make_film("The Miners", 1937, slug="the-miners", original_title="Шахтёры", country="Soviet Union")
    film.studios.add(make_studio("Lenfilm"))
    film.tags.add("coal mining", "Donbas")
    film.alternative_titles.create(title="Shakhtery")
    make_credit(film, make_person("Sergei Yutkevich", birth_year=1904, death_year=1985), Role.DIRECTOR)
    make_credit(film, make_person("Boris Poslavsky"), Role.ACTOR, character_name="Semyon Primak")
    Character.objects.create(film=film, name="Matvey Bobylev")
    make_trivia(film, "Real Donbas miners were used as extras")
    make_quote(film, "Every ton of coal is a blow against the capitalist encirclement!")
    make_influence(make_film("Chapaev", 1934), film, note="Character archetypes of the heroic worker")
    return film


def save_film(client, film, data):
    return client.post(admin_url(Film, "change", film.pk), data)


# Every page opens


def test_the_admin_is_the_kinozavod_editorial_desk(editor_client):
    response = editor_client.get(reverse("admin:index"))
    assert not response.wsgi_request.user.is_superuser
    assert "Kinozavod editorial" in response.text


def test_editors_edit_films_people_studios_and_trivia():
    assert set(CATALOGUE_ADMINS) == {Film, Person, Studio, Trivia}


@pytest.mark.parametrize("model", CATALOGUE_ADMINS, ids=lambda model: model._meta.model_name)
@pytest.mark.parametrize("view", ["changelist", "add", "change"])
def test_an_editor_can_open_every_catalogue_admin_page(editor_client, miners, model, view):
    args = [model._default_manager.first().pk] if view == "change" else []
    assert editor_client.get(admin_url(model, view, *args)).status_code == 200


def test_the_film_list_does_not_query_per_film(editor_client, django_assert_max_num_queries):
    for number in range(30):
        film = make_film(f"Factory film {number}", 1930 + number % 20)
        for _ in range(3):
            make_trivia(film)
    with django_assert_max_num_queries(13):
        response = editor_client.get(admin_url(Film, "changelist"))
    assert {film.trivia_count for film in response.context["cl"].result_list} == {3}


# Finding films


@pytest.fixture
def shelf(miners):
    make_film("Strike", 1925, country="Soviet Union").tags.add("strike")
    make_film("Kameradschaft", 1931, country="Germany", published_at=None)
    return miners


@pytest.mark.parametrize(
    "query, expected",
    [
        ("decade=1930", ["Chapaev (1934)", "Kameradschaft (1931)", "The Miners (1937)"]),
        ("country=Germany", ["Kameradschaft (1931)"]),
        ("tag=coal-mining", ["The Miners (1937)"]),
        ("state=draft", ["Kameradschaft (1931)"]),
        ("q=Шахтёры", ["The Miners (1937)"]),
        ("q=shakhtery", ["The Miners (1937)"]),  # an alternative title
    ],
)
def test_editors_narrow_the_film_list(editor_client, shelf, query, expected):
    response = editor_client.get(f"{admin_url(Film, 'changelist')}?{query}")
    assert listed(response) == expected


def test_a_film_found_by_two_alternative_titles_is_listed_once_with_its_trivia_count(editor_client, miners):
    miners.alternative_titles.create(title="Shakhtery (export title)")
    response = editor_client.get(f"{admin_url(Film, 'changelist')}?q=shakhtery")
    assert [(film.title, film.trivia_count) for film in response.context["cl"].result_list] == [("The Miners", 1)]


def test_the_film_list_filters_by_studio(editor_client, shelf):
    lenfilm = Studio.objects.get(name="Lenfilm")
    response = editor_client.get(f"{admin_url(Film, 'changelist')}?studios__id__exact={lenfilm.pk}")
    assert listed(response) == ["The Miners (1937)"]


def test_the_decade_filter_offers_the_decades_films_come_from(editor_client, shelf):
    changelist = editor_client.get(admin_url(Film, "changelist")).context["cl"]
    decade_filter = changelist.filter_specs[0]
    assert [choice["display"] for choice in decade_filter.choices(changelist)][1:] == ["1920s", "1930s"]


def test_editors_autocomplete_people_in_credits(editor_client, miners):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "catalogue", "model_name": "credit", "field_name": "person", "term": "yutk"},
    )
    assert [result["text"] for result in response.json()["results"]] == ["Sergei Yutkevich"]


# Saving a film with its page items


def test_an_editor_adds_a_film_with_everything_on_its_page(editor_client):
    chapaev, great_citizen, height = (
        make_film("Chapaev", 1934),
        make_film("The Great Citizen", 1938),
        make_film("The Height", 1957),
    )
    make_influence(chapaev, great_citizen)  # already first in The Great Citizen's "Influenced by"
    yutkevich, rapoport, lenfilm = (
        make_person("Sergei Yutkevich"),
        make_person("Vladimir Rapoport"),
        make_studio("Lenfilm"),
    )
    data = form_data(editor_client.get(admin_url(Film, "add")))
    data.update(title="The Miners", original_title="Шахтёры", slug="the-miners", year="1937")
    data["tags"] = "coal mining, Donbas"
    add_row(data, "studio_links", studio=lenfilm.pk)
    add_row(data, "key_themes", text="Class struggle and the triumph of the proletariat")
    add_row(data, "key_themes", text="Vigilance against internal enemies and saboteurs")
    add_row(data, "characters", name="Semyon Primak")
    add_row(data, "credits", person=yutkevich.pk, role=Role.DIRECTOR)
    add_row(data, "credits", person=rapoport.pk, role=Role.CINEMATOGRAPHER)
    add_row(data, "trivia", text="Real Donbas miners were used as extras", verification=Verification.UNVERIFIED)
    add_row(
        data,
        "trivia",
        text="Mining equipment was borrowed",
        source="Iskusstvo kino, 1937",
        verification=Verification.VERIFIED,
    )
    add_row(data, "quotes", text="We don't just dig coal, we build the future!")
    add_row(
        data,
        "influenced_by",
        influencer=chapaev.pk,
        note="Character archetypes of the heroic worker",
        verification="unverified",
    )
    add_row(
        data,
        "influences",
        influenced=great_citizen.pk,
        note="Similar themes of hunting internal enemies",
        verification="unverified",
    )
    add_row(data, "recommendations", recommended=height.pk)

    response = editor_client.post(admin_url(Film, "add"), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    film = Film.objects.get(slug="the-miners")
    assert [(t.text, t.position) for t in film.trivia.all()] == [
        ("Real Donbas miners were used as extras", 1),
        ("Mining equipment was borrowed", 2),
    ]
    assert [(c.person.name, c.position) for c in film.credits.all()] == [
        ("Sergei Yutkevich", 1),
        ("Vladimir Rapoport", 2),
    ]
    assert [k.position for k in film.key_themes.all()] == [1, 2]
    assert [c.name for c in film.characters.all()] == ["Semyon Primak"]
    assert film.quotes.get().text == "We don't just dig coal, we build the future!"
    assert [str(s) for s in film.studios.all()] == ["Lenfilm"]
    assert sorted(film.tags.names()) == ["Donbas", "coal mining"]
    assert film.influenced_by.get().influencer == chapaev
    assert film.recommendations.get().recommended == height
    # Added from The Miners' side, the influence joins the end of The Great Citizen's list.
    assert [(i.influencer.title, i.position) for i in great_citizen.influenced_by.all()] == [
        ("Chapaev", 1),
        ("The Miners", 2),
    ]


def test_an_actor_is_cast_as_one_of_the_films_characters(editor_client, miners):
    bobylev = miners.characters.get(name="Matvey Bobylev")
    actor = make_person("Aleksei Bobrov")
    data = form_data(editor_client.get(admin_url(Film, "change", miners.pk)))
    add_row(data, "credits", person=actor.pk, role=Role.ACTOR, character=bobylev.pk)
    assert save_film(editor_client, miners, data).status_code == 302
    assert Credit.objects.get(person=actor).character == bobylev


def test_a_character_of_another_film_cannot_be_chosen(editor_client, miners):
    stranger = Character.objects.create(film=make_film("Chapaev's sequel", 1940), name="Petka")
    data = form_data(editor_client.get(admin_url(Film, "change", miners.pk)))
    add_row(data, "credits", person=make_person().pk, role=Role.ACTOR, character=stranger.pk)
    response = save_film(editor_client, miners, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not stranger.credits.exists()


def test_the_add_page_explains_why_no_character_can_be_chosen_yet(editor_client):
    response = editor_client.get(admin_url(Film, "add"))
    assert "A new film has no characters to choose yet" in response.text


@pytest.mark.parametrize(
    "rows, message",
    [
        (
            [
                ("credits", {"person": "yutkevich", "role": Role.DIRECTOR}),
                ("credits", {"person": "yutkevich", "role": Role.DIRECTOR}),
            ],
            "This person is already credited in this role",
        ),
        (
            [("trivia", {"text": "Unsourced", "verification": Verification.VERIFIED})],
            "A verified claim needs a source.",
        ),
        ([("trivia", {"text": "Doubtful", "verification": Verification.DISPUTED})], "Say why this is disputed"),
        ([("key_themes", {"text": "x" * 301})], "at most 300 characters"),
    ],
    ids=["duplicate credit", "verified without source", "disputed without note", "too long"],
)
def test_a_bad_row_is_shown_to_the_editor_and_nothing_is_saved(editor_client, rows, message):
    yutkevich = make_person("Sergei Yutkevich")
    data = form_data(editor_client.get(admin_url(Film, "add")))
    data.update(title="The Miners", slug="the-miners", year="1937")
    for prefix, fields in rows:
        add_row(
            data, prefix, **{name: yutkevich.pk if value == "yutkevich" else value for name, value in fields.items()}
        )

    response = editor_client.post(admin_url(Film, "add"), data)

    assert response.status_code == 200
    assert message in response.text
    assert not Film.objects.exists() and not Credit.objects.exists() and not Trivia.objects.exists()


def test_a_credit_already_on_the_film_is_refused(editor_client, miners):
    data = form_data(editor_client.get(admin_url(Film, "change", miners.pk)))
    add_row(data, "credits", person=Person.objects.get(name="Sergei Yutkevich").pk, role=Role.DIRECTOR)
    response = save_film(editor_client, miners, data)
    assert "This person already has this role on this film." in response.text
    assert miners.credits.count() == 2


def test_a_film_cannot_be_listed_as_influencing_itself(editor_client, miners):
    data = form_data(editor_client.get(admin_url(Film, "change", miners.pk)))
    add_row(data, "influenced_by", influencer=miners.pk)
    response = save_film(editor_client, miners, data)
    assert "A film cannot be linked to itself." in response.text
    assert not Influence.objects.filter(influencer=miners, influenced=miners).exists()


def test_reordered_rows_are_saved_as_positions_one_to_n(editor_client, miners):
    for text in ("Second fact", "Third fact"):
        make_trivia(miners, text)
    data = form_data(editor_client.get(admin_url(Film, "change", miners.pk)))
    # The drag handles sent these positions: the last item first, with gaps.
    data.update({"trivia-0-position": "7", "trivia-1-position": "9", "trivia-2-position": "2"})
    assert save_film(editor_client, miners, data).status_code == 302
    assert [(t.text, t.position) for t in miners.trivia.all()] == [
        ("Third fact", 1),
        ("Real Donbas miners were used as extras", 2),
        ("Second fact", 3),
    ]


def test_a_studio_already_on_the_film_is_refused(editor_client, miners):
    data = form_data(editor_client.get(admin_url(Film, "change", miners.pk)))
    add_row(data, "studio_links", studio=Studio.objects.get(name="Lenfilm").pk)
    response = save_film(editor_client, miners, data)
    assert response.status_code == 200
    assert "A studio is listed more than once: name each studio once." in response.text
    assert "This studio is already listed above." in response.text
    assert miners.studio_links.count() == 1


def test_a_studio_listed_twice_on_a_new_film_is_refused(editor_client):
    lenfilm = make_studio("Lenfilm")
    data = form_data(editor_client.get(admin_url(Film, "add")))
    data.update(title="The Miners", slug="the-miners", year="1937")
    add_row(data, "studio_links", studio=lenfilm.pk)
    add_row(data, "studio_links", studio=lenfilm.pk)

    response = editor_client.post(admin_url(Film, "add"), data)

    assert response.status_code == 200
    assert "A studio is listed more than once: name each studio once." in response.text
    assert "This studio is already listed above." in response.text
    assert not Film.objects.exists()


def test_reordered_studios_are_saved_as_positions_one_to_n(editor_client, miners):
    miners.studios.add(make_studio("Goskino"), through_defaults={"position": 2})
    miners.studios.add(make_studio("Mosfilm"), through_defaults={"position": 3})
    data = form_data(editor_client.get(admin_url(Film, "change", miners.pk)))
    # Dragged: Mosfilm to the top, Lenfilm to the bottom; the page sends gaps.
    data.update({"studio_links-0-position": "9", "studio_links-1-position": "4", "studio_links-2-position": "2"})
    assert save_film(editor_client, miners, data).status_code == 302
    assert [(link.studio.name, link.position) for link in miners.studio_links.select_related("studio")] == [
        ("Mosfilm", 1),
        ("Goskino", 2),
        ("Lenfilm", 3),
    ]


def test_the_film_form_opens_its_rows_with_the_production_studios(editor_client, miners):
    html = editor_client.get(admin_url(Film, "change", miners.pk)).text
    headings = re.findall(r'<h2 id="[\w-]+-heading" class="inline-heading">\s*([^<]+?)\s*</h2>', html)
    assert headings[:2] == ["Production studios", "Key themes (under the tagline)"]


def test_tags_are_matched_to_existing_ones_and_empty_ones_refused(editor_client, miners):
    data = form_data(editor_client.get(admin_url(Film, "change", miners.pk)))
    data["tags"] = "donbas, COAL MINING, ::"
    response = save_film(editor_client, miners, data)
    assert "“::” cannot be a tag" in response.text
    data["tags"] = "donbas, COAL MINING, sabotage"
    assert save_film(editor_client, miners, data).status_code == 302
    assert sorted(miners.tags.names()) == ["Donbas", "coal mining", "sabotage"]


@pytest.mark.parametrize("model", [Film, Person])
def test_view_on_site_leads_to_the_public_page(editor_client, miners, model):
    obj = model._default_manager.first()
    change_page = editor_client.get(admin_url(model, "change", obj.pk))
    view_on_site = reverse("admin:view_on_site", args=[change_page.context["content_type_id"], obj.pk])
    assert view_on_site in change_page.text
    assert editor_client.get(view_on_site)["Location"].endswith(obj.get_absolute_url())


# People and studios


def test_the_people_list_shows_life_spans_and_credit_counts(editor_client, miners):
    response = editor_client.get(admin_url(Person, "changelist"))
    rows = {person.name: (person.life_span, person.credit_count) for person in response.context["cl"].result_list}
    assert rows == {"Boris Poslavsky": ("", 1), "Sergei Yutkevich": ("1904–1985", 1)}


def test_a_credit_added_on_a_persons_page_joins_the_end_of_the_films_credits(editor_client, miners):
    kabalevsky = make_person("Dmitri Kabalevsky")
    data = form_data(editor_client.get(admin_url(Person, "change", kabalevsky.pk)), Person)
    add_row(data, "credits-2", film=miners.pk, role=Role.COMPOSER)
    assert editor_client.post(admin_url(Person, "change", kabalevsky.pk), data).status_code == 302
    assert [(c.person.name, c.position) for c in miners.credits.all()][-1] == ("Dmitri Kabalevsky", 3)


def test_a_persons_page_refuses_a_credit_they_already_have(editor_client, miners):
    yutkevich = Person.objects.get(name="Sergei Yutkevich")
    data = form_data(editor_client.get(admin_url(Person, "change", yutkevich.pk)), Person)
    add_row(data, "credits-2", film=miners.pk, role=Role.DIRECTOR)
    response = editor_client.post(admin_url(Person, "change", yutkevich.pk), data)
    assert "This person already has this role on this film." in response.text
    assert yutkevich.credits.count() == 1


def test_a_persons_page_links_their_films_and_a_studios_page_its_films(editor_client, miners):
    person_page = editor_client.get(admin_url(Person, "change", Person.objects.get(name="Sergei Yutkevich").pk))
    studio_page = editor_client.get(admin_url(Studio, "change", Studio.objects.get(name="Lenfilm").pk))
    for page in (person_page, studio_page):
        assert f'href="{admin_url(Film, "change", miners.pk)}"' in page.text


# Reviewing trivia across films


def test_trivia_can_be_listed_by_verification_status(editor_client, miners):
    make_trivia(miners, "Checked", source="Pravda, 1937", verification=Verification.VERIFIED)
    response = editor_client.get(f"{admin_url(Trivia, 'changelist')}?verification__exact=unverified")
    assert listed(response) == ["Real Donbas miners were used as extras"]


def test_marking_trivia_verified_leaves_unsourced_items_alone(editor_client, miners):
    sourced = make_trivia(miners, "Sourced", source="Pravda, 1937")
    unsourced = miners.trivia.get(source="")
    response = editor_client.post(
        admin_url(Trivia, "changelist"),
        {"action": "mark_verified", "_selected_action": [sourced.pk, unsourced.pk]},
        follow=True,
    )
    sourced.refresh_from_db(), unsourced.refresh_from_db()
    assert (sourced.verification, unsourced.verification) == (Verification.VERIFIED, Verification.UNVERIFIED)
    assert "Marked 1 trivia item(s) as verified." in response.text
    assert "Left 1 item(s) as they were — A verified claim needs a source." in response.text


def test_marking_trivia_disputed_needs_an_editors_note(editor_client, miners):
    noted = make_trivia(miners, "Noted", editor_note="Contradicted by the studio archive.")
    bare = miners.trivia.get(text="Real Donbas miners were used as extras")
    editor_client.post(
        admin_url(Trivia, "changelist"), {"action": "mark_disputed", "_selected_action": [noted.pk, bare.pk]}
    )
    assert set(Trivia.objects.filter(verification=Verification.DISPUTED)) == {noted}


def test_trivia_added_on_its_own_page_joins_the_end_of_the_films_list(editor_client, miners):
    data = form_data(editor_client.get(admin_url(Trivia, "add")), Trivia)
    data.update(film=miners.pk, text="Premiere attended by mining officials")
    assert editor_client.post(admin_url(Trivia, "add"), data).status_code == 302
    assert [t.position for t in miners.trivia.all()] == [1, 2]
    assert miners.trivia.last().text == "Premiere attended by mining officials"


@pytest.mark.parametrize("term", ["шахт", "ШАХТЁРЫ", "шахтеры", "Shakhtery"])
def test_admin_search_finds_cyrillic_text_whatever_its_case(editor_client, shelf, term):
    response = editor_client.get(admin_url(Film, "changelist"), {"q": term})

    assert listed(response) == ["The Miners (1937)"]


def test_the_film_autocomplete_finds_cyrillic_titles(editor_client, shelf):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "шахтёр", "app_label": "catalogue", "model_name": "influence", "field_name": "influencer"},
    )

    assert [result["text"] for result in response.json()["results"]] == ["The Miners (1937)"]
