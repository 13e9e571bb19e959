"""Tables a text file holds as tab-separated rows: empty (merged) cells kept, wrapped cells joined back,
blank report forms left out, a row cut at the page end not given the row above's units."""

from __future__ import annotations

from datetime import date

from plantrack.extract.pipeline import extract
from plantrack.models import Plan
from plantrack.sources import read_bytes
from plantrack.sources.tabs import tab_rows

HEAD = "某区2019年城乡环境整治提升攻坚行动任务分解表\n序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"


def _plan(text: str) -> Plan:
    return extract(read_bytes(text.encode(), "t.txt").text, default_year=2019, today=date(2026, 1, 1))


def _agencies(plan: Plan) -> dict[int, list[tuple[str, str]]]:
    return {t.path[-1]: [(a.name, a.role.value) for a in t.agencies] for t in plan.tasks if t.kind == "task"}


def test_an_empty_lead_cell_is_kept_and_carried_from_the_row_above() -> None:
    text = HEAD + (
        "1\t完成城区12条背街小巷改造提升\t区住建局\t区城管局\t2019年9月底前\n"
        "2\t新建城市公厕15座\t\t区城管局、各街道\t2019年10月底前\n"
        "3\t整治占道经营\t区城管局\t区公安局\t长期坚持\n"
    )
    assert tab_rows(text).split("\n")[3] == "2 | 新建城市公厕15座 |  | 区城管局、各街道 | 2019年10月底前"
    assert sorted(_agencies(_plan(text))[2]) == [
        ("区住建局", "lead"),
        ("区城管局", "support"),
        ("各街道", "support"),
    ]


def test_a_cell_wrapped_onto_the_next_line_is_joined_back() -> None:
    text = HEAD + (
        "1\t整治沿线裸露山体、乱搭乱建点位不少于\n60处,绿化里程达到80公里\t区交通运输局\t区林业局\t2019年第三季度\n"
        "2\t做强茶产业,新建标准化茶园2万亩\t县茶产业发展中心\t县农业农村局,各产茶镇\n"
        " \t\u3000\t(街道)\t2019年10月底前\n"
        "3\t整治占道经营\t区城管局\t区公安局\t长期坚持\n"
    )
    rows = tab_rows(text).split("\n")
    assert (
        rows[2]
        == "1 | 整治沿线裸露山体、乱搭乱建点位不少于60处,绿化里程达到80公里 | 区交通运输局 | 区林业局 | 2019年第三季度"
    )
    assert (
        rows[3]
        == "2 | 做强茶产业,新建标准化茶园2万亩 | 县茶产业发展中心 | 县农业农村局,各产茶镇(街道) | 2019年10月底前"
    )
    plan = _plan(text)
    first = next(t for t in plan.tasks if t.path[-1] == 1)
    assert [(t.value, t.unit, t.op.value) for t in first.targets] == [(60, "处", ">="), (80, "公里", "=")]
    assert [d.isoformat() for d in first.deadlines] == ["2019-09-30"]


def test_a_row_cut_at_the_page_end_gets_no_units_from_the_row_above() -> None:
    text = (
        HEAD
        + "1\t建立周巡查工作机制\t区委督查室\t区住建局\t每月\n2\t整治占道经营\t区城管局\t区公安局\t长期坚持\n"
    )
    text += "3\t安排城乡环境整治专项资金3000万元,按照“以奖代补”方式\n"
    assert _agencies(_plan(text))[3] == []


def test_a_blank_report_form_after_the_plan_is_no_task_table() -> None:
    text = (
        HEAD
        + "1\t完成城区背街小巷改造提升\t区住建局\t区城管局\t2019年9月底前\n附件2\n进展情况统计表\n"
        + "填报单位(盖章):\u3000\u3000填报日期:\n序号\t指标名称\t计量单位\t1—月累计\t同比增长(%)\t备注\n"
        + "1\t社会消费品零售总额\t亿元\n2\t新建商品房销售面积\t万平方米\n3\t接待国内游客人次\t万人次\n"
    )
    assert [t.path for t in _plan(text).tasks if t.kind == "task"] == [[1]]


def test_text_with_a_tab_or_two_is_left_as_it_is() -> None:
    text = "一、总体要求\t(略)\n二、主要任务\n(一)加强领导。\t市人社局负责。\n"
    assert tab_rows(text) == text


PIPE_HEAD = "某区2025年优化营商环境重点任务清单\n序号 | 重点任务 | 具体措施 | 责任单位 | 完成时限\n"


def test_a_pipe_row_whose_number_and_task_are_merged_is_more_of_the_task_above() -> None:
    text = PIPE_HEAD + (
        "1 | 提升企业开办便利度 | 全年新设经营主体不少于6000户。 | 区市场监管局、区行政审批局 | 2025年6月\n"
        " |  | 开展“个转企”培育行动,全年完成“个转企”80户以上。 | 区市场监管局、区税务局 | 年底前\n"
        "2 | 优化纳税服务 | 非接触式办税缴费率保持在95%以上。 | 区税务局 | 年底前\n"
    )
    plan = extract(text, default_year=2025, today=date(2026, 1, 1))
    first = next(t for t in plan.tasks if t.path == [1])
    assert sorted(a.name for a in first.agencies) == ["区市场监管局", "区税务局", "区行政审批局"]
    assert [(t.value, t.unit) for t in first.targets] == [(6000, "户"), (80, "户")]
    assert [d.isoformat() for d in first.deadlines] == ["2025-06-30", "2025-12-31"]
    assert [t.path for t in plan.tasks if t.kind == "task"] == [[1], [2]]


def test_a_last_pipe_row_cut_inside_its_measure_gets_no_units_from_the_row_above() -> None:
    text = PIPE_HEAD + (
        "1 | 提升政务服务效能 | 全年新增上线“一件事”套餐10个。 | 区行政审批局、区数据局 | 2025年9月\n"
        "2 | 规范涉企执法检查 | 全面推行“综合查一次”,涉企轻微违法行为首违不罚清单\n"
    )
    plan = extract(text, default_year=2025, today=date(2026, 1, 1))
    last = next(t for t in plan.tasks if t.path == [2])
    assert (last.agencies, last.deadlines) == ([], [])


def test_rows_numbered_in_brackets_under_group_rows_are_table_rows() -> None:
    text = (
        "某区2019年重点民生工程任务分工方案\n序号\t重点任务\t区领导\t牵头单位\t责任单位\t完成时限\n"
        "一、教育卫生\n"
        "（一）\t新建公办幼儿园2所\t王明\t区教育局\t区住建局\t2019年8月\n"
        "（二）\t改造乡镇卫生院3所\t王明\t区卫健局\t各街道办事处\t2019年11月\n"
        "二、城市建设\n"
        "（一）\t改造老旧小区12个\t刘强\t区住建局\t区城管局\t2019年12月\n"
    )
    plan = _plan(text)
    rows = {tuple(t.path): t for t in plan.tasks if t.kind == "task"}
    assert sorted(rows) == [(1, 1), (1, 2), (2, 1)]
    assert rows[(1, 2)].title == "改造乡镇卫生院3所"
    assert [(a.name, a.role.value) for a in rows[(1, 2)].agencies] == [
        ("区卫健局", "lead"),
        ("各街道办事处", "responsible"),
    ]
    assert [d.isoformat() for d in rows[(2, 1)].deadlines] == ["2019-12-31"]
