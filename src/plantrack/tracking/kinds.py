"""What an agency says about a task (Status) and the light a task shows (Light), without pydantic.

tracking/models.py (the journal line and the --json shapes) and tracking/records.py (what the
commands compute with) both use these, so the everyday commands never import pydantic for them.
File keys and enum values stay English (stable in the journal file); users see the Chinese labels.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol


class Status(StrEnum):
    """What an agency says about a task."""

    not_started = "not_started"
    in_progress = "in_progress"
    done = "done"
    suspended = "suspended"


STATUS_LABELS: dict[Status, str] = {
    Status.not_started: "未启动",
    Status.in_progress: "推进中",
    Status.done: "已完成",
    Status.suspended: "暂缓",
}


class Light(StrEnum):
    """The status light of a task at a date."""

    done = "done"
    on_track = "on_track"
    behind = "behind"
    serious = "serious"
    not_started = "not_started"
    not_reported = "not_reported"


LIGHT_LABELS: dict[Light, str] = {
    Light.done: "已完成",
    Light.on_track: "序时推进",
    Light.behind: "滞后",
    Light.serious: "严重滞后",
    Light.not_started: "未启动",
    Light.not_reported: "未报送",
}

# Display order: the problems first.
LIGHT_ORDER: tuple[Light, ...] = (
    Light.serious,
    Light.behind,
    Light.not_reported,
    Light.not_started,
    Light.on_track,
    Light.done,
)


class _Lit(Protocol):
    @property
    def light(self) -> Light: ...


def light_counts(rows: Iterable[_Lit]) -> dict[Light, int]:
    """Tasks per light, in display order (problems first), zeros included."""
    counts = dict.fromkeys(LIGHT_ORDER, 0)
    for row in rows:
        counts[row.light] += 1
    return counts
