"""Wagtail pages of the training catalogue: catalogue → module → lessons."""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from accounts.constants import Profession
from core import page_cache
from core.models import CachedRestrictionsMixin

from ..blocks import LessonStreamBlock
from ..constants import Kind


class Audience(models.Model):
    """A profession a module is meant for; rows mirror accounts.constants.Profession."""

    code = models.CharField(_("code"), max_length=40, choices=Profession.choices, unique=True)

    class Meta:
        verbose_name = _("public")
        verbose_name_plural = _("publics")
        ordering = ["code"]

    def __str__(self) -> str:
        return str(self.get_code_display())


class Topic(models.Model):
    name = models.CharField(_("nom"), max_length=100, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ModuleIndexPage(CachedRestrictionsMixin, Page):
    """The catalogue: published modules with filters and search (courses.selectors.catalogue)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["courses.ModulePage"]
    max_count = 1

    class Meta:
        verbose_name = _("catalogue des modules")

    def get_context(self, request, *args, **kwargs):
        from ..forms import CatalogueFilterForm
        from ..selectors import catalogue

        context = super().get_context(request, *args, **kwargs)
        form = CatalogueFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        context["filter_form"] = form
        context["modules"] = catalogue.catalogue_modules(index=self, **filters)
        return context


class ModulePage(CachedRestrictionsMixin, Page):
    """A training module: a sequence of lessons and the rule that makes it complete."""

    summary = models.TextField(_("résumé"), help_text=_("Deux ou trois phrases pour le catalogue."))
    objectives = RichTextField(
        _("objectifs pédagogiques"), features=["bold", "italic", "ul"], blank=True
    )
    kind = models.CharField(
        _("nature"), max_length=20, choices=Kind.choices, default=Kind.FORMATION
    )
    # No longer typed nor shown (issue 20): a module's duration is computed from its
    # lessons and final quiz (selectors.catalogue.module_durations). The column stays
    # to spare a migration; nothing reads it.
    duration_minutes = models.PositiveSmallIntegerField(_("durée estimée (minutes)"), default=30)
    audiences = ParentalManyToManyField(
        Audience, related_name="modules", blank=True, verbose_name=_("publics")
    )
    mandatory_for = ParentalManyToManyField(
        Audience,
        related_name="mandatory_modules",
        blank=True,
        verbose_name=_("obligatoire pour"),
    )
    topics = ParentalManyToManyField(
        Topic, related_name="modules", blank=True, verbose_name=_("thèmes")
    )
    prerequisites = ParentalManyToManyField(
        "self",
        symmetrical=False,
        related_name="required_by",
        blank=True,
        verbose_name=_("prérequis"),
    )
    content_warning = models.TextField(
        _("avertissement de contenu"),
        blank=True,
        help_text=_("Affiché avant de commencer : sujets sensibles, témoignages, images."),
    )
    require_activities_success = models.BooleanField(
        _("exiger la réussite des activités H5P obligatoires"), default=False
    )
    activities_min_score = models.PositiveSmallIntegerField(
        _("score minimal aux activités (%)"), default=80
    )
    final_quiz = models.ForeignKey(
        "quizzes.Quiz",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="modules",
        verbose_name=_("évaluation finale (quiz)"),
    )
    require_quiz_passed = models.BooleanField(
        _("exiger la réussite de l'évaluation finale"), default=True
    )
    pre_test = models.BooleanField(
        _("proposer l'évaluation finale en pré-test"),
        default=False,
        help_text=_(
            "Les mêmes questions avant de commencer, pour mesurer la progression. "
            "Le pré-test ne compte pas pour l'achèvement."
        ),
    )
    satisfaction_questionnaire = models.ForeignKey(
        "quizzes.Questionnaire",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="modules",
        verbose_name=_("questionnaire de satisfaction"),
        help_text=_("Proposé une fois le module terminé."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("durée de validité (mois)"),
        null=True,
        blank=True,
        help_text=_("Après ce délai, le module est à refaire. Vide : pas d'expiration."),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.FilterField("kind"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("mandatory_for", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("prerequisites"),
            ],
            heading=_("Public et organisation"),
        ),
        FieldPanel("content_warning"),
        MultiFieldPanel(
            [
                FieldPanel("require_activities_success"),
                FieldPanel("activities_min_score"),
                FieldPanel("final_quiz"),
                FieldPanel("require_quiz_passed"),
                FieldPanel("pre_test"),
                FieldPanel("validity_months"),
            ],
            heading=_("Règle d'achèvement et validité"),
        ),
        FieldPanel("satisfaction_questionnaire"),
    ]
    parent_page_types = ["courses.ModuleIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_context(self, request, *args, **kwargs):
        from accounts.constants import Role
        from accounts.roles import has_role

        from ..selectors import catalogue, progress

        context = super().get_context(request, *args, **kwargs)
        context.update(progress.module_page_context(module=self, user=request.user))
        context["module_minutes"] = catalogue.module_minutes(self)
        context["can_follow_learners"] = has_role(
            request.user, Role.TRAINER, Role.EDITOR, Role.ADMIN
        )
        # Other apps' panels about this activity (plan indicators) key on it.
        context["module_key"] = f"module:{self.pk}"
        return context


class LessonPage(CachedRestrictionsMixin, Page):
    """One lesson of a module; its order among siblings is the module's order."""

    intro = models.TextField(_("chapeau"), blank=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("contenu"), blank=True)
    reading_minutes = models.PositiveSmallIntegerField(
        _("temps de lecture estimé (minutes)"), default=1, editable=False
    )

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("leçon")
        verbose_name_plural = _("leçons")

    @cached_property
    def module(self) -> "ModulePage":
        """The module this lesson belongs to (page cache, then cached on the instance)."""
        path = self.path[: -self.steplen]
        return page_cache.cached("module", path, lambda: ModulePage.objects.get(path=path))

    def serve(self, request, *args, **kwargs):
        """Lessons are for signed-in, enrolled learners with a complete profile.

        Trainers, editors and administrators may read them without enrolling.
        """
        from django.contrib import messages
        from django.contrib.auth.views import redirect_to_login
        from django.shortcuts import redirect

        from accounts.constants import Role
        from accounts.decorators import redirect_to_profile_completion
        from accounts.roles import has_role

        from .progress import Enrolment

        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user.profile_is_complete:
            return redirect_to_profile_completion(request)
        enrolment = Enrolment.objects.filter(user=user, module_id=self.module.pk).first()
        if enrolment is None and not has_role(user, Role.TRAINER, Role.EDITOR, Role.ADMIN):
            messages.info(request, _("Inscrivez-vous au module pour suivre ses leçons."))
            return redirect(self.module.url)
        # Read again by the template and the context: fetched once per request.
        request.egide_enrolment = enrolment
        request.egide_enrolled = enrolment is not None
        response = super().serve(request, *args, **kwargs)
        if self.h5p_package_ids():
            from ..h5p import player

            # What csp.decorators.csp_update does for a view: H5P's frame script.
            response._csp_update = player.CSP_UPDATE
        return response

    def h5p_package_ids(self) -> list[int]:
        """Return the ids of the H5P packages in the body, without fetching them."""
        return [
            int(item["value"]["package"])
            for item in self.body.raw_data
            if item["type"] == "h5p" and item["value"].get("package")
        ]

    def h5p_blocks(self):
        """Return the H5P activity blocks' values, in page order."""
        return [block.value for block in self.body if block.block_type == "h5p"]

    def scorm_package_ids(self) -> list[int]:
        """Return the ids of the SCORM packages in the body, without fetching them."""
        return [
            int(item["value"]["package"])
            for item in self.body.raw_data
            if item["type"] == "scorm" and item["value"].get("package")
        ]

    def scorm_blocks(self):
        """Return the SCORM blocks' values, in page order."""
        return [block.value for block in self.body if block.block_type == "scorm"]

    def compute_reading_minutes(self) -> int:
        """The lesson's time from its content (courses.durations states the speeds):
        its text read, each video's transcript spoken, each activity done."""
        from .. import durations

        texts = [self.title, self.intro]
        seconds = 0.0
        for block in self.body:
            if block.block_type == "h5p":
                seconds += durations.package_seconds(block.value.get("package"))
            elif block.block_type == "media":
                spoken = durations.word_count(_block_text(block))
                seconds += durations.reading_seconds(
                    spoken, per_minute=durations.SPOKEN_WORDS_PER_MINUTE
                )
            else:
                texts.append(_block_text(block))
        seconds += durations.reading_seconds(durations.word_count(" ".join(texts)))
        return max(1, durations.minutes(seconds))

    def full_clean(self, *args, **kwargs):
        self.reading_minutes = self.compute_reading_minutes()
        super().full_clean(*args, **kwargs)

    def get_template(self, request, *args, **kwargs):
        if request.GET.get("imprimer"):
            return "courses/lesson_page_print.html"
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..selectors import progress

        context = super().get_context(request, *args, **kwargs)
        context.update(
            progress.lesson_page_context(
                lesson=self,
                user=request.user,
                enrolment=getattr(request, "egide_enrolment", progress.UNKNOWN),
            )
        )
        # The main column is rendered by the template ({% lesson_content %}, courses.rendering).
        return context


def _block_text(block) -> str:
    """Return the readable text of one lesson block (HTML allowed, stripped later)."""
    value = block.value
    match block.block_type:
        case "paragraph":
            return value.source
        case "heading":
            return value["text"]
        case "callout":
            return f"{value['title']} {value['text'].source}"
        case "quote":
            return value["text"]
        case "media":
            return value["transcript"].source
        case "accordion":
            return " ".join(f"{item['title']} {item['body'].source}" for item in value["items"])
        case _:
            return ""
