"""Deterministic benchmark data: workspaces of plans and journals, notices, adversarial texts.

Everything is drawn from a `random.Random(seed)`, so the same seed gives byte-identical files.
Plans are `plantrack.models.Plan` objects written with `plantrack.planfile.write_plan`; journals are
written with the journal module's own `HEADER` and `entry_line`, so the files are exactly what the
program writes and reads. (Appending 100,000 entries through `append_entry` would lock and fsync
each one; the lines are the same.)

    .venv/bin/python bench/generate.py bench/out/demo --scale medium
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from plantrack.models import Agency, Item, Op, Plan, Role, Section, Target
from plantrack.tracking.models import Entry, Status
from plantrack.workspace import Workspace

SEED = 20170828
YEAR = 2017
AS_OF = date(YEAR, 9, 30)  # the status / report date of every generated workspace
MAIN_AGENCY = "市人社局"  # named on about a third of the tasks: the `status --agency` case

AGENCIES = [
    "市人社局", "市发改委", "市财政局", "市农业局", "市工信委", "市商务局", "市扶贫移民办", "市统计局",
    "市市场和质量监督管理局", "市总工会", "团市委", "市妇联", "市教育局", "市公安局", "市城建局", "市安监局",
    "市卫计委", "市民政局", "市司法局", "市国土资源局", "市住房保障局", "市交通运输局", "市水利局", "市林业局",
    "市文广新局", "市科技局", "市环保局", "市审计局", "市旅发委", "市金融办", "市税务局", "市国资委",
    "人行吉安市中心支行", "市中级法院", "市检察院", "市残联", "市科协", "市体育局", "市规划局", "市粮食局",
]  # fmt: skip

VERBS = ["积极推进", "大力引导", "加大", "全力保障", "着力提升", "扩大", "强化", "有序推进", "切实加强",
         "深入开展", "健全完善", "加快推进", "统筹做好", "稳步实施"]  # fmt: skip
OBJECTS = ["农民工转移就业", "农民工自主创业", "农民工职业培训力度", "农民工工资支付", "社会保险覆盖面",
           "安全生产和职业健康保护", "农民工在城镇落户", "随迁子女平等接受教育", "公共就业服务体系",
           "劳动保障监察执法", "农民工法律援助", "住房保障工作", "农民工文化生活", "就业扶贫工作",
           "返乡创业园建设", "家庭服务业发展", "劳动关系协调机制", "基本医疗卫生服务"]  # fmt: skip
SECTION_TITLES = ["大力推动农民工就业创业", "着力维护农民工的合法权益", "推动农民工平等享受城镇基本公共服务",
                  "促进农民工社会融合", "加强组织领导和工作保障", "深化改革创新",
                  "强化督查考核"]  # fmt: skip
FILLER = [
    "完善和落实促进农民工就业政策措施",
    "以新生代农民工为重点,广泛拓展农民工就业渠道",
    "大力扶持劳动密集型产业发展,加大对中小微企业的支持力度,增强对农民工的就业吸纳能力",
    "积极开展农民工就业服务专项行动,通过公共服务对接、跨省劳务输出、扶贫车间就地转移、公益性岗位托底等为农民工提供公共就业服务",
    "加强中心城镇与贫困乡农村劳动力供需对接,支持农民工在家政服务、养老服务和病患陪护服务等领域就业",
    "健全工资支付保障长效机制,全面推行工程建设领域农民工工资专用账户和实名制管理",
    "落实农民工与城镇职工同工同酬制度,依法保障农民工休息休假权利",
    "将符合条件的农民工纳入城镇住房保障范围,改善农民工居住条件",
    "开展“春风行动”“就业援助月”等专项服务活动,举办专场招聘会",
    "建立健全农民工工作考核评估机制,定期通报各地工作进展情况",
]  # fmt: skip
METRICS = [("新增转移农村劳动力", "人"), ("培训省内工业园区员工", "人"), ("创业培训", "人"),
           ("发放创业担保贷款", "万元"), ("新建返乡创业园", "个"), ("新开工建筑项目参加工伤保险比例", "%"),
           ("农民工参加城镇职工基本养老保险", "人次"), ("帮扶贫困劳动力就业", "人")]  # fmt: skip
NOTES = ["举办“春风行动”专场招聘会{n}场", "完成{n}人次岗前培训", "在建工程项目实名制覆盖率{p}%",
         "园区员工培训按计划推进", "受场地限制进度偏慢", "已召开专题推进会{n}次", "工作已全面启动",
         "扶贫车间吸纳贫困劳动力{n}人"]  # fmt: skip
DIGITS = "零一二三四五六七八九"
CITIES = [
    "吉安市",
    "赣州市",
    "九江市",
    "上饶市",
    "宜春市",
    "抚州市",
    "萍乡市",
    "新余市",
    "鹰潭市",
    "景德镇市",
    "南昌市",
]


@dataclass(frozen=True)
class Scale:
    """The size of a generated workspace."""

    name: str
    plans: int
    tasks: int  # in all plans together
    entries: int  # in all journals together


SMALL = Scale("small", 1, 40, 500)
MEDIUM = Scale("medium", 10, 400, 10_000)
LARGE = Scale("large", 50, 2_000, 100_000)
SCALES = {s.name: s for s in (SMALL, MEDIUM, LARGE)}


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 13 -> 十三, 42 -> 四十二 (1..99)."""
    tens, ones = divmod(n, 10)
    head = ("" if tens == 1 else DIGITS[tens]) + "十" if tens else ""
    return head + (DIGITS[ones] if ones or not tens else "")


