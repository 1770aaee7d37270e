"""What the signed-in rows of the bench ask for, read from the data set, and their session.

Run by bench/run.py with the bench settings: `python -m bench.sample <email>` prints JSON with
the theme and the region with the most live sheets (the library's two filters), a word of the
newest sheet's title (the library's search), the site search's queries (a common word, two
unaccented words, a typo), and the Cookie header of a session for `email`, made as
`django.contrib.auth.login` makes one.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from importlib import import_module

import django


def main(email: str) -> None:
    django.setup()
    from django.conf import settings  # noqa: PLC0415 - after django.setup()
    from django.contrib.auth import (  # noqa: PLC0415 - after django.setup()
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
    )
    from django.db.models import Count, Q  # noqa: PLC0415 - after django.setup()

    from community.models import (  # noqa: PLC0415 - after django.setup()
        Region,
        Theme,
        User,
        fold,
    )
    from practices.models import PracticeSheetPage, Tool  # noqa: PLC0415 - after django.setup()

    live = Q(sheets__live=True)
    theme = Theme.objects.annotate(n=Count("sheets", filter=live)).order_by("-n")[0]
    region = Region.objects.annotate(n=Count("sheets", filter=live)).order_by("-n")[0]
    newest = PracticeSheetPage.objects.live().order_by("-first_published_at")[0]
    # The site search (/recherche/): the commonest long word of the sheets' titles, two
    # words of the newest sheet's title without their accents, and the name of the most
    # used tool (one word of 7 letters or more) with a letter missing (the typo-tolerant
    # search).
    words = Counter(
        word
        for title in PracticeSheetPage.objects.live().values_list("title", flat=True)
        for word in title.lower().split()
        if len(word) >= 8
    )
    long_words = sorted(fold(newest.title).split(), key=len, reverse=True)[:2]
    tool = (
        Tool.objects.live()
        .exclude(name__contains=" ")
        .filter(name__regex=r"^.{7,}$")
        .annotate(n=Count("usages"))
        .order_by("-n", "name")[0]
        .name
    )

    user = User.objects.get(email=email)
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    print(
        json.dumps(
            {
                "theme": theme.slug,
                "region": region.slug,
                "word": max(newest.title.split(), key=len),
                "search_word": words.most_common(1)[0][0],
                "search_words": " ".join(long_words),
                "search_typo": tool[:-2] + tool[-1],
                "cookie": f"{settings.SESSION_COOKIE_NAME}={store.session_key}",
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
