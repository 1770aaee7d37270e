"""The first version of the questionnaire, from `questionnaire.yaml` (written as data so
that an editor can read it): loaded once by `manage.py load_questionnaire` and by the
demo's seed. Afterwards editors manage versions in the Wagtail admin."""

from __future__ import annotations

from pathlib import Path

import yaml
from django.db import transaction

from community.models import Theme

from .models import LEVELS, Question, Questionnaire

SOURCE = Path(__file__).with_name("questionnaire.yaml")
# libyaml's parser when PyYAML was built with it (ten times the pure-Python one's speed).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_source(path: Path = SOURCE) -> dict:
    """The questionnaire file's data."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)  # noqa: S506 (a safe loader)  # nosec B506


def _texts(values: dict, field: str) -> dict:
    return {
        field: values.get("fr", ""),
        f"{field}_en": values.get("en", ""),
        f"{field}_nl": values.get("nl", ""),
    }


@transaction.atomic
def load_questionnaire(path: Path = SOURCE, *, published: bool = True) -> Questionnaire | None:
    """Create the questionnaire of `path` unless a questionnaire exists; returns it, or
    None when there was one already. Themes are matched by slug (missing ones skipped)."""
    if Questionnaire.objects.exists():
        return None
    data = read_source(path)
    fields = _texts(data["title"], "title")
    for axis, values in data["axes"].items():
        fields |= _texts(values["intro"], f"intro_{axis}")
    questionnaire = Questionnaire.objects.create(published=published, **fields)
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for order, item in enumerate(data["questions"]):
        values = _texts(item["text"], "text") | _texts(item.get("help", {}), "help")
        for level in LEVELS:
            values |= _texts(item["levels"][level], f"level_{level}")
        question = Question.objects.create(
            questionnaire=questionnaire,
            sort_order=order,
            key=item["key"],
            axis=item["axis"],
            keywords=", ".join(item.get("keywords", [])),
            **values,
        )
        # A ParentalManyToManyField is written by the question's save, not by set().
        question.themes.set([themes[slug] for slug in item.get("themes", []) if slug in themes])
        question.save()
    return questionnaire
