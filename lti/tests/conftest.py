import pytest
from lti_tool.models import Key, LtiDeployment, LtiRegistration

from courses.tests import factories as course_factories

from .platform import Platform


@pytest.fixture
def platform(db, client):
    """A partner platform listening on 127.0.0.1, registered in Égide with one active
    deployment, and trusting Égide's key set (read from /lti/jwks/)."""
    if not Key.objects.active().exists():  # a transactional test flushed the migration's
        Key.objects.generate()
    partner = Platform()
    registration = LtiRegistration.objects.create(name="Moodle de test", **partner.tool_settings())
    LtiDeployment.objects.create(
        registration=registration, deployment_id="deployment-1", is_active=True
    )
    partner.db_registration = registration
    partner.trust_tool_keys(client.get("/lti/jwks/").json())
    yield partner
    partner.close()


@pytest.fixture
def module(db):
    return course_factories.module(title="Le continuum des violences", lessons=1)
