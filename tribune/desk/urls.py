"""The desk's pages inside Wagtail's admin, under /admin/desk/ (namespace "desk")."""

from django.urls import path

from . import audit, views

app_name = "desk"

urlpatterns = [
    path("", views.home, name="home"),
    path("queue/<slug:queue>/", views.queue, name="queue"),
    path("comment/<int:comment_id>/", views.comment, name="comment"),
    path("comment/<int:comment_id>/decide/", views.decide, name="decide"),
    path("comment/<int:comment_id>/reject-author/", views.reject_author, name="reject_author"),
    path("bulk/", views.bulk, name="bulk"),
    path("appeal/<int:appeal_id>/decide/", views.appeal_decide, name="appeal_decide"),
    path("reader/<int:user_id>/", views.reader, name="reader"),
    path("reader/<int:user_id>/sanction/", views.sanction, name="sanction"),
    path("reader/<int:user_id>/note/", views.note_add, name="note_add"),
    path("sanction/<int:sanction_id>/lift/", views.sanction_lift, name="sanction_lift"),
    path("log/", audit.log, name="log"),
    path("dashboard/", audit.dashboard, name="dashboard"),
    path("policy/", audit.policy, name="policy"),
    path("export/", audit.export, name="export"),
]
