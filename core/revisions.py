"""Registering models with django-reversion on our terms."""

import reversion


def register_again(model, **options):
    """
    Register `model` with these options. The admin registers every model it
    shows as soon as it loads (before the apps' `ready()`), with options it
    guesses from the inlines; ours say exactly what a revision holds.
    """
    if reversion.is_registered(model):
        reversion.unregister(model)
    reversion.register(model, **options)
