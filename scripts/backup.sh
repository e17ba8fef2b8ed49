#!/usr/bin/env bash
# Back up Égide: the PostgreSQL database of DATABASE_URL (pg_dump, custom format) and its
# files — both buckets object by object when AWS_PRIVATE_BUCKET_NAME is set (object
# storage), otherwise MEDIA_ROOT and PRIVATE_MEDIA_ROOT (tar) — into a new folder with a
# manifest (date, release, sizes, counts, sha256) that scripts/restore.sh checks first.
# Tested with scripts/restore.sh by tests/integration/test_backup_restore.py.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage : scripts/backup.sh [DOSSIER]

Sauvegarde la base PostgreSQL (DATABASE_URL) et les fichiers d'Égide dans un nouveau
sous-dossier daté de DOSSIER (par défaut : $BACKUP_DIR, sinon ./backups) :
  database.dump   pg_dump --format=custom de la base
  objects/        les deux compartiments S3, objet par objet (si AWS_PRIVATE_BUCKET_NAME
                  est défini), ou files/media.tar et files/private.tar (MEDIA_ROOT et
                  PRIVATE_MEDIA_ROOT sur le disque)
  manifest.json   date, version, tailles, nombres d'objets et empreintes sha256

Variables lues : DATABASE_URL, AWS_* (comme les réglages), MEDIA_ROOT, PRIVATE_MEDIA_ROOT,
RELEASE, PG_BIN (dossier de pg_dump, à choisir de la version du serveur), PYTHON.
Restauration : scripts/restore.sh --yes DOSSIER/egide-AAAAMMJJTHHMMSSZ
EOF
}

case "${1:-}" in
  -h | --help) usage; exit 0 ;;
  -*) usage >&2; exit 2 ;;
esac
[ $# -le 1 ] || { usage >&2; exit 2; }

ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${PYTHON:-}" ]; then
  if [ -x "$ROOT/.venv/bin/python" ]; then PYTHON="$ROOT/.venv/bin/python"; else PYTHON=python3; fi
fi
HELPER=("$PYTHON" "$ROOT/scripts/storage_backup.py")
PG_DUMP="${PG_BIN:+$PG_BIN/}pg_dump"

if [ -z "${DATABASE_URL:-}" ]; then
  echo "ERREUR : DATABASE_URL n'est pas défini (postgres://utilisateur:mdp@hôte:5432/base)." >&2
  exit 2
fi
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *) echo "ERREUR : DATABASE_URL doit désigner une base PostgreSQL (postgres://…)." >&2; exit 2 ;;
esac

# DATABASE_URL as PGHOST, PGPASSWORD…: a password in pg_dump's arguments would be
# readable by every local account (ps) for as long as the dump runs.
PG_EXPORTS=$("${HELPER[@]}" pg-env)
eval "$PG_EXPORTS"

PARENT="${1:-${BACKUP_DIR:-backups}}"
mkdir -p "$PARENT"
NAME="egide-$(date -u +%Y%m%dT%H%M%SZ)"
TARGET="$PARENT/$NAME"
[ -e "$TARGET" ] && { echo "ERREUR : $TARGET existe déjà." >&2; exit 1; }
# Written under a temporary name and renamed at the end: a backup cut short (disk full,
# interrupted) never looks like a complete one.
PARTIAL="$PARENT/.$NAME.partiel"
rm -rf "$PARTIAL"
mkdir -p "$PARTIAL"
trap 'rm -rf "$PARTIAL"' EXIT
RELEASE="${RELEASE:-$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo inconnue)}"

# The database first, then the files: a file is written before the row naming it, so
# every file the dump names is already there when the files are copied (files written
# meanwhile are merely unreferenced in the restored database).
echo "==> Base de données"
"$PG_DUMP" --format=custom --file="$PARTIAL/database.dump"

if [ -n "${AWS_PRIVATE_BUCKET_NAME:-}" ]; then
  STORAGE=s3
  echo "==> Compartiments S3"
  "${HELPER[@]}" dump "$PARTIAL"
else
  STORAGE=disk
  echo "==> Dossiers de fichiers"
  mkdir -p "$PARTIAL/files"
  # The same defaults as elearning/settings/base.py.
  for pair in "media=${MEDIA_ROOT:-$ROOT/media}" "private=${PRIVATE_MEDIA_ROOT:-$ROOT/var/private}"; do
    label=${pair%%=*}
    folder=${pair#*=}
    if [ -d "$folder" ]; then
      tar -C "$folder" -cf "$PARTIAL/files/$label.tar" .
    else
      echo "  $folder n'existe pas : archive vide."
      tar -cf "$PARTIAL/files/$label.tar" -T /dev/null
    fi
    echo "  $label : $folder"
  done
fi

echo "==> Manifeste"
"${HELPER[@]}" manifest "$PARTIAL" --storage "$STORAGE" --release "$RELEASE"
mv "$PARTIAL" "$TARGET"
trap - EXIT
echo "Sauvegarde terminée : $TARGET"
