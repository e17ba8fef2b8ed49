"""Wagtail admin: every chooser and every snippet view follows the model's permission policy.

Snippets and choosers are read from Wagtail's registries, not listed by hand: a new
snippet is requested as every role without editing this file (it only needs a sample
row in SAMPLES, which a test demands). A role may get a 200 only where the model's
permission policy gives it one of the actions the view asks for; a refused response
never carries a holder's name, an attestation code or the row's label.
"""

import html
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.coreutils import resolve_model_string
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.views.chooser import SnippetChooserViewSet

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from core.admin_viewsets import LISTING_ACTIONS

pytestmark = pytest.mark.django_db

ROLES = [
    "anonyme",
    Role.LEARNER,
    Role.TRAINER,
    Role.HOST,
    Role.EDITOR,
    Role.DDFE,
    Role.REGIONAL,
    Role.NATIONAL,
    Role.UNIT_MANAGER,
    Role.ADMIN,
]
# Names with no accent, so they read the same in HTML, in JSON and in a redirect.
HOLDER = {"first_name": "Ysaline", "last_name": "Titulairesecrete"}
APPLICANT = {"first_name": "Oriane", "last_name": "Demandeusesecrete"}


def _topic():
    from courses.models import Topic

    return Topic.objects.create(name="Theme Ciblesecret", slug="theme-ciblesecret")


def _institution():
    from placements.tests.factories import InstitutionFactory

    return InstitutionFactory(name="Structure Ciblesecret")


def _h5p_package():
    from courses.tests import factories as course_factories

    return course_factories.true_false_package(title="Activite Ciblesecret")


def _scorm_package():
    from courses.tests import factories as course_factories

    return course_factories.scorm_package(title="Paquet Ciblesecret")


def _lrs_partner():
    from lrs.tests import factories as lrs_factories

    return lrs_factories.partner(name="Partenaire Ciblesecret")


def _quiz():
    from quizzes.tests import factories as quiz_factories

    return quiz_factories.three_question_quiz(title="Quiz Ciblesecret")


def _questionnaire():
    from quizzes.models import Questionnaire

    return Questionnaire.objects.create(title="Questionnaire Ciblesecret")


def _attestation():
    from certificates import services

    return services.attestation_issue(
        user=UserFactory(**HOLDER),
        source="module-completion:1",
        subject="module:1",
        title="Formation Ciblesecret",
        kind="formation",
        completed_at=timezone.now(),
    )


def _event():
    from events.tests.factories import EventFactory

    return EventFactory(title="Soiree Ciblesecret")


def _offer():
    from placements.tests.factories import OfferFactory

    return OfferFactory(title="Offre Ciblesecret")


def _placement_request():
    from placements.tests.factories import OfferFactory, SlotFactory, request_for

    slot = SlotFactory(offer=OfferFactory(title="Stage Ciblesecret"))
    return request_for(UserFactory(**APPLICANT), slot)


def _plan_rows():
    from indicators import services
    from indicators.tests.test_plans import SMALL

    return services.plan_load(data={**SMALL, "name": "Plan Ciblesecret"})


def _plan():
    return _plan_rows()


def _fiche():
    return _plan_rows().fiches.get()


def _indicator():
    return _plan_rows().indicators.order_by("rank").first()


# One row of each snippet model, its label chosen so a leak is easy to spot.
SAMPLES = {
    "courses.Topic": _topic,
    "accounts.Institution": _institution,
    "courses.H5PPackage": _h5p_package,
    "courses.ScormPackage": _scorm_package,
    "lrs.Partner": _lrs_partner,
    "quizzes.Quiz": _quiz,
    "quizzes.Questionnaire": _questionnaire,
    "certificates.Attestation": _attestation,
    "events.Event": _event,
    "placements.Offer": _offer,
    "placements.PlacementRequest": _placement_request,
    "indicators.Plan": _plan,
    "indicators.Fiche": _fiche,
    "indicators.Indicator": _indicator,
}


def _person(role):
    if role == "anonyme":
        return None
    return UserFactory(role=None if role == Role.LEARNER else role)


def _allowed(user, model, actions) -> bool:
    """What the policy says: admin access and one of the actions the view asks for."""
    if user is None or not user.has_perm("wagtailadmin.access_admin"):
        return False
    return policy_registry.get_by_type(model).user_has_any_permission(user, list(actions))


