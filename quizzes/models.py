"""Quizzes (Wagtail snippets), attempts, and satisfaction questionnaires."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from .blocks import QuestionStreamBlock
from .constants import (
    AttemptStatus,
    GradingMethod,
    Likert,
    Phase,
    ReviewAnswers,
    ReviewTiming,
)


class Quiz(index.Indexed, ClusterableModel):
    """A set of questions and the rules of its attempts."""

    title = models.CharField(_("titre"), max_length=200)
    intro = models.TextField(
        _("présentation"), blank=True, help_text=_("Montrée avant de commencer.")
    )
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("seuil de réussite (%)"),
        default=80,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("nombre de tentatives"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Vide : illimité."),
    )
    wait_minutes = models.PositiveIntegerField(
        _("délai entre deux tentatives (minutes)"), default=0
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("durée limite (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Vide : pas de limite. Contrôlée par le serveur."),
    )
    draw_total = models.PositiveSmallIntegerField(
        _("nombre de questions tirées"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Tirées au hasard parmi toutes les questions, après les tirages par étiquette. "
            "Vide : toutes les questions."
        ),
    )
    shuffle_answers = models.BooleanField(_("mélanger l'ordre des réponses"), default=True)
    grading_method = models.CharField(
        _("tentative retenue"),
        max_length=10,
        choices=GradingMethod.choices,
        default=GradingMethod.BEST,
    )
    review_timing = models.CharField(
        _("relecture"),
        max_length=20,
        choices=ReviewTiming.choices,
        default=ReviewTiming.IMMEDIATELY,
        help_text=_("Quand la personne peut revoir ses réponses et leur correction."),
    )
    review_answers = models.CharField(
        _("la relecture montre les bonnes réponses"),
        max_length=20,
        choices=ReviewAnswers.choices,
        default=ReviewAnswers.ONCE_SETTLED,
        help_text=_(
            "Montrées après un échec alors qu'il reste des tentatives, elles rendent "
            "la tentative suivante facile à copier."
        ),
    )
    review_shows_explanations = models.BooleanField(
        _("la relecture montre les explications"), default=True
    )
    available_alone = models.BooleanField(
        _("accessible en dehors d'un module"),
        default=False,
        help_text=_("Sinon, seules les personnes inscrites à un module qui l'utilise y accèdent."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]
    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("max_attempts"),
                FieldPanel("wait_minutes"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("grading_method"),
            ],
            heading=_("Tentatives"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("draw_total"),
                InlinePanel("tag_draws", label=_("Tirage par étiquette")),
                FieldPanel("shuffle_answers"),
            ],
            heading=_("Tirage des questions"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("review_timing"),
                FieldPanel("review_answers"),
                FieldPanel("review_shows_explanations"),
            ],
            heading=_("Relecture"),
        ),
        FieldPanel("available_alone"),
    ]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quiz")
        ordering = ["title"]
        permissions = [("view_quiz_statistics", _("Peut voir les statistiques des quiz"))]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        from . import building
        from .questions import DrawError, InvalidQuestion

        try:
            pool = building.questions_from_stream(self.questions)
            if pool:
                building.draw(self, pool, seed=0, tag_draws=self._pending_tag_draws())
        except (DrawError, InvalidQuestion) as error:
            raise ValidationError(str(error)) from None

    def _pending_tag_draws(self) -> dict[str, int]:
        # In the admin form the inline rows are in memory, not saved yet.
        return {d.tag: d.count for d in self.tag_draws.all() if d.tag}


class QuizTagDraw(Orderable):
    quiz = ParentalKey(Quiz, related_name="tag_draws", on_delete=models.CASCADE)
    tag = models.CharField(_("étiquette"), max_length=100)
    count = models.PositiveSmallIntegerField(_("nombre de questions"), default=1)

    panels = [FieldPanel("tag"), FieldPanel("count")]

    class Meta(Orderable.Meta):
        verbose_name = _("tirage par étiquette")


class ImmutableAttempt(Exception):
    """A submitted or expired attempt cannot be changed."""


class Attempt(models.Model):
    """One learner's attempt: the questions drawn (answer key kept here, on the
    server), the answers, and the result. Immutable once submitted or expired."""

    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    # Where the attempt was made, e.g. "module:12" (quizzes.contexts); empty on its own.
    context = models.CharField(_("contexte"), max_length=40, blank=True)
    phase = models.CharField(_("phase"), max_length=10, choices=Phase.choices, default=Phase.MAIN)
    number = models.PositiveSmallIntegerField(_("numéro"))
    status = models.CharField(
        _("état"), max_length=20, choices=AttemptStatus.choices, default=AttemptStatus.IN_PROGRESS
    )
    seed = models.BigIntegerField()
    # The drawn questions with their answer key (quizzes.building), in display
    # order: later edits of the quiz change neither grading nor review.
    questions = models.JSONField(default=list)
    started_at = models.DateTimeField(_("commencée le"))
    deadline = models.DateTimeField(_("à rendre avant"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    points = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    max_points = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    percent = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("réussie"), null=True)
    duration_seconds = models.PositiveIntegerField(_("durée (secondes)"), null=True, blank=True)
    # Set when a new cycle starts (recertification of a mandatory module): the attempt
    # stays in the history and the statistics, but no longer counts for the learner.
    superseded_at = models.DateTimeField(_("remplacée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("tentative")
        verbose_name_plural = _("tentatives")
        ordering = ["quiz", "user", "phase", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "user", "phase", "number"], name="quiz_attempt_number_unique"
            ),
            models.UniqueConstraint(
                fields=["quiz", "user", "phase"],
                condition=Q(status=AttemptStatus.IN_PROGRESS),
                name="quiz_attempt_one_in_progress",
            ),
        ]
        indexes = [models.Index(fields=["quiz", "status"])]

    def __str__(self) -> str:
        return f"{self.quiz} — {self.user} — {self.number}"

    def save(self, *args, **kwargs):
        if getattr(self, "_stored_status", AttemptStatus.IN_PROGRESS) != AttemptStatus.IN_PROGRESS:
            raise ImmutableAttempt(f"attempt {self.pk} is {self._stored_status}")
        super().save(*args, **kwargs)
        self._stored_status = self.status

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_status = instance.__dict__.get("status")
        return instance

    @property
    def is_open(self) -> bool:
        return self.status == AttemptStatus.IN_PROGRESS


class AttemptAnswer(models.Model):
    """One graded answer of a submitted attempt, for statistics per question."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="graded_answers")
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="+")
    question_id = models.CharField(max_length=64)
    kind = models.CharField(max_length=20)
    tags = models.JSONField(default=list)
    answer = models.JSONField(null=True)
    score = models.DecimalField(max_digits=5, decimal_places=4)
    points = models.DecimalField(max_digits=8, decimal_places=2)
    max_points = models.DecimalField(max_digits=8, decimal_places=2)
    correct = models.BooleanField()

    class Meta:
        indexes = [models.Index(fields=["quiz", "question_id"])]

    def __str__(self) -> str:
        return f"{self.attempt_id}:{self.question_id}"


