"""
One publishing model for everything readers see: films, curated lists, theme
intros. An item is a draft until it has a publish time; a publish time in the
future schedules it, and it goes live at that moment by itself, because every
"is it public?" question compares the publish time with the clock when the
query runs (never a flag that a job would have to flip). Unpublishing clears
the publish time.
"""

from django.apps import apps
from django.db import models
from django.db.models import DateTimeField, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.formats import date_format


class State(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "review", "Submitted for review"
    SCHEDULED = "scheduled", "Scheduled"
    PUBLISHED = "published", "Published"


def published_q(prefix=""):
    """The condition "published now", for this model (`prefix=""`) or across a relation (`"film__"`)."""
    return Q(**{f"{prefix}published_at__lte": timezone.now()})


def state_q(state, prefix=""):
    now = timezone.now()
    return {
        State.DRAFT: Q(**{f"{prefix}published_at__isnull": True, f"{prefix}review_requested": False}),
        State.IN_REVIEW: Q(**{f"{prefix}published_at__isnull": True, f"{prefix}review_requested": True}),
        State.SCHEDULED: Q(**{f"{prefix}published_at__gt": now}),
        State.PUBLISHED: Q(**{f"{prefix}published_at__lte": now}),
    }[state]


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_q())

    def in_state(self, state):
        return self.filter(state_q(state))

    def not_drafts(self):
        """Published or scheduled: what only a chief editor may take back or delete."""
        return self.filter(published_at__isnull=False)


class Publishable(models.Model):
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        verbose_name="publish time",
        help_text="Empty: a draft only editors see. In the future: scheduled, it goes live at that time by itself.",
    )
    review_requested = models.BooleanField(
        default=False,
        verbose_name="submitted for review",
        help_text="An editor asks a chief editor to publish this draft.",
    )

    class Meta:
        abstract = True

    @property
    def state(self):
        if self.published_at is None:
            return State.IN_REVIEW if self.review_requested else State.DRAFT
        return State.PUBLISHED if self.published_at <= timezone.now() else State.SCHEDULED

    @property
    def is_live(self):
        return self.state == State.PUBLISHED

    @property
    def last_public_change(self):
        """When readers' page of this item last changed: its last save, or its going live if later."""
        return latest(getattr(self, "updated_at", None), self.published_at)

    @property
    def state_label(self):
        if self.state == State.SCHEDULED:
            return f"Scheduled for {date_format(timezone.localtime(self.published_at), 'DATETIME_FORMAT')}"
        return self.state.label

    def preview_banner(self):
        """What staff are told on the page of an item readers cannot see."""
        if self.state == State.SCHEDULED:
            return f"{self.state_label}: readers cannot see this page until then."
        return "Draft: readers cannot see this page."

    def publish(self, when=None):
        self.published_at = when or timezone.now()
        self.review_requested = False

    def unpublish(self):
        self.published_at = None


def latest(*times):
    """The latest of `times` that are known (None if none is): when a page last changed, for feeds and sitemaps."""
    return max((time for time in times if time is not None), default=None)


def last_public_change_of(prefix):
    """
    For annotations: the latest `last_public_change` among the published items
    reached through `prefix` ("credits__film__"). Both times are set on a
    published item, so Greatest is safe on SQLite too (where a NULL wins).
    """
    return Max(Greatest(f"{prefix}updated_at", f"{prefix}published_at"), filter=published_q(prefix))


def latest_public_change(rows, prefix, outer):
    """
    For annotations, as a correlated subquery: the latest `last_public_change`
    among the published items that `rows` (Credit.objects) reach through
    `prefix` ("film__"), for each outer row that `rows` point at with `outer`
    ("person"). Unlike a join and GROUP BY, it leaves `count()` cheap.
    """
    changes = (
        rows.filter(published_q(prefix), **{outer: OuterRef("pk")})
        .order_by()
        .values(outer)
        .annotate(changed=Max(Greatest(f"{prefix}updated_at", f"{prefix}published_at")))
        .values("changed")
    )
    return Subquery(changes, output_field=DateTimeField())


def publishable_models():
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def next_scheduled_time():
    """When the next scheduled item goes live (None if nothing is scheduled): readers' pages change then."""
    now = timezone.now()
    times = (
        model._base_manager.filter(published_at__gt=now).aggregate(next=Min("published_at"))["next"]
        for model in publishable_models()
    )
    return min((time for time in times if time is not None), default=None)


def publish_permission(model):
    """The permission that lets a user publish, schedule, unpublish and delete published `model` rows."""
    return f"{model._meta.app_label}.publish_{model._meta.model_name}"
