"""Reading rendered pages in tests: their text, where things are, their outline."""

import re


def positions(html, *fragments):
    """Where each fragment first occurs in `html` (fails on a missing one)."""
    found = []
    for fragment in fragments:
        assert fragment in html, f"{fragment!r} is not on the page"
        found.append(html.index(fragment))
    return found


def section_ids(html):
    return re.findall(r'<section id="([^"]+)"', html)


def table_of_contents(html):
    """The anchors the "On this page" navigation links to, in order."""
    start = html.index('id="toc-heading"')
    return re.findall(r'href="#([^"]+)"', html[start : html.index("</nav>", start)])


def section_html(html, anchor):
    """The markup of the film page section with id `anchor`."""
    start = html.index(f'<section id="{anchor}"')
    return html[start : html.index("</section>", start)]
