"""The objects and people the URL access table (tests/test_url_access.py) is played on.

One person per role, and every object belongs to someone who is none of them: another
learner's enrolment, attempt, attestation, registration, calendar feed and placement
request; another organiser's event and session (with that organiser's attestation
archive); another host's institution, offer and slot; another DDFE's report export and
API key. So a role that reaches an object here reaches someone else's.

Territories: the plan is the Pas-de-Calais' (62), the DDFE follows the Pas-de-Calais,
the regional delegate the Hauts-de-France (32, which holds it) and the national service
the whole country. Beside the columns, `world.outsiders` holds the people of other
territories (the Nord DDFE, the Île-de-France delegate), each with an export of the
plan of her own, ready, as if made while her delegation covered it: the
cross-territory table asks every door of the plan as them.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from assignments import services as assignment_services
from certificates import services as certificate_services
from certificates.constants import Kind as AttestationKind
from core.rejected_lines import rejected_lines_keep
from courses import services as course_services
from courses.models import ModulePage
from courses.tests import factories as course_factories
from events import services as event_services
from events.tests.factories import EventFactory, SessionFactory, organiser
from indicators import services as indicator_services
from indicators.constants import ExportFormat, ExportStatus
from placements import services as placement_services
from placements.tests.factories import InstitutionFactory, OfferFactory, SlotFactory, request_for
from placements.tests.factories import host as host_user
from quizzes import services as quiz_services
from quizzes.models import Questionnaire, QuestionnaireItem
from quizzes.tests import factories as quiz_factories

# The columns of the table, in the order its messages list them.
ROLES = (
    "anonymous",
    "learner",
    "trainer",
    "host",
    "editor",
    "ddfe",
    "regional",
    "national",
    "unit_manager",
    "admin",
    "superuser",
)

PLAN = {
    "code": "ACCES-2024",
    "name": "Plan d'essai des accès",
    "territory": "Pas-de-Calais (62)",
    "departement": "62",
    "period_start": "2024-01-01",
    "period_end": "2027-12-31",
    "axes": [
        {
            "number": "1",
            "title": "Former",
            "fiches": [
                {
                    "number": "1.2",
                    "title": "Former les professionnel·les",
                    "indicators": [
                        {"label": "Nombre de personnes formées", "measure": "people_trained"},
                    ],
                }
            ],
        }
    ],
}


@dataclass
class World:
    users: dict = field(default_factory=dict)  # role → the person playing it (None: anonymous)
    owner: object = None  # the other learner
    module: object = None
    lesson: object = None
    package: object = None
    quiz: object = None
    questionnaire: object = None
    attempt: object = None
    attestation: object = None
    archive: object = None
    event: object = None
    session: object = None
    registration: object = None
    feed: object = None
    institution: object = None
    offer: object = None
    slot: object = None
    placement: object = None
    assignment: object = None
    plan: object = None
    indicator: object = None
    export: object = None
    api_token: object = None
    rejected_lines: object = None  # the rejected lines of an import made by someone else
    clients: dict = field(default_factory=dict)  # role → its signed-in test client
    # People of other territories (cross-territory table): name → person, and their
    # own ready export of the plan, their API key.
    outsiders: dict = field(default_factory=dict)
    exports: dict = field(default_factory=dict)  # person's name → her export of the plan
    keys: dict = field(default_factory=dict)  # person's name → her clear API key


def build() -> World:
    """Create the people and the objects; nothing here belongs to a role's person."""
    world = World()
    staff = {"profession": "agent_collectivite", "employer": "Préfecture du Pas-de-Calais"}
    unit_institution = InstitutionFactory(name="Commissariat de Béthune")
    world.users = {
        "anonymous": None,
        "learner": UserFactory(),
        "trainer": organiser(),
        "host": host_user(),
        "editor": UserFactory(role=Role.EDITOR, **staff),
        "ddfe": UserFactory(role=Role.DDFE, delegated=["62"], **staff),
        "regional": UserFactory(role=Role.REGIONAL, delegated=["32"], **staff),
        "national": UserFactory(role=Role.NATIONAL, **staff),
        "unit_manager": UserFactory(role=Role.UNIT_MANAGER, **staff),
        "admin": UserFactory(role=Role.ADMIN, **staff),
        "superuser": UserFactory(is_superuser=True, is_staff=True, **staff),
    }
    # The host and the unit manager manage an institution of their own, not the offer's.
    InstitutionFactory(name="Hôpital de Béthune", managers=[world.users["host"]])
    unit_institution.managers.set([world.users["unit_manager"]])

    # A distinctive address: the test looks for it in every page.
    owner = world.owner = UserFactory(
        email="autre.apprenante@exemple.fr", first_name="Autre", last_name="Apprenante"
    )
    other_organiser = organiser(first_name="Autre", last_name="Organisatrice")
    other_host = host_user(first_name="Autre", last_name="Accueillante")
    other_ddfe = UserFactory(role=Role.DDFE, **staff)

    # A module with a lesson holding an H5P activity, a final quiz and a questionnaire.
    world.quiz = quiz_factories.three_question_quiz(available_alone=False)
    world.questionnaire = Questionnaire.objects.create(title="Votre avis")
    QuestionnaireItem.objects.create(
        questionnaire=world.questionnaire, text="Les contenus me servent.", sort_order=0
    )
    module = course_factories.module(title="Module des accès", lessons=0)
    ModulePage.objects.filter(pk=module.pk).update(
        final_quiz=world.quiz, satisfaction_questionnaire=world.questionnaire
    )
    world.module = ModulePage.objects.get(pk=module.pk)
    world.package = course_factories.true_false_package()
    world.lesson = course_factories.lesson(
        module_page=world.module, title="Leçon des accès", packages=[world.package]
    )
    course_services.enrolment_create(user=owner, module=world.module)
    world.attempt = quiz_services.attempt_start(
        quiz=world.quiz, user=owner, context=f"module:{world.module.pk}"
    )
    world.attestation = certificate_services.attestation_issue(
        user=owner,
        source=f"module-completion:{world.module.pk}",
        subject=f"module:{world.module.pk}",
        title=world.module.title,
        kind=AttestationKind.SENSIBILISATION,
        completed_at=timezone.now(),
    )

    # Another organiser's event and session, where the other learner is registered.
    world.event = EventFactory(organisers=[other_organiser])
    world.session = SessionFactory(event=world.event)
    world.registration = event_services.registration_create(session=world.session, user=owner)
    world.feed = event_services.calendar_feed_reset(user=owner)
    world.archive = certificate_services.archive_request(
        user=other_organiser, subject=f"module:{world.module.pk}"
    )

    # Another host's institution, offer and slot, where the other learner asked for a place.
    world.institution = InstitutionFactory(name="CH de Valenciennes", managers=[other_host])
    world.offer = OfferFactory(institution=world.institution)
    world.slot = SlotFactory(offer=world.offer)
    world.placement = request_for(owner, world.slot)
    # Accepted, with its convention printed (the task queued on commit never runs here).
    placement_services.request_accept(request_id=world.placement.pk, by=other_host)
    placement_services.convention_generate(request_id=world.placement.pk)
    # The other learner works there: their mandatory training is that unit's.
    owner.institution = world.institution
    owner.save(update_fields=["institution"])

    # A plan, an assignment, another DDFE's export and API key.
    world.plan = indicator_services.plan_load(data=PLAN)
    world.indicator = world.plan.indicators.get()
    world.export = indicator_services.report_export_request(
        user=other_ddfe,
        plan=world.plan,
        export_format=ExportFormat.XLSX,
        start=date(2024, 1, 1),
        end=date(2024, 12, 31),
    )
    world.api_token, _key = indicator_services.api_token_create(user=other_ddfe, name="Tableaux")
    world.rejected_lines = rejected_lines_keep(
        owner=other_ddfe, header=["Ligne", "Motif"], rows=[[2, owner.email]]
    )
    world.outsiders = {
        "ddfe_nord": UserFactory(
            role=Role.DDFE, departement="59", arrondissement="595", delegated=["59"], **staff
        ),
        "regional_idf": UserFactory(
            role=Role.REGIONAL, departement="75", arrondissement="", delegated=["11"], **staff
        ),
    }
    territorial = {name: world.users[name] for name in ("ddfe", "regional", "national", "admin")}
    for name, person in {**world.outsiders, **territorial}.items():
        export = indicator_services.report_export_request(
            user=person,
            plan=world.plan,
            export_format=ExportFormat.XLSX,
            start=date(2024, 1, 1),
            end=date(2024, 12, 31),
        )
        export.file.save("indicateurs.xlsx", ContentFile(b"PK"), save=False)
        export.status = ExportStatus.READY
        export.save()
        world.exports[name] = export
        _token, world.keys[name] = indicator_services.api_token_create(user=person, name="Clé")
    world.assignment = assignment_services.assignment_create(
        by=other_ddfe,
        title="Module obligatoire des accès",
        modules=[world.module],
        professions=["police_nationale"],
        arrondissements=["627"],  # Lens: in the territories of every reporting column
        due_days=60,
    )
    return world