def _secrets(instance) -> set[str]:
    secrets = {str(instance)}
    for name in ("code", "holder_name", "reference"):
        if getattr(instance, name, ""):
            secrets.add(str(getattr(instance, name)))
    if getattr(instance, "user_id", None):
        secrets.add(instance.user.last_name)
    return secrets


def _text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


def _snippet_urls(model, instance) -> list[tuple[str, tuple[str, ...], bool]]:
    """(url, actions of which the view asks one, whether it lists the row by its label)
    for each of a snippet's admin views and chooser views."""
    viewset = model.snippet_viewset
    pk = instance.pk
    listing = reverse(viewset.get_url_name("list"))
    urls = [
        (listing, LISTING_ACTIONS, False),
        (reverse(viewset.get_url_name("list_results")), LISTING_ACTIONS, False),
        (listing + "?export=csv", LISTING_ACTIONS, False),
        (listing + "?export=xlsx", LISTING_ACTIONS, False),
        (reverse(viewset.get_url_name("history"), args=[pk]), ("add", "change", "delete"), False),
        (reverse(viewset.get_url_name("usage"), args=[pk]), ("change",), False),
    ]
    if viewset.inspect_view_enabled:
        urls.append((reverse(viewset.get_url_name("inspect"), args=[pk]), LISTING_ACTIONS, False))
    chooser = viewset.chooser_viewset
    urls += [
        (reverse(chooser.get_url_name("choose")), LISTING_ACTIONS, True),
        (reverse(chooser.get_url_name("choose_results")), LISTING_ACTIONS, True),
        (reverse(chooser.get_url_name("chosen"), args=[pk]), LISTING_ACTIONS, True),
        (reverse(chooser.get_url_name("chosen_multiple")) + f"?id={pk}", LISTING_ACTIONS, True),
        (reverse(chooser.get_url_name("create")), ("add",), False),
    ]
    return urls


def test_every_snippet_has_a_sample_row():
    """A snippet added to the project must come with a sample here to be requested."""
    labels = {model._meta.label for model in get_snippet_models()}
    assert labels - set(SAMPLES) == set()


def test_the_reported_leaks_are_refusals_in_the_policy(editor, administrator):
    """Editors have no right on attestations, requests, institutions, events, offers or
    plans; administrators see them all. The parametrised test trusts the policy for the
    rest, so what the audit found is written down here."""
    from certificates.models import Attestation
    from indicators.models import Plan
    from placements.models import PlacementRequest
    from quizzes.models import Quiz

    for model in (Attestation, PlacementRequest, Plan):
        assert not _allowed(editor, model, LISTING_ACTIONS)
        assert _allowed(administrator, model, LISTING_ACTIONS)
    assert _allowed(editor, Quiz, LISTING_ACTIONS)


@pytest.mark.parametrize("role", ROLES)
def test_snippet_views_and_choosers_answer_only_to_permitted_roles(client, role):
    samples = {model: SAMPLES[model._meta.label]() for model in get_snippet_models()}
    user = _person(role)
    if user is not None:
        client.force_login(user)
    problems = []
    for model, instance in samples.items():
        secrets = _secrets(instance)
        for url, actions, shows_row in _snippet_urls(model, instance):
            response = client.get(url)
            allowed = _allowed(user, model, actions)
            text = _text(response)
            if allowed and response.status_code != 200:
                problems.append(f"{url}: {response.status_code}, 200 expected")
            elif not allowed:
                if response.status_code not in (302, 403, 404):
                    problems.append(f"{url}: {response.status_code}, refusal expected")
                problems += [f"{url}: shows {s!r}" for s in secrets if s in text]
            elif shows_row and str(instance) not in text:
                problems.append(f"{url}: the chooser does not list {instance}")
    # Nor do the admin's menu and snippet index lead to a listing the role may not see.
    if user is not None and user.has_perm("wagtailadmin.access_admin"):
        pages = _text(client.get(reverse("wagtailadmin_home")))
        pages += _text(client.get(reverse("wagtailsnippets:index")))
        for model in samples:
            listing = reverse(model.snippet_viewset.get_url_name("list"))
            if listing in pages and not _allowed(user, model, LISTING_ACTIONS):
                problems.append(f"the admin links to {listing}")
    assert problems == []


