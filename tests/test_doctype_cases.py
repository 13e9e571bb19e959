"""Plan or not: refusal needs positive evidence that a page is something else. Invented pages of
the shapes seen on real sites (failure kind 1 of issue 10)."""

from __future__ import annotations

import pytest

from plantrack.extract.pipeline import extract_text

PLANS = {
    "starts-mid-document": """（接上页）
（五）加强督促检查。县政府督查室每季度对各项任务推进情况开展督查。（县政府办负责）
（六）严格考核问责。将任务完成情况纳入年度综合考核。（县委组织部、县考核办负责）
""",
    "first-number-five": """（五）推进农村危房改造。年底前完成农村危房改造300户。（县住建局负责）
（六）实施饮水安全巩固提升工程。（县水利局负责）
（七）开展人居环境整治。（县农业农村局牵头,各乡镇配合）
""",
    "first-number-three-arabic": """3.完善社会救助制度。健全低保对象动态管理机制，6月底前完成低保对象复核。
4.提升养老服务水平。新建社区养老服务站5个。
""",
    "one-item": """某市民政局2024年工作要点
一、兜牢民生保障底线。全年城乡低保标准提高5%以上，年底前实现特困人员应养尽养。
""",
    "two-items": """某县卫生健康局2024年工作安排
1.推进紧密型县域医共体建设。9月底前完成医共体总院挂牌。
2.开展基层医疗机构能力提升行动。新建村卫生室标准化建设点20个。
""",
    "division-by-unit": """某市2024年社会救助工作任务分工
（十四）市民政局。负责完善社会救助制度，健全低收入人口动态监测机制；配合做好救助资金绩效评价。
（十五）市财政局。负责落实社会救助资金保障；配合做好资金监管。
""",
    "work-sense-research-summary": """某区2024年营商环境优化工作方案
一、工作任务
1.开展专题调研。6月底前开展一次营商环境专题调研，形成调研报告。（区发改局负责）
2.通报完成情况。每季度汇总各单位任务完成情况，报区政府。（区政府办负责）
3.做好年度总结。12月底前总结全年工作，提出下一年度工作建议。（区发改局负责）
""",
    "news-word-in-a-plan-title": """关于印发《某县2024年新闻出版工作要点》的通知
各乡镇人民政府，县直各单位：
现将《某县2024年新闻出版工作要点》印发给你们，请认真贯彻落实。
一、加强新闻宣传阵地建设。年底前建成县级融媒体中心。（县委宣传部负责）
二、推进全民阅读。开展全民阅读活动50场以上。（县文旅局负责）
""",
    "site-news-menu-and-source-line": """首页 > 新闻中心 > 通知公告
来源：县政府办公室 发布时间：2024-03-01
为确保全年目标任务落实情况可查可考，结合我县实际，现将有关事项安排如下。
一、加快项目建设。年底前完成重点项目投资20亿元。
二、抓好招商引资。全年引进亿元以上项目10个。
""",
    "genre-words-in-unnumbered-headings": """某局2024年政务公开工作要点
深化政策解读形式
1.积极做好政策解读工作，提升解读质量。（办公室负责）
规范信息公开工作年度报告
2.1月底前编制发布上年度政府信息公开工作年度报告。（办公室负责）
做好年度工作总结
3.12月底前总结全年政务公开工作。（各科室负责）
""",
    "indicator-table-without-numbers": """某县2024年就业工作主要指标任务分解
指标名称 | 年度目标 | 责任单位 | 配合单位
城镇新增就业 | 5000人以上 | 县人社局 | 各乡镇
城镇调查失业率 | 控制在5.5%以内 | 县人社局 | 县统计局
农村劳动力转移就业 | 8000人 | 县农业农村局 | 县人社局
""",
    "division-numbered-colon": """某县2024年乡村振兴重点任务分工
1.县农业农村局：负责统筹推进乡村振兴各项工作；配合做好农村人居环境整治。
2.县财政局：负责落实乡村振兴资金保障。
3.县住建局：负责农村危房改造，年底前完成200户。
""",
    "continued-page-number": """（接上页）
做好农民工返乡创业服务，年底前新建返乡创业园2个。
3.加强职业技能培训。全年开展职业技能培训5000人次。（县人社局负责）
4.完善社会保障体系。（县医保局负责）
""",
}

