"""The read-only JSON API of the indicators, on django-ninja.

`router` holds the indicators' operations (`plans`: GET /api/v1/indicators/,
`territories`: GET /api/v1/territoires/); `main` is the platform's one `NinjaAPI`,
which mounts it (and, later, the routers of other apps), turns errors into JSON with
a French message and serves the generated OpenAPI schema and its documentation page
to the roles allowed to use the API (`docs`). Authentication: `auth`.
"""

from ninja import Router

from . import plans, territories

router = Router(tags=["Indicateurs"])
router.add_router("", plans.router)
router.add_router("", territories.router)
