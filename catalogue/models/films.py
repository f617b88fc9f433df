from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.http import urlencode
from taggit.managers import TaggableManager

from core.addresses import address
from core.locking import LockedForEditing
from core.natural_keys import NaturalKeyManager, NaturalKeyModel
from core.ordering import OrderedItem
from core.pictures.models import Picture
from core.publishing import Publishable, PublishableQuerySet
from core.tagging import TaggedObject

from .base import FilmItem

FIRST_FILM_YEAR = 1888  # Roundhay Garden Scene
LAST_PLAUSIBLE_YEAR = 2100


def film_index_url(*filters):
    """The film index narrowed by (parameter, value) pairs, given in the index's order (catalogue/browsing.py)."""
    return f"{address('catalogue:film_list')}?{urlencode(filters)}"


class Studio(NaturalKeyModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    original_name = models.CharField(max_length=200, blank=True, help_text="In the original language, e.g. «Ленфильм».")
    city = models.CharField(max_length=100, blank=True)
    description = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    natural_key_fields = ("slug",)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address("catalogue:studio_detail", self.slug)

    def get_film_index_url(self):
        return film_index_url(("studio", self.slug))


class FilmQuerySet(PublishableQuerySet):
    def in_decade(self, decade_start):
        return self.filter(year__gte=decade_start, year__lt=decade_start + 10)

    def newest_first(self):
        return self.order_by(models.F("published_at").desc(nulls_last=True), "-pk")

    def for_feed(self):
        """What a feed entry says of a film: title, year, the start of its plot, its tags (in the editor's order)."""
        return self.only("title", "slug", "year", "plot", "updated_at", "published_at").prefetch_related(
            models.Prefetch(
                "tagged_items", TaggedFilm.objects.select_related("tag").order_by("pk"), to_attr="tagged_items_list"
            )
        )

    def for_listing(self):
        """Just what a row in a list of films shows: its poster, no long texts."""
        return self.select_related("poster").only(
            "title", "original_title", "slug", "year", "runtime_minutes", "country", *Picture.fields_through("poster")
        )


class Film(Publishable, LockedForEditing, NaturalKeyModel):
    # Identity
    title = models.CharField(max_length=200)
    original_title = models.CharField(
        max_length=200, blank=True, help_text="In the original language and script, e.g. «Шахтёры»."
    )
    slug = models.SlugField(max_length=220, unique=True, help_text="The film's address; keep it stable once published.")
    year = models.PositiveSmallIntegerField()
    runtime_minutes = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name="runtime (minutes)")
    country = models.CharField(max_length=100, blank=True, db_index=True)
    release_date = models.DateField(null=True, blank=True)
    tagline = models.CharField(max_length=300, blank=True, help_text="In the original language.")
    tagline_translation = models.CharField(max_length=300, blank=True)
    studios = models.ManyToManyField(
        Studio, through="FilmStudio", blank=True, related_name="films", verbose_name="production studios"
    )
    box_office = models.TextField(blank=True)

    # Long-form sections, in the order the film page shows them (LONG_TEXTS names them all).
    plot = models.TextField(blank=True)
    production_notes = models.TextField(blank=True, verbose_name="about the production")
    historical_background = models.TextField(blank=True)
    why_it_matters = models.TextField(blank=True, verbose_name="why this film matters")
    making_of = models.TextField(blank=True)
    visual_style = models.TextField(blank=True)
    innovations = models.TextField(blank=True)
    music = models.TextField(blank=True)
    critics = models.TextField(blank=True, verbose_name="what critics said")
    audiences = models.TextField(blank=True, verbose_name="what audiences thought")
    restoration = models.TextField(blank=True, verbose_name="film restoration")

    tags = TaggableManager(
        through="catalogue.TaggedFilm",
        blank=True,
        verbose_name="themes & topics",
        help_text="Comma-separated; each tag has a theme page.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NaturalKeyManager.from_queryset(FilmQuerySet)()
    natural_key_fields = ("slug",)
    LONG_TEXTS = (
        "plot",
        "production_notes",
        "historical_background",
        "why_it_matters",
        "making_of",
        "visual_style",
        "innovations",
        "music",
        "critics",
        "audiences",
        "restoration",
    )

    class Meta:
        ordering = ["title", "year"]
        indexes = [models.Index(Lower("title"), "year", name="film_title_year_idx")]
        permissions = [("publish_film", "Can publish, schedule, unpublish and delete published films")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=FIRST_FILM_YEAR, year__lte=LAST_PLAUSIBLE_YEAR),
                name="film_year_in_cinema_history",
                violation_error_message=f"The year must be between {FIRST_FILM_YEAR} and {LAST_PLAUSIBLE_YEAR}.",
            ),
            models.CheckConstraint(
                condition=models.Q(runtime_minutes__isnull=True) | models.Q(runtime_minutes__gt=0),
                name="film_runtime_positive",
                violation_error_message="The runtime must be a positive number of minutes.",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def get_absolute_url(self):
        return address("catalogue:film_detail", self.slug)

    @property
    def decade(self):
        return self.year - self.year % 10

    def get_year_index_url(self):
        return film_index_url(("year_from", self.year), ("year_to", self.year))

    def get_decade_index_url(self):
        return film_index_url(("decade", self.decade))

    def get_country_index_url(self):
        return film_index_url(("country", self.country))

    def get_timeline_url(self):
        """The timeline of the film's decade, at its year."""
        return f"{address('catalogue:timeline')}?decade={self.decade}#year-{self.year}"

    def clean(self):
        super().clean()
        if self.year and self.year > timezone.now().year + 5:
            raise ValidationError({"year": "That is too far in the future for a film in this catalogue."})
        if self.release_date and self.year and self.release_date.year < self.year - 1:
            raise ValidationError({"release_date": "The release date is well before the film's year."})


class TaggedFilm(TaggedObject):
    content_object = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = "film tag"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="taggedfilm_once_per_film"),
        ]


