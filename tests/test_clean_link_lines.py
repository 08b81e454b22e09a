"""A line inside the story that links to another page ("Related: ...") goes, figures and all."""

from __future__ import annotations

import pytest

from newsfuse.clean import CleanParams, clean_articles
from newsfuse.clean.signals import is_link_line
from newsfuse.model import Article

# Invented story on the Harrowmere reservoir.
STORY = (
    "Water levels at the Harrowmere reservoir fell to 38% of capacity on Monday, the "
    "regional water board said.\n\n"
    "Related: Villages that lost half of their wells in the last drought\n\n"
    "The board said a hosepipe ban covering 240,000 homes would begin on Friday."
)


@pytest.mark.parametrize(
    ("line", "link"),
    [
        ("Related: Villages that lost half of their wells in the last drought", True),
        ("Read more: What the 2019 ban cost households", True),
        ("Watch: The board's engineer on the numbers (3:05)", True),
        ("RELATED STORIES: Is a hosepipe ban coming?", True),
        # Story lines and live-blog updates stay.
        ("Latest: the board says levels fell to 38%", False),
        ("Related: the board said levels fell to 38% on Monday.", False),
        ("Reservoir level: 38% (last week 41%)", False),
        ("Watchers said the reservoir had fallen by 4 metres", False),
    ],
)
def test_a_link_label_and_a_headline_make_a_link_line(line: str, link: bool) -> None:
    assert is_link_line(line) is link


def test_a_link_line_inside_the_story_is_dropped_unless_the_switch_is_off() -> None:
    article = Article(id="a", text=STORY, source="Harrowmere Post")
    (cleaned,) = clean_articles([article])
    assert "half of their wells" not in cleaned.text
    assert "38% of capacity" in cleaned.text and "240,000 homes" in cleaned.text
    assert any(removal.reason == "related-articles list" for removal in cleaned.removed)
    (kept,) = clean_articles([article], CleanParams(drop_link_lines=False))
    assert "half of their wells" in kept.text
