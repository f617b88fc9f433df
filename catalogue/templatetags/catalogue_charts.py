from django import template

from ..charts import influence_map

register = template.Library()


@register.inclusion_tag("catalogue/charts/film_influences.html")
def film_influence_map(film, connections):
    """The influence map around `film`, from the connections its page has already loaded: no query of its own."""
    influences = [*connections.influenced_by, *connections.influenced]
    return {"film": film, "drawing": influence_map.layout(influences, focus=film)}
