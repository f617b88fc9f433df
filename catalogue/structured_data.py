"""
schema.org data (JSON-LD) for the catalogue's pages: a film is a `Movie`, a
person a `Person`. Built as dicts from what the page has already loaded (the
film page's queryset, a person's page), so it costs no query; core/page_meta.py
serialises it safely into the page.
"""

from core.page_meta import describe, shared_image_url

from .models import Role

SCHEMA = "https://schema.org"


def iso_duration(minutes):
    """ISO 8601 duration: 89 minutes is PT1H29M."""
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")


def _absolute(request, obj):
    return request.build_absolute_uri(obj.get_absolute_url())


def person_reference(person, request):
    return {"@type": "Person", "name": person.name, "url": _absolute(request, person)}


def _unique(names, leaving_out):
    seen, unique = {leaving_out}, []
    for name in names:
        if name and name not in seen:
            seen.add(name)
            unique.append(name)
    return unique


def movie_reference(film, request):
    """A film as an item of something else (a list's entry): name, address, year, poster."""
    data = {"@type": "Movie", "name": film.title, "url": _absolute(request, film), "datePublished": str(film.year)}
    if film.original_title and film.original_title != film.title:
        data["alternateName"] = film.original_title
    image = shared_image_url(request, getattr(film, "poster", None))
    if image:
        data["image"] = image
    return data


def _actor(credit, request):
    actor = person_reference(credit.person, request)
    if credit.character is None:
        return actor
    return {"@type": "PerformanceRole", "actor": actor, "characterName": credit.character.name}


def movie(film, request):
    """A film page's `Movie`, from a film loaded by `film_page_queryset`."""
    data = {"@context": SCHEMA, **movie_reference(film, request)}
    data.pop("alternateName", None)
    alternate_names = _unique(
        [film.original_title, *(title.title for title in film.alternative_titles_list)], leaving_out=film.title
    )
    if alternate_names:
        data["alternateName"] = alternate_names
    if film.release_date:
        data["datePublished"] = film.release_date.isoformat()
    if film.runtime_minutes:
        data["duration"] = iso_duration(film.runtime_minutes)
    if film.plot:
        data["description"] = describe(film.plot)
    if film.country:
        data["countryOfOrigin"] = {"@type": "Country", "name": film.country}
    people = {
        "director": [c for c in film.credits_list if c.role == Role.DIRECTOR],
        "author": [c for c in film.credits_list if c.role == Role.SCREENWRITER],
        "musicBy": [c for c in film.credits_list if c.role == Role.COMPOSER],
        "producer": [c for c in film.credits_list if c.role == Role.PRODUCER],
    }
    for key, credits in people.items():
        if credits:
            data[key] = [person_reference(credit.person, request) for credit in credits]
    actors = [_actor(credit, request) for credit in film.credits_list if credit.role == Role.ACTOR]
    if actors:
        data["actor"] = actors
    if film.studio_links_list:
        data["productionCompany"] = [
            {"@type": "Organization", "name": link.studio.name, "url": _absolute(request, link.studio)}
            for link in film.studio_links_list
        ]
    if film.tagged_items_list:
        data["keywords"] = ", ".join(tagged_item.tag.name for tagged_item in film.tagged_items_list)
    return data


def person(person, request):
    """A person page's `Person`."""
    data = {"@context": SCHEMA, **person_reference(person, request)}
    if person.original_name and person.original_name != person.name:
        data["alternateName"] = person.original_name
    if person.birth_year:
        data["birthDate"] = str(person.birth_year)
    if person.death_year:
        data["deathDate"] = str(person.death_year)
    if person.biography:
        data["description"] = describe(person.biography)
    image = shared_image_url(request, getattr(person, "portrait", None))
    if image:
        data["image"] = image
    return data
