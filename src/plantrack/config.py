"""Workspace settings from plantrack.toml; every field has a documented default."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from plantrack.errors import DataFileError


class StatusSettings(BaseModel):
    """Status-light thresholds, in percentage points behind 序时进度 (local practice differs)."""

    model_config = ConfigDict(extra="forbid")
    tolerance: float = Field(
        10.0, ge=0, le=100, description="Up to this many points behind is still 序时推进 (green)"
    )
    serious: float = Field(
        30.0, ge=0, le=100, description="More than this many points behind is 严重滞后 (red)"
    )
    expected: Literal["months", "days"] = Field(
        "months", description="序时进度 by whole months gone (as offices count) or by days gone"
    )

    @model_validator(mode="after")
    def _ordered(self) -> StatusSettings:
        if self.tolerance > self.serious:
            raise ValueError(f"tolerance（{self.tolerance}）不能大于 serious（{self.serious}）")
        return self


class PlanSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    default_year: int | None = Field(None, description="Plan year when a notice does not show one")
    inherit_recipients: bool = Field(
        False,
        description="Tasks naming no agency answer to the notice's recipients too, not only its issuers",
    )


class ReportSettings(BaseModel):
    """Who the report goes to and who signs it; empty means derived from the plan's notice."""

    model_config = ConfigDict(extra="forbid")
    addressee: str = Field("", description="主送: whom the report is sent to (default: from the notice)")
    office: str = Field("", description="落款: the office that issues the report (default: from the notice)")


class LedgerSettings(BaseModel):
    """Excel ledger colours (RGB hex) of the status lights, for `plantrack export` and reminders."""

    model_config = ConfigDict(extra="forbid")
    colors: dict[str, str] = Field(
        default_factory=lambda: {
            "done": "C6EFCE",
            "on_track": "C6EFCE",
            "behind": "FFEB9C",
            "serious": "FFC7CE",
            "not_started": "D9D9D9",
            "not_reported": "F2F2F2",
        },
        description="Light value (done, on_track, behind, serious, not_started, not_reported) -> fill colour",
    )


class DocxSettings(BaseModel):
    """Font names of the Word report (GB/T 9704); each is a list: the first one installed wins in Word's
    substitution, the rest are written as its alternates."""

    model_config = ConfigDict(extra="forbid")
    title_font: list[str] = Field(default_factory=lambda: ["方正小标宋简体", "华文中宋", "宋体"])
    body_font: list[str] = Field(default_factory=lambda: ["仿宋_GB2312", "仿宋"])
    heading1_font: list[str] = Field(default_factory=lambda: ["黑体"])
    heading2_font: list[str] = Field(default_factory=lambda: ["楷体_GB2312", "楷体"])
    page_number_font: list[str] = Field(default_factory=lambda: ["宋体"])
    issuer: str = Field(
        "", description="落款: the office that sends reports and reminders (default: the plan's issuer)"
    )


class RemindSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    working_days: int = Field(
        5, ge=1, le=30, description="Reports are due this many working days after the quarter ends"
    )


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    plan: PlanSettings = PlanSettings()
    status: StatusSettings = StatusSettings()
    report: ReportSettings = ReportSettings()
    agencies: dict[str, str] = Field(default_factory=dict, description="Extra abbreviations: 简称 = 全称")
    ledger: LedgerSettings = LedgerSettings()
    docx: DocxSettings = DocxSettings()
    remind: RemindSettings = RemindSettings()


DEFAULT_TOML = """\
# plantrack 工作区设置 (workspace settings)

[plan]
# 通知中看不出年份时使用的计划年度 (plan year when the notice shows none)
# default_year = 2017
# 任务未写明单位时，除发文单位外，主送单位也作为其责任单位 (tasks naming no agency: recipients too)
# inherit_recipients = false

[status]
# 落后序时进度不超过 tolerance 个百分点仍算"序时推进"(绿)；落后超过 serious 个百分点为"严重滞后"(红)
tolerance = 10
serious = 30
# 序时进度按月计（months：9月底75%、11月底91.7%）或按天计（days）
expected = "months"

[report]
# 报告的主送单位和落款单位（默认从通知推断：领导小组办公室印发的计划报领导小组，落款为该办公室）
# addressee = "吉安市农民工工作领导小组"
# office = "吉安市农民工工作领导小组办公室"

[agencies]
# 单位简称 = 全称，补充内置简称表 (extra agency abbreviations)
# "人社局" = "市人力资源和社会保障局"
"""


def load_settings(path: Path) -> Settings:
    """Read plantrack.toml; a missing file gives the defaults, a broken one a located error."""
    if not path.exists():
        return Settings()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise DataFileError(
            str(path), f"设置文件不是有效的 TOML：{e}", hint="请按 TOML 格式修改该文件。"
        ) from e
    try:
        return Settings.model_validate(raw)
    except ValidationError as e:  # every problem, not only the first
        parts = [f"设置项 {'.'.join(str(p) for p in err['loc'])} 有误：{err['msg']}" for err in e.errors()]
        raise DataFileError(str(path), "；".join(parts), hint="请对照 README 中的设置说明修改。") from e
