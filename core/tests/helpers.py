"""Small helpers every app's tests use: admin addresses and forms, row counts, what a page says, the seed, pictures."""

import hashlib
import io
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.db.models import ProtectedError
from django.urls import reverse
from PIL import Image

from core.tallies import content_models


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def row_counts():
    """Rows per table of every content app (link tables included): equal counts mean nothing was added or lost."""
    return {model._meta.label: model._default_manager.count() for model in content_models(include_auto_created=True)}


def content_snapshot(timestamps=True):
    """
    Every row of the content apps by natural key, with every field and relation
    (foreign keys as the natural keys they name, never ids): two databases
    with equal snapshots hold the same catalogue. Without `timestamps`, the
    fields a save fills in by itself (created_at, updated_at) are left out.
    """
    snapshot = {}
    for model in content_models():
        rows = model._default_manager.order_by("pk")
        serialized = serializers.serialize("python", rows, use_natural_foreign_keys=True)
        for obj, row in zip(rows, serialized, strict=True):
            fields = row["fields"]
            if not timestamps:
                for field in model._meta.concrete_fields:
                    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                        fields.pop(field.name, None)
            identity = tuple(obj.natural_key()) if hasattr(obj, "natural_key") else tuple(sorted(fields.items()))
            snapshot[(model._meta.label, identity)] = fields
    return snapshot


def empty_catalogue():
    """
    Delete every row of the content apps (accounts stay): an empty database for
    an import, inside a test's transaction (`flush` cannot truncate tables with
    foreign-key checks still pending on PostgreSQL).
    """
    models = content_models()
    while any(model._base_manager.exists() for model in models):
        for model in models:
            try:
                model._base_manager.all().delete()
            except ProtectedError:  # rows that others still name go on a later round
                pass


def database_state():
    """
    Row counts of every table and a hash of every row, accounts and sessions
    included: an equal state means nothing at all was written.
    """
    counts, digest = {}, hashlib.sha256()
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"SELECT * FROM {table} ORDER BY 1")
            rows = cursor.fetchall()
            counts[model._meta.label] = len(rows)
            digest.update(repr((model._meta.label, rows)).encode())
    return counts, digest.hexdigest()


def visible_text(response):
    """The page's visible words, whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


SEED_FIXTURES = [settings.BASE_DIR / "fixtures" / "catalogue.json", settings.BASE_DIR / "fixtures" / "curation.json"]


def load_seed():
    call_command("loaddata", *map(str, SEED_FIXTURES), verbosity=0)


class ChangeFormReader(HTMLParser):
    """Reads an admin change form as a browser would submit it: each field's current value."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.in_form = False
        self.fields = {}
        self.textarea = self.select = None

    def add(self, name, value):
        if name and "__prefix__" not in name:  # the template rows JavaScript copies
            self.fields.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id") == self.form_id
        elif not self.in_form:
            return
        elif tag == "input" and attrs.get("type") not in ("submit", "button", "file", "image"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.add(attrs.get("name"), attrs.get("value", "on" if attrs.get("type") == "checkbox" else ""))
        elif tag == "textarea":
            self.textarea = [attrs.get("name"), ""]
        elif tag == "select":
            self.select = {"name": attrs.get("name"), "multiple": "multiple" in attrs, "first": None, "chosen": []}
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            if self.select["first"] is None:
                self.select["first"] = value
            if "selected" in attrs:
                self.select["chosen"].append(value)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            self.add(name, text.removeprefix("\n"))  # as a browser reads it: the newline after the tag is markup
            self.textarea = None
        elif tag == "select" and self.select is not None:
            select, self.select = self.select, None
            chosen = select["chosen"] or ([] if select["multiple"] or select["first"] is None else [select["first"]])
            for value in chosen:
                self.add(select["name"], value)


def change_form_data(response, model):
    """What a browser would submit from the admin's change form for `model` on this page, as the page shows it."""
    reader = ChangeFormReader(f"{model._meta.model_name}_form")
    reader.feed(response.content.decode())
    return {name: values if len(values) > 1 else values[0] for name, values in reader.fields.items()}


BROWSER_PASSWORD = "a-test-only-password"


def make_staff_accounts():
    """The editor and chief editor `make run` creates, with a password a browser test can type."""
    from django.contrib.auth import get_user_model

    call_command("ensure_editor", stdout=io.StringIO())
    for user in get_user_model().objects.filter(username__in=["editor", "chief"]):
        user.set_password(BROWSER_PASSWORD)
        user.save()


def sign_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(BROWSER_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base_url}/admin/")


def image_bytes(size=(600, 900), format="JPEG", **save_options):
    """A real picture made by Pillow: a Mandelbrot set, so it has detail to compress like a photograph."""
    image = Image.effect_mandelbrot(size, (-2.0, -1.5, 1.0, 1.5), 32).convert("RGB")
    out = io.BytesIO()
    image.save(out, format, **save_options)
    return out.getvalue()


def image_upload(name="poster.jpg", size=(600, 900), format="JPEG", **save_options):
    """An uploaded picture file, as a browser sends it."""
    return SimpleUploadedFile(name, image_bytes(size, format, **save_options), content_type=f"image/{format.lower()}")


def stored_files():
    """Every file under the media folder, by path relative to it."""
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


class Head:
    """What a page's <head> says about it: the title, meta tags by name or property, links, and JSON-LD as text."""

    def __init__(self, html):
        parser = _HeadParser()
        parser.feed(html[: html.index("</head>")])
        self.titles, self.meta, self.links, self.json_ld = parser.titles, parser.meta, parser.links, parser.json_ld

    @property
    def title(self):
        (title,) = self.titles
        return title

    def link(self, rel, **attrs):
        """The `href` of the one <link rel=`rel`> with these attributes (None when there is none)."""
        found = [link["href"] for link in self.links if link.get("rel") == rel and attrs.items() <= link.items()]
        assert len(found) <= 1, f"{len(found)} <link rel={rel}> {attrs}"
        return found[0] if found else None


class _HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.titles, self.meta, self.links, self.json_ld = [], {}, [], []
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("name" in attrs or "property" in attrs):
            key = attrs.get("property") or attrs["name"]
            assert key not in self.meta, f"{key} appears twice"
            self.meta[key] = attrs.get("content")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "title" or (tag == "script" and attrs.get("type") == "application/ld+json"):
            self._in = tag
            (self.titles if tag == "title" else self.json_ld).append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.titles[-1] += data
        elif self._in == "script":
            self.json_ld[-1] += data
