"""What every notification email carries: a one-click unsubscribe link (RFC 8058) that
works signed out, a `Message-ID`, and `In-Reply-To`/`References` to the thread of the
object it is about."""

from __future__ import annotations

from collections.abc import Iterable
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.core import signing
from django.urls import reverse

from community.models import User
from community.public import absolute_url, site_url

UNSUBSCRIBE_SALT = "relais.unsubscribe"


def unsubscribe_token(person: User, kinds: Iterable[str]) -> str:
    """A signed, lasting token: who, and which kinds of email to stop."""
    return signing.dumps({"u": person.pk, "k": sorted(set(kinds))}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, list[str]] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(data["u"]), [str(k) for k in data["k"]]
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def thread_id(about_key: str) -> str:
    """The Message-ID every email about one object refers to, so mail clients thread the
    emails of one room or sheet."""
    domain = urlsplit(site_url()).hostname or "relais.example"
    return f"<relais.{about_key.replace(':', '.')}@{domain}>"


def notification_headers(person: User, kinds: Iterable[str], about_key: str = "") -> dict:
    """`List-Unsubscribe` with one click (RFC 8058), a `Message-ID`, and `In-Reply-To` /
    `References` to the object's thread."""
    domain = urlsplit(site_url()).hostname or "relais.example"
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url(person, kinds)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Message-ID": make_msgid("relais", domain=domain),
    }
    if about_key:
        headers["In-Reply-To"] = headers["References"] = thread_id(about_key)
    return headers


def unsubscribe_url(person: User, kinds: Iterable[str]) -> str:
    return absolute_url(reverse("community:unsubscribe", args=[unsubscribe_token(person, kinds)]))
