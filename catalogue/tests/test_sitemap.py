"""The catalogue's part of sitemap.xml: every public film, person and studio, with when its page last changed."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from catalogue.models import Film, Person, Role, Trivia
from catalogue.sitemaps import FilmSitemap

from .factories import PUBLISHED, make_credit, make_film, make_films, make_person, make_studio

pytestmark = pytest.mark.django_db

SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# The index: a count per section of models (films, people, studios, lists, themes).
SITEMAP_INDEX_QUERIES = 5
# One page of a section: a count and the page.
SITEMAP_QUERIES = 2


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return ET.fromstring(response.content)


def local(url):
    return url.removeprefix("http://testserver")


def sitemap_pages(client):
    """The addresses of the sitemap's pages, as its index at /sitemap.xml lists them."""
    return [local(loc.text) for loc in parsed(client, "/sitemap.xml").findall("sm:sitemap/sm:loc", SITEMAP)]


def sitemap(client):
    """Every address of the sitemap, with its lastmod, read through the index and each of its pages."""
    return {
        local(url.findtext("sm:loc", namespaces=SITEMAP)): (
            parse_datetime(url.findtext("sm:lastmod", namespaces=SITEMAP) or "") or None
        )
        for page in sitemap_pages(client)
        for url in parsed(client, page).findall("sm:url", SITEMAP)
    }


def test_the_sitemap_names_every_published_film_with_its_last_change(client):
    films = [make_film("The Miners", 1937), make_film("Strike", 1925)]

    entries = sitemap(client)

    for film in films:
        film.refresh_from_db()
        assert entries[film.get_absolute_url()] == film.updated_at


def test_the_sitemap_leaves_out_drafts_and_scheduled_films(client):
    draft = make_film("Draft Seam", 1938, published_at=None)
    scheduled = make_film("Scheduled Seam", 1939, published_at=timezone.now() + datetime.timedelta(days=3))

    entries = sitemap(client)

    assert draft.get_absolute_url() not in entries
    assert scheduled.get_absolute_url() not in entries


def test_a_film_that_went_live_after_its_last_save_changed_when_it_went_live(client):
    went_live = timezone.now() - datetime.timedelta(seconds=1)
    film = make_film("The Miners", 1937, published_at=timezone.now() - datetime.timedelta(days=1))
    Film.objects.filter(pk=film.pk).update(published_at=went_live, updated_at=PUBLISHED)

    assert sitemap(client)[film.get_absolute_url()] == went_live


def test_a_change_to_a_films_row_is_a_change_to_its_page(client):
    film = make_film("The Miners", 1937)
    Film.objects.filter(pk=film.pk).update(updated_at=PUBLISHED)

    Trivia.objects.create(film=film, text="Real Donbas miners were used as extras")

    assert sitemap(client)[film.get_absolute_url()] > PUBLISHED


def test_people_and_studios_change_with_their_published_films(client):
    person, studio = make_person("Sergei Yutkevich"), make_studio("Lenfilm Studio")
    Person.objects.filter(pk=person.pk).update(updated_at=PUBLISHED)
    film = make_film("The Miners", 1937, published_at=PUBLISHED + datetime.timedelta(days=1))
    make_credit(film, person, Role.DIRECTOR)
    film.studios.add(studio)
    film.refresh_from_db()
    # A draft changed later says nothing of what readers see.
    draft = make_film("Draft Seam", 1938, published_at=None)
    make_credit(draft, person, Role.ACTOR)
    Film.objects.filter(pk=film.pk).update(updated_at=PUBLISHED + datetime.timedelta(days=1))
    Person.objects.filter(pk=person.pk).update(updated_at=PUBLISHED)

    entries = sitemap(client)

    assert entries[person.get_absolute_url()] == PUBLISHED + datetime.timedelta(days=1)
    studio.refresh_from_db()
    assert entries[studio.get_absolute_url()] == max(studio.updated_at, PUBLISHED + datetime.timedelta(days=1))


def test_a_person_or_studio_without_films_is_in_the_sitemap_with_its_own_last_change(client):
    person, studio = make_person("Sergei Yutkevich"), make_studio("Lenfilm Studio")
    entries = sitemap(client)
    assert entries[person.get_absolute_url()] == person.updated_at
    assert entries[studio.get_absolute_url()] == studio.updated_at


def test_the_sitemap_names_the_catalogues_index_pages(client):
    assert {"/films/", "/people/", "/studios/", "/timeline/", "/influences/"} <= set(sitemap(client))


def test_a_person_from_an_export_without_modification_times_still_loads(tmp_path):
    fixture = tmp_path / "people.json"
    fixture.write_text(
        '[{"model": "catalogue.person", "fields": {"name": "Sergei Yutkevich", "slug": "sergei-yutkevich"}}]'
    )
    call_command("loaddata", str(fixture), verbosity=0)

    assert Person.objects.get(slug="sergei-yutkevich").updated_at is not None


def test_every_page_of_the_sitemap_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    films = make_films(300)
    people = Person.objects.bulk_create(Person(name=f"Person {n}", slug=f"person-{n}") for n in range(300))
    for film, person in zip(films, people, strict=True):
        make_credit(film, person, Role.ACTOR)

    with django_assert_max_num_queries(SITEMAP_INDEX_QUERIES):
        pages = sitemap_pages(client)
    for page in pages:
        with django_assert_max_num_queries(SITEMAP_QUERIES, info=page):
            parsed(client, page)
    assert len(sitemap(client)) >= 600


def test_a_section_longer_than_a_page_goes_on_over_further_pages(client, monkeypatch):
    monkeypatch.setattr(FilmSitemap, "limit", 100)
    films = make_films(250)

    pages = [page for page in sitemap_pages(client) if page.startswith("/sitemap-films.xml")]

    assert pages == ["/sitemap-films.xml", "/sitemap-films.xml?p=2", "/sitemap-films.xml?p=3"]
    assert [len(parsed(client, page).findall("sm:url", SITEMAP)) for page in pages] == [100, 100, 50]
    assert {film.get_absolute_url() for film in films} <= set(sitemap(client))


def test_a_page_beyond_the_last_is_not_found(client):
    make_films(3)

    assert client.get("/sitemap-films.xml", {"p": 2}).status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404
