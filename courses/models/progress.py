"""What the server knows about each learner's progress. Written only by courses.services."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import EnrolmentSource


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    module = models.ForeignKey(
        "courses.ModulePage", on_delete=models.CASCADE, related_name="enrolments"
    )
    source = models.CharField(
        _("origine"), max_length=20, choices=EnrolmentSource.choices, default=EnrolmentSource.SELF
    )
    enrolled_at = models.DateTimeField(_("inscrit·e le"), auto_now_add=True)
    last_lesson = models.ForeignKey(
        "courses.LessonPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dernière leçon ouverte"),
    )
    last_activity_at = models.DateTimeField(_("dernière activité"), null=True, blank=True)
    # Recertification: the cycle being followed, and when it started (lessons,
    # activities and quiz attempts of earlier cycles no longer count).
    cycle = models.PositiveSmallIntegerField(_("cycle en cours"), default=1)
    cycle_started_at = models.DateTimeField(_("cycle commencé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="courses_enrolment_unique")
        ]
        indexes = [models.Index(fields=["module", "enrolled_at"])]

    def __str__(self) -> str:
        return f"{self.user} → {self.module}"


class LessonProgress(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    # Denormalised so a module's progress is one indexed query.
    module = models.ForeignKey("courses.ModulePage", on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(_("commencée le"), auto_now_add=True)
    completed_at = models.DateTimeField(_("terminée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("progression dans une leçon")
        verbose_name_plural = _("progressions dans les leçons")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="courses_lessonprogress_unique")
        ]
        indexes = [models.Index(fields=["user", "module"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.lesson}"


class ActivityResult(models.Model):
    """A learner's result on one H5P activity of one lesson, from checked xAPI statements."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activity_results"
    )
    package = models.ForeignKey("courses.H5PPackage", on_delete=models.CASCADE, related_name="+")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    module = models.ForeignKey("courses.ModulePage", on_delete=models.CASCADE, related_name="+")
    attempts = models.PositiveIntegerField(_("tentatives"), default=0)
    completed = models.BooleanField(_("fait"), default=False)
    # None: the platform cannot check this content type's answers itself.
    success = models.BooleanField(_("réussi"), null=True)
    score_scaled = models.DecimalField(
        _("meilleur score"), max_digits=5, decimal_places=4, null=True, blank=True
    )
    server_checked = models.BooleanField(_("vérifié par le serveur"), default=False)
    state = models.JSONField(_("état de reprise"), null=True, blank=True)
    # The server's latest verdict per question of the current cycle,
    # {question_id: {"raw", "max", "success", "response"}} ("" = the root content):
    # the activity's score is recomputed from it, never from the browser's claims.
    answers = models.JSONField(_("réponses vérifiées"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    class Meta:
        verbose_name = _("résultat d'activité")
        verbose_name_plural = _("résultats d'activités")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "package", "lesson"], name="courses_activityresult_unique"
            )
        ]
        indexes = [models.Index(fields=["user", "module"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.package}"


class XAPIStatement(models.Model):
    """Every xAPI statement received, once (its id is unique): the audit trail."""

    statement_id = models.UUIDField(_("identifiant"), unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="xapi_statements"
    )
    package = models.ForeignKey("courses.H5PPackage", on_delete=models.CASCADE, related_name="+")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    verb = models.CharField(_("verbe"), max_length=255)
    raw = models.JSONField(_("déclaration"))
    server_score_scaled = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)
    # Which question of the package the statement answers ("" = the root content),
    # and the server's verdict on it: the per-question results are read from here.
    question_id = models.CharField(_("question"), max_length=64, blank=True, default="")
    response = models.TextField(_("réponse"), blank=True, default="")
    server_raw = models.DecimalField(
        _("points (serveur)"), max_digits=8, decimal_places=3, null=True, blank=True
    )
    server_max = models.DecimalField(
        _("points possibles (serveur)"), max_digits=8, decimal_places=3, null=True, blank=True
    )
    server_success = models.BooleanField(_("réussie (serveur)"), null=True)
    received_at = models.DateTimeField(_("reçue le"), auto_now_add=True)

    class Meta:
        verbose_name = _("déclaration xAPI")
        verbose_name_plural = _("déclarations xAPI")
        indexes = [
            models.Index(fields=["package", "question_id"], name="courses_xapi_package_question")
        ]

    def __str__(self) -> str:
        return str(self.statement_id)


class ModuleCompletion(models.Model):
    """A module completed, recorded once per cycle; later edits of the module never erase it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_completions"
    )
    # SET_NULL with the title kept: deleting a module never erases earned completions.
    module = models.ForeignKey(
        "courses.ModulePage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="completions",
    )
    # Recertification (mandatory training) starts a new cycle; history is kept.
    cycle = models.PositiveSmallIntegerField(_("cycle"), default=1)
    completed_at = models.DateTimeField(_("terminé le"))
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("version du module"),
    )
    module_title = models.CharField(_("titre du module à cette date"), max_length=255)

    class Meta:
        verbose_name = _("module terminé")
        verbose_name_plural = _("modules terminés")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module", "cycle"], name="courses_modulecompletion_unique"
            )
        ]
        indexes = [models.Index(fields=["module", "completed_at"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.module_title}"
