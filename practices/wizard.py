"""The steps of the submission wizard: which forms each part of a sheet shows, how a step's
answers are kept in a draft's JSON `data`, and what a submittable sheet needs.

A draft's `data` holds plain JSON:
    title, summary, sectors [ids], region id|None, organisation_size, duration, budget,
    funding, funded_by (a programme's id)|None, themes [ids],
    dimensions [keys of PracticeSheetPage.DIMENSIONS], written_after_diagnostic (bool),
    why, difficulties/tips/phases [{"title", "text"} × 3],
    tools [{"tool": id|None, "new_name", "new_website", "new_licence", "usage"} × 3],
    keywords [word × 3], results, social_impact.
The organisation is the draft's own foreign key, not part of `data`.

The same forms check a step on "Suivant" and the whole draft before submission, so a rule
lives in one place; the "exactly three" rule is `parts.three_items_errors`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from django.forms import ChoiceField
from django.utils.datastructures import MultiValueDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from community.models import Region, Sector, Theme, fold

from . import forms as wizard_forms
from .models import PracticeSheetPage, Tool
from .parts import ITEMS_PER_PART, THREE_PARTS, three_items_errors

POSITIONS = range(1, ITEMS_PER_PART + 1)


def part_errors(part: str, count: int) -> list[str]:
    """The "exactly three" message for one part only."""
    return three_items_errors({**{name: ITEMS_PER_PART for name in THREE_PARTS}, part: count})


def _filled_items(items) -> int:
    return sum(1 for item in items or [] if (item.get("title") or item.get("text")))


def data_counts(data: dict) -> dict[str, int]:
    """How many items each three-part holds in a draft's data, every stored item counted
    (not only the three the forms show), so a tampered draft cannot slip through."""
    return {
        "difficulties": _filled_items(data.get("difficulties")),
        "tips": _filled_items(data.get("tips")),
        "phases": _filled_items(data.get("phases")),
        "sheet_tools": sum(
            1 for row in data.get("tools") or [] if row.get("tool") or row.get("new_name")
        ),
        "keywords": sum(1 for word in data.get("keywords") or [] if (word or "").strip()),
    }


@dataclass
class Group:
    """A form shown as one fieldset with its legend."""

    legend: str | Promise
    form: wizard_forms.WizardForm


class StepForms:
    """The forms of one step, bound or not, and the step-level errors they raise."""

    def __init__(self, step: Step, groups: list[Group], strict: bool):
        self.step = step
        self.groups = groups
        self.strict = strict
        self.step_errors: list[str] = []

    @property
    def forms(self):
        return [group.form for group in self.groups]

    def is_valid(self) -> bool:
        valid = all([form.is_valid() for form in self.forms])  # every form, for its errors
        if self.strict:
            self.step_errors = self.step.check(self)
        return valid and not self.step_errors

    def messages(self) -> list[dict]:
        """Every error of the step, each with the id of the field to fix, for the summary."""
        found = [{"message": message, "anchor": "step-fields"} for message in self.step_errors]
        for form in self.forms:
            for message in form.non_field_errors():
                found.append({"message": message, "anchor": "step-fields"})
            for name, errors in form.errors.items():
                if name == "__all__":
                    continue
                bound = form[name]
                for message in errors:
                    found.append(
                        {"message": f"{bound.label} : {message}", "anchor": bound.id_for_label}
                    )
        return found


class Step:
    """One page of the wizard."""

    name = ""
    label: str | Promise = ""
    intro: str | Promise = ""
    template = "practices/wizard/step.html"

    def groups(self, *, draft, user, data, strict) -> list[Group]:
        raise NotImplementedError

    def forms(self, *, draft, user, data=None, strict=False) -> StepForms:
        """The step's forms: bound to `data` (a POST) or showing the draft's answers."""
        return StepForms(
            self, self.groups(draft=draft, user=user, data=data, strict=strict), strict
        )

    def forms_from_draft(self, *, draft, user) -> StepForms:
        """Strict forms bound to the draft's own answers, to check a whole draft."""
        shown = self.forms(draft=draft, user=user)
        return self.forms(draft=draft, user=user, data=_as_post(shown.forms), strict=True)

    def check(self, forms: StepForms) -> list[str]:
        """Step-level rules, in strict mode."""
        return []

    def to_data(self, forms: StepForms) -> dict:
        """The cleaned answers, as they go into the draft's `data`."""
        raise NotImplementedError


