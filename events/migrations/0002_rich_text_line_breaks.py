"""Events announced from the front end before the fix stored line breaks as HTML5 `<br>`,
which Wagtail's editor refuses (its edit view answered 500): store them as `<br/>`, in
the pages and in their revisions (the editor opens the latest revision)."""

import re

from django.db import migrations

FIELDS = ("description",)
BR = re.compile(r"<br\s*>")


def repair(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    Event = apps.get_model("events", "EventPage")
    for event in Event.objects.all().only("pk", *FIELDS):
        changed = [f for f in FIELDS if BR.search(getattr(event, f) or "")]
        for field in changed:
            setattr(event, field, BR.sub("<br/>", getattr(event, field)))
        if changed:
            event.save(update_fields=changed)
    content_type = ContentType.objects.filter(app_label="events", model="eventpage")
    for revision in Revision.objects.filter(content_type__in=content_type).only("pk", "content"):
        content = revision.content or {}
        changed = False
        for field in FIELDS:
            value = content.get(field)
            if isinstance(value, str) and BR.search(value):
                content[field] = BR.sub("<br/>", value)
                changed = True
        if changed:
            revision.content = content
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
