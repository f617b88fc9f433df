"""
schema.org data (JSON-LD) for curation's pages: a curated list is an
`ItemList` of `Movie`s, the home page says what the site is (`WebSite`, with
its search). Built as dicts from what the page has already loaded.
"""

from django.urls import reverse

from catalogue.structured_data import SCHEMA, movie_reference
from core.page_meta import SITE_NAME, describe

SEARCH_PARAMETER = "search_term_string"


def item_list(curated_list, request):
    """A list page's `ItemList`, from a list loaded by `for_list_page` (its published entries, in order)."""
    entries = curated_list.entries_shown
    data = {
        "@context": SCHEMA,
        "@type": "ItemList",
        "name": curated_list.title,
        "url": request.build_absolute_uri(curated_list.get_absolute_url()),
        "numberOfItems": len(entries),
        "itemListOrder": "https://schema.org/ItemListOrderAscending",
        "itemListElement": [
            {"@type": "ListItem", "position": entry.position, "item": movie_reference(entry.film, request)}
            for entry in entries
        ],
    }
    if curated_list.intro:
        data["description"] = describe(curated_list.intro)
    return data


def website(request):
    """The home page's `WebSite`, with the `SearchAction` that lets a search engine's box search the site."""
    home = request.build_absolute_uri(reverse("curation:home"))
    target = request.build_absolute_uri(reverse("search")) + f"?q={{{SEARCH_PARAMETER}}}"
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": SITE_NAME,
        "url": home,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": target},
            "query-input": f"required name={SEARCH_PARAMETER}",
        },
    }
