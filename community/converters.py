"""Path converters shared by the apps' URLs (registered in CommunityConfig.ready)."""

from django.urls.converters import IntConverter

# 18 digits at most: every such number fits the databases' 64-bit integers. A longer one
# could name no row; matched as <int:…> it overflowed the query (a 500 on SQLite) instead
# of answering "not found".
ID_PATTERN = "[0-9]{1,18}"


class IdConverter(IntConverter):
    """`<id:pk>`: a row's id in a path; a number no row can have is a 404."""

    regex = ID_PATTERN
