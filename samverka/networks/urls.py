from django.urls import path

from samverka.networks import views

app_name = "networks"

urlpatterns = [
    path("<slug:slug>/", views.detail, name="detail"),
]
