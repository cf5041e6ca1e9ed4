from django.urls import path

from samverka.invitations import views

app_name = "invitations"

urlpatterns = [
    path("natverk/<slug:slug>/bjud-in/", views.create, name="create"),
    path("inbjudan/<str:token>/", views.accept, name="accept"),
]
