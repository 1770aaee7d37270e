"""Wagtail's default workflow and its task get French names.

Wagtail's migrations create them as "Moderators approval"; that name is data, and
Wagtail's emails to the editors quote it inside otherwise translated text ("…soumise pour
approbation à l'étape de modération « Moderators approval »"). French is the default
language of the network, so the names are French.
"""

from django.db import migrations

OLD = "Moderators approval"
TASK = "Relecture par l'équipe éditoriale"
WORKFLOW = "Relecture éditoriale"


def to_french(apps, schema_editor):
    apps.get_model("wagtailcore", "Task").objects.filter(name=OLD).update(name=TASK)
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=OLD).update(name=WORKFLOW)


def to_english(apps, schema_editor):
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).update(name=OLD)
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).update(name=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(to_french, to_english)]
