"""Folders of files in a Django storage, on local disk or in object storage.

Extracted packages (H5P, SCORM) are folders of many files written under known names
and served one by one after a permission check. On local disk the code keeps using
the file system (renames make a new version appear at once); in object storage,
which has neither folders nor renames, it goes through these helpers: list the keys
under a prefix, write a key in place, delete a prefix, stream a key as a response.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.files.storage import Storage
from django.db import connection
from django.http import FileResponse, HttpResponseNotModified
from django.utils.http import http_date
from django.views.static import was_modified_since

CHUNK_SIZE = 1024 * 1024


def is_local(storage: Storage) -> bool:
    """True when the storage's files are on this machine's disk (it has paths)."""
    try:
        storage.path("")
    except NotImplementedError:
        return False
    return True


def keys_under(storage: Storage, prefix: str) -> list[str]:
    """Every file name under `prefix/` (recursively), sorted."""
    prefix = prefix.strip("/")
    bucket = getattr(storage, "bucket", None)
    if bucket is not None and hasattr(storage, "_normalize_name"):
        # S3: one paginated listing of the whole prefix instead of one call per
        # "folder" (listdir splits on "/"). Keys come back relative to the storage's
        # location, which _normalize_name prepends.
        full = storage._normalize_name(prefix) + "/"
        cut = len(full) - len(prefix) - 1
        return sorted(obj.key[cut:] for obj in bucket.objects.filter(Prefix=full))
    names = []
    try:
        folders, files = storage.listdir(prefix)
    except FileNotFoundError:
        return []
    names.extend(f"{prefix}/{name}" for name in files)
    for folder in folders:
        names.extend(keys_under(storage, f"{prefix}/{folder}"))
    return sorted(names)


def delete_under(storage: Storage, prefix: str, *, keep: set[str] = frozenset()) -> int:
    """Delete every file under `prefix/` except those named in `keep`; return how many."""
    doomed = [name for name in keys_under(storage, prefix) if name not in keep]
    for name in doomed:
        storage.delete(name)
    return len(doomed)


def save_in_place(storage: Storage, name: str, content) -> None:
    """Write `content` at exactly `name`, replacing what is there.

    The storages are set never to overwrite (two uploads with the same name keep
    both), so a known key is deleted first; a name changed by the storage means
    another writer got there in between, which callers serialise against.
    """
    storage.delete(name)
    saved = storage.save(name, content)
    if saved != name:
        storage.delete(saved)
        raise FileExistsError(f"{name} was written by someone else meanwhile.")


def read_bytes(storage: Storage, name: str) -> bytes | None:
    """The file's content, or None when there is none."""
    try:
        with storage.open(name, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def stored_file_response(request, storage: Storage, name: str, content_type: str):
    """Stream a stored file as `django.views.static.serve` does a file on disk:
    Content-Length, Last-Modified and 304 on If-Modified-Since. FileNotFoundError
    when there is no such file (callers answer 404).

    In object storage, opening fetches the object's metadata once (size, date), and
    the body streams from the storage in chunks.
    """
    handle = storage.open(name, "rb")
    try:
        modified, size = _modified_and_size(storage, name, handle)
        if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), modified):
            handle.close()
            return HttpResponseNotModified()
    except BaseException:
        handle.close()
        raise
    response = FileResponse(_body(handle), content_type=content_type)
    response["Last-Modified"] = http_date(modified)
    response["Content-Length"] = str(size)
    return response


def _modified_and_size(storage: Storage, name: str, handle) -> tuple[int, int]:
    s3_object = getattr(handle, "obj", None)  # django-storages' S3File, already loaded
    if s3_object is not None:
        return int(s3_object.last_modified.timestamp()), int(s3_object.content_length)
    return int(storage.get_modified_time(name).timestamp()), storage.size(name)


def _body(handle) -> Iterator[bytes]:
    """The file's bytes in chunks, streamed from S3 without a local copy when possible."""
    s3_object = getattr(handle, "obj", None)
    try:
        if s3_object is not None:
            yield from s3_object.get()["Body"].iter_chunks(CHUNK_SIZE)
        else:
            while chunk := handle.read(CHUNK_SIZE):
                yield chunk
    finally:
        handle.close()


@contextmanager
def exclusive_lock(name: str) -> Iterator[None]:
    """Serialise a critical section between every process and machine sharing the
    database (a PostgreSQL session advisory lock on a key derived from `name`).

    On SQLite (unit tests, one process) writes are serialised by the database
    already and nothing else runs concurrently: no lock is taken.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(hashtext(%s))", [name])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [name])
