from django.urls import path

from samverka.assignments import views

app_name = "assignments"

urlpatterns = [
    path("<int:pk>/status/", views.update_status, name="update_status"),
]
