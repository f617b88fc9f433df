"""The home page: what the editors put in front of readers."""

from django.db import models
from django.db.models import Q
from taggit.models import Tag

from catalogue.models import Film
from core.natural_keys import NaturalKeyModel
from core.ordering import OrderedItem

from .lists import CuratedList

HOME_PAGE_ID = 1
HOME_PAGE_KEY = "home"


class HomePageManager(models.Manager):
    """The one home page is known as "home" in fixtures: it has no field of its own to name it by."""

    def get_by_natural_key(self, key):
        if key != HOME_PAGE_KEY:
            raise self.model.DoesNotExist(f"There is one home page, known as “{HOME_PAGE_KEY}”.")
        return self.get(pk=HOME_PAGE_ID)


class HomePage(models.Model):
    """
    There is one home page; editors choose what it features. Whatever they
    leave empty is filled with sensible defaults (see `curation.home`).
    """

    # The one row always has this id, including when a fixture creates it.
    id = models.PositiveSmallIntegerField(primary_key=True, default=HOME_PAGE_ID, editable=False)
    welcome = models.TextField(
        blank=True,
        help_text="A short welcome under the site's name. Leave empty for the standard one.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = HomePageManager()

    class Meta:
        verbose_name = "home page"
        verbose_name_plural = "home page"
        constraints = [
            models.CheckConstraint(condition=Q(id=HOME_PAGE_ID), name="home_page_is_a_singleton"),
        ]

    def __str__(self):
        return "Home page"

    def get_absolute_url(self):
        return "/"

    def natural_key(self):
        return (HOME_PAGE_KEY,)

    @classmethod
    def load(cls):
        """The home page's settings, or unsaved defaults: reading never writes."""
        return cls.objects.filter(pk=HOME_PAGE_ID).first() or cls(pk=HOME_PAGE_ID)


class FeaturedItem(NaturalKeyModel, OrderedItem):
    home_page = models.ForeignKey(HomePage, on_delete=models.CASCADE)

    ordered_within = "home_page"

    class Meta(OrderedItem.Meta):
        abstract = True


class FeaturedList(FeaturedItem):
    curated_list = models.ForeignKey(
        CuratedList,
        on_delete=models.CASCADE,
        related_name="featured_on_home",
        help_text="Only published lists are shown.",
    )

    natural_key_fields = ("home_page_id", "curated_list__slug")

    class Meta(FeaturedItem.Meta):
        verbose_name = "featured list"
        default_related_name = "featured_lists"
        constraints = [
            models.UniqueConstraint(
                fields=["home_page", "curated_list"],
                name="featured_list_once",
                violation_error_message="This list is already featured.",
            ),
        ]

    def __str__(self):
        return str(self.curated_list)


class FeaturedFilm(FeaturedItem):
    film = models.ForeignKey(
        Film,
        on_delete=models.CASCADE,
        related_name="featured_on_home",
        help_text="Only published films are shown.",
    )

    natural_key_fields = ("home_page_id", "film__slug")

    class Meta(FeaturedItem.Meta):
        verbose_name = "featured film"
        default_related_name = "featured_films"
        constraints = [
            models.UniqueConstraint(
                fields=["home_page", "film"],
                name="featured_film_once",
                violation_error_message="This film is already featured.",
            ),
        ]

    def __str__(self):
        return str(self.film)


class FeaturedTheme(FeaturedItem):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="featured_on_home", verbose_name="theme")

    natural_key_fields = ("home_page_id", "tag__name")

    class Meta(FeaturedItem.Meta):
        verbose_name = "featured theme"
        default_related_name = "featured_themes"
        constraints = [
            models.UniqueConstraint(
                fields=["home_page", "tag"],
                name="featured_theme_once",
                violation_error_message="This theme is already featured.",
            ),
        ]

    def __str__(self):
        return str(self.tag)
