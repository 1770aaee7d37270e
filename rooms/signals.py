"""Losing access to rooms closes the open sockets at once.

Access to private rooms follows memberships, affiliations and the account's state. Those
can change through the services, the Wagtail or Django admin, or a shell: listening to the
models catches every path. Each receiver only asks `services.groups` to have the people's
sockets re-check their rights after commit; nothing is decided here. Membership and
organisation changes also drop the organisation names cached for message authors
(`services.payloads.author_organisations`).
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from community.models import Affiliation, Membership, Organisation, User

from .models import RoomSanction
from .services import groups, payloads


@receiver(post_save, sender=Membership)
def membership_changed(sender, instance, created, **kwargs):
    payloads.forget_author_organisations([instance.user_id])
    if not created:  # a role or status change; a new membership opens, never closes
        groups.recheck_access_on_commit([instance.user_id])


@receiver(post_delete, sender=Membership)
def membership_ended(sender, instance, **kwargs):
    payloads.forget_author_organisations([instance.user_id])
    groups.recheck_access_on_commit([instance.user_id])


@receiver(post_save, sender=Organisation)
def organisation_saved(sender, instance, created, **kwargs):
    """A new name shows next to its members' messages."""
    if not created:
        payloads.forget_author_organisations(
            Membership.objects.of_organisation(instance.pk).values_list("user_id", flat=True)
        )


def _members_of(organisation_id: int) -> list[int]:
    return list(
        Membership.objects.of_organisation(organisation_id)
        .active()
        .values_list("user_id", flat=True)
    )


@receiver(post_save, sender=Affiliation)
def affiliation_changed(sender, instance, created, **kwargs):
    if not created:
        groups.recheck_access_on_commit(_members_of(instance.organisation_id))


@receiver(post_delete, sender=Affiliation)
def affiliation_ended(sender, instance, **kwargs):
    """The people of an organisation leave its former federation's room."""
    groups.recheck_access_on_commit(_members_of(instance.organisation_id))


@receiver(post_save, sender=User)
def account_saved(sender, instance, created, **kwargs):
    if not created and not instance.is_active:
        groups.recheck_access_on_commit([instance.pk])


@receiver(post_delete, sender=User)
def account_deleted(sender, instance, **kwargs):
    groups.recheck_access_on_commit([instance.pk])


@receiver(post_save, sender=RoomSanction)
def sanction_saved(sender, instance, **kwargs):
    """A ban written outside `moderation.sanction` (the admin) closes the person's sockets too."""
    if instance.kind == RoomSanction.Kind.BAN:
        groups.recheck_access_on_commit([instance.user_id])
