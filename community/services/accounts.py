"""Changes to a person's own account: profile, interface language, sign-up details."""

from __future__ import annotations

from django.conf import settings

from community.models import TermsAcceptance, User


def update_profile(
    *,
    user: User,
    display_name: str,
    bio: str = "",
    avatar=None,
    interests=(),
    preferred_language: str,
    time_zone: str,
) -> User:
    """Save the profile form's values. `avatar` as a form's file field gives it: None or
    the stored file when unchanged, False when cleared, an upload when replaced."""
    user.display_name = display_name
    user.bio = bio
    user.preferred_language = preferred_language
    user.time_zone = time_zone
    if avatar is not None:
        user.avatar = avatar or ""
    user.save()
    user.interests.set(list(interests))
    return user


def set_preferred_language(*, user: User, language: str) -> None:
    """Keep the interface language a signed-in person chose (emails follow it). An
    unknown language changes nothing; the same one writes nothing."""
    if language in dict(settings.LANGUAGES) and user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


def complete_signup(
    *, user: User, display_name: str, language: str, charter_version: str, privacy_version: str
) -> None:
    """What allauth's sign-up form adds to the new account: the name others see, as the
    preferred language the interface language the person signed up in, and the versions
    of the charter and privacy notice they accepted."""
    user.display_name = display_name
    if language in dict(settings.LANGUAGES):
        user.preferred_language = language
    user.save(update_fields=["display_name", "preferred_language"])
    TermsAcceptance.objects.create(
        user=user, charter_version=charter_version, privacy_version=privacy_version
    )
