"""What a sheet's page shows beyond its own fields: the three-by-three parts in order,
related sheets, reactions and what this person may do with them, the JSON-LD.
`PracticeSheetPage.get_context` calls `sheet_context`."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from community import access
from community.fields import MultiLineFormField
from community.linked_data import publisher
from community.public import absolute_url

from .listing import for_cards
from .models import Adoption, Bookmark, PracticeSheetPage, Useful
from .questions import QuestionForm, SheetQuestion

# The stable address of the library (DESIGN.md): keywords and themes of a sheet link to
# its filters.
LIBRARY_URL = "/pratiques/"


class AdoptionForm(forms.Form):
    """ "We tried it too", in the name of one of the person's organisations."""

    organisation = forms.TypedChoiceField(label=gettext_lazy("Au nom de"), coerce=int)
    outcome = forms.ChoiceField(
        label=gettext_lazy("Et alors ?"), choices=Adoption.Outcome.choices, widget=forms.RadioSelect
    )
    comment = MultiLineFormField(
        label=gettext_lazy("En quelques mots (facultatif)"),
        max_length=Adoption._meta.get_field("comment").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Ce qui a aidé, ce que vous avez adapté."),
    )

    def __init__(self, *args, organisations, **kwargs):
        kwargs.setdefault("prefix", "adoption")
        super().__init__(*args, **kwargs)
        self.organisations = {organisation.pk: organisation for organisation in organisations}
        self.fields["organisation"].choices = [
            (organisation.pk, organisation.name) for organisation in organisations
        ]

    def clean_organisation(self):
        organisation = self.organisations.get(self.cleaned_data["organisation"])
        if organisation is None:
            raise ValidationError(_("Choisissez une de vos organisations."))
        return organisation


# The images of a sheet's media, on its page (templates/blocks/image.html) and in what the
# page tells other sites.
IMAGE_FILTER = "width-960"


def first_image_url(sheet) -> str:
    """The address of the sheet's first image (its rendition kept in the cache: the
    page's own costs no query), or ""."""
    for block in sheet.media:
        if block.block_type == "image" and block.value:
            return absolute_url(block.value.get_rendition(IMAGE_FILTER).url)
    return ""


def _json_ld(request, sheet, *, keywords, themes, tools, image_url) -> dict:
    """schema.org description of the sheet, for search engines and other sites."""
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": sheet.title,
        "description": sheet.summary,
        "url": absolute_url(sheet.get_url(request)),
        "inLanguage": "fr",
        "keywords": [keyword.word for keyword in keywords],
        "about": [theme.label for theme in themes],
        "publisher": publisher(),
        "mentions": [
            {
                "@type": "SoftwareApplication",
                "name": item.tool.name,
                **({"url": item.tool.website} if item.tool.website else {}),
            }
            for item in tools
        ],
    }
    if sheet.first_published_at:
        data["datePublished"] = sheet.first_published_at.isoformat()
    if sheet.last_published_at:
        data["dateModified"] = sheet.last_published_at.isoformat()
    if image_url:
        data["image"] = image_url
    if sheet.organisation:
        data["author"] = {
            "@type": "Organization",
            "name": sheet.organisation.name,
            "url": absolute_url(sheet.organisation.get_absolute_url()),
        }
    return data


