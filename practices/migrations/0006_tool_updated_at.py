"""A tool's last change, for its page's `lastmod` in the sitemap: the existing tools take
their creation date (nothing better is known of them)."""

import django.utils.timezone
from django.db import migrations, models


def from_creation(apps, schema_editor):
    Tool = apps.get_model("practices", "Tool")
    Tool.objects.update(updated_at=models.F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0005_practicesheetpage_funded_by"),
    ]

    operations = [
        migrations.AddField(
            model_name="tool",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.RunPython(from_creation, migrations.RunPython.noop),
    ]
