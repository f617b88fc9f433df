"""System checks that look at content: odd tags made before the tag rule are reported, never dropped."""

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError

from .tagging import tags_breaking_the_rule


@register(Tags.database)
def tags_follow_the_rule(app_configs=None, databases=None, **kwargs):
    """Run by `migrate` (so by `make run`) and `check --database default`."""
    if not databases:
        return []
    try:
        broken = tags_breaking_the_rule()
    except DatabaseError:  # before the first migration: no tags yet
        return []
    return [
        Warning(
            f"Tag id {tag.pk} breaks the tag rule: {reason}",
            hint="Films and lists keep it; a chief editor can rename it or merge it into another in the admin (Tags).",
            obj=tag,
            id="core.W001",
        )
        for tag, reason in broken
    ]
