import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction

EDITORS_GROUP = "Editors"


class Command(BaseCommand):
    help = (
        "Make sure the Editors group can edit all content and that an editor can sign in. "
        "A new editor account gets a random password, printed once; an existing one is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    @transaction.atomic
    def handle(self, *args, username, **options):
        group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
        group.permissions.set(Permission.objects.filter(content_type__app_label__in=settings.CONTENT_APPS))

        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(username=username, password=password, is_staff=True)
            user.groups.add(group)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Editor account created. Sign in at /admin/ as “{username}” with password: {password}\n"
                    "This password is shown only now; set another with "
                    f"`.venv/bin/python manage.py changepassword {username}`."
                )
            )
            return
        changed = not user.is_staff or not user.groups.filter(pk=group.pk).exists()
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.groups.add(group)
        self.stdout.write(
            f"Editor “{username}” can sign in at /admin/{' (restored to the Editors group)' if changed else ''}. "
            f"Forgotten the password? `DJANGO_DEBUG=1 .venv/bin/python manage.py changepassword {username}`"
        )
