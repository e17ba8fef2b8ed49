"""Where files live: local disk (the default, `make run`) or S3-compatible object storage.

Two storages hold every uploaded or generated file:
- "default": public media (Wagtail images and documents, their renditions);
- "private": files with personal data or served only after a permission check
  (attestations, conventions, file jobs, H5P and SCORM packages and their extracted
  files). Nothing serves it directly: views check who asks, then stream.

With AWS_PRIVATE_BUCKET_NAME set, both go to object storage (django-storages' S3
backend, any S3-compatible server through AWS_S3_ENDPOINT_URL), so web nodes and
workers on several machines see the same files. Static files are not concerned:
each release carries them (whitenoise in production).
"""

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

S3_BACKEND = "storages.backends.s3.S3Storage"
DISK_BACKEND = "django.core.files.storage.FileSystemStorage"
STATIC_BACKEND = "django.contrib.staticfiles.storage.StaticFilesStorage"
# Private links (signed URLs) stay valid five minutes: long enough to start a
# download, short enough that a link forwarded or left in a log is soon useless.
PRIVATE_URL_EXPIRY_SECONDS = 300


def storages_from_env(env: Callable[..., str | None], *, private_root: Path | None = None) -> dict:
    """Return STORAGES for the environment read by `env(name, default)`.

    `private_root` is the private folder on local disk (PRIVATE_MEDIA_ROOT), unused
    when the files go to object storage.
    """
    private_bucket = env("AWS_PRIVATE_BUCKET_NAME")
    if not private_bucket:
        return {
            "default": {"BACKEND": DISK_BACKEND},
            "staticfiles": {"BACKEND": STATIC_BACKEND},
            "private": {"BACKEND": DISK_BACKEND, "OPTIONS": {"location": private_root}},
        }
    common = {
        # None: the SDK's own chain (environment, instance profile) when unset.
        "access_key": env("AWS_ACCESS_KEY_ID"),
        "secret_key": env("AWS_SECRET_ACCESS_KEY"),
        "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
        "region_name": env("AWS_S3_REGION_NAME", "eu-west-3"),
        "signature_version": "s3v4",
        # Objects are never given an ACL: many S3-compatible services refuse ACLs
        # (bucket owner enforced); who may read a bucket is its policy's business.
        "default_acl": None,
        # Two uploads with the same name (two "convention.pdf") must never replace
        # each other: a taken name gets a random suffix, as on local disk. The code
        # that rewrites a known key on purpose (package extraction) deletes it first.
        "file_overwrite": False,
        # A file read whole (a download streamed after its permission check) is
        # buffered in memory up to this size, then in a temporary file (0, the
        # backend's default, would keep a large archive in memory).
        "max_memory_size": 10 * 1024 * 1024,
    }
    public_bucket = env("AWS_STORAGE_BUCKET_NAME")
    return {
        "default": {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **common,
                # Public media (images in pages): plain URLs, the bucket's policy lets
                # anyone read. Without a public bucket, media share the private one
                # under media/ and get signed URLs.
                "bucket_name": public_bucket or private_bucket,
                "location": "" if public_bucket else "media",
                "querystring_auth": not public_bucket,
                "querystring_expire": PRIVATE_URL_EXPIRY_SECONDS,
            },
        },
        "staticfiles": {"BACKEND": STATIC_BACKEND},
        "private": {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **common,
                "bucket_name": private_bucket,
                "querystring_auth": True,
                "querystring_expire": PRIVATE_URL_EXPIRY_SECONDS,
            },
        },
    }


def public_media_sources(env: Callable[..., str | None]) -> list[str]:
    """The origins pages load public media (Wagtail images, documents) from when they are
    in object storage, for the Content-Security-Policy; none on local disk (same origin).

    The SDK addresses a bucket by path (endpoint/bucket/key) or by host
    (bucket.endpoint/key): both are allowed.
    """
    if not env("AWS_PRIVATE_BUCKET_NAME"):
        return []
    endpoint = env("AWS_S3_ENDPOINT_URL")
    if endpoint:
        parts = urlsplit(endpoint)
        return [f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://*.{parts.netloc}"]
    region = env("AWS_S3_REGION_NAME", "eu-west-3")
    return [f"https://s3.{region}.amazonaws.com", f"https://*.s3.{region}.amazonaws.com"]
