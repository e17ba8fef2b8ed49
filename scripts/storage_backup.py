"""Files of a backup made by scripts/backup.sh, read back by scripts/restore.sh.

Subcommands:
  dump DOSSIER      copy every object of the buckets into DOSSIER/objects/
  load DOSSIER      put the objects of DOSSIER/objects/ back into the buckets
  manifest DOSSIER  write DOSSIER/manifest.json (date, release, sizes, counts, sha256)
  verify DOSSIER    check every file against the manifest; exit status 1 if one differs
  field DOSSIER NOM print one field of the manifest
  pg-env            DATABASE_URL as libpq's PG* variables, as shell `export` lines

The buckets are those the settings use (elearning/settings/storage.py, docs of issue 23):
AWS_STORAGE_BUCKET_NAME (public media) and AWS_PRIVATE_BUCKET_NAME (private files), reached
with AWS_S3_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_S3_REGION_NAME.
Only `dump` and `load` need boto3 (installed with django-storages[s3]); `manifest` and
`verify` use the standard library, so a backup of local-disk files needs nothing else.

Objects are stored under their content's sha256, not under their key: S3 keys may hold
`..`, be longer than a file name may be, or be both a "file" (`a`) and a "folder" (`a/b`),
none of which a file system can hold. `objects/<role>.json` maps each key to its content
and the headers a browser needs back (content type, encoding, disposition, cache).
"""

import argparse
import hashlib
import json
import os
import shlex
import sys
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

MANIFEST = "manifest.json"
FORMAT = 1
CHUNK = 1024 * 1024
# The headers a served object needs back; S3 returns them with the object.
HEADERS = ("ContentType", "ContentEncoding", "ContentDisposition", "CacheControl")
ROLES = {"public": "AWS_STORAGE_BUCKET_NAME", "private": "AWS_PRIVATE_BUCKET_NAME"}


class Refused(Exception):
    """A problem to tell the operator in French; the script stops without a traceback."""


def env(name: str, default: str | None = None) -> str | None:
    """As elearning/settings/environment.py: an empty value counts as unset."""
    value = os.environ.get(name, "")
    return value if value != "" else default


def buckets() -> dict[str, str]:
    """role -> bucket name, for the buckets the settings would use."""
    return {role: env(name) for role, name in ROLES.items() if env(name)}


def s3_client():
    try:
        import boto3
    except ImportError as error:
        raise Refused(
            "boto3 est introuvable : installez les dépendances du projet (django-storages[s3])."
        ) from error
    return boto3.client(
        "s3",
        endpoint_url=env("AWS_S3_ENDPOINT_URL"),
        region_name=env("AWS_S3_REGION_NAME", "eu-west-3"),
        aws_access_key_id=env("AWS_ACCESS_KEY_ID"),
        aws_secret_access_key=env("AWS_SECRET_ACCESS_KEY"),
    )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def blob_path(root: Path, role: str, sha256: str) -> Path:
    return root / "objects" / role / sha256[:2] / sha256


def dump(root: Path) -> None:
    client = s3_client()
    found = buckets()
    if "private" not in found:
        raise Refused("AWS_PRIVATE_BUCKET_NAME n'est pas défini : rien à copier depuis S3.")
    for role, bucket in found.items():
        index = []
        pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        for page in pages:
            for item in page.get("Contents", []):
                index.append(_dump_object(client, root, role, bucket, item["Key"]))
        index_path = root / "objects" / f"{role}.json"
        index_path.parent.mkdir(parents=True, exist_ok=True)
        document = {"bucket": bucket, "objects": index}
        index_path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
        size = sum(entry["size"] for entry in index)
        print(f"  {role} ({bucket}) : {len(index)} objets, {size} octets")


def _dump_object(client, root: Path, role: str, bucket: str, key: str) -> dict:
    """Stream one object to a temporary file, hashing as it comes, then name it by hash."""
    response = client.get_object(Bucket=bucket, Key=key)
    digest = hashlib.sha256()
    size = 0
    folder = root / "objects" / role
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, delete=False) as out:
        for chunk in response["Body"].iter_chunks(CHUNK):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
    sha256 = digest.hexdigest()
    target = blob_path(root, role, sha256)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(out.name, target)  # the same content twice is stored once
    headers = {name: response[name] for name in HEADERS if response.get(name)}
    return {"key": key, "size": size, "sha256": sha256, "headers": headers}


def load(root: Path) -> None:
    client = s3_client()
    found = buckets()
    for role in ROLES:
        index_path = root / "objects" / f"{role}.json"
        if not index_path.exists():
            continue
        if role not in found:
            raise Refused(
                f"La sauvegarde contient le compartiment « {role} » mais {ROLES[role]} "
                "n'est pas défini : où le restaurer ?"
            )
        bucket = found[role]
        entries = json.loads(index_path.read_text())["objects"]
        for entry in entries:
            client.upload_file(
                str(blob_path(root, role, entry["sha256"])),
                bucket,
                entry["key"],
                ExtraArgs=entry.get("headers") or None,
            )
        print(f"  {role} ({bucket}) : {len(entries)} objets remis")


