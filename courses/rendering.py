"""Rendering of the lesson page's main column, shared by every learner.

Selectors read, this renders: the lesson page's template calls it through the
`{% lesson_content %}` tag (courses_tags), with the context the selectors built.
"""

import re

from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils.html import escape, format_html, json_script
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import page_cache

from .h5p import player
from .models import LessonPage
from .services import activities

TEMPLATE = "courses/includes/lesson_content.html"

# A learner's own parts of a lesson page, left as markers in the shared rendering.
MARKERS = {
    "percent": mark_safe("<!--egide-percent-->"),  # noqa: S308 - a constant
    "completed": mark_safe("<!--egide-completed-->"),  # noqa: S308 - a constant
    "csrf": mark_safe("<!--egide-csrf-->"),  # noqa: S308 - a constant
    "h5p_actor": mark_safe("<!--egide-h5p-actor-->"),  # noqa: S308 - a constant
}
_MARKER = re.compile(r"<!--egide-(percent|completed|csrf|h5p-actor|h5p-status:(\d+))-->")
# How each package plays (from its answer key), the same for everyone: put in the
# shared rendering itself (h5p_block.html leaves these markers in its attributes).
_PLAYER_MARKER = re.compile(r"<!--egide-h5p-(report|view):(\d+)-->")


def h5p_status_text(result) -> str:
    """What the learner reads under an activity: done, succeeded, to try again."""
    if result is None or not result.completed:
        return ""
    if result.success:
        return _("Activité réussie.")
    if result.success is False:
        return _("Activité faite : vous pouvez réessayer.")
    return _("Activité faite.")


def shared_lesson_content(*, lesson: LessonPage, request, context: dict, enrolled: bool) -> str:
    """The main column as every (enrolled or not) learner sees it, markers left in.

    Rendered without the context processors: nothing of the person (user, CSRF
    token, roles, CSP nonce, messages) can reach the shared copy. The request is
    there for `{% pageurl %}` only, which reads the site from it.
    """
    html = get_template(TEMPLATE).render(
        {
            "request": request,
            "page": lesson,
            "module": context["module"],
            "lessons": context["lesson_outline"],
            "lesson_number": context["lesson_number"],
            "previous_lesson": context["previous_lesson"],
            "next_lesson": context["next_lesson"],
            "enrolled": enrolled,
            "markers": MARKERS,
        }
    )
    return h5p_players_fill(html, lesson=lesson)


def h5p_players_fill(html: str, *, lesson: LessonPage) -> str:
    """Put each package's playing mode and the players' French strings in the shared copy.

    The packages are those the template just rendered (the StreamField keeps its
    converted values): no query here. The modes come from the answer keys
    (courses.h5p.scoring), cached per package version by courses.services.activities.
    """
    packages = {
        block["package"].pk: block["package"]
        for block in lesson.h5p_blocks()
        if block.get("package") is not None
    }
    if not packages:
        return html
    modes = {pk: player.player_mode(activities.package_key(p)) for pk, p in packages.items()}

    def fill(match) -> str:
        mode = modes.get(int(match.group(2)))
        if mode is None:
            return "0"
        flag = mode.report if match.group(1) == "report" else mode.completes_on_view
        return "1" if flag else "0"

    html = _PLAYER_MARKER.sub(fill, html)
    return html + json_script(player.player_settings(), "egide-h5p-settings")


def h5p_actor_mail(user) -> str:
    """The learner's pseudonymous xAPI address: the player never sends a name or an e-mail."""
    if not getattr(user, "is_authenticated", False):
        return ""
    return f"{activities.xapi_pseudonym(user)}@{activities.ACTOR_DOMAIN}"


def lesson_content_html(*, lesson: LessonPage, request, context: dict) -> str:
    """Return the lesson page's main column with the learner's own parts put in.

    Everything but the module's progress, the "lesson done" badge, the CSRF token
    and the H5P statuses is the same for every learner, and rendering it (StreamField
    conversion, the packages' query, rich text rewriting, links, translations) is
    most of a lesson page's cost: it is rendered once per published revision and
    per enrolled / not enrolled (the players' endpoints, the "done" form) in the
    page cache, whose version changes with any page (titles, order of lessons), then
    each marker is replaced for this request. Previews render a revision not yet
    published: never cached.
    """
    enrolled = bool(getattr(request, "egide_enrolled", False))

    def render() -> str:
        return shared_lesson_content(
            lesson=lesson, request=request, context=context, enrolled=enrolled
        )

    if getattr(request, "is_preview", False):
        html = render()
    else:
        key = f"{lesson.pk}:{lesson.live_revision_id}:{int(enrolled)}:{get_language()}"
        html = page_cache.cached("lesson-content", key, render)
    return fill_markers(html, request=request, context=context)


def fill_markers(html: str, *, request, context: dict) -> str:
    """Put this learner's own parts in the shared rendering (never cached)."""
    activity_results = context["activity_results"]

    def fill(match) -> str:
        match match.group(1):
            case "percent":
                return str(context["progress"].percent)
            case "completed":
                if not context["lesson_completed"]:
                    return ""
                return format_html(
                    '<p class="fr-badge fr-badge--success fr-mb-2w">{}</p>', _("Leçon terminée")
                )
            case "csrf":
                return get_token(request)
            case "h5p-actor":
                return escape(h5p_actor_mail(request.user))
        return escape(h5p_status_text(activity_results.get(int(match.group(2)))))

    return mark_safe(_MARKER.sub(fill, html))  # noqa: S308 - our templates; filled values escaped
