"""The odd-one-out study's paragraph bounds and cosine."""

from __future__ import annotations

import numpy as np

from study_scripts import load_study

study = load_study("odd_one_out")


def test_a_figure_s_paragraph_runs_between_blank_lines() -> None:
    text = "Lede about the Varnel ferry.\n\nIt carried 40 cars.\n\nRepairs take 3 weeks."
    start = text.index("40")
    left, right = study._paragraph(text, start)
    assert text[left:right].strip() == "It carried 40 cars."


def test_the_last_paragraph_runs_to_the_end_of_the_text() -> None:
    text = "First part.\n\nThe quay is 12 metres long."
    left, right = study._paragraph(text, text.index("12"))
    assert right == len(text) and text[left:right].strip() == "The quay is 12 metres long."


def test_the_cosine_of_a_vector_with_itself_is_one_and_with_an_orthogonal_one_zero() -> None:
    a, b = np.array([1.0, 0.0]), np.array([0.0, 2.0])
    assert abs(study._cosine(a, a) - 1.0) < 1e-6
    assert abs(study._cosine(a, b)) < 1e-6
