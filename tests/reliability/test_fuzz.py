"""Fuzzing in CI (bounded examples): extract, the plan loader and the journal loader never raise
anything but a PlantrackError. The long run (10,000 inputs) is bench/reliability_run.py."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.fuzzing import TARGETS


@pytest.mark.parametrize("name", sorted(TARGETS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False))
def test_fuzzed_input_gives_a_result_or_a_clear_error(name: str, rng: random.Random) -> None:
    make, target = TARGETS[name]
    target(make(rng))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("extract", "关于做好就业工作\n有关事项；的通知\n".encode()),
        ("plan", b"a: &a [1]\nb: *a\n"),
        ("plan", b"schema: 1\nid: x\nyear: " + b"9" * 5000 + b"\n"),
        (
            "journal",
            b'- {"id": 1, "task": "1.1", "as_of": "2017-09-30", "recorded_at": "2017-10-09T09:12:00", "agency": "x", "percent": NaN}',
        ),
    ],
    ids=["two-line-notice", "alias", "long-year", "nan-no-newline"],
)
def test_inputs_that_once_broke(name: str, data: bytes) -> None:
    TARGETS[name][1](data)
