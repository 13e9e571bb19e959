"""Numbering styles and page shapes the outline parser reads (invented text of real shapes)."""

from __future__ import annotations

import pytest

from plantrack.extract.normalize import normalize
from plantrack.extract.outline import build_outline, split_run_on
from plantrack.extract.pipeline import extract_text


def _paths(text: str) -> list[list[int]]:
    return [item.path for item in build_outline(split_run_on(normalize(text).splitlines())).items]


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        pytest.param(
            "Ⅰ、稳定就业\n1.开展培训。\nⅡ、扶持创业\n1.发放贷款。", [[1], [1, 1], [2], [2, 1]], id="roman"
        ),
        pytest.param("第一,抓好安全生产。\n第二,抓好项目建设。", [[1], [2]], id="ordinal"),
        pytest.param("第一节 总体要求\n第二节 主要任务\n一、稳定就业", [[1], [2], [2, 1]], id="section"),
        pytest.param("(五)加强督查。\n(六)严格考核。", [[5], [6]], id="starts-at-five"),
        pytest.param("3.完善制度。\n4.提升服务。", [[3], [4]], id="starts-at-three"),
        pytest.param(
            "(三)加强培训。\n(四)完善保障。\n四、保障措施\n(一)加强领导。\n五、工作要求\n(一)按时报送。",
            [[3], [4], [4], [4, 1], [5], [5, 1]],
            id="starts-inside-a-section",
        ),
        pytest.param("五、加强督查。\n全文完。", [], id="a-lone-high-number-is-text"),
        pytest.param(
            "三、整治对象(一)整治范围。城关镇。(二)整治内容1.乱种。指小街。2.乱堆。指杂物。",
            [[3], [3, 1], [3, 2], [3, 2, 1], [3, 2, 2]],
            id="headings-glued-to-first-sub-item",
        ),
    ],
)
def test_outline_shapes(text: str, paths: list[list[int]]) -> None:
    assert _paths(text) == paths


def test_glued_heading_splits_only_before_a_first_item() -> None:
    assert split_run_on(["一、加快发展(二)不对", "二、完善机制1.5万人"]) == [
        "一、加快发展(二)不对",
        "二、完善机制1.5万人",
    ]


def test_phased_stages_are_work() -> None:
    text = "四、实施步骤\n(一)动员部署阶段(3月底前)。制定方案。\n(二)集中整治阶段(4月至9月)。全面整治。\n五、工作要求\n(一)加强领导。"
    plan = extract_text(text).plan
    assert [t.path for t in plan.trackable()] == [[4, 1], [4, 2]]
