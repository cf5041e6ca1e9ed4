from django.urls import path

from samverka.organisations import views

app_name = "organisations"

urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
]
