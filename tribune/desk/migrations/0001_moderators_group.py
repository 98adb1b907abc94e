"""The Moderators group of the comment desk: admin access and the moderation permission, nothing
else. Wagtail's own page-workflow group of that name becomes "Page moderators". Editors moderate
too, and manage webhooks."""

from django.db import migrations

DESK_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("comments", "comment", "moderate_comment"),
]


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    names = {"access_admin": "Can access Wagtail admin", "moderate_comment": "Can moderate comments in the desk"}
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": names[codename]}
    )
    return permission


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    wagtail_group = Group.objects.filter(name="Moderators").first()
    if wagtail_group is not None and not Group.objects.filter(name="Page moderators").exists():
        wagtail_group.name = "Page moderators"
        wagtail_group.save(update_fields=["name"])
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    permissions = [_permission(apps, *spec) for spec in DESK_PERMISSIONS]
    moderators.permissions.set(permissions)
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        # Editors moderate, and manage the newsroom's webhooks.
        editors.permissions.add(permissions[1])
        ContentType = apps.get_model("contenttypes", "ContentType")
        Permission = apps.get_model("auth", "Permission")
        webhook_type, _ = ContentType.objects.get_or_create(app_label="comments", model="webhook")
        for action in ("add", "change", "delete", "view"):
            permission, _ = Permission.objects.get_or_create(
                content_type=webhook_type,
                codename=f"{action}_webhook",
                defaults={"name": f"Can {action} webhook"},
            )
            editors.permissions.add(permission)


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name="Moderators").delete()
    Group.objects.filter(name="Page moderators").update(name="Moderators")


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0002_moderation"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
