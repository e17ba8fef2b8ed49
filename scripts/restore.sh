#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh: check the manifest's checksums, then
# pg_restore into DATABASE_URL and put the files back (buckets or folders, as the backup
# was made). Tested by tests/integration/test_backup_restore.py.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage : scripts/restore.sh --yes [--force] DOSSIER

Restaure une sauvegarde de scripts/backup.sh (DOSSIER contient manifest.json) :
  1. vérifie les empreintes sha256 du manifeste avant de toucher à quoi que ce soit ;
  2. pg_restore --clean --if-exists --no-owner dans la base de DATABASE_URL ;
  3. remet les fichiers : les objets dans les compartiments AWS_STORAGE_BUCKET_NAME et
     AWS_PRIVATE_BUCKET_NAME, ou les archives dans MEDIA_ROOT et PRIVATE_MEDIA_ROOT.

  --yes    obligatoire : la restauration remplace le contenu de la base.
  --force  restaurer aussi dans une base qui contient déjà des tables (sinon refusé :
           une base non vide est peut-être la production, désignée par erreur).

Les fichiers présents qui ne sont pas dans la sauvegarde sont laissés en place.
Variables lues : DATABASE_URL, AWS_*, MEDIA_ROOT, PRIVATE_MEDIA_ROOT, PG_BIN, PYTHON.
EOF
}

YES=0
FORCE=0
FOLDER=
while [ $# -gt 0 ]; do
  case "$1" in
    --yes) YES=1 ;;
    --force) FORCE=1 ;;
    -h | --help) usage; exit 0 ;;
    -*) echo "Option inconnue : $1" >&2; usage >&2; exit 2 ;;
    *)
      [ -z "$FOLDER" ] || { usage >&2; exit 2; }
      FOLDER=$1
      ;;
  esac
  shift
done
[ -n "$FOLDER" ] || { usage >&2; exit 2; }

if [ "$YES" != 1 ]; then
  echo "REFUS : la restauration remplace la base de DATABASE_URL et réécrit les fichiers ;" >&2
  echo "relancez avec --yes pour confirmer (scripts/restore.sh --help)." >&2
  exit 2
fi
if [ -z "${DATABASE_URL:-}" ]; then
  echo "ERREUR : DATABASE_URL n'est pas défini (la base où restaurer)." >&2
  exit 2
fi

ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${PYTHON:-}" ]; then
  if [ -x "$ROOT/.venv/bin/python" ]; then PYTHON="$ROOT/.venv/bin/python"; else PYTHON=python3; fi
fi
HELPER=("$PYTHON" "$ROOT/scripts/storage_backup.py")
PSQL="${PG_BIN:+$PG_BIN/}psql"
PG_RESTORE="${PG_BIN:+$PG_BIN/}pg_restore"

echo "==> Vérification de la sauvegarde"
"${HELPER[@]}" verify "$FOLDER"
STORAGE=$("${HELPER[@]}" field "$FOLDER" storage)
if [ "$STORAGE" = s3 ] && [ -z "${AWS_PRIVATE_BUCKET_NAME:-}" ]; then
  echo "REFUS : la sauvegarde vient du stockage objet mais AWS_PRIVATE_BUCKET_NAME n'est pas" >&2
  echo "défini : les fichiers n'auraient nulle part où aller." >&2
  exit 1
fi
if [ "$STORAGE" = disk ] && [ -n "${AWS_PRIVATE_BUCKET_NAME:-}" ]; then
  echo "REFUS : la sauvegarde vient du disque (MEDIA_ROOT) mais les réglages utilisent le" >&2
  echo "stockage objet (AWS_PRIVATE_BUCKET_NAME) : l'application ne trouverait pas les fichiers." >&2
  exit 1
fi

# DATABASE_URL as PGHOST, PGPASSWORD…: never a password in the programs' arguments.
PG_EXPORTS=$("${HELPER[@]}" pg-env)
eval "$PG_EXPORTS"
TABLES=$("$PSQL" --no-psqlrc --tuples-only --no-align --command \
  "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
if [ "$TABLES" != 0 ] && [ "$FORCE" != 1 ]; then
  echo "REFUS : la base cible n'est pas vide (tables : $TABLES) ; --clean effacerait ses données :" >&2
  echo "une base non vide est peut-être la production désignée par erreur. Restaurez dans une" >&2
  echo "base neuve (createdb), ou relancez avec --force si le remplacement est voulu." >&2
  exit 1
fi

echo "==> Base de données"
# One transaction: a restore that fails half-way leaves the database as it was.
# --no-privileges: the grants name roles of the old server, which may not exist here.
"$PG_RESTORE" --clean --if-exists --no-owner --no-privileges --single-transaction \
  --dbname="$PGDATABASE" "$FOLDER/database.dump"

echo "==> Fichiers"
if [ "$STORAGE" = s3 ]; then
  "${HELPER[@]}" load "$FOLDER"
else
  # The same defaults as elearning/settings/base.py.
  for pair in "media=${MEDIA_ROOT:-$ROOT/media}" "private=${PRIVATE_MEDIA_ROOT:-$ROOT/var/private}"; do
    label=${pair%%=*}
    folder=${pair#*=}
    mkdir -p "$folder"
    tar -C "$folder" -xf "$FOLDER/files/$label.tar"
    echo "  $label : $folder"
  done
fi
echo "Restauration terminée depuis $FOLDER."
