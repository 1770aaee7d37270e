"""The hostile-input tests borrow the room tests' people and room."""

from tests.rooms.conftest import alice, bruno, theme_room  # noqa: F401
