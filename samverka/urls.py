"""Root URLs. Every pattern here must have a row in samverka/tests/test_boundary.py."""

from django.contrib import admin
from django.urls import include, path

from samverka import views
from samverka.networks import views as network_views
from samverka.organisations import views as organisation_views

urlpatterns = [
    path("", network_views.start, name="start"),
    path("health/", views.health, name="health"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("konto/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("natverk/", include("samverka.networks.urls")),
    path("moten/", include("samverka.meetings.urls")),
    path("uppdrag/", include("samverka.assignments.urls")),
    path("import/", include("samverka.imports.urls")),
    path("sok/", include("samverka.search.urls")),
    path("personer/", include("samverka.people.urls")),
    path("organisationer/", include("samverka.organisations.urls")),
    path(
        "lagesbild/kommun/<int:pk>/",
        organisation_views.situation,
        name="municipality_situation",
    ),
    path("natverkskarta/", network_views.network_map, name="network_map"),
    path("kallor/", include("samverka.documents.urls")),
    path("kalender/", include("samverka.calendars.urls")),
    path("", include("samverka.invitations.urls")),
    path("", include("samverka.operations.urls")),
]
