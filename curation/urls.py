from django.urls import path, register_converter

from core.page_cache import cache_public_page

from . import views
from .converters import UnicodeSlugConverter
from .feeds import NewListsFeed, ThemeFeed

register_converter(UnicodeSlugConverter, "uslug")

app_name = "curation"

urlpatterns = [
    path("", cache_public_page(views.HomeView.as_view()), name="home"),
    path("lists/", cache_public_page(views.CuratedListIndexView.as_view(), query=("page",)), name="list_index"),
    path("lists/<slug:slug>/", cache_public_page(views.CuratedListDetailView.as_view()), name="list_detail"),
    path("themes/", cache_public_page(views.ThemeIndexView.as_view(), query=("sort",)), name="theme_index"),
    path("feeds/lists/", cache_public_page(NewListsFeed()), name="list_feed"),
    path("feeds/themes/<uslug:slug>/", cache_public_page(ThemeFeed()), name="theme_feed"),
    path(
        "themes/<uslug:slug>/", cache_public_page(views.ThemeDetailView.as_view(), query=("page",)), name="theme_detail"
    ),
]
