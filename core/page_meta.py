"""
What a public page says about itself in its <head>: its title and description,
its canonical address, its link preview (Open Graph and Twitter card, with a
picture's plain rendition), its own feed and its schema.org data. Each view
says it once, as a `PageMeta` (`PageMetaMixin.get_page_meta`); base.html draws
it with `includes/page_meta.html`, the only place that markup lives.
"""

import json
from dataclasses import dataclass, field, replace

from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.text import Truncator

SITE_NAME = "Kinozavod"
SITE_TITLE = "Kinozavod — Soviet films about industry"
DESCRIPTION_WORDS = 30

# In a <script> element only "</script" (or "<!--") can end it early: escaping
# every <, > and & (as Django's json_script does) makes any string in the data safe.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def describe(text, fallback=""):
    """A meta description from an editor's text: one line, markup removed, about thirty words."""
    words = " ".join(strip_tags(text or "").split())
    return Truncator(words).words(DESCRIPTION_WORDS) if words else fallback


def json_for_script(data):
    """`data` as JSON that can sit inside <script type="application/ld+json"> whatever its strings hold."""
    return json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_JSON_SCRIPT_ESCAPES)


@dataclass(frozen=True)
class SharedImage:
    """The picture a link preview shows: a plain rendition (JPEG, PNG for logos) at an absolute address."""

    url: str
    mime_type: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class Feed:
    title: str
    url: str


@dataclass(frozen=True)
class PageMeta:
    title: str  # the page's own title; the site's name is added to the document's
    description: str
    kind: str = "website"  # og:type
    picture: object = None  # a core.pictures Picture, or None
    feed: Feed | None = None  # the page's own feed, besides the site's
    structured_data: tuple = ()  # schema.org dicts, one JSON-LD block each
    home: bool = False  # the home page's title is the site's
    # Filled in by `bind` for one request:
    canonical: str = ""
    image: SharedImage | None = None
    structured_data_json: tuple = field(default=())

    @property
    def document_title(self):
        return self.title if self.home else f"{self.title} — {SITE_NAME}"

    def bind(self, request, canonical_query=()):
        """This page's tags for `request`: absolute addresses, the picture's rendition, the JSON to embed."""
        return replace(
            self,
            canonical=canonical_url(request, canonical_query),
            image=_shared_image(request, self.picture),
            structured_data_json=tuple(json_for_script(data) for data in self.structured_data),
        )


def canonical_url(request, keep=()):
    """
    The page's own absolute address with only the query parameters in `keep`
    (those that make it another page: the page number, a filter), in one
    order; page 1 is the bare address. Sort orders and anything else point
    back at the same page.
    """
    query = [
        (name, value)
        for name in keep
        for value in request.GET.getlist(name)[:1]
        if value and not (name == "page" and value == "1")
    ]
    path = request.path + (f"?{urlencode(query)}" if query else "")
    return request.build_absolute_uri(path)


def shared_image_url(request, picture):
    """The absolute address of `picture`'s plain rendition (None without a picture): for structured data."""
    image = _shared_image(request, picture)
    return image.url if image else None


def _shared_image(request, picture):
    if picture is None or not picture.image:
        return None
    rendition = picture.share_rendition()
    return SharedImage(
        url=request.build_absolute_uri(rendition.url),
        mime_type=rendition.mime_type,
        width=rendition.width,
        height=rendition.height,
        alt=picture.alt_text,
    )


def paged(title, context):
    """A paginated page's title: page 2 on says which page it is (each page is its own, with its own canonical)."""
    page = context.get("page_obj")
    return f"{title}, page {page.number}" if page is not None and page.number > 1 else title


def picture_of(obj, name):
    """`obj`'s picture through the one-to-one relation `name` (selected with it), or None when it has none."""
    return getattr(obj, name, None)


class PageMetaMixin:
    """
    A public page's view: `get_page_meta(context)` returns its `PageMeta`,
    given to the template as `page_meta`. `canonical_query` names the query
    parameters that make a different page (pagination, filters), kept in the
    canonical address.
    """

    canonical_query = ()

    def get_page_meta(self, context):
        raise NotImplementedError

    def render_to_response(self, context, **response_kwargs):
        # Here rather than in get_context_data: the page's whole context is known, whatever order views build it in.
        context["page_meta"] = self.get_page_meta(context).bind(self.request, self.canonical_query)
        return super().render_to_response(context, **response_kwargs)
