"""Crafted input never makes the server fail: property-based fuzzing (hypothesis).

Each test builds what a page needs once, reads the forms the page really shows
(field names, options, file inputs) and posts variations a browser would never
send: control characters, huge or non-French text, numbers where text is expected,
fields missing, repeated or added, random bytes as files. Whatever is refused must
be refused with a 4xx and a message; a 5xx, or an exception escaping a view, fails
the test. The JSON endpoints get arbitrary JSON and mutations of a valid statement.

Examples are generated from a fixed seed (`derandomize`) and bounded, so a run is
reproducible and short. Examples of one test share its database rows on purpose: a
form posted after a successful one meets the "already done" paths too. The inner
`@given` functions take no pytest fixture, so hypothesis's function-scoped-fixture
health check has nothing to warn about.
"""

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assignments.models import Assignment
from courses import services as course_services
from courses.models import ModuleCompletion, ModulePage
from courses.tests import factories as course_factories
from events.tests.factories import EventFactory, SessionFactory, organiser
from placements.tests.factories import InstitutionFactory, SlotFactory, host
from quizzes.models import Questionnaire, QuestionnaireItem
from quizzes.tests import factories as quiz_factories

pytestmark = pytest.mark.django_db

FORM_EXAMPLES = 12
JSON_EXAMPLES = 60


def fuzz_settings(examples: int = FORM_EXAMPLES):
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        print_blob=False,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


# Values a browser would not send ------------------------------------------------------

_NASTY = [
    "",
    " ",
    "\x00",
    "\r\n",
    "Ligne 1\nLigne 2\x0b\x1b[31m\u2028",
    "0",
    "-1",
    "1e309",
    "NaN",
    "9" * 40,
    "²" * 11,  # isdigit() but not int()
    "module:²",
    "2024-02-30",
    "31/12/2025",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%s%(x)s{0}",
    "😀 é ß 中文 \u202e",
    "x" * 100_000,
]
nasty_text = st.one_of(
    st.sampled_from(_NASTY),
    st.text(max_size=30),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
_FILENAMES = [
    "liste.csv",
    "banque.gift",
    "banque.txt",
    "tableau.xlsx",
    "tableau.ods",
    "sans",
    "é.CSV",
]
_CONTENTS = [
    b"",
    b"\xff\xfe\x00\x00",
    b"PK\x03\x04" + b"\x00" * 40,
    "nom;prénom;courriel\nDupont;Léa;lea@exemple.fr\n".encode("latin-1"),
    b"email\n" + b"a@b.fr\n" * 200,
    b"=cmd|' /C calc'!A0;@SUM(1)\n",
]
random_file = st.builds(
    lambda name, content: SimpleUploadedFile(name, content),
    st.sampled_from(_FILENAMES),
    st.one_of(
        st.sampled_from(_CONTENTS),
        st.binary(max_size=2000),
        # Text that looks like the expected formats: separators, quotes, formulas, GIFT marks.
        st.text(alphabet=';,\t\r\n"=@+-éa1 {}~#:%$/\\[]>', max_size=400).map(str.encode),
    ),
)


@dataclass
class Form:
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)


class _FormReader(HTMLParser):
    """The POST forms of a page: their action, fields and the values the page offers."""

    def __init__(self, page_url: str):
        super().__init__()
        self.page_url = page_url
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if (attrs.get("method") or "get").lower() == "post":
                self._form = Form(action=attrs.get("action") or self.page_url)
                self.forms.append(self._form)
            return
        form, name = self._form, attrs.get("name")
        if form is None or not name or name == "csrfmiddlewaretoken":
            return
        if tag == "input":
            if (attrs.get("type") or "").lower() == "file":
                form.files.add(name)
            else:
                form.fields.setdefault(name, []).append(attrs.get("value") or "on")
        elif tag == "select":
            self._select = name
            form.fields.setdefault(name, [])
        elif tag == "textarea":
            form.fields.setdefault(name, []).append("Texte de la zone.")
        elif tag == "button" and attrs.get("value"):
            form.fields.setdefault(name, []).append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


