from django.urls import path

from samverka.calendars import views

app_name = "calendars"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("<slug:token>/nytt/", views.regenerate, name="regenerate"),
    path("<slug:token>.ics", views.feed, name="feed"),
    path("<slug:token>/<slug:slug>.ics", views.network_feed, name="network_feed"),
]
