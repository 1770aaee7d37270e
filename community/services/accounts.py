"""Changes to a person's own profile."""

from community.models import User


def update_profile(*, user: User, form) -> User:
    assert form.instance.pk == user.pk
    return form.save()
