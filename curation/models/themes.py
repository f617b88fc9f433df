"""
Themes are tags. A tag used on a published film or list has a theme page
whether or not an editor has written anything for it; `Theme` only adds the
editorial words, which are drafted and published like films and lists. The
tag itself stays the single source of truth for the theme's name and address.
"""

from django.db import models
from taggit.models import Tag

from core.natural_keys import NaturalKeyManager, NaturalKeyModel
from core.publishing import Publishable, PublishableQuerySet


class Theme(Publishable, NaturalKeyModel):
    tag = models.OneToOneField(Tag, on_delete=models.CASCADE, related_name="theme")
    intro = models.TextField(blank=True, help_text="The editorial introduction at the top of the theme page.")
    share_description = models.CharField(
        max_length=200,
        blank=True,
        help_text="One or two sentences for search engines and link previews.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = NaturalKeyManager.from_queryset(PublishableQuerySet)()
    natural_key_fields = ("tag__name",)

    class Meta:
        ordering = ["tag__name"]
        verbose_name = "theme intro"
        permissions = [("publish_theme", "Can publish, schedule, unpublish and delete published theme intros")]

    def __str__(self):
        return self.tag.name

    def get_absolute_url(self):
        return self.tag.get_absolute_url()

    def preview_banner(self):
        # The theme page itself is public whenever something published carries the tag; the intro is what waits.
        when = self.state_label if self.published_at else "Draft"
        return f"{when}: readers see this theme page without this introduction."


class ThemeRedirectManager(models.Manager):
    def record(self, old_slug, tag):
        """
        Send `old_slug` to `tag` from now on. A slug that is live again (a tag
        renamed back) must not redirect away from its own page.
        """
        self.filter(old_slug=tag.slug).delete()
        if old_slug and old_slug != tag.slug:
            self.update_or_create(old_slug=old_slug, defaults={"tag": tag})


class ThemeRedirect(models.Model):
    """An old theme address (a renamed or merged tag) that answers with a permanent redirect."""

    old_slug = models.CharField(max_length=100, unique=True)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="theme_redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ThemeRedirectManager()

    class Meta:
        ordering = ["old_slug"]

    def __str__(self):
        return f"{self.old_slug} → {self.tag.slug}"
