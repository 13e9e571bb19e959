"""The front and end of the report: whom it is sent to (主送), the opening, who signs it (落款)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from plantrack.lang.report_words import OFFICE_SUFFIXES
from plantrack.records import PlanRecord as Plan

if TYPE_CHECKING:
    from plantrack.config import ReportSettings


def served_body(issuer: str) -> str:
    """吉安市农民工工作领导小组办公室 -> 吉安市农民工工作领导小组; "" when the issuer is not an office."""
    for suffix in OFFICE_SUFFIXES:
        if issuer.endswith(suffix) and len(issuer) > len(suffix) + 1:
            return issuer[: -len(suffix)]
    return ""


def default_addressee(plan: Plan) -> str:
    """The body an issuing office serves, else the plan's first issuer (who collects the reports)."""
    for issuer in plan.issuer:
        body = served_body(issuer)
        if body:
            return body
    return plan.issuer[0] if plan.issuer else ""


def default_office(plan: Plan) -> str:
    """The issuing office of the plan when it is an office (it compiles the report), else ""."""
    return next((i for i in plan.issuer if served_body(i)), "")


def addressee(plans: Sequence[Plan], settings: ReportSettings, agency: str | None) -> str:
    """主送: the setting, else (agency report) the compiling office, else the body the plans report to."""
    if settings.addressee and not agency:
        return settings.addressee
    if agency:
        return settings.office or _joined(default_office(p) or default_addressee(p) for p in plans)
    return _joined(default_addressee(p) for p in plans)


def office(plans: Sequence[Plan], settings: ReportSettings, agency: str | None) -> str:
    """落款: the agency of an agency report, else the setting, else the plans' issuing office."""
    if agency:
        return agency
    return settings.office or _joined(default_office(p) for p in plans)


def citation(plan: Plan) -> str:
    """《吉安市…办公室关于印发…的通知》（吉农工办〔2017〕1号）: the notice and its 文号."""
    name = plan.notice_title or plan.title or plan.id
    return f"《{name}》" + (f"（{plan.doc_number}）" if plan.doc_number else "")


def _joined(names: Iterable[str]) -> str:
    return "、".join(n for n in dict.fromkeys(names) if n)
