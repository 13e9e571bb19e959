"""--json prints the output models (model_dump(mode="json")); `schema --kind` prints their JSON Schema."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXTRACTED


@pytest.fixture
def jian(workspace: Path, invoke) -> Path:  # type: ignore[no-untyped-def]
    shutil.copy(EXTRACTED / "jian-2017.yaml", workspace / "data" / "extracted" / "jian-2017.yaml")
    result = invoke(
        "-w", workspace, "record", "jian", "1.1", "--agency", "人社局", "--date", "2017-09-30",
        "--actual", "0=4.5万", "--note", "前三季度新增转移农村劳动力4.5万人",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return workspace


CASES = [
    ("status", ["status", "--as-of", "2017-09-30", "--json"]),
    ("task", ["show", "jian", "1.1", "--as-of", "2017-09-30", "--json"]),
    ("history", ["history", "jian", "1.1", "--json"]),
    ("plans", ["plans", "--json"]),
    ("agencies", ["agencies", "--json"]),
    ("plan", ["show", "jian", "--json"]),
]


@pytest.mark.parametrize(("kind", "args"), CASES, ids=[k for k, _ in CASES])
def test_json_is_the_model_of_its_kind(invoke, jian: Path, kind: str, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    from plantrack.tracking.outputs import KINDS

    result = invoke("-w", jian, *args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    model = KINDS[kind].model_validate(data)  # the printed JSON is exactly a dump of the model
    assert model.model_dump(mode="json", by_alias=True) == data
    if kind != "plan":
        assert data["kind"] == kind
    schema = json.loads(invoke("schema", "--kind", kind).output)
    assert set(data) <= set(schema["properties"])  # every printed key is described
    assert set(schema.get("required", [])) <= set(data)


def test_json_values(invoke, jian: Path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(invoke("-w", jian, "show", "jian", "1.1", "--as-of", "2017-09-30", "--json").output)
    status = data["status"]
    assert status["task"]["number"] == "(一)"
    assert status["targets"][0]["actual"] == 45000.0
    assert status["last"]["note"] == "前三季度新增转移农村劳动力4.5万人"
    agencies = json.loads(invoke("-w", jian, "agencies", "--json").output)["agencies"]
    first = agencies[0]
    assert first["agency"] == "市人社局" and first["total"] == sum(first["counts"].values()) == 11


def test_schema_of_an_unknown_kind(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("schema", "--kind", "bogus")
    assert result.exit_code == 1
    assert "没有这种数据：bogus" in result.output and "status" in result.output
