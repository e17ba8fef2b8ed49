"""A real LTI 1.3 platform for the tests, built on `lti1p3platform`.

What a browser carries (login initiation, the platform's authorisation answer, the
launch form, the deep-linking response) goes through Django's test client and the
platform's own classes; what Égide's server asks of the platform by itself (its key
set, an access token, a score) goes over HTTP to a server listening on 127.0.0.1, as
it would to Mentor or a Moodle. Nothing of pylti1p3 or django-lti is mocked.
"""

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from jwcrypto.jwk import JWK
from lti1p3platform.exceptions import LtiServiceException
from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.oidc_login import OIDCLoginAbstract
from lti1p3platform.registration import Registration
from lti1p3platform.request import Request
from lti1p3platform.score import UpdateScoreStatus
from lti1p3platform.service_connector import AssignmentsGradesService

LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
TOOL = "http://testserver"


def rsa_pem_pair() -> tuple[str, str]:
    key = JWK.generate(kty="RSA", size=2048)
    return (
        key.export_to_pem(private_key=True, password=None).decode(),
        key.export_to_pem().decode(),
    )


class PlatformConf(LTI1P3PlatformConfAbstract):
    def init_platform_config(self, **kwargs):
        self.registration = kwargs["registration"]

    def get_registration_by_params(self, **kwargs):
        return self.registration


class DictRequest(Request):
    """A request as lti1p3platform reads it, from plain values."""

    def build_metadata(self, request):
        return {
            "method": request.get("method", "GET"),
            "form_data": request.get("form_data", {}),
            "get_data": request.get("get_data", {}),
            "headers": request.get("headers", {}),
            "content_type": request.get("content_type"),
            "path": request.get("path", "/"),
            "json": request.get("json"),
        }


class PlatformLogin(OIDCLoginAbstract):
    def set_lti_message_hint(self, **kwargs):
        self._lti_message_hint = kwargs["hint"]

    def get_redirect(self, url):
        return url


class PlatformLaunch(LTIAdvantageMessageLaunchAbstract):
    def render_launch_form(self, launch_data, **kwargs):
        return launch_data  # what the auto-submitted form would post


class Gradebook(AssignmentsGradesService):
    """The platform's grade book: one line item per link, scores kept in memory."""

    def __init__(self, platform, request):
        super().__init__(
            request,
            platform.conf,
            lineitems_url=platform.url("/lineitems"),
            lineitem_url=None,
        )
        self.platform = platform

    def find_lineitems(self, page=1, limit=None, **filters):
        return {"content": list(self.platform.lineitems.values()), "has_next": False}

    def find_lineitem(self, line_item_id):
        return self.platform.lineitems[line_item_id]

    def create_lineitem(self, creation_data):
        line_item_id = str(len(self.platform.lineitems) + 1)
        item = {**creation_data, "id": self.platform.url(f"/lineitems/{line_item_id}")}
        self.platform.lineitems[line_item_id] = item
        return item

    def update_lineitem(self, update_data):
        raise NotImplementedError

    def delete_lineitem(self, line_item_id):
        raise NotImplementedError

    def update_score(self, line_item_id, score):
        self.platform.scores.append((line_item_id, score))
        return UpdateScoreStatus.SUCCESS

    def get_results(self, line_item_id, page=1, limit=None, user_id=None):
        return {"content": [], "has_next": False}


