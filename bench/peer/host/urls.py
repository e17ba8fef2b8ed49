"""wagtail-lms's urls under /lms/ (as its README says), Wagtail's pages everywhere else."""

from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [
    path("lms/", include("wagtail_lms.urls")),
    path("", include(wagtail_urls)),
]
