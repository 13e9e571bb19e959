"""plantrack extract end to end: outputs, refusals, hand edits, encodings and formats."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plantrack.extract.pipeline import extract_text
from plantrack.planfile import load_plan
from tests.conftest import FIXTURES, SOURCES

WRITTEN = FIXTURES / "written"
NEWS = FIXTURES / "seeds" / "hunan-2016-news.txt"


def test_output_file(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "jian.yaml"
    result = invoke("extract", SOURCES / "jian-2017.txt", "-o", out)
    assert result.exit_code == 0, result.output
    assert "吉安市农民工工作领导小组2017年工作要点" in result.output
    assert "任务 22 项" in result.output
    plan = load_plan(out)
    assert plan.doc_number == "吉农工办〔2017〕1号"
    assert out.read_text(encoding="utf-8").startswith("# plantrack 计划文件")


def test_output_stdout_is_yaml(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("extract", SOURCES / "ningxia-2023.txt", "-o", "-")
    assert result.exit_code == 0
    data = yaml.safe_load(result.stdout)
    assert data["doc_number"] == "宁人社函〔2023〕81号"
    assert next(t["path"] for t in data["tasks"] if t["kind"] == "task") == [2, 1]


def test_workspace_keeps_source_and_writes_plan(invoke, workspace: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    notice = tmp_path / "通知.txt"
    shutil.copy(WRITTEN / "fullwidth-three-levels.txt", notice)
    result = invoke("-w", workspace, "extract", notice)
    assert result.exit_code == 0, result.output
    assert (workspace / "data" / "sources" / "通知.txt").read_bytes() == notice.read_bytes()
    plans = list((workspace / "data" / "extracted").glob("*.yaml"))
    assert [p.name for p in plans] == ["某某市-2024-任务分工方案.yaml"]
    assert load_plan(plans[0]).source.path == "data/sources/通知.txt"  # type: ignore[union-attr]


def test_diff_in_a_workspace_changes_nothing(invoke, workspace: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    notice = tmp_path / "通知.txt"
    shutil.copy(WRITTEN / "fullwidth-three-levels.txt", notice)
    result = invoke("-w", workspace, "extract", notice, "--diff")
    assert result.exit_code == 0, result.output
    assert "+++ 新提取结果" in result.output and "data/sources/通知.txt" in result.output
    assert not list((workspace / "data" / "sources").glob("*"))  # the notice is not copied by a diff
    assert not list((workspace / "data" / "extracted").glob("*.yaml"))


def test_news_page_is_refused(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "news.yaml"
    result = invoke("extract", NEWS, "-o", out)
    assert result.exit_code == 2
    assert "看起来是" in result.output and "不是工作计划" in result.output
    assert "--force" in result.output
    assert not out.exists()
    forced = invoke("extract", NEWS, "-o", out, "--force")
    assert forced.exit_code == 0
    assert load_plan(out).kind == "other"


def test_hand_edited_plan_is_not_overwritten(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "plan.yaml"
    assert invoke("extract", SOURCES / "jian-2017.txt", "-o", out).exit_code == 0
    again = invoke("extract", SOURCES / "jian-2017.txt", "-o", out)
    assert again.exit_code == 0 and "内容未变" in again.output
    edited = out.read_text(encoding="utf-8").replace("市委宣传部", "市委宣传部（已核对）")
    out.write_text(edited, encoding="utf-8")
    refused = invoke("extract", SOURCES / "jian-2017.txt", "-o", out)
    assert refused.exit_code == 1
    assert "已被人工修改过" in refused.output and "--force" in refused.output
    assert out.read_text(encoding="utf-8") == edited
    diff = invoke("extract", SOURCES / "jian-2017.txt", "-o", out, "--diff")
    assert "-  - {name: 市委宣传部（已核对）, role: lead}" in diff.output
    assert out.read_text(encoding="utf-8") == edited
    assert invoke("extract", SOURCES / "jian-2017.txt", "-o", out, "--force").exit_code == 0
    assert "已核对" not in out.read_text(encoding="utf-8")


def test_missing_file(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("extract", tmp_path / "nope.txt", "-o", tmp_path / "x.yaml")
    assert result.exit_code == 1
    assert "找不到文件" in result.output


def test_gbk_fullwidth_notice(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "gbk.txt"
    src.write_bytes((WRITTEN / "fullwidth-three-levels.txt").read_text(encoding="utf-8").encode("gbk"))
    out = tmp_path / "gbk.yaml"
    assert invoke("extract", src, "-o", out).exit_code == 0
    plan = load_plan(out)
    assert plan.source is not None and plan.source.encoding.replace("_", "").lower() in (
        "gbk",
        "gb18030",
        "gb2312",
    )
    tasks = {t.id: t for t in plan.trackable()}
    assert list(tasks) == [
        "2.1.1",
        "2.1.2",
        "2.2.1",
        "2.2.2",
    ]  # （１）…；（２）… inside a line enumerate within item 2.2.2, they are no items of their own
    first = tasks["2.1.1"]
    assert [(a.name, a.role.value) for a in first.agencies] == [
        ("市人社局", "lead"),
        ("市财政局", "responsible"),
        ("市税务局", "responsible"),
        ("各县(市、区)人民政府", "responsible"),
    ]
    assert [(x.value, x.unit, x.op.value) for x in first.targets] == [(35000, "人", ">="), (12000, "人", "=")]
    assert [str(d) for d in tasks["2.1.2"].deadlines] == ["2024-06-30"]
    assert [(x.value, x.unit, x.op.value) for x in tasks["2.2.1"].targets] == [
        (15000, "人次", ">="),
        (90, "%", ">="),
    ]
    kinds = {t.id: t.kind.value for t in plan.tasks}
    assert kinds["1"] == "requirement" and kinds["3.1"] == "requirement" and kinds["2.1"] == "heading"


def test_flattened_one_line_notice(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "flat.yaml"
    assert invoke("extract", WRITTEN / "flattened-one-line.txt", "-o", out).exit_code == 0
    plan = load_plan(out)
    assert plan.title == "某县2023年农民工工作要点"
    assert [(t.id, t.title) for t in plan.trackable()] == [
        ("1.1", "做好转移就业工作"),
        ("1.2", "支持返乡创业"),
        ("2.3", "根治欠薪"),
    ]
    assert [str(d) for d in plan.trackable()[1].deadlines] == ["2023-09-30"]


def test_docx_notice(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import docx

    doc = docx.Document()
    doc.add_paragraph("某区2024年重点工作任务分工方案")
    doc.add_paragraph("一、稳定就业")
    table = doc.add_table(rows=3, cols=4)
    for row, cells in zip(
        table.rows,
        [
            ("序号", "工作任务", "牵头单位", "完成时限"),
            ("1", "新增城镇就业5000人以上。", "区人社局", "年底前"),
            ("2", "开展职业技能培训3000人次。", "区人社局、区教育局", "9月底前"),
        ],
        strict=True,
    ):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    src = tmp_path / "方案.docx"
    doc.save(str(src))
    out = tmp_path / "docx.yaml"
    result = invoke("extract", src, "-o", out)
    assert result.exit_code == 0, result.output
    tasks = load_plan(out).trackable()
    assert [(t.id, t.title) for t in tasks] == [
        ("1.1", "新增城镇就业5000人以上"),
        ("1.2", "开展职业技能培训3000人次"),
    ]
    assert [(a.name, a.role.value) for a in tasks[1].agencies] == [("区人社局", "lead"), ("区教育局", "lead")]
    assert [str(d) for d in tasks[0].deadlines] == ["2024-12-31"]


def test_schema_command(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("schema")
    schema = json.loads(result.stdout)
    assert "tasks" in schema["properties"] and "schema" in schema["properties"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(
            list("一二三、()(一)1.2万人以上年底前牵头负责市人社局,。;:\n 0123456789%左右")
        ),
        max_size=400,
    )
)
def test_any_text_gives_a_plan_or_nothing(text: str) -> None:
    result = extract_text(text)
    assert result.plan.kind in ("plan", "other")


@pytest.mark.slow
def test_adversarial_megabyte_parses() -> None:
    chunks = ["(" * 5000, "1" * 5000, "、" * 5000, "((市人社局、" * 2000, "1.2.3.4." * 2000, "一、" * 3000]
    text = ("\n".join(chunks) + "\n") * 12
    assert len(text.encode("utf-8")) > 1_000_000
    extract_text(text)


def test_progress_report_is_refused(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("extract", WRITTEN / "progress-report.txt", "-o", tmp_path / "r.yaml")
    assert result.exit_code == 2
    assert "落实情况" in result.output and "不是工作计划" in result.output


def test_pdf_notice_with_lines_broken_mid_sentence(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_sources import _pdf

    lines = [
        "某县2024年农民工工作要点",
        "一、促进就业",
        "(一)做好转移就业工作。全年新增转移农村劳动力3000人,6月",
        "底前完成春风行动。(县人社局牵头,县农业农村局参加)",
        "(二)支持返乡创业。扶持返乡创业500人以上。(县人社局、县财",
        "政局分别负责)",
    ]
    src = tmp_path / "要点.pdf"
    src.write_bytes(_pdf(lines))
    out = tmp_path / "pdf.yaml"
    result = invoke("extract", src, "-o", out)
    assert result.exit_code == 0, result.output
    tasks = load_plan(out).trackable()
    assert [t.title for t in tasks] == ["做好转移就业工作", "支持返乡创业"]
    assert [str(d) for d in tasks[0].deadlines] == ["2024-06-30"]
    assert [(a.name, a.role.value) for a in tasks[1].agencies] == [
        ("县人社局", "responsible"),
        ("县财政局", "responsible"),
    ]


def test_big5_traditional_notice(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (
        "某縣人民政府辦公室關於印發某縣2022年就業工作要點的通知\n"
        "一、穩定就業\n"
        "(一)加強職業技能培訓。全年培訓農民工2000人次以上。(縣人力資源社會保障局牽頭,縣財政局配合)\n"
    )
    src = tmp_path / "big5.txt"
    src.write_bytes(text.encode("big5"))
    out = tmp_path / "big5.yaml"
    assert invoke("extract", src, "-o", out).exit_code == 0
    plan = load_plan(out)
    task = plan.trackable()[0]
    assert task.title == "加强职业技能培训"
    assert [(a.name, a.role.value) for a in task.agencies] == [
        ("县人力资源社会保障局", "lead"),
        ("县财政局", "support"),
    ]
    assert [(x.value, x.unit, x.op.value) for x in task.targets] == [(2000, "人次", ">=")]


def test_saved_web_page(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = """<!DOCTYPE html><html><head><meta charset="gbk"><title>通知</title></head><body>
    <div class="nav">首页 &gt; 政务公开 &gt; 通知公告</div>
    <h1>某市人民政府办公室关于印发某市2023年稳就业工作任务清单的通知</h1>
    <p>某府办〔2023〕8号</p>
    <table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>责任单位</td><td>完成时限</td></tr>
    <tr><td>1</td><td>城镇新增就业3万人以上。</td><td>市人社局</td><td>各县(市、区)人民政府</td><td>年底前</td></tr>
    <tr><td>2</td><td>开发公益性岗位500个。</td><td>市人社局</td><td>市财政局</td><td>6月底前</td></tr></table>
    <div class="footer">主办单位:某市人民政府办公室 版权所有</div></body></html>"""
    src = tmp_path / "page.html"
    src.write_bytes(page.encode("gbk"))
    out = tmp_path / "html.yaml"
    result = invoke("extract", src, "-o", out)
    assert result.exit_code == 0, result.output
    plan = load_plan(out)
    assert plan.doc_number == "某府办〔2023〕8号"
    tasks = plan.trackable()
    assert [(t.id, t.title) for t in tasks] == [("1", "城镇新增就业3万人以上"), ("2", "开发公益性岗位500个")]
    assert [(a.name, a.role.value) for a in tasks[0].agencies] == [
        ("市人社局", "lead"),
        ("各县(市、区)人民政府", "responsible"),
    ]
    assert [str(d) for d in tasks[1].deadlines] == ["2023-06-30"]


def test_table_flattened_with_spaces() -> None:
    text = "\n".join(
        [
            "某区2024年为民办实事项目责任分工",
            "序号 工作任务 牵头单位 完成时限",
            "1 新建社区养老服务站10个 区民政局 9月底前",
            "2 新增城镇就业5000人以上 区人社局 年底前",
        ]
    )
    tasks = extract_text(text).plan.trackable()
    assert [(t.id, t.title) for t in tasks] == [
        ("1", "新建社区养老服务站10个"),
        ("2", "新增城镇就业5000人以上"),
    ]
    assert [(a.name, a.role.value) for a in tasks[0].agencies] == [("区民政局", "lead")]
    assert [str(d) for d in tasks[1].deadlines] == ["2024-12-31"]


def test_batch_into_a_folder(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    batch = tmp_path / "in"
    batch.mkdir()
    for name, src in [
        ("a.txt", SOURCES / "jian-2017.txt"),
        ("b.txt", SOURCES / "ningxia-2023.txt"),
        ("c.txt", NEWS),
        ("d.txt", SOURCES / "jian-2017.txt"),
    ]:
        shutil.copy(src, batch / name)
    out = tmp_path / "out"
    out.mkdir()
    result = invoke("extract", *sorted(batch.iterdir()), "-o", out, "--jobs", "2")
    assert result.exit_code == 2  # the worst of: one page refused (2), one duplicate id (1)
    assert sorted(p.name for p in out.iterdir()) == ["吉安市-2017-工作要点.yaml", "宁夏-2023-行动.yaml"]
    assert "c.txt: c.txt 看起来是新闻报道" in result.output
    assert "与 a.txt 的计划编号相同" in result.output and "--id" in result.output


def test_batch_needs_a_folder(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "extract", SOURCES / "jian-2017.txt", SOURCES / "ningxia-2023.txt", "-o", tmp_path / "x.yaml"
    )
    assert result.exit_code == 1
    assert "多个文件时 -o 必须是已存在的文件夹" in result.output


def test_notice_that_only_sets_up_a_body_is_refused() -> None:
    text = (
        "某市人民政府办公室关于建立某市农民工工作联席会议制度的通知\n"
        "一、联席会议主要职责\n研究拟订我市农民工工作的具体政策措施。\n"
        "二、联席会议成员组成\n联席会议由市政府办公室、市人社局等部门组成。\n"
    )
    result = extract_text(text)
    assert not result.verdict.is_plan
    assert result.verdict.looks_like == "制度文件"
    assert [t.kind.value for t in result.plan.tasks] == ["requirement", "requirement"]


def test_an_opening_that_shows_only_requirements_is_a_plan() -> None:
    text = "\n".join(
        [
            "2024年度全市农业农村系统工作要点一",
            "一、总体要求",
            "坚持以习近平新时代中国特色社会主义思想为指导。",
            "二、主要目标",
            "粮食产量稳定在120万吨以上。",
        ]
    )
    result = extract_text(text)
    assert result.verdict.is_plan
    assert not result.plan.trackable()


def test_work_summary_is_refused() -> None:
    result = extract_text((WRITTEN / "work-summary.txt").read_text(encoding="utf-8"))
    assert not result.verdict.is_plan
    assert result.verdict.looks_like == "工作总结"


def test_cover_notice_requirements_are_not_tasks() -> None:
    text = (
        "某市人民政府办公室关于印发《2021年市政府工作报告任务分解和责任分工方案》的通知\n"
        "某政办发〔2021〕1号\n"
        "各县、区人民政府,市政府各部门:\n"
        "现将《2021年市政府工作报告任务分解和责任分工方案》印发给你们,并就抓好任务落实通知如下:\n"
        "1.明确任务,压实责任。各牵头单位的推进方案务于2021年2月3日前报送市政府。\n"
        "2.加强督考,狠抓落实。各牵头单位要于每月28日前报送工作进展。\n"
    )
    plan = extract_text(text).plan
    assert plan.kind == "plan" and plan.title == "2021年市政府工作报告任务分解和责任分工方案"
    assert [(t.id, t.kind.value) for t in plan.tasks] == [("1", "requirement"), ("2", "requirement")]


def test_plan_numbering_starts_afresh_after_the_cover_notice() -> None:
    text = (
        "现将《某市深化改革分工落实方案》(以下简称《方案》)印发给你们,请认真贯彻实施。\n"
        "一、高度重视,认真研究政策。各县区、各部门要强化组织领导。\n"
        "二、压实责任,推动工作落实。各牵头单位要统筹落实任务事项。\n"
        "1.深化改革取得重大突破。(牵头单位:市发展改革委;配合单位:市财政局)\n"
        "2.培育新动能。(牵头单位:市工业和信息化局)\n"
    )
    plan = extract_text(text).plan
    assert plan.title == "某市深化改革分工落实方案"
    assert [(t.id, t.kind.value) for t in plan.tasks] == [("1", "task"), ("2", "task")]
    assert [(a.name, a.role.value) for a in plan.tasks[0].agencies] == [
        ("市发展改革委", "lead"),
        ("市财政局", "support"),
    ]


def test_items_take_the_agency_of_their_heading() -> None:
    text = (
        "2025年县政府工作报告任务清单\n一、县示范区管委会牵头工作(2项)\n1.打造食用菌生产基地。\n"
        "2.建设3个产业园。(县工信局配合)\n二、县发改局牵头工作(1项)\n3.推进重点项目建设。\n"
    )
    tasks = {t.id: t for t in extract_text(text).plan.trackable()}
    assert [(a.name, a.role.value) for a in tasks["1.1"].agencies] == [("县示范区管委会", "lead")]
    # an item naming only a supporter still has its heading's lead to support
    assert [(a.name, a.role.value) for a in tasks["1.2"].agencies] == [
        ("县工信局", "support"),
        ("县示范区管委会", "lead"),
    ]
    assert [(a.name, a.role.value) for a in tasks["2.3"].agencies] == [("县发改局", "lead")]


def test_targets_under_a_requirement_heading_are_tasks() -> None:
    text = (
        "某市2020年重点工作分工\n一、总体要求和主要预期目标\n1.坚持稳中求进工作总基调。\n"
        "2.城镇新增就业9000人以上,城镇调查失业率6%左右。\n"
    )
    kinds = {t.id: t.kind.value for t in extract_text(text).plan.tasks}
    assert kinds == {"1": "requirement", "1.1": "requirement", "1.2": "task"}


@pytest.mark.parametrize(
    ("text", "looks_like"),
    [
        pytest.param(
            "陕西《政府工作报告》部门分工确定\n记者昨日获悉,省政府就落实重点工作提出分工意见。\n"
            "1、继续抓好30个重大文化项目。(省发改委、省文化厅等负责)\n三秦都市报记者张维\n",
            "新闻报道",
            id="news-listing-tasks",
        ),
        pytest.param(
            "现将实事项目1—6月份进展情况予以公示。\n1.轨道交通1号线投入试运营。 责任单位:市轨道交通指挥部 "
            "实际完成情况:已于5月30日通车。\n2.新增安装300套视频设备。 责任单位:市公安局 实际完成情况:完成55%。\n",
            "进展情况通报",
            id="progress-notice",
        ),
    ],
)
def test_pages_that_list_tasks_but_are_not_plans(text: str, looks_like: str) -> None:
    verdict = extract_text(text).verdict
    assert not verdict.is_plan
    assert verdict.looks_like == looks_like


def test_table_shown_from_a_later_row_with_an_unknown_task_column() -> None:
    text = "\n".join(
        [
            "2024年重点工作目标任务分解表",
            "序号 |",
            "目标与任务 |",
            "牵头责任单位 |",
            "责任单位 |",
            "80 |",
            "新增托位数400个以上。 |",
            "县教育局 |",
            "县各有关单位 |",
            "81 |",
            "保障职业学院秋季开学。 |",
            "县教育局 |",
            "县各有关单位 |",
        ]
    )
    tasks = extract_text(text).plan.trackable()
    assert [(t.path, t.number, t.title) for t in tasks] == [
        ([80], "80", "新增托位数400个以上"),
        ([81], "81", "保障职业学院秋季开学"),
    ]
    assert [(a.name, a.role.value) for a in tasks[0].agencies] == [
        ("县教育局", "lead"),
        ("县各有关单位", "responsible"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "某县安全生产专项整治三年行动方案(2020-2022年)\n一、总体要求\n以人民为中心。\n",
            id="title-with-year-range",
        ),
        pytest.param(
            "为扎实做好河长制工作,结合实际,制定本工作方案。\n一、总体要求\n(一)指导思想\n全面贯彻。\n",
            id="plan-that-names-itself",
        ),
        pytest.param(
            "各乡镇人民政府:\n现将《某区2020年度重点工作任务分解表》印发给你们,请认真抓好落实。\n"
            "一、高度重视,夯实责任。\n二、主动作为,强化协作。\n某区人民政府办公室\n2020年4月9日\n",
            id="cover-notice-only",
        ),
        pytest.param(
            "许家湖镇2020年工作安排\n2020年,全镇工作的总体要求是:坚持稳中求进。\n",
            id="plan-title-no-numbers-yet",
        ),
    ],
)
def test_plan_openings_without_tasks_are_still_plans(text: str) -> None:
    result = extract_text(text)
    assert result.verdict.is_plan, result.verdict.reason
    assert not result.plan.trackable()


@pytest.mark.parametrize(
    ("text", "looks_like"),
    [
        pytest.param(
            "某县人民政府工作规则\n第一章 总则\n一、根据有关规定,制定本规则。\n二、县政府工作的指导思想。\n",
            "工作规则",
            id="rules",
        ),
        pytest.param(
            "部长在2024年全国生态环境保护工作会议上的工作报告\n同志们:\n一、2023年工作取得积极进展\n"
            "(一)认真贯彻决策部署。全年完成治理项目1200个。\n",
            "讲话稿",
            id="speech",
        ),
        pytest.param(
            "关于印发2022年《政府工作报告》主要任务上半年落实情况的通报\n各乡镇:\n现将落实情况通报如下。\n",
            "进展情况通报",
            id="progress-bulletin-without-items",
        ),
    ],
)
def test_other_genres_are_refused(text: str, looks_like: str) -> None:
    verdict = extract_text(text).verdict
    assert not verdict.is_plan and verdict.looks_like == looks_like


def test_space_joined_table_with_group_column_and_empty_cells() -> None:
    text = "\n".join(
        [
            "某市全面推行河长制主要任务分解表",
            "序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位",
            "1 加强水资源保护 严守用水总量控制红线 到2020年,全市用水总量控制在11.88亿立方米以内。 市水利局 市发展改革委等 各县(市、区)人民政府",
            "2  严守用水效率控制红线 到2020年,万元工业增加值用水量比2015年下降25%以上。 市水利局 市发展改革委等 各县(市、区)人民政府",
        ]
    )
    tasks = extract_text(text).plan.trackable()
    assert [t.title for t in tasks] == ["严守用水总量控制红线", "严守用水效率控制红线"]
    assert [(a.name, a.role.value) for a in tasks[1].agencies] == [
        ("市水利局", "lead"),
        ("市发展改革委", "support"),
        ("各县(市、区)人民政府", "responsible"),
    ]
    assert [(x.value, x.unit, x.op.value) for x in tasks[0].targets] == [(1188000000, "立方米", "<=")]


def test_notice_title_over_three_lines_beats_its_middle_piece() -> None:
    text = (
        "广东省人民政府关于印发2021年\n省《政府工作报告》重点任务\n分工方案的通知\n粤府〔2021〕22号\n"
        "一、2021年经济社会发展主要预期目标\n1.地区生产总值增长6%以上。\n"
    )
    assert extract_text(text).plan.title == "2021年省《政府工作报告》重点任务分工方案"


def test_notice_handing_down_targets_lists_requirements_not_tasks() -> None:
    text = (
        "甘政发〔2022〕9号\n各市、自治州人民政府,省政府各部门:\n"
        "省政府决定,将《政府工作报告》主要指标和重点任务予以分解下达。现将有关事项通知如下:\n"
        "一、统一思想抓落实。各地各部门要把落实《政府工作报告》作为重要政治任务。\n"
        "二、明确责任抓落实。各牵头部门要于1月底前完成各项目标任务的细化分解。\n"
    )
    result = extract_text(text)
    assert result.verdict.is_plan
    assert [t.kind.value for t in result.plan.tasks] == ["requirement", "requirement"]


@pytest.mark.parametrize(
    ("text", "looks_like"),
    [
        pytest.param(
            "成都市人民政府关于印发《成都市市级财政专项资金管理暂行办法》的通知\n成府发〔2014〕7号\n"
            "成都市市级财政专项资金管理暂行办法\n第一章总则\n第一条 为加强资金管理,制定本办法。\n",
            "规章制度",
            id="regulation",
        ),
        pytest.param(
            "蔚县人民政府办公室关于印发《蔚县突发公共卫生事件应急预案》的通知\n蔚政办字〔2020〕43号\n"
            "1 总则\n1.1 编制目的\n指导应急处置工作。\n",
            "应急预案",
            id="emergency-plan",
        ),
        pytest.param(
            "关于召开《健康宣城行动实施方案(代拟稿)》征求意见会的预通知\n各有关单位:\n附件:\n1.参会单位名单\n",
            "会议通知",
            id="meeting-notice",
        ),
    ],
)
def test_notices_handing_over_other_documents_are_refused(text: str, looks_like: str) -> None:
    verdict = extract_text(text).verdict
    assert not verdict.is_plan and verdict.looks_like == looks_like


def test_site_menu_and_info_lines_do_not_decide_the_genre() -> None:
    text = (
        "• 工作总结\n• 工作计划\n2024年度全市农业农村系统工作要点\n一、重点任务\n"
        "(一)稳定粮食生产。全年粮食播种面积稳定在500万亩以上。\n"
    )
    result = extract_text(text)
    assert result.verdict.is_plan and result.plan.title == "2024年度全市农业农村系统工作要点"
    info = (
        "索引号: 11341729003257952H/202301-00044 组配分类: 年度重点工作任务分解、执行及落实情况\n"
        "泾县人民政府关于分解落实政府工作报告目标任务的通知\n泾政〔2023〕1号\n"
        "现将《政府工作报告》2023年6个方面243项工作任务予以分解印发。\n一、细化任务抓落实。各乡镇要建立工作台账。\n"
    )
    result = extract_text(info)
    assert result.verdict.is_plan
    assert result.plan.title == "泾县人民政府关于分解落实政府工作报告目标任务的通知"
    assert [t.kind.value for t in result.plan.tasks] == ["requirement"]
