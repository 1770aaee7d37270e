"""Fill the English and Dutch catalogues from translations.T and normalise all headers.

Usage, from the project root, after `manage.py makemessages -l fr -l en -l nl ...`:

    python locale/tools/apply_translations.py locale

Every msgid of locale/{en,nl} gets its msgstr from T (fuzzy flags are cleared), the headers
of en/nl/fr are rewritten, and the files are re-wrapped by msgcat (gettext) so later
makemessages runs give small diffs. It then lists every msgid without a translation, every
placeholder mismatch and the entries of T no longer used; it exits 1 if anything is missing
or mismatched. Needs polib (dev requirements) and gettext's msgcat.
"""

import datetime
import re
import subprocess
import sys
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).parent))
from translations import T  # noqa: E402

# Each app may keep its own translations_<app>.py with a T dict of the same shape.
for _extra in sorted(Path(__file__).parent.glob("translations_*.py")):
    T.update(__import__(_extra.stem).T)

# Same placeholders as tests/website/test_translations.py, plus %(x)d.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{ ?\w+ ?\}\}")
NAMES = {"en": "English", "nl": "Dutch", "fr": "French"}


def placeholders(text):
    return set(PLACEHOLDER.findall(text))


def check(entry, forms, problems, lang):
    """Like the test: a plural's singular may spell out the number, nothing may be added."""
    expected = placeholders(entry.msgid_plural or entry.msgid)
    for form in forms:
        found = placeholders(form)
        if found - expected or (not entry.msgid_plural and found != expected):
            problems.append(f"{lang}: placeholder mismatch {entry.msgid!r} -> {form!r}")


def fill(po, lang, problems):
    column = 0 if lang == "en" else 1
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid not in T:
            problems.append(f"{lang}: no translation for {entry.msgid!r}")
            continue
        translation = T[entry.msgid][column]
        if entry.msgid_plural:
            assert isinstance(translation, tuple), f"plural expected for {entry.msgid!r}"
            entry.msgstr_plural = dict(enumerate(translation))
            forms = list(translation)
        else:
            assert isinstance(translation, str), f"no plural expected for {entry.msgid!r}"
            entry.msgstr = translation
            forms = [translation]
        check(entry, forms, problems, lang)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = None


def main(locale):
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M%z")
    problems = []
    for lang, name in NAMES.items():
        path = locale / lang / "LC_MESSAGES" / "django.po"
        po = polib.pofile(str(path), wrapwidth=79)
        po.header = (
            f"Relais — {name} interface translation.\n"
            "This file is distributed under the same license as the Relais project."
        )
        po.metadata.update(
            {
                "Project-Id-Version": "Relais",
                "PO-Revision-Date": now,
                "Last-Translator": "Relais team",
                "Language-Team": name,
                "Language": lang,
                "MIME-Version": "1.0",
                "Content-Type": "text/plain; charset=UTF-8",
                "Content-Transfer-Encoding": "8bit",
                "Plural-Forms": "nplurals=2; plural=(n > 1);"
                if lang == "fr"
                else "nplurals=2; plural=(n != 1);",
            }
        )
        po.metadata_is_fuzzy = False
        if lang != "fr":  # French is the source language: msgstrs stay empty
            fill(po, lang, problems)
        po.save(str(path))
        subprocess.run(["msgcat", "-o", str(path), str(path)], check=True)

    catalogue = polib.pofile(str(locale / "en" / "LC_MESSAGES" / "django.po"))
    for msgid in sorted(set(T) - {entry.msgid for entry in catalogue}):
        print("unused translation (msgid gone from catalogue):", repr(msgid))
    print("\n".join(problems) or "no problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
