"""Modules as subjects of attestations (see certificates.subjects).

Registered in CoursesConfig.ready: the people who follow a module's learners
(trainers, editors, administrators: courses.selectors.learners.may_follow_learners) may
gather the module's attestations in a ZIP.
"""

KIND = "module"


def may_archive(user, module_id: int) -> bool:
    from .models import ModulePage
    from .selectors.learners import may_follow_learners

    return may_follow_learners(user) and ModulePage.objects.filter(pk=module_id).exists()
