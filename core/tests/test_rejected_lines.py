"""Rejected lines of an import: the first 100 on the page, all of them in a CSV that
only the person who imported may download, for 24 hours."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.tests.factories import UserFactory
from core.owned_files import owned_files_purge
from core.rejected_lines import rejected_lines_file, rejected_lines_keep

from .spreadsheet_checks import PAYLOAD, assert_csv_neutralised, csv_cells

pytestmark = pytest.mark.django_db


def _keep(owner, count=150):
    return rejected_lines_keep(
        owner=owner,
        header=["Ligne", "Adresse électronique", "Motif"],
        rows=[[line, PAYLOAD, "adresse invalide"] for line in range(2, count + 2)],
    )


def test_the_page_gets_the_first_100_and_the_owner_downloads_them_all(client):
    owner = UserFactory()
    report = _keep(owner)
    assert (len(report.first), report.total, report.more) == (100, 150, 50)
    client.force_login(owner)
    response = client.get(report.url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="lignes-rejetees.csv"'
    content = b"".join(response.streaming_content)
    assert csv_cells(content)[:3] == ["Ligne", "Adresse électronique", "Motif"]
    assert content.decode("utf-8-sig").count("\r\n") == 151
    assert_csv_neutralised(content)  # the file is a spreadsheet too


def test_nobody_else_may_download_them(client):
    report = _keep(UserFactory())
    assert client.get(report.url).status_code == 302  # to the login page
    client.force_login(UserFactory(role="administrateur"))
    assert client.get(report.url).status_code == 404


def test_they_are_kept_24_hours(client):
    owner = UserFactory()
    report = _keep(owner, count=1)
    client.force_login(owner)
    assert client.get(report.url).status_code == 200
    later = timezone.now() + timedelta(hours=25)
    assert rejected_lines_file(owner=owner, token=report.token, now=later) is None
    assert owned_files_purge(now=later) >= 1
    assert client.get(report.url).status_code == 404  # deleted
    assert rejected_lines_keep(owner=owner, header=["Ligne"], rows=[]) is None