OTHERS = {
    "news-dateline": """本报讯（记者 张明 通讯员 李华）近日，某县召开2024年民生实事推进会。
会议要求：
一、提高思想认识。各单位要高度重视民生实事工作。
二、加快项目进度。确保6月底前全部开工。
""",
    "speech": """在全县安全生产工作会议上的讲话
同志们：
今天召开会议，主要任务是总结去年工作，部署今年任务。
一、清醒认识当前安全生产形势
二、突出重点，狠抓落实
""",
    "past-results": """某县2023年工作总结
2023年，在县委、县政府的坚强领导下，全县各项工作取得显著成效。
一、经济运行稳中向好。全年实现地区生产总值156亿元，同比增长6.5%。
二、项目建设成效明显。累计完成固定资产投资89亿元，同比增长8.2%，先后引进项目32个。
三、民生保障持续改善。全年新增城镇就业5200人，圆满完成年度目标任务。
""",
    "interpretation": """《某县2024年政府工作报告目标任务分工方案》政策解读
一、出台背景
为确保政府工作报告提出的各项任务落实到位，县政府办公室对各项任务进行了细化分解。
二、主要内容
任务分解采用表格形式，共149项。
三、保障措施
县政府办公室将定期开展工作调度。
解读机构：某县人民政府办公室
咨询电话：0000-1234567
""",
    "agenda-item-interpretation": """区政府第12次常务会议议题解读:《某区稳就业促发展工作实施意见》
发布日期:2024-05-10
一、起草背景和过程
为做好稳就业工作，区人社局牵头起草了《实施意见》，并征求了区发改局、区财政局意见。
二、主要内容
《实施意见》共分为指导思想、目标任务、组织保障三部分，明确了牵头单位、协办单位和完成时限。
""",
    "interpretation-qa": """某市就业创业新政解读
问：新政出台的背景是什么？
答：为进一步稳定就业，市人社局会同有关部门制定了本政策。
问：新政有哪些主要内容？
答：一是扩大创业担保贷款范围；二是提高一次性创业补贴标准。
""",
    "regulation": """某市城市绿化管理办法
第一条 为了加强城市绿化管理，根据有关法律法规，结合本市实际，制定本办法。
第二条 本办法适用于本市城市规划区内的绿化规划、建设、保护和管理。
第三条 市城市管理局是本市城市绿化行政主管部门。
""",
    "commendation": """关于表彰2023年度全县安全生产工作先进集体和先进个人的决定
各乡镇人民政府，县直各单位：
2023年，全县各级各部门认真落实安全生产责任，涌现出一批先进集体和先进个人。经研究，决定对以下单位和个人予以表彰。
一、先进集体（10个）
县应急管理局、县消防救援大队……
二、先进个人（20名）
""",
    "progress-bulletin": """某县重点工作第三季度推进情况通报
一、产业项目建设
1.新建标准厂房项目。进展情况：主体工程已完工，完成投资1.2亿元。
2.物流园区项目。进展情况：已完成土地征收，正在开展场地平整。
""",
    "speech-big-meeting": """在全市安全生产暨消防工作推进大会上的讲话
（2024年3月5日）
同志们：
这次会议的主要任务是部署今年工作。下面，我讲三点意见。
一、提高政治站位，切实增强做好安全生产工作的责任感
二、聚焦重点领域，坚决遏制重特大事故发生
1.抓好道路交通安全。公安交警部门要开展专项整治。
2.抓好建筑施工安全。住建部门要加强监管。
三、压实各方责任，确保各项措施落地见效
""",
    "speech-no-title": """同志们：
今天我们召开全县农业农村工作会议，我讲几点意见。
一、坚定信心，全力以赴抓好粮食生产
二、突出重点，扎实推进乡村振兴
（一）抓好产业发展。要培育壮大特色产业。
（二）抓好人居环境整治。要持续开展村庄清洁行动。
""",
    "inspection-bulletin": """关于2024年上半年重点工作督查情况的通报
各乡镇，县直各单位：
根据县委、县政府安排，县督查室于6月对全县重点工作进行了督查。现将督查情况通报如下：
一、总体情况
截至6月底，全县56项重点工作中，已完成12项，按序时推进40项，滞后4项。
二、存在问题
（一）部分项目推进缓慢。个别项目至今未开工。
（二）部分单位重视不够。
三、下步要求
（一）加快推进进度。各责任单位要倒排工期。
""",
    "news-results": """我县2023年民生实事全部完成
2024-01-10 来源：县融媒体中心
记者从县政府获悉，2023年我县确定的10件民生实事已全部完成。
一、新建幼儿园3所，新增学位900个。
二、改造老旧小区15个，惠及居民3200户。
三、新建口袋公园6个。
""",
    "news-results-no-byline": """我市去年十大民生实事全部完成
2024-01-10 来源：市政府办公室
2023年，我市确定的十件民生实事已全部完成，群众满意度达到96%。
一、教育方面。新建改扩建学校12所，新增学位8000个，圆满完成年度目标。
二、就业方面。全年城镇新增就业1.5万人，超额完成年度目标。
三、养老方面。累计建成居家养老服务中心20个，提前完成年度目标。
""",
}


