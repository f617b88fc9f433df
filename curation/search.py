"""
What search finds among the curators' work: published curated lists, and
themes. A theme is found by its name while something published carries its
tag; its editorial introduction is found too once that is published. So a
theme has two entries (the tag's, the introduction's), and readers see
exactly one of them at any moment.
"""

from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse
from taggit.models import Tag

from core.search.registry import Entry, Kind, Source, register, register_kind, texts

from .models import CuratedList, TaggedList, Theme
from .themes import public_themes


def list_entry(curated_list):
    return Entry(
        title=curated_list.title,
        url=curated_list.get_absolute_url(),
        subtitle="Curated list",
        a=curated_list.title,
        c=texts(curated_list.intro, curated_list.closing_text),
        d=texts(*(tagged_item.tag.name for tagged_item in curated_list.tagged_items.all())),
    )


def lists_tagged(tag_pks):
    return TaggedList.objects.filter(tag__in=tag_pks).values_list("content_object_id", flat=True)


def theme_url(tag):
    return reverse("curation:theme_detail", args=[tag.slug])


def tag_entry(tag):
    return Entry(title=tag.name, url=theme_url(tag), subtitle="Theme", a=tag.name)


def intro_entry(theme):
    return Entry(
        title=theme.tag.name,
        url=theme_url(theme.tag),
        subtitle="Theme",
        a=theme.tag.name,
        c=texts(theme.share_description, theme.intro),
    )


def published_intro():
    return Theme.objects.published().filter(tag=OuterRef("pk"))


def themes_without_published_intro():
    return public_themes().filter(~Exists(published_intro()))


def published_intros():
    return Theme.objects.published().filter(tag__in=public_themes())


def intros_of(tag_pks):
    return Theme.objects.filter(tag__in=tag_pks).values_list("pk", flat=True)


def register_search():
    register_kind(Kind("list", "Curated list", "Curated lists", 30))
    register_kind(Kind("theme", "Theme", "Themes", 40))
    register(
        Source(
            model=CuratedList,
            kind="list",
            entry=list_entry,
            visible=CuratedList.objects.published,
            rows=lambda: CuratedList.objects.prefetch_related(
                Prefetch("tagged_items", TaggedList.objects.select_related("tag"))
            ),
            follows={TaggedList: "content_object_id", Tag: lists_tagged},
        )
    )
    register(Source(model=Tag, kind="theme", entry=tag_entry, visible=themes_without_published_intro))
    register(
        Source(
            model=Theme,
            kind="theme",
            entry=intro_entry,
            visible=published_intros,
            rows=lambda: Theme.objects.select_related("tag"),
            follows={Tag: intros_of},
        )
    )
