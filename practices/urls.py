"""Addresses of the practices app that are not Wagtail pages."""

from django.urls import path

app_name = "practices"

urlpatterns: list = []
