"""The French word pools of the benchmark's invented network (`bench.data`), read from
`bench/vocabulary.yaml` (its comments say what each pool is for) at import.

The generator reads the names below, in the file's order: lists (a pool's draws follow
its order), dicts in the file's order, and (title, text) pairs as tuples.
"""

from __future__ import annotations

from pathlib import Path

import yaml

PATH = Path(__file__).resolve().parent / "vocabulary.yaml"
# libyaml's parser when PyYAML was built with it, else PyYAML's own (as website.demo).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

with open(PATH, encoding="utf-8") as file:
    _POOLS = yaml.load(file, Loader=LOADER)  # noqa: S506 (a safe loader)


def _pairs(name: str, second: str = "text") -> list[tuple[str, str]]:
    return [(item["title"], item[second]) for item in _POOLS[name]]


# Region slug (website/demo/taxonomies.yaml) → towns, and the time zone of the region.
TOWNS: dict[str, list[str]] = _POOLS["towns"]
REGION_WEIGHTS: dict[str, int] = _POOLS["region_weights"]
TIME_ZONES: dict[str, str] = _POOLS["time_zones"]
DEFAULT_TIME_ZONE: str = _POOLS["default_time_zone"]

# Organisations.
ORG_PREFIXES: list[str] = _POOLS["org_prefixes"]
ORG_ACTIVITIES: list[str] = _POOLS["org_activities"]
LANDSCAPES: list[str] = _POOLS["landscapes"]
FEDERATION_PREFIXES: list[str] = _POOLS["federation_prefixes"]
FEDERATION_SCOPES: list[str] = _POOLS["federation_scopes"]
FEDERATION_AREAS: list[str] = _POOLS["federation_areas"]
SUPPORT_PREFIXES: list[str] = _POOLS["support_prefixes"]
ORG_DESCRIPTIONS: list[str] = _POOLS["org_descriptions"]

# People.
FIRST_NAMES: list[str] = _POOLS["first_names"]
LAST_NAMES: list[str] = _POOLS["last_names"]
BIOS: list[str] = _POOLS["bios"]

# Practice sheets.
SHEET_ACTIONS: list[str] = _POOLS["sheet_actions"]
SHEET_GOALS: list[str] = _POOLS["sheet_goals"]
SHEET_CONTEXTS: list[str] = _POOLS["sheet_contexts"]
SHEET_SUMMARIES: list[str] = _POOLS["sheet_summaries"]
WHY_SENTENCES: list[str] = _POOLS["why_sentences"]
RESULT_SENTENCES: list[str] = _POOLS["result_sentences"]
IMPACT_SENTENCES: list[str] = _POOLS["impact_sentences"]
DIFFICULTIES = _pairs("difficulties")
TIPS = _pairs("tips")
PHASES = _pairs("phases")
TOOL_USAGES: list[str] = _POOLS["tool_usages"]
KEYWORDS: list[str] = _POOLS["keywords"]
DURATIONS: list[str] = _POOLS["durations"]
BUDGETS: list[str] = _POOLS["budgets"]
FUNDINGS: list[str] = _POOLS["fundings"]

# Events.
EVENT_TITLES: dict[str, str] = _POOLS["event_titles"]
EVENT_SUBJECTS: list[str] = _POOLS["event_subjects"]
EVENT_SUMMARIES: list[str] = _POOLS["event_summaries"]
EVENT_PARAGRAPHS: list[str] = _POOLS["event_paragraphs"]
VENUES: list[str] = _POOLS["venues"]
STREETS: list[str] = _POOLS["streets"]
OCCURRENCE_NOTES: list[str] = _POOLS["occurrence_notes"]

# Rooms.
THEME_ROOM_TOPICS = _pairs("theme_room_topics", "description")
MESSAGE_OPENINGS: list[str] = _POOLS["message_openings"]
MESSAGE_SENTENCES: list[str] = _POOLS["message_sentences"]
MESSAGE_EXTRAS: list[str] = _POOLS["message_extras"]

# Support programmes.
PROGRAMME_TITLES: dict[str, list[str]] = _POOLS["programme_titles"]
PROGRAMME_SUBJECTS: list[str] = _POOLS["programme_subjects"]
PROGRAMME_PROVIDERS: list[str] = _POOLS["programme_providers"]
PROGRAMME_AMOUNTS: dict[str, list[str]] = _POOLS["programme_amounts"]
PROGRAMME_SUMMARIES: dict[str, list[str]] = _POOLS["programme_summaries"]
PROGRAMME_PARAGRAPHS: list[str] = _POOLS["programme_paragraphs"]
PROGRAMME_STEPS: list[str] = _POOLS["programme_steps"]
PROGRAMME_APPLICATIONS: list[str] = _POOLS["programme_applications"]

# Editors' stories.
STORY_TITLE_PATTERNS: list[str] = _POOLS["story_title_patterns"]
STORY_CHANGES: list[str] = _POOLS["story_changes"]
STORY_LEAD_OPENINGS: list[str] = _POOLS["story_lead_openings"]
STORY_LEAD_CLOSINGS: list[str] = _POOLS["story_lead_closings"]
STORY_HEADINGS: list[str] = _POOLS["story_headings"]
STORY_SENTENCES: list[str] = _POOLS["story_sentences"]
STORY_QUOTES: list[str] = _POOLS["story_quotes"]
STORY_SPEAKER_ROLES: list[str] = _POOLS["story_speaker_roles"]
STORY_FIGURES: list[dict] = _POOLS["story_figures"]
STORY_EDITORS: list[dict] = _POOLS["story_editors"]
STORY_AUTHOR_ROLES: list[str] = _POOLS["story_author_roles"]
