from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("comments/<int:article_id>/", views.thread_page, name="thread"),
    path("comments/<int:article_id>/more/", views.thread_fragment, name="thread_fragment"),
    path("comments/<int:article_id>/write/", views.write, name="write"),
    path("comments/c/<int:comment_id>/edit/", views.edit, name="edit"),
    path("comments/c/<int:comment_id>/delete/", views.delete, name="delete"),
    path("comments/c/<int:comment_id>/report/", views.report, name="report"),
    path("comment/<int:comment_id>/appeal/", views.appeal, name="appeal"),
]
