"""What every page's header shows: the signed-in person's unread notifications, read
with the person (`community.adapters.AuthenticationBackend`): no query of its own."""


def notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": getattr(user, "unread_notifications", 0)}