# ---------------------------------------------------------------------------- plans and journals


def make_plan(rng: random.Random, plan_id: str, n_tasks: int, year: int = YEAR) -> Plan:
    """A plan in the style of the seeds: sections 一、 holding tasks (一) with 5-20 agencies each."""
    n_sections = max(1, min(len(SECTION_TITLES), round(n_tasks / 8)))
    sections = [
        Section(path=[s], number=f"{chinese_number(s)}、", title=SECTION_TITLES[s - 1])
        for s in range(1, n_sections + 1)
    ]
    tasks = [_make_task(rng, [1 + (n - 1) * n_sections // n_tasks, n], year) for n in range(1, n_tasks + 1)]
    return Plan(
        id=plan_id,
        title=f"吉安市农民工工作领导小组{year}年工作要点（{plan_id}）",
        doc_number=f"吉农工办〔{year}〕{rng.randint(1, 30)}号",
        issuer=["吉安市农民工工作领导小组办公室"],
        issued_on=date(year, rng.randint(2, 4), rng.randint(1, 28)),
        year=year,
        sections=sections,
        tasks=tasks,
    )


def _make_task(rng: random.Random, path: list[int], year: int) -> Item:
    title = rng.choice(VERBS) + rng.choice(OBJECTS)
    agencies = _make_agencies(rng)
    targets = [_make_target(rng) for _ in range(rng.choice((0, 0, 1, 1, 2, 3)))]
    ongoing = rng.random() < 0.15
    deadlines = [] if ongoing else sorted({date(year, m, _month_end(year, m)) for m in _months(rng)})
    lead = [a.name for a in agencies if a.role == Role.lead]
    phrase = "、".join(a.name for a in agencies if a.role != Role.lead)
    agency_text = f"({lead[0]}牵头,{phrase}参加)" if lead else f"({phrase}分别负责)"
    text = "。".join([title, *rng.sample(FILLER, 2), *(t.text for t in targets)]) + "。" + agency_text
    return Item(
        path=path,
        number=f"({chinese_number(path[1])})",
        title=title,
        text=text,
        agency_text=agency_text,
        agencies=agencies,
        targets=targets,
        deadlines=deadlines,
        deadline_text=[f"{d.month}月底前" for d in deadlines],
        ongoing=ongoing,
    )


def _make_agencies(rng: random.Random) -> list[Agency]:
    """5-20 agencies; MAIN_AGENCY on about a third of the tasks, mostly as the lead or first named."""
    count = rng.randint(5, 20)
    names = rng.sample(AGENCIES[1:], count)
    if rng.random() < 0.35:
        names[0 if rng.random() < 0.7 else count - 1] = MAIN_AGENCY
    if rng.random() < 0.5:
        return [Agency(name=n, role=Role.lead if i == 0 else Role.support) for i, n in enumerate(names)]
    return [Agency(name=n, role=Role.responsible) for n in names]


def _make_target(rng: random.Random) -> Target:
    metric, unit = rng.choice(METRICS)
    if unit == "%":
        return Target(value=100, unit=unit, op=Op.ge, metric=metric, text=f"{metric}达到100%以上")
    value = rng.randint(10, 900) * 100
    return Target(value=value, unit=unit, metric=metric, text=f"完成{metric}{value / 10000:g}万{unit}")


def _months(rng: random.Random) -> list[int]:
    return rng.sample([3, 6, 9, 10, 11, 12], rng.choice((0, 1, 1, 2)))


def _month_end(year: int, month: int) -> int:
    return ((date(year, 12, 31) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)).day


def make_entries(rng: random.Random, plan: Plan, count: int, as_of: date = AS_OF) -> list[Entry]:
    """count journal entries in date order up to as_of; about 2% corrections and 0.5% undos."""
    tasks = plan.trackable()
    start = date(as_of.year, 1, 15)
    span = (as_of - start).days
    entries: list[Entry] = []
    open_ids: dict[tuple[str, str], int] = {}  # (task, agency) -> latest entry that still counts
    for i in range(1, count + 1):
        day = start + timedelta(days=span * i // count)
        stamp = datetime.combine(day, datetime.min.time()) + timedelta(hours=9, seconds=i % 3600)
        roll = rng.random()
        if roll < 0.005 and entries and entries[-1].undoes is None and entries[-1].corrects is None:
            last = entries[-1]
            open_ids.pop((last.task, last.agency), None)
            entries.append(Entry(id=i, task=last.task, as_of=last.as_of, recorded_at=stamp, agency=last.agency,
                                 undoes=last.id, note=f"撤销记录 #{last.id}"))  # fmt: skip
            continue
        task = rng.choice(tasks)
        agency = rng.choice(task.agencies).name
        corrects = open_ids.get((task.id, agency)) if roll < 0.025 else None
        entries.append(_make_entry(rng, i, task, agency, day, stamp, corrects))
        open_ids[(task.id, agency)] = i
    return entries


def _make_entry(rng: random.Random, i: int, task: Item, agency: str, day: date, stamp: datetime,
                corrects: int | None) -> Entry:  # fmt: skip
    pct = min(100.0, round(100 * (day.timetuple().tm_yday / 365) * rng.uniform(0.5, 1.3), 1))
    status = (
        Status.done
        if pct >= 100
        else rng.choice((Status.in_progress, Status.in_progress, Status.not_started))
    )
    actuals = {str(k): round(t.value * pct / 100) for k, t in enumerate(task.targets)}
    note = "；".join(s.format(n=rng.randint(2, 60), p=rng.randint(40, 99)) for s in rng.sample(NOTES, 2))
    return Entry(id=i, task=task.id, as_of=day, recorded_at=stamp, agency=agency, status=status,
                 percent=None if actuals else pct, actuals=actuals, note=note, corrects=corrects)  # fmt: skip


def write_journal(path: Path, plan_id: str, entries: list[Entry]) -> None:
    """The journal file exactly as `append_entry` would leave it after appending these entries."""
    from plantrack.tracking.journal import HEADER, entry_line

    path.parent.mkdir(parents=True, exist_ok=True)
    text = HEADER.format(plan_id=plan_id) + "".join(entry_line(e) for e in entries)
    path.write_text(text, encoding="utf-8")


def plan_sizes(total: int, parts: int) -> list[int]:
    """total split into parts near-equal whole numbers (the first ones one larger)."""
    return [total // parts + (1 if k < total % parts else 0) for k in range(parts)]


def make_workspace(root: Path, scale: Scale, seed: int = SEED) -> Workspace:
    """A fresh workspace at root with scale.plans plans and their journals (root is replaced)."""
    import shutil

    from plantrack.planfile import write_plan
    from plantrack.workspace import init_workspace

    if root.exists():
        shutil.rmtree(root)
    ws = init_workspace(root)
    rng = random.Random(f"{seed}-{scale.name}")
    counts = zip(plan_sizes(scale.tasks, scale.plans), plan_sizes(scale.entries, scale.plans), strict=True)
    for k, (n_tasks, n_entries) in enumerate(counts, start=1):
        plan = make_plan(rng, f"plan-{k:03d}", n_tasks)
        write_plan(plan, ws.plan_path(plan.id))
        write_journal(ws.journal_path(plan.id), plan.id, make_entries(rng, plan, n_entries))
    return ws


# ---------------------------------------------------------------------------- notices


def make_notice(rng: random.Random, size: int, year: int = YEAR, city: str = "吉安市") -> str:
    """A notice of about `size` UTF-8 bytes: header, 一、/(一)/1. items with agencies, targets, deadlines."""
    number = rng.randint(1, 30)
    group = f"{city}农民工工作领导小组"
    parts = [
        f"{group}办公室关于印发{group}{year}年工作要点的通知",
        f"{city[0]}农工办〔{year}〕{number}号",
        "各县(市、区)人民政府,市农民工工作领导小组各成员单位:",
        f"经研究,现将《{group}{year}年工作要点》印发给你们,请认真组织实施。",
        f"{group}办公室",
        f"{year}年{rng.randint(2, 4)}月{rng.randint(1, 28)}日",
        f"{group}{year}年工作要点",
        f"{year}年全市农民工工作的总体要求是:" + "。".join(rng.sample(FILLER, 3)) + "。",
    ]
    body_budget = size - len("\n".join(parts).encode()) - 200
    parts += _notice_body(rng, body_budget)
    parts += ["", f"{group}办公室", f"{year}年{rng.randint(2, 4)}月{rng.randint(1, 28)}日印发"]
    return "\n\n".join(parts) + "\n"


def _notice_body(rng: random.Random, budget: int) -> list[str]:
    """Sections 一、 of five items each; items (一) numbered on across sections, as the seeds do."""
    out: list[str] = []
    used, item = 0, 0
    while used < budget:
        if item % 5 == 0:
            section = item // 5 + 1
            line = (
                f"{chinese_number(min(section, 99))}、{SECTION_TITLES[(section - 1) % len(SECTION_TITLES)]}"
            )
            out.append(line)
            used += len(line.encode()) + 2
        item += 1
        line = _notice_item(rng, item, sub_items=item % 4 == 3)
        out.append(line)
        used += len(line.encode()) + 2
    return out


def _notice_item(rng: random.Random, n: int, sub_items: bool) -> str:
    head = f"({chinese_number((n - 1) % 99 + 1)}){rng.choice(VERBS)}{rng.choice(OBJECTS)}。"
    sentences = rng.sample(FILLER, 3)
    target = _make_target(rng)
    if target.unit != "%":
        sentences.append(f"完成{target.metric}{target.value / 10000:g}万{target.unit}")
    if rng.random() < 0.6:
        sentences.append(
            f"{rng.choice((3, 6, 9, 11, 12))}月底前{rng.choice(('完成', '全面完成', '基本完成'))}"
        )
    body = head + "。".join(sentences) + "。" + _agency_bracket(rng)
    if not sub_items:
        return body
    subs = [f"{k}.{rng.choice(VERBS)}{rng.choice(OBJECTS)}。{rng.choice(FILLER)}。{_agency_bracket(rng)}"
            for k in range(1, 4)]  # fmt: skip
    return body + "\n" + "\n".join(subs)


def _agency_bracket(rng: random.Random) -> str:
    names = [MAIN_AGENCY, *rng.sample(AGENCIES[1:], rng.randint(4, 12))]
    if rng.random() < 0.5:
        return f"({names[0]}牵头,{'、'.join(names[1:])}参加)"
    return f"({'、'.join(names)}分别负责)"


def write_notices(folder: Path, sizes: list[int], seed: int = SEED) -> list[Path]:
    """Generated notices of the given byte sizes, as UTF-8 .txt files, each of another city or year
    (so each gets its own plan id)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"{seed}-notices")
    paths = []
    for k, size in enumerate(sizes, start=1):
        path = folder / f"generated-{k:02d}-{size // 1000}k.txt"
        city, year = CITIES[(k - 1) % len(CITIES)], YEAR + 1 + (k - 1) // len(CITIES)  # the seeds hold 2017
        path.write_text(make_notice(rng, size, year, city), encoding="utf-8")
        paths.append(path)
    return paths


def adversarial_texts(size: int = 1_000_000) -> dict[str, str]:
    """Texts of `size` characters that stress the parsers: one huge line, unclosed brackets, endless
    markers, number runs, one endless agency list, one item of endless attributions, a deep outline,
    markup junk, and a long real notice."""
    agencies = (AGENCIES[k % len(AGENCIES)] for k in range(size))
    return {
        "one-line": _fill(size, lambda k: "积极推进农民工转移就业,完成新增转移农村劳动力6.04万人"),
        "unclosed-brackets": _fill(size, lambda k: "(市人社局牵头,市财政局"),
        "markers-only": _fill(size, lambda k: f"({chinese_number(k % 99 + 1)})\n"),
        "number-runs": _fill(size, lambda k: "1.2.3.4.5.6.7.8.9.0"),
        "agency-list": "(" + _fill(size - 7, lambda k: next(agencies) + "、") + "分别负责)",
        "attribution-run": "(一)加强组织领导。" + _fill(size - 10, lambda k: "做好相关工作(市人社局牵头)。"),
        "deep-outline": _fill(size, lambda k: f"{chinese_number(k % 9 + 1)}、({chinese_number(k % 9 + 1)})"
                                              f"{k % 9 + 1}.({k % 9 + 1})①任务{k}。完成{k}万人,{k % 12 + 1}月底前\n"),
        "markup-junk": _fill(size, lambda k: "<p>&nbsp;①②③【】《》“”\t\r\n"),
        "long-notice": make_notice(random.Random(SEED), size * 3)[:size],  # ~3 bytes a character
    }  # fmt: skip


def _fill(size: int, piece: Callable[[int], str]) -> str:
    parts, total, k = [], 0, 0
    while total < size:
        parts.append(piece(k))
        total += len(parts[-1])
        k += 1
    return "".join(parts)[:size]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a generated benchmark workspace (deterministic)")
    parser.add_argument("root", type=Path, help="folder to create (replaced if it exists)")
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    make_workspace(args.root, SCALES[args.scale], args.seed)
    print(f"{args.root}: {SCALES[args.scale]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
