"""Curated lists: an editor's ordered selection of films, each with its own blurb."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Max, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager

from catalogue.models import Film, OrderedItem, TaggedObject, Trivia, renumber
from catalogue.page_cache import invalidate_pages

ANONYMOUS_AUTHOR = "Kinozavod editors"


class CuratedListQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_entry_count(self):
        """Counts only the entries a reader sees: those of published films."""
        return self.annotate(entry_count=Count("entries", filter=Q(entries__film__is_published=True), distinct=True))

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
            ListEntry.objects.filter(film__is_published=True)
            .select_related("film", "featured_fact")
            .only(*ListEntry.LIST_PAGE_FIELDS)
            .order_by("position", "pk")
        )
        return (
            self.select_related("author")
            .with_tags()
            .prefetch_related(Prefetch("entries", entries, to_attr="entries_shown"))
        )


class CuratedListManager(models.Manager.from_queryset(CuratedListQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class CuratedList(models.Model):
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
    is_published = models.BooleanField(default=False, help_text="Unpublished lists have no public page.")
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when the list is first published; newest lists come first.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CuratedListManager()

    class Meta:
        ordering = ["title"]
        verbose_name = "curated list"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("curation:list_detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    @property
    def tag_list(self):
        """The list's tags in the editor's order; prefetched by `with_tags()` where lists are shown by the dozen."""
        if hasattr(self, "tagged_items_list"):
            return [tagged_item.tag for tagged_item in self.tagged_items_list]
        return [tagged_item.tag for tagged_item in self.tagged_items.select_related("tag").order_by("pk")]

    @property
    def author_name(self):
        if self.author_id is None:
            return ANONYMOUS_AUTHOR
        return self.author.get_full_name() or self.author.get_username()

    def renumber_entries(self):
        """Close the gaps in the entries' positions (1, 2, 3…), keeping their order."""
        return renumber(self.entries.all())

    @transaction.atomic
    def move_entry(self, entry, to_position):
        """
        Put `entry` at `to_position` (1 is first; out-of-range values go to
        the nearest end) and renumber the others around it.
        """
        if entry.curated_list_id != self.pk:
            raise ValueError(f"{entry} is not an entry of {self}.")
        entries = [
            other for other in self.entries.select_for_update().order_by("position", "pk") if other.pk != entry.pk
        ]
        index = min(max(to_position, 1), len(entries) + 1) - 1
        entries.insert(index, entry)
        moved = []
        for number, row in enumerate(entries, start=1):
            if row.position != number:
                row.position = number
                moved.append(row)
        ListEntry.objects.bulk_update(moved, ["position"])
        invalidate_pages()  # bulk_update sends no save signals
        entry.position = index + 1


class TaggedList(TaggedObject):
    content_object = models.ForeignKey(CuratedList, on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = "list tag"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="taggedlist_once_per_list"),
        ]

    def natural_key(self):  # redefined only to say what loads first
        return super().natural_key()

    natural_key.dependencies = ["curation.curatedlist", "taggit.tag"]


class ListEntryManager(models.Manager):
    def get_by_natural_key(self, list_slug, film_slug):
        return self.get(curated_list__slug=list_slug, film__slug=film_slug)

    def on_film_pages(self):
        """A film page's "In curated lists": its entries in published lists, by list title."""
        return (
            self.filter(curated_list__is_published=True)
            .select_related("curated_list")
            .only("position", "film_id", "curated_list__title", "curated_list__slug")
            .order_by("curated_list__title", "pk")
        )


class ListEntry(OrderedItem):
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

    objects = ListEntryManager()

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

    def natural_key(self):
        return (*self.curated_list.natural_key(), *self.film.natural_key())

    natural_key.dependencies = ["curation.curatedlist", "catalogue.film", "catalogue.trivia"]

    def clean(self):
        super().clean()
        if self.featured_fact_id and self.film_id and self.featured_fact.film_id != self.film_id:
            raise ValidationError({"featured_fact": "This fact belongs to another film."})

    def save(self, *args, **kwargs):
        # A new entry without a place goes to the end of its list.
        if self._state.adding and not self.position and self.curated_list_id:
            last = ListEntry.objects.filter(curated_list_id=self.curated_list_id).aggregate(last=Max("position"))[
                "last"
            ]
            self.position = (last or 0) + 1
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        curated_list = self.curated_list
        result = super().delete(*args, **kwargs)
        curated_list.renumber_entries()
        return result