class Platform:
    """A Moodle-like platform on 127.0.0.1 (key set, token and score endpoints)."""

    def __init__(self, *, deployment_id="deployment-1", client_id="egide-client"):
        self.private_key, self.public_key = rsa_pem_pair()
        self.lineitems: dict[str, dict] = {}
        self.scores: list[tuple[str, dict]] = []
        self.token_requests = 0
        self.fail_scores = False
        # LTI Dynamic Registration: the token the platform hands out, what it received.
        self.registration_token = "jeton-inscription-1"
        self.tool_registrations: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.issuer = self.url("")
        self.registration = (
            Registration()
            .set_iss(self.issuer)
            .set_client_id(client_id)
            .set_deployment_id(deployment_id)
            .set_oidc_login_url(f"{TOOL}/lti/connexion/")
            .set_launch_url(f"{TOOL}/lti/lancement/")
            .set_deeplink_launch_url(f"{TOOL}/lti/lancement/")
            .set_platform_public_key(self.public_key)
            .set_platform_private_key(self.private_key)
        )
        self.conf = PlatformConf(registration=self.registration)

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    # What the administrator copies into Égide's CMS.
    def tool_settings(self) -> dict:
        return {
            "issuer": self.issuer,
            "client_id": self.registration.get_client_id(),
            "auth_url": self.url("/auth"),
            "token_url": self.url("/token"),
            "keyset_url": self.url("/jwks"),
        }

    def trust_tool_keys(self, jwks: dict):
        """The platform reads Égide's key set (fetched from /lti/jwks/ by the test)."""
        self.registration.set_tool_key_set(jwks)

    # LTI Dynamic Registration (IMS LTI-DR 1.0), platform side.
    def openid_configuration(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": self.url("/auth"),
            "token_endpoint": self.url("/token"),
            "jwks_uri": self.url("/jwks"),
            "registration_endpoint": self.url("/register"),
            "https://purl.imsglobal.org/spec/lti-platform-configuration": {
                "product_family_code": "moodle",
                "version": "4.5",
            },
        }

    def register_tool(self, tool: dict) -> dict:
        client_id, deployment_id = "client-dynamique", "deploiement-dynamique"
        self.registration.set_client_id(client_id).set_deployment_id(deployment_id)
        return {
            **tool,
            "client_id": client_id,
            "https://purl.imsglobal.org/spec/lti-tool-configuration": {
                **tool["https://purl.imsglobal.org/spec/lti-tool-configuration"],
                "deployment_id": deployment_id,
            },
        }

    # Browser side -------------------------------------------------------------
    def login_initiation_url(self, *, user_id: str, hint: str = "resource-link-1") -> str:
        login = PlatformLogin(None, self.conf)
        login.set_lti_message_hint(hint=hint)
        return login.initiate_login(user_id)

    def authorise(
        self,
        tool_redirect: str,
        *,
        user_id: str,
        email: str | None,
        name: str = "Camille Martin",
        roles=(LEARNER,),
        resource_link_id: str = "resource-link-1",
        custom: dict | None = None,
        ags: bool = True,
        deep_link: bool = False,
        extra_claims: dict | None = None,
    ) -> dict:
        """The platform's authorisation endpoint: check the tool's OIDC redirect and
        return the signed launch form's fields (`id_token`, `state`, `launch_url`)."""
        query = dict(parse_qsl(urlsplit(tool_redirect).query))
        assert tool_redirect.startswith(self.url("/auth")), tool_redirect
        launch = PlatformLaunch(DictRequest({"get_data": query}), self.conf)
        launch.set_user_data(user_id, list(roles), full_name=name, email_address=email)
        launch.set_launch_context_claim("course-7", context_title="Violences intrafamiliales")
        if deep_link:
            launch.set_dl(self.url("/deep-link-return"), title="Égide")
        else:
            launch.set_resource_link_claim(resource_link_id, title="Module Égide")
        if custom:
            launch.set_custom_parameters_claim(custom)
        if ags and not deep_link:
            launch.set_ags(lineitems_url=self.url("/lineitems"), allow_creating_lineitems=True)
        if extra_claims:
            launch.set_extra_claims(extra_claims)
        return launch.lti_launch()

    def deep_link_items(self, jwt: str) -> list[dict]:
        """Check the tool's signed deep-linking response and return its content items."""
        return self.conf.validate_deeplinking_resp({"JWT": jwt})

    # Server side (loopback HTTP) ----------------------------------------------
    def _handler(self):
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status, body, content_type="application/json"):
                data = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _request(self, method):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                content_type = self.headers.get("Content-Type", "")
                bits = urlsplit(self.path)
                return DictRequest(
                    {
                        "method": method,
                        "form_data": dict(parse_qsl(raw)) if "form" in content_type else {},
                        "json": json.loads(raw) if "json" in content_type and raw else None,
                        "get_data": dict(parse_qsl(bits.query)),
                        "headers": {k: v for k, v in self.headers.items()},
                        "content_type": content_type,
                        "path": bits.path,
                    }
                )

            def _service(self, handle, *args):
                try:
                    response = handle(*args)
                except LtiServiceException as exc:  # bad or missing access token
                    return self._answer(exc.status_code, {"error": exc.message})
                result = response.result
                if isinstance(result, dict) and "content" in result:
                    result = result["content"]
                return self._answer(response.code, result)

            def _registration_token_ok(self) -> bool:
                expected = f"Bearer {platform.registration_token}"
                return self.headers.get("Authorization") == expected

            def do_GET(self):
                if self.path == "/jwks":
                    return self._answer(200, {"keys": platform.registration.get_jwks()})
                if self.path == "/.well-known/openid-configuration":
                    if not self._registration_token_ok():
                        return self._answer(401, {"error": "invalid token"})
                    return self._answer(200, platform.openid_configuration())
                request = self._request("GET")
                if request.path == "/lineitems":
                    return self._service(Gradebook(platform, request).handle_get_lineitems)
                return self._answer(404, {"error": "not found"})

            def do_POST(self):
                request = self._request("POST")
                path = request.path
                if path == "/register":
                    if not self._registration_token_ok():
                        return self._answer(401, {"error": "invalid token"})
                    platform.tool_registrations.append(request.json)
                    return self._answer(200, platform.register_tool(request.json))
                if path == "/token":
                    platform.token_requests += 1
                    try:
                        token = platform.conf.get_access_token(request.form_data)
                    except Exception as exc:  # a refused assertion: 400 as a platform does
                        return self._answer(400, {"error": str(exc)})
                    return self._answer(200, token)
                book = Gradebook(platform, request)
                if path == "/lineitems":
                    return self._service(book.handle_create_lineitem)
                if path.startswith("/lineitems/") and path.endswith("/scores"):
                    if platform.fail_scores:
                        return self._answer(503, {"error": "maintenance"})
                    return self._service(book.handle_update_score, path.split("/")[2])
                return self._answer(404, {"error": "not found"})

        return Handler


def new_nonce() -> str:
    return uuid.uuid4().hex
