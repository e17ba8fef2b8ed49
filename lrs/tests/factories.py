"""Partners and statements for the tests."""

import uuid

from lrs import services
from lrs.constants import Scope


def partner(
    *,
    name="Plateforme de la gendarmerie",
    scopes=None,
    departement=None,
    key="",
    secret="secret-de-test",
):
    """A partner credential (its clear secret is `secret`)."""
    created, _secret = services.partner_create(
        name=name,
        scopes=scopes if scopes is not None else [Scope.ALL],
        departement=departement,
        key=key or uuid.uuid4().hex[:12],
        secret=secret,
    )
    return created


def statement(
    *,
    email="agent@gendarmerie.test",
    verb="http://adlnet.gov/expapi/verbs/completed",
    activity="https://formation.gendarmerie.test/vif/module-1",
    timestamp="2025-03-10T10:00:00Z",
    **extra,
) -> dict:
    data = {
        "id": str(uuid.uuid4()),
        "actor": {"objectType": "Agent", "mbox": f"mailto:{email}"},
        "verb": {"id": verb, "display": {"fr-FR": "a terminé"}},
        "object": {
            "objectType": "Activity",
            "id": activity,
            "definition": {"name": {"fr-FR": "Violences intrafamiliales : l'accueil"}},
        },
        "timestamp": timestamp,
    }
    data.update(extra)
    return data


def store(partner_row, *statements: dict) -> list[str]:
    """Store statements as if the partner had POSTed them."""
    return services.statements_store(
        partner=partner_row, statements=list(statements), attachments={}
    )
