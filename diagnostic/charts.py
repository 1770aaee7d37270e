"""The result's radar chart, drawn on the server as SVG (printable, no JavaScript): the
geometry here, the markup in `templates/diagnostic/includes/radar.html`, which carries
its data as a table too."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 460, 320
CENTRE_X, CENTRE = WIDTH / 2, HEIGHT / 2
RADIUS = 110
RINGS = (25, 50, 75, 100)


@dataclass
class Spoke:
    label: str
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str


def _point(index: int, count: int, value: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    distance = RADIUS * value / 100
    return (
        round(CENTRE_X + distance * math.cos(angle), 1),
        round(CENTRE + distance * math.sin(angle), 1),
    )


def _polygon(values: Sequence[float | None]) -> str:
    count = len(values)
    return " ".join(
        "{},{}".format(*_point(index, count, value or 0)) for index, value in enumerate(values)
    )


def radar(labels: list[str], series: Sequence[Sequence[float | None]]) -> dict:
    """`series`: one list of scores (0–100, in the order of `labels`) per drawn polygon,
    the current result first."""
    count = len(labels)
    spokes = []
    for index, label in enumerate(labels):
        x, y = _point(index, count, 100)
        label_x, label_y = _point(index, count, 118)
        if abs(label_x - CENTRE_X) < 1:
            anchor = "middle"
        else:
            anchor = "start" if label_x > CENTRE_X else "end"
        spokes.append(
            Spoke(label, x, y, label_x, label_y + (12 if label_y > CENTRE else -4), anchor)
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "spokes": spokes,
        "rings": [
            {
                "value": ring,
                "points": _polygon([ring] * count),
                "y": round(CENTRE - RADIUS * ring / 100, 1),
            }
            for ring in RINGS
        ],
        "polygons": [_polygon(values) for values in series],
        "centre_x": CENTRE_X,
        "centre_y": CENTRE,
    }


# Bar charts (the federation's dashboard): one row per bar, label on the left.
BAR_ROW, BAR_HEIGHT, LABEL_WIDTH, BAR_SPACE = 30, 18, 200, 220


@dataclass
class Bar:
    label: str
    value: int
    y: float = 0
    width: float = 0

    @property
    def text_y(self) -> float:
        return self.y + BAR_HEIGHT - 4

    @property
    def value_x(self) -> float:
        return LABEL_WIDTH + self.width + 6


def bars(rows: list[tuple[str, int]]) -> dict:
    """Geometry of a horizontal bar chart of (label, value) rows."""
    top = max((value for _label, value in rows), default=0) or 1
    found = [
        Bar(str(label), value, index * BAR_ROW + 4, round(value / top * BAR_SPACE, 1))
        for index, (label, value) in enumerate(rows)
    ]
    return {
        "bars": found,
        "height": len(found) * BAR_ROW + 8,
        "width": LABEL_WIDTH + BAR_SPACE + 50,
        "label_x": LABEL_WIDTH - 8,
        "bar_x": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
    }
