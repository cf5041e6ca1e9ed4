from samverka.accounts.access import PERMISSIONS, Action, Role

# The table, written out so that a change to who may do what shows in review.
EXPECTED: dict[Action, set[Role]] = {
    Action.VIEW_NETWORK: {Role.SITE_ADMIN, Role.COORDINATOR, Role.MEMBER},
    Action.VIEW_MEETING: {Role.SITE_ADMIN, Role.COORDINATOR, Role.MEMBER, Role.GUEST},
    Action.EDIT_NETWORK: {Role.SITE_ADMIN, Role.COORDINATOR},
    Action.EDIT_MEETING: {Role.SITE_ADMIN, Role.COORDINATOR},
    Action.MANAGE_MEMBERS: {Role.SITE_ADMIN, Role.COORDINATOR},
    Action.INVITE: {Role.SITE_ADMIN, Role.COORDINATOR},
    Action.VIEW_DOCUMENTS: {Role.SITE_ADMIN, Role.COORDINATOR, Role.MEMBER},
    Action.EDIT_DOCUMENTS: {Role.SITE_ADMIN, Role.COORDINATOR},
    Action.UPDATE_OWN_ASSIGNMENT: {Role.SITE_ADMIN, Role.COORDINATOR, Role.MEMBER},
    Action.UPDATE_ANY_ASSIGNMENT: {Role.SITE_ADMIN, Role.COORDINATOR},
    Action.IMPORT_MINUTES: {Role.SITE_ADMIN, Role.COORDINATOR},
    Action.VIEW_SOURCE_DOCUMENTS: {Role.SITE_ADMIN, Role.COORDINATOR, Role.MEMBER},
    Action.VIEW_HISTORY: {Role.SITE_ADMIN, Role.COORDINATOR, Role.MEMBER},
    Action.VIEW_ADMIN: {Role.SITE_ADMIN},
    Action.EXPORT_OWN_DATA: {Role.SITE_ADMIN, Role.COORDINATOR, Role.MEMBER, Role.GUEST},
    Action.EXPORT_PERSON: {Role.SITE_ADMIN},
    Action.DEACTIVATE_PERSON: {Role.SITE_ADMIN},
}


def test_it_has_a_row_for_every_action() -> None:
    assert set(EXPECTED) == set(Action), "a new Action needs a row in EXPECTED"
    assert set(PERMISSIONS) == set(Action)


def test_it_grants_exactly_the_table() -> None:
    for action in Action:
        assert PERMISSIONS[action] == EXPECTED[action], action


def test_it_lets_a_site_admin_do_everything() -> None:
    assert all(Role.SITE_ADMIN in roles for roles in PERMISSIONS.values())


def test_it_gives_a_guest_nothing_but_meetings() -> None:
    # and their own data, which is no network's to grant
    guest_actions = {a for a, roles in PERMISSIONS.items() if Role.GUEST in roles}
    assert guest_actions == {Action.VIEW_MEETING, Action.EXPORT_OWN_DATA}
