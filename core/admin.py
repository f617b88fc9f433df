"""The admin's name, set once for the whole editorial desk."""

from django.contrib import admin

admin.site.site_header = "Kinozavod editorial"
admin.site.site_title = "Kinozavod editorial"
admin.site.index_title = "Content"
