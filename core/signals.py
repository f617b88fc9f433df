"""Any committed change to what readers see retires the cached pages."""

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save

from .page_cache import invalidate_pages


def _invalidate_on_content_change(sender, **kwargs):
    if sender._meta.app_label in settings.CONTENT_APPS:
        invalidate_pages()


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_invalidate_on_content_change, dispatch_uid=f"kinozavod-pages-{signal!r}")
