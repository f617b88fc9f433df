from django.contrib import admin
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin's)."""
    # Resolved per request: in production the hashed file name is known only
    # once `collectstatic` has run, which is after this module is imported.
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


urlpatterns = [
    path("favicon.ico", favicon),
    path("admin/", admin.site.urls),
    path("", include("catalogue.urls")),
    path("", include("curation.urls")),
]
