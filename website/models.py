"""Site-wide Wagtail content: the home page, standard pages, navigation and footer."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from community.fields import OneLineCharField, OneLineTitle
from community.models import Organisation
from events.listing import next_dates
from practices.models import PracticeSheetPage

from .blocks import BodyBlock, LinkBlock


class HomePage(OneLineTitle, Page):
    """The front door of Relais: what it is, and the way in for each kind of visitor."""

    headline = OneLineCharField(
        _("grand titre"),
        max_length=120,
        blank=True,
        help_text=_("Le titre affiché en haut de l'accueil ; à défaut, le titre de la page."),
    )
    intro = OneLineCharField(_("accroche"), max_length=250, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))
    # The same in the other interface languages; empty: the French one, marked.
    headline_nl = OneLineCharField(_("grand titre en néerlandais"), max_length=120, blank=True)
    intro_nl = OneLineCharField(_("accroche en néerlandais"), max_length=250, blank=True)
    body_nl = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu en néerlandais"))
    headline_en = OneLineCharField(_("grand titre en anglais"), max_length=120, blank=True)
    intro_en = OneLineCharField(_("accroche en anglais"), max_length=250, blank=True)
    body_en = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu en anglais"))

    content_panels = Page.content_panels + [
        FieldPanel("headline"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("headline_nl"), FieldPanel("intro_nl"), FieldPanel("body_nl")],
            heading=_("En néerlandais"),
            classname="collapsed",
        ),
        MultiFieldPanel(
            [FieldPanel("headline_en"), FieldPanel("intro_en"), FieldPanel("body_en")],
            heading=_("En anglais"),
            classname="collapsed",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        from .home import latest_stories, member_home  # noqa: PLC0415 - reads the models

        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            # A member's news first (website/home.py); never cached (page_cache.py keeps
            # only requests without a session).
            context.update(member_home(request))
            return context
        organisations = Organisation.objects.for_listing()
        context["latest_organisations"] = organisations.order_by("-created_at")[:6]
        context["federations"] = organisations.federations().order_by("name")[:8]
        context["organisation_count"] = Organisation.objects.count()
        context["next_dates"] = self.next_dates()
        context["latest_sheets"] = self.latest_sheets()
        context["latest_stories"] = latest_stories(count=3)
        return context

    @staticmethod
    def next_dates(count: int = 4):
        """The next dates of the calendar (the coming four months), cancelled ones left out."""
        return next_dates(count=count, within=dt.timedelta(days=120))

    @staticmethod
    def latest_sheets(count: int = 3):
        return list(
            PracticeSheetPage.objects.live()
            .select_related("organisation")
            .order_by("-first_published_at", "-pk")[:count]
        )


class HomeVisit(models.Model):
    """When a member last opened their home page, so that it can say what is new for them
    since (`website.services.record_home_visit` writes it, at most once per
    `VISIT_GAP`). Never shown to visitors: writing it renews no cached page."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="home_visit"
    )
    # The start of the visit before the last one (null: none yet). What appeared after it
    # is "new" on the home page.
    previous_at = models.DateTimeField(_("visite précédente"), null=True, blank=True)
    # The start of the last visit (opening the home within `VISIT_GAP` continues it).
    last_at = models.DateTimeField(_("dernière visite"))

    class Meta:
        verbose_name = _("visite de l'accueil")
        verbose_name_plural = _("visites de l'accueil")

    def __str__(self):
        return f"{self.user_id} {self.last_at:%Y-%m-%d %H:%M}"


class StandardPage(OneLineTitle, Page):
    """A plain content page: about, charter, legal notices, help."""

    intro = OneLineCharField(_("chapeau"), max_length=300, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("page standard")


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """The main menu shown in the header of every page."""

    links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("liens du menu"))

    panels = [FieldPanel("links")]

    class Meta:
        verbose_name = _("navigation")


@register_setting(icon="placeholder")
class FooterSettings(BaseSiteSetting):
    """The footer: a short text about Relais and useful links."""

    text = RichTextField(_("texte"), blank=True, features=["bold", "italic", "link"])
    text_nl = RichTextField(
        _("texte en néerlandais"), blank=True, features=["bold", "italic", "link"]
    )
    text_en = RichTextField(_("texte en anglais"), blank=True, features=["bold", "italic", "link"])
    links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("liens"))
    contact_email = models.EmailField(_("e-mail de contact"), blank=True)

    panels = [
        FieldPanel("text"),
        FieldPanel("text_nl"),
        FieldPanel("text_en"),
        FieldPanel("links"),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = _("pied de page")


class PersonalDataExport(models.Model):
    """A person asked for their data (`website.personal_data`): prepared by a task, kept in
    `PRIVATE_ROOT` under a random name, downloaded through a signed link that expires.
    One a day per person."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    ready_at = models.DateTimeField(null=True, blank=True)
    file_name = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.user} {self.requested_at:%Y-%m-%d %H:%M}"


class AccountDeletion(models.Model):
    """A person asked for their account to be deleted (`website.account_deletion`): carried
    out at `due_at` unless they sign in before, which cancels it (the row goes)."""

    class Messages(models.TextChoices):
        KEEP = "keep", _("Les garder, signés « Ancien·ne membre »")
        ERASE = "erase", _("Les effacer")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account_deletion"
    )
    messages = models.CharField(_("mes messages"), max_length=5, choices=Messages.choices)
    requested_at = models.DateTimeField(auto_now_add=True)
    due_at = models.DateTimeField(_("supprimé le"), db_index=True)

    class Meta:
        verbose_name = _("suppression de compte")
        verbose_name_plural = _("suppressions de comptes")

    def __str__(self):
        return f"{self.user_id} {self.due_at:%Y-%m-%d}"
