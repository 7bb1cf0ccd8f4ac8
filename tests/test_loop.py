"""The fixed-timestep clock."""

import pytest

from game.loop import FixedStep


def test_ticks_follow_real_time_and_carry_the_remainder():
    step = FixedStep(dt=0.01, max_steps=5)
    assert step.advance(0.025) == 2
    assert step.alpha == pytest.approx(0.5)
    assert step.advance(0.005) == 1
    assert step.advance(0.0) == 0


def test_a_stall_is_capped_and_then_forgotten():
    step = FixedStep(dt=0.01, max_steps=5)
    assert step.advance(3.0) == 5
    assert step.advance(0.01) == 1