def _as_post(forms) -> MultiValueDict:
    """What the browser would send back for unbound forms showing their initial values."""
    post: MultiValueDict[str, str] = MultiValueDict()
    for form in forms:
        for name, field in form.fields.items():
            value = form.get_initial_for_field(field, name)
            key = form.add_prefix(name)
            if value in (None, ""):
                continue
            if isinstance(value, list | tuple):
                post.setlist(key, [str(getattr(v, "pk", v)) for v in value])
            else:
                post[key] = str(getattr(value, "pk", value))
    return post


class ContextStep(Step):
    name = "context"
    label = _("Contexte")
    intro = _(
        "Le projet en quelques mots, et la situation de votre organisation quand vous l'avez mené."
    )
    FIELDS = [
        "title",
        "summary",
        "sectors",
        "region",
        "organisation_size",
        "duration",
        "budget",
        "funding",
        "funded_by",
        "themes",
        "dimensions",
        "written_after_diagnostic",
    ]

    def groups(self, *, draft, user, data, strict):
        initial = {name: draft.data.get(name) for name in self.FIELDS}
        initial["organisation"] = draft.organisation_id
        form = wizard_forms.ContextForm(data, initial=initial, user=user, strict=strict)
        return [Group(_("La fiche et son contexte"), form)]

    def to_data(self, forms):
        data = forms.forms[0].cleaned_data
        return {
            "organisation": data["organisation"],
            "title": data["title"],
            "summary": data["summary"],
            "sectors": [sector.pk for sector in data["sectors"]],
            "region": data["region"].pk if data["region"] else None,
            "organisation_size": data["organisation_size"],
            "duration": data["duration"],
            "budget": data["budget"],
            "funding": data["funding"],
            "funded_by": data["funded_by"].pk if data["funded_by"] else None,
            "themes": [theme.pk for theme in data["themes"]],
            "dimensions": list(data["dimensions"]),
            "written_after_diagnostic": data["written_after_diagnostic"],
        }


class TextStep(Step):
    """A step of plain texts, turned into paragraphs when the sheet is created."""

    form_class: type[wizard_forms.WizardForm]
    legend: str | Promise = ""

    def groups(self, *, draft, user, data, strict):
        fields = self.form_class.base_fields
        initial = {name: draft.data.get(name, "") for name in fields}
        return [Group(self.legend, self.form_class(data, initial=initial, strict=strict))]

    def to_data(self, forms):
        return dict(forms.forms[0].cleaned_data)


class WhyStep(TextStep):
    name = "why"
    label = _("Pourquoi")
    legend = _("Pourquoi se lancer")
    intro = _("Ce qui vous a décidés : le besoin, l'occasion, ce que vous espériez.")
    form_class = wizard_forms.WhyForm


class ResultsStep(TextStep):
    name = "results"
    label = _("Résultats")
    legend = _("Résultats et impact social")
    intro = _("Ce que le projet a donné, et ce qu'il a changé pour les personnes.")
    form_class = wizard_forms.ResultsForm


