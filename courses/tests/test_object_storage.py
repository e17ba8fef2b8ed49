"""Every file in S3-compatible object storage, against a real S3 server (not a mock).

`make test` (scripts/services.sh) starts moto's S3 server on loopback and exports
EGIDE_TEST_S3_URL; each test creates its own buckets there and points STORAGES at
them through elearning.settings.storage.storages_from_env, the function production
settings use. Without the server these tests skip, and fail under `make test`
(core.tests.installed). The rest of the suite stays on local disk.
"""

import io
import json
import os
import uuid
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db.models import FileField
from django.urls import reverse
from django.utils.http import http_date

from accounts.tests.factories import UserFactory
from certificates.models import Attestation
from certificates.tests.factories import complete_module
from core.tests.installed import required
from courses.constants import PackageStatus
from courses.h5p.packages import h5p_package_extract, h5p_package_prepare, h5p_upload_check
from courses.models import H5PPackage
from elearning.settings.storage import storages_from_env
from placements import services as placement_services
from placements.tests.factories import (
    InstitutionFactory,
    OfferFactory,
    SlotFactory,
    host,
    request_for,
)

from .h5p_builders import build_h5p, fixture_json, needs_npm_fixtures
from .h5p_uploads import upload_package
from .test_scorm_packages import egide_zip, golf_zip, store

S3_URL = os.environ.get("EGIDE_TEST_S3_URL", "")
_REASON = "S3 server missing (EGIDE_TEST_S3_URL): run through scripts/with-services.sh"
if not S3_URL and required():
    pytest.fail(_REASON, pytrace=False)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not S3_URL, reason=_REASON),
    needs_npm_fixtures(),
]

TRUE_FALSE = "H5P.TrueFalse-1.6"
REGION = "eu-west-3"


def _client():
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=S3_URL,
        aws_access_key_id="egide-test",
        aws_secret_access_key="egide-test",
        region_name=REGION,
    )


@pytest.fixture
def s3(settings, tmp_path):
    """STORAGES on two fresh buckets of the S3 server, as production settings build them.

    Model fields resolve their `storage=` callable once, at import: the file fields
    of every model are pointed at the new storages for the test, then back.
    """
    client = _client()
    suffix = uuid.uuid4().hex[:12]
    private, public = f"egide-private-{suffix}", f"egide-public-{suffix}"
    for bucket in (private, public):
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
    environment = {
        "AWS_S3_ENDPOINT_URL": S3_URL,
        "AWS_ACCESS_KEY_ID": "egide-test",
        "AWS_SECRET_ACCESS_KEY": "egide-test",
        "AWS_S3_REGION_NAME": REGION,
        "AWS_STORAGE_BUCKET_NAME": public,
        "AWS_PRIVATE_BUCKET_NAME": private,
    }
    settings.STORAGES = storages_from_env(
        lambda name, default=None: environment.get(name, default), private_root=tmp_path
    )
    fields = [
        field
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, FileField) and hasattr(field, "_storage_callable")
    ]
    before = [field.storage for field in fields]
    for field in fields:
        field.storage = field._storage_callable()

    def keys(prefix: str = "", bucket: str = private) -> list[str]:
        pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    yield SimpleNamespace(client=client, private=private, public=public, keys=keys)
    for field, storage in zip(fields, before, strict=True):
        field.storage = storage
    for bucket in (private, public):
        for key in keys(bucket=bucket):
            client.delete_object(Bucket=bucket, Key=key)
        client.delete_bucket(Bucket=bucket)


def _body(client, bucket: str, key: str) -> bytes:
    return client.get_object(Bucket=bucket, Key=key)["Body"].read()


