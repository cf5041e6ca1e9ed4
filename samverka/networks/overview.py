"""What the overview pages compute from a network's records: the situation grid,
attendance per municipality and year, and the network map's layered layout.

Each function runs a fixed number of queries, however many meetings there are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from samverka.meetings.models import Attendance, Meeting, StatusReport
from samverka.networks.models import Network, Representation
from samverka.organisations.models import Organisation

# --- members of a network -----------------------------------------------------


def member_organisations(network: Network) -> QuerySet[Organisation]:
    """Return the network's member organisations, including those of former members."""
    condition = Q(networks=network) | Q(memberships__network=network)
    return Organisation.objects.filter(
        pk__in=Organisation.objects.filter(condition).values("pk")
    ).order_by("name")


# --- the situation grid: meetings × municipalities -----------------------------


@dataclass
class GridRow:
    meeting: Meeting
    cells: list[StatusReport | None]


def meeting_years(meetings: QuerySet[Meeting]) -> list[int]:
    """Return the years that have meetings, latest first."""
    return sorted({day.year for day in meetings.dates("date", "year")}, reverse=True)


def situation_grid(network: Network, year: int) -> tuple[list[Organisation], list[GridRow]]:
    """Return the columns (organisations) and one row per meeting of `year`."""
    meetings = list(
        Meeting.objects.for_network(network).filter(date__year=year).order_by("date", "start_time")
    )
    reports = StatusReport.objects.filter(meeting__in=[m.pk for m in meetings]).select_related(
        "organisation"
    )
    by_cell = {(r.meeting_id, r.organisation_id): r for r in reports}
    organisations = {o.pk: o for o in member_organisations(network)}
    organisations |= {r.organisation_id: r.organisation for r in by_cell.values()}
    columns = sorted(organisations.values(), key=lambda o: o.name)
    rows = [GridRow(m, [by_cell.get((m.pk, o.pk)) for o in columns]) for m in meetings]
    return columns, rows


# --- attendance per municipality and year -------------------------------------


@dataclass(frozen=True)
class AttendanceCell:
    held: int
    present: int

    @property
    def rate(self) -> int | None:
        """Return the share of held meetings with someone present, in whole per cent."""
        return round(100 * self.present / self.held) if self.held else None


@dataclass
class AttendanceRow:
    organisation: Organisation
    cells: list[AttendanceCell]
    total: AttendanceCell


def attendance_table(network: Network) -> tuple[list[int], list[int], list[AttendanceRow]]:
    """Return the years (latest first), meetings held per year, and a row per organisation.

    A meeting counts for an organisation when at least one person attending for
    it was present.
    """
    held = Meeting.objects.for_network(network).held()
    per_year = Counter(day.year for day in held.values_list("date", flat=True))
    years = sorted(per_year, reverse=True)
    present = (
        Attendance.objects.filter(meeting__in=held, status=Attendance.Status.PRESENT)
        .exclude(organisation=None)
        .order_by()  # no need for the model's ordering joins
        .values("organisation", "meeting__date__year")
        .annotate(meetings=Count("meeting", distinct=True))
    )
    counts = {(p["organisation"], p["meeting__date__year"]): p["meetings"] for p in present}
    rows = []
    for organisation in member_organisations(network):
        cells = [AttendanceCell(per_year[y], counts.get((organisation.pk, y), 0)) for y in years]
        total = AttendanceCell(sum(c.held for c in cells), sum(c.present for c in cells))
        rows.append(AttendanceRow(organisation, cells, total))
    return years, [per_year[y] for y in years], rows


# --- the network map ------------------------------------------------------------

ROW_HEIGHT = 44
BOX_HEIGHT = 32
INDENT = 28
MARGIN = 8
CHAR_WIDTH = 7.6  # an average glyph of the 13px sans-serif the map is drawn in


@dataclass
class MapNode:
    """A box in the map: a network, or an external body a network is represented in."""

    kind: str  # "network" or "body"
    label: str
    network: Network | None = None
    representatives: list[str] = field(default_factory=list)
    children: list[MapNode] = field(default_factory=list)
    depth: int = 0
    row: int = 0

    @property
    def x(self) -> int:
        return MARGIN + self.depth * INDENT

    @property
    def y(self) -> int:
        return MARGIN + self.row * ROW_HEIGHT

    @property
    def text(self) -> str:
        if self.representatives:
            return f"{self.label}: {', '.join(self.representatives)}"
        return self.label

    @property
    def width(self) -> int:
        return int(len(self.text) * CHAR_WIDTH) + 20

    @property
    def text_x(self) -> int:
        return self.x + 10

    @property
    def text_y(self) -> int:
        return self.y + BOX_HEIGHT // 2 + 5

    @property
    def middle_y(self) -> int:
        return self.y + BOX_HEIGHT // 2

    @property
    def bottom(self) -> int:
        return self.y + BOX_HEIGHT


@dataclass(frozen=True)
class MapEdge:
    """An elbow from a parent's left edge down and right to its child."""

    x: int
    top: int
    bottom: int
    right: int


@dataclass
class NetworkMap:
    roots: list[MapNode]
    nodes: list[MapNode]
    edges: list[MapEdge]
    width: int
    height: int

    @property
    def networks(self) -> list[MapNode]:
        return [n for n in self.nodes if n.kind == "network"]


def network_map(
    networks: Iterable[Network], representations: Iterable[Representation]
) -> NetworkMap:
    """Lay the networks out as a layered tree: one row per box, one column step per level.

    A network whose parent is not among `networks` starts a tree of its own; the
    external bodies a network is represented in hang under it, with their
    representatives.
    """
    by_pk = {n.pk: MapNode("network", n.name, network=n) for n in networks}
    roots: list[MapNode] = []
    for node in by_pk.values():
        assert node.network is not None
        parent = by_pk.get(node.network.parent_id or 0)
        (parent.children if parent else roots).append(node)
    bodies: dict[tuple[int, int], MapNode] = {}
    for representation in representations:
        owner = by_pk.get(representation.network_id)
        if owner is None:
            continue
        key = (representation.network_id, representation.body_id)
        if key not in bodies:
            bodies[key] = MapNode("body", representation.body.name)
            owner.children.append(bodies[key])
        bodies[key].representatives.append(representation.person.name)
    ordered: list[MapNode] = []
    edges: list[MapEdge] = []
    _place(sorted(roots, key=_order), 0, ordered, edges)
    width = max((n.x + n.width for n in ordered), default=0) + MARGIN
    return NetworkMap(roots, ordered, edges, width, MARGIN * 2 + len(ordered) * ROW_HEIGHT)


def _order(node: MapNode) -> tuple[int, str]:
    """Sub-networks before bodies, each by name."""
    return (node.kind != "network", node.label)


def _place(nodes: list[MapNode], depth: int, ordered: list[MapNode], edges: list[MapEdge]) -> None:
    for node in nodes:
        node.depth, node.row = depth, len(ordered)
        ordered.append(node)
        node.children.sort(key=_order)
        _place(node.children, depth + 1, ordered, edges)
        edges += [
            MapEdge(node.x + INDENT // 2, node.bottom, child.middle_y, child.x)
            for child in node.children
        ]