@pytest.mark.parametrize("text", PLANS.values(), ids=PLANS.keys())
def test_plans_are_extracted(text: str) -> None:
    result = extract_text(text)
    assert result.verdict.is_plan, result.verdict.reason
    assert result.plan.trackable()


@pytest.mark.parametrize("text", OTHERS.values(), ids=OTHERS.keys())
def test_other_pages_are_refused(text: str) -> None:
    result = extract_text(text)
    assert not result.verdict.is_plan
    assert result.verdict.reason


def test_an_indicator_table_without_numbers_gives_one_task_a_row() -> None:
    plan = extract_text(PLANS["indicator-table-without-numbers"]).plan
    assert [(t.path, t.title) for t in plan.trackable()] == [
        ([1], "城镇新增就业"),
        ([2], "城镇调查失业率"),
        ([3], "农村劳动力转移就业"),
    ]
    assert [[(x.value, x.unit) for x in t.targets] for t in plan.tasks] == [
        [(5000, "人")],
        [(5.5, "%")],
        [(8000, "人")],
    ]
    assert [a.name for a in plan.tasks[1].agencies] == ["县人社局", "县统计局"]


def test_a_page_starting_mid_document_keeps_its_printed_numbers() -> None:
    plan = extract_text(PLANS["starts-mid-document"]).plan
    assert [t.path for t in plan.trackable()] == [[5], [6]]
    plan = extract_text(PLANS["first-number-three-arabic"]).plan
    assert [t.path for t in plan.trackable()] == [[3], [4]]


def test_division_by_unit_gives_one_task_per_unit() -> None:
    plan = extract_text(PLANS["division-by-unit"]).plan
    assert [(t.path, t.title) for t in plan.trackable()] == [([14], "市民政局"), ([15], "市财政局")]


def test_a_one_cell_a_line_table_without_numbers_gives_one_task_a_row() -> None:
    text = (
        "某县2024年就业指标分解\n指标名称\n年度目标\n责任单位\n城镇新增就业\n5000人\n县人社局\n"
        "农村劳动力转移\n8000人\n县农业农村局\n各单位要按季度报送完成情况。\n"
    )
    plan = extract_text(text).plan
    assert [(t.path, t.title) for t in plan.trackable()] == [([1], "城镇新增就业"), ([2], "农村劳动力转移")]
    assert [[a.name for a in t.agencies] for t in plan.tasks] == [["县人社局"], ["县农业农村局"]]
