"""The README's restore procedure, run: scripts/backup.sh, the loss of everything, then
scripts/restore.sh, and the site has its people, pages and attestation PDFs again.

The scripts run as subprocesses on a scratch database (a copy of the migrated test
database, so the test never migrates one) with the data made through the services in
another process (tests/integration/backup_scenario.py). Files on local disk, and in two
fresh buckets of the test S3 server when scripts/services.sh started one.
"""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection, connections

from .backup_scenario import EMAIL

pytestmark = [pytest.mark.integration]

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"


def _pg_bin() -> str:
    """The client programs of the server's major version (Debian installs each version in
    its own folder; pg_dump refuses a newer server than itself)."""
    if os.environ.get("PG_BIN"):
        return os.environ["PG_BIN"]
    major = connection.pg_version // 10000
    folder = Path(f"/usr/lib/postgresql/{major}/bin")
    if not (folder / "pg_dump").exists():
        pytest.fail(f"pg_dump {major} introuvable : installez postgresql-client-{major} ou PG_BIN")
    return str(folder)


def _server() -> dict:
    db = connection.settings_dict
    return {
        "host": db["HOST"],
        "port": db["PORT"],
        "user": db["USER"],
        "password": db.get("PASSWORD") or None,
    }


def _admin(sql: str, dbname: str = "postgres") -> list:
    with psycopg.connect(**_server(), dbname=dbname, autocommit=True) as admin:
        cursor = admin.execute(sql)
        return cursor.fetchall() if cursor.description else []


def _url(name: str) -> str:
    server = _server()
    password = f":{server['password']}" if server["password"] else ""
    return f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"


@pytest.fixture
def scratch_database(transactional_db, django_db_serialized_rollback):
    """A database of its own, copied from the migrated test database (with what the
    migrations load: roles, home page, catalogue, territories), dropped afterwards."""
    name = f"egide_backup_{uuid.uuid4().hex[:12]}"
    template = connection.settings_dict["NAME"]
    pg_bin = _pg_bin()
    # PostgreSQL copies a database nobody is connected to: this process's connections
    # (the only ones in the integration phase, which runs in one process) are closed.
    connections.close_all()
    try:
        _admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    except psycopg.errors.ObjectInUse:
        # Someone else is connected (a process another test left behind): copy it
        # through a dump instead, slower but indifferent to other connections.
        _admin(f'CREATE DATABASE "{name}"')
        dump = subprocess.run(
            [f"{pg_bin}/pg_dump", "--format=custom", f"--dbname={_url(template)}"],
            capture_output=True,
            check=True,
        )
        subprocess.run(
            [f"{pg_bin}/pg_restore", "--no-owner", f"--dbname={_url(name)}"],
            input=dump.stdout,
            check=True,
        )
    try:
        if not _admin("SELECT count(*) FROM territories_departement", dbname=name)[0][0]:
            # pytest --reuse-db serializes a database earlier tests flushed: nothing
            # to copy. `make test` creates the test database afresh.
            pytest.fail("the test database holds no migration data: run without --reuse-db")
        yield name
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _s3_ready() -> str | None:
    if not os.environ.get("EGIDE_TEST_S3_URL"):
        return "EGIDE_TEST_S3_URL is not set (scripts/services.sh starts the S3 server)"
    if importlib.util.find_spec("storages") is None or importlib.util.find_spec("boto3") is None:
        return "django-storages[s3] is not installed"
    if importlib.util.find_spec("elearning.settings.storage") is None:
        return "the settings have no object storage (elearning/settings/storage.py)"
    return None


class DiskFiles:
    """MEDIA_ROOT and PRIVATE_MEDIA_ROOT in the test's temporary folder."""

    def __init__(self, tmp_path: Path):
        self.media = tmp_path / "media"
        self.private = tmp_path / "private"

    def env(self) -> dict:
        return {"MEDIA_ROOT": str(self.media), "PRIVATE_MEDIA_ROOT": str(self.private)}

    def count(self) -> int:
        folders = (self.media, self.private)
        return sum(1 for folder in folders for path in folder.rglob("*") if path.is_file())

    def destroy(self) -> None:
        shutil.rmtree(self.media)
        shutil.rmtree(self.private)

    def close(self) -> None:
        pass


