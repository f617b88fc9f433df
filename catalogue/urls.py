from django.urls import path

from core.page_cache import cache_public_page

from . import views
from .browsing import QUERY_ORDER
from .charts import views as charts
from .feeds import NewFilmsFeed

app_name = "catalogue"

urlpatterns = [
    # Every filter is declared: the page cache drops the parameters a page does not read.
    path("films/", cache_public_page(views.FilmListView.as_view(), query=QUERY_ORDER), name="film_list"),
    path("films/<slug:slug>/", cache_public_page(views.FilmDetailView.as_view()), name="film_detail"),
    # Under /feeds/, where no film's slug can shadow them.
    path("feeds/films/", cache_public_page(NewFilmsFeed()), name="film_feed"),
    path("people/", cache_public_page(views.PersonListView.as_view(), query=("page",)), name="person_list"),
    path("people/<slug:slug>/", cache_public_page(views.PersonDetailView.as_view()), name="person_detail"),
    path("studios/", cache_public_page(views.StudioListView.as_view(), query=("page",)), name="studio_list"),
    path(
        "studios/<slug:slug>/",
        cache_public_page(views.StudioDetailView.as_view(), query=("page",)),
        name="studio_detail",
    ),
    path(
        "timeline/",
        cache_public_page(charts.TimelineView.as_view(), query=("decade", "theme", "page")),
        name="timeline",
    ),
    path("influences/", cache_public_page(charts.InfluenceMapView.as_view(), query=("page",)), name="influence_map"),
]
