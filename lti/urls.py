"""URLs of the LTI tool (mounted under lti/ by the service)."""

from django.urls import path

from .views import deep_linking, instructor, learner, oidc, registration

app_name = "lti"

urlpatterns = [
    path("login/", oidc.login, name="login"),
    path("launch/", oidc.launch, name="launch"),
    path("jwks/", oidc.jwks, name="jwks"),
    path("deep-linking/", deep_linking.select, name="deep-linking"),
    path("course/", instructor.course, name="course"),
    path("course/awards/", instructor.award_status, name="award-status"),
    path("learner/", learner.learner, name="learner"),
    path("register/", registration.register, name="register"),
    path("register/<str:token>/", registration.register, name="register-invite"),
]
