"""After extraction: tasks that name no agency answer to the plan's issuers (and, when the workspace
says so, its recipients). They go in `inherited_agencies`, never in `agencies`, so a reviewer sees
they were not printed on the task; tracking reads them as the task's agencies."""

from __future__ import annotations

from plantrack.models import Agency, Plan, Role


def inherit_agencies(plan: Plan, recipients: bool = False) -> Plan:
    """The plan with inherited agencies on every task that names none (one issuer leads; several
    issuers, and recipients, are each responsible)."""
    inherited = issuer_agencies(plan.issuer)
    if recipients:
        inherited += [Agency(name=r, role=Role.responsible) for r in plan.recipients if r not in plan.issuer]
    if not inherited:
        return plan
    bare = [t for t in plan.recordable() if not t.agencies]
    if not bare:
        return plan
    tasks = [t.model_copy(update={"inherited_agencies": inherited}) if t in bare else t for t in plan.tasks]
    names = "、".join(a.name for a in inherited[:3]) + ("等" if len(inherited) > 3 else "")
    note = f"{len(bare)}项任务（或总体目标）没有写明单位，已把{names}{len(inherited)}个单位记为其单位（inherited_agencies），请核对。"
    return plan.model_copy(update={"tasks": tasks, "warnings": [*plan.warnings, note]})


def issuer_agencies(issuers: list[str]) -> list[Agency]:
    role = Role.lead if len(issuers) == 1 else Role.responsible
    return [Agency(name=name, role=role) for name in dict.fromkeys(issuers)]
