"""
The catalogue's part of sitemap.xml (assembled in config/urls.py): every
published film, every person and studio (their pages are public whatever
they worked on), and the index pages. `lastmod` is when the page last changed:
a film's own save or its going live; a person's or studio's own save or that
of one of their published films.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.publishing import latest, latest_public_change
from core.sitemaps import PagedSitemap

from .models import Credit, Film, FilmStudio, Person, Studio


class FilmSitemap(PagedSitemap):
    def items(self):
        return Film.objects.published().only("slug", "updated_at", "published_at").order_by("pk")

    def lastmod(self, film):
        return film.last_public_change


class PersonSitemap(PagedSitemap):
    def items(self):
        return (
            Person.objects.only("slug", "updated_at")
            .annotate(films_changed=latest_public_change(Credit.objects, "film__", "person"))
            .order_by("pk")
        )

    def lastmod(self, person):
        return latest(person.updated_at, person.films_changed)


class StudioSitemap(PagedSitemap):
    def items(self):
        return (
            Studio.objects.only("slug", "updated_at")
            .annotate(films_changed=latest_public_change(FilmStudio.objects, "film__", "studio"))
            .order_by("pk")
        )

    def lastmod(self, studio):
        return latest(studio.updated_at, studio.films_changed)


class IndexSitemap(Sitemap):
    def items(self):
        return [
            "catalogue:film_list",
            "catalogue:person_list",
            "catalogue:studio_list",
            "catalogue:timeline",
            "catalogue:influence_map",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"films": FilmSitemap, "people": PersonSitemap, "studios": StudioSitemap, "catalogue": IndexSitemap}
