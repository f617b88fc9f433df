"""
Tags, shared by every content app: the tagged-object base (tags by real
foreign key) and the vocabulary — what makes a usable tag name, when two
names are the same tag, and how a list of tags is written in one text field.

The one rule for a tag's name (`validate_tag_name`) holds in the Tag admin,
in every tag field (taggit parses them with `parse_tags` and writes them with
`edit_string_for_tags`, settings.TAGGIT_*) and in imports. A tag field is
comma-separated values: a name holding a comma or a double quote is written
in double quotes, with its quotes doubled, so every name that exists — odd
ones made before the rule included — comes back unchanged from a save that
does not touch it. Theme pages, merging and renaming are curation's.
"""

import csv

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.text import slugify
from taggit.forms import TagField, TagWidget, TagWidgetMixin
from taggit.models import Tag, TaggedItemBase

from .natural_keys import NaturalKeyModel


class TaggedObject(NaturalKeyModel, TaggedItemBase):
    """
    Tags on one model (films, lists) through a real foreign key instead of
    taggit's generic one: joins stay simple, and a tagging travels in fixtures
    by natural key (the object's slug and the tag's name), not by primary key.
    Subclasses declare `content_object` and a unique (content_object, tag).
    """

    natural_key_fields = ("content_object__slug", "tag__name")
    locked_parents = ("content_object",)  # core.locking

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


def normalise_tag_name(name):
    return " ".join(name.split())


TAG_NAME_LENGTH = Tag._meta.get_field("name").max_length


def validate_tag_name(name):
    """The rule for a new tag's name. Forms normalise spacing first; imports must bring it normalised."""
    if not any(character.isalnum() for character in name):
        raise ValidationError(
            "“%(name)s” cannot be a tag: a tag needs at least one letter or digit.",
            code="tag_without_words",
            params={"name": name},
        )
    if len(name) > TAG_NAME_LENGTH:
        raise ValidationError(
            "“%(name)s” cannot be a tag: a tag has at most %(limit)d characters.",
            code="tag_too_long",
            params={"name": name, "limit": TAG_NAME_LENGTH},
        )
    if name != normalise_tag_name(name) or not name.isprintable():
        raise ValidationError(
            "“%(name)s” cannot be a tag: spaces only between words, one at a time, and no control characters.",
            code="tag_spacing",
            params={"name": name},
        )


def tags_breaking_the_rule():
    """Existing tags whose names the rule would refuse today (made before it): [(tag, reason)]."""
    broken = []
    for tag in Tag.objects.order_by("name"):
        try:
            validate_tag_name(tag.name)
        except ValidationError as error:
            broken.append((tag, error.messages[0]))
    return broken


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
    Spell each of `names` as the existing tag it denotes, so taggit reuses
    that tag instead of creating "донбасс" next to "Донбасс"; a name that
    denotes no tag becomes a new one only if it follows the rule.
    """
    existing = existing_tags_named(names)
    canonical, errors = {}, []
    for name in names:
        identity = tag_identity(name)
        tag = existing.get(identity)
        if tag is None:
            name = normalise_tag_name(name)
            try:
                validate_tag_name(name)
            except ValidationError as error:
                errors.append(error)
                continue
        canonical.setdefault(identity, tag.name if tag else name)
    if errors:
        raise ValidationError(errors)
    return sorted(canonical.values(), key=tag_identity)


def split_tag_string(text):
    """The names in a tag field, read as one line of comma-separated values."""
    if not text or not text.strip():
        return []
    line = " ".join(text.splitlines())
    [names] = csv.reader([line], skipinitialspace=True)
    return [name for name in names if name.strip()]


def _quoted(name):
    if "," in name or '"' in name or name != name.strip():
        return '"' + name.replace('"', '""') + '"'
    return name


def join_tag_names(names):
    """The inverse of `split_tag_string`: names in double quotes where they need them."""
    return ", ".join(_quoted(name) for name in sorted(names, key=tag_identity))


def parse_tags(tagstring):
    """A tag field's text as tag names: settings.TAGGIT_TAGS_FROM_STRING."""
    return canonical_tag_names(split_tag_string(tagstring))


def edit_string_for_tags(tags):
    """Tags as a tag field shows them: settings.TAGGIT_STRING_FROM_TAGS."""
    return join_tag_names(tag.name for tag in tags)


class HiddenTagWidget(TagWidgetMixin, forms.HiddenInput):
    pass


class EditorialTagField(TagField):
    """
    A tag field that knows when it has not changed: the same tags in another
    order or case are no change (taggit's own comparison reports one on every
    save, and the history then says “Changed Themes & topics.” for nothing).
    """

    widget = TagWidget
    hidden_widget = HiddenTagWidget

    def has_changed(self, initial, data):
        try:
            return self._identities(initial) != self._identities(data)
        except ValidationError:
            return True  # unusable names: the field's own validation says why

    def _identities(self, value):
        if not value:
            return set()
        names = parse_tags(value) if isinstance(value, str) else [getattr(tag, "name", tag) for tag in value]
        return {tag_identity(name) for name in names}
