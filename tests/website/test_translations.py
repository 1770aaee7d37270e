"""The `.po` files are the source of every translation (edited by hand or on a translation
platform; nothing generates them). The English and Dutch interfaces are complete: every
message of the catalogues is translated, no entry of any catalogue is fuzzy, and
placeholders survive translation."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{ ?\w+ ?\}\}")


def _catalog(lang):
    path = Path(settings.BASE_DIR) / "locale" / lang / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_catalog_has_no_untranslated_or_fuzzy_message(lang):
    catalog = _catalog(lang)
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id)
    assert missing == []
    assert len(catalog) > 200


@pytest.mark.parametrize("lang", ["fr", "en", "nl"])
def test_catalog_has_no_fuzzy_entry(lang):
    """A fuzzy entry is a guess gettext made (or a translation left behind by a changed
    French text): Django would not use it, so the interface would fall back to French."""
    assert [message.id for message in _catalog(lang) if message.id and message.fuzzy] == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_catalog_keeps_every_placeholder(lang):
    broken = []
    for message in _catalog(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            # A singular form may spell out the number ("one member"), the rest may not.
            if set(PLACEHOLDER.findall(string)) - expected or (
                len(ids) == 1 and set(PLACEHOLDER.findall(string)) != expected
            ):
                broken.append(message.id)
    assert broken == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "Annuaire des organisations"),
        ("en", "Organisation directory"),
        ("nl", "Organisatiegids"),
    ],
)
def test_compiled_catalog_is_used(lang, expected):
    with translation.override(lang):
        assert translation.gettext("Annuaire des organisations") == expected
