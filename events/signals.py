"""What follows the publication of an event, whoever published it (front end or admin),
and what the person who proposed an event hears of the editors' decision."""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from community.models import Notification
from community.services.notifications import Email, notify

from .models import EventPage
from .services.publishing import after_publication


def _published(sender, instance, **kwargs):
    after_publication(instance)


def _event_of(workflow_state: WorkflowState) -> EventPage | None:
    model = workflow_state.content_type.model_class()
    if model is None or not issubclass(model, EventPage):
        return None
    return EventPage.objects.filter(pk=workflow_state.object_id).first()


def _tell_proposer(workflow_state, *, approved: bool) -> None:
    event = _event_of(workflow_state)
    # Whoever asked for this review: the first proposal, or a later change by an organiser.
    person = workflow_state.requested_by or (event.proposed_by if event else None)
    if event is None or person is None or not person.is_active:
        return
    task_state = workflow_state.current_task_state
    comment = (task_state.comment if task_state else "").strip()
    title = event.draft_title or event.title

    def message(person):
        if approved:
            return _("Votre évènement « %(title)s » est publié dans l'agenda.") % {"title": title}
        return _("L'équipe éditoriale n'a pas publié votre évènement « %(title)s ».") % {
            "title": title
        }

    notify(
        [person],
        kind=Notification.Kind.SHEET_REVIEWED,
        message=message,
        url=event.public_path if approved else "",
        about=(f"page:{event.pk}", title),
        email=Email(
            "events/emails/approved" if approved else "events/emails/changes_requested",
            {"event": event, "title": title, "comment": comment},
        ),
    )


def _approved(sender, instance, user=None, **kwargs):
    _tell_proposer(instance, approved=True)


def _rejected(sender, instance, user=None, **kwargs):
    _tell_proposer(instance, approved=False)


def connect() -> None:
    page_published.connect(_published, sender=EventPage, dispatch_uid="events_after_publication")
    workflow_approved.connect(_approved, sender=WorkflowState, dispatch_uid="events_approved")
    workflow_rejected.connect(_rejected, sender=WorkflowState, dispatch_uid="events_rejected")