class FilmStudio(FilmItem, OrderedItem):
    """
    A studio credited with a film's production. The credits name the studios in
    an order of their own (The Miners: Lenfilm Studio, then Goskino), which the
    studios' alphabetical order would lose.
    """

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="studio_links")
    # A studio behind films is not deleted with a click: the films would silently lose their credit.
    studio = models.ForeignKey(Studio, on_delete=models.PROTECT, related_name="film_links")

    natural_key_fields = ("film__slug", "studio__slug")
    page_anchor = "about-the-production"

    class Meta(OrderedItem.Meta):
        verbose_name = "production studio"
        constraints = [
            models.UniqueConstraint(
                fields=["film", "studio"],
                name="film_studio_once_per_film",
                violation_error_message="This studio is already listed for this film.",
            ),
        ]

    def __str__(self):
        return f"{self.studio} — {self.film}"


class AlternativeTitle(FilmItem):
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="alternative_titles")
    title = models.CharField(max_length=200)
    note = models.CharField(max_length=200, blank=True, help_text="e.g. “English release title”.")

    natural_key_fields = ("film__slug", "title")
    page_anchor = "about-the-production"

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["film", "title"], name="alternative_title_once_per_film"),
        ]

    def __str__(self):
        return self.title


class KeyTheme(FilmItem, OrderedItem):
    """One of the short statements under a film's tagline."""

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="key_themes")
    text = models.CharField(max_length=300)

    natural_key_fields = ("film__slug", "text")
    page_anchor = "key-themes"

    class Meta(OrderedItem.Meta):
        constraints = [
            models.UniqueConstraint(fields=["film", "text"], name="key_theme_once_per_film"),
        ]

    def __str__(self):
        return self.text


class FilmingLocation(FilmItem, OrderedItem):
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="filming_locations")
    name = models.CharField(max_length=200)

    natural_key_fields = ("film__slug", "name")
    page_anchor = "about-the-production"

    class Meta(OrderedItem.Meta):
        constraints = [
            models.UniqueConstraint(fields=["film", "name"], name="filming_location_once_per_film"),
        ]

    def __str__(self):
        return self.name


class ExternalLink(FilmItem, OrderedItem):
    """Where else the film can be found ("Also available on: Wikimedia")."""

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="external_links")
    site = models.CharField(max_length=100, help_text="The name readers see, e.g. “Wikimedia”.")
    url = models.URLField(max_length=500)

    natural_key_fields = ("film__slug", "url")
    page_anchor = "external-links"

    class Meta(OrderedItem.Meta):
        constraints = [
            models.UniqueConstraint(fields=["film", "url"], name="external_link_once_per_film"),
        ]

    def __str__(self):
        return self.site
