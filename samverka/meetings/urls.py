from django.urls import path

from samverka.meetings import views

app_name = "meetings"

urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
    path("beslut/", views.decisions, name="decisions"),
]
