"""Reading the SVG drawings of the catalogue's pictures in tests."""

import re
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def drawing(html, css_class):
    """The <svg> with `css_class` in a page, parsed as XML (fails if it is not well-formed)."""
    match = re.search(rf'<svg [^>]*class="chart {re.escape(css_class)}".*?</svg>', html, re.S)
    assert match, f"no drawing {css_class!r} on the page"
    return ET.fromstring(match.group(0))


def drawn_links(svg, css_class=None):
    """[(href, accessible name from the link's <title>)] of the drawing's links, in document order."""
    links = []
    for link in svg.iter(f"{SVG}a"):
        if css_class and css_class not in link.get("class", "").split():
            continue
        links.append((link.get("href"), link.find(f"{SVG}title").text))
    return links


def drawn_texts(svg, css_class):
    return [
        "".join(element.itertext())
        for element in svg.iter(f"{SVG}text")
        if css_class in element.get("class", "").split()
    ]
