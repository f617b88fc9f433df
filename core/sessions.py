"""Signed-in sessions end after a period without requests (settings.SESSION_COOKIE_AGE), not at a fixed time."""

import time

from django.contrib.auth import SESSION_KEY
from django.contrib.auth.signals import user_logged_in

LAST_REFRESH = "_kinozavod_last_refresh"
REFRESH_EVERY = 60  # seconds: the idle limit is kept to within a minute


def _stamp(request):
    request.session[LAST_REFRESH] = int(time.time())


def stamp_at_sign_in(sender, request, user, **kwargs):
    # Signing in writes the session anyway; the first requests after it need not.
    if request is not None and hasattr(request, "session"):
        _stamp(request)


def connect():
    user_logged_in.connect(stamp_at_sign_in, dispatch_uid="kinozavod-session-stamp")


class IdleExpiryMiddleware:
    """
    Move a signed-in session's expiry forward as its owner works, so it ends
    SESSION_COOKIE_AGE after their last request. Django's
    SESSION_SAVE_EVERY_REQUEST would do the same by writing the session on
    every request, several at once when the admin's autocomplete asks as an
    editor types; here it is written at most once a minute.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if not session.is_empty() and SESSION_KEY in session:
            if time.time() - session.get(LAST_REFRESH, 0) >= REFRESH_EVERY:
                _stamp(request)  # the session is modified, so saved with a new expiry
        return self.get_response(request)
