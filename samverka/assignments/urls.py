from django.urls import path

from samverka.assignments import views

app_name = "assignments"

urlpatterns = [
    path("", views.assignment_list, name="list"),
    path("<int:pk>/status/", views.update_status, name="update_status"),
]
