"""Practice sheets: what an organisation learned from a digital project, passed on to the
next ones in a fixed shape (why, 3 difficulties, 3 tips, 3 phases, 3 tools, 3 keywords)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Orderable, Page
from wagtail.search import index

from community.fields import MultiLineTextField, OneLineCharField, OneLineTitle
from community.models import Organisation, Region, Sector, Theme, fold, search_terms
from community.text import plain_text

from .catalogue import Tool
from .parts import PracticeSheetForm
from .questions import SheetQuestion  # noqa: F401 - registers the model with Django
from .routes import LibraryRoutes, SheetRoutes


class PracticeIndexPage(LibraryRoutes, OneLineTitle, Page):
    """The library of sheets at /pratiques/: filters, search and sort live here; its
    routes (`routes.LibraryRoutes`) are the Atom feed and the submission wizard."""

    intro = OneLineCharField(_("chapeau"), max_length=300, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["practices.PracticeSheetPage"]
    max_count = 1

    class Meta:
        verbose_name = _("bibliothèque des fiches")

    def get_context(self, request, *args, **kwargs):
        from .listing import sheet_listing  # noqa: PLC0415 - reads the models

        context = super().get_context(request, *args, **kwargs)
        context.update(sheet_listing(request, index_page=self))
        return context


class PracticeSheetPage(SheetRoutes, OneLineTitle, Page):
    """One practice sheet, written by an organisation at the end of a digital project.
    Its routes (`routes.SheetRoutes`) are the reactions to it."""

    summary = MultiLineTextField(_("résumé"), max_length=500)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sheets",
    )
    authors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteurs"),
        blank=True,
        related_name="authored_sheets",
    )
    sectors = ParentalManyToManyField(
        Sector, verbose_name=_("secteurs"), blank=True, related_name="sheets"
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("région"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sheets",
    )
    organisation_size = models.CharField(
        _("taille de l'organisation"), max_length=8, choices=Organisation.Size.choices, blank=True
    )
    duration = OneLineCharField(
        _("durée du projet"), max_length=100, blank=True, help_text=_("Par exemple « 8 mois »")
    )
    budget = OneLineCharField(
        _("budget"), max_length=100, blank=True, help_text=_("Par exemple « 12 000 € »")
    )
    funding = OneLineCharField(_("financements mobilisés"), max_length=300, blank=True)
    funded_by = models.ForeignKey(
        "programmes.ProgrammePage",
        verbose_name=_("soutien obtenu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funded_sheets",
    )
    themes = ParentalManyToManyField(
        Theme, verbose_name=_("thèmes"), blank=True, related_name="sheets"
    )
    # The four dimensions of digital maturity a project can move; filterable on any database.
    dim_infrastructure = models.BooleanField(_("infrastructure"), default=False)
    dim_organisation = models.BooleanField(_("organisation"), default=False)
    dim_processes = models.BooleanField(_("processus"), default=False)
    dim_strategy = models.BooleanField(_("stratégie"), default=False)
    why = RichTextField(
        _("pourquoi se lancer"), features=["bold", "italic", "link", "ol", "ul"], blank=False
    )
    results = RichTextField(
        _("résultats"), features=["bold", "italic", "link", "ol", "ul"], blank=True
    )
    social_impact = RichTextField(
        _("impact social"), features=["bold", "italic", "link", "ol", "ul"], blank=True
    )
    media = StreamField(
        [
            ("image", ImageBlock(label=_("image"))),
            ("document", DocumentChooserBlock(label=_("document"))),
        ],
        blank=True,
        verbose_name=_("images et documents"),
    )
    related_sheets = ParentalManyToManyField(
        "self", verbose_name=_("fiches liées"), blank=True, symmetrical=False
    )
    # Closes the diagnostic's loop: peers' sheets written after a diagnostic come first.
    written_after_diagnostic = models.BooleanField(
        _("écrite après notre diagnostic numérique"), default=False
    )
    # Born at an intervision (`intervisions`): the event it came from, and the other
    # organisations of the group that agreed to co-sign it.
    origin = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("née à l'évènement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    co_organisations = ParentalManyToManyField(
        Organisation, verbose_name=_("co-écrite avec"), blank=True, related_name="cosigned_sheets"
    )

    base_form_class = PracticeSheetForm
    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("authors")], heading=_("Qui l'a écrite")
        ),
        MultiFieldPanel(
            [
                FieldPanel("sectors"),
                FieldPanel("region"),
                FieldPanel("organisation_size"),
                FieldRowPanel([FieldPanel("duration"), FieldPanel("budget")]),
                FieldPanel("funding"),
                FieldPanel("funded_by"),
            ],
            heading=_("Contexte"),
        ),
        FieldPanel("themes"),
        MultiFieldPanel(
            [
                FieldPanel("dim_infrastructure"),
                FieldPanel("dim_organisation"),
                FieldPanel("dim_processes"),
                FieldPanel("dim_strategy"),
            ],
            heading=_("Dimensions de maturité numérique"),
        ),
        FieldPanel("why"),
        InlinePanel("difficulties", label=_("3 difficultés"), min_num=3, max_num=3),
        InlinePanel("tips", label=_("3 conseils"), min_num=3, max_num=3),
        InlinePanel("phases", label=_("3 phases"), min_num=3, max_num=3),
        InlinePanel("sheet_tools", label=_("3 outils"), min_num=3, max_num=3),
        InlinePanel("keywords", label=_("3 mots-clés"), min_num=3, max_num=3),
        FieldPanel("results"),
        FieldPanel("social_impact"),
        FieldPanel("media"),
        FieldPanel("related_sheets"),
        FieldPanel("written_after_diagnostic"),
        MultiFieldPanel(
            [FieldPanel("origin", read_only=True), FieldPanel("co_organisations")],
            heading=_("Née d'une intervision"),
        ),
    ]

    search_fields = Page.search_fields + [index.SearchField("search_document")]

    class Meta:
        verbose_name = _("fiche pratique")
        verbose_name_plural = _("fiches pratiques")

    def get_context(self, request, *args, **kwargs):
        from .reading import sheet_context  # noqa: PLC0415 - reads the models

        context = super().get_context(request, *args, **kwargs)
        context["reading"] = sheet_context(request, sheet=self)
        return context

    DIMENSIONS = {
        "infrastructure": ("dim_infrastructure", _("Infrastructure")),
        "organisation": ("dim_organisation", _("Organisation")),
        "processes": ("dim_processes", _("Processus")),
        "strategy": ("dim_strategy", _("Stratégie")),
    }

    @property
    def dimensions(self):
        return [label for field, label in self.DIMENSIONS.values() if getattr(self, field)]

    def get_indexed_instance(self):
        """The sheet as the search index reads it: with its parts and tools at once (the
        backend reads `search_document` once per indexed field)."""
        return (
            PracticeSheetPage.objects.select_related("organisation")
            .prefetch_related("difficulties", "tips", "phases", "keywords", "sheet_tools__tool")
            .filter(pk=self.pk)
            .first()
        )

    def search_document(self) -> str:
        """Everything a reader may search for, folded (no accents, lower case) and with
        plural endings dropped, so that "numerique" finds "numérique" and "bénévoles"
        finds "bénévole" on PostgreSQL and SQLite alike. Queries get the same treatment
        (`listing.search_query`)."""
        parts = [self.title, self.summary, plain_text(self.why), plain_text(self.results)]
        parts.append(plain_text(self.social_impact))
        for part in ("difficulties", "tips", "phases"):
            for item in getattr(self, part).all():
                parts += [item.title, item.text]
        for item in self.sheet_tools.all():
            parts += [item.tool.name if item.tool_id else "", item.usage]
        parts += [keyword.word for keyword in self.keywords.all()]
        if self.organisation_id:
            parts.append(self.organisation.name)
        return " ".join(search_terms(" ".join(parts), limit=None))


class SheetItem(Orderable):
    """One of the three difficulties, tips or phases."""

    title = OneLineCharField(_("titre"), max_length=150)
    text = MultiLineTextField(_("texte"), max_length=1200)

    panels = [FieldPanel("title"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.title


class SheetDifficulty(SheetItem):
    page = ParentalKey(PracticeSheetPage, on_delete=models.CASCADE, related_name="difficulties")


class SheetTip(SheetItem):
    page = ParentalKey(PracticeSheetPage, on_delete=models.CASCADE, related_name="tips")


class SheetPhase(SheetItem):
    page = ParentalKey(PracticeSheetPage, on_delete=models.CASCADE, related_name="phases")


class SheetTool(Orderable):
    """A tool of the catalogue and how this organisation used it."""

    page = ParentalKey(PracticeSheetPage, on_delete=models.CASCADE, related_name="sheet_tools")
    tool = models.ForeignKey(
        Tool, verbose_name=_("outil"), on_delete=models.PROTECT, related_name="usages"
    )
    usage = MultiLineTextField(_("comment nous l'avons utilisé"), max_length=1000)

    panels = [FieldPanel("tool"), FieldPanel("usage")]

    def __str__(self):
        return str(self.tool)


class SheetKeyword(Orderable):
    page = ParentalKey(PracticeSheetPage, on_delete=models.CASCADE, related_name="keywords")
    word = OneLineCharField(_("mot-clé"), max_length=40)
    # The folded word, for the keyword filter: "Écoute" and "ecoute" are one keyword.
    key = models.CharField(max_length=40, editable=False, db_index=True)

    panels = [FieldPanel("word")]

    def __str__(self):
        return self.word

    def save(self, *args, **kwargs):
        self.key = fold(self.word).strip()[:40]
        super().save(*args, **kwargs)


class Reaction(models.Model):
    """A person's mark on a sheet: at most one of each kind per person and sheet."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Useful(Reaction):
    sheet = models.ForeignKey(
        PracticeSheetPage, on_delete=models.CASCADE, related_name="useful_marks"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "sheet"], name="one_useful")]
        verbose_name = _("marque « utile »")
        verbose_name_plural = _("marques « utile »")

    def __str__(self):
        return f"{self.user} → {self.sheet}"


