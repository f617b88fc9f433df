"""The film page: every section a film has, in the seed's order, and nothing it hasn't."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Q
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from catalogue.film_page import OUTLINE
from catalogue.models import Film

from .factories import make_film, make_film_with_every_section, make_studio
from .html import positions, section_html, section_ids, table_of_contents

pytestmark = pytest.mark.django_db

# The seed film page's sections, in its order.
SEED_OUTLINE = [
    "plot",
    "cast-and-crew",
    "about-the-production",
    "historical-background",
    "why-it-matters",
    "making-of",
    "visual-style",
    "innovations",
    "music",
    "famous-quotes",
    "memorable-scenes",
    "did-you-know",
    "what-critics-said",
    "what-audiences-thought",
    "awards",
    "film-connections",
    "you-might-also-like",
    "film-restoration",
    "themes-and-topics",
]


@pytest.fixture
def miners():
    return make_film_with_every_section()


def test_film_page_header_shows_identity_tagline_key_themes_and_links(client, miners):
    response = client.get(miners.get_absolute_url())

    assert response.status_code == 200
    assertContains(response, "<h1>The Miners</h1>", html=True)
    assertContains(response, '<p class="original-title" lang="ru">Шахтёры</p>', html=True)
    assertContains(response, "89 minutes")
    assertContains(response, "Soviet Union")
    assertContains(
        response, '<blockquote lang="ru"><p>В борьбе за уголь – борьба за социализм!</p></blockquote>', html=True
    )
    assertContains(response, "In the fight for coal – the fight for socialism!")
    assertContains(
        response,
        '<ol id="key-themes" class="key-themes" aria-labelledby="key-themes-heading">'
        "<li>Class struggle</li><li>Vigilance against saboteurs</li></ol>",
        html=True,
    )
    assertContains(response, 'id="external-links"')
    assertContains(
        response, '<a href="https://commons.wikimedia.org/wiki/The_Miners" rel="external">Wikimedia</a>', html=True
    )


def test_film_page_shows_every_section_in_the_seed_order_with_a_table_of_contents(client, miners):
    html = client.get(miners.get_absolute_url()).text

    assert section_ids(html) == SEED_OUTLINE
    assert table_of_contents(html) == SEED_OUTLINE


def test_film_page_leaves_out_empty_sections(client):
    film = make_film("Turksib", 1929, plot="A railway across the steppe.", music="")

    html = client.get(film.get_absolute_url()).text

    assert section_ids(html) == ["plot"]
    assert "Music" not in html
    assert 'href="#music"' not in html


def test_film_with_only_title_and_year_has_a_tidy_page(client):
    film = make_film("Strike", 1925)

    response = client.get(film.get_absolute_url())

    assert response.status_code == 200
    assertContains(response, "<h1>Strike</h1>", html=True)
    assertContains(response, "1925")
    assertContains(response, "So far we only know this film's title and year")
    assertNotContains(response, "On this page")
    assertNotContains(response, 'id="key-themes"')


def test_cast_and_crew_link_people_and_name_characters(client, miners):
    response = client.get(miners.get_absolute_url())
    html = response.text

    assertContains(response, "<dt>Director</dt>", html=True)
    assertContains(response, '<a href="/people/sergei-yutkevich/">Sergei Yutkevich</a>', html=True)
    assert re.search(r'Boris Poslavsky</a>\s*<span class="as">as</span>\s*Semyon Primak', html)
    # Chub's actor is unknown: a character, not a credit.
    assertContains(response, "<li>Chub — the corrupt mine chief</li>", html=True)
    # Crew in Role order: the director before the composer.
    director, composer = positions(html, "Sergei Yutkevich</a>", "Dmitri Kabalevsky</a>")
    assert director < composer


def test_production_facts_link_the_studio(client, miners):
    response = client.get(miners.get_absolute_url())

    assertContains(response, '<time datetime="1937-03-15">March 15, 1937</time>', html=True)
    assertContains(response, '<a href="/studios/lenfilm/">Lenfilm Studio</a>', html=True)
    assertContains(response, "Donbas region (Ukraine)")
    assertContains(response, "Filmed during the height of the Great Purge.")


def test_studios_are_listed_in_the_editors_order_not_alphabetically(client, miners):
    # Lenfilm Studio (from the factory) is first; the editor put Mosfilm before Goskino,
    # though Goskino was added first and comes first alphabetically.
    miners.studios.add(make_studio("Goskino"), through_defaults={"position": 3})
    miners.studios.add(make_studio("Mosfilm"), through_defaults={"position": 2})
    miners.studio_links.filter(studio__name="Lenfilm Studio").update(position=1)

    html = client.get(miners.get_absolute_url()).text

    production = section_html(html, "about-the-production")
    lenfilm, mosfilm, goskino = positions(production, ">Lenfilm Studio</a>", ">Mosfilm</a>", ">Goskino</a>")
    assert lenfilm < mosfilm < goskino


def test_quotes_and_scenes_are_shown(client, miners):
    response = client.get(miners.get_absolute_url())

    assertContains(
        response,
        "<blockquote><p>Every ton of coal is a blow against the capitalist encirclement!</p></blockquote>",
        html=True,
    )
    assertContains(response, "The opening montage of the Donbas")


def test_each_trivia_item_says_how_far_it_is_verified(client, miners):
    html = client.get(miners.get_absolute_url()).text
    trivia = section_html(html, "did-you-know")

    unverified, verified, disputed = trivia.split("<li id=")[1:]  # each item has an id: search results link to it
    assert "Real Donbas miners" in unverified and ">Unverified</span>" in unverified
    assert ">Verified</span>" in verified and "Source: Pravda, 16 March 1937" in verified
    assert ">Disputed</span>" in disputed and "No source names Stalin&#x27;s preference." in disputed


def test_awards_show_outcome_year_and_linked_recipient(client, miners):
    html = client.get(miners.get_absolute_url()).text
    awards = section_html(html, "awards")

    order, prize = awards.split("<li>")[1:]
    assert "Order of the Red Banner of Labour" in order
    assert ">Won</span> (1937)" in order
    assert '<a href="/people/sergei-yutkevich/">Sergei Yutkevich</a>' in order
    assert "Stalin Prize" in prize and ">Nominated</span>" in prize
    assert "Not awarded due to political changes" in prize


def test_an_influence_shows_on_both_films_pages_with_its_note(client, miners):
    miners_page = client.get(miners.get_absolute_url()).text
    chapaev_page = client.get("/films/chapaev-1934/").text

    note = "Character archetypes of the heroic worker"
    influenced_by, influenced = section_html(miners_page, "film-connections").split("This film influenced")
    assert "<h3>Influenced by</h3>" in influenced_by
    assert f'<li><a href="/films/chapaev-1934/">Chapaev</a> (1934) — {note}' in influenced_by
    assert "Unverified" in influenced_by  # an influence note is a claim, with its status
    assert "Similar themes of hunting internal enemies" in influenced
    assert (
        f'<li><a href="/films/the-miners-1937/">The Miners</a> (1937) — {note}'
        in section_html(chapaev_page, "film-connections").split("This film influenced")[1]
    )


def test_recommendations_link_films_from_both_ends(client, miners):
    response = client.get(miners.get_absolute_url())
    assertContains(response, '<a href="/films/the-height-1957/">The Height</a>', html=True)

    response = client.get("/films/the-height-1957/")
    assertContains(response, '<a href="/films/the-miners-1937/">The Miners</a>', html=True)


def test_tags_are_listed_in_the_order_given(client, miners):
    html = client.get(miners.get_absolute_url()).text

    coal, donbas = positions(html, ">coal mining<", ">Donbas<")
    assert coal < donbas


def test_film_page_title_and_description(client, miners):
    html = client.get(miners.get_absolute_url()).text

    assert "<title>The Miners (1937) — Kinozavod</title>" in html
    assert '<meta name="description" content="Semyon Primak arrives in a small Donbas mining town.">' in html


def test_the_miners_from_the_seed_fixture_shows_its_whole_page(client):
    call_command("loaddata", settings.BASE_DIR / "fixtures" / "catalogue.json", verbosity=0)
    miners = Film.objects.get(slug="the-miners-1937")

    html = client.get(miners.get_absolute_url()).text

    assert section_ids(html) == SEED_OUTLINE
    assert table_of_contents(html) == SEED_OUTLINE
    texts = [
        miners.tagline,
        *miners.key_themes.values_list("text", flat=True),
        *miners.quotes.values_list("text", flat=True),
        *miners.scenes.values_list("description", flat=True),
        *miners.trivia.values_list("text", flat=True),
        *miners.awards.values_list("name", flat=True),
        *miners.influences.values_list("note", flat=True),
        *miners.influenced_by.values_list("note", flat=True),
        *miners.tags.values_list("name", flat=True),
        *miners.characters.values_list("name", flat=True),
        *miners.credits.values_list("person__name", flat=True),
        *miners.studios.values_list("name", flat=True),
    ]
    assert len(texts) > 60
    missing = [text for text in texts if escape(text) not in html]
    assert missing == []
    assert "Wikimedia</a>" in html


def test_the_seeds_studios_are_listed_as_its_credits_name_them(client):
    call_command("loaddata", settings.BASE_DIR / "fixtures" / "catalogue.json", verbosity=0)

    html = client.get("/films/the-miners-1937/").text

    assert re.search(
        r'<dt>Production</dt>\s*<dd><a href="/studios/lenfilm-studio/">Lenfilm Studio</a>, '
        r'<a href="/studios/goskino/">Goskino</a></dd>',
        section_html(html, "about-the-production"),
    )


def test_every_film_connected_to_the_miners_in_the_seed_links_to_its_own_page(client):
    call_command("loaddata", settings.BASE_DIR / "fixtures" / "catalogue.json", verbosity=0)
    miners = Film.objects.get(slug="the-miners-1937")
    connected = Film.objects.filter(
        Q(influences__influenced=miners) | Q(influenced_by__influencer=miners) | Q(recommended_from__film=miners)
    ).distinct()

    html = client.get(miners.get_absolute_url()).text

    assert connected.count() == 14  # 5 influences, 5 influenced, 5 recommendations, The Communist twice
    for film in connected:
        assert f'<a href="{film.get_absolute_url()}">{escape(film.title)}</a> ({film.year})' in html
        response = client.get(film.get_absolute_url())
        assertContains(response, f"<h1>{escape(film.title)}</h1>", html=True)
        assertContains(response, f'<a href="{miners.get_absolute_url()}">The Miners</a>', html=True)


def test_every_long_text_of_a_film_has_its_section_on_the_page_in_order():
    film = Film(**{name: name for name in Film.LONG_TEXTS})

    shown = [part.content(film) for part in OUTLINE if part.template == "catalogue/sections/text.html"]

    # Production notes are read under "About the Production", beside the release date and the studios.
    assert shown == [name for name in Film.LONG_TEXTS if name != "production_notes"]
