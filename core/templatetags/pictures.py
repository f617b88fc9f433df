"""
`{% picture %}` writes a picture's renditions as `<picture>`; `{% preload_picture %}`
asks for the one a page leads with before the browser meets it.
"""

from django import template

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(image, sizes, alt=None, loading="lazy", priority="", css_class=""):
    """
    `sizes` says how wide the picture is shown (the `sizes` attribute). `alt`
    overrides the picture's alt text: "" where the words beside it already
    say what it shows (a film's title beside its poster in a list).
    """
    return {
        "markup": image.markup(),
        "alt": image.alt_text if alt is None else alt,
        "sizes": sizes,
        "loading": loading,
        "priority": priority,
        "css_class": css_class,
    }


@register.inclusion_tag("includes/picture_preload.html")
def preload_picture(image, sizes):
    """In <head>: the picture's first modern format, fetched early and first (a film page's poster)."""
    return {"source": image.markup().sources[0], "sizes": sizes}
