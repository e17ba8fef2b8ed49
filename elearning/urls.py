from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as accounts_views
from core import urls as core_urls
from indicators.api.main import urls as api_urls

urlpatterns = [
    # Wagtail's own login form bypasses allauth's throttling and email verification:
    # every sign-in goes through /accounts/login/.
    path("cms/login/", accounts_views.wagtail_login_redirect),
    # Wagtail's password reset would send mail without allauth's throttling (and is
    # turned off by WAGTAIL_PASSWORD_RESET_ENABLED): its URLs lead to allauth's form.
    re_path(r"^cms/password_reset/", accounts_views.password_reset_redirect),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("gestion-technique/", admin.site.urls),
    # Replaces allauth's login view, to avoid a redirect loop (see accounts.views.LoginView).
    path("accounts/login/", accounts_views.login, name="account_login"),
    path("accounts/", include("allauth.urls")),
    path("compte/", include("accounts.urls")),
    path("indicateurs/", include("indicators.urls")),
    path("api/v1/", include(api_urls)),
    # The xAPI 1.0.3 learning record store for partners (lrs): Basic credentials per partner.
    path("xapi/", include("lrs.urls")),
    # Not under /formations/, which is the catalogue page's Wagtail URL.
    path("parcours/", include("courses.urls")),
    path("evaluations/", include("quizzes.urls")),
    path("attestations/", include("certificates.urls")),
    path("sessions/", include("events.urls")),
    path("stages/", include("placements.urls")),
    path("obligations/", include("assignments.urls")),
    path("lti/", include("lti.urls")),
    # "Mon espace" is accounts' view (it asks for a complete profile first) but keeps
    # its name in core's namespace, `core:dashboard`, which templates, views and
    # LOGIN_REDIRECT_URL use: core sits below accounts and cannot import the view, so
    # the two join here.
    path(
        "",
        include(
            (
                [
                    path("mon-espace/", accounts_views.dashboard, name="dashboard"),
                    *core_urls.urlpatterns,
                ],
                core_urls.app_name,
            )
        ),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path (home page, later the module catalogue). Its login
# form for private pages goes to allauth's, like /cms/login/ above.
urlpatterns += [
    path("_util/login/", accounts_views.wagtail_login_redirect, {"default_next": "/"}),
    path("", include(wagtail_urls)),
]

# Error pages in French, in the site's layout, with the quick exit (core.views_errors).
handler400 = "core.views_errors.bad_request"
handler403 = "core.views_errors.permission_denied"
handler404 = "core.views_errors.page_not_found"
handler500 = "core.views_errors.server_error"