def _streamed(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_settings_put_private_and_public_files_in_their_buckets(s3, tmp_path):
    assert storages["private"].bucket_name == s3.private
    assert storages["default"].bucket_name == s3.public
    # Private links are signed and short-lived; public media are plain URLs.
    private_url = storages["private"].url("a/b.pdf")
    assert "X-Amz-Signature=" in private_url and "X-Amz-Expires=300" in private_url
    assert "X-Amz-Signature" not in storages["default"].url("original_images/a.png")
    # Two uploads with the same name keep both: nothing is overwritten by accident.
    first = storages["private"].save("conventions/convention.pdf", ContentFile(b"%PDF-1"))
    second = storages["private"].save("conventions/convention.pdf", ContentFile(b"%PDF-2"))
    assert first != second
    assert _body(s3.client, s3.private, first) == b"%PDF-1"
    assert list(tmp_path.iterdir()) == []  # nothing on the local disk


def test_an_h5p_package_is_extracted_into_the_bucket_and_played_from_it(
    s3, client, superuser, learner, tmp_path
):
    package = upload_package(user=superuser)

    assert package.status == PackageStatus.READY, package.error
    keys = s3.keys("h5p/")
    assert package.file.name in keys  # the upload itself
    content = f"h5p/content/{package.pk}/"
    assert f"{content}h5p.json" in keys and f"{content}content/content.json" in keys
    assert f"h5p/libraries/{TRUE_FALSE}/library.json" in keys
    assert not any(".lock" in key for key in keys)  # the install lock is in the database
    assert list(tmp_path.iterdir()) == []

    script = fixture_json(f"{TRUE_FALSE}/library.json")["preloadedJs"][0]["path"]
    client.force_login(learner)
    response = client.get(reverse("courses:h5p_file", args=[f"libraries/{TRUE_FALSE}/{script}"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "private, max-age=3600"
    key = f"h5p/libraries/{TRUE_FALSE}/{script}"
    assert _streamed(response) == _body(s3.client, s3.private, key)
    assert int(response["Content-Length"]) == len(_body(s3.client, s3.private, key))

    url = reverse("courses:h5p_file", args=[f"content/{package.pk}/content/content.json"])
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert _streamed(response) == _body(s3.client, s3.private, f"{content}content/content.json")
    # The browser's copy is still good: 304, no body.
    again = client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == 304

    for refused in (
        f"content/{package.pk}/absent.json",  # no such key
        f"uploads/{package.file.name.rpartition('/')[2]}",  # the upload is not served
        f"content/{package.pk}/../{package.pk}/h5p.json",
        f"libraries/{TRUE_FALSE}/library.php",  # extension outside the allow-list
    ):
        assert client.get(reverse("courses:h5p_file", args=[refused])).status_code == 404

    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_replacing_an_h5p_package_deletes_its_former_keys(s3, superuser):
    first = build_h5p(replace={"content/images/ancienne.png": b"\x89PNG old"})
    package = upload_package(user=superuser, archive=first)
    old_key = f"h5p/content/{package.pk}/content/images/ancienne.png"
    assert old_key in s3.keys()

    data = build_h5p(replace={"content/images/nouvelle.png": b"\x89PNG new"}).getvalue()
    validated = h5p_upload_check(fileobj=io.BytesIO(data), filename="v2.h5p", user=superuser)
    h5p_package_prepare(package=package, validated=validated, user=superuser)
    package.file.save("v2.h5p", ContentFile(data), save=True)
    package = h5p_package_extract(package=package)

    assert package.status == PackageStatus.READY, package.error
    keys = s3.keys(f"h5p/content/{package.pk}/")
    assert old_key not in keys
    assert f"h5p/content/{package.pk}/content/images/nouvelle.png" in keys


def test_deleting_an_h5p_package_deletes_its_content_but_keeps_shared_libraries(
    s3, superuser, django_capture_on_commit_callbacks
):
    package = upload_package(user=superuser)
    upload, pk = package.file.name, package.pk
    with django_capture_on_commit_callbacks(execute=True):
        H5PPackage.objects.filter(pk=pk).get().delete()
    keys = s3.keys()
    assert upload not in keys
    assert not [key for key in keys if key.startswith(f"h5p/content/{pk}/")]
    assert f"h5p/libraries/{TRUE_FALSE}/library.json" in keys


def test_a_library_upgrade_in_the_bucket_replaces_its_files(s3, superuser):
    upload_package(user=superuser)
    key = f"h5p/libraries/{TRUE_FALSE}/library.json"
    library_json = fixture_json(f"{TRUE_FALSE}/library.json")
    # A package bringing the same library one patch version up.
    newer = {**library_json, "patchVersion": int(library_json["patchVersion"]) + 1}
    package = upload_package(
        user=superuser, archive=build_h5p(replace={f"{TRUE_FALSE}/library.json": newer})
    )
    assert package.status == PackageStatus.READY, package.error
    assert json.loads(_body(s3.client, s3.private, key))["patchVersion"] == newer["patchVersion"]


def test_a_scorm_package_is_extracted_into_the_bucket_and_played_from_it(
    s3, client, editor, learner, tmp_path
):
    package = store(egide_zip(), user=editor, filename="reperer-orienter.zip")

    assert package.status == PackageStatus.READY, package.error
    keys = s3.keys(f"scorm/{package.pk}/")
    assert f"scorm/{package.pk}/imsmanifest.xml" in keys
    launch = package.manifest["scos"][0]["launch_url"].split("?")[0]
    assert f"scorm/{package.pk}/{launch}" in keys
    assert list(tmp_path.iterdir()) == []

    client.force_login(learner)
    url = reverse("courses:scorm_file", args=[package.pk, launch])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert _streamed(response) == _body(s3.client, s3.private, f"scorm/{package.pk}/{launch}")
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=http_date()).status_code == 304
    missing = reverse("courses:scorm_file", args=[package.pk, "absent.html"])
    assert client.get(missing).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302

    # Replaced by another package: the former files' keys go.
    store(golf_zip(), user=editor, filename="golf.zip", package=package)
    package.refresh_from_db()
    assert package.status == PackageStatus.READY, package.error
    keys_after = s3.keys(f"scorm/{package.pk}/")
    assert f"scorm/{package.pk}/{launch}" not in keys_after
    assert f"scorm/{package.pk}/imsmanifest.xml" in keys_after


def test_an_attestation_on_s3_downloads_for_its_holder_only(s3, client, learner):
    complete_module(learner, title="Prostitution des mineur·es")
    attestation = Attestation.objects.get(user=learner)

    assert attestation.pdf.name in s3.keys()
    client.force_login(learner)
    response = client.get(reverse("certificates:download", args=[attestation.code]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert _streamed(response) == _body(s3.client, s3.private, attestation.pdf.name)
    client.force_login(UserFactory())
    response = client.get(reverse("certificates:download", args=[attestation.code]))
    assert response.status_code == 404


def test_a_convention_on_s3_downloads_for_the_parties_only(s3, client):
    manager = host(email="accueil@ch-lens.exemple.fr")
    institution = InstitutionFactory(name="Centre hospitalier de Lens", managers=[manager])
    slot = SlotFactory(offer=OfferFactory(institution=institution, title="Urgences"), seats=2)
    professional = UserFactory()
    placement = request_for(professional, slot)
    placement = placement_services.request_accept(request_id=placement.pk, by=manager)

    assert placement.convention.name in s3.keys()
    url = reverse("placements:convention", args=[placement.pk])
    for party in (professional, manager):
        client.force_login(party)
        response = client.get(url)
        assert response.status_code == 200, party
        body = _streamed(response)
        assert body.startswith(b"%PDF")
        assert body == _body(s3.client, s3.private, placement.convention.name)
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
