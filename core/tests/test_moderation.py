"""Approving a page in the CMS says so (issue 20, point 13): Wagtail itself is silent
when a step is approved from the dashboard's review panel."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from core.models import HomePage

pytestmark = pytest.mark.django_db


def _submit_for_moderation(page, user):
    revision = page.save_revision(user=user)
    workflow = page.get_workflow()
    assert workflow is not None, "Wagtail's default moderation workflow is on the root"
    workflow.start(page, user)
    return revision


def test_approving_the_last_step_confirms_the_page_is_published(client, editor, superuser):
    home = HomePage.objects.get()
    _submit_for_moderation(home, editor)
    home.refresh_from_db()
    task_state = home.current_workflow_task_state

    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:workflow_action", args=[home.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")

    assert response.status_code == 200
    texts = [str(message) for message in get_messages(response.wsgi_request)]
    assert texts == [f"« {home.get_admin_display_title()} » est approuvée et publiée."]


def test_the_cms_root_page_and_collection_are_named_in_french():
    from wagtail.models import Collection, Page

    assert Page.objects.get(depth=1).get_admin_display_title() == "Racine"
    assert Collection.get_first_root_node().name == "Racine"


def test_the_cms_dashboard_and_explorer_have_no_english_left_by_wagtail(client, superuser):
    home = HomePage.objects.get()
    client.force_login(superuser)

    dashboard = client.get("/cms/").content.decode()
    assert 'value="Rechercher"' in dashboard and 'value="Search"' not in dashboard
    explorer = client.get(reverse("wagtailadmin_explore", args=[home.get_parent().pk])).content
    assert "Statut actuel de la page" in explorer.decode()
    assert "Status actuel" not in explorer.decode()