class ItemsStep(Step):
    """Three difficulties, tips or phases: three fixed fieldsets of a title and a text."""

    part = ""
    item_label: str | Promise = ""  # "Difficulté %(n)s"

    def groups(self, *, draft, user, data, strict):
        stored = draft.data.get(self.part) or []
        groups = []
        for n in POSITIONS:
            item = stored[n - 1] if len(stored) >= n else {}
            label = self.item_label % {"n": n}
            form = wizard_forms.ItemForm(
                data,
                prefix=f"{self.part}-{n}",
                initial={"title": item.get("title", ""), "text": item.get("text", "")},
                label=label,
                strict=strict,
            )
            groups.append(Group(label, form))
        return groups

    def check(self, forms):
        return part_errors(self.part, sum(1 for form in forms.forms if form.filled))

    def to_data(self, forms):
        return {
            self.part: [
                {"title": form.cleaned_data["title"], "text": form.cleaned_data["text"]}
                for form in forms.forms
            ]
        }


class DifficultiesStep(ItemsStep):
    name = part = "difficulties"
    label = _("Difficultés")
    item_label = _("Difficulté %(n)s")
    intro = _("Exactement trois difficultés que les suivants doivent s'attendre à rencontrer.")


class TipsStep(ItemsStep):
    name = part = "tips"
    label = _("Conseils")
    item_label = _("Conseil %(n)s")
    intro = _("Exactement trois conseils pour éviter ces difficultés ou y faire face.")


class PhasesStep(ItemsStep):
    name = part = "phases"
    label = _("Phases")
    item_label = _("Phase %(n)s")
    intro = _("Exactement trois phases essentielles du projet, dans l'ordre.")


class ToolsStep(Step):
    name = "tools"
    label = _("Outils")
    intro = _(
        "Exactement trois outils particulièrement utiles. Choisissez-les dans le catalogue ; "
        "s'il en manque un, proposez-le."
    )

    def groups(self, *, draft, user, data, strict):
        stored = draft.data.get("tools") or []
        groups = []
        for n in POSITIONS:
            row = stored[n - 1] if len(stored) >= n else {}
            label = _("Outil %(n)s") % {"n": n}
            form = wizard_forms.ToolRowForm(
                data,
                prefix=f"tool-{n}",
                initial={
                    "tool": row.get("tool"),
                    "new_name": row.get("new_name", ""),
                    "new_website": row.get("new_website", ""),
                    "new_licence": row.get("new_licence", ""),
                    "usage": row.get("usage", ""),
                },
                label=label,
                strict=strict,
            )
            groups.append(Group(label, form))
        return groups

    def check(self, forms):
        errors = part_errors("sheet_tools", sum(1 for form in forms.forms if form.filled))
        names = []
        for form in forms.forms:
            data = getattr(form, "cleaned_data", {})
            name = data["tool"].name if data.get("tool") else data.get("new_name", "")
            if name:
                names.append(fold(name).strip())
        if len(names) != len(set(names)):
            errors.append(
                _("Outils : le même outil figure deux fois. Une fiche en cite trois différents.")
            )
        return errors

    def to_data(self, forms):
        rows = []
        for form in forms.forms:
            data = form.cleaned_data
            rows.append(
                {
                    "tool": data["tool"].pk if data["tool"] else None,
                    "new_name": data["new_name"].strip(),
                    "new_website": data["new_website"],
                    "new_licence": data["new_licence"],
                    "usage": data["usage"],
                }
            )
        return {"tools": rows}


class KeywordsStep(Step):
    name = "keywords"
    label = _("Mots-clés")
    intro = _("Exactement trois mots-clés pour réussir un projet comme le vôtre.")

    def groups(self, *, draft, user, data, strict):
        stored = list(draft.data.get("keywords") or [])
        initial = {f"keyword_{n}": stored[n - 1] if len(stored) >= n else "" for n in POSITIONS}
        form = wizard_forms.KeywordsForm(data, initial=initial, strict=strict)
        return [Group(_("3 mots-clés pour réussir"), form)]

    def check(self, forms):
        words = [word.strip() for word in forms.forms[0].words() if word and word.strip()]
        errors = part_errors("keywords", len(words))
        if len({fold(word) for word in words}) != len(words):
            errors.append(_("Mots-clés : le même mot-clé figure deux fois."))
        return errors

    def to_data(self, forms):
        return {"keywords": [word.strip() for word in forms.forms[0].words()]}


