"""Readers' pages for the page-cache tests: each says how often it was rendered and what it was asked."""

from collections import Counter

from django.http import HttpResponse, HttpResponseNotFound
from django.urls import path

from core.page_cache import cache_public_page

renders = Counter()


def counted(request):
    renders[request.path] += 1
    return HttpResponse(f"render {renders[request.path]}; asked for {sorted(request.GET.lists())}")


def missing(request):
    renders[request.path] += 1
    return HttpResponseNotFound("no such page")


urlpatterns = [
    path("counted/", cache_public_page(counted, query=("page", "sort"))),
    path("missing/", cache_public_page(missing)),
    path("private/", counted),
]
