"""The result's radar chart, drawn on the server as SVG (printable, no JavaScript): the
geometry here, the markup in `templates/diagnostic/includes/radar.html`, which carries
its data as a table too."""

from __future__ import annotations

import math
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


def _polygon(values: list[float | None]) -> str:
    count = len(values)
    return " ".join(
        "{},{}".format(*_point(index, count, value or 0)) for index, value in enumerate(values)
    )


def radar(labels: list[str], series: list[list[int | None]]) -> dict:
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
