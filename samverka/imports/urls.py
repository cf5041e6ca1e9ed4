from django.urls import path

from samverka.imports import views

app_name = "imports"

urlpatterns = [
    path("<slug:slug>/granska/", views.review, name="review"),
    path("<slug:slug>/granska/<int:pk>/klar/", views.review_resolve, name="review_resolve"),
    path("<slug:slug>/granska/<int:pk>/sla-samman/", views.merge_accept, name="merge_accept"),
    path("sammanslagning/<int:pk>/angra/", views.merge_undo, name="merge_undo"),
    path("person/<int:pk>/dela/", views.split, name="person_split"),
    path("kalla/<int:pk>/", views.source_download, name="source_download"),
]
