"""
People and studios get a modification time (the sitemap's lastmod). Existing
rows take the time of their latest revision when history has one, and the
time of this migration otherwise: the earliest moment we can vouch for.
"""

import django.utils.timezone
from django.db import migrations, models
from django.db.models import Max


def stamp_from_history(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    for model_name in ("person", "studio"):
        model = apps.get_model("catalogue", model_name)
        content_type = ContentType.objects.filter(app_label="catalogue", model=model_name).first()
        if content_type is None:
            continue
        latest = (
            Version.objects.filter(content_type=content_type)
            .values("object_id")
            .annotate(changed=Max("revision__date_created"))
        )
        for row in latest:
            if row["object_id"].isdigit():
                model.objects.filter(pk=int(row["object_id"])).update(updated_at=row["changed"])


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0005_pictures"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="studio",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.RunPython(stamp_from_history, migrations.RunPython.noop),
    ]
