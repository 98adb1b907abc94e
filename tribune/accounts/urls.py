from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("export/", views.export, name="export"),
    path("delete/", views.delete, name="delete"),
    path("notices/", views.notice_list, name="notices"),
    path("warning/acknowledge/", views.acknowledge_warning, name="acknowledge_warning"),
]
