"""What curation adds to the catalogue's film pages: the lists a film is in."""

from operator import attrgetter

from django.db.models import Prefetch

from catalogue.film_page import Part, add_section

from .models import ListEntry


def add_lists_section():
    add_section(
        Part(
            "in-curated-lists", "In Curated Lists", "curation/film_section_lists.html", attrgetter("list_entries_list")
        ),
        before="themes-and-topics",
        prefetch=lambda: Prefetch("list_entries", ListEntry.objects.on_film_pages(), to_attr="list_entries_list"),
    )
