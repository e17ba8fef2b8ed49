"""Folders of files through the storage API (core.stored_files), here on local disk;
courses/tests/test_object_storage.py runs the same helpers against an S3 server."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.test import RequestFactory
from django.utils.http import http_date

from core import stored_files


@pytest.fixture
def storage(tmp_path):
    return FileSystemStorage(location=tmp_path)


def test_a_folder_is_listed_rewritten_and_pruned(storage):
    for name in ("pkg/a.js", "pkg/sub/b.css", "pkg/sub/deep/c.png", "other/d.txt"):
        storage.save(name, ContentFile(b"old"))

    assert stored_files.is_local(storage)
    assert stored_files.keys_under(storage, "pkg") == [
        "pkg/a.js",
        "pkg/sub/b.css",
        "pkg/sub/deep/c.png",
    ]
    assert stored_files.keys_under(storage, "absent") == []

    stored_files.save_in_place(storage, "pkg/a.js", ContentFile(b"new"))
    assert stored_files.read_bytes(storage, "pkg/a.js") == b"new"  # same name, no suffix
    assert stored_files.read_bytes(storage, "pkg/absent.js") is None

    assert stored_files.delete_under(storage, "pkg", keep={"pkg/a.js"}) == 2
    assert stored_files.keys_under(storage, "pkg") == ["pkg/a.js"]
    assert stored_files.keys_under(storage, "other") == ["other/d.txt"]


def test_a_stored_file_is_streamed_with_its_size_and_date(storage):
    storage.save("pkg/a.js", ContentFile(b"console.log(1)"))
    request = RequestFactory().get("/")

    response = stored_files.stored_file_response(request, storage, "pkg/a.js", "text/javascript")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"console.log(1)"
    assert response["Content-Type"] == "text/javascript"
    assert response["Content-Length"] == "14"

    fresh = RequestFactory().get("/", HTTP_IF_MODIFIED_SINCE=http_date())
    assert stored_files.stored_file_response(fresh, storage, "pkg/a.js", "x").status_code == 304
    with pytest.raises(FileNotFoundError):
        stored_files.stored_file_response(request, storage, "pkg/absent.js", "x")


@pytest.mark.django_db
def test_the_exclusive_lock_is_seen_by_other_database_sessions():
    if connection.vendor != "postgresql":
        pytest.skip("advisory locks are PostgreSQL's (SQLite runs one process)")
    import psycopg

    settings_dict = connection.settings_dict
    other = psycopg.connect(
        dbname=settings_dict["NAME"],
        user=settings_dict["USER"],
        password=settings_dict["PASSWORD"] or None,
        host=settings_dict["HOST"],
        port=settings_dict["PORT"] or None,
        autocommit=True,
    )
    probe = "SELECT pg_try_advisory_lock(hashtext(%s)), pg_advisory_unlock_all()"
    try:
        with stored_files.exclusive_lock("egide.test.lock"):
            assert other.execute(probe, ["egide.test.lock"]).fetchone()[0] is False
        assert other.execute(probe, ["egide.test.lock"]).fetchone()[0] is True
    finally:
        other.close()
