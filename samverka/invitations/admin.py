from django.contrib import admin

from samverka.invitations.models import Invitation


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "network", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["network"]
    search_fields = ["email", "name"]
    readonly_fields = ["token_hash", "created_at", "accepted_at", "accepted_by", "invited_by"]
