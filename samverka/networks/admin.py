from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samverka.networks.models import Membership, Network, Representation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("person", "organisation")


@admin.register(Network)
class NetworkAdmin(SimpleHistoryAdmin):
    list_display = ("name", "slug", "parent", "visibility", "is_active")
    list_filter = ("visibility", "is_active")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("organisations",)
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ("person", "network", "role", "is_coordinator", "start_date", "end_date")
    list_filter = ("network", "role", "is_coordinator")
    search_fields = ("person__name", "network__name")
    autocomplete_fields = ("person", "organisation")


@admin.register(Representation)
class RepresentationAdmin(SimpleHistoryAdmin):
    list_display = ("person", "network", "body", "start_date", "end_date")
    list_filter = ("network",)
    autocomplete_fields = ("person", "body")
