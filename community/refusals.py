"""How a view shows a `ServiceError`: the one place that turns a refusal into words on
the page, so that every view of every app answers the same way."""

from __future__ import annotations

from django.contrib import messages

from .services import ServiceError


def show_refusal(request, error: ServiceError, *, form=None, field: str | None = None) -> None:
    """On the form when the view has one (each message on `field`, or at the top of the
    form when `field` is None), else as one error message on the next page."""
    if form is not None:
        for message in error.messages:
            form.add_error(field, message)
    else:
        messages.error(request, error.message)