class Questionnaire(ClusterableModel):
    """A satisfaction and impact questionnaire: Likert items, an overall score, comments."""

    title = models.CharField(_("titre"), max_length=200)
    intro = models.TextField(_("présentation"), blank=True)
    anonymous = models.BooleanField(
        _("réponses anonymes pour les formateur·rices"),
        default=True,
        help_text=_(
            "Les réponses restent comptées, mais le nom des personnes n'y est pas enregistré."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("anonymous"),
        InlinePanel("items", label=_("Affirmations"), min_num=1),
    ]

    class Meta:
        verbose_name = _("questionnaire de satisfaction")
        verbose_name_plural = _("questionnaires de satisfaction")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def anonymous_label(self) -> str:
        # The admin listing's column: words, where a tick icon would be titled "True".
        return _("oui") if self.anonymous else _("non")


class QuestionnaireItem(Orderable):
    questionnaire = ParentalKey(Questionnaire, related_name="items", on_delete=models.CASCADE)
    text = models.CharField(_("affirmation"), max_length=300)
    better_equipped = models.BooleanField(
        _("mesure le « mieux outillé·e »"),
        default=False,
        help_text=_("Les réponses d'accord à cette affirmation donnent le % de mieux outillé·es."),
    )

    panels = [FieldPanel("text"), FieldPanel("better_equipped")]

    class Meta(Orderable.Meta):
        verbose_name = _("affirmation")

    def __str__(self) -> str:
        return self.text


class QuestionnaireReceipt(models.Model):
    """Who answered what (one per person and subject), kept apart from the answers
    so that anonymous responses cannot be traced back to a person."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questionnaire_receipts"
    )
    subject = models.CharField(max_length=40)  # a quizzes.contexts key: "module:12"…
    answered_on = models.DateField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "user", "subject"], name="questionnaire_once_per_subject"
            )
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire_id}:{self.user_id}:{self.subject}"


class QuestionnaireResponse(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="responses"
    )
    subject = models.CharField(max_length=40, db_index=True)  # a quizzes.contexts key
    # Empty when the questionnaire is anonymous.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questionnaire_responses",
    )
    overall = models.PositiveSmallIntegerField(
        _("note globale"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("commentaire"), blank=True)
    # Only the date: an exact time could match a receipt and undo the anonymity.
    answered_on = models.DateField(auto_now_add=True)

    class Meta:
        verbose_name = _("réponse au questionnaire")
        verbose_name_plural = _("réponses au questionnaire")

    def __str__(self) -> str:
        return f"{self.questionnaire} — {self.subject} — {self.answered_on}"


class QuestionnaireAnswer(models.Model):
    response = models.ForeignKey(
        QuestionnaireResponse, on_delete=models.CASCADE, related_name="answers"
    )
    item = models.ForeignKey(QuestionnaireItem, on_delete=models.PROTECT, related_name="answers")
    value = models.PositiveSmallIntegerField(choices=Likert.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="questionnaire_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.item_id}={self.value}"
