"""Site-wide tests reach across apps: they use the page trees and people of the practices
and calendar tests."""

from tests.events.conftest import affiliated_org, calendar_page  # noqa: F401
from tests.practices.conftest import (  # noqa: F401
    editor,
    home_page,
    member_org,
    member_with_org,
    practice_index,
    sheet_data,
    tools,
)
