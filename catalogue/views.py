from django.views.generic import DetailView

from .film_page import film_page_queryset, film_page_sections


class FilmDetailView(DetailView):
    template_name = "catalogue/film_detail.html"
    context_object_name = "film"

    def get_queryset(self):
        return film_page_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = film_page_sections(self.object)
        return context
