"""Load the 290 municipalities, Familjen Helsingborg, common bodies and the
names minutes use for them ("Hbg", "Helsingborgs stad")."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "kommuner.csv"

COOPERATION = "Familjen Helsingborg"
SECRETARIAT = "Sekretariatet Familjen Helsingborg"

# name, kind, aliases
BODIES = [
    (COOPERATION, "cooperation", ["FH"]),
    (SECRETARIAT, "other", ["Sekretariatet", "Familjen Helsingborgs sekretariat"]),
    (
        "Sveriges Kommuner och Regioner",
        "association",
        ["SKR", "SKL", "Sveriges Kommuner och Landsting"],
    ),
    ("Region Skåne", "region", ["Regionen"]),
    ("Kommunförbundet Skåne", "association", ["KFSK", "Kommunförbundet"]),
    ("Medelpunkten", "association", []),
]

ABBREVIATIONS = {"Helsingborg": ["Hbg"]}


def key(text):
    # Frozen copy of samverka.organisations.models.name_key.
    return " ".join(text.split()).casefold()


def municipality_names(name):
    """Return the forms minutes use: "Bjuv", "Bjuvs kommun", "Bjuv kommun", "Bjuvs stad"."""
    genitive = name if name[-1] in "sxz" else name + "s"
    forms = [name, f"{genitive} kommun", f"{name} kommun", f"{genitive} stad", f"{name} stad"]
    forms += ABBREVIATIONS.get(name, [])
    return list(dict.fromkeys(forms))


def add_aliases(Alias, organisation, names):
    for name in names:
        Alias.objects.get_or_create(
            key=key(name), defaults={"organisation": organisation, "alias": name}
        )


def load(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    Alias = apps.get_model("organisations", "OrganisationAlias")
    bodies = {}
    for name, kind, aliases in BODIES:
        bodies[name], _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
        add_aliases(Alias, bodies[name], [name, *aliases])
    bodies[SECRETARIAT].parent = bodies[COOPERATION]
    bodies[SECRETARIAT].save()
    with DATA.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            municipality, _ = Organisation.objects.update_or_create(
                municipality_code=row["code"],
                defaults={
                    "name": row["name"],
                    "kind": "municipality",
                    "county_code": row["county_code"],
                    "county": row["county"],
                },
            )
            add_aliases(Alias, municipality, municipality_names(row["name"]))
            if row["familjen_helsingborg"] == "1":
                municipality.cooperations.add(bodies[COOPERATION])


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
