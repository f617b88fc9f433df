"""
The editorial roles. *Editors* write and correct content: they create and edit
drafts, submit them for review and fact-check, but cannot publish, schedule,
unpublish or delete what readers see. *Chief editors* may do all of that, and
also run the site's structure: tags and their theme redirects, the home page,
and unlock sign-ins that django-axes paused after too many wrong passwords.

Which permissions each role gets is decided here, from the permissions that
exist; a data migration creates the groups, and `manage.py ensure_editor`
(run by `make run`) brings them up to date with models added since.
"""

from django.conf import settings

EDITORS = "Editors"
CHIEF_EDITORS = "Chief editors"

# Deleting an account's failed attempts unlocks its sign-in (README, "Signing in").
SIGN_IN_UNLOCKING = ["view_accessattempt", "delete_accessattempt"]


def _is_chief_only(permission):
    model_label = f"{permission.content_type.app_label}.{permission.content_type.model}"
    if permission.codename.startswith("publish_"):
        return True
    return model_label in settings.CHIEF_EDITOR_MODELS and not permission.codename.startswith("view_")


def role_permissions(permission_model):
    """{group name: [permissions]} for the given Permission model (the live one or a migration's)."""
    content = list(
        permission_model.objects.filter(content_type__app_label__in=settings.CONTENT_APPS).select_related(
            "content_type"
        )
    )
    unlocking = list(permission_model.objects.filter(content_type__app_label="axes", codename__in=SIGN_IN_UNLOCKING))
    return {
        EDITORS: [permission for permission in content if not _is_chief_only(permission)],
        CHIEF_EDITORS: content + unlocking,
    }


def sync_roles(group_model, permission_model):
    """Create both groups if missing and give each exactly its role's permissions; returns {name: group}."""
    groups = {}
    for name, permissions in role_permissions(permission_model).items():
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.set(permissions)
        groups[name] = group
    return groups


def is_chief_editor(user):
    """May run the site as a whole (import catalogues among it): the Chief editors group, or a superuser."""
    return bool(
        user.is_active and user.is_staff and (user.is_superuser or user.groups.filter(name=CHIEF_EDITORS).exists())
    )
