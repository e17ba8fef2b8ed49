"""Reads of the LTI app."""

from courses.models import ModulePage


def pickable_modules() -> list[ModulePage]:
    """The published, public modules a partner's teacher may link to, by title."""
    return list(ModulePage.objects.live().public().order_by("title").only("id", "title", "summary"))


def pickable_module(module_id) -> ModulePage | None:
    """The module `module_id` if it may be linked to or launched, else None."""
    try:
        module_id = int(module_id)
    except (TypeError, ValueError):
        return None
    if not 0 < module_id < 2**31:  # beyond any key (and SQLite's integers)
        return None
    return ModulePage.objects.live().public().filter(pk=module_id).first()


def personal_data(user) -> list[dict]:
    """What partner platforms told Égide about `user` (RGPD right of access)."""
    from lti_tool.models import LtiUser

    from .models import GradeTarget

    targets = {}
    for target in GradeTarget.objects.filter(user=user).select_related("module"):
        targets.setdefault(target.registration_id, []).append(
            {
                "module": target.module.title,
                "dernier_lancement": target.launched_at.isoformat(),
                "note_envoyee_le": target.score_sent_at.isoformat()
                if target.score_sent_at
                else None,
            }
        )
    return [
        {
            "plateforme": lti_user.registration.name,
            "identifiant_sur_la_plateforme": lti_user.sub,
            "nom": lti_user.name,
            "prenom": lti_user.given_name,
            "nom_de_famille": lti_user.family_name,
            "adresse": lti_user.email,
            "modules_lances": targets.get(lti_user.registration_id, []),
        }
        for lti_user in LtiUser.objects.filter(auth_user=user).select_related("registration")
    ]
