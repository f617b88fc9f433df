from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path, re_path, reverse
from django.views.static import serve

from catalogue.sitemaps import SITEMAPS as CATALOGUE_SITEMAPS
from core.page_cache import cache_public_page
from core.search.views import search_view
from curation.admin.transfer import import_view
from curation.sitemaps import SITEMAPS as CURATION_SITEMAPS

SITEMAPS = CATALOGUE_SITEMAPS | CURATION_SITEMAPS

# Renditions never change under their name (it is a hash of what they are).
RENDITION_CACHE_CONTROL = "public, max-age=31536000, immutable"


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin's)."""
    # Resolved per request: in production the hashed file name is known only
    # once `collectstatic` has run, which is after this module is imported.
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


def media(request, path):
    """Uploaded pictures and their renditions, when Django serves them (development, DJANGO_SERVE_MEDIA)."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if path.startswith(f"{settings.IMAGEKIT_CACHEFILE_DIR}/"):
        response["Cache-Control"] = RENDITION_CACHE_CONTROL
    return response


def robots_txt(request):
    """Crawlers are welcome everywhere readers are, and pointed at the sitemap; the admin is none of theirs."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("favicon.ico", favicon),
    # Cached like readers' pages: retired by any edit and when a scheduled item goes live.
    path("robots.txt", cache_public_page(robots_txt), name="robots_txt"),
    path(
        "sitemap.xml",
        cache_public_page(sitemaps.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_public_page(sitemaps.sitemap, query=("p",)),
        {"sitemaps": SITEMAPS, "template_name": "sitemap.xml"},
        name="sitemap_section",
    ),
    path("admin/import/", admin.site.admin_view(import_view), name="import_catalogue"),
    path("admin/", admin.site.urls),
    # Namespace-free: other pages name it {% url 'search' %} (the header's box, the site's SearchAction).
    path("search/", search_view, name="search"),
    path("", include("catalogue.urls")),
    path("", include("curation.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", media))

if settings.BENCHMARK_FLOOR:

    def floor(request):
        return HttpResponse("floor")

    urlpatterns.append(path("__floor__/", floor))
