from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_viewsets import SnippetViewSet

from .models import Questionnaire, Quiz


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "form"
    menu_label = _("Quiz")
    # Labelled columns: the timestamps carry no verbose name (Wagtail would say "Updated at").
    list_display = [
        "title",
        Column("pass_mark", label=_("Seuil de réussite (%)"), sort_key="pass_mark"),
        Column("max_attempts", label=_("Nombre de tentatives"), sort_key="max_attempts"),
        DateColumn("updated_at", label=_("Modifié le"), sort_key="updated_at"),
    ]
    search_fields = ["title"]


class QuestionnaireViewSet(SnippetViewSet):
    model = Questionnaire
    icon = "list-ul"
    menu_label = _("Questionnaires de satisfaction")
    list_display = [
        "title",
        Column(
            "anonymous",
            label=_("Réponses anonymes"),
            accessor="anonymous_label",
            sort_key="anonymous",
        ),
        DateColumn("created_at", label=_("Créé le"), sort_key="created_at"),
    ]


class EvaluationsGroup(SnippetViewSetGroup):
    items = (QuizViewSet, QuestionnaireViewSet)
    menu_icon = "form"
    menu_label = _("Évaluations")
    menu_order = 310


register_snippet(EvaluationsGroup)


@hooks.register("register_snippet_listing_buttons")
def evaluation_listing_buttons(snippet, user, next_url=None):
    """Statistics, GIFT import and export, questionnaire results, from the listings."""
    if isinstance(snippet, Quiz):
        yield Button(
            _("Statistiques"),
            url=reverse("quizzes:quiz_statistics", args=[snippet.pk]),
            icon_name="table",
            priority=80,
        )
        if user.has_perm("quizzes.change_quiz"):
            yield Button(
                _("Importer des questions (GIFT)"),
                url=reverse("quizzes:gift_import", args=[snippet.pk]),
                icon_name="upload",
                priority=90,
            )
            yield Button(
                _("Exporter en GIFT"),
                url=reverse("quizzes:gift_export", args=[snippet.pk]),
                icon_name="download",
                priority=95,
            )
    elif isinstance(snippet, Questionnaire):
        yield Button(
            _("Résultats"),
            url=reverse("quizzes:questionnaire_results", args=[snippet.pk]),
            icon_name="table",
            priority=80,
        )


@hooks.register("insert_editor_js")
def editor_accessible_names():
    """Names for the rich text boxes and the minimap of the quiz editors (the script
    acts on the quizzes' snippet pages only)."""
    return format_html(
        '<script src="{}" data-text-label="{}" data-minimap-label="{}"></script>',
        static("quizzes/editor-labels.js"),
        _("Texte"),
        _("Sommaire du formulaire"),
    )
