"""
A chief editor imports a catalogue from the admin: uploads a fixture file,
reads what the import would do (the dry run: created, updated, unchanged and
refused, model by model, and every problem), and confirms. Until the
confirmation nothing is written; a refused file is never offered for it.

The uploaded file waits for the confirmation in a private folder outside the
media (never served), under a random name that only the uploader's session
knows, and is deleted once imported or replaced.
"""

import secrets
import tempfile
from pathlib import Path, PurePath

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from core.fixture_files import FORMATS
from core.importing import ImportRefused, import_fixtures
from core.roles import is_chief_editor

SESSION_KEY = "kinozavod-import"
MAX_BYTES = 200 * 1024 * 1024
UPLOADS = Path(tempfile.gettempdir()) / "kinozavod-imports"


class UploadForm(forms.Form):
    fixture = forms.FileField(
        label="Fixture file",
        help_text="A .json, .jsonl or .xml file as export_fixtures or “Export selected” writes it, "
        "or a .zip bundle (export_fixtures --bundle) that carries the pictures too.",
    )
    partial = forms.BooleanField(
        required=False,
        label="Change only the fields each row names",
        help_text="For files that give some fields of items that exist; the other fields keep their values.",
    )

    def clean_fixture(self):
        upload = self.cleaned_data["fixture"]
        if PurePath(upload.name).suffix.lower() not in {*FORMATS, ".zip"}:
            raise forms.ValidationError(
                f"“{upload.name}” is not a fixture file: upload a .json, .jsonl or .xml file, or a .zip bundle."
            )
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
        return upload


def import_view(request):
    if not is_chief_editor(request.user):
        raise PermissionDenied
    context = {**admin.site.each_context(request), "title": "Import a catalogue"}
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request, context)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        _forget(request)
        upload, partial = form.cleaned_data["fixture"], form.cleaned_data["partial"]
        waiting = _store(upload)
        report = _report(waiting, upload.name, partial, dry_run=True)
        if report["problems"]:
            waiting.unlink(missing_ok=True)
        else:
            request.session[SESSION_KEY] = {"file": waiting.name, "name": upload.name, "partial": partial}
        context.update(report, name=upload.name, partial=partial, waiting=waiting.name)
        form = UploadForm()
    context["form"] = form
    return TemplateResponse(request, "admin/import_catalogue.html", context)


def _confirm(request, context):
    waiting = request.session.get(SESSION_KEY)
    path = UPLOADS / waiting["file"] if waiting else None
    if path is None or request.POST.get("file") != waiting["file"] or not path.exists():
        messages.error(request, "That upload is no longer waiting: upload the file again.")
        return HttpResponseRedirect(request.path)
    report = _report(path, waiting["name"], waiting["partial"], dry_run=False)
    _forget(request)
    if report["problems"]:
        # The catalogue changed since the dry run; nothing was written.
        context.update(report, name=waiting["name"], form=UploadForm())
        return TemplateResponse(request, "admin/import_catalogue.html", context)
    messages.success(request, f"Imported {waiting['name']}: {report['result']}.")
    return HttpResponseRedirect(reverse("admin:index"))


def _report(path, name, partial, dry_run):
    """The result and the problems of importing `path`, naming the file as the editor knows it."""
    try:
        result, problems = import_fixtures(path, partial=partial, dry_run=dry_run), []
    except ImportRefused as refused:
        result, problems = refused.result, [problem.replace(str(path), name) for problem in refused.problems]
    return {"result": result, "problems": problems, "dry_run": dry_run}


def _store(upload):
    UPLOADS.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = UPLOADS / f"{secrets.token_hex(16)}{PurePath(upload.name).suffix.lower()}"
    with path.open("wb") as stored:
        for chunk in upload.chunks():
            stored.write(chunk)
    return path


def _forget(request):
    waiting = request.session.pop(SESSION_KEY, None)
    if waiting:
        (UPLOADS / waiting["file"]).unlink(missing_ok=True)
