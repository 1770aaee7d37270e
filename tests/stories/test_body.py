"""A story's body is accessible by construction: headings h2–h4 without a skipped level,
images with their alternative text or marked decorative. Both checks stop publication,
not the saving of a draft (Wagtail's deferred validation)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from stories.blocks import StoryBodyBlock, heading_errors
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def body(*blocks):
    block = StoryBodyBlock()
    return block, block.to_python([{"type": kind, "value": value} for kind, value in blocks])


def heading(level):
    return ("heading", {"text": f"Titre {level}", "level": level})


def test_heading_levels_may_not_skip_one():
    assert heading_errors([2, 3, 3, 2, 3, 4]) == []
    assert heading_errors([2, 4]) == [
        "Un intertitre de niveau 4 suit un niveau 2 : les niveaux ne se sautent pas (les "
        "lecteurs d'écran s'en servent pour parcourir la page)."
    ]
    assert len(heading_errors([3])) == 1  # the first one is a level 2


def test_a_skipped_level_stops_publication_not_a_draft():
    block, value = body(heading("h2"), heading("h4"))
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "niveau 4 suit un niveau 2" in str(error.value.as_json_data())
    assert block.clean_deferred(value) is not None  # a draft is saved as it is


def test_an_image_needs_its_alt_text_or_to_be_decorative():
    image = Image.objects.create(title="Atelier", file=get_test_image_file("atelier.png"))
    block = StoryBodyBlock()
    missing = block.to_python(
        [{"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": False}}]
    )
    with pytest.raises(ValidationError):
        block.clean(missing)
    assert block.clean_deferred(missing) is not None
    described = block.to_python(
        [
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "Trois aides familiales",
                    "decorative": False,
                },
            }
        ]
    )
    decorative = block.to_python(
        [{"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": True}}]
    )
    block.clean(described)
    block.clean(decorative)


def test_reading_time_counts_the_words_read():
    words = " ".join(["mot"] * 450)
    story = StoryPage(
        title="Long",
        lead="Un chapeau.",
        body=[{"type": "paragraph", "value": f"<p>{words}</p>"}],
    )
    assert story.reading_minutes == 3
