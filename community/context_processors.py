"""What every page's header shows: the signed-in person's unread notifications, read
with the person (`community.adapters.AuthenticationBackend`): no query of its own. A
session opened before that backend counts them with one query."""

from community.models import Notification


def notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    count = getattr(user, "unread_notifications", None)
    if count is None:
        count = Notification.objects.filter(user=user, read_at__isnull=True).count()
    return {"unread_notifications": count}
