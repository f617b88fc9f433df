from django.urls import path

from . import views

app_name = "catalogue"

urlpatterns = [
    path("films/<slug:slug>/", views.FilmDetailView.as_view(), name="film_detail"),
]
