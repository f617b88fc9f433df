"""
The editors' admin. Importing the modules registers their model admins; the
site's name is set here, once, for the whole admin.
"""

from django.contrib import admin

from . import films, people, studios, trivia  # noqa: F401  (registers the model admins)

admin.site.site_header = "Kinozavod editorial"
admin.site.site_title = "Kinozavod editorial"
admin.site.index_title = "Content"
