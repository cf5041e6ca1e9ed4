from django.urls import path

from samverka.documents import views

app_name = "documents"

urlpatterns = [
    path("<int:pk>/", views.source, name="source"),
]