@pytest.mark.parametrize("role", ROLES)
def test_other_choosers_answer_only_to_permitted_roles(client, role):
    """Wagtail's own choosers: documents and images (ChooserViewSets, their policy's
    "choose" per collection), pages and workflow tasks (for anyone in the admin)."""
    user = _person(role)
    if user is not None:
        client.force_login(user)
    urls = []
    for viewset in viewsets.viewsets:
        if isinstance(viewset, ChooserViewSet) and not isinstance(viewset, SnippetChooserViewSet):
            allowed = _allowed(user, resolve_model_string(viewset.model), ["choose"])
            urls += [
                (reverse(viewset.get_url_name("choose")), allowed),
                (reverse(viewset.get_url_name("choose_results")), allowed),
            ]
    in_admin = user is not None and user.has_perm("wagtailadmin.access_admin")
    urls += [
        (reverse("wagtailadmin_choose_page"), in_admin),
        (reverse("wagtailadmin_workflows:task_chooser"), in_admin),
    ]
    problems = []
    for url, allowed in urls:
        status = client.get(url).status_code
        if (status == 200) != allowed or status >= 500:
            problems.append(f"{url}: {status}, {'200' if allowed else 'a refusal'} expected")
    assert problems == []


def test_the_event_chooser_shows_only_the_listings_events(client):
    """The chooser shows the rows the listing shows: for an organiser let into the
    admin, her own events (EventViewSet.get_queryset), not another organiser's."""
    from django.contrib.auth.models import Permission

    from events.tests.factories import EventFactory, organiser

    trainer = organiser()
    trainer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    own = EventFactory(title="Soiree Personnelle", organisers=[trainer])
    other = EventFactory(title="Soiree Ciblesecret", organisers=[organiser()])
    client.force_login(trainer)
    chooser = own.snippet_viewset.chooser_viewset

    results = _text(client.get(reverse(chooser.get_url_name("choose_results"))))
    assert "Soiree Personnelle" in results
    assert "Soiree Ciblesecret" not in results
    chosen = client.get(reverse(chooser.get_url_name("chosen"), args=[own.pk]))
    assert chosen.json()["result"]["id"] == str(own.pk)
    assert client.get(reverse(chooser.get_url_name("chosen"), args=[other.pk])).status_code == 404
    several = client.get(
        reverse(chooser.get_url_name("chosen_multiple")) + f"?id={own.pk}&id={other.pk}"
    )
    assert [row["id"] for row in several.json()["result"]] == [str(own.pk)]


def test_a_malformed_identifier_in_a_chooser_is_a_404_not_a_500(client, administrator):
    from courses.models import Topic

    client.force_login(administrator)
    chooser = Topic.snippet_viewset.chooser_viewset
    assert client.get(reverse(chooser.get_url_name("chosen"), args=["abc"])).status_code == 404
    several = client.get(reverse(chooser.get_url_name("chosen_multiple")) + "?id=abc&id=")
    assert several.status_code == 200
    assert several.json()["result"] == []


def test_the_plan_and_indicator_choosers_show_only_the_territorys_rows(client):
    """A DDFE let into the admin with the right to see plans chooses only the plans and
    indicators of her départements (indicators.wagtail_hooks: the viewsets' querysets)."""
    from django.contrib.auth.models import Permission

    from indicators import services
    from indicators.models import Indicator, Plan
    from indicators.tests.test_plans import SMALL

    nord = services.plan_load(data={**SMALL, "code": "NORD-2024", "departement": "59"})
    pdc = services.plan_load(data={**SMALL, "code": "PDC-2024", "departement": "62"})
    ddfe = UserFactory(role=Role.DDFE, delegated=["59"])
    ddfe.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_plan", "view_indicator"])
    )
    client.force_login(ddfe)

    for model, own, other in (
        (Plan, nord, pdc),
        (Indicator, nord.indicators.first(), pdc.indicators.first()),
    ):
        chooser = model.snippet_viewset.chooser_viewset
        results = _text(client.get(reverse(chooser.get_url_name("choose_results"))))
        assert own.code in results and other.code not in results
        chosen = reverse(chooser.get_url_name("chosen"), args=[other.pk])
        assert client.get(chosen).status_code == 404
