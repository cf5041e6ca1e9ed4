from django.urls import path

from samverka.networks import views

app_name = "networks"

urlpatterns = [
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/lagesbild/", views.situation, name="situation"),
    path("<slug:slug>/narvaro/", views.attendance, name="attendance"),
]