def _reactions(request, sheet: PracticeSheetPage) -> dict:
    """Marks, adoption reports and what this person may do with them."""
    user = request.user
    signed_in = access.can_react(user)
    adoptions = list(
        Adoption.objects.filter(sheet=sheet)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    useful = Useful.objects.filter(sheet=sheet).aggregate(
        total=Count("pk"), mine=Count("pk", filter=Q(user_id=user.pk))
    )
    context: dict[str, object] = {
        "adoptions": adoptions,
        "adoption_counts": {
            outcome: sum(1 for a in adoptions if a.outcome == outcome)
            for outcome in Adoption.Outcome.values
        },
        "useful_count": useful["total"],
        "is_useful": bool(useful["mine"]),
        "is_bookmarked": signed_in and Bookmark.objects.filter(user=user, sheet=sheet).exists(),
        "can_react": signed_in,
        "can_edit": access.can_edit_sheet(user, sheet),
    }
    if signed_in:
        organisations = list(access.member_organisations(user))
        mine = [a for a in adoptions if a.organisation_id in {o.pk for o in organisations}]
        initial = (
            {
                "organisation": mine[0].organisation_id,
                "outcome": mine[0].outcome,
                "comment": mine[0].comment,
            }
            if mine
            else {}
        )
        context["my_adoptions"] = mine
        context["adoption_form"] = (
            AdoptionForm(organisations=organisations, initial=initial) if organisations else None
        )
        # Members of an organisation ask the authors (`access.can_ask_sheet_authors`).
        context["question_form"] = QuestionForm() if organisations else None
        context.update(_questions(user, sheet, may_answer=bool(context["can_edit"])))
    return context


# A sheet's page lists this many of one's questions and of those waiting for an answer.
QUESTIONS_SHOWN = 20


def _questions(user, sheet: PracticeSheetPage, *, may_answer: bool) -> dict:
    """The questions this person asked about the sheet and, for those who answer them (its
    authors and its organisation's members), the ones still waiting: one query."""
    waiting = Q(answered_at__isnull=True)
    if not may_answer:
        is_author = PracticeSheetPage.authors.through.objects.filter(
            practicesheetpage_id=sheet.pk, user_id=user.pk
        )
        waiting &= Q(Exists(is_author))
    found = SheetQuestion.objects.filter(Q(asker=user) | waiting, sheet=sheet)
    questions = list(found.select_related("asker")[: 2 * QUESTIONS_SHOWN])
    mine = [q for q in questions if q.asker_id == user.pk]
    return {
        "my_questions": mine[:QUESTIONS_SHOWN],
        "waiting_questions": [q for q in questions if q.asker_id != user.pk][:QUESTIONS_SHOWN],
    }


# What a preview shows in place of reactions: the sheet as its first readers will see it.
NO_REACTIONS = {
    "adoptions": [],
    "adoption_counts": {},
    "useful_count": 0,
    "is_useful": False,
    "is_bookmarked": False,
    "can_react": False,
    "can_edit": False,
    "question_form": None,
    "my_questions": [],
    "waiting_questions": [],
}


def sheet_context(request, *, sheet: PracticeSheetPage) -> dict:
    """Everything the sheet's template shows beyond its own fields, in a number of queries
    that does not grow with its adoptions, "useful" marks or related sheets.

    In a preview (the admin's, of a sheet maybe never saved) the parts come from the
    edited sheet in memory, which the relation managers return as they are, and there
    are no reactions yet."""
    preview = getattr(request, "is_preview", False) or sheet.pk is None
    # Items keep their order; "pk" breaks ties for items saved without a sort order.
    tools = list(sheet.sheet_tools.select_related("tool").order_by("sort_order", "pk"))
    keywords = list(sheet.keywords.order_by("sort_order", "pk"))
    themes = list(sheet.themes.all())
    image_url = first_image_url(sheet)
    if preview:
        related = [other for other in sheet.related_sheets.all() if other.live]
    else:
        related = list(
            for_cards(sheet.related_sheets.live()).order_by("-first_published_at", "-pk")
        )
    context: dict[str, object] = {
        "library_url": LIBRARY_URL,
        "difficulties": list(sheet.difficulties.order_by("sort_order", "pk")),
        "tips": list(sheet.tips.order_by("sort_order", "pk")),
        "phases": list(sheet.phases.order_by("sort_order", "pk")),
        "tools": tools,
        "keywords": keywords,
        "themes": themes,
        "sectors": list(sheet.sectors.all()),
        "dimensions": [
            (key, label)
            for key, (field, label) in PracticeSheetPage.DIMENSIONS.items()
            if getattr(sheet, field)
        ],
        "related_sheets": related,
        # Born at an intervision: the event (if still online) and the co-signers (no
        # query for the other sheets).
        "origin": (
            Page.objects.live().filter(pk=sheet.origin_id).first() if sheet.origin_id else None
        ),
        "co_organisations": (
            list(sheet.co_organisations.order_by("name")) if sheet.origin_id else []
        ),
        "image_url": image_url,
        "json_ld": _json_ld(
            request, sheet, keywords=keywords, themes=themes, tools=tools, image_url=image_url
        ),
    }
    context.update(NO_REACTIONS if preview else _reactions(request, sheet))
    return context
