"""
Staff preview drafts and scheduled items at their own address. Such a page
carries a banner saying readers cannot see it, is never cached (by us, a
browser or a proxy) and tells search engines to keep away.
"""

from django.http import Http404
from django.utils.cache import add_never_cache_headers

from .data_cache import cached_data


def can_preview(user, model):
    """Staff who may look at `model` in the admin may look at its drafts on the site."""
    opts = model._meta
    return user.is_active and user.is_staff and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


def mark_preview(response):
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


class DraftPreviewMixin:
    """
    A detail view of a publishable model: readers get only published items
    (others are a 404); staff also get drafts and scheduled ones, marked as a
    preview. The view's `get_page_queryset()` loads the page whatever its state.
    """

    def get_queryset(self):
        queryset = self.get_page_queryset()
        if can_preview(self.request.user, queryset.model):
            return queryset
        return queryset.published()

    def get_object(self, queryset=None):
        """
        For readers, the published item as `get_page_queryset()` loads it,
        kept between edits and retired by a change to any row it was loaded
        with (core/data_cache.py): a page costs one query instead of a dozen.
        Signed-in staff get what the database holds this instant.
        """
        if queryset is not None or self.request.user.is_authenticated:
            return super().get_object(queryset)
        slug = self.kwargs[self.slug_url_kwarg]
        # The queryset is built only when nothing is kept: building it costs a sixth of a kept page.
        found = cached_data(
            f"{type(self).__name__}:{slug}",
            lambda: self.to_keep(self.get_page_queryset().published().filter(slug=slug).first()),
        )
        if found is None:
            raise Http404("Nothing published has this address.")
        return found

    def to_keep(self, item):
        """What is kept for readers' `item` (None: nothing to show); views may add to it what costs to make."""
        return item

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.object.is_live:
            context["preview"] = self.object
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        return mark_preview(response) if "preview" in context else response
