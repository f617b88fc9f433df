"""Curated lists: an editor's ordered selection of films, each with its own blurb."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Prefetch
from taggit.managers import TaggableManager

from catalogue.models import Film, Trivia
from catalogue.models.base import SameFilmMixin
from core.addresses import address
from core.locking import LockedForEditing
from core.natural_keys import NaturalKeyManager, NaturalKeyModel
from core.ordering import OrderedItem, renumber
from core.pictures.models import Picture
from core.publishing import Publishable, PublishableQuerySet, published_q
from core.tagging import TaggedObject

ANONYMOUS_AUTHOR = "Kinozavod editors"


class CuratedListQuerySet(PublishableQuerySet):
    def with_entry_count(self):
        """Counts only the entries a reader sees: those of published films."""
        return self.annotate(entry_count=Count("entries", filter=published_q("entries__film__"), distinct=True))

    def with_cover(self):
        return self.select_related("cover")

    def newest_first(self):
        return self.order_by(models.F("published_at").desc(nulls_last=True), "-created_at", "-pk")

    def with_tags(self):
        """Tags in the order the editor gave them, as `tag_list` on each list."""
        return self.prefetch_related(
            Prefetch(
                "tagged_items", TaggedList.objects.select_related("tag").order_by("pk"), to_attr="tagged_items_list"
            )
        )

    def for_list_page(self):
        """Everything a list's page shows, in a fixed number of queries whatever its length."""
        entries = (
            ListEntry.objects.filter(published_q("film__"))
            .select_related("film__poster", "featured_fact")
            .only(*ListEntry.LIST_PAGE_FIELDS)
            .order_by("position", "pk")
        )
        return (
            self.select_related("author", "cover")
            .with_tags()
            .prefetch_related(Prefetch("entries", entries, to_attr="entries_shown"))
        )


class CuratedList(Publishable, LockedForEditing, NaturalKeyModel):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, help_text="The list's address; keep it stable once published.")
    intro = models.TextField(help_text="Shown above the entries. Blank lines separate paragraphs.")
    closing_text = models.TextField(blank=True, help_text="Optional; shown after the last entry.")
    tags = TaggableManager(
        through="curation.TaggedList",
        blank=True,
        verbose_name="themes",
        help_text="Comma-separated; each tag has a theme page.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="curated_lists",
        help_text=f"The editor who wrote the list; empty shows “{ANONYMOUS_AUTHOR}”.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NaturalKeyManager.from_queryset(CuratedListQuerySet)()
    natural_key_fields = ("slug",)

    class Meta:
        ordering = ["title"]
        verbose_name = "curated list"
        permissions = [("publish_curatedlist", "Can publish, schedule, unpublish and delete published curated lists")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return address("curation:list_detail", self.slug)

    @property
    def tag_list(self):
        """The list's tags in the editor's order; prefetched by `with_tags()` where lists are shown by the dozen."""
        if hasattr(self, "tagged_items_list"):
            return [tagged_item.tag for tagged_item in self.tagged_items_list]
        return [tagged_item.tag for tagged_item in self.tagged_items.select_related("tag").order_by("pk")]

    @property
    def author_name(self):
        # A login name is half of a sign-in: it never goes on a public page.
        if self.author_id is None:
            return ANONYMOUS_AUTHOR
        return self.author.get_full_name() or ANONYMOUS_AUTHOR


class TaggedList(TaggedObject):
    content_object = models.ForeignKey(CuratedList, on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = "list tag"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="taggedlist_once_per_list"),
        ]


class ListEntryQuerySet(models.QuerySet):
    def on_film_pages(self):
        """A film page's "In curated lists": its entries in published lists, by list title."""
        return (
            self.filter(published_q("curated_list__"))
            .select_related("curated_list")
            .only("position", "film_id", "curated_list__title", "curated_list__slug")
            .order_by("curated_list__title", "pk")
        )


class ListEntry(SameFilmMixin, NaturalKeyModel, OrderedItem):
    curated_list = models.ForeignKey(CuratedList, on_delete=models.CASCADE, related_name="entries")
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="list_entries")
    blurb = models.TextField(help_text="Written for this list: why the film belongs here.")
    featured_fact = models.ForeignKey(
        Trivia,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="list_entries",
        help_text=(
            "One of the film's “Did you know?” items, shown under the blurb. "
            "Facts are stored with the film: add a new one on the film's page first."
        ),
    )

    objects = NaturalKeyManager.from_queryset(ListEntryQuerySet)()
    natural_key_fields = ("curated_list__slug", "film__slug")
    ordered_within = "curated_list"
    locked_parents = ("curated_list",)
    same_film_fields = ("featured_fact",)

    # What a list's page reads of an entry: not the films' long texts.
    LIST_PAGE_FIELDS = (
        "position",
        "blurb",
        "curated_list_id",
        "film__title",
        "film__original_title",
        "film__slug",
        "film__year",
        "featured_fact__film_id",
        "featured_fact__text",
        "featured_fact__verification",
        "featured_fact__source",
        "featured_fact__editor_note",
        *Picture.fields_through("film__poster"),
    )

    class Meta(OrderedItem.Meta):
        verbose_name = "entry"
        verbose_name_plural = "entries"
        constraints = [
            models.UniqueConstraint(
                fields=["curated_list", "film"],
                name="list_entry_film_once_per_list",
                violation_error_message="This film is already in the list.",
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.film}" if self.film_id else f"Entry {self.position}"

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        renumber(self.siblings())
        return result
