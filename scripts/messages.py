"""Keep the French catalogues current: `update` rewrites them, `check` fails if stale.

Each project app (an INSTALLED_APPS entry whose code lives in this repository, read
from the settings: a new app is covered without editing this file) has its own
locale/fr/LC_MESSAGES/django.po (as in sites-faciles). The msgids are the French
strings themselves and the msgstr stay empty by design (README, "Traductions").
Locations are written without line numbers so that moving code does not churn
the catalogues; the check ignores the POT-Creation-Date header for the same reason.
"""

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = "elearning.settings.dev"
CATALOGUE = Path("locale/fr/LC_MESSAGES/django.po")
# Inside the repository but not the project's code.
NOT_PROJECT = {".venv", "node_modules", "media", "static_collected"}
PY = sys.executable


def project_apps() -> list[str]:
    """The project apps' folders, relative to the root, in INSTALLED_APPS order.

    An app is the project's when its code is in this repository (not a library in the
    virtualenv); an AppConfig of another package (accounts' wagtail.users) is not.
    """
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    import django
    from django.apps import apps

    django.setup()
    folders = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if not path.is_relative_to(ROOT):
            continue
        relative = path.relative_to(ROOT)
        if relative.parts and relative.parts[0] not in NOT_PROJECT and relative not in folders:
            folders.append(relative)
    return [str(folder) for folder in folders]


def _has_strings(app_dir: Path) -> bool:
    markers = ("gettext", "translate", "blocktranslate", "{% trans", "_(")
    for path in app_dir.rglob("*"):
        # Like makemessages (see make): neither migrations nor tests.
        skipped = {"migrations", "tests"} & set(path.relative_to(app_dir).parts)
        if path.suffix in {".py", ".html", ".txt"} and not skipped:
            if any(marker in path.read_text(encoding="utf-8") for marker in markers):
                return True
    return False


def make(app_dir: Path) -> None:
    (app_dir / "locale").mkdir(exist_ok=True)
    subprocess.run(
        [
            PY,
            str(ROOT / "manage.py"),
            "makemessages",
            "-l",
            "fr",
            "--add-location",
            "file",
            "--no-obsolete",
            "-v",
            "0",
            "--ignore",
            "tests",
        ],
        cwd=app_dir,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS},
    )


HEADER_FIELDS = {
    "Project-Id-Version": "egide",
    "Report-Msgid-Bugs-To": "",
    "PO-Revision-Date": "2026-11-23 00:00+0100",
    "Last-Translator": "Égide",
    "Language-Team": "Français",
    "Language": "fr",
}


def fill_header(po: Path) -> None:
    """Replace makemessages' placeholder header values (source strings are French)."""
    lines = []
    for line in po.read_text(encoding="utf-8").splitlines():
        for field, value in HEADER_FIELDS.items():
            if line.startswith(f'"{field}:'):
                line = f'"{field}: {value}\\n"'
        # The header is complete, so it is not fuzzy (a fuzzy header would be
        # left out of the .mo, losing French plural rules).
        if line == "#, fuzzy" and 'msgid ""' not in lines:
            continue
        lines.append(line)
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")


def compile_po(po: Path, mo: Path) -> None:
    """Compile the catalogue with every untranslated message translated as itself.

    The source strings are French already, so most messages need no translation. But
    msgfmt leaves untranslated messages out of the .mo, and for a plural message
    Django then falls back to the English rule: "0 personnes". Translated as itself
    (`msgen`), the message is in the .mo and the catalogue's French rule applies
    (`n > 1`: "0 personne", "1 personne", "2 personnes"). The .po stays untouched.
    """
    filled = subprocess.run(["msgen", str(po)], check=True, capture_output=True, text=True).stdout
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(mo), "-"], input=filled, check=True, text=True
    )


def _strip_date(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith('"POT-Creation-Date')]


def update() -> None:
    for app in project_apps():
        app_dir = ROOT / app
        if not _has_strings(app_dir):
            continue
        make(app_dir)
        po = app_dir / CATALOGUE
        fill_header(po)
        compile_po(po, po.with_suffix(".mo"))


def missing_catalogues(app_list: list[str]) -> list[str]:
    """The apps with strings to translate but no committed catalogue."""
    return [
        app
        for app in app_list
        if _has_strings(ROOT / app) and not (ROOT / app / CATALOGUE).exists()
    ]


def check() -> int:
    app_list = project_apps()
    missing = missing_catalogues(app_list)
    if missing:
        print("Apps avec des chaînes à traduire mais sans catalogue (lancez `make messages`,")
        print("puis ajoutez le fichier créé au dépôt) :")
        for app in missing:
            print(f"  {app} : {Path(app) / CATALOGUE} absent")
        return 1
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "tree"
        shutil.copytree(
            ROOT, copy, ignore=shutil.ignore_patterns(".venv", "node_modules", ".git", "media")
        )
        os.symlink(ROOT / ".venv", copy / ".venv")
        subprocess.run([PY, str(copy / "scripts/messages.py"), "update"], check=True, cwd=copy)
        for app in app_list:
            for name in ("django.po", "django.mo"):
                relative = Path(app) / CATALOGUE.parent / name
                new, old = copy / relative, ROOT / relative
                if not new.exists() and not old.exists():
                    continue
                if not old.exists() or not new.exists():
                    stale.append(str(relative))
                elif name.endswith(".po"):
                    if _strip_date(new.read_text()) != _strip_date(old.read_text()):
                        stale.append(str(relative))
                elif not filecmp.cmp(new, old, shallow=False):
                    stale.append(str(relative))
    if stale:
        print("Catalogues de traduction périmés (lancez `make messages`) :")
        for path in stale:
            print(f"  {path}")
        return 1
    print("Catalogues de traduction à jour.")
    return 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
    else:
        sys.exit(check())
