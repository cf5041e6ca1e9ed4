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


def load(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    Alias = apps.get_model("organisations", "OrganisationAlias")
    names = {}  # organisation name -> the names minutes use for it
    for name, kind, aliases in BODIES:
        Organisation.objects.create(name=name, kind=kind)
        names[name] = [name, *aliases]
    with DATA.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    Organisation.objects.bulk_create(
        Organisation(
            name=row["name"],
            kind="municipality",
            municipality_code=row["code"],
            county_code=row["county_code"],
            county=row["county"],
        )
        for row in rows
    )
    names |= {row["name"]: municipality_names(row["name"]) for row in rows}
    by_name = Organisation.objects.in_bulk(list(names), field_name="name")

    cooperation = by_name[COOPERATION]
    Organisation.objects.filter(name=SECRETARIAT).update(parent=cooperation)
    cooperation.members.add(
        *(by_name[row["name"]] for row in rows if row["familjen_helsingborg"] == "1")
    )

    aliases = {}  # key -> alias; the first organisation to claim a name keeps it
    for name, forms in names.items():
        for form in forms:
            aliases.setdefault(key(form), Alias(organisation=by_name[name], alias=form, key=key(form)))
    Alias.objects.bulk_create(aliases.values())


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
