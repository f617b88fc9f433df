"""
How editors rename and merge tags without breaking theme addresses. (What
makes a usable tag name lives in `core.tagging`.)

Tags are shared by films (catalogue.TaggedFilm) and lists (TaggedList); this
module works on every tagged-item model taggit knows, so a third one needs no
change here.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef
from taggit.models import ItemBase, Tag

from core.signals import announce_bulk_write

from .models import FeaturedTheme, Theme, ThemeCover, ThemeRedirect


def tagged_item_models():
    """Every model that attaches taggit tags to something (films, lists…)."""
    return [
        relation.related_model
        for relation in Tag._meta.related_objects
        if issubclass(relation.related_model, ItemBase) and relation.field.name == "tag"
    ]


def _tagged_object_fields(model):
    """The columns that name the tagged object: a real foreign key, or a generic one."""
    content_object = model._meta.get_field("content_object")
    if content_object.concrete:
        return [content_object.attname]
    return ["content_type_id", "object_id"]


@dataclass
class MergeResult:
    target: Tag
    merged_names: list = field(default_factory=list)
    moved: int = 0  # tagged objects now carrying the target
    already_tagged: int = 0  # objects that had the target already


def record_slug_change(tag, old_slug):
    """Keep a tag's old theme address working after its slug changed."""
    ThemeRedirect.objects.record(old_slug, tag)


@transaction.atomic
def merge_tags(tags, into):
    """
    Fold `tags` into the tag `into`: every film and list carrying one of them
    carries `into` instead (once), the first editorial intro is kept if `into`
    has none, old theme addresses redirect to `into`, and the merged tags are
    deleted.
    """
    target = into
    sources = [tag for tag in tags if tag.pk != target.pk]
    result = MergeResult(target=target)
    target_theme = Theme.objects.filter(tag=target).first()
    for source in sources:
        for model in tagged_item_models():
            object_fields = _tagged_object_fields(model)
            has_target = model.objects.filter(tag=target, **{name: OuterRef(name) for name in object_fields})
            result.already_tagged += model.objects.filter(tag=source).filter(Exists(has_target)).delete()[0]
            result.moved += model.objects.filter(tag=source).update(tag=target)

        target_theme = _carry_over_theme(source, target, target_theme)

        featured_twice = FeaturedTheme.objects.filter(tag=target, home_page=OuterRef("home_page"))
        FeaturedTheme.objects.filter(tag=source).filter(Exists(featured_twice)).delete()
        FeaturedTheme.objects.filter(tag=source).update(tag=target)

        ThemeRedirect.objects.filter(tag=source).update(tag=target)
        ThemeRedirect.objects.record(source.slug, target)

        result.merged_names.append(source.name)
        source.delete()
    # The moves above were bulk updates, which send no signals: retire the pages, re-index the target's carriers.
    announce_bulk_write("merge_tags", {Tag: [target.pk]})
    return result


def _carry_over_theme(source, target, target_theme):
    """The target keeps its own editorial words and cover; it inherits the source's when it has none."""
    source_theme = Theme.objects.filter(tag=source).first()
    if source_theme is None:
        return target_theme
    if target_theme is None:
        target_theme = Theme(tag=target)
    changed = False
    if not target_theme.intro and source_theme.intro:
        target_theme.intro = source_theme.intro
        changed = True
    if not target_theme.share_description and source_theme.share_description:
        target_theme.share_description = source_theme.share_description
        changed = True
    if changed:
        target_theme.save()
    # The cover moves too (the source's would go with its tag), when the target has none.
    if (
        ThemeCover.objects.filter(theme=source_theme).exists()
        and not ThemeCover.objects.filter(theme__tag=target).exists()
    ):
        if target_theme.pk is None:
            target_theme.save()
        ThemeCover.objects.filter(theme=source_theme).update(theme=target_theme)
    return target_theme
