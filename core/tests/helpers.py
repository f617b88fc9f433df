"""Small helpers every app's tests use: admin addresses, row counts, what a page says, the seed."""

import re
from html import unescape

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def row_counts():
    """Rows per table of every content app (link tables included): equal counts mean nothing was added or lost."""
    models = (
        model
        for app_label in settings.CONTENT_APPS
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True)
    )
    return {model._meta.label: model._default_manager.count() for model in models}


def visible_text(response):
    """The page's visible words, whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


SEED_FIXTURES = [settings.BASE_DIR / "fixtures" / "catalogue.json", settings.BASE_DIR / "fixtures" / "curation.json"]


def load_seed():
    call_command("loaddata", *map(str, SEED_FIXTURES), verbosity=0)
