"""The demo: the whole cycle on the bundled Ji'an 2017 notice, in a fresh workspace, with the real code.

extract (plantrack.extract.pipeline) -> plan file (planfile) -> a quarter of progress appended to the
journal (the `record` command's service) -> the 2017Q3 report
(report/). The CLI (`plantrack demo`) prints the steps and shows `status --agency 市人社局`.
The report dates are fixed, so the report is the same on every run (golden test); only the
journal's recorded_at stamps show the real time of the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from plantrack.errors import WorkspaceError
from plantrack.periods import Quarter
from plantrack.records import PlanRecord as Plan
from plantrack.report.context import Report
from plantrack.report.generate import Written
from plantrack.tracking.kinds import Status
from plantrack.tracking.ledger import StatusResult
from plantrack.tracking.records import EntryRecord as Entry
from plantrack.workspace import Workspace, init_workspace

EXAMPLE = "jian-2017.txt"
PLAN_ID = "jian-2017"
QUARTER = Quarter(2017, 3)
AS_OF = QUARTER.end  # 2017-09-30
TODAY = date(2017, 10, 9)  # the day the office collects the reports
AGENCY = "市人社局"
Q2 = date(2017, 6, 30)


@dataclass(frozen=True)
class DemoRecord:
    """One progress report as an agency would send it (values in `plantrack record` syntax)."""

    task: str
    agency: str
    as_of: date
    note: str
    status: Status | None = None
    percent: float | None = None
    actuals: tuple[str, ...] = ()  # "0=4.5万": target index = cumulative value
    corrects: int | None = None  # position (0-based) in DEMO_RECORDS of the record this one corrects


_IP = Status.in_progress

# A realistic third quarter: half-year figures for comparison, then the reports of ten agencies,
# one typo corrected (2.7: 69% for 96%), one lagging task (1.4: 创业培训 behind) and three tasks that
# nobody reported on (11, 15, 22).
DEMO_RECORDS: tuple[DemoRecord, ...] = (
    DemoRecord(
        "1.1", "市人社局", Q2, "上半年新增转移农村劳动力3.3万人", _IP, None, ("0=3.3万", "1=2.3万", "2=0.9万")
    ),
    DemoRecord(
        "1.4",
        "市人社局",
        Q2,
        "上半年培训园区员工1.5万人、创业培训0.52万人",
        _IP,
        None,
        ("0=1.5万", "1=0.3万", "2=0.52万"),
    ),
    DemoRecord(
        "1.1",
        "市人社局",
        AS_OF,
        "举办“春风行动”等专场招聘会36场，扶贫车间吸纳农村贫困劳动力就业1860人",
        _IP,
        None,
        ("0=4.5万", "1=3.2万", "2=1.29万"),
    ),
    DemoRecord("1.2", "市人社局", AS_OF, "发放创业担保贷款3.6亿元，扶持返乡农民工创业2100人", _IP, 75),
    DemoRecord(
        "1.3", "市教育局", AS_OF, "中职学校秋季招收农村未升学初中毕业生5300人，落实扶贫助学补助", _IP, 80
    ),
    DemoRecord(
        "1.4",
        "市人社局",
        AS_OF,
        "园区员工培训进展顺利；创业培训受培训机构资质重新认定影响，9月才恢复开班，进度滞后",
        _IP,
        None,
        ("0=2.24万", "1=0.5万", "2=0.78万"),
    ),
    DemoRecord(
        "2.5",
        "市人社局",
        AS_OF,
        "开展工资支付专项检查，为1260名农民工追发工资1830万元；在建项目实名制覆盖率82%",
        _IP,
        76,
    ),
    DemoRecord("2.6", "市人社局", AS_OF, "规模以上企业劳动合同签订率达到93%", _IP, 75),
    DemoRecord("2.7", "市人社局", AS_OF, "新开工建筑项目参加工伤保险比例69%", _IP, None, ("0=69",)),
    DemoRecord(
        "2.7", "市人社局", AS_OF, "新开工建筑项目参加工伤保险比例96%", _IP, None, ("0=96",), corrects=8
    ),
    DemoRecord("2.8", "市安监局", AS_OF, "完成高危行业农民工岗前安全培训1.1万人次", _IP, 72),
    DemoRecord("2.9", "市人社局", AS_OF, "受理劳动保障监察举报投诉案件312件，结案率97%", _IP, 78),
    DemoRecord("3.10", "市公安局", AS_OF, "全面放开建制镇落户限制，办理农业转移人口落户5200人", _IP, 70),
    DemoRecord("3.12", "市财政局", AS_OF, "农业转移人口市民化奖励资金分配办法已报市政府审定", _IP, 70),
    DemoRecord("3.13", "市教育局", AS_OF, "秋季学期随迁子女入学4.1万人，在公办学校就读比例86%", Status.done),
    DemoRecord("3.14", "市卫计委", AS_OF, "开展新市民健康城市行活动42场", _IP, 75),
    DemoRecord("4.16", "市总工会", AS_OF, "新发展农民工会员1.2万人", _IP, 75),
    DemoRecord("4.17", "市文广新局", AS_OF, "举办慰问农民工文艺演出18场，“红色文化进企业”活动30场", _IP, 80),
    DemoRecord("4.18", "市总工会", AS_OF, "建成农民工综合服务中心6个", _IP, 70),
    DemoRecord(
        "4.19",
        "市民政局",
        AS_OF,
        "开展农村留守儿童“合力监护、相伴成长”专项行动，走访留守儿童2.3万人",
        _IP,
        78,
    ),
    DemoRecord("5.20", "市人社局", AS_OF, "配合省督察组完成第十一次全国农民工工作督察迎检", _IP, 80),
    DemoRecord(
        "5.21", "市统计局", AS_OF, "农民工市民化进程动态监测方案待省统计局下发后启动", Status.not_started
    ),
)


@dataclass(frozen=True)
class DemoResult:
    workspace: Workspace
    source: Path
    plan: Plan
    plan_path: Path
    entries: list[Entry]
    report_path: Path
    report: Report
    status: StatusResult  # `status --agency AGENCY --as-of AS_OF`


def example_source() -> bytes:
    from importlib.resources import files

    return (files("plantrack") / "data" / "examples" / EXAMPLE).read_bytes()


def prepare_workspace(directory: Path) -> Workspace:
    """A new workspace in directory (which must be empty or missing: the demo never mixes with data)."""
    if directory.is_dir() and any(directory.iterdir()):
        raise WorkspaceError(
            f"{directory} 不是空文件夹，演示不会在这里写入。",
            hint="请用 --dir 指定一个新的或空的文件夹，或省略 --dir。",
        )
    return init_workspace(directory)


def extract_example(ws: Workspace) -> tuple[Path, Plan, Path]:
    """Put the bundled notice into data/sources and extract it as `plantrack extract` does."""
    from plantrack.extract.batch import extract_one
    from plantrack.planfile import plan_record

    source = ws.sources / EXAMPLE
    source.write_bytes(example_source())
    result = extract_one(source, workspace=ws, plan_id=PLAN_ID)
    assert result.target is not None
    return source, plan_record(result.plan), result.target


def record_quarter(ws: Workspace, plan: Plan, records: tuple[DemoRecord, ...] = DEMO_RECORDS) -> list[Entry]:
    """Record the demo's progress reports through the `plantrack record` service."""
    from plantrack.tracking.ledger import RecordInput, record

    written: list[Entry] = []
    for rec in records:
        req = RecordInput(
            task=rec.task,
            agency=rec.agency,
            as_of=rec.as_of,
            status=rec.status,
            percent=rec.percent,
            actuals=rec.actuals,
            note=rec.note,
            corrects=written[rec.corrects].id if rec.corrects is not None else None,
            yes=True,  # the demo records first-half figures of a plan issued in August
        )
        entry, _ = record(ws, plan.id, req, today=TODAY)
        written.append(entry)
    return written


def write_demo_report(ws: Workspace) -> Written:
    """The 2017Q3 report of the workspace, written to reports/2017Q3.md as `plantrack report` does."""
    from plantrack.report.cache import write_text
    from plantrack.report.generate import make_report

    written = make_report(ws, AS_OF, signed_on=TODAY)
    write_text(written.default_path, written.text)
    return written


def run_demo(directory: Path) -> DemoResult:
    """The whole cycle in a new workspace at directory."""
    ws = prepare_workspace(directory)
    source, plan, plan_path = extract_example(ws)
    entries = record_quarter(ws, plan)
    written = write_demo_report(ws)
    status = agency_status(ws)
    return DemoResult(ws, source, plan, plan_path, entries, written.default_path, written.report, status)


def agency_status(ws: Workspace) -> StatusResult:
    """What `plantrack status --agency 市人社局 --as-of 2017-09-30` shows in the demo workspace."""
    from plantrack.tracking.ledger import status

    return status(ws, None, AS_OF, AGENCY)
