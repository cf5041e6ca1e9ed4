from django.urls import path

from samverka.operations import views

app_name = "privacy"

urlpatterns = [
    path("mina-uppgifter/export/", views.export_own, name="export_own"),
    path("personer/<int:pk>/export/", views.export_person, name="export_person"),
]