class _OptionReader(_FormReader):
    def handle_starttag(self, tag, attrs):
        if tag == "option" and self._form is not None and self._select:
            value = dict(attrs).get("value")
            if value:
                self._form.fields[self._select].append(value)
            return
        super().handle_starttag(tag, attrs)


def forms_of(client: Client, url: str) -> list[Form]:
    """The page's POST forms, but the header's logout (fuzzing it would end the session)."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    reader = _OptionReader(url)
    reader.feed(response.content.decode())
    return [form for form in reader.forms if form.action != reverse("account_logout")]


def payloads(form: Form):
    """Form data: each field kept, dropped, repeated or replaced by a nasty value."""

    def field_strategy(values: list[str]):
        good = st.sampled_from(values) if values else nasty_text
        return st.lists(st.one_of(good, good, nasty_text), min_size=1, max_size=2)

    optional = {name: field_strategy(values) for name, values in form.fields.items()}
    optional.update({name: random_file.map(lambda f: [f]) for name in form.files})
    extra = st.dictionaries(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz_.0123456789", min_size=1, max_size=12),
        st.lists(nasty_text, max_size=2),
        max_size=2,
    )
    return st.tuples(st.fixed_dictionaries({}, optional=optional), extra).map(
        lambda pair: {**pair[1], **pair[0]}
    )


def assert_no_server_error(response) -> None:
    assert response.status_code < 500, response.content[:2000]


def fuzz_form(client: Client, form: Form, *, examples: int = FORM_EXAMPLES) -> None:
    @fuzz_settings(examples)
    @given(data=payloads(form))
    def post(data):
        for value in data.values():
            for item in value:
                if hasattr(item, "seek"):
                    item.seek(0)
        assert_no_server_error(client.post(form.action, data))

    post()


def fuzz_page(client: Client, url: str, *, examples: int = FORM_EXAMPLES) -> int:
    """Fuzz every POST form of the page at `url`; return how many there were."""
    forms = forms_of(client, url)
    for form in forms:
        fuzz_form(client, form, examples=examples)
    return len(forms)


# Forms of the platform ----------------------------------------------------------------


def test_profile_form(client, learner):
    client.force_login(learner)
    assert fuzz_page(client, reverse("accounts:profile")) >= 1


def test_enrolment_and_module_buttons(client, learner):
    module = course_factories.module(lessons=1)
    client.force_login(learner)
    for name in ("courses:enrol", "courses:restart"):
        fuzz_form(client, Form(action=reverse(name, args=[module.pk])), examples=5)
    assert fuzz_page(client, ModulePage.objects.get(pk=module.pk).url, examples=5) >= 0


def test_quiz_attempt_submission(client, learner):
    quiz = quiz_factories.quiz(
        quiz_factories.single("Numéro d'écoute ?", "Le 3919", "Le 17"),
        quiz_factories.multiple("Formes de violences ?", ["Isolement", "Contrôle"], ["Désaccord"]),
        quiz_factories.true_false("Une plainte peut être refusée.", False),
        quiz_factories.matching(
            "Associez", [("3919", "Écoute"), ("119", "Enfance"), ("17", "Police")]
        ),
        quiz_factories.ordering("Ordonnez", ["Tension", "Agression", "Justification"]),
        quiz_factories.situation(
            "Accueil", "Une femme se présente.", quiz_factories.true_false("Oui ?", True)
        ),
        available_alone=True,
    )
    client.force_login(learner)
    start = Form(
        action=reverse("quizzes:quiz_start", args=[quiz.pk]),
        fields={"contexte": ["module:1", "event:1"], "phase": ["pre", "main"]},
    )
    fuzz_form(client, start, examples=8)
    attempt = quiz.attempts.latest("pk")
    (form,) = forms_of(client, reverse("quizzes:attempt", args=[attempt.pk]))
    fuzz_form(client, form, examples=25)


def test_satisfaction_questionnaire(client, learner):
    questionnaire = Questionnaire.objects.create(title="Votre avis", anonymous=True)
    QuestionnaireItem.objects.create(questionnaire=questionnaire, text="Utile", sort_order=0)
    module = course_factories.module(lessons=0)
    ModulePage.objects.filter(pk=module.pk).update(satisfaction_questionnaire=questionnaire)
    ModuleCompletion.objects.create(
        user=learner,
        module=module,
        cycle=1,
        completed_at=timezone.now(),
        revision=None,
        module_title=module.title,
    )
    client.force_login(learner)
    url = reverse("quizzes:questionnaire_answer", args=[questionnaire.pk, "module", module.pk])
    assert fuzz_page(client, url, examples=20) >= 1


def test_event_registration_and_organiser_forms(client, learner):
    trainer = organiser()
    session = SessionFactory(event=EventFactory(organisers=[trainer]))
    client.force_login(learner)
    assert fuzz_page(client, reverse("events:detail", args=[session.pk]), examples=8) >= 1
    client.post(reverse("events:register", args=[session.pk]))
    fuzz_page(client, reverse("events:mine"), examples=5)  # cancelling, the calendar feed
    client.force_login(trainer)
    fuzz_page(client, reverse("events:attendance", args=[session.pk]), examples=8)
    # Participants (by email, by file of random bytes), opening, cancelling, attendance.
    assert fuzz_page(client, reverse("events:manage", args=[session.pk]), examples=8) >= 2
    assert fuzz_page(client, reverse("events:event_create"), examples=15) >= 1


def test_placement_request_and_offer_forms(client, learner):
    slot = SlotFactory()
    client.force_login(learner)
    assert fuzz_page(client, reverse("placements:request_new", args=[slot.pk]), examples=20)
    manager = host()
    InstitutionFactory(managers=[manager])
    client.force_login(manager)
    assert fuzz_page(client, reverse("placements:offer_new"), examples=8)


def test_imports_with_random_files(client, editor, ddfe):
    quiz = quiz_factories.quiz(title="Banque")
    client.force_login(editor)
    assert fuzz_page(client, reverse("quizzes:gift_import", args=[quiz.pk]))
    client.force_login(ddfe)
    assert fuzz_page(client, reverse("indicators:participants_import"))


def test_assignment_forms(client, ddfe):
    module = course_factories.module(lessons=1, validity_months=12)
    client.force_login(ddfe)
    assert fuzz_page(client, reverse("assignments:create"), examples=20)
    response = client.post(
        reverse("assignments:create"),
        {
            "title": "Accueil des victimes",
            "modules": [module.pk],
            "professions": ["gendarmerie_nationale"],
            "due_date": (date.today() + timedelta(days=60)).isoformat(),
            "remind_days_before": "14, 3",
            "remind_on_due_date": "on",
            "overdue_every_days": "7",
            "overdue_max": "4",
            "expiry_notice_days": "30",
            "active": "on",
        },
    )
    assert response.status_code == 302
    assignment = Assignment.objects.latest("pk")
    # Its page holds the roster import (random bytes as the file).
    assert fuzz_page(client, reverse("assignments:detail", args=[assignment.pk]))
    assert fuzz_page(client, reverse("assignments:edit", args=[assignment.pk]), examples=8)


DDFE_PLAN = {
    "code": "FUZZ-2024",
    "name": "Plan d'essai",
    "departement": "62",  # the fuzzing DDFE's (UserFactory: Pas-de-Calais)
    "period_start": "2024-01-01",
    "period_end": "2027-12-31",
    "axes": [
        {
            "number": "4",
            "title": "Coordonner",
            "fiches": [
                {
                    "number": "4.6",
                    "title": "Conventions",
                    "indicators": [
                        {"label": "Conventions signées", "measure": "manual", "target": 5}
                    ],
                }
            ],
        }
    ],
}


def test_ddfe_manual_figures(client, ddfe):
    from indicators import services as indicator_services

    indicator_services.plan_load(data=DDFE_PLAN)
    client.force_login(ddfe)
    assert fuzz_page(client, reverse("indicators:manual_values", args=["FUZZ-2024"]), examples=20)
    # API keys: create one, then revoke with forged identifiers.
    client.post(reverse("indicators:api_tokens"), {"name": "Tableau"})
    assert fuzz_page(client, reverse("indicators:api_tokens"), examples=10)


@fuzz_settings(200)
@given(
    text=st.one_of(
        st.text(max_size=200),
        st.text(alphabet="{}=~#:%$/\\-> \nTRUEFALSE[html]ab1.", max_size=200),
    )
)
def test_gift_parser_reports_any_text_without_failing(text):
    from quizzes.gift.parsing import parse_gift
    from quizzes.gift.writing import export_gift

    report = parse_gift(text)
    # What was read can be written back and read again.
    assert len(parse_gift(export_gift(report.questions)).questions) == len(report.questions)


# Attestation verification (public GET form and address) -------------------------------


@fuzz_settings(20)
@given(code=nasty_text)
def test_attestation_verification_answers_any_code(code):
    client = Client()
    assert_no_server_error(client.get(reverse("certificates:verify_form"), {"code": code}))
    if code and "/" not in code and "\x00" not in code:
        assert_no_server_error(client.get(f"/attestations/verifier/{code[:200]}/"))


# JSON endpoints ------------------------------------------------------------------------


def _containers(children):
    return st.lists(children, max_size=4) | st.dictionaries(
        st.text(max_size=10), children, max_size=4
    )


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    _containers,
    max_leaves=20,
)
STATEMENT_PATHS = [
    ("id",),
    ("verb",),
    ("verb", "id"),
    ("object",),
    ("object", "id"),
    ("result",),
    ("result", "score"),
    ("result", "score", "scaled"),
    ("result", "score", "raw"),
    ("result", "response"),
    ("result", "success"),
    ("result", "completion"),
    ("context",),
    ("actor",),
]


def _mutated(path, value) -> dict:
    statement = course_factories.answered("false", statement_id=str(uuid.uuid4()), raw_score=0)
    target = statement
    for key in path[:-1]:
        if not isinstance(target.get(key), dict):
            target[key] = {}
        target = target[key]
    target[path[-1]] = value
    return statement


def test_xapi_endpoint_takes_arbitrary_json(client, learner):
    module = course_factories.module(lessons=0)
    package = course_factories.true_false_package()
    lesson = course_factories.lesson(module_page=module, title="Leçon", packages=[package])
    course_services.enrolment_create(user=learner, module=module)
    client.force_login(learner)
    url = reverse("courses:h5p_xapi", args=[package.pk, lesson.pk])

    def post(body) -> None:
        response = client.post(url, body, content_type="application/json")
        assert_no_server_error(response)

    @fuzz_settings(JSON_EXAMPLES)
    @given(body=json_values)
    def arbitrary(body):
        post(json.dumps(body))

    @fuzz_settings(JSON_EXAMPLES)
    @given(path=st.sampled_from(STATEMENT_PATHS), value=json_values)
    def mutations(path, value):
        post(json.dumps(_mutated(path, value)))

    @fuzz_settings(20)
    @given(body=st.binary(max_size=300))
    def raw_bytes(body):
        post(body)

    state = Form(
        action=reverse("courses:h5p_state", args=[package.pk, lesson.pk]),
        fields={"data": ['{"answer": "false"}'], "invalidate": ["1"], "preload": ["1"]},
    )

    arbitrary()
    mutations()
    raw_bytes()
    fuzz_form(client, state, examples=15)


def test_indicators_api_query_parameters(client, ddfe):
    from indicators import services as indicator_services

    indicator_services.plan_load(data=DDFE_PLAN)
    client.force_login(ddfe)
    schema = client.get("/api/v1/openapi.json").json()
    parameters = {
        parameter["name"]
        for path in schema["paths"].values()
        for operation in path.values()
        for parameter in operation.get("parameters", [])
    }
    assert {"plan", "from", "to"} <= parameters
    good = {"plan": ["FUZZ-2024"], "from": ["2025-01-01"], "to": ["2025-12-31"], "by": ["sexe"]}
    value = st.one_of(nasty_text.filter(lambda v: len(v) < 5000), st.sampled_from(["FUZZ-2024"]))

    @fuzz_settings(40)
    @given(
        query=st.fixed_dictionaries(
            {},
            optional={
                name: st.lists(st.one_of(st.sampled_from(good.get(name, [""])), value), max_size=2)
                for name in parameters
            },
        )
    )
    def get(query):
        assert_no_server_error(client.get("/api/v1/indicators/", query))

    get()
