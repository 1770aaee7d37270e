"""allauth adapters: how accounts are created and how their emails leave."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account import auth_backends as allauth_backends
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from community.models import Notification, User
from community.public import on_public_address
from community.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request, user):
        # No username on Relais: the email address is the login.
        return None

    def send_mail(self, template_prefix, email, context):
        """Render allauth's email (confirmation, password reset…) as allauth does, signed
        "Relais" and linking to the public address (`SITE_URL`) rather than to the
        request's host name, and hand it to the background
        worker so that a slow mail server never slows down signing up."""
        site = SimpleNamespace(
            name=settings.WAGTAIL_SITE_NAME,
            domain=urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc or "relais",
        )
        context = {"request": allauth_context.request, "email": email, **context}
        context["current_site"] = site
        # allauth builds its links (activate_url, password_reset_url, signup_url…) on the
        # request's host: they go out on the public address like every other link.
        for key, value in list(context.items()):
            if key.endswith("_url") and isinstance(value, str) and "://" in value:
                context[key] = on_public_address(value)
        message = self.render_mail(template_prefix, email, context)
        html = ""
        for alternative, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = alternative
        send_email.enqueue(subject=message.subject, body=message.body, to=message.to, html=html)


class AuthenticationBackend(allauth_backends.AuthenticationBackend):
    """allauth's backend; the signed-in person is read with their unread notifications'
    count (the header's badge), in the same query."""

    def get_user(self, user_id):
        unread = (
            Notification.objects.filter(user=OuterRef("pk"), read_at__isnull=True)
            .order_by()
            .values("user")
            .annotate(count=Count("pk"))
            .values("count")
        )
        try:
            user = User.objects.annotate(unread_notifications=Coalesce(Subquery(unread), 0)).get(
                pk=user_id
            )
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
