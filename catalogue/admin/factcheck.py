"""
The fact-checking desk: every unverified or disputed claim across the
catalogue (trivia, awards, influence notes), filtered by film, kind and status,
with the actions that mark them.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.text import Truncator

from ..factcheck import CLAIM_KINDS, OPEN, claims, set_verification
from ..models import Film, Verification

PAGE_SIZE = 100
STATUSES = {"open": OPEN, **{value: (value,) for value in Verification.values}}


class ClaimFilterForm(forms.Form):
    kind = forms.ChoiceField(
        required=False,
        choices=[("", "All kinds"), *((kind, CLAIM_KINDS[kind]._meta.verbose_name) for kind in CLAIM_KINDS)],
    )
    status = forms.ChoiceField(
        required=False,
        choices=[("open", "Unverified or disputed"), *Verification.choices],
    )
    film = forms.ModelChoiceField(required=False, queryset=Film.objects.only("title", "year"), empty_label="All films")


ACTIONS = {
    "verify": (Verification.VERIFIED, "Mark verified (those with a source)"),
    "dispute": (Verification.DISPUTED, "Mark disputed (those with an editor's note)"),
    "unverify": (Verification.UNVERIFIED, "Mark unverified"),
}


def fact_check_view(model_admin, request):
    if not any(request.user.has_perm(f"catalogue.view_{kind}") for kind in CLAIM_KINDS):
        raise PermissionDenied
    if request.method == "POST":
        return _mark(request)
    filters = ClaimFilterForm(request.GET or None)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    rows = claims(chosen.get("kind") or None, STATUSES[chosen.get("status") or "open"], chosen.get("film"))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Fact-check claims",
        "opts": model_admin.model._meta,
        "filters": filters,
        "page_obj": page,
        "kind_names": {kind: model._meta.verbose_name for kind, model in CLAIM_KINDS.items()},
        "actions": [(name, label) for name, (_value, label) in ACTIONS.items()],
        "query": request.GET.urlencode(),
    }
    return TemplateResponse(request, "catalogue/admin/fact_check.html", context)


def _mark(request):
    back = HttpResponseRedirect(f"{request.path}?{request.POST.get('query', '')}")
    action = ACTIONS.get(request.POST.get("action", ""))
    selected = {}
    for value in request.POST.getlist("claim"):
        kind, _, pk = value.partition(":")
        if kind in CLAIM_KINDS and pk.isdigit():
            selected.setdefault(kind, []).append(int(pk))
    if action is None or not selected:
        messages.warning(request, "Choose an action and at least one claim.")
        return back
    verification, _label = action
    to_mark = []
    for kind, pks in selected.items():
        if not request.user.has_perm(f"catalogue.change_{kind}"):
            raise PermissionDenied
        to_mark += CLAIM_KINDS[kind].objects.filter(pk__in=pks)
    result = set_verification(to_mark, verification, request.user)
    label = Verification(verification).label.lower()
    if result.changed:
        messages.success(request, f"Marked {len(result.changed)} claim(s) as {label}.")
    for reason, left in result.refused.items():
        examples = "; ".join(f"“{Truncator(str(claim)).chars(60)}”" for claim in left[:3])
        more = f" and {len(left) - 3} more" if len(left) > 3 else ""
        messages.warning(request, f"Left {len(left)} claim(s) as they were — {reason} {examples}{more}")
    return back
