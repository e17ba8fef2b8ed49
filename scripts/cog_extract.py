"""Write territories/data/cog-YEAR.json from Etalab's @etalab/decoupage-administratif.

The npm package ships INSEE's Code officiel géographique (COG) as JSON; the platform
keeps only the régions, départements and arrondissements of metropolitan France and
of the five overseas départements-régions (DROM), with each name's article (INSEE's
TNCC, "typeLiaison" in the package) so that labels read "du Nord", "de la Somme".

Usage, to move to a new year's COG:
    npm pack @etalab/decoupage-administratif@VERSION
    tar xzf etalab-decoupage-administratif-VERSION.tgz
    python3 scripts/cog_extract.py package/data YEAR VERSION
then `manage.py load_territories` (run by `make run`) loads it, idempotently.
"""

import json
import sys
from pathlib import Path

KEPT_ZONES = {"metro", "drom"}


def main(data_dir: str, year: str, version: str) -> None:
    folder = Path(data_dir)
    regions = json.loads((folder / "regions.json").read_text(encoding="utf-8"))
    departements = json.loads((folder / "departements.json").read_text(encoding="utf-8"))
    arrondissements = json.loads((folder / "arrondissements.json").read_text(encoding="utf-8"))
    regions = [r for r in regions if r["zone"] in KEPT_ZONES]
    departements = [d for d in departements if d["zone"] in KEPT_ZONES]
    kept = {d["code"] for d in departements}
    arrondissements = [a for a in arrondissements if a["departement"] in kept]
    out = {
        "source": (
            "INSEE, Code officiel géographique au 1er janvier "
            f"{year}, via @etalab/decoupage-administratif {version} (npm)"
        ),
        "licence": "Licence Ouverte / Open Licence 2.0 (Etalab)",
        "year": int(year),
        "regions": [
            {"code": r["code"], "name": r["nom"], "article": r["typeLiaison"]}
            for r in sorted(regions, key=lambda r: r["code"])
        ],
        "departements": [
            {
                "code": d["code"],
                "name": d["nom"],
                "article": d["typeLiaison"],
                "region": d["region"],
            }
            for d in departements
        ],
        "arrondissements": [
            {
                "code": a["code"],
                "name": a["nom"],
                "article": a["typeLiaison"],
                "departement": a["departement"],
            }
            for a in sorted(arrondissements, key=lambda a: a["code"])
        ],
    }
    target = Path(__file__).resolve().parent.parent / "territories" / "data" / f"cog-{year}.json"
    target.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(
        f"{target}: {len(out['regions'])} régions, {len(out['departements'])} départements, "
        f"{len(out['arrondissements'])} arrondissements"
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
