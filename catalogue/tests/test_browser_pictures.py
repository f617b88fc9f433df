"""
In a real Chromium: an editor uploads a poster and two stills for The Miners
and drags the stills into order; a reader on a phone then gets the film page
with renditions only (never the uploaded files), the poster preloaded as the
largest paint, and nothing shifting as the pictures load.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from catalogue.models import Film, Person
from core.tests.helpers import image_bytes, load_seed, make_staff_accounts, sign_in

from .factories import make_portrait, make_poster, make_still

# What Lighthouse's mobile audit emulates (a mid-range phone).
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
# Layout shifts and the largest contentful paint, as Lighthouse measures them.
OBSERVERS = """
window.__layoutShift = 0;
window.__largestPaint = null;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
}).observe({type: "layout-shift", buffered: true});
new PerformanceObserver((list) => {
  const entries = list.getEntries();
  const last = entries[entries.length - 1];
  window.__largestPaint = {url: last.url, tag: last.element ? last.element.tagName : null};
}).observe({type: "largest-contentful-paint", buffered: true});
"""


@pytest.fixture
def the_miners(transactional_db):
    load_seed()
    return Film.objects.get(slug="the-miners-1937")


def picture_file(name, size):
    return {"name": name, "mimeType": "image/jpeg", "buffer": image_bytes(size)}


@pytest.fixture
def signed_in_editor(live_server, page, the_miners):
    make_staff_accounts()
    sign_in(page, live_server.url, "editor")
    return page


def fill_picture(group, prefix, file, alt_text, **fields):
    group.locator(f"input[name='{prefix}-image']").set_input_files(file)
    group.locator(f"[name='{prefix}-alt_text']").fill(alt_text)
    group.locator(f"[name='{prefix}-source']").fill("Wikimedia Commons, public domain")
    for name, value in fields.items():
        group.locator(f"[name='{prefix}-{name}']").fill(value)


@pytest.mark.browser
def test_an_editor_adds_a_poster_and_ordered_stills_that_readers_get_as_renditions_without_layout_shift(
    live_server, signed_in_editor, the_miners, browser, complaints
):
    page = signed_in_editor
    page.goto(f"{live_server.url}/admin/catalogue/film/{the_miners.pk}/change/")
    page.get_by_role("tab", name="Poster & stills").click()

    fill_picture(
        page.locator("#poster-group"),
        "poster-0",
        picture_file("the-miners-poster.jpg", (600, 900)),
        "Poster: a miner in a helmet raises his lamp above the pithead",
    )
    stills = page.locator("#stills-group")
    for index, caption in enumerate(["The pithead at dawn", "Primak in the mine office"]):
        stills.get_by_role("button", name="Add another Still").click()
        fill_picture(
            stills,
            f"stills-{index}",
            picture_file(f"still-{index}.jpg", (800, 600)),
            f"{caption}: miners in work clothes",
            caption=caption,
        )
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    expect(page.locator("#poster-group img")).to_be_visible()  # the preview, a rendition

    # Drag the second still above the first, by its heading, in a window tall
    # enough to show both (each still's form is taller than a laptop's screen).
    page.set_viewport_size({"width": 1280, "height": 2000})
    handles = page.locator("#stills-group .inline-related:not(.empty-form) h3")
    expect(handles).to_have_count(2)
    handles.nth(1).drag_to(handles.nth(0), target_position={"x": 10, "y": 2})
    expect(handles.nth(0)).to_contain_text("Primak in the mine office")
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert list(the_miners.stills.values_list("caption", "position")) == [
        ("Primak in the mine office", 1),
        ("The pithead at dawn", 2),
    ]

    reader = browser.new_context(**PHONE)
    public = reader.new_page()
    requested = []
    public.on("request", lambda request: requested.append(request.url))
    public.add_init_script(OBSERVERS)
    public.goto(f"{live_server.url}{the_miners.get_absolute_url()}", wait_until="networkidle")

    expect(public.locator(".film-poster img")).to_have_js_property("complete", True)
    preload = public.locator('link[rel="preload"][as="image"]')
    expect(preload).to_have_attribute("fetchpriority", "high")
    largest = public.evaluate("window.__largestPaint")
    assert largest["tag"] == "IMG" and "/media/renditions/pictures/posters/" in largest["url"]
    assert largest["url"].split(live_server.url)[1] in preload.get_attribute("imagesrcset")
    assert requested.count(largest["url"]) == 1  # the preload is the picture's own request, not a second one

    # Scroll down to the lazy stills, in the editor's new order, and let them load.
    gallery = public.locator("#stills")
    gallery.scroll_into_view_if_needed()
    expect(gallery.locator("figcaption")).to_have_count(2)
    expect(gallery.locator("figcaption").first).to_contain_text("Primak in the mine office")
    for img in gallery.locator("img").all():
        expect(img).to_have_js_property("complete", True)
        assert img.evaluate("img => img.naturalWidth") > 0
        assert img.evaluate("img => img.currentSrc").endswith(".avif")
    public.wait_for_load_state("networkidle")

    assert public.evaluate("window.__layoutShift") == 0
    media = [url for url in requested if "/media/" in url]
    assert media and all("/media/renditions/" in url for url in media), media
    assert not [url for url in requested if "/media/pictures/" in url]
    reader.close()
    assert complaints == []  # no CSP violation or other error while uploading, sorting and saving


@pytest.mark.browser
def test_pages_with_pictures_have_no_accessibility_violations(live_server, page, the_miners):
    yutkevich = Person.objects.get(slug="sergei-yutkevich")
    make_poster(the_miners)
    make_still(the_miners, caption="The pithead at dawn")
    make_portrait(yutkevich)
    axe = Axe()

    violations = {}
    for path in [the_miners.get_absolute_url(), yutkevich.get_absolute_url(), "/films/", "/"]:
        page.goto(f"{live_server.url}{path}")
        found = axe.run(page).response["violations"]
        if found:
            violations[path] = [f"{rule['id']} ({rule['impact']}): {rule['help']}" for rule in found]

    assert violations == {}