class PreviewStep(Step):
    name = "preview"
    label = _("Aperçu et envoi")
    intro = _("Relisez la fiche telle qu'elle sera publiée, puis envoyez-la à l'équipe éditoriale.")
    template = "practices/wizard/preview.html"


STEPS: list[Step] = [
    ContextStep(),
    WhyStep(),
    DifficultiesStep(),
    TipsStep(),
    PhasesStep(),
    ToolsStep(),
    KeywordsStep(),
    ResultsStep(),
    PreviewStep(),
]
# Its choices are (value, label) pairs once set; django-stubs types them as any choices input.
SIZE_FIELD = cast(ChoiceField, wizard_forms.ContextForm.base_fields["organisation_size"])
STEPS_BY_NAME = {step.name: step for step in STEPS}
FORM_STEPS = [step for step in STEPS if not isinstance(step, PreviewStep)]


def get_step(name: str) -> Step | None:
    return STEPS_BY_NAME.get(name)


def neighbours(step: Step) -> tuple[Step | None, Step | None]:
    index = STEPS.index(step)
    previous = STEPS[index - 1] if index > 0 else None
    following = STEPS[index + 1] if index + 1 < len(STEPS) else None
    return previous, following


def draft_problems(draft, user) -> list[dict]:
    """Everything that keeps a draft from being submitted, step by step:
    [{"step": Step, "messages": [...]}] for the steps that have something to fix."""
    problems = []
    for step in FORM_STEPS:
        forms = step.forms_from_draft(draft=draft, user=user)
        forms.is_valid()
        messages = [found["message"] for found in forms.messages()]
        if step.name in THREE_PARTS or step.name == "tools":
            # Items beyond the three the forms show still count.
            part = "sheet_tools" if step.name == "tools" else step.name
            for message in part_errors(part, data_counts(draft.data)[part]):
                if message not in messages:
                    messages.insert(0, message)
        if messages:
            problems.append({"step": step, "messages": messages})
    return problems


def preview(draft) -> dict:
    """The draft's answers with their references resolved, to show the sheet as it will be
    published (a fixed number of queries)."""
    data = draft.data
    tool_ids = [row.get("tool") for row in data.get("tools") or [] if row.get("tool")]
    tools = Tool.objects.in_bulk(tool_ids)
    tool_rows = []
    for row in data.get("tools") or []:
        if not (row.get("tool") or row.get("new_name")):
            continue
        tool = tools.get(row.get("tool")) if row.get("tool") else None
        tool_rows.append(
            {
                "name": tool.name if tool else row.get("new_name"),
                "is_new": tool is None,
                "usage": row.get("usage", ""),
            }
        )
    region = Region.objects.filter(pk=data.get("region")).first() if data.get("region") else None
    return {
        "data": data,
        "sectors": list(Sector.objects.filter(pk__in=data.get("sectors") or [])),
        "themes": list(Theme.objects.filter(pk__in=data.get("themes") or [])),
        "region": region,
        "dimensions": [
            label
            for key, (_field, label) in PracticeSheetPage.DIMENSIONS.items()
            if key in (data.get("dimensions") or [])
        ],
        "organisation_size": dict(SIZE_FIELD.choices).get(  # type: ignore[arg-type]  # see SIZE_FIELD
            data.get("organisation_size") or ""
        ),
        "parts": [
            (
                step.label,
                [
                    item
                    for item in data.get(step.part) or []
                    if item.get("title") or item.get("text")
                ],
            )
            for step in STEPS  # difficulties, tips and phases, in this order
            if isinstance(step, ItemsStep)
        ],
        "tools": tool_rows,
        "keywords": [word for word in data.get("keywords") or [] if word],
    }
