"""Tests of the rounding study's pure functions (invented figures)."""

from __future__ import annotations

from study_scripts import load_study

rounding = load_study("rounding")


def _figure(text: str, value: float, bound: str = "") -> dict[str, object]:
    return {"value": value, "unit": None, "text": text, "bound": bound}


def test_each_candidate_reads_rounding_its_own_way() -> None:
    tests = rounding.candidates()
    exact, nearly = _figure("1.75", 1.75), _figure("two", 2.0, "just under")
    assert tests["a"](exact, nearly) and tests["a<"](exact, nearly)
    assert not tests["a+0.1"](exact, nearly)  # 12.5 % apart
    assert tests["b+0.15"](exact, nearly) and not tests["b+0.1"](exact, nearly)
    half, whole = _figure("4.5", 4.5), _figure("5", 5.0)
    assert tests["a"](half, whole) and not tests["a<"](half, whole)
    # An open bound counts as a hedge for b, not for n.
    bound, count = _figure("at least 20", 20.0, "at least"), _figure("21", 21.0)
    assert tests["b+0.05"](count, bound) and not tests["n+0.05"](count, bound)
    assert tests["c+0.05"](count, bound)


def test_a_row_clears_only_when_every_differing_pair_is_a_rounding() -> None:
    test = rounding.candidates()["a<"]
    assert rounding.clears([_figure("1.75", 1.75), _figure("1.75", 1.75), _figure("2", 2.0)], test)
    assert not rounding.clears(
        [_figure("15.99", 15.99), _figure("16", 16.0), _figure("26", 26.0)], test
    )
    assert not rounding.clears([_figure("16", 16.0), _figure("16", 16.0)], test)  # none differ


def test_leave_one_set_out_chooses_by_gain_less_loss_on_the_other_sets() -> None:
    scores = {
        "loose": {"x": (3, 2, 2), "y": (1, 3, 3), "z": (0, 0, 0)},
        "tight": {"x": (1, 0, 0), "y": (1, 0, 0), "z": (5, 0, 0)},
    }
    assert rounding.choose(scores, ["x", "y"]) == "tight"
    assert rounding.choose(scores, ["x"]) == "tight"  # 1 - 0 beats 3 - 2 only on loss
