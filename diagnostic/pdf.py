"""The action plan as a PDF, drawn with ReportLab: the same content as the printable
page (`templates/diagnostic/plan.html`), in the reader's language. ReportLab's built-in
Helvetica covers the Latin-1 and Windows-1252 letters French, Dutch and English need."""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape  # nosec B406 - escaping text for ReportLab, no XML parsed

from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from community.public import absolute_url

INK = colors.HexColor("#1d3557")


def _radar(axes: list[dict]) -> Drawing:
    drawing = Drawing(8 * cm, 7 * cm)
    chart = SpiderChart()
    chart.x, chart.y, chart.width, chart.height = 1.5 * cm, 0.8 * cm, 5 * cm, 5 * cm
    chart.data = [[axis["score"] or 0 for axis in axes]]
    if any(axis["before"] is not None for axis in axes):
        chart.data.append([axis["before"] or 0 for axis in axes])
    # An invisible strand at 100: the chart scales to its largest value, as the page's does
    # to 100.
    chart.data.append([100] * len(axes))
    chart.labels = [axis["label"] for axis in axes]
    chart.strands[0].strokeColor = INK
    chart.strands[0].fillColor = colors.Color(0.11, 0.21, 0.34, alpha=0.25)
    if len(chart.data) > 1:
        chart.strands[1].strokeColor = colors.grey
        chart.strands[1].strokeDashArray = (3, 2)
        chart.strands[1].fillColor = None
    chart.strands[len(chart.data) - 1].strokeColor = None
    chart.strands[len(chart.data) - 1].fillColor = None
    drawing.add(chart)
    return drawing


def _text(value) -> str:
    return escape(str(value))


def plan(context: dict) -> bytes:
    styles = getSampleStyleSheet()
    diagnostic = context["diagnostic"]
    organisation = context["organisation"]
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=_("Plan d'action numérique de %(organisation)s")
        % {"organisation": organisation.name},
        author="Relais",
        lang=translation.get_language() or "fr",
    )
    date = formats.date_format(diagnostic.created_at, "DATE_FORMAT")
    story = [
        Paragraph(
            _text(
                _("Plan d'action numérique de %(organisation)s")
                % {"organisation": organisation.name}
            ),
            styles["Title"],
        ),
        Paragraph(_text(_("Diagnostic du %(date)s") % {"date": date}), styles["Normal"]),
        Spacer(1, 0.4 * cm),
        Paragraph(_text(_("Scores par axe (sur 100)")), styles["Heading2"]),
    ]
    previous = context["previous"]
    header = [_("Axe"), _("Score")]
    if previous:
        header.append(_("Diagnostic précédent"))
    rows = [header]
    for axis in context["axes"]:
        row = [axis["label"], "—" if axis["score"] is None else str(axis["score"])]
        if previous:
            row.append("—" if axis["before"] is None else str(axis["before"]))
        rows.append(row)
    overall = context["result"].overall
    rows.append(
        [_("Ensemble"), "—" if overall is None else str(overall)] + ([""] if previous else [])
    )
    table = Table(rows, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"),
            ]
        )
    )
    story += [table, Spacer(1, 0.3 * cm)]
    if context["result"].submitted:
        story.append(_radar(context["axes"]))
    story.append(Paragraph(_text(_("Nos actions")), styles["Heading2"]))
    actions = context["actions"]
    if actions:
        rows = [[_("Action"), _("Échéance"), _("Faite")]]
        for action in actions:
            address = _text(absolute_url(action.url))
            title = Paragraph(
                f'{_text(action.title)}<br/><font size="8">{address}</font>', styles["Normal"]
            )
            rows.append(
                [
                    title,
                    formats.date_format(action.target_date, "SHORT_DATE_FORMAT"),
                    _("oui") if action.done_at else _("non"),
                ]
            )
        table = Table(rows, colWidths=[11 * cm, 3 * cm, 2 * cm], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    else:
        story.append(Paragraph(_text(_("Aucune action choisie pour l'instant.")), styles["Normal"]))
    document.build(story)
    return buffer.getvalue()
