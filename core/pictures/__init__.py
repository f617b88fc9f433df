"""
Pictures: posters, stills, portraits, covers and logos.

`uploads` decides what an editor may upload (real JPEG/PNG/WebP/AVIF only,
within size and pixel limits, location metadata removed) and names the stored
file; `models.Picture` is the abstract model each app's pictures build on,
with clean-up of files after commit; `renditions` makes the resized copies
readers get (django-imagekit); the `pictures` template tags write their markup.
"""
