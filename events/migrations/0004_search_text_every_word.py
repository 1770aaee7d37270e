"""`EventPage.search_text` held only the first eight words of an event's title, summary and
venue, and nothing of its description, so site search missed most of what an event says:
write it again for every event as `EventPage.save` now does (`event_search_text`). Wagtail's
search index reads this column: `manage.py update_index` afterwards (README, "Search")."""

from django.db import migrations

from events.models import event_search_text


def rewrite(apps, schema_editor):
    Event = apps.get_model("events", "EventPage")
    for event in Event.objects.only("pk", "title", "summary", "venue", "description"):
        event.search_text = event_search_text(
            event.title, event.summary, event.venue, event.description
        )
        event.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_event_dates"),
    ]

    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop)]