class Buckets:
    """Two fresh buckets on the test S3 server (moto), deleted afterwards."""

    REGION = "eu-west-3"

    def __init__(self, tmp_path: Path):
        import boto3

        self.endpoint = os.environ["EGIDE_TEST_S3_URL"]
        suffix = uuid.uuid4().hex[:12]
        self.public = f"egide-public-{suffix}"
        self.private = f"egide-private-{suffix}"
        self.client = boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=self.REGION,
            aws_access_key_id="test",
            aws_secret_access_key="test",
        )
        for bucket in (self.public, self.private):
            self.client.create_bucket(
                Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": self.REGION}
            )
        # Where the local-disk settings would write: nothing must land there.
        self.disk = DiskFiles(tmp_path)

    def env(self) -> dict:
        return {
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": "test",
            "AWS_SECRET_ACCESS_KEY": "test",
            "AWS_S3_REGION_NAME": self.REGION,
            "AWS_STORAGE_BUCKET_NAME": self.public,
            "AWS_PRIVATE_BUCKET_NAME": self.private,
            **self.disk.env(),
        }

    def keys(self, bucket: str) -> list[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return [item["Key"] for page in pages for item in page.get("Contents", [])]

    def count(self) -> int:
        return len(self.keys(self.public)) + len(self.keys(self.private))

    def destroy(self) -> None:
        for bucket in (self.public, self.private):
            for key in self.keys(bucket):
                self.client.delete_object(Bucket=bucket, Key=key)

    def close(self) -> None:
        self.destroy()
        for bucket in (self.public, self.private):
            self.client.delete_bucket(Bucket=bucket)


@pytest.fixture(params=["disk", "s3"])
def files(request, tmp_path):
    if request.param == "s3":
        reason = _s3_ready()
        if reason:
            pytest.skip(reason)
        store = Buckets(tmp_path)
    else:
        store = DiskFiles(tmp_path)
    try:
        yield store
    finally:
        store.close()


def _environment(database: str, files) -> dict:
    """The settings of a production machine pointed at the scratch database."""
    environment = {
        key: value
        for key, value in os.environ.items()
        # No Redis: Celery runs the PDF render at once in the seeding process.
        if not key.startswith(("AWS_", "REDIS_", "DJANGO_", "PYTEST_")) and key != "RELEASE"
    }
    return {
        **environment,
        "DJANGO_SETTINGS_MODULE": "elearning.settings.prod",
        "SECRET_KEY": "backup-" + "x" * 60,
        "DATABASE_URL": _url(database),
        "DB_CONN_MAX_AGE": "0",
        "PG_BIN": _pg_bin(),
        "PYTHON": sys.executable,
        "RELEASE": "test-sauvegarde",
        **files.env(),
    }


def _run(command: list, env: dict, *, ok: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if ok and done.returncode != 0:
        pytest.fail(f"{command} → {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done


def _scenario(env: dict, *args: str) -> dict:
    done = _run([sys.executable, "-m", "tests.integration.backup_scenario", *args], env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _tables(database: str) -> int:
    return _admin(
        "SELECT count(*) FROM pg_catalog.pg_tables"
        " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
        dbname=database,
    )[0][0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_people_pages_and_attestation_pdfs_after_losing_everything(
    scratch_database, files, tmp_path
):
    env = _environment(scratch_database, files)
    seeded = _scenario(env, "seed")
    assert files.count() >= 2  # the PDF (private) and the document (public)

    done = _run(["bash", SCRIPTS / "backup.sh", tmp_path / "backups"], env)
    (backup,) = (tmp_path / "backups").glob("egide-*")
    assert f"Sauvegarde terminée : {backup}" in done.stdout
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["release"] == "test-sauvegarde"
    assert manifest["database"]["size"] == (backup / "database.dump").stat().st_size > 0
    if isinstance(files, Buckets):
        assert manifest["storage"] == "s3"
        assert manifest["buckets"]["private"]["objects"] >= 1
        assert manifest["buckets"]["public"]["objects"] >= 1
        assert files.disk.count() == 0  # nothing written on the local disk
    else:
        assert manifest["storage"] == "disk"
        assert manifest["folders"]["private"]["files"] >= 1
        assert manifest["folders"]["media"]["files"] >= 1

    # Everything is lost: the database is dropped and made again empty, files deleted.
    _admin(f'DROP DATABASE "{scratch_database}" WITH (FORCE)')
    _admin(f'CREATE DATABASE "{scratch_database}"')
    files.destroy()
    assert files.count() == 0

    # Not without --yes; not from a backup that differs from its manifest.
    refused = _run(["bash", SCRIPTS / "restore.sh", backup], env, ok=False)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    damaged = tmp_path / "damaged"
    shutil.copytree(backup, damaged)
    with (damaged / "database.dump").open("r+b") as dump:
        dump.seek(-1, os.SEEK_END)
        last = dump.read(1)
        dump.seek(-1, os.SEEK_END)
        dump.write(bytes([last[0] ^ 0xFF]))
    refused = _run(["bash", SCRIPTS / "restore.sh", "--yes", damaged], env, ok=False)
    assert refused.returncode == 1
    assert "database.dump : empreinte sha256 différente" in refused.stderr
    assert _tables(scratch_database) == 0  # nothing touched

    done = _run(["bash", SCRIPTS / "restore.sh", "--yes", backup], env)
    assert "Restauration terminée" in done.stdout

    restored = _scenario(env, "check", json.dumps(seeded))
    assert restored["password_ok"] and restored["attestation_user_ok"]
    assert restored["pdf_name"] == seeded["pdf_name"]
    assert restored["pdf_sha256"] == seeded["pdf_sha256"]
    assert restored["pdf_starts"] == "%PDF-"
    assert restored["module_title"] == seeded["module_title"] == "Module sauvegardé"
    assert restored["module_url"]
    assert restored["document_sha256"] == seeded["document_sha256"]

    # A database that is not empty (perhaps production, named by mistake) needs --force.
    refused = _run(["bash", SCRIPTS / "restore.sh", "--yes", backup], env, ok=False)
    assert refused.returncode == 1 and "--force" in refused.stderr
    renamed = f"UPDATE accounts_user SET first_name = 'Changé' WHERE email = '{EMAIL}' RETURNING 1"
    assert _admin(renamed, dbname=scratch_database) == [(1,)]
    _run(["bash", SCRIPTS / "restore.sh", "--yes", "--force", backup], env)
    names = f"SELECT first_name FROM accounts_user WHERE email = '{EMAIL}'"
    assert _admin(names, dbname=scratch_database) == [("Camille",)]
