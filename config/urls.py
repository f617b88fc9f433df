from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.static import serve

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


urlpatterns = [
    path("favicon.ico", favicon),
    path("admin/", admin.site.urls),
    path("", include("catalogue.urls")),
    path("", include("curation.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", media))

if settings.BENCHMARK_FLOOR:

    def floor(request):
        return HttpResponse("floor")

    urlpatterns.append(path("__floor__/", floor))
