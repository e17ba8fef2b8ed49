"""Writes: load the COG file into the territory tables, idempotently."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

DATA_DIR = Path(__file__).resolve().parent / "data"


def latest_data_file() -> Path:
    """The most recent cog-YEAR.json shipped with the code."""
    return max(DATA_DIR.glob("cog-*.json"))


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    retired: int = 0


@transaction.atomic
def territories_load(*, data: dict | None = None, models=None) -> LoadReport:
    """Create or update every région, département and arrondissement of `data` (the
    latest shipped COG file by default). Idempotent: loading the same file again
    changes nothing. A territory absent from the file is marked inactive, never
    deleted: people, plans and participations may point to it.

    `models` lets a migration pass its historical models (Region, Departement,
    Arrondissement); the app's own models otherwise.
    """
    if data is None:
        data = json.loads(latest_data_file().read_text(encoding="utf-8"))
    historical = models is not None
    if models is None:
        from .models import Arrondissement, Departement, Region

        models = (Region, Departement, Arrondissement)
    region_model, departement_model, arrondissement_model = models
    report = LoadReport()
    levels = [
        (region_model, data["regions"], None),
        (departement_model, data["departements"], "region"),
        (arrondissement_model, data["arrondissements"], "departement"),
    ]
    for model, rows, parent in levels:
        existing = {row.code: row for row in model.objects.all()}
        for item in rows:
            values = {"name": item["name"], "article": item["article"], "active": True}
            if parent:
                values[f"{parent}_id"] = item[parent]
            row = existing.get(item["code"])
            if row is None:
                model.objects.create(code=item["code"], **values)
                report.created += 1
            elif any(getattr(row, key) != value for key, value in values.items()):
                model.objects.filter(code=row.code).update(**values)
                report.updated += 1
        codes = {item["code"] for item in rows}
        report.retired += (
            model.objects.filter(active=True).exclude(code__in=codes).update(active=False)
        )
    if not historical:
        from .selectors import forget_cache

        forget_cache()
    return report