def _summary(root: Path, storage: str) -> dict:
    """What the manifest tells a person at a glance: counts and sizes of each part."""
    if storage == "s3":
        parts = {}
        for role in ROLES:
            index_path = root / "objects" / f"{role}.json"
            if index_path.exists():
                document = json.loads(index_path.read_text())
                parts[role] = {
                    "bucket": document["bucket"],
                    "objects": len(document["objects"]),
                    "bytes": sum(entry["size"] for entry in document["objects"]),
                }
        return {"buckets": parts}
    parts = {}
    for archive in sorted((root / "files").glob("*.tar")):
        with tarfile.open(archive) as tar:
            members = [member for member in tar.getmembers() if member.isfile()]
        parts[archive.stem] = {"files": len(members), "bytes": sum(m.size for m in members)}
    return {"folders": parts}


def manifest(root: Path, storage: str, release: str) -> None:
    files = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.name != MANIFEST:
            relative = path.relative_to(root).as_posix()
            files[relative] = {"size": path.stat().st_size, "sha256": sha256_of(path)}
    database = files.get("database.dump")
    if database is None:
        raise Refused("database.dump manque : la copie de la base a échoué.")
    document = {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "release": release,
        "storage": storage,
        "database": {"file": "database.dump", **database},
        **_summary(root, storage),
        "files": files,
    }
    (root / MANIFEST).write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n")


def read_manifest(root: Path) -> dict:
    path = root / MANIFEST
    if not path.is_file():
        raise Refused(f"{path} est introuvable : ce dossier n'est pas une sauvegarde complète.")
    try:
        document = json.loads(path.read_text())
    except ValueError as error:
        raise Refused(f"{path} est illisible ({error}).") from error
    if document.get("format") != FORMAT:
        raise Refused(f"{path} : format {document.get('format')!r} inconnu (attendu : {FORMAT}).")
    return document


def verify(root: Path) -> None:
    document = read_manifest(root)
    problems = []
    for relative, expected in document["files"].items():
        path = root / relative
        if not path.is_file():
            problems.append(f"{relative} : absent")
        elif (size := path.stat().st_size) != expected["size"]:
            problems.append(f"{relative} : taille {size} au lieu de {expected['size']}")
        elif sha256_of(path) != expected["sha256"]:
            problems.append(f"{relative} : empreinte sha256 différente")
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  … et {len(problems) - 20} autres" if len(problems) > 20 else ""
        raise Refused(f"La sauvegarde ne correspond pas à son manifeste :\n  {shown}{more}")
    print(
        f"  manifeste vérifié : {len(document['files'])} fichiers, sauvegarde du "
        f"{document['created_at']} (version {document['release']}, stockage {document['storage']})"
    )


def field(root: Path, name: str) -> None:
    """Print one top-level field of the manifest (for the shell scripts)."""
    print(read_manifest(root)[name])


# Query parameters of DATABASE_URL that libpq also reads from the environment.
PG_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "options": "PGOPTIONS",
    "application_name": "PGAPPNAME",
}


def pg_env() -> None:
    """Print DATABASE_URL as PGHOST, PGPASSWORD… for pg_dump, pg_restore and psql.

    Given as `--dbname=postgres://user:password@…`, the password would be on their
    command line, which any local account reads (ps, /proc) for as long as a dump runs.
    """
    url = urlsplit(env("DATABASE_URL", ""))
    if url.scheme not in ("postgres", "postgresql") or not url.path.strip("/"):
        raise Refused("DATABASE_URL doit désigner une base PostgreSQL (postgres://…/base).")
    values = {
        "PGHOST": unquote(url.hostname or ""),
        "PGPORT": str(url.port or ""),
        "PGUSER": unquote(url.username or ""),
        "PGPASSWORD": unquote(url.password or ""),
        "PGDATABASE": unquote(url.path.lstrip("/")),
    }
    for name, value in parse_qsl(url.query):
        if name not in PG_OPTIONS:
            raise Refused(f"DATABASE_URL : paramètre « {name} » non pris en charge.")
        values[PG_OPTIONS[name]] = value
    for name, value in values.items():
        if value:
            print(f"export {name}={shlex.quote(value)}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("dump", "load", "verify"):
        commands.add_parser(name).add_argument("folder", type=Path)
    made = commands.add_parser("manifest")
    made.add_argument("folder", type=Path)
    made.add_argument("--storage", choices=("disk", "s3"), required=True)
    made.add_argument("--release", required=True)
    read = commands.add_parser("field")
    read.add_argument("folder", type=Path)
    read.add_argument("name")
    commands.add_parser("pg-env")
    args = parser.parse_args(argv)
    try:
        if args.command == "manifest":
            manifest(args.folder, args.storage, args.release)
        elif args.command == "field":
            field(args.folder, args.name)
        elif args.command == "pg-env":
            pg_env()
        else:
            {"dump": dump, "load": load, "verify": verify}[args.command](args.folder)
    except Refused as error:
        print(f"ERREUR : {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
