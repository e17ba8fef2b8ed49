"""Foreign keys: PostgreSQL's row-by-row checks off while seeding, then checked set-wise."""


def foreign_key_checks_off() -> bool:
    """Skip PostgreSQL's row-by-row foreign key checks until the end of the transaction.

    Django defers them to COMMIT, where they take a quarter of the seeding time;
    check_foreign_keys() then verifies every reference set-wise in about a second.
    Needs a superuser, which the bench's own PostgreSQL has; return False without one
    (the rows are then checked as usual).
    """
    from django.db import DatabaseError, connection, transaction

    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # LOCAL: until the end of the enclosing transaction, after this savepoint.
            cursor.execute("SET LOCAL session_replication_role = replica")
    except DatabaseError:
        return False
    return True


def check_foreign_keys(models: list) -> None:
    """Count, with one anti-join per foreign key, rows of `models` pointing nowhere."""
    orphans = []
    for model in models:
        for field in model._meta.concrete_fields:
            if not field.is_relation:
                continue
            targets = field.related_model._base_manager.values(field.target_field.attname)
            count = (
                model._base_manager.filter(**{f"{field.attname}__isnull": False})
                .exclude(**{f"{field.attname}__in": targets})
                .count()
            )
            if count:
                orphans.append(f"{model._meta.label}.{field.name}: {count}")
    if orphans:
        raise SystemExit("Références invalides : " + ", ".join(orphans))


def seeded_models() -> list:
    """Models whose rows this script inserts (their foreign keys are checked at the end)."""
    from allauth.account.models import EmailAddress
    from wagtail.models import Page, Revision

    from accounts.models import User
    from courses.models import (
        ActivityResult,
        Enrolment,
        H5PPackage,
        LessonPage,
        LessonProgress,
        ModuleCompletion,
        ModulePage,
    )

    return [
        H5PPackage,
        Revision,
        Page,
        ModulePage,
        LessonPage,
        ModulePage.audiences.through,
        ModulePage.topics.through,
        ModulePage.mandatory_for.through,
        User,
        User.groups.through,
        EmailAddress,
        Enrolment,
        LessonProgress,
        ActivityResult,
        ModuleCompletion,
    ]
