from django.urls import path

from . import views

app_name = "lrs"

# No trailing slashes: xAPI clients append the resource names to the endpoint as the
# specification writes them (/xapi/statements, /xapi/activities/state…).
urlpatterns = [
    path("about", views.about, name="about"),
    path("statements", views.statements, name="statements"),
    path("activities/state", views.state, name="state"),
    path("activities/profile", views.activity_profile, name="activity_profile"),
    path("activities", views.activities, name="activities"),
    path("agents/profile", views.agent_profile, name="agent_profile"),
    path("agents", views.agents, name="agents"),
    # OAuth 2.0 client credentials: a bearer token for partners whose tools expect OAuth.
    path("oauth/token", views.oauth_token, name="oauth_token"),
]
