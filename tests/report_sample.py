"""A small fixed plan and journal for report tests (phrasing from the Ji'an 2017 work plan)."""

from __future__ import annotations

from datetime import date, datetime

from plantrack.models import Agency, Item, Op, Plan, Role, Section, Target
from plantrack.tracking.models import Entry, Status

R, L, S = Role.responsible, Role.lead, Role.support
CLOCK = datetime(2017, 10, 9, 9, 30)


def _item(path: list[int], number: str, title: str, agencies: list[tuple[str, Role]], **kw: object) -> Item:
    return Item(
        path=path,
        number=number,
        title=title,
        agencies=[Agency(name=n, role=r) for n, r in agencies],
        **kw,  # type: ignore[arg-type]
    )


def sample_plan() -> Plan:
    return Plan(
        id="jian-2017",
        title="吉安市农民工工作领导小组2017年工作要点",
        notice_title="吉安市农民工工作领导小组办公室关于印发吉安市农民工工作领导小组2017年工作要点的通知",
        doc_number="吉农工办〔2017〕1号",
        issuer=["吉安市农民工工作领导小组办公室"],
        issued_on=date(2017, 8, 28),
        year=2017,
        sections=[
            Section(path=[1], number="一、", title="大力推动农民工就业创业"),
            Section(path=[2], number="二、", title="着力维护农民工的合法权益"),
            Section(path=[3], number="三、", title="推动农民工逐步平等享受城镇基本公共服务和在城镇落户"),
        ],
        tasks=[
            _item(
                [1, 1],
                "(一)",
                "积极推进农民工转移就业",
                [("市人社局", R), ("市发改委", R), ("市财政局", R), ("市扶贫移民办", R)],
                targets=[
                    Target(value=60400, unit="人", metric="新增转移农村劳动力"),
                    Target(value=42600, unit="人", metric="省内新增转移", parent=0),
                    Target(value=17250, unit="人", metric="家庭服务业新增从业人员", parent=0),
                ],
            ),
            _item(
                [1, 4],
                "(四)",
                "加大农民工职业培训力度",
                [("市人社局", R), ("市总工会", R)],
                targets=[
                    Target(value=29900, unit="人", metric="培训省内工业园区员工"),
                    Target(value=13000, unit="人", metric="创业培训"),
                ],
            ),
            _item(
                [2, 5],
                "(五)",
                "全力保障农民工工资支付",
                [("市人社局", L), ("市公安局", S), ("市城建局", S)],
                deadlines=[date(2017, 12, 31)],
            ),
            _item(
                [2, 7],
                "(七)",
                "扩大农民工社会保险覆盖面",
                [("市人社局", R), ("市城建局", R)],
                targets=[Target(value=100, unit="%", op=Op.ge, metric="新开工建筑项目参加工伤保险比例")],
            ),
            _item(
                [2, 8],
                "(八)",
                "强化农民工安全生产和职业健康保护",
                [("市安监局", L), ("市卫计委", L)],
                deadlines=[date(2017, 6, 30)],
            ),
            _item([3, 10], "(十)", "有序推进农民工在城镇落户", [("市公安局", L), ("市发改委", L)]),
            _item(
                [3, 13],
                "(十三)",
                "积极推动农民工随迁子女平等接受教育",
                [("市教育局", L), ("市财政局", S)],
                deadlines=[date(2017, 11, 30)],
            ),
        ],
    )


def _e(i: int, task: str, day: date, agency: str, note: str = "", **kw: object) -> Entry:
    return Entry(id=i, task=task, as_of=day, recorded_at=CLOCK, agency=agency, note=note, **kw)  # type: ignore[arg-type]


Q2, Q3 = date(2017, 6, 30), date(2017, 9, 30)


def sample_entries() -> list[Entry]:
    return [
        _e(
            1,
            "1.1",
            Q2,
            "市人社局",
            "上半年新增转移农村劳动力3.3万人",
            actuals={"0": 33000, "1": 23000, "2": 9000},
        ),
        _e(2, "1.4", Q2, "市人社局", "开展园区员工岗前培训", actuals={"0": 15000, "1": 5200}),
        _e(
            3,
            "1.1",
            Q3,
            "市人社局",
            "举办“春风行动”专场招聘会36场|达成意向1.2万人\n扶贫车间吸纳贫困劳动力就业",
            status=Status.in_progress,
            actuals={"0": 45000, "1": 32000, "2": 12900},
        ),
        _e(
            4,
            "1.4",
            Q3,
            "市人社局",
            "园区员工培训按计划推进；创业培训<b>受场地限制</b>进度偏慢",
            actuals={"0": 22000, "1": 5600},
        ),
        _e(
            5,
            "2.5",
            Q3,
            "市人社局",
            "在建工程项目实名制覆盖率偏低，部分县区工资保证金未足额缴存",
            status=Status.in_progress,
            percent=40,
        ),
        _e(6, "2.7", Q3, "市人社局", "新开工建筑项目参保率95%", actuals={"0": 95}),
        _e(7, "2.7", Q3, "市人社局", "新开工建筑项目参保率98%", actuals={"0": 98}, corrects=6),
        _e(
            8,
            "2.8",
            Q3,
            "市安监局",
            "完成高危行业岗前培训，职业病危害专项治理持续开展",
            status=Status.in_progress,
            percent=80,
        ),
        _e(9, "3.10", Q2, "市公安局", "全面放开建制镇落户限制", status=Status.in_progress, percent=40),
        _e(10, "3.13", Q3, "市教育局", "秋季学期随迁子女入学工作已完成", status=Status.done),
    ]


def several_agencies_entries() -> list[Entry]:
    """Tasks with several agencies, each reporting its own figures in the third quarter.

    (四): 市人社局 and 市总工会 are both responsible; 市总工会 reports less. (十): both leads report,
    市发改委 well behind 市公安局. (五): a supporting agency reports alongside the lead.
    """
    return [
        *sample_entries(),
        _e(
            11,
            "1.4",
            Q3,
            "市总工会",
            "职工技能培训受企业订单影响，开班推迟",
            status=Status.in_progress,
            percent=50,
        ),
        _e(12, "3.10", Q3, "市公安局", "办理农业转移人口落户5200人", status=Status.in_progress, percent=80),
        _e(13, "3.10", Q3, "市发改委", "市民化配套政策尚在征求意见", status=Status.in_progress, percent=45),
        _e(14, "2.5", Q3, "市城建局", "在建项目工资专户开设率90%", status=Status.in_progress, percent=90),
    ]
