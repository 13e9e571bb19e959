"""Each notice in data/sources/ gives exactly its committed, hand-reviewed plan in data/extracted/.

Regenerate after a reviewed change with: PLANTRACK_REGEN=1 python -m pytest tests/test_extract_golden.py
(then read the diff before committing).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plantrack.extract.batch import extract_one
from plantrack.planfile import load_plan
from plantrack.workspace import Workspace
from tests.conftest import EXTRACTED, REPO, SOURCES

NOTICES = sorted(p for p in SOURCES.iterdir() if p.suffix in (".txt", ".html", ".htm", ".docx", ".pdf"))


@pytest.mark.parametrize("source", NOTICES, ids=[p.stem for p in NOTICES])
def test_golden_plan(source: Path) -> None:
    ws = Workspace(REPO)
    regen = bool(os.environ.get("PLANTRACK_REGEN"))
    result = extract_one(source, workspace=ws, plan_id=source.stem, force=regen, diff_only=not regen)
    assert result.diff == "", f"{source.name} no longer gives its committed plan:\n{result.diff[:3000]}"


def test_golden_files_load_and_validate() -> None:
    for path in sorted(EXTRACTED.glob("*.yaml")):
        plan = load_plan(path)
        assert plan.kind == "plan"
        assert plan.trackable(), path


def test_jian_plan_facts() -> None:
    plan = load_plan(EXTRACTED / "jian-2017.yaml")
    tasks = plan.trackable()
    assert [t.number for t in tasks][:2] == ["(一)", "(二)"]
    assert len(tasks) == 22
    assert tasks[4].path == [2, 5]
    assert [(a.name, a.role.value) for a in tasks[4].agencies][:2] == [
        ("市人社局", "lead"),
        ("市公安局", "support"),
    ]
    named = [t.number for t in tasks if any(a.name == "市人社局" for a in t.agencies)]
    assert named == [
        "(一)",
        "(二)",
        "(三)",
        "(四)",
        "(五)",
        "(六)",
        "(七)",
        "(九)",
        "(十八)",
        "(二十)",
        "(二十一)",
    ]
    assert [(x.value, x.unit, x.op.value, x.parent) for x in tasks[0].targets] == [
        (60400, "人", "=", None),
        (42600, "人", "=", 0),
        (17250, "人", "=", 0),
    ]
