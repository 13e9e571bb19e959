"""plantrack.toml's settings checked by msgspec against config.Settings' types, for the commands
that must not wait for pydantic (a first `status` without a cache).

config.Settings stays the definition of the settings file. These structs mirror it section for
section, with its constraints (and the defaults of what tracking reads: the thresholds and the
ledger's colours; the other sections are only checked), and take only what it takes with the same
values (msgspec's strict conversion: no text read as a number); anything else, and a tolerance
above serious, makes `tracking_settings` give up, and config.load_settings reads the file and
says what is wrong. tests/test_fast_paths.py compares both on many files.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from plantrack.records import StatusRules, TrackingSettings

_Pct = Annotated[float, Meta(ge=0, le=100)]


class _Section(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    pass


class StatusSettings(_Section):
    tolerance: _Pct = 10.0
    serious: _Pct = 30.0
    expected: Literal["months", "days"] = "months"


class PlanSettings(_Section):
    default_year: int | None = None
    inherit_recipients: bool = False


class ReportSettings(_Section):
    addressee: str = ""
    office: str = ""


LEDGER_COLORS = {"done": "C6EFCE", "on_track": "C6EFCE", "behind": "FFEB9C", "serious": "FFC7CE",
                 "not_started": "D9D9D9", "not_reported": "F2F2F2"}  # fmt: skip


class LedgerSettings(_Section):
    colors: dict[str, str] = msgspec.field(default_factory=lambda: dict(LEDGER_COLORS))


class DocxSettings(_Section):
    title_font: list[str] = []
    body_font: list[str] = []
    heading1_font: list[str] = []
    heading2_font: list[str] = []
    page_number_font: list[str] = []
    issuer: str = ""


class RemindSettings(_Section):
    working_days: Annotated[int, Meta(ge=1, le=30)] = 5


class Settings(_Section):
    plan: PlanSettings = msgspec.field(default_factory=PlanSettings)
    status: StatusSettings = msgspec.field(default_factory=StatusSettings)
    report: ReportSettings = msgspec.field(default_factory=ReportSettings)
    agencies: dict[str, str] = {}
    ledger: LedgerSettings = msgspec.field(default_factory=LedgerSettings)
    docx: DocxSettings = msgspec.field(default_factory=DocxSettings)
    remind: RemindSettings = msgspec.field(default_factory=RemindSettings)


def tracking_settings(path: Path) -> TrackingSettings | None:
    """What tracking reads of the settings file (store._settings_of's record), or None when the
    file is for config.load_settings (missing, not TOML, or anything msgspec does not take)."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        s = msgspec.convert(raw, Settings)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, msgspec.ValidationError):
        return None
    if s.status.tolerance > s.status.serious:
        return None  # the model says why
    rules = StatusRules(float(s.status.tolerance), float(s.status.serious), s.status.expected)
    return TrackingSettings(rules, dict(s.agencies), dict(s.ledger.colors))
