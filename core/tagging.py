"""
Tags, shared by every content app: the tagged-object base (tags by real
foreign key) and the vocabulary — what makes a usable tag name and when two
names are the same tag. taggit parses every tag field with `parse_tags`
(settings.TAGGIT_TAGS_FROM_STRING), so the rules hold in every form without
each one repeating them. Theme pages, merging and renaming are curation's.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.text import slugify
from taggit.models import Tag, TaggedItemBase
from taggit.utils import _parse_tags

from .natural_keys import NaturalKeyModel


class TaggedObject(NaturalKeyModel, TaggedItemBase):
    """
    Tags on one model (films, lists) through a real foreign key instead of
    taggit's generic one: joins stay simple, and a tagging travels in fixtures
    by natural key (the object's slug and the tag's name), not by primary key.
    Subclasses declare `content_object` and a unique (content_object, tag).
    """

    natural_key_fields = ("content_object__slug", "tag__name")

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.content_object} — {self.tag}"


def tag_identity(name):
    """
    Two names that differ only in case or spacing are one tag. Python folds
    Cyrillic case; SQLite's `iexact` doesn't, so this is decided here.
    """
    return " ".join(name.casefold().split())


def validate_tag_name(name):
    if not any(character.isalnum() for character in name):
        raise ValidationError(
            "“%(name)s” cannot be a tag: a tag needs at least one letter or digit.",
            code="tag_without_words",
            params={"name": name},
        )


def existing_tags_named(names, exclude=None):
    """{identity: Tag} for the existing tags that `names` denote, in one query."""
    identities = {tag_identity(name) for name in names}
    if not identities:
        return {}
    # Same identity means the same slug, except for slugs an editor changed;
    # matching on the names as typed catches those when the case agrees.
    slugs = {slugify(name, allow_unicode=True) for name in names}
    candidates = Tag.objects.filter(Q(slug__in=slugs) | Q(name__in=names))
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude.pk)
    found = {}
    for tag in candidates.order_by("pk"):
        identity = tag_identity(tag.name)
        if identity in identities:
            found.setdefault(identity, tag)
    return found


def find_tag(name, exclude=None):
    return existing_tags_named([name], exclude=exclude).get(tag_identity(name))


def canonical_tag_names(names):
    """
    Validate `names` and spell each one as the existing tag it denotes, so
    taggit reuses that tag instead of creating "донбасс" next to "Донбасс".
    """
    errors = []
    for name in names:
        try:
            validate_tag_name(name)
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    existing = existing_tags_named(names)
    canonical = {}
    for name in names:
        identity = tag_identity(name)
        tag = existing.get(identity)
        canonical.setdefault(identity, tag.name if tag else " ".join(name.split()))
    return sorted(canonical.values(), key=tag_identity)


def parse_tags(tagstring):
    """
    taggit's parser plus our rules: usable names, one spelling per tag.
    """
    return canonical_tag_names(_parse_tags(tagstring))