class Bookmark(Reaction):
    sheet = models.ForeignKey(PracticeSheetPage, on_delete=models.CASCADE, related_name="bookmarks")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "sheet"], name="one_bookmark")]
        verbose_name = _("favori")
        verbose_name_plural = _("favoris")

    def __str__(self):
        return f"{self.user} → {self.sheet}"


class Adoption(models.Model):
    """ "We tried it too": an organisation reports how the practice worked for it."""

    class Outcome(models.TextChoices):
        WORKED = "worked", _("Ça a marché")
        PARTLY = "partly", _("En partie")
        NOT = "not", _("Ça n'a pas marché")

    sheet = models.ForeignKey(PracticeSheetPage, on_delete=models.CASCADE, related_name="adoptions")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="adoptions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    outcome = models.CharField(_("résultat"), max_length=10, choices=Outcome.choices)
    comment = models.CharField(_("commentaire"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "organisation"], name="one_adoption_per_org")
        ]
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")

    def __str__(self):
        return f"{self.organisation} → {self.sheet} ({self.outcome})"


class SheetDraft(models.Model):
    """A sheet being written in the front-end wizard, saved at every step so nothing is lost
    between steps or sessions. It becomes (or updates) a PracticeSheetPage on submission."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sheet_drafts"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="sheet_drafts"
    )
    # Set when the draft edits an existing sheet (a resubmission after changes requested).
    page = models.ForeignKey(
        PracticeSheetPage,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="drafts",
    )
    data = models.JSONField(default=dict, blank=True)
    # A draft born at an intervision: its event, and the organisations that co-sign it,
    # whose members may continue it too (`practices.routes`).
    origin = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    co_organisations = models.ManyToManyField(Organisation, blank=True, related_name="+")
    step = models.CharField(max_length=20, default="context")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("brouillon de fiche")
        verbose_name_plural = _("brouillons de fiches")

    def __str__(self):
        return self.data.get("title") or str(_("Fiche sans titre"))
