"""Reads of a learner's own records: the H5P player's state, the RGPD export."""

from ..models import ActivityResult, Enrolment, LessonProgress, ModuleCompletion, ScormAttempt


def h5p_state(*, user, package, lesson):
    """Return the saved resume state of a learner's H5P activity, or None."""
    return (
        ActivityResult.objects.filter(user=user, package=package, lesson=lesson)
        .values_list("state", flat=True)
        .first()
    )


def personal_data(user) -> dict:
    """The learner's training records, for the RGPD export (accounts.privacy)."""
    return {
        "inscriptions": [
            {"module": e.module.title, "inscrit_le": e.enrolled_at.isoformat(), "origine": e.source}
            for e in Enrolment.objects.filter(user=user).select_related("module")
        ],
        "lecons": [
            {
                "lecon": p.lesson.title,
                "commencee_le": p.started_at.isoformat(),
                "terminee_le": p.completed_at.isoformat() if p.completed_at else None,
            }
            for p in LessonProgress.objects.filter(user=user).select_related("lesson")
        ],
        "activites": [
            {
                "activite": r.package.title,
                "faite": r.completed,
                "reussie": r.success,
                "score": float(r.score_scaled) if r.score_scaled is not None else None,
                "tentatives": r.attempts,
            }
            for r in ActivityResult.objects.filter(user=user).select_related("package")
        ],
        # SCORM packages keep what their run-time committed (suspend data included).
        "paquets_scorm": [
            {
                "paquet": a.package.title,
                "sco": a.sco,
                "achevement": a.completion_status,
                "reussite": a.success_status,
                "score_declare": float(a.score_scaled) if a.score_scaled is not None else None,
                "donnees_d_execution": a.cmi,
                "interactions_passees": a.past_interactions,
            }
            for a in ScormAttempt.objects.filter(user=user).select_related("package")
        ],
        "modules_termines": [
            {
                "module": c.module_title,
                "termine_le": c.completed_at.isoformat(),
                "score": float(c.score) if c.score is not None else None,
            }
            for c in ModuleCompletion.objects.filter(user=user)
        ],
    }
