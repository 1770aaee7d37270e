"""The demo network, as data: one YAML file per kind in this directory, read by
`website.demo.seeder` (run by `manage.py seed_demo`).

| file                 | what it holds                                                        |
|----------------------|----------------------------------------------------------------------|
| `taxonomies.yaml`    | regions (in menu order), sectors, themes                             |
| `organisations.yaml` | federations, support structure, EES, and their affiliations          |
| `people.yaml`        | the shared password, the four logins, every person and membership   |
| `pages.yaml`         | the home page and the standard pages (StreamField in raw form)       |
| `navigation.yaml`    | the main menu (in its order) and the footer                          |
| `tools.yaml`         | the tool catalogue of the practice sheets                            |
| `sheets.yaml`        | the library page, the published sheets, the sheet awaiting review    |
| `reactions.yaml`     | "useful" marks, bookmarks and adoption reports on the sheets         |
| `events.yaml`        | the calendar page and its events (dates counted from the day of seeding) |
| `programmes.yaml`    | the list of support and its programmes (calls dated from the seed)   |
| `stories.yaml`       | the editors' stories page, their authors and the stories             |
| `rooms.yaml`         | the rooms, their messages and a report for the moderators            |

Each file starts with a comment on its keys. People are named by email, everything else by
slug. Every organisation, person and address is invented (`.example` domains only).
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

DIRECTORY = Path(__file__).resolve().parent
# libyaml's parser when PyYAML was built with it (ten times faster), else PyYAML's own.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def load(kind: str):
    """The content of `<kind>.yaml` (parsed once per process: treat it as read-only)."""
    with open(DIRECTORY / f"{kind}.yaml", encoding="utf-8") as file:
        return yaml.load(file, Loader=LOADER)  # noqa: S506 (a safe loader)  # nosec B506
