import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction

from core.roles import CHIEF_EDITORS, EDITORS, sync_roles


class Command(BaseCommand):
    help = (
        "Bring the Editors and Chief editors groups up to date and make sure an editor and a chief editor "
        "can sign in. A new account gets a random password, printed once; an existing one is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor", help="The editor's account.")
        parser.add_argument("--chief-username", default="chief", help="The chief editor's account.")

    @transaction.atomic
    def handle(self, *args, username, chief_username, **options):
        groups = sync_roles(Group, Permission)
        self.ensure_account(username, groups[EDITORS], "Editor")
        self.ensure_account(chief_username, groups[CHIEF_EDITORS], "Chief editor")

    def ensure_account(self, username, group, title):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(username=username, password=password, is_staff=True)
            user.groups.add(group)
            self.stdout.write(
                self.style.SUCCESS(
                    f"{title} account created. Sign in at /admin/ as “{username}” with password: {password}\n"
                    "This password is shown only now; set another with "
                    f"`.venv/bin/python manage.py changepassword {username}`."
                )
            )
            return
        changed = not user.is_staff or not user.groups.filter(pk=group.pk).exists()
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.groups.add(group)
        restored = f" (restored to the {group.name} group)" if changed else ""
        self.stdout.write(
            f"{title} “{username}” can sign in at /admin/{restored}. "
            f"Forgotten the password? `.venv/bin/python manage.py changepassword {username}`"
        )
